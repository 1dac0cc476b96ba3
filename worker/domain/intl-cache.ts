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
