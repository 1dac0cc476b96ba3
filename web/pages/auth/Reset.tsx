// The password-reset link's page: the new password, posted with the mail's token.
import { Shell } from "../../layouts/Shell";
import { usePage } from "../../context";
import { ErrorSummary, type FormErrors } from "../../components/form";
import { PasswordField } from "./auth-form";
import { TokenForm } from "./token-form";

export const ResetPage = ({ token, errors }: { token: string; errors?: FormErrors }) => {
  const { t } = usePage();
  return (
    <Shell title={t("auth.reset_title")}>
      <h1>{t("auth.reset_title")}</h1>
      <ErrorSummary errors={errors} />
      {errors?.token ? (
        <p>
          <a href="/forgot">{t("auth.forgot_link")}</a>
        </p>
      ) : (
        <TokenForm action="/reset" token={token} submit={t("auth.reset_submit")}>
          <PasswordField label={t("auth.new_password")} newPassword errors={errors} />
        </TokenForm>
      )}
    </Shell>
  );
};
