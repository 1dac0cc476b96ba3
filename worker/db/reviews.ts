// Participatory review in the database: panel invitations and panelists, the applications and people a
// review is assigned over, opening review once (compare-and-set), assignments, scores and conflicts.
import { and, asc, eq, inArray, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import {
  applications,
  callPanelists,
  calls,
  invitations,
  memberships,
  reviewAssignments,
} from "../../schema";
import { normaliseEmail } from "../domain/permissions";
import type { Db } from "./client";
import { nowIso } from "./client";
import { invitationExpiry, pendingAt } from "./orgs";

type Statement = BatchItem<"sqlite">;

/** The call's row with the review columns (the API's Call hides the salt). */
export const findReviewCall = (db: Db, id: string) => db.select().from(calls).where(eq(calls.id, id)).get();
export type ReviewCallRow = NonNullable<Awaited<ReturnType<typeof findReviewCall>>>;

/** A pending panel invitation of this address to this call, if any (a second invite adds nothing). */
export const pendingPanelInvitation = (db: Db, callId: string, email: string, now = nowIso()) =>
  db
    .select({ id: invitations.id })
    .from(invitations)
    .where(
      and(
        eq(invitations.kind, "panel"),
        eq(invitations.callId, callId),
        eq(invitations.email, normaliseEmail(email)),
        pendingAt(now),
      ),
    )
    .get();

export const insertPanelInvitation = (
  db: Db,
  inv: { id: string; orgId: string; callId: string; email: string; invitedBy: string },
) => {
  const now = nowIso();
  return db.insert(invitations).values({
    ...inv,
    email: normaliseEmail(inv.email),
    kind: "panel",
    role: "member",
    createdAt: now,
    expiresAt: invitationExpiry(now),
  });
};

/** Applications that go to review: submitted and not yet decided. */
export const reviewableApplications = (db: Db, callId: string) =>
  db
    .select({ id: applications.id, orgId: applications.orgId, createdBy: applications.createdBy })
    .from(applications)
    .where(and(eq(applications.callId, callId), inArray(applications.status, ["submitted", "under_review"])))
    .orderBy(asc(applications.id))
    .all();

/** Applications that already have assignments in the call (whatever their status since). */
export const assignedApplications = (db: Db, callId: string) =>
  db
    .select({ id: applications.id, orgId: applications.orgId, createdBy: applications.createdBy })
    .from(applications)
    .where(
      sql`${applications.id} IN (SELECT ${reviewAssignments.applicationId} FROM ${reviewAssignments} WHERE ${reviewAssignments.callId} = ${callId})`,
    )
    .orderBy(asc(applications.id))
    .all();

/** Memberships of these organisations (ids passed as one JSON parameter: D1 limits bound parameters). */
export const membershipsOfOrgs = (db: Db, orgIds: string[]) =>
  orgIds.length === 0
    ? Promise.resolve([])
    : db
        .select({ orgId: memberships.orgId, userId: memberships.userId, role: memberships.role })
        .from(memberships)
        .where(sql`${memberships.orgId} IN (SELECT value FROM json_each(${JSON.stringify(orgIds)}))`)
        .all();

/** Memberships of these people. */
export const membershipsOfUsers = (db: Db, userIds: string[]) =>
  userIds.length === 0
    ? Promise.resolve([])
    : db
        .select({ orgId: memberships.orgId, userId: memberships.userId })
        .from(memberships)
        .where(sql`${memberships.userId} IN (SELECT value FROM json_each(${JSON.stringify(userIds)}))`)
        .all();

export const panelistIds = async (db: Db, callId: string) =>
  (
    await db
      .select({ userId: callPanelists.userId })
      .from(callPanelists)
      .where(eq(callPanelists.callId, callId))
      .all()
  ).map((r) => r.userId);

/** Every assignment of the call as (reviewer, application, status) — conflicts included. */
export const assignmentPairs = (db: Db, callId: string) =>
  db
    .select({
      reviewerId: reviewAssignments.reviewerId,
      applicationId: reviewAssignments.applicationId,
      status: reviewAssignments.status,
    })
    .from(reviewAssignments)
    .where(eq(reviewAssignments.callId, callId))
    .all();

export type NewAssignment = {
  id: string;
  applicationId: string;
  reviewerId: string;
  reviewerOrgId: string | null;
};

/** The rows as one JSON parameter, inserted only when `condition` holds as the batch runs. */
const insertAssignmentsIf = (db: Db, callId: string, rows: NewAssignment[], at: string, condition: SQL) =>
  db
    .insert(reviewAssignments)
    .select(
      sql`SELECT json_extract(value, '$.id'), ${callId}, json_extract(value, '$.applicationId'), json_extract(value, '$.reviewerId'), json_extract(value, '$.reviewerOrgId'), 'assigned', NULL, NULL, ${at}, NULL FROM json_each(${JSON.stringify(rows)}) WHERE ${condition}`,
    )
    .onConflictDoNothing();

/**
 * Opens review once: the call's `review_opened_at` is set only while still NULL, and the salt and the
 * assignments are written in the same batch, conditioned on this call's salt being the one stored — so
 * of two closings racing (the funder and the cron), one opens and the other changes nothing.
 */
export const openReviewOnce = async (
  db: Db,
  callId: string,
  salt: string,
  rows: NewAssignment[],
  extra: (won: SQL) => Statement[],
) => {
  const at = nowIso();
  const won = sql`EXISTS (SELECT 1 FROM ${calls} WHERE ${calls.id} = ${callId} AND ${calls.reviewSalt} = ${salt})`;
  const [opened] = await db.batch([
    db
      .update(calls)
      .set({ reviewOpenedAt: at, reviewSalt: salt })
      .where(and(eq(calls.id, callId), isNull(calls.reviewOpenedAt)))
      .returning({ id: calls.id }),
    insertAssignmentsIf(db, callId, rows, at, won),
    ...extra(won),
  ]);
  return opened.length > 0;
};

/** Calls past their deadline or closed, reviewed by a panel or peers, whose review has not opened. */
export const callsAwaitingReview = async (db: Db, now: Date) =>
  (
    await db
      .select({ id: calls.id })
      .from(calls)
      .where(
        and(
          inArray(calls.reviewMode, ["panel", "peer"]),
          isNull(calls.reviewOpenedAt),
          isNotNull(calls.publishedAt),
          sql`(${calls.status} = 'closed' OR (${calls.status} = 'open' AND ${calls.deadline} <= ${now.toISOString()}))`,
        ),
      )
      .all()
  ).map((r) => r.id);

const assignmentColumns = {
  id: reviewAssignments.id,
  status: reviewAssignments.status,
  score: reviewAssignments.score,
  comment: reviewAssignments.comment,
  reviewerId: reviewAssignments.reviewerId,
  createdAt: reviewAssignments.createdAt,
  call: {
    id: calls.id,
    title: calls.title,
    questions: calls.questions,
    reviewSalt: calls.reviewSalt,
    tallyPublishedAt: calls.tallyPublishedAt,
    reviewMode: calls.reviewMode,
  },
  app: {
    id: applications.id,
    answers: applications.answers,
    requestedAmount: applications.requestedAmount,
    requestedCurrency: applications.requestedCurrency,
    snapshot: applications.snapshot,
    submittedAt: applications.submittedAt,
  },
};

const assignmentsQuery = (db: Db) =>
  db
    .select(assignmentColumns)
    .from(reviewAssignments)
    .innerJoin(calls, eq(calls.id, reviewAssignments.callId))
    .innerJoin(applications, eq(applications.id, reviewAssignments.applicationId));

/** The reviewer's queue: work to do first, then scored, then handed back; oldest first within each. */
export const assignmentsOf = (db: Db, reviewerId: string) =>
  assignmentsQuery(db)
    .where(eq(reviewAssignments.reviewerId, reviewerId))
    .orderBy(
      sql`CASE ${reviewAssignments.status} WHEN 'assigned' THEN 0 WHEN 'done' THEN 1 ELSE 2 END`,
      asc(reviewAssignments.createdAt),
      asc(reviewAssignments.id),
    )
    .all();

export const anyAssignmentOf = async (db: Db, reviewerId: string) =>
  !!(await db
    .select({ id: reviewAssignments.id })
    .from(reviewAssignments)
    .where(eq(reviewAssignments.reviewerId, reviewerId))
    .limit(1)
    .get());

/** Has this person been assigned any application of the call (scored, waiting or handed back)? */
export const isReviewerOf = async (db: Db, callId: string, reviewerId: string) =>
  !!(await db
    .select({ id: reviewAssignments.id })
    .from(reviewAssignments)
    .where(and(eq(reviewAssignments.callId, callId), eq(reviewAssignments.reviewerId, reviewerId)))
    .limit(1)
    .get());

export const findAssignment = (db: Db, id: string) =>
  assignmentsQuery(db).where(eq(reviewAssignments.id, id)).get();
export type AssignmentRow = NonNullable<Awaited<ReturnType<typeof findAssignment>>>;

/** Open to scoring: the reviewer's own row, not handed back, and the call's tally not yet published. */
const scorable = (id: string, reviewerId: string) =>
  and(
    eq(reviewAssignments.id, id),
    eq(reviewAssignments.reviewerId, reviewerId),
    inArray(reviewAssignments.status, ["assigned", "done"]),
    sql`NOT EXISTS (SELECT 1 FROM ${calls} WHERE ${calls.id} = ${reviewAssignments.callId} AND ${calls.tallyPublishedAt} IS NOT NULL)`,
  );

/** Writes (or replaces) the score; false when the row is no longer scorable. */
export const writeScore = async (
  db: Db,
  id: string,
  reviewerId: string,
  score: number,
  comment: string | null,
) => {
  const rows = await db
    .update(reviewAssignments)
    .set({ status: "done", score, comment, reviewedAt: nowIso() })
    .where(scorable(id, reviewerId))
    .returning({ id: reviewAssignments.id });
  return rows.length > 0;
};

/**
 * Hands the row back as a conflict (its score dropped) and, in the same batch, adds the replacement —
 * only if this request's stamp is the one written, so a repeated or late request adds nobody.
 */
export const declareConflict = async (
  db: Db,
  id: string,
  reviewerId: string,
  callId: string,
  replacement: NewAssignment | null,
  extra: (won: SQL) => Statement[],
) => {
  const at = nowIso();
  const won = sql`EXISTS (SELECT 1 FROM ${reviewAssignments} WHERE ${reviewAssignments.id} = ${id} AND ${reviewAssignments.status} = 'conflict' AND ${reviewAssignments.reviewedAt} = ${at})`;
  const [changed] = await db.batch([
    db
      .update(reviewAssignments)
      .set({ status: "conflict", score: null, comment: null, reviewedAt: at })
      .where(scorable(id, reviewerId))
      .returning({ id: reviewAssignments.id }),
    ...(replacement ? [insertAssignmentsIf(db, callId, [replacement], at, won)] : []),
    ...extra(won),
  ]);
  return changed.length > 0;
};

/** How far the call's review has got, as counts per status. */
export const progressOf = async (db: Db, callId: string) => {
  const rows = await db
    .select({ status: reviewAssignments.status, n: sql<number>`count(*)` })
    .from(reviewAssignments)
    .where(eq(reviewAssignments.callId, callId))
    .groupBy(reviewAssignments.status)
    .all();
  const count = (s: string) => rows.find((r) => r.status === s)?.n ?? 0;
  return { assigned: count("assigned") + count("done"), done: count("done"), conflicts: count("conflict") };
};
