// Stripe webhook deliveries → ledger facts. Verified, recorded once per event id, applied in one batch
// with idempotent statements (so concurrent duplicates cannot double-count), and followed by the
// Stripe-side actions the new state calls for (ending a subscription after its last installment, or one
// the pledger cancelled while Checkout was finishing). Those follow-ups run on duplicates too, so a
// delivery that failed half-way is completed by Stripe's retry. A charge whose amount or currency is not
// the pledge's is recorded as seen but does not count (stripe/charge-check.ts says why).
import type Stripe from "stripe";
import type { Db } from "../db/client";
import {
  findPledge,
  findPledgeBySubscription,
  findStripePayment,
  eventSeen,
  recordEvent,
  eventWon,
  setFacts,
  refreshStatus,
  recordPayment,
  recordRefund,
  countFailureIf,
  type Pledge,
} from "../db/pledges";
import { loadFxTable } from "../db/fx";
import { auditInsertIf } from "../db/audit";
import { newId } from "../security/random";
import { rateOn } from "../domain/fx";
import { minorUnitExponent } from "../domain/money";
import { toUsdCents } from "../domain/fx";
import { isLastInstallment } from "../domain/pledges";
import { factOf, type StripeFact } from "../stripe/events";
import { checkCharge, type StripeCharge } from "../stripe/charge-check";
import { verifyEvent } from "../stripe/client";
import { Problem } from "../core/problem";

type Config = { secret: string | undefined; stripe: Stripe | null };

export const handleStripeWebhook = async (
  db: Db,
  cfg: Config,
  rawBody: string,
  signature: string | undefined,
) => {
  if (!cfg.secret) throw new Problem(404);
  let event: Stripe.Event;
  try {
    if (!signature) throw new Error("missing");
    event = await verifyEvent(rawBody, signature, cfg.secret);
  } catch {
    throw new Problem(400, "The Stripe-Signature header is missing, invalid or too old.", [
      { path: "Stripe-Signature", message: "invalid or stale signature" },
    ]);
  }
  const fact = factOf(event);
  const duplicate = await eventSeen(db, event.id);
  const pledge = fact.kind === "ignored" ? null : await resolvePledge(db, cfg.stripe, fact);
  if (!duplicate) {
    if (fact.kind === "charge_refunded" && !pledge) {
      // The payment this refund reverses is not recorded yet (its event is still on the way): answer
      // non-2xx so Stripe delivers this event again later, when it can be matched.
      throw new Problem(422, "The refunded payment is not known yet; Stripe will retry.", [
        { path: "data.object.payment_intent", message: "unknown payment" },
      ]);
    }
    const token = newId();
    const statements = pledge && fact.kind !== "ignored" ? await effects(db, fact, pledge, event, token) : [];
    await db.batch([
      recordEvent(db, { id: event.id, type: event.type, token, pledgeId: pledge?.id ?? null }),
      ...statements,
    ]);
    if (fact.kind !== "ignored" && !pledge)
      console.warn(`Stripe event ${event.id} (${event.type}) names no Sanad pledge; recorded and ignored.`);
  }
  if (pledge && cfg.stripe) await followUp(db, cfg.stripe, pledge.id);
  return { received: true, duplicate };
};

const resolvePledge = async (
  db: Db,
  stripe: Stripe | null,
  f: Exclude<StripeFact, { kind: "ignored" }>,
): Promise<Pledge | null> => {
  if (f.pledgeId) return findPledge(db, f.pledgeId);
  const subscriptionId = "subscriptionId" in f ? f.subscriptionId : null;
  if (subscriptionId) {
    const bySub = await findPledgeBySubscription(db, subscriptionId);
    if (bySub) return findPledge(db, bySub.id);
  }
  if (f.kind !== "charge_refunded") return null;
  let paid = await findStripePayment(db, { paymentIntentId: f.paymentIntentId });
  if (!paid && f.paymentIntentId && stripe) {
    // A subscription's charge names neither invoice nor subscription: ask Stripe which invoice it paid.
    const list = await stripe.invoicePayments.list({
      payment: { type: "payment_intent", payment_intent: f.paymentIntentId },
      limit: 1,
    });
    const invoice = list.data[0]?.invoice;
    const invoiceId = typeof invoice === "string" ? invoice : invoice?.id;
    if (invoiceId) paid = await findStripePayment(db, { invoiceId });
  }
  return paid ? findPledge(db, paid.pledgeId) : null;
};

