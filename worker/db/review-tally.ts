// What the review tally reads (the call's candidates, their decisions, the finished reviews, the call's
// ref salt) and the one write it makes: publishing, once.
import { and, eq, isNotNull, isNull, notInArray, sql, type SQL } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { applications, calls, reviewAssignments } from "../../schema";
import type { Db } from "./client";

/** Drafts never reached review, withdrawn applications left it: neither is ranked. */
const OUT_OF_REVIEW = ["draft", "withdrawn"] as const;

export const tallyInputs = async (db: Db, callId: string) => {
  const [candidates, reviews, salt] = await Promise.all([
    db
      .select({
        id: applications.id,
        decision: applications.decision,
        note: applications.decisionNote,
        decidedAt: applications.decidedAt,
      })
      .from(applications)
      .where(and(eq(applications.callId, callId), notInArray(applications.status, [...OUT_OF_REVIEW])))
      .all(),
    db
      .select({
        reviewerId: reviewAssignments.reviewerId,
        applicationId: reviewAssignments.applicationId,
        score: reviewAssignments.score,
      })
      .from(reviewAssignments)
      .innerJoin(applications, eq(applications.id, reviewAssignments.applicationId))
      .where(
        and(
          eq(reviewAssignments.callId, callId),
          eq(reviewAssignments.status, "done"),
          isNotNull(reviewAssignments.score),
          notInArray(applications.status, [...OUT_OF_REVIEW]),
        ),
      )
      // A stable order: the tally must not depend on how the database happens to return rows.
      .orderBy(reviewAssignments.id)
      .all(),
    db.select({ salt: calls.reviewSalt }).from(calls).where(eq(calls.id, callId)).get(),
  ]);
  return {
    candidates,
    reviews: reviews.map((r) => ({ ...r, score: r.score! })),
    salt: salt?.salt ?? null,
  };
};

/**
 * Publishes the tally if review has opened and it is not yet published (compare-and-set); `extra` rows
 * (the audit entry) are written in the same batch, only where this request's publication won.
 * Returns whether it won.
 */
export const markTallyPublished = async (
  db: Db,
  callId: string,
  at: string,
  extra: (won: SQL) => BatchItem<"sqlite">[],
) => {
  const won = sql`EXISTS (SELECT 1 FROM ${calls} WHERE ${calls.id} = ${callId} AND ${calls.tallyPublishedAt} = ${at})`;
  await db.batch([
    db
      .update(calls)
      .set({ tallyPublishedAt: at })
      .where(and(eq(calls.id, callId), isNull(calls.tallyPublishedAt), isNotNull(calls.reviewOpenedAt))),
    ...extra(won),
  ]);
  const row = await db.select({ at: calls.tallyPublishedAt }).from(calls).where(eq(calls.id, callId)).get();
  return row?.at === at;
};
