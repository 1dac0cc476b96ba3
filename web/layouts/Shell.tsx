// The page shell: <html lang dir>, the stylesheet, header with navigation and language switch, footer.
import type { ComponentChildren } from "preact";
import { usePage } from "../context";
import { cssHref } from "../styles/app.css";
import { timezoneHref } from "../islands/timezone";
import { directionOf } from "../../worker/domain/locale";
import { LOCALES } from "../../schema/enums";
import { LANGUAGE_NAMES } from "../components/languages";

/** `scripts`: hashed island paths this page needs (deferred; the page works without them). */
export const Shell = ({
  title,
  children,
  scripts = [],
  head,
}: {
  title: string;
  children: ComponentChildren;
  scripts?: string[];
  /** Extra elements for <head> (a page's feed links). */
  head?: ComponentChildren;
}) => {
  const { locale, t, viewer, path } = usePage();
  return (
    <html lang={locale} dir={directionOf(locale)}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · ${t("app.name")}`}</title>
        <link rel="stylesheet" href={cssHref} />
        {/* No favicon request: saves a round trip on slow networks. */}
        <link rel="icon" href="data:," />
        <script src={timezoneHref} defer />
        {scripts.map((s) => (
          <script src={s} defer />
        ))}
        {head}
      </head>
      <body>
        <a class="skip" href="#main">
          {t("nav.skip")}
        </a>
        <header class="top">
          <div class="bar">
            <a class="brand" href="/">
              {t("app.name")}
            </a>
            <nav class="main" aria-label={t("app.name")}>
              <a href="/calls">{t("nav.calls")}</a>
              <a href="/orgs">{t("nav.orgs")}</a>
              <a href="/chapters">{t("nav.chapters")}</a>
              <a href="/resources">{t("resource.nav")}</a>
              <a href="/reports">{t("nav.reports")}</a>
              <a href="/map">{t("map.nav")}</a>
              {viewer?.platformRole === "admin" && <a href="/admin">{t("nav.admin")}</a>}
              {viewer ? (
                <>
                  <a href="/me">{t("nav.me")}</a>
                  <form method="post" action="/logout">
                    <button type="submit">{t("nav.logout")}</button>
                  </form>
                </>
              ) : (
                <>
                  <a href="/login">{t("nav.login")}</a>
                  <a href="/signup">{t("nav.signup")}</a>
                </>
              )}
            </nav>
            <nav class="langs" aria-label={t("nav.language")}>
              {LOCALES.map((l) => (
                <a
                  href={`${path}?lang=${l}`}
                  lang={l}
                  hreflang={l}
                  aria-current={l === locale ? "true" : undefined}
                >
                  {LANGUAGE_NAMES[l]}
                </a>
              ))}
            </nav>
          </div>
        </header>
        <main id="main">{children}</main>
        <footer>
          <p>{t("footer.about")}</p>
          <p>
            <a href="/api/v1/docs">{t("footer.api")}</a>
          </p>
        </footer>
      </body>
    </html>
  );
};
