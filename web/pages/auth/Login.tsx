// Log-in: address, password and, when two-step sign-in is on, the authenticator's code.
import { Shell } from "../../layouts/Shell";
import { usePage } from "../../context";
import { TextField, ErrorSummary, type FormErrors } from "../../components/form";
import { EmailField, PasswordField } from "./auth-form";

export const LoginPage = ({
  values = {},
  errors,
  next,
  notice,
}: {
  values?: Record<string, string>;
  errors?: FormErrors;
  next?: string;
  notice?: string;
}) => {
  const { t } = usePage();
  return (
    <Shell title={t("auth.login_title")}>
      <h1>{t("auth.login_title")}</h1>
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      <ErrorSummary errors={errors} />
      <form
        class="stack"
        method="post"
        action={next ? `/login?next=${encodeURIComponent(next)}` : "/login"}
        novalidate
      >
        <EmailField value={values.email} autocomplete="username" errors={errors} />
        <PasswordField label={t("auth.password")} errors={errors} />
        <TextField
          name="code"
          label={t("auth.code")}
          hint={t("auth.code_hint")}
          inputmode="numeric"
          autocomplete="one-time-code"
          maxLength={64}
          errors={errors}
        />
        <p>
          <button type="submit">{t("auth.submit_login")}</button>
        </p>
      </form>
      <p>
        <a href="/forgot">{t("auth.forgot_link")}</a>
      </p>
      <p>
        {t("auth.no_account")} <a href="/signup">{t("nav.signup")}</a>
      </p>
    </Shell>
  );
};
