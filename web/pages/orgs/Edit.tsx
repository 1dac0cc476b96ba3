// Editing an organisation's profile. On a conflict the user's unsaved values stay in the form and the
// other person's version is shown above.
import { Shell } from "../../layouts/Shell";
import { usePage } from "../../context";
import { OrgForm, type OrgFormValues } from "../../components/OrgForm";
import { OrgFacts } from "../../components/OrgFacts";
import type { FormErrors } from "../../components/form";
import type { OrgView } from "../../../schema/api/orgs";

export const OrgEditPage = ({
  org,
  values,
  errors,
  countries,
  conflict,
}: {
  org: OrgView;
  values: OrgFormValues;
  errors?: FormErrors;
  countries: { code: string; name: string }[];
  conflict?: OrgView;
}) => {
  const { t } = usePage();
  return (
    <Shell title={t("org.edit_title", { name: org.name })}>
      <h1>{t("org.edit_title", { name: org.name })}</h1>
      {conflict && (
        <div class="alert" role="alert">
          <p>{t("org.conflict")}</p>
          <OrgFacts org={conflict} />
        </div>
      )}
      <OrgForm
        action={`/orgs/${org.id}/edit`}
        values={values}
        errors={errors}
        countries={countries}
        submitLabel={t("org.save")}
        editing
      />
    </Shell>
  );
};
