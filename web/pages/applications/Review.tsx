// The funder's page for one application: the profile as it was at submission, the answers, the reviews
// and their average, and the forms the workflow allows the funder now.
import { Shell } from "../../layouts/Shell";
import { usePage } from "../../context";
import { ErrorSummary, Notice, type FormErrors } from "../../components/form";
import { OrgFacts } from "../../components/OrgFacts";
import type { ApplicationView, ReviewView } from "../../../schema/api/applications";
import type { CallView } from "../../../schema/api/calls";
import { actionsFor } from "../../../worker/domain/application-workflow";
import { CallLine } from "./call-line";
import { StatusLine } from "./status";
import { DecisionView } from "./decision-view";
import { Answers } from "./answers";
import { ReviewForm, AwardForm, DeclineForm } from "./review-forms";
import { DecisionHint, type TallyLine } from "../tally/DecisionHint";
import { PartnersSection } from "../partners/PartnersSection";

type Review = Pick<ReviewView, "reviewerName" | "score" | "comment">;

type ReviewProps = {
  app: ApplicationView;
  call: CallView;
  reviews: Review[];
  averageScore: number | null;
  /** Panel and peer calls: where the panel ranks this application. */
  tallyLine?: TallyLine | null;
  errors?: FormErrors;
  notice?: string;
};

const Reviews = ({ reviews, averageScore }: Pick<ReviewProps, "reviews" | "averageScore">) => {
  const { t } = usePage();
  return (
    <>
      <h2>{t("application.reviews")}</h2>
      <p>
        {averageScore === null
          ? t("application.no_reviews")
          : t("application.average", { score: averageScore, n: reviews.length })}
      </p>
      <ul>
        {reviews.map((r) => (
          <li>
            <bdi>{r.reviewerName}</bdi>: {r.score}/5
            {r.comment && (
              <>
                {" "}
                — <span dir="auto">{r.comment}</span>
              </>
            )}
          </li>
        ))}
      </ul>
    </>
  );
};

export const ApplicationReviewPage = ({
  app,
  call,
  reviews,
  averageScore,
  tallyLine,
  errors,
  notice,
}: ReviewProps) => {
  const { t } = usePage();
  const org = app.snapshot;
  const actions = actionsFor(app.status, "funder");
  return (
    <Shell title={t("application.review_title", { org: org?.name ?? "" })}>
      <p class="muted">
        <a href={`/calls/${call.id}/applications`}>{t("application.back_to_list")}</a>
      </p>
      <h1>{t("application.review_title", { org: org?.name ?? "" })}</h1>
      <CallLine call={call} />
      {notice && <Notice>{notice}</Notice>}
      <ErrorSummary errors={errors} />
      <StatusLine app={app} />
      <DecisionView app={app} />
      {org && (
        <details open>
          <summary>{t("application.snapshot")}</summary>
          <OrgFacts org={org} />
        </details>
      )}
      <h2>{t("application.answers")}</h2>
      <Answers app={app} call={call} />
      <PartnersSection appId={app.id} partners={app.partners ?? []} />
      <Reviews reviews={reviews} averageScore={averageScore} />
      {actions.includes("review") && <ReviewForm app={app} errors={errors} />}
      {(actions.includes("award") || actions.includes("decline")) && <h2>{t("application.decide")}</h2>}
      {tallyLine && (actions.includes("award") || actions.includes("decline")) && (
        <DecisionHint line={tallyLine} />
      )}
      {actions.includes("award") && (
        <AwardForm app={app} call={call} errors={errors} withNote={call.review.mode !== "funder"} />
      )}
      {actions.includes("decline") && <DeclineForm app={app} errors={errors} />}
    </Shell>
  );
};
