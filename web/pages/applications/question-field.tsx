// One question of the draft form: its limit, its error, after a conflict the server's text beside what the
// user typed, and the live counter the autosave island fills.
import { usePage } from "../../context";
import type { FormErrors } from "../../components/form";
import type { CallView } from "../../../schema/api/calls";

type Props = {
  question: CallView["questions"][number];
  value: string | undefined;
  errors?: FormErrors;
  /** After a 409: the server's answer, shown when it differs from what the user typed. */
  theirs?: string;
};

export const QuestionField = ({ question: q, value, errors, theirs }: Props) => {
  const { t } = usePage();
  const name = `answer_${q.id}`;
  const error = errors?.[name];
  return (
    <div class="field">
      <label for={name}>
        <bdi>{q.label}</bdi>
      </label>
      <span class="hint" id={`${name}-hint`}>
        {t("call.max_chars", { n: q.maxChars })}
      </span>
      {error && (
        <span class="error" id={`${name}-error`}>
          {error}
        </span>
      )}
      {theirs !== undefined && theirs !== value && (
        <div class="theirs">
          <strong>{t("application.their_version")}</strong>
          <p class="pre" dir="auto">
            {theirs}
          </p>
        </div>
      )}
      <textarea
        id={name}
        name={name}
        rows={6}
        dir="auto"
        data-max={q.maxChars}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={[`${name}-hint`, error ? `${name}-error` : "", `${name}-count`]
          .filter(Boolean)
          .join(" ")}
      >
        {value ?? ""}
      </textarea>
      <output id={`${name}-count`} class="counter" aria-live="polite"></output>
    </div>
  );
};
