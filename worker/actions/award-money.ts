// The money after an award, as use cases: read an award with its plan and money, set the plan (the
// funder), record money sent (the funder for its award, admins from pooled pledge money) and confirm what
// arrived (the receiving group). Amounts are fixed in US cents at each date's rate when they are recorded.
import type { Db } from "../db/client";
import {
  findAward,
  awardMoney,
  insertPlanIfNone,
  replacePlan,
  remainingToSend,
  insertDisbursement,
  findDisbursement,
  insertReceipt,
  type DisbursementWithReceipt,
  type NewDisbursement,
} from "../db/award-money";
import { findPledge } from "../db/pledges";
import { loadFxTable } from "../db/fx";
import { auditInsertIf } from "../db/audit";
import { notifyInsertIf, type Notice } from "../db/notifications";
import { newId } from "../security/random";
import {
  canAdminister,
  canConfirmReceipt,
  canDisburse,
  canViewAward,
  type Viewer,
} from "../domain/permissions";
import {
  defaultTranches,
  inDueOrder,
  trancheCoverage,
  trancheProblems,
  type AwardTerms,
} from "../domain/tranches";
import {
  disbursementProblems,
  lossOnTheWay,
  moneyTotals,
  receiptProblems,
  unconfirmedSince,
  type DisbursementRequest,
  type Source,
} from "../domain/disbursements";
import { latestPresentDate, todayUtc } from "../domain/calendar-date";
import { toUsdCents, type FxTable } from "../domain/fx";
import { formatMoney, type Money } from "../domain/money";
import { PAYOUT_RAIL } from "../payments/payout-rail";
import { awardReporting, trancheOpen } from "./award-reports";
import { awardOffer, isNonCash } from "../domain/offers";
import { Problem, type FieldError } from "../core/problem";
import { authorize, enforce } from "../core/authorize";
import { formatDate, type MessageKey, type Translate } from "../i18n";
import { logNotice } from "./applications";
import type { Locale } from "../../schema/enums";

export type Disbursing = DisbursementRequest & { reference: string; trancheId?: string };
export type ReceiptReport = { received: Money; receivedOn: string; note?: string };
export type TranchesRequest = { tranches: { dueOn: string; amount: Money; afterReport?: boolean }[] };

type Award = NonNullable<Awaited<ReturnType<typeof findAward>>>;
type AwardMoney = Awaited<ReturnType<typeof awardMoney>>;

/** A domain problem in the viewer's words: amounts formatted as money, `date` as a date. */
type Keyed = { path: string; key: MessageKey; params?: Record<string, string | number | Money> };
const fieldErrors = (t: Translate, locale: Locale, problems: readonly Keyed[]): FieldError[] =>
  problems.map((p) => ({
    path: p.path,
    message: t(
      p.key,
      p.params &&
        Object.fromEntries(
          Object.entries(p.params).map(([k, v]) => [
            k,
            typeof v === "object"
              ? formatMoney(v, locale)
              : k === "date"
                ? formatDate(`${v}T00:00:00Z`, locale)
                : v,
          ]),
        ),
    ),
  }));

const hasRate = (fx: FxTable, currency: string) =>
  toUsdCents({ amount: 1, currency }, fx, "9999-12-31") !== null;

const terms = (a: Award): AwardTerms => ({
  amount: { amount: a.amount, currency: a.currency },
  awardDate: a.awardDate,
  fundingType: a.fundingType,
  durationMonths: a.durationMonths,
});

/** A non-cash award (training seats, mentoring hours, …) has no money to plan or send. */
const refuseMoneyFor = (award: Award, t: Translate, path: string) => {
  if (isNonCash(award))
    throw new Problem(422, t("offer.err_no_money"), [{ path, message: t("offer.err_no_money") }]);
};

/** The award if the viewer may see it; for anyone else it does not exist. */
const visibleAward = async (db: Db, viewer: Viewer | null, id: string) => {
  const award = await findAward(db, id);
  if (!award) throw new Problem(viewer ? 404 : 401);
  enforce(canViewAward(viewer, award));
  return award;
};

/**
 * The award's plan and money. An award that has no plan yet (every award until someone opens it: awards
 * are made by the decision, which knows nothing of plans) gets its default plan here, once: the insert
 * does nothing if a plan exists or is written meanwhile, so the tranches have ids money can be sent against.
 */
