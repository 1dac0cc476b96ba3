// Participatory review use cases shared by the API and the pages: a funder invites panelists; a reviewer
// reads their queue of anonymised applications, scores one, or declares a conflict (which reassigns it);
// the funder sees counts of the review's progress.
import type { Db } from "../db/client";
import { findCall, type Question } from "../db/calls";
import { loadFxTable } from "../db/fx";
import { auditInsert, auditInsertIf } from "../db/audit";
import {
  anyAssignmentOf,
  assignedApplications,
  assignmentPairs,
  assignmentsOf,
  declareConflict,
  findAssignment,
  findReviewCall,
  insertPanelInvitation,
  pendingPanelInvitation,
  progressOf,
  writeScore,
  type AssignmentRow,
} from "../db/reviews";
import { inviteeOf, sendLinkMail } from "./account-mail";
import { assignmentInput, assignmentRows } from "./review-opening";
import { newId } from "../security/random";
import { canActForCallFunder, canReviewAssignment, type Viewer } from "../domain/permissions";
import { anonymisedApplication } from "../domain/anonymise";
import { reassignAfterConflict } from "../domain/review-assignment";
import { toMask } from "../domain/bitmask";
import { toUsdCents, type FxTable } from "../domain/fx";
import type { Money } from "../domain/money";
import { Problem } from "../core/problem";
import { authorize, enforce } from "../core/authorize";
import type { Mailer } from "../mail/compose";
import type { Translate } from "../i18n";
import { LED_BY, SETTINGS, type LedBy, type Setting } from "../../schema/enums";
import type { ReviewItemView, ReviewProgress, ReviewScoreBody } from "../../schema/api/reviews";

/**
 * The answer is the same for every address (with an account or not, already invited or not), so the
 * funder learns nothing about who uses Sanad. A pending invitation is not repeated, and mails nobody.
 */
export const invitePanelist = async (
  db: Db,
  t: Translate,
  viewer: Viewer | null,
  callId: string,
  email: string,
  mailer: Mailer,
) => {
  const call = await findCall(db, callId);
  if (!call) throw new Problem(404);
  authorize(viewer, canActForCallFunder(viewer, call), t);
  if (call.review.mode !== "panel")
    throw new Problem(422, t("review.err_not_panel"), [
      { path: "email", message: t("review.err_not_panel") },
    ]);
  if (await pendingPanelInvitation(db, call.id, email)) return { status: "invited" as const };
  const recipient = await inviteeOf(db, email, viewer.locale);
  await sendLinkMail(
    db,
    mailer,
    recipient,
    "panel_invitation",
    [
      insertPanelInvitation(db, {
        id: newId(),
        orgId: call.funderOrgId,
        callId: call.id,
        email,
        invitedBy: viewer.userId,
      }),
      auditInsert(db, {
        actorUserId: viewer.userId,
        action: "panel.invited",
        subjectType: "call",
        subjectId: call.id,
      }),
    ],
    new Date(),
    call.funderOrgId,
  );
  return { status: "invited" as const };
};

/** The profile as submitted: only the coarse facts are read from it, checked against their enums. */
type Snapshot = { country?: unknown; setting?: unknown; ledBy?: unknown; annualBudget?: Money | null };

const coarseFacts = (snapshot: string | null, fx: FxTable, date: string) => {
  const s = (snapshot ? JSON.parse(snapshot) : {}) as Snapshot;
  const ledBy = Array.isArray(s.ledBy) ? s.ledBy.filter((x): x is LedBy => LED_BY.includes(x)) : [];
  const budget = s.annualBudget;
  return {
    country: typeof s.country === "string" ? s.country : "",
    setting: SETTINGS.includes(s.setting as Setting) ? (s.setting as Setting) : null,
    ledBy: toMask(ledBy, LED_BY),
    budgetUsdCents:
      budget && Number.isInteger(budget.amount) && typeof budget.currency === "string"
        ? toUsdCents(budget, fx, date)
        : null,
  };
};

/** An assignment as its reviewer sees it: nothing about the applicant but the anonymised application. */
const reviewItem = async (row: AssignmentRow, fx: FxTable): Promise<ReviewItemView> => {
  const questions = JSON.parse(row.call.questions) as Question[];
  const date = (row.app.submittedAt ?? new Date().toISOString()).slice(0, 10);
  return {
    id: row.id,
    status: row.status,
    score: row.score,
    comment: row.comment,
    call: {
      id: row.call.id,
      title: row.call.title,
      questions: questions.map((q) => ({ id: q.id, label: q.label })),
      tallyPublishedAt: row.call.tallyPublishedAt,
    },
    application: await anonymisedApplication(
      {
        id: row.app.id,
        answers: JSON.parse(row.app.answers) as Record<string, string>,
        requestedAmount: row.app.requestedAmount,
        requestedCurrency: row.app.requestedCurrency,
      },
      coarseFacts(row.app.snapshot, fx, date),
      // Review opened before any assignment row exists, so the salt is always set here.
      { questionIds: questions.map((q) => q.id), refSalt: row.call.reviewSalt ?? "" },
    ),
  };
};

