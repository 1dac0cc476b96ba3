// The funder's forms on an application: a score with a comment, an award, a decline with reasons.
import { usePage } from "../../context";
import { TextField, ChoiceGroup, type FormErrors } from "../../components/form";
import type { ApplicationView } from "../../../schema/api/applications";
import type { CallView } from "../../../schema/api/calls";
import { amountToInput } from "../../../worker/domain/money";
import { DECLINE_REASONS } from "../../../schema/enums";

type FormProps = { app: ApplicationView; errors?: FormErrors };

export const ReviewForm = ({ app, errors }: FormProps) => {
  const { t } = usePage();
  return (
    <form class="stack" method="post" action={`/applications/${app.id}/reviews`} novalidate>
      <ChoiceGroup
        type="radio"
        name="score"
        label={t("application.your_score")}
        values={[]}
        options={[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: String(n) }))}
        errors={errors}
        required
      />
      <TextField
        name="comment"
        label={`${t("application.comment")} (${t("org.optional")})`}
        multiline
        errors={errors}
        maxLength={2000}
      />
      <p>
        <button type="submit" class="secondary">
          {t("application.save_review")}
        </button>
      </p>
    </form>
  );
};

/**
 * Offers the amount requested; the call's range is checked when it is sent. `withNote`: panel and peer
 * calls, where an award departing from the ranking must say why.
 */
export const AwardForm = ({
  app,
  call,
  errors,
  withNote,
}: FormProps & { call: CallView; withNote?: boolean }) => {
  const { t } = usePage();
  return (
    <form class="stack" method="post" action={`/applications/${app.id}/decision`} novalidate>
      <input type="hidden" name="decision" value="award" />
      {call.offer ? (
        <TextField
          name="quantity"
          label={t("offer.quantity_granted", { max: call.offer.quantity })}
          value="1"
          inputmode="numeric"
          errors={errors}
        />
      ) : (
        <TextField
          name="amount"
          label={t("application.award_amount", { currency: call.grant?.min.currency ?? "" })}
          value={app.requestedAmount ? amountToInput(app.requestedAmount) : ""}
          inputmode="decimal"
          errors={errors}
        />
      )}
      {withNote && (
        <TextField name="note" label={t("tally.note_label")} multiline errors={errors} maxLength={2000} />
      )}
      <p>
        <button type="submit">{t("application.award")}</button>
      </p>
    </form>
  );
};

export const DeclineForm = ({ app, errors }: FormProps) => {
  const { t } = usePage();
  return (
    <form class="stack" method="post" action={`/applications/${app.id}/decision`} novalidate>
      <input type="hidden" name="decision" value="decline" />
      <ChoiceGroup
        type="checkbox"
        name="reasons"
        label={t("application.decline_reasons")}
        values={[]}
        options={DECLINE_REASONS.map((r) => ({ value: r, label: t(`decline.${r}`) }))}
        errors={errors}
      />
      <TextField
        name="note"
        label={`${t("application.note")} (${t("org.optional")})`}
        multiline
        errors={errors}
        maxLength={2000}
      />
      <p>
        <button type="submit" class="secondary">
          {t("application.decline")}
        </button>
      </p>
    </form>
  );
};
