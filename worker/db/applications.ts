// Applications, reviews, decisions and awards: rows ↔ the API's Application shape; every status change
// is a guarded UPDATE in one batch with its audit entry, so two racing requests cannot both win.
import { and, count, desc, eq, inArray, isNotNull, sql, sum, type SQL } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { applications, reviews, awards, orgs, calls, users } from "../../schema";
import type { DeclineReason, FundingType } from "../../schema/enums";
import type { Db } from "./client";
import { nowIso } from "./client";
import type { Money } from "../domain/money";
import { fromStatuses, statusChange, type ApplicationAction } from "../domain/application-workflow";
import { reviewAverage } from "../domain/applications";
import { rapidTiming, UNDECIDED } from "../domain/rapid";
import type { Org } from "./orgs";

export type ApplicationRow = typeof applications.$inferSelect;

/** The award an application led to, if any: its amount is the decision's, its id the award's page. */
type AwardRef = { id: string; amount: number; currency: string };

/**
 * `promiseDays`: the call's decisionWithinDays when it is a rapid-response call (see `promiseDays` below),
 * so the view carries the promised decision date and whether it is overdue at read time.
 */
export const toApplication = (
  r: ApplicationRow,
  award?: AwardRef | null,
  promiseDays: number | null = null,
) => ({
  id: r.id,
  callId: r.callId,
  orgId: r.orgId,
  status: r.status,
  answers: JSON.parse(r.answers) as Record<string, string>,
  requestedAmount:
    r.requestedAmount !== null && r.requestedCurrency
      ? { amount: r.requestedAmount, currency: r.requestedCurrency }
      : null,
  version: r.version,
  submittedAt: r.submittedAt,
  snapshot: r.snapshot ? (JSON.parse(r.snapshot) as Org) : null,
  decision: r.decision
    ? {
        decision: r.decision,
        amount: award ? { amount: award.amount, currency: award.currency } : null,
        reasons: (r.decisionReasons ? JSON.parse(r.decisionReasons) : []) as DeclineReason[],
        note: r.decisionNote,
        decidedAt: r.decidedAt,
      }
    : null,
  awardId: award?.id ?? null,
  ...rapidTiming(r, promiseDays, new Date()),
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});
export type Application = ReturnType<typeof toApplication>;

const awardRef = { id: awards.id, amount: awards.amount, currency: awards.currency };

/** The promised decision time in days for rapid calls, null otherwise (selected beside an application). */
const promiseDays = sql<
  number | null
>`CASE WHEN ${calls.kind} = 'rapid' THEN ${calls.decisionWithinDays} ELSE NULL END`;

export const findApplication = async (db: Db, id: string) => {
  const row = await db
    .select({ app: applications, award: awardRef, promiseDays })
    .from(applications)
    .innerJoin(calls, eq(calls.id, applications.callId))
    .leftJoin(awards, eq(awards.applicationId, applications.id))
    .where(eq(applications.id, id))
    .get();
  return row
    ? toApplication(
        row.app,
        row.award?.id !== undefined && row.award?.id !== null ? (row.award as AwardRef) : null,
        row.promiseDays,
      )
    : null;
};

export const findApplicationFor = async (db: Db, callId: string, orgId: string) =>
  db
    .select({ id: applications.id })
    .from(applications)
    .where(and(eq(applications.callId, callId), eq(applications.orgId, orgId)))
    .get();

/** Null when the organisation already has an application for the call (one per organisation per call). */
export const insertApplication = async (
  db: Db,
  a: { id: string; callId: string; orgId: string; createdBy: string },
  extra: BatchItem<"sqlite">[] = [],
) => {
  const now = nowIso();
  const [inserted] = await db.batch([
    db
      .insert(applications)
      .values({ ...a, createdAt: now, updatedAt: now })
      .onConflictDoNothing()
      .returning({ id: applications.id }),
    ...extra,
  ]);
  return inserted.length ? findApplication(db, a.id) : null;
};

