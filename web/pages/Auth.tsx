// Sign-up and log-in forms (plain HTML posts; errors shown next to the fields).
import { Shell } from "../layouts/Shell";
import { usePage } from "../context";
import { TextField, SelectField, ErrorSummary, type FormErrors } from "../components/form";
import { LOCALES } from "../../schema/enums";
import { LANGUAGE_NAMES } from "../components/languages";

export const SignupPage = ({ values = {}, errors }: { values?: Record<string, string>; errors?: FormErrors }) => {
  const { t, locale } = usePage();
  return (
    <Shell title={t("auth.signup_title")}>
      <h1>{t("auth.signup_title")}</h1>
      <ErrorSummary errors={errors} />
      <form class="stack" method="post" action="/signup" novalidate>
        <TextField name="name" label={t("auth.name")} value={values.name} autocomplete="name" required errors={errors} />
        <TextField name="email" type="email" label={t("auth.email")} value={values.email} autocomplete="email" required errors={errors} />
        <TextField name="password" type="password" label={t("auth.password")} hint={t("auth.password_hint")} autocomplete="new-password" required errors={errors} />
        <SelectField name="locale" label={t("auth.locale")} value={values.locale ?? locale} options={LOCALES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))} errors={errors} />
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

export const LoginPage = ({ values = {}, errors, next, notice }: { values?: Record<string, string>; errors?: FormErrors; next?: string; notice?: string }) => {
  const { t } = usePage();
  return (
    <Shell title={t("auth.login_title")}>
      <h1>{t("auth.login_title")}</h1>
      {notice && <p class="notice" role="status">{notice}</p>}
      <ErrorSummary errors={errors} />
      <form class="stack" method="post" action={next ? `/login?next=${encodeURIComponent(next)}` : "/login"} novalidate>
        <TextField name="email" type="email" label={t("auth.email")} value={values.email} autocomplete="username" required errors={errors} />
        <TextField name="password" type="password" label={t("auth.password")} autocomplete="current-password" required errors={errors} />
        <p>
          <button type="submit">{t("auth.submit_login")}</button>
        </p>
      </form>
      <p>
        {t("auth.no_account")} <a href="/signup">{t("nav.signup")}</a>
      </p>
    </Shell>
  );
};

