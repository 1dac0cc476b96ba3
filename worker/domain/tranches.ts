// An award's plan: the dated tranches it is paid in. The default plan, the rules a plan set by the funder
// must follow, and which tranches are overdue.
import { addMonths, isCalendarDate } from "./calendar-date";
import type { Money } from "./money";
import type { FundingType } from "../../schema/enums";

export const MAX_TRANCHES = 20;

export type TranchePlan = { dueOn: string; amount: Money; afterReport: boolean };
export type AwardTerms = {
  amount: Money;
  awardDate: string;
  fundingType: FundingType;
  durationMonths: number;
};

/**
 * `total` in `parts` integer shares that add up exactly. The units that do not divide evenly go to the
 * first share: a small group gets the odd francs sooner rather than later.
 */
export const splitEvenly = (total: number, parts: number): number[] => {
  const base = Math.floor(total / parts);
  return Array.from({ length: parts }, (_, i) => (i === 0 ? total - base * (parts - 1) : base));
};

/**
 * The plan an award starts with. Core support over more than 12 months is paid yearly (a 36-month grant
 * in three tranches, an 18-month one in two), the first on the award date: core money helps most when
 * it is predictable. Anything else is one tranche on the award date.
 */
export const defaultTranches = (award: AwardTerms): TranchePlan[] => {
  const years =
    award.fundingType === "core" && award.durationMonths > 12
      ? Math.min(Math.ceil(award.durationMonths / 12), MAX_TRANCHES)
      : 1;
  return splitEvenly(award.amount.amount, years).map((amount, i) => ({
    dueOn: addMonths(award.awardDate, 12 * i),
    amount: { amount, currency: award.amount.currency },
    afterReport: false,
  }));
};

export type TrancheProblem =
  | { path: string; key: "err.tranche_count"; params: { max: number } }
  | { path: string; key: "err.date" }
  | { path: string; key: "err.tranche_before_award"; params: { date: string } }
  | { path: string; key: "err.disbursement_currency"; params: { currency: string } }
  | { path: string; key: "err.amount_positive" }
  | { path: string; key: "err.tranche_sum"; params: { planned: Money; awarded: Money } };

/**
 * Everything wrong with a plan, at once: 1 to 20 tranches, real dates not before the award, positive
 * amounts in the award's currency, adding up to exactly the award (the sum is checked only when every
 * amount is in that currency, since it could not be compared otherwise).
 */
export const trancheProblems = (plan: readonly TranchePlan[], award: AwardTerms): TrancheProblem[] => {
  if (plan.length < 1 || plan.length > MAX_TRANCHES)
    return [{ path: "tranches", key: "err.tranche_count", params: { max: MAX_TRANCHES } }];
  const problems: TrancheProblem[] = [];
  plan.forEach((t, i) => {
    const at = `tranches.${i}`;
    if (!isCalendarDate(t.dueOn)) problems.push({ path: `${at}.dueOn`, key: "err.date" });
    else if (t.dueOn < award.awardDate)
      problems.push({
        path: `${at}.dueOn`,
        key: "err.tranche_before_award",
        params: { date: award.awardDate },
      });
    if (t.amount.currency !== award.amount.currency)
      problems.push({
        path: `${at}.amount.currency`,
        key: "err.disbursement_currency",
        params: { currency: award.amount.currency },
      });
    else if (t.amount.amount <= 0) problems.push({ path: `${at}.amount.amount`, key: "err.amount_positive" });
  });
  const sameCurrency = plan.every((t) => t.amount.currency === award.amount.currency);
  const planned = plan.reduce((sum, t) => sum + t.amount.amount, 0);
  if (sameCurrency && planned !== award.amount.amount)
    problems.push({
      path: "tranches",
      key: "err.tranche_sum",
      params: { planned: { amount: planned, currency: award.amount.currency }, awarded: award.amount },
    });
  return problems;
};

/** Tranches in the order they fall due (stable, so equal dates keep the funder's order). */
export const inDueOrder = <T extends { dueOn: string }>(plan: readonly T[]) =>
  plan
    .map((t, i) => ({ t, i }))
    .sort((a, b) => a.t.dueOn.localeCompare(b.t.dueOn) || a.i - b.i)
    .map(({ t }) => t);

/**
 * How much was sent against each tranche, and whether it is overdue. A tranche is covered by the
 * disbursements that name it (`trancheId`), in the award's currency; it is overdue once its due date has
 * passed (the day after `dueOn`, judged in UTC) while those add up to less than its amount. Money sent
 * without naming a tranche covers none: the funder says what it pays, so the page never guesses.
 */
export const trancheCoverage = (
  plan: readonly { id: string; dueOn: string; amount: number }[],
  sent: readonly { trancheId: string | null; amount: number }[],
  today: string,
) => {
  const byTranche = new Map<string, number>();
  for (const d of sent)
    if (d.trancheId) byTranche.set(d.trancheId, (byTranche.get(d.trancheId) ?? 0) + d.amount);
  return new Map(
    plan.map((t) => {
      const disbursed = byTranche.get(t.id) ?? 0;
      return [t.id, { disbursed, overdue: t.dueOn < today && disbursed < t.amount }] as const;
    }),
  );
};
