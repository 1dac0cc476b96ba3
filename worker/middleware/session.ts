// Identifies the caller from the session cookie or a bearer token, and manages the session cookie.
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { getCookie, setCookie, deleteCookie } from "hono/cookie";
import type { AppEnv } from "../env";
import { sha256Hex, randomSecret, newId } from "../security/random";
import { resolveSession, createSession, deleteSession, SESSION_ABSOLUTE_MS } from "../db/sessions";
import { findTokenUser } from "../db/tokens";
import { loadViewer } from "../db/users";
import { Problem } from "../core/problem";

export const SESSION_COOKIE = "sanad_session";

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);
/** Cookies are Secure everywhere except plain-http local development. */
export const isLocalDev = (c: Context<AppEnv>) =>
  c.env.SANAD_ENV !== "production" && LOCAL_HOSTS.has(new URL(c.req.url).hostname);

export const sessionMiddleware = createMiddleware<AppEnv>(async (c, next) => {
  c.set("viewer", null);
  c.set("authKind", null);
  c.set("sessionIdHash", null);
  const db = c.get("db");
  const auth = c.req.header("authorization");
  if (auth) {
    const token = /^Bearer\s+(\S+)$/i.exec(auth)?.[1];
    const userId = token ? await findTokenUser(db, await sha256Hex(token)) : null;
    // A wrong token is an error, not anonymity: a script should learn at once that its token is bad.
    if (!userId)
      throw new Problem(401, "Invalid or revoked API token.", undefined, undefined, {
        "WWW-Authenticate": "Bearer",
      });
    c.set("viewer", await loadViewer(db, userId));
    c.set("authKind", "token");
    return next();
  }
  const secret = getCookie(c, SESSION_COOKIE);
  if (secret) {
    const idHash = await sha256Hex(secret);
    const userId = await resolveSession(db, idHash);
    if (userId) {
      c.set("viewer", await loadViewer(db, userId));
      c.set("authKind", "session");
      c.set("sessionIdHash", idHash);
    } else {
      deleteCookie(c, SESSION_COOKIE, { path: "/" });
    }
  }
  await next();
});

/** Starts a brand-new session (a fresh random id at every login, so a planted id is useless). */
export const startSession = async (c: Context<AppEnv>, userId: string) => {
  const previous = c.get("sessionIdHash");
  if (previous) await deleteSession(c.get("db"), previous);
  const secret = randomSecret(32);
  await createSession(c.get("db"), await sha256Hex(secret), userId, {
    publicId: newId(),
    userAgent: c.req.header("user-agent") ?? null,
  });
  setCookie(c, SESSION_COOKIE, secret, {
    path: "/",
    httpOnly: true,
    sameSite: "Lax",
    secure: !isLocalDev(c),
    maxAge: Math.floor(SESSION_ABSOLUTE_MS / 1000),
  });
};

/**
 * Signing out also tells the browser to clear what Sanad stored on the device (offline draft answers in
 * localStorage): on a shared phone the next person must not find them. `Clear-Site-Data` does it without
 * any script; the page's island does the same for browsers that ignore the header.
 */
export const endSession = async (c: Context<AppEnv>) => {
  const idHash = c.get("sessionIdHash");
  if (idHash) await deleteSession(c.get("db"), idHash);
  deleteCookie(c, SESSION_COOKIE, { path: "/", secure: !isLocalDev(c) });
  c.header("Clear-Site-Data", '"storage"');
};
