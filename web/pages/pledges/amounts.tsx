// How a pledge's money reads: an amount in the reader's number format, and a pledge's schedule.
import { usePage } from "../../context";
import { formatMoney, type Money } from "../../../worker/domain/money";
import type { PledgeInterval } from "../../../schema/enums";

export const Amount = ({ money }: { money: Money }) => {
  const { locale } = usePage();
  return <bdi>{formatMoney(money, locale)}</bdi>;
};

/** "100 USD every month, 12 installments" in the reader's language. */
export const Schedule = ({
  amount,
  interval,
  installments,
}: {
  amount: Money;
  interval: PledgeInterval;
  installments: number | null;
}) => {
  const { t, locale } = usePage();
  const money = formatMoney(amount, locale);
  if (interval === "once") return <>{t("pledge.schedule_once", { amount: money })}</>;
  const every = t(interval === "month" ? "pledge.every_month" : "pledge.every_year", { amount: money });
  return (
    <>
      {every} ·{" "}
      {installments === null
        ? t("pledge.until_cancelled")
        : t("pledge.installments_count", { count: installments })}
    </>
  );
};
