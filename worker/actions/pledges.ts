// Pledge use cases shared by the API and the pages: pledge (Stripe Checkout or bank transfer), view,
// cancel, confirm a bank transfer (admins), and an organisation's ledger.
import Stripe from "stripe";
import type { Db } from "../db/client";
import {
  insertPledge,
  findPledge,
  findPledgeRow,
  setCheckoutSession,
  setFacts,
  refreshStatus,
  recordPayment,
  paymentInserted,
  paymentsOf,
  ledgerPledges,
  ledgerPayments,
  pledgesBy,
  openManualPledges,
  type Pledge,
} from "../db/pledges";
import { findOrg, findOrgRecord } from "../db/orgs";
import { loadFxTable } from "../db/fx";
import { auditInsert } from "../db/audit";
import { newId } from "../security/random";
import {
  canPledgeAs,
  canViewOrg,
  canViewPledge,
  canCancelPledge,
  canAdminister,
  membershipIn,
  pledgerShownTo,
  type Viewer,
} from "../domain/permissions";
import { pledgeProblems, bankReference, canBeCancelled } from "../domain/pledges";
import { ledgerTotals } from "../domain/ledger";
import { toUsdCents } from "../domain/fx";
import type { Money } from "../domain/money";
import { checkoutSessionParams } from "../stripe/checkout";
import { Problem, type FieldError } from "../core/problem";
import { authorize, enforce } from "../core/authorize";
import type { Translate } from "../i18n";
import type { Locale, PledgeInterval } from "../../schema/enums";

/** What pledging needs from the environment: a Stripe client when keys are set, bank details otherwise. */
export type PaymentsConfig = { stripe: Stripe | null; origin: string; payTo: string };

export type PledgeRequest = {
  recipientOrgId: string;
  funderOrgId?: string | null;
  amount: Money;
  interval: PledgeInterval;
  installments?: number | null;
  anonymous?: boolean;
};

const dateOf = (iso: string) => iso.slice(0, 10);

/** Stripe's answer to a request it refused vs. Stripe being unreachable: 422 names the amount, 503 asks to retry. */
const stripeProblem = (t: Translate, e: unknown) =>
  e instanceof Stripe.errors.StripeInvalidRequestError || e instanceof Stripe.errors.StripeCardError
    ? new Problem(422, t("err.stripe_rejected"), [{ path: "amount", message: t("err.stripe_rejected") }])
    : new Problem(503, t("err.stripe_unavailable"), undefined, undefined, { "Retry-After": "30" });

export const createPledge = async (
  db: Db,
  t: Translate,
  locale: Locale,
  viewer: Viewer | null,
  req: PledgeRequest,
  cfg: PaymentsConfig,
) => {
  if (!viewer) throw new Problem(401);
  const recipient = await findOrg(db, req.recipientOrgId);
  if (!recipient || !canViewOrg(viewer, recipient).ok)
    throw new Problem(404, undefined, [{ path: "recipientOrgId", message: t("error.not_found") }]);
  const funderOrgId = req.funderOrgId ?? null;
  const as = canPledgeAs(viewer, funderOrgId);
  if (!as.ok)
    throw new Problem(as.status, undefined, [{ path: "funderOrgId", message: t("err.not_funder_member") }]);

  const errors: FieldError[] = [];
  if (recipient.kind !== "cso") errors.push({ path: "recipientOrgId", message: t("err.pledge_recipient") });
  else if (membershipIn(viewer, recipient.id))
    errors.push({ path: "recipientOrgId", message: t("err.pledge_self") });
  const provider = cfg.stripe ? "stripe" : "manual";
  const fx = await loadFxTable(db);
  const today = dateOf(new Date().toISOString());
  for (const p of pledgeProblems(req, provider, fx, today)) errors.push({ path: p.path, message: t(p.key) });
  if (errors.length) throw new Problem(422, t("err.cannot_pledge"), errors);

  const id = newId();
  const installments = req.interval === "once" ? 1 : (req.installments ?? null);
  await insertPledge(
    db,
    {
      // A person giving as themselves is anonymous on the public ledger unless they choose to be named.
      id,
      recipientOrgId: recipient.id,
      funderOrgId,
      pledgerUserId: viewer.userId,
      anonymous: req.anonymous ?? funderOrgId === null,
      amount: req.amount.amount,
      currency: req.amount.currency,
      amountUsd: toUsdCents(req.amount, fx, today),
      interval: req.interval,
      installments,
      provider,
      reference: bankReference(crypto.getRandomValues(new Uint8Array(8))),
    },
    [
      auditInsert(db, {
        actorUserId: viewer.userId,
        action: "pledge.created",
        subjectType: "pledge",
        subjectId: id,
        data: {
          recipientOrgId: recipient.id,
          funderOrgId,
          amount: req.amount,
          interval: req.interval,
          installments,
          provider,
        },
      }),
    ],
  );

  if (!cfg.stripe) {
    const pledge = (await findPledge(db, id))!;
    return { pledge, instructions: { payTo: cfg.payTo, reference: pledge.reference, amount: pledge.amount } };
  }
  let session: Stripe.Checkout.Session;
  try {
    session = await cfg.stripe.checkout.sessions.create(
      checkoutSessionParams({
        pledgeId: id,
        amount: req.amount,
        interval: req.interval,
        installments,
        productName: t("pledge.product", { org: recipient.name }),
        email: viewer.email,
        locale,
        origin: cfg.origin,
      }),
      { idempotencyKey: `pledge-checkout-${id}` },
    );
  } catch (e) {
    // The pledge never reached a payment page: it ends as failed rather than waiting for ever.
    await db.batch([setFacts(db, id, { endedAt: new Date().toISOString() }), refreshStatus(db, id)]);
    console.error(`Stripe Checkout for pledge ${id} failed:`, e instanceof Error ? e.message : e);
    throw stripeProblem(t, e);
  }
  await setCheckoutSession(db, id, session.id);
  return { pledge: (await findPledge(db, id))!, checkoutUrl: session.url ?? undefined };
};

