// The money after an award: its plan (tranches), what was sent (disbursements, from an award or from pooled
// pledge money) and what arrived (receipts). Every write that a concurrent request could contradict is
// guarded in its own SQL, in one batch with what follows from it (audit, notice), so the guard decides.
import { and, asc, eq, sql, type SQL } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { awards, calls, tranches, disbursements, receipts, pledges } from "../../schema";
import type { Db } from "./client";
import { nowIso } from "./client";
import { newId } from "../security/random";
import type { TranchePlan } from "../domain/tranches";

type Batch = BatchItem<"sqlite">[];

export type AwardRow = typeof awards.$inferSelect;
export type TrancheRow = typeof tranches.$inferSelect;
export type DisbursementRow = typeof disbursements.$inferSelect;
export type ReceiptRow = typeof receipts.$inferSelect;

/** The award with its call's title (notices name the call, never the funder) and whether the call is confidential. */
export const findAward = async (db: Db, id: string) => {
  const row = await db
    .select({
      award: awards,
      callTitle: calls.title,
      confidential: calls.confidential,
      offerWhat: calls.offerWhat,
    })
    .from(awards)
    .innerJoin(calls, eq(calls.id, awards.callId))
    .where(eq(awards.id, id))
    .get();
  return row
    ? { ...row.award, callTitle: row.callTitle, confidential: row.confidential, offerWhat: row.offerWhat }
    : null;
};

const withReceipts = (rows: { d: DisbursementRow; r: ReceiptRow | null }[]) =>
  rows.map(({ d, r }) => ({ ...d, receipt: r }));
export type DisbursementWithReceipt = ReturnType<typeof withReceipts>[number];

/** The award's plan in due order and every disbursement of it with its receipt, oldest first. */
export const awardMoney = async (db: Db, awardId: string) => {
  // Two reads, not one db.batch: D1's batch answers rows as objects keyed by column name, so the joined
  // tables' same-named columns (amount, currency) would overwrite each other.
  const [plan, sent] = await Promise.all([
    db.select().from(tranches).where(eq(tranches.awardId, awardId)).orderBy(asc(tranches.seq)).all(),
    db
      .select({ d: disbursements, r: receipts })
      .from(disbursements)
      .leftJoin(receipts, eq(receipts.disbursementId, disbursements.id))
      .where(eq(disbursements.awardId, awardId))
      .orderBy(asc(disbursements.sentOn), asc(disbursements.createdAt))
      .all(),
  ]);
  return { tranches: plan, disbursements: withReceipts(sent) };
};

/**
 * Inserts of a whole plan, each row written only while the award has no tranche outside this plan: a
 * concurrent plan (other ids) or one already stored blocks every row, so two plans never mix. `cond`, when
 * given, must hold too (e.g. the decision that creates the award won).
 */
const planInserts = (db: Db, awardId: string, plan: readonly TranchePlan[], ids: string[], cond?: SQL) => {
  const now = nowIso();
  const others = sql`NOT EXISTS (SELECT 1 FROM tranches WHERE award_id = ${awardId} AND id NOT IN (${sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  )}))`;
  const where = cond ? sql`${cond} AND ${others}` : others;
  return plan.map((t, i) =>
    // insert … select: values in the table's column order.
    db
      .insert(tranches)
      .select(
        sql`SELECT ${ids[i]}, ${awardId}, ${i + 1}, ${t.dueOn}, ${t.amount.amount}, ${t.amount.currency}, ${t.afterReport ? 1 : 0}, ${now} WHERE ${where}`,
      ),
  );
};

/**
 * An award's default plan written in the decision's own batch, so the plan exists from the moment the
 * award does (the 360Giving export and the ledger read it without anyone opening the award first).
 */
export const defaultPlanInsertsIf = (db: Db, awardId: string, plan: readonly TranchePlan[], cond: SQL) =>
  planInserts(
    db,
    awardId,
    plan,
    plan.map(() => newId()),
    cond,
  );

/** The first plan of an award that has none (its default); does nothing if one exists or appears meanwhile. */
export const insertPlanIfNone = async (db: Db, awardId: string, plan: readonly TranchePlan[]) => {
  if (!plan.length) return;
  const ids = plan.map(() => newId());
  const [first, ...rest] = planInserts(db, awardId, plan, ids);
  await db.batch([first, ...rest]);
};

/** No money has been sent against any of the award's tranches: the condition for replacing its plan. */
const noLinkedDisbursement = (awardId: string) =>
  sql`NOT EXISTS (SELECT 1 FROM disbursements WHERE award_id = ${awardId} AND tranche_id IS NOT NULL)`;

/**
 * Replaces the award's plan while no disbursement names one of its tranches (once money was sent against
 * a tranche, the plan is a record, not a draft). `extra` rows (the audit entry) are written only if the
 * new plan was. Returns whether it was.
 */
