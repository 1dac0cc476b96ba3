// An application's status, and the line under the title both the applicant and the funder see.
import { usePage } from "../../context";
import type { ApplicationView } from "../../../schema/api/applications";
import { formatMoney } from "../../../worker/domain/money";
import { formatDateTime } from "../../../worker/i18n";

export const Status = ({ app }: { app: Pick<ApplicationView, "status"> }) => {
  const { t } = usePage();
  return <span class={`status status-${app.status}`}>{t(`application.status.${app.status}`)}</span>;
};

/** Status, submission time and amount requested. */
export const StatusLine = ({ app }: { app: ApplicationView }) => {
  const { t, locale } = usePage();
  return (
    <p>
      <Status app={app} />
      {app.submittedAt && (
        <> · {t("application.submitted_at", { when: formatDateTime(app.submittedAt, locale) })}</>
      )}
      {app.requestedAmount && (
        <>
          {" "}
          · {t("application.requested")}: <bdi>{formatMoney(app.requestedAmount, locale)}</bdi>
        </>
      )}
    </p>
  );
};
