// Turning permission decisions into responses: the handlers call these after parsing.
import type { Context } from "hono";
import type { AppEnv } from "../env";
import type { Decision, Viewer } from "../domain/permissions";
import { Problem } from "./problem";

export const requireViewer = (c: Context<AppEnv>): Viewer => {
  const v = c.get("viewer");
  if (!v) throw new Problem(401);
  return v;
};

export const enforce = (d: Decision) => {
  if (!d.ok) throw new Problem(d.status);
};
