// What the pledge use cases need from a way of collecting money, whoever collects it. Actions depend on
// these types only; worker/payments/registry.ts says which implementation serves a pledge.
//
// Every provider starts and stops collecting a pledge. Where its payment facts come from differs, so that
// is a second, separate capability rather than a method every provider must fake:
// - Stripe reports facts itself, by signed webhook deliveries (`WebhookFacts.factsFromWebhook`);
// - a bank transfer is seen by no machine: an admin confirms it arrived (`ConfirmedFacts.confirm`).
// Both only turn input into facts; the callers write the ledger, so each fact counts once the same way.
import type { Money } from "../domain/money";
import type {
  Locale,
  PaymentProvider as ProviderName,
  PledgeInterval,
  PledgeStatus,
} from "../../schema/enums";

export type { ProviderName };

/** A stored pledge about to be collected, with what a hosted payment page shows the pledger. */
export type PledgeToStart = {
  pledgeId: string;
  /** The bank-transfer reference stored with the pledge. */
  reference: string;
  amount: Money;
  interval: PledgeInterval;
  /** null: until cancelled; always 1 for once. */
  installments: number | null;
  /** What the payment is for, in the pledger's language. */
  productName: string;
  email: string;
  locale: Locale;
  /** Where a hosted payment page sends the pledger back, e.g. "https://sanad.example". */
  origin: string;
};

export type TransferInstructions = { payTo: string; reference: string; amount: Money };

/** Where the pledger goes next: a hosted payment page, or instructions to pay by themselves. */
export type PledgeStarted =
  | {
      kind: "redirect";
      url: string | undefined;
      /** The provider's id for the page (a Checkout Session), stored so the pledge can be stopped later. */
      sessionId: string;
    }
  | { kind: "instructions"; instructions: TransferInstructions };

/** What stopping needs: the ids the provider gave (the columns are Stripe's: the only provider with ids). */
export type PledgeToStop = {
  status: PledgeStatus;
  stripeSubscriptionId: string | null;
  stripeCheckoutSessionId: string | null;
};

/**
 * Why a provider could not do what was asked. Callers turn it into an answer: `rejected` (the provider
 * refused the request, e.g. the amount; retrying will not help), `unavailable` (unreachable or failing;
 * retry later) or `not_configured` (this deployment has no keys for the provider the pledge was made with).
 */
export class PaymentProviderError extends Error {
  constructor(
    readonly reason: "rejected" | "unavailable" | "not_configured",
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = "PaymentProviderError";
  }
}

export interface PaymentProvider {
  readonly name: ProviderName;
  /** Begins collecting a pledge already stored. Stores nothing; throws PaymentProviderError. */
  start(pledge: PledgeToStart): Promise<PledgeStarted>;
  /**
   * Makes sure nothing more is charged. A pledge the provider already stopped counts as stopped, so this
   * can be repeated; throws PaymentProviderError when the provider could not be told.
   */
  cancel(pledge: PledgeToStop): Promise<void>;
}

/** One verified delivery: its id (each is applied once), its type, and the fact it states. */
export type WebhookDelivery<Fact> = { id: string; type: string; fact: Fact };

/** The delivery did not come from the provider (missing, forged or stale signature). */
export class InvalidWebhookSignature extends Error {
  constructor(options?: ErrorOptions) {
    super("invalid or stale webhook signature", options);
    this.name = "InvalidWebhookSignature";
  }
}

/** A provider that reports payments itself. */
export interface WebhookFacts<Fact> {
  /** False when the signing secret is not configured: deliveries cannot be trusted, so none is read. */
  readonly receivesWebhooks: boolean;
  /** Verifies the raw body against its signature, then reads it; throws InvalidWebhookSignature. */
  factsFromWebhook(rawBody: string, signature: string | undefined): Promise<WebhookDelivery<Fact>>;
}

/** A provider whose payments a person confirms; `now` (ms since the epoch) keeps it pure. */
export interface ConfirmedFacts<Report, Fact, Problem> {
  confirm(
    pledge: { currency: string },
    report: Report,
    now: number,
  ): { ok: true; fact: Fact } | { ok: false; problems: Problem[] };
}
