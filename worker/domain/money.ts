// Money as integer minor units with an ISO 4217 currency; conversion to and from what people type.
import { numberFormat } from "./intl-cache";

export type Money = { amount: number; currency: string };

/**
 * ISO 4217 minor-unit exponents that are not 2. Listed by hand rather than read from Intl, because ICU
 * rounds some currencies for display (e.g. it shows 0 decimals for IDR) while ISO keeps 2.
 */
export const EXPONENTS: Record<string, number> = {
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
  CLF: 4,
  UYW: 4,
};

export const minorUnitExponent = (currency: string) => EXPONENTS[currency.toUpperCase()] ?? 2;

let known: Set<string> | null = null;
/** ISO 4217 codes the runtime knows (Intl.supportedValuesOf), used to validate input. */
export const isKnownCurrency = (code: string) => {
  known ??= new Set(Intl.supportedValuesOf("currency"));
  return known.has(code);
};

/**
 * "8,000.50" or "8000,5" → minor units. Returns null for anything that is not a plain non-negative amount
 * with at most the currency's number of decimals. Both "." and "," are accepted as the decimal mark
 * (French and Spanish write "8000,50"); when both appear, the last one is the decimal mark.
 */
export const parseAmount = (input: string, currency: string): number | null => {
  let s = input.trim().replace(/[\s\u00a0\u202f']/g, "");
  // Arabic-Indic and Eastern Arabic-Indic digits, Arabic decimal and thousands separators.
  s = s
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x6f0))
    .replace(/\u066b/g, ".")
    .replace(/\u066c/g, ",");
  if (!/^\d[\d.,]*$/.test(s)) return null;
  const exp = minorUnitExponent(currency);
  const marks = s.match(/[.,]/g) ?? [];
  let decimalMark: string | null = null;
  if (new Set(marks).size === 2) decimalMark = s[Math.max(s.lastIndexOf("."), s.lastIndexOf(","))];
  else if (marks.length === 1) {
    // "8,000" / "8.000" is eight thousand unless the currency has three decimals (KWD, TND, …).
    const thousands = /[.,]\d{3}$/.test(s) && exp < 3;
    decimalMark = thousands ? null : marks[0];
  }
  const [intPart, fracPart = ""] = decimalMark
    ? [s.slice(0, s.lastIndexOf(decimalMark)), s.slice(s.lastIndexOf(decimalMark) + 1)]
    : [s, ""];
  // Digit groups must be well formed: "1,234,567", or South Asian "12,34,567"; one kind of separator.
  const groups = intPart.split(/[.,]/);
  const wellGrouped =
    /^[1-9]\d{0,2}$/.test(groups[0]) &&
    /^\d{3}$/.test(groups[groups.length - 1]) &&
    groups.slice(1, -1).every((g) => /^\d{2,3}$/.test(g));
  if (groups.length > 1 && (new Set(intPart.match(/[.,]/g)).size > 1 || !wellGrouped)) return null;
  if (decimalMark && intPart.includes(decimalMark)) return null;
  const digits = groups.join("");
  if (!/^\d+$/.test(digits) || !/^\d*$/.test(fracPart) || fracPart.length > exp) return null;
  const value = Number(digits + fracPart.padEnd(exp, "0"));
  return Number.isSafeInteger(value) ? value : null;
};

/** Minor units → the decimal string a form field shows back ("8000.5" for 800050 USD). */
export const amountToInput = (money: Money) => {
  const exp = minorUnitExponent(money.currency);
  if (exp === 0) return String(money.amount);
  const s = String(money.amount).padStart(exp + 1, "0");
  return `${s.slice(0, -exp)}.${s.slice(-exp)}`.replace(/\.?0+$/, "");
};

const moneyFormats = new Map<string, Intl.NumberFormat>();
/** Shown with the ISO code, not a symbol: "$" alone is ambiguous for people who use pesos or dollars. */
export const formatMoney = (money: Money, locale: string) => {
  const exp = minorUnitExponent(money.currency);
  // Keyed by hand: numberFormat's generic key (JSON of the options) cost more than the formatting here.
  const key = `${locale}|${money.currency}`;
  let f = moneyFormats.get(key);
  if (!f)
    moneyFormats.set(
      key,
      (f = numberFormat(locale, {
        style: "currency",
        currency: money.currency,
        currencyDisplay: "code",
        minimumFractionDigits: 0,
        maximumFractionDigits: exp,
      })),
    );
  return f.format(money.amount / 10 ** exp);
};
