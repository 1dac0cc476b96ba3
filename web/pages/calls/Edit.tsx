// Editing a draft call; after a conflict (someone saved first) the form says so above the fields.
import { Shell } from "../../layouts/Shell";
import { usePage } from "../../context";
import { CallForm } from "../../components/CallForm";
import type { CallView } from "../../../schema/api/calls";
import type { FormPageProps } from "./form-page-props";

export const CallEditPage = ({
  call,
  conflict,
  ...p
}: FormPageProps & { call: CallView; conflict?: boolean }) => {
  const { t } = usePage();
  return (
    <Shell title={t("org.edit_title", { name: call.title })}>
      <h1>{t("org.edit_title", { name: call.title })}</h1>
      {conflict && (
        <div class="alert" role="alert">
          <p>{t("call.conflict")}</p>
        </div>
      )}
      <CallForm action={`/calls/${call.id}/edit`} submitLabel={t("call.save_draft")} {...p} funders={[]} />
    </Shell>
  );
};
