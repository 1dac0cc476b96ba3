// Deleting an organisation: what goes, what stays anonymised, a download link, and a typed confirmation.
import { Shell } from "../layouts/Shell";
import { usePage } from "../context";
import { TextField, ErrorSummary, type FormErrors } from "../components/form";
import type { OrgView } from "../../schema/api/orgs";

export const OrgDeletePage = ({
  org,
  value,
  errors,
}: {
  org: OrgView;
  value?: string;
  errors?: FormErrors;
}) => {
  const { t } = usePage();
  return (
    <Shell title={t("org.delete_title", { name: org.name })}>
      <h1>{t("org.delete_title", { name: org.name })}</h1>
      <ErrorSummary errors={errors} />
      <p>
        <strong>{t("org.delete_intro")}</strong>
      </p>
      <p>
        <a class="button secondary" href={`/api/v1/orgs/${org.id}/export`} download>
          {t("org.export")}
        </a>
      </p>
      <ul>
        <li>{t("org.delete_erased")}</li>
        <li>{t("org.delete_kept")}</li>
        <li>{t("org.delete_pledges")}</li>
        {org.kind === "funder" && <li>{t("org.delete_funder")}</li>}
      </ul>
      <form class="stack" method="post" action={`/orgs/${org.id}/delete`} novalidate>
        <TextField
          name="confirmName"
          label={t("org.delete_confirm")}
          hint={org.name}
          value={value}
          required
          autocomplete="off"
          errors={errors}
        />
        <p>
          <button type="submit" class="danger">
            {t("org.delete_submit")}
          </button>
        </p>
      </form>
    </Shell>
  );
};
