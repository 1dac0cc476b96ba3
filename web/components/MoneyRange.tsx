// "USD 5,000–20,000": a grant range in the viewer's number format.
import { numberFormat } from "../../worker/domain/intl-cache";
import { usePage } from "../context";
import { formatMoney, minorUnitExponent, type Money } from "../../worker/domain/money";

export const MoneyRange = ({ min, max }: { min: Money; max: Money }) => {
  const { locale } = usePage();
  // <bdi>: an amount keeps its own direction inside right-to-left text.
  if (min.amount === max.amount) return <bdi>{formatMoney(max, locale)}</bdi>;
  const exp = minorUnitExponent(min.currency);
  const f = numberFormat(locale, {
    style: "currency",
    currency: min.currency,
    currencyDisplay: "code",
    maximumFractionDigits: exp,
    minimumFractionDigits: 0,
  });
  return <bdi>{f.formatRange(min.amount / 10 ** exp, max.amount / 10 ** exp)}</bdi>;
};
