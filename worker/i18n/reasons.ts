// Putting matching reasons into words: each typed parameter becomes text in the viewer's language.
import type { Locale } from "../../schema/enums";
import type { Reason, ReasonParam } from "../domain/matching";
import { formatMoney } from "../domain/money";
import { countryName, isMessageKey, languageName, type Translate } from "./index";

const lists = new Map<Locale, Intl.ListFormat>();

const list = (items: string[], locale: Locale) => {
  let f = lists.get(locale);
  if (!f) lists.set(locale, (f = new Intl.ListFormat(locale, { type: "conjunction" })));
  return f.format(items);
};

const paramText = (p: ReasonParam, t: Translate, locale: Locale): string => {
  if ("country" in p) return countryName(p.country, locale);
  if ("countries" in p) return list(p.countries.map((c) => countryName(c, locale)), locale);
  if ("money" in p) return formatMoney(p.money, locale);
  if ("usd" in p) return formatMoney({ amount: p.usd, currency: "USD" }, locale);
  if ("legal" in p) return list(p.legal.map((l) => t(`legal.${l}`)), locale);
  if ("ledBy" in p) return list(p.ledBy.map((l) => t(`ledby.${l}`)), locale);
  if ("settings" in p) return list(p.settings.map((s) => t(`setting.${s}`)), locale);
  if ("themes" in p) return list(p.themes.map((th) => t(`theme.${th}`)), locale);
  if ("languages" in p) return list(p.languages.map((l) => languageName(l, locale)), locale);
  if ("income" in p) return t(`income.${p.income}`);
  return t(`civic.${p.civic}`);
};

export const describeReason = (r: Reason, t: Translate, locale: Locale) => {
  const params = Object.fromEntries(Object.entries(r.params).map(([k, p]) => [k, paramText(p, t, locale)]));
  return isMessageKey(r.key) ? t(r.key, params) : r.key;
};

export const describeReasons = (reasons: Reason[], t: Translate, locale: Locale) =>
  reasons.map((r) => ({ criterion: r.criterion, met: r.met, detail: describeReason(r, t, locale) }));
