// Sign-up: name, address, password and language (a plain form post; errors shown next to the fields).
import { Shell } from "../../layouts/Shell";
import { usePage } from "../../context";
import { TextField, SelectField, ErrorSummary, type FormErrors } from "../../components/form";
import { LOCALES } from "../../../schema/enums";
import { LANGUAGE_NAMES } from "../../components/languages";
import { EmailField, PasswordField } from "./auth-form";

export const SignupPage = ({
  values = {},
  errors,
}: {
  values?: Record<string, string>;
  errors?: FormErrors;
}) => {
  const { t, locale } = usePage();
  return (
    <Shell title={t("auth.signup_title")}>
      <h1>{t("auth.signup_title")}</h1>
      <ErrorSummary errors={errors} />
      <form class="stack" method="post" action="/signup" novalidate>
        <TextField
          name="name"
          label={t("auth.name")}
          value={values.name}
          autocomplete="name"
          required
          errors={errors}
        />
        <EmailField value={values.email} autocomplete="email" errors={errors} />
        <PasswordField label={t("auth.password")} newPassword errors={errors} />
        <SelectField
          name="locale"
          label={t("auth.locale")}
          value={values.locale ?? locale}
          options={LOCALES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
          errors={errors}
        />
        <p>
          <button type="submit">{t("auth.submit_signup")}</button>
        </p>
      </form>
      <p>
        {t("auth.have_account")} <a href="/login">{t("nav.login")}</a>
      </p>
    </Shell>
  );
};
