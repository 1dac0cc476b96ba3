// Matching a CSO to a funding call: eligibility (hard filter, one reason per criterion of the call), then
// a 0–100 score from priorities, theme overlap, language fit and an equity boost. Pure and deterministic;
// the reasons carry message keys and typed parameters, and are put into words by worker/i18n/reasons.ts.
import {
  LED_BY,
  LEGAL_STATUSES,
  SETTINGS,
  THEMES,
  type CivicSpace,
  type IncomeGroup,
  type LedBy,
  type LegalStatus,
  type Setting,
  type Theme,
} from "../../schema/enums";
import type { Money } from "./money";
import { toUsdCents, type FxTable } from "./fx";
import { VOUCHES_NEEDED } from "./trust";

/** Where the points come from. Every weight of the ranking is here, and the README explains them. */
export const WEIGHTS = {
  /** Share of the call's priority dimensions (led-by, setting, themes) the organisation meets. */
  priorities: 35,
  /** Share of the call's themes that are also the organisation's. */
  themes: 25,
  /** The organisation works in one of the call's languages. */
  language: 10,
  /** The equity boost, split between the factors below (they add up to this). */
  equity: 30,
} as const;

export const EQUITY_WEIGHTS = {
  small: 6,
  informal: 5,
  rural: 5,
  lowIncomeCountry: 5,
  closedCivicSpace: 4,
  lessFunded: 5,
} as const;

/** Annual budget bands (US dollars) for "small": under the first band scores fully, above the last not at all. */
export const SIZE_BANDS_USD = [
  { under: 10_000, factor: 1 },
  { under: 50_000, factor: 0.75 },
  { under: 250_000, factor: 0.35 },
] as const;

/** Funding already received through Sanad halves the "less funded" factor at this many US dollars. */
export const LESS_FUNDED_HALF_USD = 25_000;

const INFORMAL: Record<LegalStatus, number> = {
  unregistered: 1,
  movement: 1,
  fiscally_sponsored: 0.5,
  registered: 0,
};
const RURAL: Record<Setting, number> = { rural: 1, peri_urban: 0.5, urban: 0 };
const INCOME: Record<IncomeGroup, number> = { LIC: 1, LMC: 2 / 3, UMC: 1 / 3, HIC: 0 };
const CIVIC: Record<CivicSpace, number> = {
  closed: 1,
  repressed: 0.75,
  obstructed: 0.5,
  narrowed: 0.25,
  open: 0,
};

export type CallCriteria = {
  id: string;
  themes: Theme[];
  languages: string[];
  eligibility: {
    countries: string[] | null;
    globalSouthOnly: boolean;
    legalStatuses: LegalStatus[];
    maxAnnualBudget: Money | null;
    requiredLedBy: LedBy[];
    /** The trust ladder's level (0–4) an applicant must have reached; 0 asks for none. */
    minTrustLevel: number;
  };
  priorities: { ledBy: LedBy[]; settings: Setting[]; themes: Theme[] };
};

export type CountryFacts = {
  globalSouth: boolean;
  incomeGroup: IncomeGroup | null;
  civicSpace: CivicSpace | null;
};

export type MatchProfile = {
  id: string;
  country: string;
  countryFacts: CountryFacts | null;
  legalStatus: LegalStatus | null;
  setting: Setting | null;
  annualBudget: Money | null;
  ledBy: LedBy[];
  themes: Theme[];
  languages: string[];
  /** US cents received through Sanad so far. */
  fundingReceivedUsd: number;
  /** The trust ladder's level 0–4 (orgs.trust_level, derived from evidence). */
  trustLevel: number;
  /**
   * How many vouches count for it now: read only for the profiles whose reasons are shown (the
   * sentence names them); undefined elsewhere, and never needed to decide eligibility.
   */
  trustVouches?: number;
};

export type Criterion =
  | "open_to_all"
  | "country"
  | "global_south"
  | "legal_status"
  | "max_budget"
  | "led_by"
  | "trust_level"
  | "priority_led_by"
  | "priority_setting"
  | "priority_themes"
  | "themes"
  | "language"
  | "equity";

