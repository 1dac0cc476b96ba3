// Anonymous community feedback to a funded group: anyone who may see the group sends it, its owners read
// it. Nothing about the sender is stored or audited: not the account (even when signed in), not the
// address (the rate limit counts it in Cloudflare's memory only), not the device, not the time of day.
import type { Db } from "../db/client";
import { findOrg } from "../db/orgs";
import { feedbackOf, insertFeedback, isFunded } from "../db/feedback";
import { newId } from "../security/random";
import { canReadFeedback, canViewOrg, type Viewer } from "../domain/permissions";
import { dayOf } from "../domain/ratings";
import { Problem } from "../core/problem";
import { authorize, enforce } from "../core/authorize";
import type { Translate } from "../i18n";

/**
 * The group feedback may be sent to: one the viewer may see (404 otherwise, as its page answers) that has
 * been funded (422: whether a visible group was funded is on its public ledger anyway).
 */
export const feedbackTarget = async (db: Db, t: Translate, viewer: Viewer | null, orgId: string) => {
  const org = await findOrg(db, orgId);
  if (!org) throw new Problem(404);
  enforce(canViewOrg(viewer, org));
  if (!(await isFunded(db, org.id))) {
    const message = t("err.feedback_not_funded");
    throw new Problem(422, message, [{ path: "id", message }]);
  }
  return org;
};

/** `text` arrives validated and cleaned (schema/api/feedback.ts). The viewer decides visibility, nothing else. */
export const sendFeedback = async (
  db: Db,
  t: Translate,
  viewer: Viewer | null,
  orgId: string,
  text: string,
) => {
  const org = await feedbackTarget(db, t, viewer, orgId);
  await insertFeedback(db, { id: newId(), orgId: org.id, text, day: dayOf(new Date()) });
  return org;
};

/** The group's feedback, newest first, for its owners. */
export const readFeedback = async (db: Db, t: Translate, viewer: Viewer | null, orgId: string) => {
  const org = await findOrg(db, orgId);
  if (!org) throw new Problem(viewer ? 404 : 401);
  authorize(viewer, canReadFeedback(viewer, org), t);
  return { org, items: await feedbackOf(db, org.id) };
};
