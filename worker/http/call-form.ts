// Between the call form's text fields and the API's call input (the same zod schema checks both).
import type { FormBody } from "./forms";
import { str, list } from "./forms";
import type { Call } from "../db/calls";
import { amountToInput, parseAmount } from "../domain/money";
import { isoToZonedInput, zonedInputToIso } from "../domain/time";
import { MAX_QUESTIONS } from "../domain/calls";
import type { CallFormValues } from "../../web/components/call-form-values";

export const emptyCallForm = (funderOrgId: string): CallFormValues => ({
  funderOrgId,
  title: "",
  summary: "",
  languages: "",
  themes: [],
  countries: [],
  globalSouthOnly: true,
  legalStatuses: [],
  maxBudgetAmount: "",
  maxBudgetCurrency: "USD",
  requiredLedBy: [],
  minTrustLevel: "0",
  prioLedBy: [],
  prioSettings: [],
  prioThemes: [],
  grantMin: "",
  grantMax: "",
  grantCurrency: "USD",
  fundingType: "core",
  offerWhat: "",
  offerQuantity: "",
  durationMonths: "12",
  deadline: "",
  kind: "standard",
  decisionWithinDays: "",
  confidential: "auto",
  reviewMode: "funder",
  reviewsPerApplication: "3",
  questions: [{ id: "", label: "", maxChars: "1000" }],
  version: "",
});

export const callFormValues = (f: FormBody): CallFormValues => ({
  funderOrgId: str(f, "funderOrgId"),
  title: str(f, "title"),
  summary: str(f, "summary"),
  languages: str(f, "languages"),
  themes: list(f, "themes"),
  countries: list(f, "countries"),
  globalSouthOnly: str(f, "globalSouthOnly") === "on",
  legalStatuses: list(f, "legalStatuses"),
  maxBudgetAmount: str(f, "maxBudgetAmount"),
  maxBudgetCurrency: str(f, "maxBudgetCurrency").toUpperCase() || "USD",
  requiredLedBy: list(f, "requiredLedBy"),
  minTrustLevel: str(f, "minTrustLevel"),
  prioLedBy: list(f, "prioLedBy"),
  prioSettings: list(f, "prioSettings"),
  prioThemes: list(f, "prioThemes"),
  grantMin: str(f, "grantMin"),
  grantMax: str(f, "grantMax"),
  grantCurrency: str(f, "grantCurrency").toUpperCase() || "USD",
  fundingType: str(f, "fundingType"),
  offerWhat: str(f, "offerWhat"),
  offerQuantity: str(f, "offerQuantity"),
  durationMonths: str(f, "durationMonths"),
  deadline: str(f, "deadline"),
  kind: str(f, "kind") || "standard",
  decisionWithinDays: str(f, "decisionWithinDays"),
  confidential: str(f, "confidential") || "auto",
  reviewMode: str(f, "reviewMode") || "funder",
  reviewsPerApplication: str(f, "reviewsPerApplication"),
  questions: Array.from({ length: MAX_QUESTIONS }, (_, i) => ({
    id: str(f, `q${i + 1}_id`),
    label: str(f, `q${i + 1}_label`),
    maxChars: str(f, `q${i + 1}_max`),
  })),
  version: str(f, "version"),
});

export const callToFormValues = (c: Call, timeZone: string): CallFormValues => ({
  funderOrgId: c.funderOrgId,
  title: c.title,
  summary: c.summary,
  languages: c.languages.join(", "),
  themes: c.themes,
  countries: c.eligibility.countries ?? [],
  globalSouthOnly: c.eligibility.globalSouthOnly,
  legalStatuses: c.eligibility.legalStatuses,
  maxBudgetAmount: c.eligibility.maxAnnualBudget ? amountToInput(c.eligibility.maxAnnualBudget) : "",
  maxBudgetCurrency: c.eligibility.maxAnnualBudget?.currency ?? "USD",
  requiredLedBy: c.eligibility.requiredLedBy,
  minTrustLevel: String(c.eligibility.minTrustLevel),
  prioLedBy: c.priorities.ledBy,
  prioSettings: c.priorities.settings,
  prioThemes: c.priorities.themes,
  grantMin: c.grant ? amountToInput(c.grant.min) : "",
  grantMax: c.grant ? amountToInput(c.grant.max) : "",
  grantCurrency: c.grant?.min.currency ?? "USD",
  fundingType: c.fundingType,
  offerWhat: c.offer?.what ?? "",
  offerQuantity: c.offer ? String(c.offer.quantity) : "",
  durationMonths: String(c.durationMonths),
  deadline: c.deadline === null ? "" : isoToZonedInput(c.deadline, timeZone),
  kind: c.kind,
  decisionWithinDays: c.decisionWithinDays === null ? "" : String(c.decisionWithinDays),
  confidential: c.confidential ? "yes" : "no",
  reviewMode: c.review.mode,
  reviewsPerApplication: String(c.review.reviewsPerApplication),
  questions: c.questions.map((q) => ({ id: q.id, label: q.label, maxChars: String(q.maxChars) })),
  version: String(c.version),
});