/** A parameter the reason's sentence needs, typed so it can be put into words in any language. */
export type ReasonParam =
  | { country: string }
  | { countries: string[] }
  | { money: Money }
  | { usd: number }
  | { legal: LegalStatus[] }
  | { ledBy: LedBy[] }
  | { settings: Setting[] }
  | { themes: Theme[] }
  | { languages: string[] }
  | { income: IncomeGroup }
  | { civic: CivicSpace }
  | { trustLevel: number }
  | { count: number };

export type Reason = { criterion: Criterion; met: boolean; key: string; params: Record<string, ReasonParam> };
export type MatchResult = { eligible: boolean; score: number; rawScore: number; reasons: Reason[] };

const intersect = <T>(a: readonly T[], b: readonly T[]) => a.filter((x) => b.includes(x));
const primaryLanguage = (tag: string) => tag.split("-")[0].toLowerCase();

/** Eligibility: one reason per criterion the call sets; the organisation is eligible when all are met. */
export const eligibilityReasons = (
  call: CallCriteria,
  org: MatchProfile,
  fx: FxTable,
  today: string,
): Reason[] => {
  const e = call.eligibility;
  const reasons: Reason[] = [];
  if (e.countries?.length) {
    const met = e.countries.includes(org.country);
    reasons.push({
      criterion: "country",
      met,
      key: met ? "match.country_met" : "match.country_unmet",
      params: { country: { country: org.country }, list: { countries: e.countries } },
    });
  }
  if (e.globalSouthOnly) {
    const met = !!org.countryFacts?.globalSouth;
    reasons.push({
      criterion: "global_south",
      met,
      key: met ? "match.global_south_met" : "match.global_south_unmet",
      params: { country: { country: org.country } },
    });
  }
  if (e.legalStatuses.length) {
    const met = !!org.legalStatus && e.legalStatuses.includes(org.legalStatus);
    const key = !org.legalStatus
      ? "match.legal_missing"
      : met
        ? `match.legal_met.${org.legalStatus}`
        : "match.legal_unmet";
    reasons.push({ criterion: "legal_status", met, key, params: { accepted: { legal: e.legalStatuses } } });
  }
  if (e.maxAnnualBudget) reasons.push(budgetReason(e.maxAnnualBudget, org, fx, today));
  if (e.requiredLedBy.length) {
    const missing = e.requiredLedBy.filter((l) => !org.ledBy.includes(l));
    reasons.push({
      criterion: "led_by",
      met: missing.length === 0,
      key: missing.length ? "match.led_by_unmet" : "match.led_by_met",
      params: { required: { ledBy: e.requiredLedBy } },
    });
  }
  if (e.minTrustLevel > 0) reasons.push(trustReason(e.minTrustLevel, org));
  if (!reasons.length)
    reasons.push({ criterion: "open_to_all", met: true, key: "match.open_to_all", params: {} });
  return reasons;
};

const budgetReason = (ceiling: Money, org: MatchProfile, fx: FxTable, today: string): Reason => {
  const base = { criterion: "max_budget" as const, params: { ceiling: { money: ceiling } } };
  if (!org.annualBudget) return { ...base, met: false, key: "match.budget_missing" };
  const orgUsd = toUsdCents(org.annualBudget, fx, today);
  const ceilingUsd = toUsdCents(ceiling, fx, today);
  if (orgUsd === null || ceilingUsd === null)
    return {
      ...base,
      met: false,
      key: "match.budget_no_rate",
      params: { ...base.params, budget: { money: org.annualBudget } },
    };
  const met = orgUsd <= ceilingUsd;
  const sameCurrency = org.annualBudget.currency === ceiling.currency;
  const key = `match.budget_${met ? "met" : "unmet"}${sameCurrency ? "" : "_fx"}`;
  return {
    ...base,
    met,
    key,
    params: {
      ...base.params,
      budget: { money: org.annualBudget },
      budgetUsd: { usd: orgUsd },
      ceilingUsd: { usd: ceilingUsd },
    },
  };
};

/**
 * The trust ladder as a criterion. The sentence says where the organisation stands — its level, what
 * that level rests on, and for vouches how many count — and, when it falls short, the next step that
 * would get it there (verified e-mails, two vouches from trusted organisations nearby, the chapter, the
 * platform).
 */
