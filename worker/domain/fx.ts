// Converting money to the basis currency (USD) with the dated rate table. Pure: the caller loads rates.
import { minorUnitExponent, type Money } from "./money";

export const BASIS_CURRENCY = "USD";

export type FxRate = { currency: string; asOf: string; usdPerUnit: number };
/** Rates per currency, each list sorted by `asOf` ascending. */
export type FxTable = Map<string, FxRate[]>;

export const fxTable = (rows: FxRate[]): FxTable => {
  const table: FxTable = new Map();
  for (const r of [...rows].sort((a, b) => a.asOf.localeCompare(b.asOf))) {
    const list = table.get(r.currency) ?? [];
    list.push(r);
    table.set(r.currency, list);
  }
  return table;
};

/** The latest rate on or before `date` (YYYY-MM-DD); if the table starts later, its earliest rate. */
export const rateOn = (table: FxTable, currency: string, date: string): FxRate | null => {
  const list = table.get(currency);
  if (!list?.length) return null;
  let found = list[0];
  for (const r of list) if (r.asOf <= date) found = r;
  return found;
};

/** Money → US cents, rounded to the nearest cent; null when the table has no rate for the currency. */
export const toUsdCents = (money: Money, table: FxTable, date: string): number | null => {
  if (money.currency === BASIS_CURRENCY) return money.amount;
  const rate = rateOn(table, money.currency, date);
  if (!rate) return null;
  return Math.round((money.amount / 10 ** minorUnitExponent(money.currency)) * rate.usdPerUnit * 100);
};
