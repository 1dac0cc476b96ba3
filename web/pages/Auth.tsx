// Sign-up, e-mail confirmation, log-in and password-reset forms (plain HTML posts; errors shown next to
// the fields). Mail links open a page with a button: a GET never uses up a token (mail scanners follow links).
import { Shell } from "../layouts/Shell";
import { usePage } from "../context";
import type { ComponentChildren } from "preact";
import { TextField, SelectField, ErrorSummary, type FormErrors } from "../components/form";
import { LOCALES } from "../../schema/enums";
import { LANGUAGE_NAMES } from "../components/languages";

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
        <TextField
          name="email"
          type="email"
          label={t("auth.email")}
          value={values.email}
          autocomplete="email"
          required
          errors={errors}
        />
        <TextField
          name="password"
          type="password"
          label={t("auth.password")}
          hint={t("auth.password_hint")}
          autocomplete="new-password"
          required
          errors={errors}
        />
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
        <TextField
          name="email"
          type="email"
          label={t("auth.email")}
          value={values.email}
          autocomplete="username"
          required
          errors={errors}
        />
        <TextField
          name="password"
          type="password"
          label={t("auth.password")}
          autocomplete="current-password"
          required
          errors={errors}
        />
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

/** After sign-up: the same page whether or not the address already had an account. */
export const CheckMailPage = ({ email }: { email: string }) => {
  const { t } = usePage();
  return (
    <Shell title={t("auth.check_mail_title")}>
      <h1>{t("auth.check_mail_title")}</h1>
      <p role="status">{t("auth.check_mail", { email })}</p>
    </Shell>
  );
};

/** The token travels in a hidden field; the page itself changes nothing. */
const TokenForm = ({
  action,
  token,
  submit,
  children,
}: {
  action: string;
  token: string;
  submit: string;
  children?: ComponentChildren;
}) => (
  <form class="stack" method="post" action={action} novalidate>
    <input type="hidden" name="token" value={token} />
    {children}
    <p>
      <button type="submit">{submit}</button>
    </p>
  </form>
);

export const VerifyPage = ({ token, errors }: { token: string; errors?: FormErrors }) => {
  const { t } = usePage();
  return (
    <Shell title={t("auth.verify_title")}>
      <h1>{t("auth.verify_title")}</h1>
      <ErrorSummary errors={errors} />
      {errors?.token ? (
        <p>
          <a href="/login">{t("nav.login")}</a>
        </p>
      ) : (
        <>
          <p>{t("auth.verify_intro")}</p>
          <TokenForm action="/verify" token={token} submit={t("auth.verify_submit")} />
        </>
      )}
    </Shell>
  );
};

export const ForgotPage = ({
  values = {},
  errors,
  sentTo,
}: {
  values?: Record<string, string>;
  errors?: FormErrors;
  sentTo?: string;
}) => {
  const { t } = usePage();
  return (
    <Shell title={t("auth.forgot_title")}>
      <h1>{t("auth.forgot_title")}</h1>
      {sentTo ? (
        <p role="status">{t("auth.forgot_sent", { email: sentTo })}</p>
      ) : (
        <>
          <p>{t("auth.forgot_intro")}</p>
          <ErrorSummary errors={errors} />
          <form class="stack" method="post" action="/forgot" novalidate>
            <TextField
              name="email"
              type="email"
              label={t("auth.email")}
              value={values.email}
              autocomplete="email"
              required
              errors={errors}
            />
            <p>
              <button type="submit">{t("auth.forgot_submit")}</button>
            </p>
          </form>
        </>
      )}
    </Shell>
  );
};

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
          <TextField
            name="password"
            type="password"
            label={t("auth.new_password")}
            hint={t("auth.password_hint")}
            autocomplete="new-password"
            required
            errors={errors}
          />
        </TokenForm>
      )}
    </Shell>
  );
};
