// The group's report form: a new report on an award, or a draft to finish. One multipart form that works
// without JavaScript: the three answers, the language, optionally one photo or voice note (uploaded and
// attached by the same post), and either "save draft" or "send".
import { Shell } from "../../layouts/Shell";
import { usePage } from "../../context";
import { ErrorSummary, SelectField, type FormErrors } from "../../components/form";
import { ReportFields, type ReportAnswersValues } from "./fields";
import { FileList } from "./View";
import type { ReportView } from "../../../schema/api/award-reports";
import { LOCALES } from "../../../schema/enums";
import { languageName } from "../../../worker/i18n";

export type ReportFormValues = { answers: ReportAnswersValues; language: string; version?: string };

type Props = {
  /** Where the form posts: /awards/:id/reports for a new report, /reports/:id for a draft. */
  action: string;
  values: ReportFormValues;
  /** The draft being finished (its files), if any. */
  draft?: ReportView;
  errors?: FormErrors;
  /** After a 409: the server's copy, shown beside what the person typed. */
  theirs?: ReportAnswersValues;
};

export const ReportFormPage = ({ action, values, draft, errors, theirs }: Props) => {
  const { t, locale } = usePage();
  return (
    <Shell title={t("reports.new_title")}>
      <h1>{t("reports.new_title")}</h1>
      <p class="muted">{t("reports.intro")}</p>
      {draft && <p class="muted">{t("reports.draft")}</p>}
      <ErrorSummary errors={errors} />
      <form method="post" action={action} enctype="multipart/form-data">
        {values.version && <input type="hidden" name="version" value={values.version} />}
        <ReportFields values={values.answers} errors={errors} theirs={theirs} />
        <SelectField
          name="language"
          label={t("reports.language")}
          value={values.language || locale}
          options={LOCALES.map((l) => ({ value: l, label: languageName(l, locale) }))}
          errors={errors}
        />
        {draft && draft.uploads.length > 0 && <FileList uploads={draft.uploads} />}
        <div class="field">
          <label for="file">{t("reports.file")}</label>
          {errors?.file && (
            <span class="error" id="file-error">
              {errors.file}
            </span>
          )}
          <input
            type="file"
            id="file"
            name="file"
            accept="image/jpeg,image/png,image/webp,audio/mpeg,audio/ogg,audio/mp4,application/pdf"
          />
        </div>
        <button type="submit" name="intent" value="draft" class="secondary">
          {t("reports.save_draft")}
        </button>{" "}
        <button type="submit" name="intent" value="submit">
          {t("reports.send")}
        </button>
      </form>
    </Shell>
  );
};