const moneyOf = async (db: Db, award: Award) => {
  const money = await awardMoney(db, award.id);
  if (money.tranches.length || isNonCash(award)) return money;
  await insertPlanIfNone(db, award.id, defaultTranches(terms(award)));
  return awardMoney(db, award.id);
};

const disbursementView = (d: DisbursementWithReceipt, today: string) => {
  const r = d.receipt;
  const loss = r ? lossOnTheWay(d.amountUsd, r.amountUsd) : null;
  return {
    id: d.id,
    awardId: d.awardId,
    pledgeId: d.pledgeId,
    trancheId: d.trancheId,
    orgId: d.orgId,
    amount: { amount: d.amount, currency: d.currency },
    amountUsd: d.amountUsd,
    sentOn: d.sentOn,
    rail: d.rail,
    via: d.via,
    reference: d.reference,
    receipt: r
      ? {
          amount: { amount: r.amount, currency: r.currency },
          amountUsd: r.amountUsd,
          receivedOn: r.receivedOn,
          note: r.note,
          lossUsd: loss?.lossUsd ?? null,
          lossShare: loss?.share ?? null,
          confirmedAt: r.createdAt,
        }
      : null,
    unconfirmed: unconfirmedSince(d.sentOn, !!r, today) !== null,
    createdAt: d.createdAt,
  };
};

type Reporting = Awaited<ReturnType<typeof awardReporting>>;

const awardView = (award: Award, money: AwardMoney, today: string, reporting: Reporting) => {
  const coverage = trancheCoverage(money.tranches, money.disbursements, today);
  const totals = moneyTotals(award.currency, money.disbursements);
  return {
    id: award.id,
    applicationId: award.applicationId,
    callId: award.callId,
    orgId: award.orgId,
    funderOrgId: award.funderOrgId,
    amount: { amount: award.amount, currency: award.currency },
    awardedAt: award.awardDate,
    fundingType: award.fundingType,
    offer: awardOffer(award),
    durationMonths: award.durationMonths,
    tranches: money.tranches.map((tr) => {
      const c = coverage.get(tr.id)!;
      return {
        id: tr.id,
        dueOn: tr.dueOn,
        amount: { amount: tr.amount, currency: tr.currency },
        afterReport: tr.afterReport,
        disbursed: { amount: c.disbursed, currency: tr.currency },
        overdue: c.overdue,
      };
    }),
    disbursements: money.disbursements.map((d) => disbursementView(d, today)),
    disbursed: totals.disbursed,
    received: totals.received,
    lost: totals.lost,
    usdComplete: totals.complete,
    // The light reports the viewer may read (drafts only to the group) and when they are due.
    ...reporting,
  };
};

/** The award with its plan, money and flags, to the group, the funder's members and admins. */
export const viewAward = async (db: Db, viewer: Viewer | null, id: string, now = Date.now()) => {
  const award = await visibleAward(db, viewer, id);
  const money = await moneyOf(db, award);
  return awardView(award, money, todayUtc(now), await awardReporting(db, viewer, award, money.tranches));
};

/**
 * The funder replaces the plan: 1–20 tranches in the award's currency adding up to the award, stored in
 * due order. Refused (409) once money was sent against one of its tranches.
 */
export const setTranches = async (
  db: Db,
  t: Translate,
  locale: Locale,
  viewer: Viewer | null,
  id: string,
  req: TranchesRequest,
  now = Date.now(),
) => {
  const award = await visibleAward(db, viewer, id);
  authorize(viewer, canDisburse(viewer, award), t);
  refuseMoneyFor(award, t, "tranches");
  const plan = req.tranches.map((x) => ({ dueOn: x.dueOn, amount: x.amount, afterReport: !!x.afterReport }));
  const problems = trancheProblems(plan, terms(award));
  if (problems.length) throw new Problem(422, t("err.cannot_plan"), fieldErrors(t, locale, problems));
  const replaced = await replacePlan(db, award.id, inDueOrder(plan), (cond) => [
    auditInsertIf(
      db,
      {
        actorUserId: viewer.userId,
        action: "award.tranches_set",
        subjectType: "award",
        subjectId: award.id,
        data: { tranches: plan },
      },
      cond,
    ),
  ]);
  if (!replaced)
    throw new Problem(409, t("err.tranches_paid"), [{ path: "tranches", message: t("err.tranches_paid") }]);
  const money = await awardMoney(db, award.id);
  return awardView(award, money, todayUtc(now), await awardReporting(db, viewer, award, money.tranches));
};

