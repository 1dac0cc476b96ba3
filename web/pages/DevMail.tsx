// The development mail viewer: what Sanad would have delivered, with its links, for people trying the
// app locally (and its tests). Exists only when SANAD_ENV is development.
import { Shell } from "../layouts/Shell";
import { usePage } from "../context";
import { formatDateTime } from "../../worker/i18n";

export type DevMailView = {
  id: string;
  to: string;
  subject: string;
  text: string;
  sentAt: string | null;
  createdAt: string;
};

/** The mail's text with its links made clickable (only links to this origin, which is all Sanad writes). */
const Linked = ({ text }: { text: string }) => (
  <pre class="mail">
    {text.split(/(https?:\/\/\S+)/).map((part, i) => (i % 2 ? <a href={part}>{part}</a> : part))}
  </pre>
);

export const DevMailPage = ({ items, to }: { items: DevMailView[]; to?: string }) => {
  const { t, locale } = usePage();
  return (
    <Shell title={t("dev.mail_title")}>
      <h1>{t("dev.mail_title")}</h1>
      <p>{t("dev.mail_intro")}</p>
      <form method="get" action="/dev/mail" class="stack">
        <div class="field">
          <label for="to">{t("dev.mail_to")}</label>
          <input id="to" name="to" type="email" value={to ?? ""} />
        </div>
        <p>
          <button type="submit">{t("dev.mail_filter")}</button>
        </p>
      </form>
      {items.length ? (
        items.map((m) => (
          <article>
            <h2>
              <bdi>{m.subject}</bdi>
            </h2>
            <p class="muted">
              <bdi>{m.to}</bdi> ·{" "}
              {m.sentAt
                ? t("dev.mail_sent", { date: formatDateTime(m.sentAt, locale) })
                : t("dev.mail_pending")}
            </p>
            <Linked text={m.text} />
          </article>
        ))
      ) : (
        <p class="muted">{t("dev.mail_none")}</p>
      )}
    </Shell>
  );
};
