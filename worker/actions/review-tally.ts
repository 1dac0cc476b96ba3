// The review tally of a panel or peer call: who may read it and when, publishing it (which ends review),
// and the rule at decision time that a decision departing from it must say why.
import type { Db } from "../db/client";
import { findCall, type Call } from "../db/calls";
import { tallyInputs, markTallyPublished } from "../db/review-tally";
import { isReviewerOf } from "../db/reviews";
import { auditInsertIf } from "../db/audit";
import { nowIso } from "../db/client";
import { canManageCall, canViewCall, membershipIn, type Viewer } from "../domain/permissions";
import { tallyReviews, TALLY_METHOD } from "../domain/review-tally";
import { departedWhenTaken, departingIds, wouldDepart, type RankedDecision } from "../domain/tally-departure";
import { reviewRefs } from "../domain/anonymise";
import { Problem } from "../core/problem";
import { authorize, enforce } from "../core/authorize";
import type { Translate } from "../i18n";
import type { Decision } from "../../schema/enums";
import type { TallyItemView, TallyView } from "../../schema/api/tally";

const hasTally = (call: Call) => call.review.mode !== "funder";

/** Two decimals, -0 printed as 0. */
const round2 = (x: number) => Math.round(x * 100) / 100 + 0;

/** Every candidate ranked, with its decision and (internally) its id. */
const computeTally = async (db: Db, call: Call) => {
  const { candidates, reviews, salt } = await tallyInputs(db, call.id);
  const tally = tallyReviews(
    candidates.map((c) => c.id),
    reviews,
  );
  // The brief's meanScore has 2 decimals; tallyReviews keeps 1 (its own tests pin that), so the plain mean
  // is taken here from the same raw scores.
  const raw = new Map<string, number[]>();
  for (const r of reviews) raw.set(r.applicationId, [...(raw.get(r.applicationId) ?? []), r.score]);
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const ranked: (RankedDecision & { note: string | null; decidedAt: string | null })[] = tally.items.map(
    (i) => ({
      applicationId: i.applicationId,
      rank: i.rank,
      decision: byId.get(i.applicationId)?.decision ?? null,
      note: byId.get(i.applicationId)?.note ?? null,
      decidedAt: byId.get(i.applicationId)?.decidedAt ?? null,
    }),
  );
  const departing = departingIds(ranked);
  // Only notes that were asked for as departures are published: a decision that fell in line when taken
  // kept its note between the funder and the applicant.
  const published = departedWhenTaken(ranked);
  return {
    salt,
    ranked,
    rows: tally.items.map((i, n) => {
      const scores = raw.get(i.applicationId) ?? [];
      return {
        applicationId: i.applicationId,
        reviews: i.reviews,
        meanScore: scores.length ? round2(scores.reduce((s, x) => s + x, 0) / scores.length) : null,
        standardisedScore: i.standardised,
        rank: i.rank,
        decision: ranked[n]!.decision,
        departs: departing.has(i.applicationId),
        note: published.has(i.applicationId) ? ranked[n]!.note : null,
      };
    }),
  };
};

/** The call when this viewer may read its tally now; 404 for anyone who may not know it exists. */
const readableCall = async (db: Db, t: Translate, viewer: Viewer | null, callId: string) => {
  const call = await findCall(db, callId);
  if (!call) throw new Problem(404);
  enforce(canViewCall(viewer, call));
  if (!hasTally(call)) throw new Problem(404);
  if (call.review.tallyPublishedAt) {
    // A confidential call's tally is published to those who took part (its funder and its reviewers),
    // not to the world: how many asked and how they fared is itself something the call keeps quiet.
    if (!call.confidential || canManageCall(viewer, call).ok) return call;
    if (viewer && (await isReviewerOf(db, call.id, viewer.userId))) return call;
    throw new Problem(404);
  }
  // Before publication the tally is the funder's working document: nobody else learns it exists.
  if (!canManageCall(viewer, call).ok) throw new Problem(404);
  // The funder knows its call has a panel: tell it why there is nothing yet.
  if (!call.review.openedAt)
    throw new Problem(409, t("tally.err_not_open"), [{ path: "review", message: t("tally.err_not_open") }]);
  return call;
};

