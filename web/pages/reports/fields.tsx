// The three questions of a light report as textareas: the limit, the error, after a conflict the server's
// text beside what the person typed. Plain HTML: nothing here needs JavaScript.
import { usePage } from "../../context";
import type { FormErrors } from "../../components/form";
import type { ReportView } from "../../../schema/api/award-reports";
import { REPORT_MAX_CHARS } from "../../../schema/limits";
import type { MessageKey } from "../../../worker/i18n";

export type ReportAnswersValues = ReportView["answers"];
const QUESTIONS = ["changed", "hard", "next"] as const;

export const ReportFields = (p: {
  values: ReportAnswersValues;
  errors?: FormErrors;
  theirs?: ReportAnswersValues;
}) => {
  const { t } = usePage();
  return (
    <>
      {QUESTIONS.map((q) => {
        const name = `answers.${q}`;
        const error = p.errors?.[name];
        const theirs = p.theirs?.[q];
        return (
          <div class="field">
            <label for={name}>{t(`reports.q.${q}` as MessageKey)}</label>
            <span class="hint" id={`${name}-hint`}>
              {t("reports.max_chars", { max: REPORT_MAX_CHARS })}
            </span>
            {error && (
              <span class="error" id={`${name}-error`}>
                {error}
              </span>
            )}
            {theirs !== undefined && theirs !== p.values[q] && (
              <div class="theirs">
                <p class="pre" dir="auto">
                  {theirs}
                </p>
              </div>
            )}
            <textarea
              id={name}
              name={name}
              rows={5}
              dir="auto"
              data-max={REPORT_MAX_CHARS}
              aria-invalid={error ? "true" : undefined}
              aria-describedby={[`${name}-hint`, error ? `${name}-error` : ""].filter(Boolean).join(" ")}
            >
              {p.values[q]}
            </textarea>
          </div>
        );
      })}
    </>
  );
};