const trustReason = (required: number, org: MatchProfile): Reason => {
  const level = org.trustLevel;
  const vouches = org.trustVouches;
  const met = level >= required;
  const params: Record<string, ReasonParam> = {
    level: { count: level },
    levelName: { trustLevel: level },
    required: { count: required },
  };
  if (vouches !== undefined) params.vouches = { count: vouches };
  let key: string;
  if (met)
    key =
      level === 2 && vouches !== undefined && vouches >= VOUCHES_NEEDED
        ? "match.trust_met_vouched"
        : `match.trust_met.${level}`;
  else if (required === 2 && level === 0) key = "match.trust_unmet.2_unverified";
  else if (required === 2 && vouches === VOUCHES_NEEDED - 1) key = "match.trust_unmet.2_one_vouch";
  else key = `match.trust_unmet.${required}`;
  return { criterion: "trust_level", met, key, params };
};

/** Priorities: one reason per dimension the call prioritises. */
const priorityReasons = (call: CallCriteria, org: MatchProfile): Reason[] => {
  const p = call.priorities;
  const reasons: Reason[] = [];
  if (p.ledBy.length) {
    const shared = intersect(org.ledBy, p.ledBy);
    reasons.push({
      criterion: "priority_led_by",
      met: shared.length > 0,
      key: shared.length ? "match.prio_led_by_met" : "match.prio_led_by_unmet",
      params: { shared: { ledBy: shared }, wanted: { ledBy: p.ledBy } },
    });
  }
  if (p.settings.length) {
    const met = !!org.setting && p.settings.includes(org.setting);
    reasons.push({
      criterion: "priority_setting",
      met,
      key: met ? "match.prio_setting_met" : "match.prio_setting_unmet",
      params: { yours: { settings: org.setting ? [org.setting] : [] }, wanted: { settings: p.settings } },
    });
  }
  if (p.themes.length) {
    const shared = intersect(org.themes, p.themes);
    reasons.push({
      criterion: "priority_themes",
      met: shared.length > 0,
      key: shared.length ? "match.prio_themes_met" : "match.prio_themes_unmet",
      params: { shared: { themes: shared }, wanted: { themes: p.themes } },
    });
  }
  return reasons;
};

const themeFit = (call: CallCriteria, org: MatchProfile): Reason[] => {
  if (!call.themes.length) return [];
  const shared = intersect(call.themes, org.themes);
  const reason: Reason = {
    criterion: "themes",
    met: shared.length > 0,
    key: shared.length ? "match.themes_met" : "match.themes_unmet",
    params: { shared: { themes: shared }, wanted: { themes: call.themes } },
  };
  return [reason];
};

const languageFit = (call: CallCriteria, org: MatchProfile): Reason[] => {
  if (!call.languages.length) return [];
  const wanted = call.languages.map(primaryLanguage);
  const shared = org.languages.filter((l) => wanted.includes(primaryLanguage(l)));
  const key = !org.languages.length
    ? "match.language_missing"
    : shared.length
      ? "match.language_met"
      : "match.language_unmet";
  return [
    {
      criterion: "language" as const,
      met: shared.length > 0,
      key,
      params: { shared: { languages: shared }, wanted: { languages: call.languages } },
    } as Reason,
  ];
};

const sizeFactor = (usd: number | null) => {
  if (usd === null) return 0;
  return SIZE_BANDS_USD.find((b) => usd < b.under * 100)?.factor ?? 0;
};

/**
 * The equity boost: each factor is 0–1 and weighted by EQUITY_WEIGHTS. Every factor that adds points
 * becomes a reason, so the organisation and the funder see why it ranks where it does.
 */