const effects = async (
  db: Db,
  f: Exclude<StripeFact, { kind: "ignored" }>,
  pledge: Pledge,
  event: Stripe.Event,
  token: string,
) => {
  const fx = await loadFxTable(db);
  const won = eventWon(event.id, token);
  const audit = (action: string, data: Record<string, unknown>) =>
    auditInsertIf(
      db,
      {
        actorUserId: null,
        action,
        subjectType: "pledge",
        subjectId: pledge.id,
        data: { stripeEvent: event.id, ...data },
      },
      won,
    );
  const payment = (
    externalId: string,
    amount: typeof pledge.amount,
    at: string,
    paymentIntentId: string | null,
  ) =>
    recordPayment(db, {
      id: newId(),
      pledgeId: pledge.id,
      recipientOrgId: pledge.recipientOrgId,
      amount,
      amountUsd: toUsdCents(amount, fx, at.slice(0, 10)),
      at,
      provider: "stripe",
      externalId,
      stripePaymentIntentId: paymentIntentId,
      reference: externalId,
    });
  if (f.kind === "checkout_completed" || f.kind === "invoice_paid") {
    // A charge that is not the pledged amount and currency neither pays the pledge nor (for a session)
    // starts it: the event is still recorded as processed, so Stripe stops retrying something no retry
    // can fix, and the audit log keeps what was expected and what arrived for someone to look into.
    const check = checkCharge(pledge.amount, f.charged);
    if (!check.ok) {
      const object = f.kind === "checkout_completed" ? { session: f.sessionId } : { invoice: f.invoiceId };
      console.warn(
        `Stripe event ${event.id} (${event.type}) charged ${shown(check.received)} for pledge ${pledge.id}, which expects ${shown(check.expected)} (Stripe units); recorded, not counted.`,
      );
      return [
        audit("payment.amount_mismatch", {
          ...object,
          pledged: pledge.amount,
          expected: check.expected,
          received: check.received,
        }),
      ];
    }
  }
  switch (f.kind) {
    case "checkout_completed":
      return [
        setFacts(db, pledge.id, {
          checkoutCompletedAt: f.at,
          stripeSubscriptionId: f.subscriptionId,
          stripeCustomerId: f.customerId,
          stripeCheckoutSessionId: f.sessionId,
        }),
        ...(f.payment
          ? payment(f.payment.paymentIntentId, f.payment.amount, f.at, f.payment.paymentIntentId)
          : [refreshStatus(db, pledge.id)]),
        audit("pledge.checkout_completed", { session: f.sessionId }),
      ];
    case "checkout_expired":
      return [
        setFacts(db, pledge.id, { endedAt: f.at }),
        refreshStatus(db, pledge.id),
        audit("pledge.checkout_expired", { session: f.sessionId }),
      ];
    case "invoice_paid":
      return [
        setFacts(db, pledge.id, { stripeSubscriptionId: f.subscriptionId }),
        ...payment(f.invoiceId, f.amount, f.at, null),
        audit("payment.received", { invoice: f.invoiceId, amount: f.amount }),
      ];
    case "invoice_failed":
      return [
        countFailureIf(db, pledge.id, f.at, won),
        refreshStatus(db, pledge.id),
        audit("payment.failed", { invoice: f.invoiceId }),
      ];
    case "subscription_ended":
      return [
        setFacts(db, pledge.id, { endedAt: f.at, stripeSubscriptionId: f.subscriptionId }),
        refreshStatus(db, pledge.id),
        audit("pledge.subscription_ended", { subscription: f.subscriptionId }),
      ];
    case "charge_refunded": {
      const rate = rateOn(fx, f.refundedTotal.currency, f.at.slice(0, 10));
      const usdPerMinor = rate
        ? (rate.usdPerUnit * 100) / 10 ** minorUnitExponent(f.refundedTotal.currency)
        : null;
      return [
        ...recordRefund(db, {
          id: newId(),
          pledgeId: pledge.id,
          recipientOrgId: pledge.recipientOrgId,
          chargeId: f.chargeId,
          paymentIntentId: f.paymentIntentId,
          refundedTotal: f.refundedTotal,
          usdPerMinor,
          at: f.at,
        }),
        audit("payment.refunded", { charge: f.chargeId, refundedTotal: f.refundedTotal }),
      ];
    }
  }
};

const shown = (c: StripeCharge | null) => (c ? `${c.amount} ${c.currency}` : "nothing");

/**
 * What Stripe must do after the ledger changed: stop a fixed-length subscription once its last installment
 * is paid (at the end of the period, so nothing more is invoiced), and cancel a subscription whose pledge
 * was cancelled before Checkout reported it. Both calls are idempotent at Stripe.
 */
const followUp = async (db: Db, stripe: Stripe, pledgeId: string) => {
  const p = await findPledge(db, pledgeId);
  if (!p?.stripeSubscriptionId || p.endedAt) return;
  try {
    if (p.cancelledAt && p.status !== "completed") await stripe.subscriptions.cancel(p.stripeSubscriptionId);
    else if (isLastInstallment(p, p.paymentsCount))
      await stripe.subscriptions.update(p.stripeSubscriptionId, { cancel_at_period_end: true });
  } catch (e) {
    console.error(`Stripe follow-up for pledge ${pledgeId} failed:`, e instanceof Error ? e.message : e);
    throw new Problem(
      503,
      "Recorded; the follow-up call to Stripe failed and will be retried with this event.",
      undefined,
      undefined,
      { "Retry-After": "60" },
    );
  }
};
