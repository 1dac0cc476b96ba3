// Putting matching reasons into words: each typed parameter becomes text in the viewer's language.
import type { Locale } from "../../schema/enums";
import type { Reason, ReasonParam } from "../domain/matching";
import { formatMoney } from "../domain/money";
import { memoised } from "../domain/intl-cache";
import { countryName, formatNumber, isMessageKey, languageName, type Translate } from "./index";

const lists = new Map<string, Intl.ListFormat>();
const listed = memoised((key) => {
  const [locale, ...items] = key.split("\u0000");
  let f = lists.get(locale);
  if (!f) lists.set(locale, (f = new Intl.ListFormat(locale, { type: "conjunction" })));
  return f.format(items);
});

const list = (items: string[], locale: Locale) => listed([locale, ...items].join("\u0000"));

const paramText = (p: ReasonParam, t: Translate, locale: Locale): string => {
  if ("country" in p) return countryName(p.country, locale);
  if ("countries" in p)
    return list(
      p.countries.map((c) => countryName(c, locale)),
      locale,
    );
  if ("money" in p) return formatMoney(p.money, locale);
  if ("usd" in p) return formatMoney({ amount: p.usd, currency: "USD" }, locale);
  if ("legal" in p)
    return list(
      p.legal.map((l) => t(`legal.${l}`)),
      locale,
    );
  if ("ledBy" in p)
    return list(
      p.ledBy.map((l) => t(`ledby.${l}`)),
      locale,
    );
  if ("settings" in p)
    return list(
      p.settings.map((s) => t(`setting.${s}`)),
      locale,
    );
  if ("themes" in p)
    return list(
      p.themes.map((th) => t(`theme.${th}`)),
      locale,
    );
  if ("languages" in p)
    return list(
      p.languages.map((l) => languageName(l, locale)),
      locale,
    );
  if ("income" in p) return t(`income.${p.income}`);
  if ("trustLevel" in p) return trustLevelName(p.trustLevel, t);
  if ("count" in p) return formatNumber(p.count, locale);
  return t(`civic.${p.civic}`);
};

/** A trust level's name ("vouched for by two trusted organisations nearby"); levels are 0–4. */
export const trustLevelName = (level: number, t: Translate) =>
  t(`trust.level_name.${Math.min(4, Math.max(0, Math.trunc(level))) as 0 | 1 | 2 | 3 | 4}`);

/** "Level 2: vouched for by two trusted organisations nearby" — in selects, lists and report groups. */
export const trustLevelLabel = (level: number, t: Translate, locale: Locale) =>
  t("trust.level_label", { level: formatNumber(level, locale), name: trustLevelName(level, t) });

export const describeReason = (r: Reason, t: Translate, locale: Locale) => {
  const params = Object.fromEntries(Object.entries(r.params).map(([k, p]) => [k, paramText(p, t, locale)]));
  return isMessageKey(r.key) ? t(r.key, params) : r.key;
};

export const describeReasons = (reasons: Reason[], t: Translate, locale: Locale) =>
  reasons.map((r) => ({ criterion: r.criterion, met: r.met, detail: describeReason(r, t, locale) }));
