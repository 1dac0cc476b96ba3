// Message lookup: catalogues per locale, {name} interpolation, and Intl-based formatting helpers.
import type { Locale } from "../../schema/enums";
import { en, type MessageKey, type Messages } from "./en";
const ar = en, fr = en, es = en;

export const catalogues: Record<Locale, Messages> = { en, ar, fr, es };

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const interpolate = (text: string, params?: Record<string, string | number>) =>
  params ? text.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m)) : text;

export const translator = (locale: Locale): Translate => {
  const cat = catalogues[locale];
  return (key, params) => interpolate(cat[key] ?? en[key] ?? key, params);
};

/** A message key that came from data (a zod error, an enum value) — looked up only if it exists. */
export const isMessageKey = (key: string): key is MessageKey => key in en;

const displayNames = new Map<Locale, Intl.DisplayNames>();
/** Country names from the runtime's CLDR data, in the viewer's language. */
export const countryName = (code: string, locale: Locale) => {
  let dn = displayNames.get(locale);
  if (!dn) displayNames.set(locale, (dn = new Intl.DisplayNames([locale], { type: "region", fallback: "code" })));
  return dn.of(code) ?? code;
};

export const formatNumber = (n: number, locale: Locale) => new Intl.NumberFormat(locale).format(n);

export const formatDate = (iso: string, locale: Locale, timeZone = "UTC") =>
  new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone }).format(new Date(iso));

export const formatDateTime = (iso: string, locale: Locale, timeZone = "UTC") =>
  new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone }).format(new Date(iso));

export type { MessageKey };
