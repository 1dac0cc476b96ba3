// Intl formatters are costly to build (tens of microseconds each, measured) and pages format hundreds of
// amounts and dates; one instance per locale and options is built once per isolate and reused.
const numbers = new Map<string, Intl.NumberFormat>();
const dates = new Map<string, Intl.DateTimeFormat>();

export const numberFormat = (locale: string, options: Intl.NumberFormatOptions = {}) => {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = numbers.get(key);
  if (!f) numbers.set(key, (f = new Intl.NumberFormat(locale, options)));
  return f;
};

export const dateTimeFormat = (locale: string, options: Intl.DateTimeFormatOptions = {}) => {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = dates.get(key);
  if (!f) dates.set(key, (f = new Intl.DateTimeFormat(locale, options)));
  return f;
};

const names = new Map<string, Intl.DisplayNames>();
const collators = new Map<string, Intl.Collator>();

export const displayNames = (locale: string, type: Intl.DisplayNamesType) => {
  const key = `${locale}|${type}`;
  let f = names.get(key);
  if (!f) names.set(key, (f = new Intl.DisplayNames([locale], { type, fallback: "code" })));
  return f;
};

export const collator = (locale: string) => {
  let f = collators.get(locale);
  if (!f) collators.set(locale, (f = new Intl.Collator(locale)));
  return f;
};

/**
 * Results of a formatter, remembered per isolate: a page of matches names the same countries, languages
 * and lists hundreds of times, and each call into Intl costs microseconds (5–12 µs measured) where a map
 * lookup costs a fraction of one. Bounded, because some inputs (amounts, free-typed language tags) vary.
 */
export const memoised = <T>(compute: (key: string) => T, limit = 5000) => {
  const results = new Map<string, T>();
  return (key: string) => {
    let v = results.get(key);
    if (v === undefined) {
      v = compute(key);
      if (results.size >= limit) results.clear();
      results.set(key, v);
    }
    return v;
  };
};
