// What handling one Stripe event type means: reading the fact it states (pure), finding its pledge when
// the event does not name one, and the statements it adds to the delivery's batch. events.ts maps each
// event type Sanad records to its handler; webhook.ts verifies, looks the handler up and applies it.
import type Stripe from "stripe";
import type { BatchItem } from "drizzle-orm/batch";
import type { SQL } from "drizzle-orm";
import type { Db } from "../../../db/client";
import type { Pledge } from "../../../db/pledges";
import type { FxTable } from "../../../domain/fx";
import type { Money } from "../../../domain/money";
import type { FieldError } from "../../../core/problem";
import type { PledgeFact } from "../facts";

export type EventOf<T extends Stripe.Event.Type> = Extract<Stripe.Event, { type: T }>;
export type Statement = BatchItem<"sqlite">;

/** What a handler writes with: the pledge and the event, and statements already bound to both. */
export type Ledger = {
  db: Db;
  pledge: Pledge;
  event: { id: string; type: string };
  fx: FxTable;
  /** True in the batch only for the delivery that recorded the event: guards statements that are not idempotent. */
  won: SQL;
  /** An audit entry about the pledge naming the event, written only by the delivery that recorded it. */
  audit(action: string, data: Record<string, unknown>): Statement;
  /** A payment of the pledge, counted once per external id however often it is reported. */
  payment(externalId: string, amount: Money, at: string, paymentIntentId: string | null): Statement[];
};

/** For handlers that must look further for their pledge; `api` is null without STRIPE_SECRET_KEY. */
export type Lookup = { db: Db; api: Stripe | null };

// Methods rather than function-valued properties: TypeScript compares method parameters bivariantly, so a
// handler of one event type (and its own fact) can stand in the map of all handlers without a cast.
export interface StripeEventHandler<E extends Stripe.Event, F extends PledgeFact> {
  /** What the event states; null when it states nothing Sanad records. Pure. */
  fact(event: E): F | null;
  /** The pledge when the fact names neither it nor a subscription Sanad knows; without it, none. */
  locate?(fact: F, lookup: Lookup): Promise<Pledge | null>;
  /**
   * A fact whose pledge is not found is recorded and ignored, unless its pledge may still turn up: then
   * the delivery is refused (422 with this detail) and nothing is recorded, so Stripe sends it again later.
   */
  readonly retryUntilMatched?: { detail: string; errors: FieldError[] };
  /** The statements the fact adds to its pledge, applied in the delivery's batch. */
  effects(fact: F, ledger: Ledger): Statement[];
}
