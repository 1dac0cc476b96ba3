// Matching a CSO to a funding call: eligibility (hard filter, eligibility.ts), then a 0–100 score from
// priorities, theme overlap and language fit (score.ts) and an equity boost (equity-boost.ts). Pure and
// deterministic; fast.ts ranks without reasons, and the reasons are built only for what is shown.
import type { FxTable } from "../fx";
import { equityBoost } from "./equity-boost";
import { eligibilityReasons } from "./eligibility";
import { prepareCall, prepareOrg, fastMatch } from "./fast";
import { languageFit, priorityReasons, themeFit } from "./score";
import type { CallCriteria, MatchProfile, MatchResult, Reason } from "./types";

export type {
  CallCriteria,
  CountryFacts,
  Criterion,
  MatchProfile,
  MatchResult,
  Reason,
  ReasonParam,
} from "./types";
export { eligibilityReasons } from "./eligibility";
export { WEIGHTS } from "./score";
export {
  CIVIC,
  EQUITY_WEIGHTS,
  INCOME,
  INFORMAL,
  LESS_FUNDED_HALF_USD,
  RURAL,
  equityBoost,
} from "./equity-boost";
export { prepareCall, prepareOrg, fastMatch, type PreparedCall, type PreparedOrg } from "./fast";

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
