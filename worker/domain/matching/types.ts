// What matching reads and writes: the call's criteria, the organisation's profile, and the reasons
// (message keys with typed parameters, put into words by worker/i18n/reasons.ts).
import type { CivicSpace, IncomeGroup, LedBy, LegalStatus, Setting, Theme } from "../../../schema/enums";
import type { Money } from "../money";

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

export const intersect = <T>(a: readonly T[], b: readonly T[]) => a.filter((x) => b.includes(x));
export const primaryLanguage = (tag: string) => tag.split("-")[0].toLowerCase();
