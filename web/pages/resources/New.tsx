// Posting a resource: for members of verified or chapter-confirmed organisations. One multipart form, no
// JavaScript: a link, or a file (stored through the uploads use case, then attached).
import { Shell } from "../../layouts/Shell";
import { usePage } from "../../context";
import { ChoiceGroup, ErrorSummary, SelectField, TextField, type FormErrors } from "../../components/form";
import { LICENCES, THEMES } from "../../../schema/enums";

export type ResourceFormValues = {
  orgId: string;
  title: string;
  summary: string;
  language: string;
  themes: string[];
  licence: string;
  url: string;
};

export const ResourceNewPage = ({
  orgs,
  values,
  errors,
}: {
  orgs: { id: string; name: string }[];
  values: ResourceFormValues;
  errors?: FormErrors;
}) => {
  const { t } = usePage();
  return (
    <Shell title={t("resource.new_title")}>
      <h1>{t("resource.new_title")}</h1>
      <p class="muted">{t("resource.new_help")}</p>
      <ErrorSummary errors={errors} />
      <form method="post" action="/resources" enctype="multipart/form-data">
        <SelectField
          name="orgId"
          label={t("resource.org")}
          value={values.orgId}
          errors={errors}
          required
          options={orgs.map((o) => ({ value: o.id, label: o.name }))}
        />
        <TextField
          name="title"
          label={t("resource.title")}
          value={values.title}
          errors={errors}
          required
          maxLength={200}
        />
        <TextField
          name="summary"
          label={t("resource.summary")}
          value={values.summary}
          errors={errors}
          required
          multiline
          maxLength={2000}
        />
        <TextField
          name="language"
          label={t("resource.language")}
          hint={t("resource.language_hint")}
          value={values.language}
          errors={errors}
          required
          maxLength={35}
        />
        <ChoiceGroup
          type="checkbox"
          name="themes"
          label={t("org.themes")}
          values={values.themes}
          errors={errors}
          options={THEMES.map((th) => ({ value: th, label: t(`theme.${th}`) }))}
        />
        <SelectField
          name="licence"
          label={t("resource.licence_label")}
          value={values.licence}
          errors={errors}
          required
          options={LICENCES.map((l) => ({ value: l, label: t(`resource.licence.${l}`) }))}
        />
        <TextField
          name="url"
          label={t("resource.url")}
          hint={t("resource.url_hint")}
          type="url"
          value={values.url}
          errors={errors}
          maxLength={2000}
        />
        <div class="field">
          <label for="file">{t("resource.file")}</label>
          <span class="hint" id="file-hint">
            {t("resource.file_hint")}
          </span>
          {errors?.file && (
            <span class="error" id="file-error">
              {errors.file}
            </span>
          )}
          <input
            type="file"
            id="file"
            name="file"
            accept=".pdf,.jpg,.jpeg,.png,.webp,.mp3,.ogg,.opus,.m4a"
            aria-describedby={errors?.file ? "file-hint file-error" : "file-hint"}
            aria-invalid={errors?.file ? "true" : undefined}
          />
        </div>
        <p>
          <button type="submit">{t("resource.submit")}</button>
        </p>
      </form>
    </Shell>
  );
};
