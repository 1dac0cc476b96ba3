// Picks the response language (see domain/locale.ts for the order) and remembers a ?lang= switch;
// also the time zone instants are shown in.
import { createMiddleware } from "hono/factory";
import { getCookie, setCookie } from "hono/cookie";
import type { AppEnv } from "../env";
import { negotiateLocale, isLocale } from "../domain/locale";
import { translator } from "../i18n";
import { isTimeZone } from "../../schema/api/accounts";

export const LANG_COOKIE = "sanad_lang";
/** Set by web/islands/timezone.ts. */
export const TZ_COOKIE = "sanad_tz";

export const localeMiddleware = createMiddleware<AppEnv>(async (c, next) => {
  const query = c.req.query("lang");
  const locale = negotiateLocale({
    query,
    cookie: getCookie(c, LANG_COOKIE),
    userLocale: c.get("viewer")?.locale,
    acceptLanguage: c.req.header("accept-language"),
  });
  // Remembering a language choice is a preference cookie, not a change of server state.
  if (isLocale(query))
    setCookie(c, LANG_COOKIE, query, { path: "/", sameSite: "Lax", maxAge: 365 * 24 * 3600 });
  c.set("locale", locale);
  c.set("t", translator(locale));
  const browserZone = getCookie(c, TZ_COOKIE);
  c.set(
    "timeZone",
    c.get("viewer")?.timeZone ?? (browserZone && isTimeZone(browserZone) ? browserZone : "UTC"),
  );
  await next();
  if (!c.res.headers.has("Content-Language")) c.res.headers.set("Content-Language", locale);
  c.res.headers.append("Vary", "Accept-Language, Cookie");
});