/** The pledge and its payments, if the viewer may see it. */
export const viewPledge = async (db: Db, viewer: Viewer | null, id: string) => {
  const pledge = await findPledge(db, id);
  if (!pledge) throw new Problem(viewer ? 404 : 401);
  enforce(canViewPledge(viewer, pledge));
  const [recipient, entries] = await Promise.all([
    findOrgRecord(db, pledge.recipientOrgId),
    paymentsOf(db, id),
  ]);
  return { pledge, recipient: recipient!, payments: entries };
};

/** Stops a pending or running pledge; with Stripe, the subscription is cancelled (or the unpaid Checkout expired) first. */
export const cancelPledge = async (
  db: Db,
  t: Translate,
  viewer: Viewer | null,
  id: string,
  stripe: Stripe | null,
) => {
  const pledge = await findPledge(db, id);
  if (!pledge) throw new Problem(viewer ? 404 : 401);
  authorize(viewer, canCancelPledge(viewer, pledge));
  if (!canBeCancelled(pledge.status))
    throw new Problem(422, t("err.cannot_cancel"), [{ path: "status", message: t("err.cannot_cancel") }]);
  if (pledge.provider === "stripe") await stopAtStripe(t, pledge, stripe);
  await db.batch([
    setFacts(db, id, { cancelledAt: new Date().toISOString() }),
    refreshStatus(db, id),
    auditInsert(db, {
      actorUserId: viewer.userId,
      action: "pledge.cancelled",
      subjectType: "pledge",
      subjectId: id,
      data: { from: pledge.status },
    }),
  ]);
  return (await findPledge(db, id))!;
};

/** Cancels the subscription (or expires the unpaid Checkout) at Stripe; used by pledgers and by organisation deletion. */
export const stopAtStripe = async (
  t: Translate,
  pledge: Pick<Pledge, "status" | "stripeSubscriptionId" | "stripeCheckoutSessionId">,
  stripe: Stripe | null,
) => {
  if (!stripe) throw new Problem(503, t("err.stripe_unavailable"));
  try {
    if (pledge.stripeSubscriptionId) await stripe.subscriptions.cancel(pledge.stripeSubscriptionId);
    else if (pledge.stripeCheckoutSessionId && pledge.status === "pending")
      await stripe.checkout.sessions.expire(pledge.stripeCheckoutSessionId);
  } catch (e) {
    // Already cancelled or expired at Stripe: the goal is reached. Anything else: nothing changed here, retry.
    if (e instanceof Stripe.errors.StripeInvalidRequestError) return;
    throw stripeProblem(t, e);
  }
};

