// Puts one drizzle client on the context, over a D1 session (read replication), and hands the session's
// bookmark back so the client's next request sees at least what this one saw and wrote.
import { createMiddleware } from "hono/factory";
import { getCookie, setCookie } from "hono/cookie";
import type { AppEnv } from "../env";
import { createDb, openSession } from "../db/client";
import { loggingD1 } from "../db/sql-log";
import { isLocalDev, SESSION_COOKIE } from "./session";

/** API clients keep the bookmark from this response header and send it back in the request header. */
export const BOOKMARK_HEADER = "x-sanad-bookmark";
/** Browsers carry it in this cookie, set only once a signed-in person has written something (see below). */
export const BOOKMARK_COOKIE = "sanad_bookmark";
/**
 * Replicas trail the primary by well under a second in normal running; the cookie only has to outlive that
 * lag, and a fresh one is set at every write. A short life keeps it from outlasting its use (and from
 * marking a browser for long), while 15 minutes covers a replica catching up after a quiet spell.
 */
const BOOKMARK_MAX_AGE_S = 15 * 60;

/**
 * D1 bookmarks are dash-separated hex (e.g. `00000085-0000024c-00004c6d-8e61117b…`). Anything else is
 * ignored rather than sent to D1: a malformed bookmark must never turn a request into a 5xx.
 */
const BOOKMARK_SHAPE = /^[0-9a-f]{1,32}(?:-[0-9a-f]{1,64}){1,7}$/;
const MAX_BOOKMARK_LENGTH = 128;
const wellFormed = (value: string | undefined) =>
  value && value.length <= MAX_BOOKMARK_LENGTH && BOOKMARK_SHAPE.test(value) ? value : undefined;

const READ_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export const dbMiddleware = createMiddleware<AppEnv>(async (c, next) => {
  const cookie = wellFormed(getCookie(c, BOOKMARK_COOKIE));
  const carried = wellFormed(c.req.header(BOOKMARK_HEADER)) ?? cookie;
  // Reads start from the caller's bookmark (their own writes are visible) or, without one, at the nearest
  // replica. Writes start at the primary even with a bookmark: what a write request reads first (versions
  // for optimistic concurrency, memberships for authorisation, counters) must be the newest state, not
  // merely as new as this caller's last write; its writes go to the primary anyway.
  const start = READ_METHODS.has(c.req.method) ? (carried ?? "first-unconstrained") : "first-primary";
  const session = openSession(c.env.DB, start);
  const logged = c.env.SANAD_SQL_LOG === "1" && c.req.header("x-sanad-sql-log") === "1";
  c.set("db", createDb(logged ? loggingD1(session.client) : session.client));
  await next();

  const bookmark = session.bookmark();
  if (!bookmark) return;
  c.header(BOOKMARK_HEADER, bookmark);
  // The cookie follows a write by someone signed in with a browser session, or one that signs in (so the
  // next page shows the write, and finds the new session row), and is kept current for a browser that
  // already has one. Nobody else gets it: anonymous readers and writers (sign-up, anonymous feedback, the
  // eligibility check, which promises to set no cookie) are not marked, and their next page shows nothing
  // they wrote. API clients use the header. A response that shared caches may store does not refresh it.
  const browser = c.get("authKind") === "session" || startsSession(c.res);
  const shared = /\bpublic\b/i.test(c.res.headers.get("cache-control") ?? "");
  if ((session.wrote() && browser) || (cookie && cookie !== bookmark && !shared))
    setCookie(c, BOOKMARK_COOKIE, bookmark, {
      path: "/",
      httpOnly: true,
      sameSite: "Lax",
      secure: !isLocalDev(c),
      maxAge: BOOKMARK_MAX_AGE_S,
    });
});

/** Whether the response signs someone in (sets a non-empty session cookie). */
const startsSession = (res: Response) =>
  res.headers
    .getSetCookie()
    .some((h) => h.startsWith(`${SESSION_COOKIE}=`) && !h.startsWith(`${SESSION_COOKIE}=;`));
