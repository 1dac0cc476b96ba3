import { describe, expect, test } from "vitest";
import { providersFor } from "../../worker/payments/registry";
import { confirmTransfer, manualProvider } from "../../worker/payments/manual";
import { stripeProvider } from "../../worker/payments/stripe/provider";
import { InvalidWebhookSignature, PaymentProviderError } from "../../worker/payments/provider";

const running = { status: "active" as const, stripeSubscriptionId: "sub_1", stripeCheckoutSessionId: "cs_1" };

describe("which provider serves a pledge", () => {
  test("new pledges: Stripe with a secret key, bank transfer without; old pledges keep theirs", () => {
    const without = providersFor({});
    expect(without.forNewPledges.name).toBe("manual");
    expect(without.providerFor("stripe").name).toBe("stripe");
    const withKey = providersFor({ STRIPE_SECRET_KEY: "sk_test_registry" });
    expect(withKey.forNewPledges.name).toBe("stripe");
    expect(withKey.providerFor("manual")).toBe(withKey.manual);
  });

  test("the Stripe client is built once per key, not per request", () => {
    const env = { STRIPE_SECRET_KEY: "sk_test_cached" };
    expect(providersFor(env).stripe.api).not.toBeNull();
    expect(providersFor(env).stripe.api).toBe(providersFor(env).stripe.api);
  });

  test("bank details come from BANK_TRANSFER_DETAILS, with a placeholder that says it is missing", () => {
    const amount = { amount: 5000, currency: "USD" };
    expect(
      providersFor({ BANK_TRANSFER_DETAILS: " IBAN XX00 " }).manual.instructions({
        reference: "SND-1",
        amount,
      }),
    ).toEqual({ payTo: "IBAN XX00", reference: "SND-1", amount });
    expect(providersFor({}).manual.instructions({ reference: "SND-1", amount }).payTo).toMatch(
      /BANK_TRANSFER_DETAILS/,
    );
  });
});

describe("providers without what they need", () => {
  test("a bank transfer has nothing to stop; Stripe without a key cannot be asked", async () => {
    await expect(manualProvider("x").cancel(running)).resolves.toBeUndefined();
    const err = await stripeProvider(null, undefined)
      .cancel(running)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PaymentProviderError);
    expect((err as PaymentProviderError).reason).toBe("not_configured");
  });

  test("Stripe deliveries without a signature, or without a secret to check it, are not read", async () => {
    expect(stripeProvider(null, undefined).receivesWebhooks).toBe(false);
    await expect(stripeProvider(null, "whsec_x").factsFromWebhook("{}", undefined)).rejects.toBeInstanceOf(
      InvalidWebhookSignature,
    );
    await expect(stripeProvider(null, "whsec_x").factsFromWebhook("{}", "t=1,v1=00")).rejects.toBeInstanceOf(
      InvalidWebhookSignature,
    );
  });
});

describe("an admin confirms a bank transfer", () => {
  const now = Date.parse("2026-11-23T12:00:00Z");
  const report = {
    amount: { amount: 5000, currency: "XOF" },
    receivedAt: "2026-11-20",
    reference: " ab-12 ",
  };

  test("the fact: the reference trimmed, its upper case the key that makes it count once", () => {
    expect(confirmTransfer({ currency: "XOF" }, report, now)).toEqual({
      ok: true,
      fact: {
        amount: report.amount,
        at: "2026-11-20T00:00:00.000Z",
        reference: "ab-12",
        externalId: "AB-12",
      },
    });
  });

  test("every problem at once: currency, amount, date", () => {
    const r = confirmTransfer(
      { currency: "USD" },
      { ...report, amount: { amount: 0, currency: "XOF" }, receivedAt: "yesterday" },
      now,
    );
    expect(r).toEqual({
      ok: false,
      problems: [
        { path: "amount.currency", key: "err.pledge_currency", params: { currency: "USD" } },
        { path: "amount.amount", key: "err.amount_positive" },
        { path: "receivedAt", key: "err.datetime" },
      ],
    });
  });

  test("a transfer from the future is refused, beyond a minute of clock skew", () => {
    const at = (ms: number) => ({ ...report, receivedAt: new Date(now + ms).toISOString() });
    expect(confirmTransfer({ currency: "XOF" }, at(59_000), now).ok).toBe(true);
    expect(confirmTransfer({ currency: "XOF" }, at(61_000), now)).toEqual({
      ok: false,
      problems: [{ path: "receivedAt", key: "err.future_date" }],
    });
  });
});
