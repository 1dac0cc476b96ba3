// "Security" in My account: change the password, two-step sign-in (turn on with an authenticator app,
// recovery codes shown once, turn off with a code), see the signed-in devices and sign them out.
import { Shell } from "../layouts/Shell";
import { usePage } from "../context";
import { TextField, ErrorSummary, Notice, type FormErrors } from "../components/form";
import { formatDateTime } from "../../worker/i18n";
import { groupSecret } from "../../worker/domain/two-factor";

export type SessionView = {
  id: string | null;
  createdAt: string;
  lastSeenAt: string;
  userAgent: string | null;
  current: boolean;
};

/** Where two-step sign-in stands, as this page shows it. */
export type TwoFactorView =
  | { state: "off"; recommended: boolean; required: boolean }
  | { state: "enrolling"; secret: string; otpauthUrl: string }
  | { state: "recovery"; codes: string[] }
  | { state: "on"; recoveryCodesLeft: number };

/** Codes, keys and links are Latin script: kept left-to-right inside an Arabic page. */
const TwoFactorSection = ({ view, errors }: { view: TwoFactorView; errors?: FormErrors }) => {
  const { t } = usePage();
  const codeField = (label: string) => (
    <TextField
      name="code"
      label={label}
      inputmode="numeric"
      autocomplete="one-time-code"
      maxLength={64}
      required
      errors={errors}
    />
  );
  switch (view.state) {
    case "off":
      return (
        <>
          {view.required && (
            <div class="alert" role="status">
              {t("me.2fa_required")}
            </div>
          )}
          {view.recommended && !view.required && <Notice>{t("me.2fa_recommended")}</Notice>}
          <p>{t("me.2fa_intro")}</p>
          <form method="post" action="/me/2fa">
            <button type="submit">{t("me.2fa_turn_on")}</button>
          </form>
        </>
      );
    case "enrolling":
      return (
        <>
          <ol class="stack">
            <li>{t("me.2fa_step_app")}</li>
            <li>
              {t("me.2fa_step_key")}
              <br />
              <code class="secret" dir="ltr">
                {groupSecret(view.secret)}
              </code>
              <br />
              <a href={view.otpauthUrl}>{t("me.2fa_open_link")}</a>
              <br />
              <span class="hint">{t("me.2fa_rename_hint")}</span>
            </li>
            <li>{t("me.2fa_step_code")}</li>
          </ol>
          <form class="stack" method="post" action="/me/2fa/confirm" novalidate>
            {codeField(t("me.2fa_code"))}
            <p>
              <button type="submit">{t("me.2fa_confirm")}</button>
            </p>
          </form>
        </>
      );
    case "recovery":
      return (
        <>
          <h3>{t("me.2fa_recovery_title")}</h3>
          <p>{t("me.2fa_recovery_intro")}</p>
          <ul class="recovery-codes" dir="ltr">
            {view.codes.map((c) => (
              <li>
                <code>{c}</code>
              </li>
            ))}
          </ul>
        </>
      );
    case "on":
      return (
        <>
          <p>{t("me.2fa_is_on", { count: view.recoveryCodesLeft })}</p>
          <form class="stack" method="post" action="/me/2fa/disable" novalidate>
            {codeField(t("me.2fa_off_code"))}
            <p>
              <button type="submit" class="secondary">
                {t("me.2fa_turn_off")}
              </button>
            </p>
          </form>
        </>
      );
  }
};

export const SecurityPage = ({
  sessions,
  twoFactor,
  notice,
  errors,
}: {
  sessions: SessionView[];
  twoFactor: TwoFactorView;
  notice?: string;
  errors?: FormErrors;
}) => {
  const { t, locale, timeZone } = usePage();
  const when = (iso: string) => formatDateTime(iso, locale, timeZone);
  return (
    <Shell title={t("me.security")}>
      <h1>{t("me.security")}</h1>
      {notice && <Notice>{notice}</Notice>}
      <ErrorSummary errors={errors} />

      <h2>{t("me.password_title")}</h2>
      <form class="stack" method="post" action="/me/password" novalidate>
        <TextField
          name="current"
          type="password"
          label={t("auth.current_password")}
          autocomplete="current-password"
          required
          errors={errors}
        />
        <TextField
          name="password"
          type="password"
          label={t("auth.new_password")}
          hint={t("auth.password_hint")}
          autocomplete="new-password"
          required
          errors={errors}
        />
        <p>
          <button type="submit">{t("me.password_submit")}</button>
        </p>
      </form>

      <h2 id="two-step">{t("me.2fa_title")}</h2>
      <TwoFactorSection view={twoFactor} errors={errors} />

      <h2>{t("me.sessions")}</h2>
      <ul class="stack">
        {sessions.map((s) => (
          <li>
            <bdi>{s.userAgent ?? t("me.session_unknown")}</bdi>
            {s.current && <strong> ({t("me.session_current")})</strong>}
            <br />
            <span class="muted">
              {t("me.session_since", { date: when(s.createdAt), last: when(s.lastSeenAt) })}
            </span>
            {!s.current && s.id && (
              <form method="post" action={`/me/sessions/${s.id}/end`}>
                <button type="submit" class="secondary">
                  {t("me.session_end")}
                </button>
              </form>
            )}
          </li>
        ))}
      </ul>
      {sessions.some((s) => !s.current) && (
        <form method="post" action="/me/sessions/end-others">
          <button type="submit">{t("me.sessions_end_others")}</button>
        </form>
      )}
    </Shell>
  );
};
