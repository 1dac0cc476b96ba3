// Turning permission decisions into responses: the handlers call these after parsing.
import type { Context } from "hono";
import type { AppEnv } from "../env";
import type { Decision, Viewer } from "../domain/permissions";
import { Problem } from "./problem";
import type { MessageKey, Translate } from "../i18n";

export const requireViewer = (c: Context<AppEnv>): Viewer => {
  const v = c.get("viewer");
  if (!v) throw new Problem(401);
  return v;
};

/** Refusals a person can act on get a sentence saying why; the rest keep the bare status (nothing to learn). */
const EXPLAINED: Partial<Record<string, MessageKey>> = {
  funder_not_verified: "err.funder_not_verified",
  not_owner: "err.owners_only",
};

export const enforce = (d: Decision, t?: Translate) => {
  if (d.ok) return;
  const key = d.status === 403 ? EXPLAINED[d.reason] : undefined;
  throw new Problem(d.status, key && t ? t(key) : undefined);
};
