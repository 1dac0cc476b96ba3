// Pledges, their payments and refunds, and processed Stripe events. Every write that can be repeated by a
// provider is idempotent in SQL (unique external ids, facts set once with COALESCE), and every write ends
// by re-deriving the pledge's status from its facts in the same batch, so order does not matter.
import { and, desc, eq, inArray, isNull, ne, or, sql, type SQL } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { pledges, payments, stripeEvents, orgs, users } from "../../schema";
import type { PaymentProvider, Visibility } from "../../schema/enums";
import type { Db } from "./client";
import { nowIso } from "./client";
import type { Money } from "../domain/money";

export type PledgeRow = typeof pledges.$inferSelect;
type Batch = BatchItem<"sqlite">[];

const paidCount = sql`(SELECT count(*) FROM payments WHERE payments.pledge_id = pledges.id AND payments.kind = 'payment')`;
/** The rule of worker/domain/pledges.ts `pledgeStatus`, in SQL (a test checks that both agree). */
const derivedStatus = sql`CASE
  WHEN (CASE WHEN pledges.interval = 'once' THEN 1 ELSE pledges.installments END) <= ${paidCount} THEN 'completed'
  WHEN pledges.cancelled_at IS NOT NULL THEN 'cancelled'
  WHEN pledges.ended_at IS NOT NULL THEN CASE WHEN ${paidCount} > 0 THEN 'cancelled' ELSE 'failed' END
  WHEN ${paidCount} > 0 OR pledges.checkout_completed_at IS NOT NULL THEN 'active'
  ELSE 'pending' END`;

/** Re-derives the status; put last in every batch that changes a pledge's facts or payments. */
export const refreshStatus = (db: Db, pledgeId: string) =>
  db
    .update(pledges)
    .set({ status: sql`${derivedStatus}`, updatedAt: nowIso() })
    .where(eq(pledges.id, pledgeId));

export type NewPledge = Omit<typeof pledges.$inferInsert, "createdAt" | "updatedAt" | "status">;

export const insertPledge = async (db: Db, p: NewPledge, extra: Batch = []) => {
  const now = nowIso();
  await db.batch([db.insert(pledges).values({ ...p, createdAt: now, updatedAt: now }), ...extra]);
};

export const findPledgeRow = (db: Db, id: string) =>
  db.select().from(pledges).where(eq(pledges.id, id)).get();

export const findPledgeBySubscription = (db: Db, subscriptionId: string) =>
  db.select({ id: pledges.id }).from(pledges).where(eq(pledges.stripeSubscriptionId, subscriptionId)).get();

/** The pledge with what has been paid and refunded on it (in its currency). */
export const findPledge = async (db: Db, id: string) => {
  const row = await findPledgeRow(db, id);
  if (!row) return null;
  const sums = await db
    .select({
      count: sql<number>`count(*) FILTER (WHERE ${payments.kind} = 'payment')`,
      paid: sql<number>`coalesce(sum(${payments.amount}) FILTER (WHERE ${payments.kind} = 'payment' AND ${payments.currency} = ${row.currency}), 0)`,
      refunded: sql<number>`coalesce(-sum(${payments.amount}) FILTER (WHERE ${payments.kind} = 'refund' AND ${payments.currency} = ${row.currency}), 0)`,
    })
    .from(payments)
    .where(eq(payments.pledgeId, id))
    .get();
  return toPledge(row, sums ?? { count: 0, paid: 0, refunded: 0 });
};

export const toPledge = (r: PledgeRow, s: { count: number; paid: number; refunded: number }) => ({
  id: r.id,
  status: r.status,
  provider: r.provider,
  recipientOrgId: r.recipientOrgId,
  funderOrgId: r.funderOrgId,
  pledgerUserId: r.pledgerUserId,
  anonymous: r.anonymous,
  amount: { amount: r.amount, currency: r.currency },
  interval: r.interval,
  installments: r.interval === "once" ? 1 : r.installments,
  reference: r.reference,
  paymentsCount: Number(s.count),
  paid: { amount: Number(s.paid), currency: r.currency },
  refunded: { amount: Number(s.refunded), currency: r.currency },
  failedPayments: r.failedPayments,
  endedAt: r.endedAt,
  cancelledAt: r.cancelledAt,
  stripeSubscriptionId: r.stripeSubscriptionId,
  stripeCheckoutSessionId: r.stripeCheckoutSessionId,
  createdAt: r.createdAt,
});
export type Pledge = ReturnType<typeof toPledge>;

export const setCheckoutSession = (db: Db, id: string, sessionId: string) =>
  db
    .update(pledges)
    .set({ stripeCheckoutSessionId: sessionId, updatedAt: nowIso() })
    .where(eq(pledges.id, id));

