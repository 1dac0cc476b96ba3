// Stripe webhook deliveries → ledger facts. Verified, recorded once per event id, applied in one batch
// with idempotent statements (so concurrent duplicates cannot double-count), then followed by the calls
// to Stripe the new state asks for (follow-up.ts). What each event type does is its handler's
// (handlers/, mapped by type in events.ts); other types are recorded and acknowledged. A charge whose
// amount or currency is not the pledge's is recorded as seen but does not count (charge-check.ts).
import type { Db } from "../../db/client";
import { findPledge, findPledgeBySubscription, eventSeen, recordEvent, type Pledge } from "../../db/pledges";
import { newId } from "../../security/random";
import { Problem } from "../../core/problem";
import { InvalidWebhookSignature, type WebhookDelivery } from "../provider";
import type { StripeProvider } from "./provider";
import type { PledgeFact, StripeFact } from "./facts";
import { handlerFor, type AnyStripeEventHandler } from "./events";
import { ledgerFor } from "./handlers/ledger";
import { followUp } from "./follow-up";

type Applicable = { handler: AnyStripeEventHandler; fact: PledgeFact };

export const receiveStripeWebhook = async (
  db: Db,
  stripe: StripeProvider,
  rawBody: string,
  signature: string | undefined,
) => {
  if (!stripe.receivesWebhooks) throw new Problem(404);
  const delivery = await verified(stripe, rawBody, signature);
  const { id, type } = delivery;
  const applicable = applicableOf(delivery);
  const duplicate = await eventSeen(db, id);
  const pledge = applicable ? await resolvePledge(db, stripe, applicable) : null;
  if (!duplicate) {
    const retry = applicable?.handler.retryUntilMatched;
    if (retry && !pledge) throw new Problem(422, retry.detail, retry.errors);
    const token = newId();
    const statements =
      applicable && pledge
        ? applicable.handler.effects(applicable.fact, await ledgerFor(db, pledge, { id, type }, token))
        : [];
    await db.batch([recordEvent(db, { id, type, token, pledgeId: pledge?.id ?? null }), ...statements]);
    if (applicable && !pledge)
      console.warn(`Stripe event ${id} (${type}) names no Sanad pledge; recorded and ignored.`);
  }
  if (pledge && stripe.api) await followUp(db, stripe.api, pledge.id);
  return { received: true, duplicate };
};

/** The delivery, if Stripe signed it; otherwise 400 and nothing is read. */
const verified = async (stripe: StripeProvider, rawBody: string, signature: string | undefined) => {
  try {
    return await stripe.factsFromWebhook(rawBody, signature);
  } catch (e) {
    if (!(e instanceof InvalidWebhookSignature)) throw e;
    throw new Problem(400, "The Stripe-Signature header is missing, invalid or too old.", [
      { path: "Stripe-Signature", message: "invalid or stale signature" },
    ]);
  }
};

/** The fact with the handler that reads and applies it; null when the event states nothing Sanad records. */
const applicableOf = ({ type, fact }: WebhookDelivery<StripeFact>): Applicable | null => {
  const handler = handlerFor(type);
  return handler && fact.kind !== "ignored" ? { handler, fact } : null;
};

/** By the pledge id the event carries, else by its subscription, else as the handler knows how. */
const resolvePledge = async (
  db: Db,
  stripe: StripeProvider,
  { handler, fact }: Applicable,
): Promise<Pledge | null> => {
  if (fact.pledgeId) return findPledge(db, fact.pledgeId);
  const subscriptionId = "subscriptionId" in fact ? fact.subscriptionId : null;
  if (subscriptionId) {
    const bySub = await findPledgeBySubscription(db, subscriptionId);
    if (bySub) return findPledge(db, bySub.id);
  }
  return handler.locate ? handler.locate(fact, { db, api: stripe.api }) : null;
};