export const equityBoost = (org: MatchProfile, fx: FxTable, today: string) => {
  const budgetUsd = org.annualBudget ? toUsdCents(org.annualBudget, fx, today) : null;
  const facts = org.countryFacts;
  const { factors, fraction } = equityFactors(org, budgetUsd);
  const reasons: Reason[] = [];
  const add = (key: string, params: Record<string, ReasonParam> = {}) =>
    reasons.push({ criterion: "equity", met: true, key, params });
  if (factors.small > 0 && budgetUsd !== null) add("match.equity_small", { budgetUsd: { usd: budgetUsd } });
  if (factors.informal > 0 && org.legalStatus)
    add("match.equity_informal", { legal: { legal: [org.legalStatus] } });
  if (factors.rural > 0 && org.setting) add("match.equity_rural", { setting: { settings: [org.setting] } });
  if (factors.lowIncomeCountry > 0 && facts?.incomeGroup)
    add("match.equity_income", { income: { income: facts.incomeGroup } });
  if (factors.closedCivicSpace > 0 && facts?.civicSpace)
    add("match.equity_civic", { civic: { civic: facts.civicSpace } });
  if (org.fundingReceivedUsd === 0) add("match.equity_unfunded");
  else if (factors.lessFunded >= 0.5)
    add("match.equity_less_funded", { received: { usd: org.fundingReceivedUsd } });
  return { fraction, factors, reasons };
};

const EQUITY_TOTAL = Object.values(EQUITY_WEIGHTS).reduce((a, b) => a + b, 0);

/** The boost's numbers alone (no reasons): what ranking thousands of organisations needs. */
const equityFactors = (org: MatchProfile, budgetUsd: number | null) => {
  const facts = org.countryFacts;
  const factors = {
    small: sizeFactor(budgetUsd),
    informal: org.legalStatus ? INFORMAL[org.legalStatus] : 0,
    rural: org.setting ? RURAL[org.setting] : 0,
    lowIncomeCountry: facts?.incomeGroup ? INCOME[facts.incomeGroup] : 0,
    closedCivicSpace: facts?.civicSpace ? CIVIC[facts.civicSpace] : 0,
    lessFunded: 1 / (1 + org.fundingReceivedUsd / (LESS_FUNDED_HALF_USD * 100)),
  };
  const points =
    factors.small * EQUITY_WEIGHTS.small +
    factors.informal * EQUITY_WEIGHTS.informal +
    factors.rural * EQUITY_WEIGHTS.rural +
    factors.lowIncomeCountry * EQUITY_WEIGHTS.lowIncomeCountry +
    factors.closedCivicSpace * EQUITY_WEIGHTS.closedCivicSpace +
    factors.lessFunded * EQUITY_WEIGHTS.lessFunded;
  return { factors, fraction: points / EQUITY_TOTAL };
};

/**
 * The ranking hot path. Matching one call against 10,000 organisations (or one organisation against
 * 2,000 calls) must not allocate reasons for every pair: both sides are prepared once into bitmasks and
 * sets, `fastMatch` computes eligibility and the score with integer operations, and reasons are built
 * (by the same rules, in `evaluateMatch`) only for the page that is shown. A test checks that the two
 * paths always agree.
 */
export type PreparedCall = {
  countries: Set<string> | null;
  globalSouthOnly: boolean;
  legalMask: number;
  /** US cents; undefined when there is no ceiling, null when it cannot be converted. */
  ceilingUsd: number | null | undefined;
  requiredLedBy: number;
  minTrustLevel: number;
  themes: number;
  themeCount: number;
  languages: Set<string> | null;
  prioLedBy: number;
  prioSettings: number;
  prioThemes: number;
  prioCount: number;
};

export type PreparedOrg = {
  id: string;
  country: string;
  globalSouth: boolean;
  legalBit: number;
  settingBit: number;
  budgetUsd: number | null;
  ledBy: number;
  themes: number;
  languages: string[];
  equityPoints: number;
  trustLevel: number;
};

const maskOf = <T extends string>(values: readonly T[], all: readonly T[]) =>
  values.reduce((m, v) => m | (1 << all.indexOf(v)), 0);
const popcount = (n: number) => {
  let c = 0;
  for (; n; n &= n - 1) c++;
  return c;
};

