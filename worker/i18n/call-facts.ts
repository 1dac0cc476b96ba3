// A call's key facts put into words, as feeds and the weekly digest show them: the funder (or "a
// funder" when its profile is not public), the deadline (or "always open" for rolling calls) and the
// amounts when the call offers money.
import type { Locale } from "../../schema/enums";
import { formatMoney, type Money } from "../domain/money";
import { formatInstantWithZone, type Translate } from "./index";

export type CallFactsInput = {
  funderName: string | null;
  deadline: string | null;
  /** Optional: an offer of help other than money may carry no amounts. */
  grant?: { min: Money; max: Money } | null;
};

export const callFacts = (c: CallFactsInput, t: Translate, locale: Locale) => {
  const min = c.grant?.min;
  const max = c.grant?.max;
  const amount =
    min && max
      ? min.amount === max.amount
        ? formatMoney(max, locale)
        : `${formatMoney(min, locale)} – ${formatMoney(max, locale)}`
      : null;
  return {
    funder: c.funderName ?? t("call.undisclosed_funder"),
    deadline: c.deadline ? formatInstantWithZone(c.deadline, locale, "UTC") : t("call.rolling"),
    amount,
  };
};

/** The facts as labelled lines of plain text. */
export const callFactLines = (c: CallFactsInput, t: Translate, locale: Locale) => {
  const f = callFacts(c, t, locale);
  return [
    `${t("call.funder")}: ${f.funder}`,
    `${t("call.deadline")}: ${f.deadline}`,
    ...(f.amount ? [`${t("call.grant")}: ${f.amount}`] : []),
  ];
};
