// The funder's part of a panel or peer review on its call page: invite panelists by e-mail (panel calls)
// and, once review is open, how far it has got — counts only, never who reviews what.
import { usePage } from "../../context";
import { TextField, type FormErrors } from "../../components/form";
import type { CallView } from "../../../schema/api/calls";
import type { ReviewProgress } from "../../../schema/api/reviews";

export const ReviewPanel = ({
  call,
  progress,
  errors,
}: {
  call: CallView;
  /** Null for everyone but the funder's members, and for calls the funder reviews alone. */
  progress?: ReviewProgress | null;
  errors?: FormErrors;
}) => {
  const { t } = usePage();
  if (!progress) return null;
  return (
    <section id="review-panel">
      <h2>{t(call.review.mode === "panel" ? "review.panel_title" : "review.peer_title")}</h2>
      {progress.opened ? (
        <dl class="facts">
          <dt>{t("review.progress_assigned")}</dt>
          <dd>{progress.assigned}</dd>
          <dt>{t("review.progress_done")}</dt>
          <dd>{progress.done}</dd>
          <dt>{t("review.progress_conflicts")}</dt>
          <dd>{progress.conflicts}</dd>
        </dl>
      ) : (
        <p class="muted">{t(call.review.mode === "panel" ? "review.panel_intro" : "review.peer_intro")}</p>
      )}
      {call.review.mode === "panel" && (
        <form class="stack" method="post" action={`/calls/${call.id}/panelists`} novalidate>
          <TextField
            name="email"
            type="email"
            label={t("review.invite_email")}
            hint={t("review.invite_hint")}
            autocomplete="off"
            errors={errors}
          />
          <p>
            <button type="submit">{t("review.invite")}</button>
          </p>
        </form>
      )}
    </section>
  );
};