/** Everything wrong with a disbursement, the rail's reference included. */
const disbursementErrors = (
  t: Translate,
  locale: Locale,
  req: Disbursing,
  source: Source,
  fx: FxTable,
  now: number,
): FieldError[] => {
  const errors = fieldErrors(t, locale, disbursementProblems(req, source, latestPresentDate(now)));
  for (const p of PAYOUT_RAIL[req.rail].validateReference(req.reference))
    errors.push({
      path: "reference",
      message: p.problem === "required" ? t("err.required") : t("err.payout_reference"),
    });
  if (!errors.some((e) => e.path === "amount.currency") && !hasRate(fx, req.amount.currency))
    errors.push({ path: "amount.currency", message: t("err.no_fx_rate", { currency: req.amount.currency }) });
  return errors;
};

/**
 * Records the disbursement if it still fits (the data layer re-checks in the INSERT); when a concurrent
 * one took what remained, the problems are worked out again from what is stored now.
 */
const record = async (
  db: Db,
  row: NewDisbursement,
  extra: Parameters<typeof insertDisbursement>[2],
  recheck: () => Promise<FieldError[]>,
  t: Translate,
) => {
  if (await insertDisbursement(db, row, extra)) return (await findDisbursement(db, row.id))!;
  const errors = await recheck();
  throw new Problem(errors.length ? 422 : 409, t("err.cannot_disburse"), errors);
};

/** The funder's members record money sent for the award; the group is told, in words that name nobody. */
export const disburseAward = async (
  db: Db,
  t: Translate,
  locale: Locale,
  viewer: Viewer | null,
  id: string,
  req: Disbursing,
  now = Date.now(),
) => {
  const award = await visibleAward(db, viewer, id);
  authorize(viewer, canDisburse(viewer, award), t);
  refuseMoneyFor(award, t, "amount");
  const fx = await loadFxTable(db);
  const check = async () => {
    // The stored plan only: a refused request must store nothing, not even the default plan.
    const money = await awardMoney(db, award.id);
    const sent = money.disbursements.reduce((sum, d) => sum + d.amount, 0);
    const source = { currency: award.currency, since: award.awardDate, remaining: award.amount - sent };
    const errors = disbursementErrors(t, locale, req, source, fx, now);
    if (req.trancheId && !money.tranches.some((x) => x.id === req.trancheId))
      errors.push({ path: "trancheId", message: t("err.tranche_unknown") });
    // A tranche paid "after a report" waits until the group sent one for the period before it.
    else if (req.trancheId && !(await trancheOpen(db, award, money.tranches, req.trancheId)))
      errors.push({ path: "trancheId", message: t("err.tranche_needs_report") });
    return errors;
  };
  const errors = await check();
  if (errors.length) throw new Problem(422, t("err.cannot_disburse"), errors);
  const disbursementId = newId();
  const notice: Notice = {
    orgId: award.orgId,
    kind: "disbursement.sent",
    data: {
      applicationId: award.applicationId,
      callId: award.callId,
      callTitle: award.callTitle,
      awardId: award.id,
      disbursementId,
    },
  };
  const row = {
    id: disbursementId,
    awardId: award.id,
    trancheId: req.trancheId ?? null,
    orgId: award.orgId,
    amount: req.amount.amount,
    currency: req.amount.currency,
    amountUsd: toUsdCents(req.amount, fx, req.sentOn),
    sentOn: req.sentOn,
    rail: req.rail,
    via: req.via?.trim() || null,
    reference: req.reference.trim(),
    createdBy: viewer.userId,
  };
  const stored = await record(
    db,
    row,
    (cond) => [
      auditInsertIf(
        db,
        {
          actorUserId: viewer.userId,
          action: "disbursement.recorded",
          subjectType: "award",
          subjectId: award.id,
          data: { disbursementId, amount: req.amount, sentOn: req.sentOn, rail: req.rail },
        },
        cond,
      ),
      notifyInsertIf(db, notice, cond),
    ],
    check,
    t,
  );
  logNotice(notice);
  return disbursementView(stored, todayUtc(now));
};

