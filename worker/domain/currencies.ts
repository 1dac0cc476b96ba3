// Which currencies each money field offers, and each country's own currency (to list it first).
// - STRIPE_CURRENCIES: Stripe's presentment currencies, docs.stripe.com/currencies, read 2026-11.
// - FX_TABLE_CURRENCIES: the currencies of the shipped fx_rates rows (schema/data/fx-rates.csv); an amount
//   in any other currency has no USD value, so matching and the reports could not count it.
//   tests/routes/currency-select.test.ts checks this list against the migrated table.
// - COUNTRY_CURRENCY: ISO 4217's country → currency table (SIX, list one), only for the countries whose
//   currency is in the FX table; other countries fall back to the organisation's budget currency.
import { collator, displayNames } from "./intl-cache";

export const STRIPE_CURRENCIES = new Set(
  (
    "USD AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BWP BYN BZD " +
    "CAD CDF CHF CLP CNY COP CRC CVE CZK DJF DKK DOP DZD EGP ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ " +
    "GYD HKD HNL HTG HUF IDR ILS INR ISK JMD JOD JPY KES KGS KHR KMF KRW KWD KYD KZT LAK LBP LKR LRD LSL " +
    "MAD MDL MGA MKD MMK MNT MOP MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR " +
    "PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SEK SGD SHP SLE SOS SRD STD SZL THB TJS TND TOP TRY TTD TWD " +
    "TZS UAH UGX UYU UZS VND VUV WST XAF XCD XCG XOF XPF YER ZAR ZMW"
  ).split(" "),
);

export const FX_TABLE_CURRENCIES = (
  "AED AFN ARS AUD BDT BHD BIF BOB BRL CAD CDF CHF CLP CNY COP DKK DZD EGP ETB EUR GBP GHS GNF GTQ HNL " +
  "HTG IDR INR IQD JOD JPY KES KHR KWD LBP LKR LRD LYD MAD MGA MMK MWK MXN MZN NGN NIO NOK NPR OMR PEN " +
  "PHP PKR QAR RWF SAR SDG SEK SLE SOS SYP TND TRY TZS UGX USD VND XAF XOF YER ZAR ZMW"
).split(" ");

/** What a field may be paid or counted in: a Stripe charge must also have a USD value for the ledger. */
export type CurrencyUse = "fx" | "stripe";
export const currenciesFor = (use: CurrencyUse): readonly string[] =>
  use === "stripe" ? FX_TABLE_CURRENCIES.filter((c) => STRIPE_CURRENCIES.has(c)) : FX_TABLE_CURRENCIES;

const byCurrency: Record<string, string> = {
  AED: "AE",
  AFN: "AF",
  ARS: "AR",
  AUD: "AU",
  BDT: "BD",
  BHD: "BH",
  BIF: "BI",
  BOB: "BO",
  BRL: "BR",
  CAD: "CA",
  CDF: "CD",
  CHF: "CH LI",
  CLP: "CL",
  CNY: "CN",
  COP: "CO",
  DKK: "DK GL FO",
  DZD: "DZ",
  EGP: "EG",
  ETB: "ET",
  EUR: "AD AT BE CY DE EE ES FI FR GR HR IE IT LT LU LV MC ME MT NL PT SI SK SM VA",
  GBP: "GB",
  GHS: "GH",
  GNF: "GN",
  GTQ: "GT",
  HNL: "HN",
  HTG: "HT",
  IDR: "ID",
  INR: "IN BT",
  IQD: "IQ",
  JOD: "JO",
  JPY: "JP",
  KES: "KE",
  KHR: "KH",
  KWD: "KW",
  LBP: "LB",
  LKR: "LK",
  LRD: "LR",
  LYD: "LY",
  MAD: "MA",
  MGA: "MG",
  MMK: "MM",
  MWK: "MW",
  MXN: "MX",
  MZN: "MZ",
  NGN: "NG",
  NIO: "NI",
  NOK: "NO SJ",
  NPR: "NP",
  OMR: "OM",
  PEN: "PE",
  PHP: "PH",
  PKR: "PK",
  QAR: "QA",
  RWF: "RW",
  SAR: "SA",
  SDG: "SD",
  SEK: "SE",
  SLE: "SL",
  SOS: "SO",
  SYP: "SY",
  TND: "TN",
  TRY: "TR",
  TZS: "TZ",
  UGX: "UG",
  USD: "US EC SV TL PR MH FM PW",
  VND: "VN",
  XAF: "CF CG CM GA GQ TD",
  XOF: "BF BJ CI GW ML NE SN TG",
  YER: "YE",
  ZAR: "ZA",
  ZMW: "ZM",
};
const COUNTRY_CURRENCY = new Map(
  Object.entries(byCurrency).flatMap(([currency, countries]) =>
    countries.split(" ").map((c) => [c, currency]),
  ),
);

/** The organisation's own currency: its country's, else the currency it keeps its budget in. */
export const localCurrency = (country?: string | null, budgetCurrency?: string | null) =>
  (country && COUNTRY_CURRENCY.get(country.toUpperCase())) || budgetCurrency || undefined;

export type CurrencyOption = { code: string; label: string };

/** "XOF — franc CFA (BCEAO)", the name in the reader's language (the code alone when it has none). */
export const currencyLabel = (code: string, locale: string) => {
  const name = displayNames(locale, "currency").of(code);
  return name && name !== code ? `${code} — ${name}` : code;
};

/**
 * The options of a currency list: `first` (USD and the local currency, in that order, when listed), then
 * every other code sorted by its name in the reader's language. The current value, even outside the list
 * (older data), is kept among the first, so editing never silently changes it.
 */
export const currencyOptions = (
  codes: readonly string[],
  locale: string,
  first: readonly (string | undefined)[],
  current?: string,
) => {
  const listed = first.filter((c): c is string => !!c && codes.includes(c));
  const kept = current && /^[A-Z]{3}$/.test(current) ? [current] : [];
  const top = [...new Set([...listed, ...kept])];
  const taken = new Set(top);
  const compare = collator(locale).compare;
  const rest = codes
    .filter((c) => !taken.has(c))
    .map((code) => ({ code, name: displayNames(locale, "currency").of(code) ?? code }))
    .sort((a, b) => compare(a.name, b.name))
    .map(({ code }) => ({ code, label: currencyLabel(code, locale) }));
  return { first: top.map((code) => ({ code, label: currencyLabel(code, locale) })), rest };
};