/** Compare-and-set on version where the workflow allows saving (drafts); null when stale or submitted. */
export const saveDraftVersioned = async (
  db: Db,
  id: string,
  version: number,
  f: { answers?: Record<string, string>; requestedAmount?: Money | null },
  /** Rows written with the draft (a consortium's partners), guarded by the same version; run first. */
  extra: BatchItem<"sqlite">[] = [],
) => {
  const set: Partial<typeof applications.$inferInsert> = { updatedAt: nowIso() };
  if (f.answers) set.answers = JSON.stringify(f.answers);
  if (f.requestedAmount !== undefined) {
    set.requestedAmount = f.requestedAmount?.amount ?? null;
    set.requestedCurrency = f.requestedAmount?.currency ?? null;
  }
  const update = db
    .update(applications)
    .set({ ...set, version: sql`${applications.version} + 1` })
    .where(
      and(
        eq(applications.id, id),
        eq(applications.version, version),
        inArray(applications.status, fromStatuses("save")),
      ),
    )
    .returning({ id: applications.id });
  // The extra rows go first: their guard reads the version this update is about to bump.
  const results: unknown[] = await db.batch([...extra, update] as unknown as [typeof update]);
  const updated = results[results.length - 1] as { id: string }[];
  return updated.length ? findApplication(db, id) : null;
};

/** The action's status change, guarded by the statuses it moves from; false when another request won. */
export const transitionApplication = async (
  db: Db,
  id: string,
  action: ApplicationAction,
  set: Partial<typeof applications.$inferInsert> = {},
  extra: BatchItem<"sqlite">[] = [],
) => {
  const { from, to } = statusChange(action);
  const [changed] = await db.batch([
    db
      .update(applications)
      .set({ ...set, status: to, version: sql`${applications.version} + 1`, updatedAt: nowIso() })
      .where(and(eq(applications.id, id), inArray(applications.status, from)))
      .returning({ id: applications.id }),
    ...extra,
  ]);
  return changed.length > 0;
};

export type Decided = {
  id: string;
  token: string;
  decidedBy: string;
  decision: "award" | "decline";
  reasons: DeclineReason[];
  note: string | null;
  award?: {
    id: string;
    callId: string;
    orgId: string;
    funderOrgId: string;
    amount: Money;
    amountUsd: number | null;
    awardDate: string;
    fundingType: FundingType;
    durationMonths: number;
  };
};

/**
 * The decision and everything that follows from it in one batch. The UPDATE writes a fresh token only
 * if no decision exists yet; the award, the organisation's funding total and the extra rows (audit,
 * notices) are inserted only where that token is present, so a losing concurrent decision changes nothing.
 */
export const decideApplication = async (db: Db, d: Decided, extra: (won: SQL) => BatchItem<"sqlite">[]) => {
  const now = nowIso();
  const { from, to } = statusChange(d.decision);
  const won = sql`EXISTS (SELECT 1 FROM applications WHERE id = ${d.id} AND decision_token = ${d.token})`;
  const statements: BatchItem<"sqlite">[] = [
    db
      .update(applications)
      .set({
        status: to,
        decision: d.decision,
        decisionReasons: JSON.stringify(d.reasons),
        decisionNote: d.note,
        decidedAt: now,
        decidedBy: d.decidedBy,
        decisionToken: d.token,
        version: sql`${applications.version} + 1`,
        updatedAt: now,
      })
      .where(and(eq(applications.id, d.id), inArray(applications.status, from))),
  ];
  if (d.award) {
    const a = d.award;
    statements.push(
      // insert … select: values in the table's column order, inserted only where the decision won.
      db
        .insert(awards)
        .select(
          sql`SELECT ${a.id}, ${d.id}, ${a.callId}, ${a.orgId}, ${a.funderOrgId}, ${a.amount.amount}, ${a.amount.currency}, ${a.amountUsd}, ${a.awardDate}, ${a.fundingType}, ${a.durationMonths}, ${now} WHERE ${won}`,
        ),
      // A confidential call's award is left out of the total matching shows funders ("little funding
      // received so far (USD …)"): another funder would read the grant's amount there.
      db
        .update(orgs)
        .set({
          fundingReceivedUsd: sql`${orgs.fundingReceivedUsd} + CASE WHEN (SELECT confidential FROM calls WHERE id = ${a.callId}) = 1 THEN 0 ELSE ${a.amountUsd ?? 0} END`,
        })
        .where(and(eq(orgs.id, a.orgId), won)),
    );
  }
  await db.batch([...(statements as [BatchItem<"sqlite">]), ...extra(won)]);
  const row = await db
    .select({ token: applications.decisionToken })
    .from(applications)
    .where(eq(applications.id, d.id))
    .get();
  return row?.token === d.token;
};

