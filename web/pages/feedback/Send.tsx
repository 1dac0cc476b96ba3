// After sending a group an anonymous message: a thank-you, or the form again with what was wrong.
import { Shell } from "../../layouts/Shell";
import { usePage } from "../../context";
import { ErrorSummary, Notice, type FormErrors } from "../../components/form";
import { FeedbackForm } from "../../components/Feedback";
import type { OrgView } from "../../../schema/api/orgs";

type Props = { org: OrgView; sent: boolean; errors?: FormErrors; value?: string };

export const FeedbackSendPage = ({ org, sent, errors, value }: Props) => {
  const { t } = usePage();
  return (
    <Shell title={t("feedback.title")}>
      <h1>{t("feedback.title")}</h1>
      <p>
        <a href={`/orgs/${org.id}`}>
          <bdi>{org.name}</bdi>
        </a>
      </p>
      {sent ? (
        <Notice>
          <strong>{t("feedback.sent_title")}</strong> {t("feedback.sent")}
        </Notice>
      ) : (
        <>
          <p class="muted">{t("feedback.intro")}</p>
          <ErrorSummary errors={errors} />
          <FeedbackForm org={org} errors={errors} value={value} />
        </>
      )}
    </Shell>
  );
};
