// The organisation profile form, used to create and to edit (with the version it was read at).
import { usePage } from "../context";
import { TextField, SelectField, ChoiceGroup, ErrorSummary, type FormErrors } from "./form";
import { FitFacts, ProfileFacts } from "./ProfileFacts";
import { ORG_KINDS, VISIBILITIES } from "../../schema/enums";

export type OrgFormValues = {
  kind?: string;
  name?: string;
  description?: string;
  country?: string;
  area?: string;
  setting?: string;
  legalStatus?: string;
  foundedYear?: string;
  budgetAmount?: string;
  budgetCurrency?: string;
  staffCount?: string;
  volunteerCount?: string;
  ledBy?: string[];
  themes?: string[];
  languages?: string;
  visibility?: string;
  /** "true" when the box is ticked. */
  listedInChapter?: string;
  version?: string;
};

export const OrgForm = (p: {
  action: string;
  values: OrgFormValues;
  errors?: FormErrors;
  countries: { code: string; name: string }[];
  submitLabel: string;
  editing?: boolean;
}) => {
  const { t } = usePage();
  const v = p.values;
  const e = p.errors;
  return (
    <form class="stack" method="post" action={p.action} novalidate>
      <ErrorSummary errors={e} />
      {p.editing ? (
        <input type="hidden" name="version" value={v.version} />
      ) : (
        <ChoiceGroup
          type="radio"
          name="kind"
          label={t("org.kind")}
          values={[v.kind ?? "cso"]}
          options={ORG_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
          errors={e}
          required
        />
      )}
      <TextField name="name" label={t("org.name")} value={v.name} required errors={e} maxLength={200} />
      <TextField
        name="description"
        label={`${t("org.description")} (${t("org.optional")})`}
        value={v.description}
        multiline
        errors={e}
        maxLength={2000}
      />
      <SelectField
        name="country"
        label={t("org.country")}
        value={v.country}
        blank="—"
        options={p.countries.map((c) => ({ value: c.code, label: c.name }))}
        required
        errors={e}
      />
      <TextField
        name="area"
        label={`${t("org.area")} (${t("org.optional")})`}
        value={v.area}
        errors={e}
        maxLength={120}
      />
      <ProfileFacts values={v} errors={e} />
      <div class="row">
        <TextField
          name="foundedYear"
          label={`${t("org.founded_year")} (${t("org.optional")})`}
          value={v.foundedYear}
          inputmode="numeric"
          errors={e}
        />
        <TextField
          name="staffCount"
          label={`${t("org.staff_count")} (${t("org.optional")})`}
          value={v.staffCount}
          inputmode="numeric"
          errors={e}
        />
        <TextField
          name="volunteerCount"
          label={`${t("org.volunteer_count")} (${t("org.optional")})`}
          value={v.volunteerCount}
          inputmode="numeric"
          errors={e}
        />
      </div>
      <FitFacts values={v} errors={e} />
      <ChoiceGroup
        type="radio"
        name="visibility"
        label={t("org.visibility")}
        hint={t("org.visibility_help")}
        values={[v.visibility ?? "public"]}
        options={VISIBILITIES.map((s) => ({ value: s, label: t(`visibility.${s}`) }))}
        errors={e}
      />
      <ChoiceGroup
        type="checkbox"
        name="listedInChapter"
        label={t("org.chapter")}
        hint={t("org.listed_in_chapter_help")}
        values={v.listedInChapter === "true" ? ["true"] : []}
        options={[{ value: "true", label: t("org.listed_in_chapter") }]}
        errors={e}
      />
      <p>
        <button type="submit">{p.submitLabel}</button>
      </p>
    </form>
  );
};
