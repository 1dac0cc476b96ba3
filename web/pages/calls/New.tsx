// A new call: the call form, saved as a draft.
import { Shell } from "../../layouts/Shell";
import { usePage } from "../../context";
import { CallForm } from "../../components/CallForm";
import type { FormPageProps } from "./form-page-props";

export const CallNewPage = (p: FormPageProps) => {
  const { t } = usePage();
  return (
    <Shell title={t("call.new_title")}>
      <h1>{t("call.new_title")}</h1>
      <p class="muted">{t("call.new_help")}</p>
      <CallForm action="/calls/new" submitLabel={t("call.save_draft")} {...p} />
    </Shell>
  );
};