/** Facts are written once (the first report wins) and never cleared. */
export const setFacts = (
  db: Db,
  id: string,
  f: {
    checkoutCompletedAt?: string;
    endedAt?: string;
    cancelledAt?: string;
    stripeSubscriptionId?: string | null;
    stripeCustomerId?: string | null;
    stripeCheckoutSessionId?: string | null;
  },
) => {
  const set: Record<string, SQL> = {};
  const once = (col: SQL.Aliased | unknown, name: string, value: string | null | undefined) => {
    if (value) set[name] = sql`coalesce(${col}, ${value})`;
  };
  once(pledges.checkoutCompletedAt, "checkoutCompletedAt", f.checkoutCompletedAt);
  once(pledges.endedAt, "endedAt", f.endedAt);
  once(pledges.cancelledAt, "cancelledAt", f.cancelledAt);
  once(pledges.stripeSubscriptionId, "stripeSubscriptionId", f.stripeSubscriptionId);
  once(pledges.stripeCustomerId, "stripeCustomerId", f.stripeCustomerId);
  once(pledges.stripeCheckoutSessionId, "stripeCheckoutSessionId", f.stripeCheckoutSessionId);
  return db
    .update(pledges)
    .set({ ...set, updatedAt: nowIso() })
    .where(eq(pledges.id, id));
};

/** Counts a failed installment, only when `condition` holds (the delivery that recorded the event). */
export const countFailureIf = (db: Db, id: string, at: string, condition: SQL) =>
  db
    .update(pledges)
    .set({ failedPayments: sql`${pledges.failedPayments} + 1`, lastFailureAt: at, updatedAt: nowIso() })
    .where(and(eq(pledges.id, id), condition));

export type NewPayment = {
  id: string;
  pledgeId: string;
  recipientOrgId: string;
  amount: Money;
  amountUsd: number | null;
  at: string;
  provider: PaymentProvider;
  externalId: string;
  stripePaymentIntentId?: string | null;
  reference?: string | null;
  confirmedBy?: string | null;
};

/** Adds the entry's USD value to the recipient's funding total, if (and only if) the entry `paymentId` was inserted. */
const creditRecipient = (db: Db, orgId: string, paymentId: string) =>
  db
    .update(orgs)
    .set({
      fundingReceivedUsd: sql`${orgs.fundingReceivedUsd} + coalesce((SELECT amount_usd FROM payments WHERE id = ${paymentId}), 0)`,
    })
    .where(eq(orgs.id, orgId));

/**
 * A payment, once per (provider, externalId): a repeated or concurrent report inserts nothing, credits
 * nothing, and leaves the status as it was. Returns the statements for the caller's batch.
 */
export const recordPayment = (db: Db, p: NewPayment): Batch => [
  db
    .insert(payments)
    .values({
      id: p.id,
      pledgeId: p.pledgeId,
      recipientOrgId: p.recipientOrgId,
      kind: "payment",
      amount: p.amount.amount,
      currency: p.amount.currency,
      amountUsd: p.amountUsd,
      at: p.at,
      provider: p.provider,
      externalId: p.externalId,
      stripePaymentIntentId: p.stripePaymentIntentId ?? null,
      reference: p.reference ?? null,
      confirmedBy: p.confirmedBy ?? null,
      createdAt: nowIso(),
    })
    .onConflictDoNothing(),
  creditRecipient(db, p.recipientOrgId, p.id),
  refreshStatus(db, p.pledgeId),
];

export const paymentInserted = async (db: Db, id: string) =>
  !!(await db.select({ id: payments.id }).from(payments).where(eq(payments.id, id)).get());

/**
 * Stripe reports a charge's cumulative refunded amount. The refund entry is the difference from what is
 * already recorded for the charge, inserted in one statement, so repeated, concurrent or out-of-order
 * reports end with the refunds summing to the largest total reported.
 */
export const recordRefund = (
  db: Db,
  r: {
    id: string;
    pledgeId: string;
    recipientOrgId: string;
    chargeId: string;
    paymentIntentId: string | null;
    refundedTotal: Money;
    usdPerMinor: number | null;
    at: string;
  },
): Batch => {
  const already = sql`coalesce((SELECT -sum(amount) FROM payments WHERE provider = 'stripe' AND kind = 'refund' AND stripe_charge_id = ${r.chargeId}), 0)`;
  const delta = sql`(${r.refundedTotal.amount} - ${already})`;
  const usd = r.usdPerMinor === null ? sql`NULL` : sql`-CAST(round(${delta} * ${r.usdPerMinor}) AS INTEGER)`;
  const externalId = `${r.chargeId}:${r.refundedTotal.amount}`;
  return [
    db
      .insert(payments)
      .select(
        sql`SELECT ${r.id}, ${r.pledgeId}, ${r.recipientOrgId}, 'refund', -${delta}, ${r.refundedTotal.currency}, ${usd}, ${r.at}, 'stripe', ${externalId}, ${r.paymentIntentId}, ${r.chargeId}, ${r.chargeId}, NULL, ${nowIso()} WHERE ${delta} > 0 ON CONFLICT DO NOTHING`,
      ),
    creditRecipient(db, r.recipientOrgId, r.id),
    refreshStatus(db, r.pledgeId),
  ];
};

