// The award page's reading: the two sides and admins get the whole award (plan, money, references,
// receipts); anyone who may see the receiving group gets its public accounting; the funder is named only
// to those who may see the funder.
import type { Db } from "../db/client";
import { findAward, awardMoney, findDisbursement } from "../db/award-money";
import { awardsNeedingAttention, submittedReports } from "../db/award-summary";
import { findOrgRecord } from "../db/orgs";
import { viewAward } from "./award-money";
import { canConfirmReceipt, canDisburse, canViewAward, canViewOrg, type Viewer } from "../domain/permissions";
import { awardSummary } from "../domain/award-summary";
import { awardOffer, isNonCash } from "../domain/offers";
import { CONFIRMATION_DAYS } from "../domain/disbursements";
import { addDays, todayUtc } from "../domain/calendar-date";
import { Problem } from "../core/problem";
import { authorize, enforce } from "../core/authorize";
import type { Translate } from "../i18n";

export const awardPage = async (db: Db, viewer: Viewer | null, id: string, now = Date.now()) => {
  const award = await findAward(db, id);
  if (!award) throw new Problem(404);
  const [grantee, funder] = await Promise.all([
    findOrgRecord(db, award.orgId),
    findOrgRecord(db, award.funderOrgId),
  ]);
  if (!grantee || !funder) throw new Problem(404);
  const sides = canViewAward(viewer, award).ok;
  // Outsiders see as much as the group itself shows them: a hidden group's award does not exist for them,
  // nor does an award from a confidential call (rapid response to groups under threat).
  if (!sides) {
    if (award.confidential) throw new Problem(404);
    enforce(canViewOrg(viewer, grantee));
  }
  const reported = await submittedReports(db, award.id);
  const full = sides ? await viewAward(db, viewer, id, now) : null;
  const sent = full
    ? full.disbursements
    : (await awardMoney(db, award.id)).disbursements.map((d) => ({
        amount: { amount: d.amount, currency: d.currency },
        amountUsd: d.amountUsd,
        sentOn: d.sentOn,
        receipt: d.receipt && {
          amount: { amount: d.receipt.amount, currency: d.receipt.currency },
          amountUsd: d.receipt.amountUsd,
          receivedOn: d.receipt.receivedOn,
        },
      }));
  const amount = { amount: award.amount, currency: award.currency };
  return {
    id: award.id,
    call: { id: award.callId, title: award.callTitle },
    grantee: { id: grantee.id, name: grantee.name },
    funderName: canViewOrg(viewer, funder).ok ? funder.name : null,
    summary: awardSummary({ amount, awardedAt: award.awardDate }, sent, reported.length),
    /** A non-cash award: what it gives, shown instead of any money figure. */
    offer: awardOffer(award),
    full,
    /** The sent reports, listed (each linking to its page) only to those who may read them: the two sides. */
    reports: full ? reported : [],
    canPlan: canDisburse(viewer, award).ok && !isNonCash(award),
    canConfirm:
      !!full && canConfirmReceipt(viewer, { orgId: award.orgId, payerOrgId: null, pledgerUserId: null }).ok,
  };
};
export type AwardPageData = Awaited<ReturnType<typeof awardPage>>;

/**
 * The forms decide who may post before reading what was posted (an outsider learns nothing from a
 * validation message): the award the funder's members plan and pay, in its currency.
 */
export const awardToPay = async (db: Db, t: Translate, viewer: Viewer | null, id: string) => {
  const award = await findAward(db, id);
  if (!award) throw new Problem(viewer ? 404 : 401);
  authorize(viewer, canDisburse(viewer, award), t);
  return { id: award.id, currency: award.currency };
};

/** A disbursement the viewer may confirm, and where it is read: its award's page or the group's ledger. */
export const receiptToConfirm = async (db: Db, t: Translate, viewer: Viewer | null, id: string) => {
  const d = await findDisbursement(db, id);
  if (!d) throw new Problem(viewer ? 404 : 401);
  authorize(viewer, canConfirmReceipt(viewer, d), t);
  return { awardId: d.awardId, home: d.awardId ? `/awards/${d.awardId}` : `/orgs/${d.orgId}/ledger` };
};

/**
 * For "My account": awards of the viewer's organisations (as the group or as the funder) with a tranche
 * overdue or money not confirmed within 30 days — the same rules as the award page's flags.
 */
export const myAwardsNeedingAttention = (db: Db, viewer: Viewer, now = Date.now()) => {
  const today = todayUtc(now);
  return awardsNeedingAttention(
    db,
    viewer.memberships.map((m) => m.orgId),
    today,
    addDays(today, -CONFIRMATION_DAYS),
  );
};
