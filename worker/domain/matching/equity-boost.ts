// The equity boost: small, informal, rural groups in low-income countries with closed civic space, and
// those Sanad has funded least, rank higher. Each factor is 0–1 and weighted by EQUITY_WEIGHTS.
import type { CivicSpace, IncomeGroup, LegalStatus, Setting } from "../../../schema/enums";
import { toUsdCents, type FxTable } from "../fx";
import { smallFactor } from "../size-bands";
import type { MatchProfile, Reason, ReasonParam } from "./types";

export const EQUITY_WEIGHTS = {
  small: 6,
  informal: 5,
  rural: 5,
  lowIncomeCountry: 5,
  closedCivicSpace: 4,
  lessFunded: 5,
} as const;

/** Funding already received through Sanad halves the "less funded" factor at this many US dollars. */
export const LESS_FUNDED_HALF_USD = 25_000;

export const INFORMAL: Record<LegalStatus, number> = {
  unregistered: 1,
  movement: 1,
  fiscally_sponsored: 0.5,
  registered: 0,
};
export const RURAL: Record<Setting, number> = { rural: 1, peri_urban: 0.5, urban: 0 };
export const INCOME: Record<IncomeGroup, number> = { LIC: 1, LMC: 2 / 3, UMC: 1 / 3, HIC: 0 };
export const CIVIC: Record<CivicSpace, number> = {
  closed: 1,
  repressed: 0.75,
  obstructed: 0.5,
  narrowed: 0.25,
  open: 0,
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
export const equityFactors = (org: MatchProfile, budgetUsd: number | null) => {
  const facts = org.countryFacts;
  const factors = {
    small: smallFactor(budgetUsd),
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
