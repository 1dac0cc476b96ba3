// Anonymous ratings of funders by the groups that applied to them. The row is keyed by a keyed hash of
// (funder, rating organisation): one rating per group, replaced when the group rates again, and neither
// the group nor the person is stored (nor audited). Published only in aggregate over at least k groups.
import type { Db } from "../db/client";
import { findOrg } from "../db/orgs";
import { orgsThatApplied, ratingsOf, upsertRating } from "../db/funder-ratings";
import { keyedHashHex } from "../security/keyed-hash";
import { canRateFunder, canViewOrg, type Viewer } from "../domain/permissions";
import { dayOf, summariseRatings } from "../domain/ratings";
import { Problem } from "../core/problem";
import { authorize, enforce } from "../core/authorize";
import type { Translate } from "../i18n";

export type RatingRequest = {
  orgId: string;
  easeOfApplying: number;
  respect: number;
  speed: number;
  comment?: string | null;
};

/** Separates these keys from any other use of the same secret. */
const RATER_KEY_PURPOSE = "funder-rating";

/** The funder as the viewer may see it; any other id (a group, a hidden funder, nothing) is 404. */
const visibleFunder = async (db: Db, viewer: Viewer | null, id: string) => {
  const funder = await findOrg(db, id);
  if (!funder || funder.kind !== "funder") throw new Problem(404);
  enforce(canViewOrg(viewer, funder));
  return funder;
};

/** `key`: about the organisation named in the request, or about all of the viewer's. */
const notApplicant = (t: Translate, key: "err.rating_not_applicant" | "err.rating_none_applied") => {
  const message = t(key);
  return new Problem(403, message, [{ path: "orgId", message }]);
};

/** Which of the viewer's organisations applied to this funder, and so may rate it. */
export const orgsThatMayRate = (db: Db, viewer: Viewer | null, funderId: string) =>
  viewer
    ? orgsThatApplied(
        db,
        funderId,
        viewer.memberships.map((m) => m.orgId),
      )
    : Promise.resolve([]);

/** The rating form's funder and organisations: 401/404 as for the funder, 403 saying why if none applied. */
export const ratingFormFor = async (db: Db, t: Translate, viewer: Viewer | null, funderId: string) => {
  const funder = await visibleFunder(db, viewer, funderId);
  if (!viewer) throw new Problem(401);
  const orgIds = await orgsThatMayRate(db, viewer, funder.id);
  if (!orgIds.length) throw notApplicant(t, "err.rating_none_applied");
  return { funder, orgIds };
};

/** `secret`: the deployment's PASSWORD_PEPPER; a copy of the database alone cannot tell which group rated. */
export const rateFunder = async (
  db: Db,
  t: Translate,
  viewer: Viewer | null,
  funderId: string,
  r: RatingRequest,
  secret: string,
) => {
  const funder = await findOrg(db, funderId);
  if (!funder || funder.kind !== "funder") throw new Problem(404);
  const decision = canRateFunder(viewer, funder, r.orgId);
  if (!decision.ok && decision.reason === "not_member") {
    const message = t("err.rating_not_member");
    throw new Problem(403, message, [{ path: "orgId", message }]);
  }
  authorize(viewer, decision, t);
  if (!(await orgsThatApplied(db, funder.id, [r.orgId])).length)
    throw notApplicant(t, "err.rating_not_applicant");
  const rating = {
    funderOrgId: funder.id,
    easeOfApplying: r.easeOfApplying,
    respect: r.respect,
    speed: r.speed,
    comment: r.comment || null,
  };
  const { replaced } = await upsertRating(db, {
    ...rating,
    raterKey: await keyedHashHex(secret, RATER_KEY_PURPOSE, `${funder.id}:${r.orgId}`),
    day: dayOf(new Date()),
  });
  return { ...rating, replaced };
};

/** The published aggregate of a funder already read and shown to this viewer (its page). */
export const ratingsOfFunder = async (db: Db, funderId: string, k: number) => ({
  funderOrgId: funderId,
  ...summariseRatings(await ratingsOf(db, funderId), k),
});

/** The published aggregate, for anyone who may see the funder. */
export const funderRatings = async (db: Db, viewer: Viewer | null, funderId: string, k: number) =>
  ratingsOfFunder(db, (await visibleFunder(db, viewer, funderId)).id, k);
