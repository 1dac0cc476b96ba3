// Between the organisation form's text fields and the API's Org input shape (same zod schema for both).
import type { FormBody } from "./forms";
import { str, list } from "./forms";
import type { OrgFormValues } from "../../web/components/OrgForm";
import type { Org } from "../db/orgs";
import { amountToInput, parseAmount } from "../domain/money";

export const ORG_FORM_FIELDS: Record<string, string> = {
  "annualBudget.amount": "budgetAmount",
  "annualBudget.currency": "budgetCurrency",
  annualBudget: "budgetAmount",
};

export const orgFormValues = (f: FormBody): OrgFormValues => ({
  kind: str(f, "kind"),
  name: str(f, "name"),
  description: str(f, "description"),
  country: str(f, "country"),
  area: str(f, "area"),
  setting: str(f, "setting"),
  legalStatus: str(f, "legalStatus"),
  foundedYear: str(f, "foundedYear"),
  budgetAmount: str(f, "budgetAmount"),
  budgetCurrency: str(f, "budgetCurrency").toUpperCase(),
  staffCount: str(f, "staffCount"),
  volunteerCount: str(f, "volunteerCount"),
  ledBy: list(f, "ledBy"),
  themes: list(f, "themes"),
  languages: str(f, "languages"),
  visibility: str(f, "visibility"),
  listedInChapter: str(f, "listedInChapter") === "true" ? "true" : "",
  version: str(f, "version"),
});

export const orgToFormValues = (o: Org): OrgFormValues => ({
  kind: o.kind,
  name: o.name,
  description: o.description ?? "",
  country: o.country,
  area: o.area ?? "",
  setting: o.setting ?? "",
  legalStatus: o.legalStatus ?? "",
  foundedYear: o.foundedYear?.toString() ?? "",
  budgetAmount: o.annualBudget ? amountToInput(o.annualBudget) : "",
  budgetCurrency: o.annualBudget?.currency ?? "USD",
  staffCount: o.staffCount?.toString() ?? "",
  volunteerCount: o.volunteerCount?.toString() ?? "",
  ledBy: o.ledBy,
  themes: o.themes,
  languages: o.languages.join(", "),
  visibility: o.visibility,
  listedInChapter: o.listedInChapter ? "true" : "",
  version: String(o.version),
});

const numberOrNull = (s?: string) => (!s ? null : /^\d+$/.test(s) ? Number(s) : s);

/**
 * The JSON-shaped input the zod schema checks. An empty optional field clears the value (null). The amount
 * is parsed from what people type ("8 000,50") into minor units; `amountError` reports an unreadable amount.
 */
export const orgInputFromValues = (v: OrgFormValues) => {
  const currency = v.budgetCurrency || "USD";
  const amount = v.budgetAmount ? parseAmount(v.budgetAmount, currency) : null;
  return {
    amountError: !!v.budgetAmount && amount === null,
    input: {
      ...(v.kind ? { kind: v.kind } : {}),
      name: v.name,
      description: v.description || null,
      country: v.country,
      area: v.area || null,
      setting: v.setting || null,
      legalStatus: v.legalStatus || null,
      foundedYear: numberOrNull(v.foundedYear),
      annualBudget: amount === null ? null : { amount, currency },
      staffCount: numberOrNull(v.staffCount),
      volunteerCount: numberOrNull(v.volunteerCount),
      ledBy: v.ledBy ?? [],
      themes: v.themes ?? [],
      languages: (v.languages ?? "")
        .split(/[,\s،]+/)
        .map((s) => s.trim().toLowerCase())
        .filter(Boolean),
      visibility: v.visibility || "public",
      // A checkbox: unticked in a posted form means "do not list us".
      listedInChapter: v.listedInChapter === "true",
      ...(v.version ? { version: Number(v.version) } : {}),
    },
  };
};