export const replacePlan = async (
  db: Db,
  awardId: string,
  plan: readonly TranchePlan[],
  extra: (replaced: SQL) => Batch,
) => {
  const ids = plan.map(() => newId());
  const replaced = sql`EXISTS (SELECT 1 FROM tranches WHERE id = ${ids[0]})`;
  await db.batch([
    db.delete(tranches).where(and(eq(tranches.awardId, awardId), noLinkedDisbursement(awardId))),
    ...planInserts(db, awardId, plan, ids),
    ...extra(replaced),
  ]);
  const row = await db.select({ id: tranches.id }).from(tranches).where(eq(tranches.id, ids[0])).get();
  return !!row;
};

export type NewDisbursement = Omit<typeof disbursements.$inferInsert, "createdAt" | "receiptUploadId">;

/**
 * What may still be sent from an award (its amount) or from a pledge (what was paid in, in its currency,
 * refunds netted), minus what was already sent from it. Disbursements are in the source's currency.
 */
const remainingSql = (d: Pick<NewDisbursement, "awardId" | "pledgeId">) =>
  d.awardId
    ? sql`(SELECT amount FROM awards WHERE id = ${d.awardId}) - (SELECT coalesce(sum(amount), 0) FROM disbursements WHERE award_id = ${d.awardId})`
    : sql`(SELECT coalesce(sum(p.amount), 0) FROM payments p JOIN pledges g ON g.id = p.pledge_id AND g.currency = p.currency WHERE p.pledge_id = ${d.pledgeId}) - (SELECT coalesce(sum(amount), 0) FROM disbursements WHERE pledge_id = ${d.pledgeId})`;

/** What may still be sent from the award or pledge, in its currency. */
export const remainingToSend = async (db: Db, source: Pick<NewDisbursement, "awardId" | "pledgeId">) => {
  const row = await db.get<{ remaining: number }>(sql`SELECT ${remainingSql(source)} AS remaining`);
  return Number(row?.remaining ?? 0);
};

/**
 * Records a disbursement only if it still fits what remains to send and its tranche (if any) is still
 * part of the award's plan, checked in the INSERT itself so two funders' members sending at once cannot
 * overspend. `extra` rows (audit, notice) follow only an inserted row. Returns whether it was inserted.
 */
export const insertDisbursement = async (db: Db, d: NewDisbursement, extra: (inserted: SQL) => Batch) => {
  const trancheOk = d.trancheId
    ? sql`EXISTS (SELECT 1 FROM tranches WHERE id = ${d.trancheId} AND award_id = ${d.awardId ?? null})`
    : sql`1`;
  const inserted = sql`EXISTS (SELECT 1 FROM disbursements WHERE id = ${d.id})`;
  await db.batch([
    // insert … select: values in the table's column order (receipt upload: none yet).
    db
      .insert(disbursements)
      .select(
        sql`SELECT ${d.id}, ${d.awardId ?? null}, ${d.pledgeId ?? null}, ${d.trancheId ?? null}, ${d.orgId}, ${d.amount}, ${d.currency}, ${d.amountUsd ?? null}, ${d.sentOn}, ${d.rail}, ${d.via ?? null}, ${d.reference}, NULL, ${d.createdBy}, ${nowIso()} WHERE ${d.amount} <= ${remainingSql(d)} AND ${trancheOk}`,
      ),
    ...extra(inserted),
  ]);
  return !!(await findDisbursement(db, d.id));
};

/** A disbursement with its receipt and who paid it (the award's funder, or the pledge's pledger). */
export const findDisbursement = async (db: Db, id: string) => {
  const row = await db
    .select({
      d: disbursements,
      r: receipts,
      awardFunderOrgId: awards.funderOrgId,
      pledgeFunderOrgId: pledges.funderOrgId,
      pledgerUserId: pledges.pledgerUserId,
    })
    .from(disbursements)
    .leftJoin(receipts, eq(receipts.disbursementId, disbursements.id))
    .leftJoin(awards, eq(awards.id, disbursements.awardId))
    .leftJoin(pledges, eq(pledges.id, disbursements.pledgeId))
    .where(eq(disbursements.id, id))
    .get();
  if (!row) return null;
  return {
    ...row.d,
    receipt: row.r,
    payerOrgId: row.awardFunderOrgId ?? row.pledgeFunderOrgId ?? null,
    pledgerUserId: row.pledgerUserId ?? null,
  };
};

export type NewReceipt = Omit<typeof receipts.$inferInsert, "createdAt">;

/**
 * The receipt, once: the disbursement is its primary key, so a second confirmation (even a concurrent
 * one) inserts nothing. `extra` rows follow only this request's receipt (one statement, e.g. its audit
 * entry). Returns whether it was stored.
 */
export const insertReceipt = async (db: Db, r: NewReceipt, extra: (mine: SQL) => Batch) => {
  // SQLite's changes() counts the rows the statement just before changed: this request's receipt, or none.
  // (The same person confirming twice at once would be indistinguishable by any stored column.) Keep the
  // extra rows right after the insert.
  const mine = sql`changes() = 1`;
  const [stored] = await db.batch([
    db
      .insert(receipts)
      .values({ ...r, createdAt: nowIso() })
      .onConflictDoNothing()
      .returning({ id: receipts.disbursementId }),
    ...extra(mine),
  ]);
  return stored.length > 0;
};
