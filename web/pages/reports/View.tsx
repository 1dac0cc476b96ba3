// A sent report as its readers see it (the group, the award's funder, funders it was shared with): the
// three answers in the language they were written in, and its files.
import { Shell } from "../../layouts/Shell";
import { usePage } from "../../context";
import type { ReportView } from "../../../schema/api/award-reports";
import type { MessageKey } from "../../../worker/i18n";
import { formatDate } from "../../../worker/i18n";
import { directionOf } from "../../../worker/domain/locale";

export const FileList = ({ uploads }: { uploads: ReportView["uploads"] }) => {
  const { t } = usePage();
  return (
    <section>
      <h2>{t("reports.files")}</h2>
      <ul>
        {uploads.map((u) =>
          ["jpeg", "png", "webp"].includes(u.kind) ? (
            <li>
              <a href={`/api/v1/uploads/${u.id}`}>
                <img src={`/api/v1/uploads/${u.id}`} alt="" loading="lazy" width={240} />
              </a>
            </li>
          ) : (
            <li>
              <a href={`/api/v1/uploads/${u.id}`}>{u.kind.toUpperCase()}</a>
            </li>
          ),
        )}
      </ul>
    </section>
  );
};

export const ReportViewPage = ({ report }: { report: ReportView }) => {
  const { t, locale } = usePage();
  return (
    <Shell title={t("reports.view_title")}>
      <h1>{t("reports.view_title")}</h1>
      {report.submittedAt && (
        <p class="muted">{t("reports.sent_on", { date: formatDate(report.submittedAt, locale) })}</p>
      )}
      <div lang={report.language} dir={directionOf(report.language)}>
        {(["changed", "hard", "next"] as const).map((q) => (
          <section>
            <h2>{t(`reports.q.${q}` as MessageKey)}</h2>
            <p class="pre">{report.answers[q]}</p>
          </section>
        ))}
      </div>
      {report.uploads.length > 0 && <FileList uploads={report.uploads} />}
    </Shell>
  );
};
