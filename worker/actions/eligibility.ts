// The anonymous eligibility check: a profile that lives only in this request, ranked against every open
// call exactly as a saved organisation's matches are. Nothing is written and nothing is logged: the
// answers describe a group (perhaps one in a closed civic space), and they leave with the response.
import type { Db } from "../db/client";
import { findCountry } from "../db/reference";
import type { MatchProfile } from "../domain/matching";
import type { CivicSpace, IncomeGroup, Locale } from "../../schema/enums";
import type { EligibilityInput } from "../../schema/api/eligibility";
import { Problem } from "../core/problem";
import type { Translate } from "../i18n";
import { rankOpenCalls } from "./matching";

/** Never an organisation's id: the profile is nobody's. */
const ANONYMOUS_PROFILE_ID = "anonymous-eligibility-check";

export const checkEligibility = async (
  db: Db,
  t: Translate,
  locale: Locale,
  input: EligibilityInput,
  page: { limit: number; cursor?: string },
  now = new Date(),
) => {
  const country = await findCountry(db, input.country);
  if (!country) throw new Problem(400, undefined, [{ path: "country", message: t("err.country") }]);
  const profile: MatchProfile = {
    id: ANONYMOUS_PROFILE_ID,
    country: country.code,
    countryFacts: {
      globalSouth: country.globalSouth,
      incomeGroup: country.wbIncomeGroup as IncomeGroup | null,
      civicSpace: country.civicSpace as CivicSpace | null,
    },
    legalStatus: input.legalStatus ?? null,
    setting: input.setting ?? null,
    annualBudget: input.annualBudget ?? null,
    ledBy: input.ledBy ?? [],
    themes: input.themes ?? [],
    languages: input.languages ?? [],
    // A new organisation's starting point: nothing received through Sanad yet.
    fundingReceivedUsd: 0,
    trustLevel: input.trustLevel ?? 0,
  };
  const { items, nextCursor } = await rankOpenCalls(db, t, locale, profile, page, new Set(), now);
  return { items: items.map(({ invited: _, ...m }) => m), nextCursor };
};