const numberOr = (s: string) => (/^\d+$/.test(s) ? Number(s) : s === "" ? undefined : s);

/**
 * The JSON-shaped input. Amounts are parsed from what people type; unreadable ones and an unreadable
 * deadline are reported on their own fields (`errors`), the rest is left to the zod schema.
 */
export const callInputFromValues = (
  v: CallFormValues,
  timeZone: string,
  messages: { amount: string; datetime: string },
) => {
  const errors: Record<string, string> = {};
  const amount = (field: "grantMin" | "grantMax" | "maxBudgetAmount", currency: string) => {
    if (!v[field]) return undefined;
    const a = parseAmount(v[field], currency);
    if (a === null) errors[field] = messages.amount;
    return a ?? undefined;
  };
  const min = amount("grantMin", v.grantCurrency);
  const max = amount("grantMax", v.grantCurrency);
  const ceiling = amount("maxBudgetAmount", v.maxBudgetCurrency);
  const deadline = v.deadline ? zonedInputToIso(v.deadline, timeZone) : undefined;
  if (deadline === null) errors.deadline = messages.datetime;
  const input = {
    ...(v.funderOrgId ? { funderOrgId: v.funderOrgId } : {}),
    title: v.title,
    summary: v.summary,
    languages: v.languages
      .split(/[,\s،]+/)
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean),
    themes: v.themes,
    eligibility: {
      ...(v.countries.length ? { countries: v.countries } : {}),
      globalSouthOnly: v.globalSouthOnly,
      legalStatuses: v.legalStatuses,
      ...(ceiling !== undefined
        ? { maxAnnualBudget: { amount: ceiling, currency: v.maxBudgetCurrency } }
        : {}),
      requiredLedBy: v.requiredLedBy,
      minTrustLevel: numberOr(v.minTrustLevel),
    },
    priorities: { ledBy: v.prioLedBy, settings: v.prioSettings, themes: v.prioThemes },
    // A non-cash offer may leave the grant empty (then it has none); a money call always sends it.
    ...(v.fundingType === "non_cash" && !v.grantMin && !v.grantMax
      ? {}
      : {
          grant: {
            min: { amount: min, currency: v.grantCurrency },
            max: { amount: max, currency: v.grantCurrency },
          },
        }),
    fundingType: v.fundingType || undefined,
    ...(v.offerWhat || v.offerQuantity
      ? { offer: { what: v.offerWhat || undefined, quantity: numberOr(v.offerQuantity) } }
      : {}),
    durationMonths: numberOr(v.durationMonths),
    deadline: deadline ?? undefined,
    kind: v.kind,
    decisionWithinDays: numberOr(v.decisionWithinDays),
    ...(v.confidential === "yes" || v.confidential === "no"
      ? { confidential: v.confidential === "yes" }
      : {}),
    review: { mode: v.reviewMode, reviewsPerApplication: numberOr(v.reviewsPerApplication) },
    // Empty rows are not questions; a row with a label keeps its position's id.
    questions: v.questions
      .filter((q) => q.label || (q.maxChars && q.id))
      .map((q) => ({ ...(q.id ? { id: q.id } : {}), label: q.label, maxChars: numberOr(q.maxChars) })),
    ...(v.version ? { version: Number(v.version) } : {}),
  };
  return { input, errors };
};

/** An API error path → the form field that shows it. */
export const callFieldName = (path: string) => {
  const q = /^questions\.(\d+)\.(label|maxChars|id)/.exec(path);
  if (q) return `q${Number(q[1]) + 1}_${q[2] === "maxChars" ? "max" : "label"}`;
  if (path === "questions") return "q1_label";
  if (path.startsWith("grant.min")) return "grantMin";
  if (path.startsWith("grant.max") || path === "grant") return "grantMax";
  if (path.startsWith("eligibility.maxAnnualBudget")) return "maxBudgetAmount";
  if (path.startsWith("eligibility.countries")) return "countries";
  if (path === "review.mode") return "reviewMode";
  if (path === "offer" || path === "offer.what") return "offerWhat";
  if (path === "offer.quantity") return "offerQuantity";
  if (path === "review.reviewsPerApplication") return "reviewsPerApplication";
  const last = path.split(".").pop()!;
  if (path.startsWith("eligibility.")) return last;
  if (path.startsWith("priorities.")) return `prio${last[0].toUpperCase()}${last.slice(1)}`;
  return path;
};
