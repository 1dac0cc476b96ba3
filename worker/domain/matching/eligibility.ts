// Eligibility, the hard filter: one reason per criterion the call sets (country, Global South, legal
// status, budget ceiling, led-by, trust level); the organisation is eligible when every one is met.
import { toUsdCents, type FxTable } from "../fx";
import type { Money } from "../money";
import { VOUCHES_NEEDED } from "../trust";
import type { CallCriteria, MatchProfile, Reason, ReasonParam } from "./types";

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
