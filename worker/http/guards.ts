// Turning permission decisions into responses: the handlers call these after parsing.
import type { Context } from "hono";
import type { AppEnv } from "../env";
import { needsSecondFactor, allowedBeforeSecondFactor, type Viewer } from "../domain/permissions";
import { Problem } from "../core/problem";

/**
 * An admin or analyst without two-step sign-in in production (needsSecondFactor) is refused everywhere
 * but the few paths that turn it on: 403 with a sentence saying what to do (on pages the sentence is
 * shown as the error page's text, which reads the problem's `errors`).
 */
const secondFactorGate = (c: Context<AppEnv>, v: Viewer) => {
  const path = c.req.path;
  if (!needsSecondFactor(v, c.env) || allowedBeforeSecondFactor(path)) return;
  const message = c.get("t")("err.two_factor_required");
  throw new Problem(403, message, path.startsWith("/api/") ? undefined : [{ path: "twoFactor", message }]);
};

export const requireViewer = (c: Context<AppEnv>): Viewer => {
  const v = c.get("viewer");
  if (!v) throw new Problem(401);
  secondFactorGate(c, v);
  return v;
};

/**
 * The viewer or null (anonymous), for routes anyone may call but whose answer depends on who asks
 * (a hidden group for its members and admins). Goes through the same second-factor gate as requireViewer:
 * an admin's session without it must not read what an admin reads.
 */
export const viewerOf = (c: Context<AppEnv>): Viewer | null => {
  const v = c.get("viewer");
  if (v) secondFactorGate(c, v);
  return v;
};