export const myReviews = async (db: Db, viewer: Viewer | null) => {
  if (!viewer) throw new Problem(401);
  const [rows, fx] = await Promise.all([assignmentsOf(db, viewer.userId), loadFxTable(db)]);
  return Promise.all(rows.map((r) => reviewItem(r, fx)));
};

/** Whether the viewer has anything to review (the account page links the queue then). */
export const hasReviews = (db: Db, viewer: Viewer) => anyAssignmentOf(db, viewer.userId);

const ownAssignment = async (db: Db, viewer: Viewer | null, id: string) => {
  const row = (await findAssignment(db, id)) ?? null;
  authorize(viewer, canReviewAssignment(viewer, row));
  return { row: row!, viewer };
};

export const viewReview = async (db: Db, viewer: Viewer | null, id: string) => {
  const { row } = await ownAssignment(db, viewer, id);
  return reviewItem(row, await loadFxTable(db));
};

const closedProblem = (t: Translate) =>
  new Problem(409, t("review.err_closed"), [{ path: "score", message: t("review.err_closed") }]);

/**
 * A score (1–5, replacing an earlier one until the tally is published) or a declared conflict: the row
 * is kept as `conflict` (the pair is never assigned again) and the application goes, in the same batch,
 * to the eligible reviewer with the lightest load.
 */
export const submitReview = async (
  db: Db,
  t: Translate,
  viewerOrNull: Viewer | null,
  id: string,
  body: ReviewScoreBody,
) => {
  const { row, viewer } = await ownAssignment(db, viewerOrNull, id);
  if (row.call.tallyPublishedAt) throw closedProblem(t);
  if (row.status === "conflict")
    throw new Problem(409, t("review.err_conflict_declared"), [
      { path: "conflict", message: t("review.err_conflict_declared") },
    ]);
  let ok: boolean;
  if (body.conflict) {
    const call = (await findReviewCall(db, row.call.id))!;
    const pairs = await assignmentPairs(db, call.id);
    const input = await assignmentInput(
      db,
      call,
      await assignedApplications(db, call.id),
      pairs.filter((p) => p.status === "conflict"),
    );
    const conflict = { reviewerId: viewer.userId, applicationId: row.app.id };
    const { replacement } = reassignAfterConflict(
      input,
      pairs.filter((p) => p.status !== "conflict"),
      conflict,
    );
    const [added] = replacement ? assignmentRows(input, [replacement]) : [];
    ok = await declareConflict(db, row.id, viewer.userId, call.id, added ?? null, (won) => [
      auditInsertIf(
        db,
        {
          actorUserId: viewer.userId,
          action: "review.conflict",
          subjectType: "call",
          subjectId: call.id,
          data: { assignmentId: row.id, reassigned: added ? added.id : null },
        },
        won,
      ),
    ]);
  } else {
    ok = await writeScore(db, row.id, viewer.userId, body.score!, body.comment || null);
  }
  if (!ok) {
    // Lost a race: the tally was published or the row handed back meanwhile.
    const now = (await findAssignment(db, row.id))!;
    throw now.call.tallyPublishedAt ? closedProblem(t) : new Problem(409, t("error.conflict"));
  }
  return viewReview(db, viewer, row.id);
};

/** Counts for the funder's call page; null for anyone else and for calls without a panel or peers. */
export const reviewProgressFor = async (
  db: Db,
  viewer: Viewer | null,
  call: {
    id: string;
    funderOrgId: string;
    status: string;
    review: { mode: string; openedAt: string | null };
  },
): Promise<ReviewProgress | null> => {
  if (call.review.mode === "funder" || !canActForCallFunder(viewer, call).ok) return null;
  if (!call.review.openedAt) return { assigned: 0, done: 0, conflicts: 0, opened: false };
  return { ...(await progressOf(db, call.id)), opened: true };
};

/** The funder's page form: the call, once the viewer may invite to its panel. */
export const panelCall = async (db: Db, t: Translate, viewer: Viewer | null, callId: string) => {
  const call = await findCall(db, callId);
  if (!call) throw new Problem(404);
  enforce(canActForCallFunder(viewer, call), t);
  return call;
};