const tallyAnswer = async (db: Db, viewer: Viewer | null, call: Call) => {
  const { salt, rows } = await computeTally(db, call);
  // Written when review opens; a call opened without one cannot give refs anyone could link back.
  const key = salt ?? `${call.id}:${crypto.randomUUID()}`;
  // Only the funder's own members open applications from here: admins and the public get refs alone.
  const withIds = !!membershipIn(viewer, call.funderOrgId);
  const refs = await reviewRefs(
    rows.map((r) => r.applicationId),
    key,
  );
  const items: TallyItemView[] = rows.map(({ applicationId, ...row }, i) => ({
    application: refs[i]!,
    ...(withIds ? { applicationId } : {}),
    ...row,
  }));
  const tally: TallyView = { method: TALLY_METHOD, publishedAt: call.review.tallyPublishedAt, items };
  return {
    call,
    tally,
    canPublish: !call.review.tallyPublishedAt && canManageCall(viewer, call).ok,
  };
};

export const viewTally = async (db: Db, t: Translate, viewer: Viewer | null, callId: string) =>
  tallyAnswer(db, viewer, await readableCall(db, t, viewer, callId));

/** Publishes once (a second time is 409 with `publishedAt`): from then on everyone reads it and review is over. */
export const publishTally = async (db: Db, t: Translate, viewer: Viewer | null, callId: string) => {
  const call = await findCall(db, callId);
  if (!call) throw new Problem(404);
  authorize(viewer, canManageCall(viewer, call));
  if (!hasTally(call))
    throw new Problem(422, t("tally.err_no_review"), [{ path: "review", message: t("tally.err_no_review") }]);
  if (!call.review.openedAt)
    throw new Problem(409, t("tally.err_not_open"), [{ path: "review", message: t("tally.err_not_open") }]);
  const alreadyPublished = (at: string | null) =>
    new Problem(409, t("tally.err_published"), [{ path: "review", message: t("tally.err_published") }], {
      publishedAt: at,
    });
  if (call.review.tallyPublishedAt) throw alreadyPublished(call.review.tallyPublishedAt);
  const at = nowIso();
  const won = await markTallyPublished(db, call.id, at, (cond) => [
    auditInsertIf(
      db,
      {
        actorUserId: viewer.userId,
        action: "call.tally_published",
        subjectType: "call",
        subjectId: call.id,
        data: { reviewMode: call.review.mode },
      },
      cond,
    ),
  ]);
  const fresh = (await findCall(db, call.id))!;
  if (!won) throw alreadyPublished(fresh.review.tallyPublishedAt);
  return tallyAnswer(db, viewer, fresh);
};

/**
 * At decision time on a panel or peer call whose review has opened: a decision that would depart from
 * the ranking (given the decisions already taken) needs a note, which the tally publishes.
 */
export const requireDepartureNote = async (
  db: Db,
  t: Translate,
  call: Call,
  applicationId: string,
  decision: Decision,
  note: string | undefined,
) => {
  if (!hasTally(call) || !call.review.openedAt || note?.trim()) return;
  const { ranked } = await computeTally(db, call);
  if (!wouldDepart(ranked, applicationId, decision)) return;
  const message = t("tally.err_note_required");
  throw new Problem(422, message, [{ path: "note", message }]);
};

/** For the funder's decision form: where the panel ranks this application (null without a tally yet). */
export const tallyLineFor = async (db: Db, viewer: Viewer | null, call: Call, applicationId: string) => {
  if (!hasTally(call) || !call.review.openedAt || !membershipIn(viewer, call.funderOrgId)) return null;
  const { rows } = await computeTally(db, call);
  const row = rows.find((r) => r.applicationId === applicationId);
  return row ? { rank: row.rank, of: rows.length, meanScore: row.meanScore, reviews: row.reviews } : null;
};
