// "Security" in My account: change the password, see the signed-in devices and sign them out.
import { Shell } from "../layouts/Shell";
import { usePage } from "../context";
import { TextField, ErrorSummary, Notice, type FormErrors } from "../components/form";
import { formatDateTime } from "../../worker/i18n";

export type SessionView = { id: string | null; createdAt: string; lastSeenAt: string; userAgent: string | null; current: boolean };

export const SecurityPage = ({ sessions, notice, errors }: { sessions: SessionView[]; notice?: string; errors?: FormErrors }) => {
  const { t, locale, timeZone } = usePage();
  const when = (iso: string) => formatDateTime(iso, locale, timeZone);
  return (
    <Shell title={t("me.security")}>
      <h1>{t("me.security")}</h1>
      {notice && <Notice>{notice}</Notice>}
      <ErrorSummary errors={errors} />

      <h2>{t("me.password_title")}</h2>
      <form class="stack" method="post" action="/me/password" novalidate>
        <TextField name="current" type="password" label={t("auth.current_password")} autocomplete="current-password" required errors={errors} />
        <TextField name="password" type="password" label={t("auth.new_password")} hint={t("auth.password_hint")} autocomplete="new-password" required errors={errors} />
        <p>
          <button type="submit">{t("me.password_submit")}</button>
        </p>
      </form>

      <h2>{t("me.sessions")}</h2>
      <ul class="stack">
        {sessions.map((s) => (
          <li>
            <bdi>{s.userAgent ?? t("me.session_unknown")}</bdi>
            {s.current && <strong> ({t("me.session_current")})</strong>}
            <br />
            <span class="muted">{t("me.session_since", { date: when(s.createdAt), last: when(s.lastSeenAt) })}</span>
            {!s.current && s.id && (
              <form method="post" action={`/me/sessions/${s.id}/end`}>
                <button type="submit" class="secondary">{t("me.session_end")}</button>
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