export const prepareCall = (call: CallCriteria, fx: FxTable, today: string): PreparedCall => {
  const e = call.eligibility;
  const p = call.priorities;
  return {
    countries: e.countries?.length ? new Set(e.countries) : null,
    globalSouthOnly: e.globalSouthOnly,
    legalMask: maskOf(e.legalStatuses, LEGAL_STATUSES),
    ceilingUsd: e.maxAnnualBudget ? toUsdCents(e.maxAnnualBudget, fx, today) : undefined,
    requiredLedBy: maskOf(e.requiredLedBy, LED_BY),
    minTrustLevel: e.minTrustLevel,
    themes: maskOf(call.themes, THEMES),
    themeCount: call.themes.length,
    languages: call.languages.length ? new Set(call.languages.map(primaryLanguage)) : null,
    prioLedBy: maskOf(p.ledBy, LED_BY),
    prioSettings: maskOf(p.settings, SETTINGS),
    prioThemes: maskOf(p.themes, THEMES),
    prioCount: Number(p.ledBy.length > 0) + Number(p.settings.length > 0) + Number(p.themes.length > 0),
  };
};

export const prepareOrg = (org: MatchProfile, fx: FxTable, today: string): PreparedOrg => {
  const budgetUsd = org.annualBudget ? toUsdCents(org.annualBudget, fx, today) : null;
  return {
    id: org.id,
    country: org.country,
    globalSouth: !!org.countryFacts?.globalSouth,
    legalBit: org.legalStatus ? 1 << LEGAL_STATUSES.indexOf(org.legalStatus) : 0,
    settingBit: org.setting ? 1 << SETTINGS.indexOf(org.setting) : 0,
    budgetUsd,
    ledBy: maskOf(org.ledBy, LED_BY),
    themes: maskOf(org.themes, THEMES),
    languages: org.languages.map(primaryLanguage),
    equityPoints: WEIGHTS.equity * equityFactors(org, budgetUsd).fraction,
    trustLevel: org.trustLevel,
  };
};

export const fastMatch = (c: PreparedCall, o: PreparedOrg) => {
  const eligible =
    (!c.countries || c.countries.has(o.country)) &&
    (!c.globalSouthOnly || o.globalSouth) &&
    (!c.legalMask || (c.legalMask & o.legalBit) !== 0) &&
    (c.ceilingUsd === undefined ||
      (c.ceilingUsd !== null && o.budgetUsd !== null && o.budgetUsd <= c.ceilingUsd)) &&
    (c.requiredLedBy & o.ledBy) === c.requiredLedBy &&
    o.trustLevel >= c.minTrustLevel;
  const prioMet =
    Number(!!(c.prioLedBy & o.ledBy)) +
    Number(!!(c.prioSettings & o.settingBit)) +
    Number(!!(c.prioThemes & o.themes));
  const prio = c.prioCount ? prioMet / c.prioCount : 1;
  const themes = c.themeCount ? popcount(c.themes & o.themes) / c.themeCount : 1;
  const language = !c.languages || o.languages.some((l) => c.languages!.has(l)) ? 1 : 0;
  const rawScore =
    WEIGHTS.priorities * prio + WEIGHTS.themes * themes + WEIGHTS.language * language + o.equityPoints;
  return { eligible, rawScore, score: Math.round(rawScore) };
};

/** The whole evaluation of one organisation against one call, with its reasons (for what is shown). */
export const evaluateMatch = (
  call: CallCriteria,
  org: MatchProfile,
  fx: FxTable,
  today: string,
): MatchResult => {
  const fast = fastMatch(prepareCall(call, fx, today), prepareOrg(org, fx, today));
  return { ...fast, reasons: explainMatch(call, org, fx, today) };
};

/** Every reason, eligibility first: what the organisation and the funder read. */
export const explainMatch = (call: CallCriteria, org: MatchProfile, fx: FxTable, today: string): Reason[] => [
  ...eligibilityReasons(call, org, fx, today),
  ...priorityReasons(call, org),
  ...themeFit(call, org),
  ...languageFit(call, org),
  ...equityBoost(org, fx, today).reasons,
];

type Ranked = { id: string; eligible: boolean; rawScore: number };
/** Eligible first, then higher score, then id — the same data always gives the same order. */
export const compareMatches = (a: Ranked, b: Ranked) =>
  Number(b.eligible) - Number(a.eligible) ||
  b.rawScore - a.rawScore ||
  (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
