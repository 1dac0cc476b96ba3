// A new organisation: the profile form.
import { Shell } from "../../layouts/Shell";
import { usePage } from "../../context";
import { OrgForm, type OrgFormValues } from "../../components/OrgForm";
import type { FormErrors } from "../../components/form";

export const OrgNewPage = ({
  values,
  errors,
  countries,
}: {
  values: OrgFormValues;
  errors?: FormErrors;
  countries: { code: string; name: string }[];
}) => {
  const { t } = usePage();
  return (
    <Shell title={t("org.new_title")}>
      <h1>{t("org.new_title")}</h1>
      <OrgForm
        action="/orgs/new"
        values={values}
        errors={errors}
        countries={countries}
        submitLabel={t("org.create")}
      />
    </Shell>
  );
};
