// Which provider serves a pledge, built from the environment. New pledges go to Stripe when its secret key
// is set and to bank transfer otherwise; a pledge made earlier stays with the provider it was made with.
import type { PaymentProvider, ProviderName } from "./provider";
import { manualProvider, type ManualProvider } from "./manual";
import { stripeProvider, type StripeProvider } from "./stripe/provider";
import { cachedStripeClient, type StripeEnv } from "./stripe/client";

export type PaymentsEnv = StripeEnv & { BANK_TRANSFER_DETAILS?: string };

export type PaymentProviders = {
  /** The provider a new pledge is made with. */
  readonly forNewPledges: PaymentProvider;
  /** The provider an existing pledge was made with (its `provider` column). */
  providerFor(name: ProviderName): PaymentProvider;
  readonly stripe: StripeProvider;
  readonly manual: ManualProvider;
};

const DEFAULT_PAY_TO = "Sanad (bank details not configured: set BANK_TRANSFER_DETAILS)";

/** Cheap to call per request: the expensive part, the Stripe client, is cached per isolate. */
export const providersFor = (env: PaymentsEnv): PaymentProviders => {
  const stripe = stripeProvider(cachedStripeClient(env), env.STRIPE_WEBHOOK_SECRET);
  const manual = manualProvider(env.BANK_TRANSFER_DETAILS?.trim() || DEFAULT_PAY_TO);
  const byName: Record<ProviderName, PaymentProvider> = { stripe, manual };
  return {
    forNewPledges: stripe.api ? stripe : manual,
    providerFor: (name) => byName[name],
    stripe,
    manual,
  };
};
