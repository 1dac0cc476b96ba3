// The award's accounting in one line of figures — committed → disbursed → received → reported — and, for
// the public, the money sent and received by date with nothing else about it.
import { usePage } from "../../context";
import { formatDate } from "../../../worker/i18n";
import type { AwardSummary } from "../../../worker/domain/award-summary";
import { Scroll } from "../../components/Scroll";
import { Amount } from "../pledges/amounts";

const day = (d: string) => `${d}T00:00:00Z`;

export const Totals = ({
  summary,
  lost,
}: {
  summary: AwardSummary;
  lost?: { amount: number; currency: string };
}) => {
  const { t } = usePage();
  return (
    <dl class="facts" id="totals">
      <dt>{t("award.committed")}</dt>
      <dd>
        <Amount money={summary.committed} />
      </dd>
      <dt>{t("award.disbursed")}</dt>
      <dd>
        <Amount money={summary.disbursed} />
      </dd>
      <dt>{t("award.received_usd")}</dt>
      <dd>
        <Amount money={summary.received} />
        {!summary.usdComplete && <> · {t("ledger.usd_incomplete")}</>}
      </dd>
      {lost && lost.amount !== 0 && (
        <>
          <dt>{t("award.lost_usd")}</dt>
          <dd>
            <Amount money={lost} />
          </dd>
        </>
      )}
      <dt>{t("award.reported")}</dt>
      <dd>{t("award.reports_count", { count: summary.reported })}</dd>
    </dl>
  );
};

/** Dates and amounts only: references, notes and receipt files are the two sides' business. */
export const PublicPayments = ({ summary }: { summary: AwardSummary }) => {
  const { t, locale } = usePage();
  if (!summary.payments.length) return <p class="muted">{t("award.no_disbursements")}</p>;
  return (
    <Scroll>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("award.sent_on")}</th>
            <th scope="col">{t("award.amount")}</th>
            <th scope="col">{t("award.received_on")}</th>
            <th scope="col">{t("award.received_amount")}</th>
          </tr>
        </thead>
        <tbody>
          {summary.payments.map((p) => (
            <tr>
              <td>{formatDate(day(p.sentOn), locale)}</td>
              <td>
                <Amount money={p.amount} />
              </td>
              <td>{p.receivedOn ? formatDate(day(p.receivedOn), locale) : t("award.awaiting")}</td>
              <td>{p.received ? <Amount money={p.received} /> : ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Scroll>
  );
};
