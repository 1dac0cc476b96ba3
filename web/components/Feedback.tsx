// The organisation page's feedback sections: on a funded group's page the anonymous message form (and,
// for its owners, the way to what was sent); on a funder's page how the groups that applied rate it, and
// the way to rate it for members of those groups. Plain forms and links: nothing here needs JavaScript.
import { usePage } from "../context";
import { TextField, type FormErrors } from "./form";
import { RatingsSummary } from "./Ratings";
import { FEEDBACK_MAX_CHARS, type FunderRatingsView } from "../../schema/api/feedback";
import type { OrgView } from "../../schema/api/orgs";

/** What the sections show to this viewer (worker/http/feedback-panel.ts). */
export type FeedbackPanel = {
  /** A funded group: whether the viewer is offered the form (not its owners), whether they read what was sent. */
  community: { canSend: boolean; readsFeedback: boolean } | null;
  /** A funder: the published aggregate, and whether one of the viewer's groups applied to it. */
  ratings: { summary: FunderRatingsView; canRate: boolean } | null;
};

/** The anonymous message form; on its own page too, when it comes back with a problem. */
export const FeedbackForm = ({
  org,
  errors,
  value,
}: {
  org: OrgView;
  errors?: FormErrors;
  value?: string;
}) => {
  const { t } = usePage();
  return (
    <form class="stack" method="post" action={`/orgs/${org.id}/feedback`} novalidate>
      <TextField
        name="text"
        label={t("feedback.text")}
        hint={t("feedback.anonymous_note")}
        value={value}
        maxLength={FEEDBACK_MAX_CHARS}
        multiline
        required
        errors={errors}
      />
      <p>
        <button type="submit">{t("feedback.send")}</button>
      </p>
    </form>
  );
};

const Community = ({
  org,
  community,
}: {
  org: OrgView;
  community: NonNullable<FeedbackPanel["community"]>;
}) => {
  const { t } = usePage();
  return (
    <section aria-labelledby="feedback-title" id="feedback">
      <h2 id="feedback-title">{t(community.canSend ? "feedback.title" : "feedback.list_title")}</h2>
      {community.readsFeedback && (
        <p>
          <a class="button secondary" href={`/orgs/${org.id}/feedback`}>
            {t("feedback.read")}
          </a>
        </p>
      )}
      {community.canSend && (
        <>
          <p class="muted">{t("feedback.intro")}</p>
          <FeedbackForm org={org} />
        </>
      )}
    </section>
  );
};

const Ratings = ({ org, ratings }: { org: OrgView; ratings: NonNullable<FeedbackPanel["ratings"]> }) => {
  const { t } = usePage();
  return (
    <section aria-labelledby="ratings-title" id="ratings">
      <h2 id="ratings-title">{t("rating.section")}</h2>
      <RatingsSummary summary={ratings.summary} />
      {ratings.canRate && (
        <p>
          <a class="button secondary" href={`/funders/${org.id}/rate`}>
            {t("rating.rate")}
          </a>
        </p>
      )}
    </section>
  );
};

export const FeedbackSection = ({ org, panel }: { org: OrgView; panel: FeedbackPanel }) => (
  <>
    {panel.community && <Community org={org} community={panel.community} />}
    {panel.ratings && <Ratings org={org} ratings={panel.ratings} />}
  </>
);
