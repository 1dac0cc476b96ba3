// After sign-up: the same page whether or not the address already had an account.
import { Shell } from "../../layouts/Shell";
import { usePage } from "../../context";

export const CheckMailPage = ({ email }: { email: string }) => {
  const { t } = usePage();
  return (
    <Shell title={t("auth.check_mail_title")}>
      <h1>{t("auth.check_mail_title")}</h1>
      <p role="status">{t("auth.check_mail", { email })}</p>
    </Shell>
  );
};