/** The payment a Stripe charge paid for: by payment intent, or by the invoice it settled. */
export const findStripePayment = (
  db: Db,
  by: { paymentIntentId?: string | null; invoiceId?: string | null },
) => {
  const conds = [
    by.paymentIntentId ? eq(payments.stripePaymentIntentId, by.paymentIntentId) : undefined,
    by.invoiceId ? eq(payments.externalId, by.invoiceId) : undefined,
  ].filter(Boolean) as SQL[];
  if (!conds.length) return Promise.resolve(undefined);
  return db
    .select({ pledgeId: payments.pledgeId, recipientOrgId: payments.recipientOrgId })
    .from(payments)
    .where(and(eq(payments.provider, "stripe"), eq(payments.kind, "payment"), or(...conds)))
    .get();
};

export const paymentsOf = (db: Db, pledgeId: string) =>
  db
    .select()
    .from(payments)
    .where(eq(payments.pledgeId, pledgeId))
    .orderBy(payments.at, payments.createdAt)
    .all();

// Stripe events: each id is processed at most once.

export const eventSeen = async (db: Db, id: string) =>
  !!(await db.select({ id: stripeEvents.id }).from(stripeEvents).where(eq(stripeEvents.id, id)).get());

export const recordEvent = (
  db: Db,
  e: { id: string; type: string; token: string; pledgeId: string | null },
) =>
  db
    .insert(stripeEvents)
    .values({ ...e, receivedAt: nowIso() })
    .onConflictDoNothing();

/** True in a batch only for the delivery whose token recorded the event. */
export const eventWon = (id: string, token: string) =>
  sql`EXISTS (SELECT 1 FROM stripe_events WHERE id = ${id} AND token = ${token})`;

// Reading for pages and the ledger.

const funderName = sql<
  string | null
>`coalesce((SELECT name FROM orgs f WHERE f.id = ${pledges.funderOrgId}), ${users.name})`;
const funderVisibility = sql<Visibility | null>`(SELECT visibility FROM orgs f WHERE f.id = ${pledges.funderOrgId})`;

/** An organisation's pledges that committed something (not pending), with who gave. */
export const ledgerPledges = (db: Db, orgId: string) =>
  db
    .select({ pledge: pledges, funder: funderName, funderVisibility })
    .from(pledges)
    .innerJoin(users, eq(users.id, pledges.pledgerUserId))
    .where(and(eq(pledges.recipientOrgId, orgId), ne(pledges.status, "pending")))
    .orderBy(pledges.createdAt)
    .all();

export const ledgerPayments = (db: Db, orgId: string) =>
  db
    .select()
    .from(payments)
    .where(eq(payments.recipientOrgId, orgId))
    .orderBy(payments.at, payments.createdAt)
    .all();

/** Pledges a person made (as themselves when `userId` is given) or one of their funder organisations made. */
export const pledgesBy = (db: Db, userId: string | null, funderOrgIds: string[]) =>
  db
    .select({ pledge: pledges, recipientName: orgs.name })
    .from(pledges)
    .innerJoin(orgs, eq(orgs.id, pledges.recipientOrgId))
    .where(
      or(
        userId ? eq(pledges.pledgerUserId, userId) : sql`0`,
        funderOrgIds.length ? inArray(pledges.funderOrgId, funderOrgIds) : sql`0`,
      ),
    )
    .orderBy(desc(pledges.createdAt))
    .limit(50)
    .all();

/** Bank-transfer pledges still expecting money, for the admin page. */
export const openManualPledges = (db: Db) =>
  db
    .select({ pledge: pledges, recipientName: orgs.name })
    .from(pledges)
    .innerJoin(orgs, eq(orgs.id, pledges.recipientOrgId))
    .where(
      and(
        eq(pledges.provider, "manual"),
        inArray(pledges.status, ["pending", "active"]),
        isNull(pledges.cancelledAt),
      ),
    )
    .orderBy(pledges.createdAt)
    .limit(100)
    .all();

/** Who made the pledge, as shown to those allowed to know: the funder organisation's name or the person's. */
export const pledgerName = async (
  db: Db,
  p: { funderOrgId: string | null; pledgerUserId: string },
): Promise<{ name: string | null; funderVisibility: Visibility | null }> => {
  if (p.funderOrgId) {
    const f = await db
      .select({ name: orgs.name, visibility: orgs.visibility })
      .from(orgs)
      .where(eq(orgs.id, p.funderOrgId))
      .get();
    return { name: f?.name ?? null, funderVisibility: f?.visibility ?? null };
  }
  return {
    name:
      (await db.select({ name: users.name }).from(users).where(eq(users.id, p.pledgerUserId)).get())?.name ??
      null,
    funderVisibility: null,
  };
};
