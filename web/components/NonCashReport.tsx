// The equity report's non-cash line: offers of help awarded, counted apart from every money figure.
import { usePage } from "../context";
import { OFFER_KINDS } from "../../schema/enums";
import { formatNumber } from "../../worker/i18n";
import type { EquityReportView } from "../../schema/api/reports";

export const NonCashReport = ({ report }: { report: EquityReportView }) => {
  const { t, locale } = usePage();
  const nc = report.nonCash;
  if (!nc.suppressed && !nc.awards) return null;
  return (
    <section aria-labelledby="non-cash">
      <h2 id="non-cash">{t("offer.report_title")}</h2>
      <p class="muted">{t("offer.report_hint")}</p>
      {nc.suppressed ? (
        <p>{t("offer.report_suppressed", { k: report.k })}</p>
      ) : (
        <>
          <p>
            {t("offer.report_awards", { n: formatNumber(nc.awards ?? 0, locale) })} ·{" "}
            {t("offer.report_orgs", { n: formatNumber(nc.organisations ?? 0, locale) })}
          </p>
          <ul>
            {OFFER_KINDS.filter((k) => nc.byKind?.[k] !== 0).map((k) => (
              <li>
                {t(`offer.kind.${k}`)}:{" "}
                <strong>{nc.byKind?.[k] == null ? "—" : formatNumber(nc.byKind[k], locale)}</strong>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
};
