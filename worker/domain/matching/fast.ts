// The ranking hot path. Matching one call against 10,000 organisations (or one organisation against
// 2,000 calls) must not allocate reasons for every pair: both sides are prepared once into bitmasks and
// sets, `fastMatch` computes eligibility and the score with integer operations, and reasons are built
// (by the same rules, in index.ts's `evaluateMatch`) only for the page that is shown. A test checks that
// the two paths always agree.
import { LED_BY, LEGAL_STATUSES, SETTINGS, THEMES } from "../../../schema/enums";
import { toUsdCents, type FxTable } from "../fx";
import { equityFactors } from "./equity-boost";
import { WEIGHTS } from "./score";
import { primaryLanguage, type CallCriteria, type MatchProfile } from "./types";

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
