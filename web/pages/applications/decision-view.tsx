// The funder's decision as both sides read it: the amount awarded, or the reasons for declining.
import { usePage } from "../../context";
import type { ApplicationView } from "../../../schema/api/applications";
import { formatMoney } from "../../../worker/domain/money";
import { NO_CURRENCY } from "../../../worker/domain/offers";

export const DecisionView = ({ app }: { app: ApplicationView }) => {
  const { t, locale } = usePage();
  const d = app.decision;
  if (!d) return null;
  return (
    <section class={d.decision === "award" ? "notice" : "alert"}>
      <h2>{d.decision === "award" ? t("application.awarded_title") : t("application.declined_title")}</h2>
      {/* A non-cash award's "amount" is the quantity of help, shown on the award's page, never as money. */}
      {d.amount && d.amount.currency !== NO_CURRENCY && (
        <p>{t("application.awarded_amount", { amount: formatMoney(d.amount, locale) })}</p>
      )}
      {app.awardId && (
        <p>
          <a href={`/awards/${app.awardId}`}>{t("award.open")}</a>
        </p>
      )}
      {d.reasons.length > 0 && (
        <>
          <p>{t("application.declined_because")}</p>
          <ul>
            {d.reasons.map((r) => (
              <li>{t(`decline.${r}`)}</li>
            ))}
          </ul>
        </>
      )}
      {d.note && (
        <p class="pre" dir="auto">
          {d.note}
        </p>
      )}
    </section>
  );
};
