// Ratings of funders, one row per (funder, rating organisation) under a keyed hash of the two, so the
// row does not say which group gave it; and which of a person's groups applied to a funder.
import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { applications, calls, funderRatings } from "../../schema";
import type { Db } from "./client";

export type NewRating = {
  raterKey: string;
  funderOrgId: string;
  easeOfApplying: number;
  respect: number;
  speed: number;
  comment: string | null;
  day: string;
};

/**
 * Stores the rating, replacing the organisation's earlier one; whether there was one is read in the same
 * batch (one transaction in D1), so two members rating at once cannot both be told "new".
 */
export const upsertRating = async (db: Db, r: NewRating) => {
  const scores = {
    easeOfApplying: r.easeOfApplying,
    respect: r.respect,
    speed: r.speed,
    comment: r.comment,
    updatedAt: r.day,
  };
  const [before] = await db.batch([
    db.select({ n: sql<number>`count(*)` }).from(funderRatings).where(eq(funderRatings.raterKey, r.raterKey)),
    db
      .insert(funderRatings)
      .values({ raterKey: r.raterKey, funderOrgId: r.funderOrgId, createdAt: r.day, ...scores })
      .onConflictDoUpdate({ target: funderRatings.raterKey, set: scores }),
  ]);
  return { replaced: (before[0]?.n ?? 0) > 0 };
};

export const ratingsOf = (db: Db, funderOrgId: string) =>
  db
    .select({
      easeOfApplying: funderRatings.easeOfApplying,
      respect: funderRatings.respect,
      speed: funderRatings.speed,
      comment: funderRatings.comment,
    })
    .from(funderRatings)
    .where(eq(funderRatings.funderOrgId, funderOrgId));

/** Which of these organisations submitted an application to one of the funder's calls (withdrawn later or not). */
export const orgsThatApplied = async (db: Db, funderOrgId: string, orgIds: string[]) => {
  if (!orgIds.length) return [];
  const rows = await db
    .selectDistinct({ orgId: applications.orgId })
    .from(applications)
    .innerJoin(calls, eq(calls.id, applications.callId))
    .where(
      and(
        eq(calls.funderOrgId, funderOrgId),
        inArray(applications.orgId, orgIds),
        isNotNull(applications.submittedAt),
      ),
    );
  return rows.map((r) => r.orgId);
};