/**
 * Admins send pooled pledge money to the pledge's recipient. Only what was paid in for the pledge (in its
 * currency, refunds netted) can go out, so the ledger reads pledged → paid in → disbursed → received; a
 * pledge nothing was paid for is refused outright.
 */
export const disbursePledge = async (
  db: Db,
  t: Translate,
  locale: Locale,
  viewer: Viewer | null,
  id: string,
  req: Disbursing,
  now = Date.now(),
) => {
  authorize(viewer, canAdminister(viewer));
  const pledge = await findPledge(db, id);
  if (!pledge) throw new Problem(404);
  if (pledge.paid.amount - pledge.refunded.amount <= 0)
    throw new Problem(422, t("err.pledge_not_paid"), [{ path: "status", message: t("err.pledge_not_paid") }]);
  const fx = await loadFxTable(db);
  const check = async () =>
    disbursementErrors(
      t,
      locale,
      req,
      {
        currency: pledge.amount.currency,
        since: pledge.createdAt.slice(0, 10),
        remaining: await remainingToSend(db, { pledgeId: pledge.id }),
      },
      fx,
      now,
    );
  const errors = await check();
  if (errors.length) throw new Problem(422, t("err.cannot_disburse"), errors);
  const disbursementId = newId();
  const stored = await record(
    db,
    {
      id: disbursementId,
      pledgeId: pledge.id,
      orgId: pledge.recipientOrgId,
      amount: req.amount.amount,
      currency: req.amount.currency,
      amountUsd: toUsdCents(req.amount, fx, req.sentOn),
      sentOn: req.sentOn,
      rail: req.rail,
      via: req.via?.trim() || null,
      reference: req.reference.trim(),
      createdBy: viewer.userId,
    },
    (cond) => [
      auditInsertIf(
        db,
        {
          actorUserId: viewer.userId,
          action: "disbursement.recorded",
          subjectType: "pledge",
          subjectId: pledge.id,
          data: { disbursementId, amount: req.amount, sentOn: req.sentOn, rail: req.rail },
        },
        cond,
      ),
    ],
    check,
    t,
  );
  return disbursementView(stored, todayUtc(now));
};

/**
 * The receiving group says what arrived and when, once. Its US-dollar value is fixed at `receivedOn`'s
 * rate, so the loss on the way compares each side at its own date.
 */
export const confirmReceipt = async (
  db: Db,
  t: Translate,
  locale: Locale,
  viewer: Viewer | null,
  id: string,
  req: ReceiptReport,
  now = Date.now(),
) => {
  const d = await findDisbursement(db, id);
  if (!d) throw new Problem(viewer ? 404 : 401);
  authorize(viewer, canConfirmReceipt(viewer, d));
  const already = () =>
    new Problem(409, t("err.receipt_confirmed"), [{ path: "receipt", message: t("err.receipt_confirmed") }]);
  if (d.receipt) throw already();
  const fx = await loadFxTable(db);
  const errors = fieldErrors(t, locale, receiptProblems(req, d.sentOn, latestPresentDate(now)));
  if (!hasRate(fx, req.received.currency))
    errors.push({
      path: "received.currency",
      message: t("err.no_fx_rate", { currency: req.received.currency }),
    });
  if (errors.length) throw new Problem(422, t("err.cannot_confirm_receipt"), errors);
  const stored = await insertReceipt(
    db,
    {
      disbursementId: d.id,
      amount: req.received.amount,
      currency: req.received.currency,
      amountUsd: toUsdCents(req.received, fx, req.receivedOn),
      receivedOn: req.receivedOn,
      note: req.note?.trim() || null,
      confirmedBy: viewer.userId,
    },
    (mine) => [
      auditInsertIf(
        db,
        {
          actorUserId: viewer.userId,
          action: "receipt.confirmed",
          subjectType: "disbursement",
          subjectId: d.id,
          data: { received: req.received, receivedOn: req.receivedOn },
        },
        mine,
      ),
    ],
  );
  if (!stored) throw already();
  return disbursementView((await findDisbursement(db, id))!, todayUtc(now));
};