/** An admin records a bank transfer that arrived for a manual pledge; the bank reference makes it count once. */
export const confirmManualPayment = async (
  db: Db,
  t: Translate,
  viewer: Viewer | null,
  id: string,
  p: { amount: Money; receivedAt: string; reference: string },
) => {
  authorize(viewer, canAdminister(viewer));
  const pledge = await findPledgeRow(db, id);
  if (!pledge) throw new Problem(404);
  const errors: FieldError[] = [];
  if (pledge.provider !== "manual") errors.push({ path: "provider", message: t("err.not_manual") });
  if (p.amount.currency !== pledge.currency)
    errors.push({
      path: "amount.currency",
      message: t("err.pledge_currency", { currency: pledge.currency }),
    });
  if (p.amount.amount <= 0) errors.push({ path: "amount.amount", message: t("err.amount_positive") });
  const receivedAt = new Date(p.receivedAt);
  if (Number.isNaN(receivedAt.getTime())) errors.push({ path: "receivedAt", message: t("err.datetime") });
  else if (receivedAt.getTime() > Date.now() + 60_000)
    errors.push({ path: "receivedAt", message: t("err.future_date") });
  if (errors.length) throw new Problem(422, t("err.cannot_record_payment"), errors);
  const at = receivedAt.toISOString();
  const paymentId = newId();
  const reference = p.reference.trim();
  await db.batch([
    auditInsert(db, {
      actorUserId: viewer.userId,
      action: "payment.confirmed",
      subjectType: "pledge",
      subjectId: id,
      data: { paymentId, amount: p.amount, reference },
    }),
    ...recordPayment(db, {
      id: paymentId,
      pledgeId: id,
      recipientOrgId: pledge.recipientOrgId,
      amount: p.amount,
      amountUsd: toUsdCents(p.amount, await loadFxTable(db), dateOf(at)),
      at,
      provider: "manual",
      externalId: reference.toUpperCase(),
      reference,
      confirmedBy: viewer.userId,
    }),
  ]);
  if (!(await paymentInserted(db, paymentId)))
    throw new Problem(409, t("err.payment_recorded"), [
      { path: "reference", message: t("err.payment_recorded") },
    ]);
  return {
    id: paymentId,
    pledgeId: id,
    kind: "payment" as const,
    amount: p.amount,
    at,
    provider: "manual" as const,
    reference,
  };
};

/** The organisation's ledger: totals per currency and in USD, and every entry, anonymous pledgers unnamed. */
export const ledgerOf = async (db: Db, viewer: Viewer | null, orgId: string) => {
  const org = await findOrg(db, orgId);
  if (!org) throw new Problem(404);
  enforce(canViewOrg(viewer, org));
  const [pledgeRows, paymentRows] = await Promise.all([ledgerPledges(db, orgId), ledgerPayments(db, orgId)]);
  // What each pledge has had paid in its own currency (a cancelled pledge counts only that as pledged).
  const currencyOf = new Map(pledgeRows.map(({ pledge: p }) => [p.id, p.currency]));
  const paidBy = new Map<string, number>();
  for (const p of paymentRows)
    if (p.kind === "payment" && p.currency === currencyOf.get(p.pledgeId))
      paidBy.set(p.pledgeId, (paidBy.get(p.pledgeId) ?? 0) + p.amount);
  const totals = ledgerTotals(
    pledgeRows.map(({ pledge: p }) => ({
      amount: { amount: p.amount, currency: p.currency },
      interval: p.interval,
      installments: p.installments,
      status: p.status,
      amountUsd: p.amountUsd,
    })),
    paymentRows.map((p) => ({ amount: { amount: p.amount, currency: p.currency }, usd: p.amountUsd })),
    pledgeRows.map(({ pledge: p }) => paidBy.get(p.id) ?? 0),
  );
  const named = new Map(
    pledgeRows.map(({ pledge: p, funder, funderVisibility }) => [
      p.id,
      pledgerShownTo(viewer, p, funderVisibility, funder),
    ]),
  );
  const entries = [
    ...pledgeRows.map(({ pledge: p }) => ({
      at: p.createdAt,
      kind: "pledge" as const,
      amount: { amount: p.amount, currency: p.currency },
      pledgeId: p.id,
      funder: named.get(p.id) ?? null,
      interval: p.interval,
      installments: p.interval === "once" ? 1 : p.installments,
      status: p.status,
    })),
    // Payments of pledges still pending (a bank transfer confirmed before anything else) are listed too.
    ...paymentRows.map((p) => ({
      at: p.at,
      kind: p.kind,
      amount: { amount: Math.abs(p.amount), currency: p.currency },
      pledgeId: p.pledgeId,
      funder: named.has(p.pledgeId) ? named.get(p.pledgeId)! : null,
    })),
  ].sort((a, b) => b.at.localeCompare(a.at));
  return {
    org,
    ledger: {
      orgId,
      totals: totals.currencies.map(({ currency, pledged, paid, refunded }) => ({
        currency,
        pledged,
        paid,
        refunded,
      })),
      totalsUsd: {
        pledged: totals.usd.pledged,
        paid: totals.usd.paid,
        refunded: totals.usd.refunded,
        complete: totals.usd.complete,
      },
      entries,
    },
  };
};

/** For "My account": pledges the viewer made (or their funder organisations made). */
export const myPledges = (db: Db, viewer: Viewer) =>
  pledgesBy(
    db,
    viewer.userId,
    viewer.memberships.filter((m) => m.orgKind === "funder").map((m) => m.orgId),
  );

/** For the admin page: bank-transfer pledges waiting for money. */
export const pledgesAwaitingTransfers = async (db: Db, viewer: Viewer | null) => {
  enforce(canAdminister(viewer));
  return openManualPledges(db);
};
