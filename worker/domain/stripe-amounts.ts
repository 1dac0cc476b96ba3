// Sanad money (ISO 4217 minor units) → the amount Stripe's API expects, and Stripe's minimum charge.
// Stripe's units are not always ISO's: MGA is two-decimal in ISO but zero-decimal at Stripe; ISK is
// zero-decimal in ISO but passed to Stripe as two-decimal whole krónur (multiples of 100); three-decimal
// currencies must end in 0. Sources: docs.stripe.com/currencies ("Zero-decimal", "Three-decimal",
// "Special cases", "Minimum and maximum charge amounts"), read 2026-11.
import { minorUnitExponent, type Money } from "./money";
import { toUsdCents, type FxTable } from "./fx";

/** Currencies Stripe takes without minor units. */
export const STRIPE_ZERO_DECIMAL = new Set([
  "BIF",
  "CLP",
  "DJF",
  "GNF",
  "JPY",
  "KMF",
  "KRW",
  "MGA",
  "PYG",
  "RWF",
  "UGX",
  "VND",
  "VUV",
  "XAF",
  "XOF",
  "XPF",
]);
export const STRIPE_THREE_DECIMAL = new Set(["BHD", "JOD", "KWD", "OMR", "TND"]);
/** Zero-decimal in ISO, two-decimal in Stripe's API with whole units only. */
const STRIPE_WHOLE_UNITS_AS_TWO_DECIMAL = new Set(["ISK"]);

/** Stripe's published minimum charge per currency, in major units; other currencies: the equivalent of 0.50 USD. */
const STRIPE_MINIMUM: Record<string, number> = {
  USD: 0.5,
  AED: 2,
  AUD: 0.5,
  BGN: 1,
  BRL: 0.5,
  CAD: 0.5,
  CHF: 0.5,
  CZK: 15,
  DKK: 2.5,
  EUR: 0.5,
  GBP: 0.3,
  HKD: 4,
  HUF: 175,
  INR: 0.5,
  JPY: 50,
  MXN: 10,
  MYR: 2,
  NOK: 3,
  NZD: 0.5,
  PLN: 2,
  RON: 2,
  SEK: 3,
  SGD: 0.5,
  THB: 10,
};
const FALLBACK_MINIMUM_USD_CENTS = 50;

export type StripeAmount =
  | { ok: true; amount: number; currency: string }
  | { ok: false; error: "three_decimal_last_digit" | "fractional_unit" };

export const stripeExponent = (currency: string) =>
  STRIPE_ZERO_DECIMAL.has(currency) ? 0 : STRIPE_THREE_DECIMAL.has(currency) ? 3 : 2;

/** Sanad's ISO minor units → Stripe's integer amount and lower-case currency code. */
export const toStripeAmount = (m: Money): StripeAmount => {
  const iso = minorUnitExponent(m.currency);
  const stripe = stripeExponent(m.currency);
  if (STRIPE_THREE_DECIMAL.has(m.currency) && m.amount % 10 !== 0)
    return { ok: false, error: "three_decimal_last_digit" };
  if (STRIPE_WHOLE_UNITS_AS_TWO_DECIMAL.has(m.currency))
    return { ok: true, amount: m.amount * 100, currency: m.currency.toLowerCase() };
  if (stripe >= iso)
    return { ok: true, amount: m.amount * 10 ** (stripe - iso), currency: m.currency.toLowerCase() };
  // Stripe has fewer decimals than ISO (e.g. MGA): only whole units can be charged.
  const factor = 10 ** (iso - stripe);
  if (m.amount % factor !== 0) return { ok: false, error: "fractional_unit" };
  return { ok: true, amount: m.amount / factor, currency: m.currency.toLowerCase() };
};

/** Stripe's integer amount → Sanad's ISO minor units (for amounts reported by webhooks). */
export const fromStripeAmount = (amount: number, currency: string): Money => {
  const code = currency.toUpperCase();
  const iso = minorUnitExponent(code);
  if (STRIPE_WHOLE_UNITS_AS_TWO_DECIMAL.has(code))
    return { amount: Math.round(amount / 100), currency: code };
  const stripe = stripeExponent(code);
  return {
    amount: stripe >= iso ? Math.round(amount / 10 ** (stripe - iso)) : amount * 10 ** (iso - stripe),
    currency: code,
  };
};

/**
 * Whether Stripe would accept the amount as a charge: at least the published minimum, or for currencies
 * without one, the equivalent of 0.50 USD at `date`'s rate. Unknown rate → not checked here (Stripe decides).
 */
export const meetsStripeMinimum = (m: Money, fx: FxTable, date: string) => {
  const published = STRIPE_MINIMUM[m.currency];
  if (published !== undefined) return m.amount >= Math.round(published * 10 ** minorUnitExponent(m.currency));
  const usd = toUsdCents(m, fx, date);
  return usd === null || usd >= FALLBACK_MINIMUM_USD_CENTS;
};
