// Choosing the language of a response: an explicit ?lang= switch, then the saved cookie choice, then the
// signed-in user's saved locale, then the browser's Accept-Language, then English.
import { LOCALES, type Locale } from "../../schema/enums";

export const isLocale = (v: unknown): v is Locale =>
  typeof v === "string" && (LOCALES as readonly string[]).includes(v);

/** Parses Accept-Language by quality and returns the first supported primary language. */
export const fromAcceptLanguage = (header: string | null | undefined): Locale | null => {
  if (!header) return null;
  const ranked = header
    .split(",")
    .map((part, i) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const quality = q ? Number(q.slice(2)) : 1;
      return {
        lang: tag.trim().toLowerCase().split("-")[0],
        quality: Number.isFinite(quality) ? quality : 0,
        i,
      };
    })
    .filter((x) => x.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.i - b.i);
  return ranked.map((x) => x.lang).find(isLocale) ?? null;
};

export const negotiateLocale = (input: {
  query?: string | null;
  cookie?: string | null;
  userLocale?: string | null;
  acceptLanguage?: string | null;
}): Locale => {
  for (const candidate of [input.query, input.cookie, input.userLocale])
    if (isLocale(candidate)) return candidate;
  return fromAcceptLanguage(input.acceptLanguage) ?? "en";
};

export const RTL_LOCALES: readonly Locale[] = ["ar"];
export const directionOf = (locale: Locale) => (RTL_LOCALES.includes(locale) ? "rtl" : "ltr");