export const upsertReview = (
  db: Db,
  r: { applicationId: string; reviewerId: string; score: number; comment: string | null },
) => {
  const now = nowIso();
  return db
    .insert(reviews)
    .values({ ...r, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({
      target: [reviews.applicationId, reviews.reviewerId],
      set: { score: r.score, comment: r.comment, updatedAt: now },
    });
};

export const listReviews = (db: Db, applicationId: string) =>
  db
    .select({
      reviewerId: reviews.reviewerId,
      reviewerName: users.name,
      score: reviews.score,
      comment: reviews.comment,
      updatedAt: reviews.updatedAt,
    })
    .from(reviews)
    .innerJoin(users, eq(users.id, reviews.reviewerId))
    .where(eq(reviews.applicationId, applicationId))
    .orderBy(reviews.createdAt)
    .all();

/** The funder's review list: submitted (and later) applications with the organisation and review average. */
export const listCallApplications = async (db: Db, callId: string) => {
  const rows = await db
    .select({
      app: applications,
      award: awardRef,
      orgName: orgs.name,
      reviewCount: count(reviews.reviewerId),
      reviewTotal: sum(reviews.score),
      promiseDays,
    })
    .from(applications)
    .innerJoin(calls, eq(calls.id, applications.callId))
    .innerJoin(orgs, eq(orgs.id, applications.orgId))
    .leftJoin(reviews, eq(reviews.applicationId, applications.id))
    .leftJoin(awards, eq(awards.applicationId, applications.id))
    .where(and(eq(applications.callId, callId), isNotNull(applications.submittedAt)))
    .groupBy(applications.id)
    .orderBy(applications.submittedAt)
    .all();
  return rows.map((r) => ({
    ...toApplication(r.app, r.award as AwardRef | null, r.promiseDays),
    // The snapshot is the name the funder was shown at submission, whatever the profile says now.
    orgName: r.app.snapshot ? (JSON.parse(r.app.snapshot) as Org).name : r.orgName,
    reviewCount: r.reviewCount,
    averageScore: reviewAverage(Number(r.reviewTotal ?? 0), r.reviewCount),
  }));
};

/** An organisation's own applications, newest first, with the call's title. */
export const listOrgApplications = async (db: Db, orgId: string) =>
  (
    await db
      .select({ app: applications, award: awardRef, callTitle: calls.title, promiseDays })
      .from(applications)
      .innerJoin(calls, eq(calls.id, applications.callId))
      .leftJoin(awards, eq(awards.applicationId, applications.id))
      .where(eq(applications.orgId, orgId))
      .orderBy(desc(applications.updatedAt))
      .all()
  ).map((r) => ({
    ...toApplication(r.app, r.award as AwardRef | null, r.promiseDays),
    callTitle: r.callTitle,
  }));

/** Requests still waiting for a decision on the rapid-response calls of these funder organisations. */
export const listRapidWaiting = async (db: Db, funderOrgIds: string[]) =>
  funderOrgIds.length === 0
    ? []
    : (
        await db
          .select({
            callId: calls.id,
            callTitle: calls.title,
            submittedAt: applications.submittedAt,
            decisionWithinDays: calls.decisionWithinDays,
          })
          .from(applications)
          .innerJoin(calls, eq(calls.id, applications.callId))
          .where(
            and(
              inArray(calls.funderOrgId, funderOrgIds),
              eq(calls.kind, "rapid"),
              inArray(applications.status, [...UNDECIDED]),
              isNotNull(applications.submittedAt),
              isNotNull(calls.decisionWithinDays),
            ),
          )
          .all()
      ).map((r) => ({ ...r, submittedAt: r.submittedAt!, decisionWithinDays: r.decisionWithinDays! }));
