// Permission decisions (worker/domain/permissions.ts) turned into refusals, for actions and HTTP alike.
import type { Decision, Viewer } from "../domain/permissions";
import type { MessageKey, Translate } from "../i18n";
import { Problem } from "./problem";

/** Refusals a person can act on get a sentence saying why; the rest keep the bare status (nothing to learn). */
const EXPLAINED: Partial<Record<string, MessageKey>> = {
  funder_not_verified: "err.funder_not_verified",
  not_owner: "err.owners_only",
};

/** Throws the decision's refusal; returns when it allows. */
export const enforce = (d: Decision, t?: Translate) => {
  if (d.ok) return;
  const key = d.status === 403 ? EXPLAINED[d.reason] : undefined;
  throw new Problem(d.status, key && t ? t(key) : undefined);
};

/**
 * enforce() for decisions only a signed-in person can pass: afterwards the viewer is known to be someone,
 * so the action can record who acted without `viewer!`. The decision's own refusal comes first, so an
 * anonymous caller still gets the status the decision chose (404 for what they may not know exists).
 */
export function authorize(viewer: Viewer | null, d: Decision, t?: Translate): asserts viewer is Viewer {
  enforce(d, t);
  if (!viewer) throw new Problem(401);
}
