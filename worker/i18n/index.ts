// Message lookup: catalogues per locale, {name} interpolation, and Intl-based formatting helpers.
import { numberFormat, dateTimeFormat, displayNames, memoised } from "../domain/intl-cache";
import type { Locale } from "../../schema/enums";
import { directionOf } from "../domain/locale";
import { en, type MessageKey, type Messages } from "./en";
import { ar } from "./ar";
import { fr } from "./fr";
import { es } from "./es";

export const catalogues: Record<Locale, Messages> = { en, ar, fr, es };

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/**
 * In right-to-left text, each inserted value (a Latin name, an amount, a date) is wrapped in Unicode
 * directional isolates (FSI … PDI), so its own direction cannot reorder the sentence around it.
 */
const interpolate = (text: string, params: Record<string, string | number> | undefined, isolate: boolean) =>
  params
    ? text.replace(/\{(\w+)\}/g, (m, k: string) =>
        k in params ? (isolate ? `\u2068${params[k]}\u2069` : String(params[k])) : m,
      )
    : text;

export const translator = (locale: Locale): Translate => {
  const cat = catalogues[locale];
  const rtl = directionOf(locale) === "rtl";
  return (key, params) => interpolate(cat[key] ?? en[key] ?? key, params, rtl);
};

/** A message key that came from data (a zod error, an enum value) — looked up only if it exists. */
export const isMessageKey = (key: string): key is MessageKey => key in en;

/** "locale|rest" → the two parts (a locale never holds "|"; the rest may). */
const split = (key: string) => [key.slice(0, key.indexOf("|")), key.slice(key.indexOf("|") + 1)] as const;

const countryNames = memoised((key) => {
  const [locale, code] = split(key);
  return displayNames(locale, "region").of(code) ?? code;
});
/** Country names from the runtime's CLDR data, in the viewer's language. */
export const countryName = (code: string, locale: Locale) => countryNames(`${locale}|${code}`);

const languageNames = memoised((key) => {
  const [locale, tag] = split(key);
  try {
    return displayNames(locale, "language").of(tag) ?? tag;
  } catch {
    return tag;
  }
});
/** A language's name ("ar" → "Arabic", "العربية" in Arabic); unknown codes stay as typed. */
export const languageName = (tag: string, locale: Locale) => languageNames(`${locale}|${tag}`);

export const formatNumber = (n: number, locale: Locale) => numberFormat(locale).format(n);

export const formatDate = (iso: string, locale: Locale, timeZone = "UTC") =>
  dateTimeFormat(locale, { dateStyle: "medium", timeZone }).format(new Date(iso));

export const formatDateTime = (iso: string, locale: Locale, timeZone = "UTC") =>
  dateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone }).format(new Date(iso));

/** A deadline: date, time and the zone's short name ("31 Dec 2026, 17:00 GMT"), so nobody misreads it. */
export const formatInstantWithZone = (iso: string, locale: Locale, timeZone = "UTC") =>
  dateTimeFormat(locale, {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZoneName: "short",
    timeZone,
  }).format(new Date(iso));

/** "24 months", "1 mois", "١٢ شهرًا" — plural rules handled by Intl's unit formatting. */
export const formatMonths = (n: number, locale: Locale) =>
  numberFormat(locale, { style: "unit", unit: "month", unitDisplay: "long" }).format(n);

/** "in 3 days", "tomorrow", "today" — plural rules of every language handled by Intl. */
export const formatDaysFromNow = (days: number, locale: Locale) =>
  new Intl.RelativeTimeFormat(locale, { numeric: "auto" }).format(days, "day");

export type { MessageKey };
