// Light reports in SQL: the report with its files and shares, drafts saved by compare-and-set on their
// version, sending once, sharing with another award, and the groups the reminder cron must write to.
import { and, asc, eq, inArray, or, sql } from "drizzle-orm";
import {
  awardReports,
  awards,
  calls,
  memberships,
  orgs,
  outbox,
  reportShares,
  reportUploads,
  tranches,
  uploads,
  users,
} from "../../schema";
import type { Db } from "./client";
import { nowIso } from "./client";
import type { ReportAnswers } from "../domain/award-reports";
import { outboxInsert, type NewMail } from "./outbox";

export type ReportRow = typeof awardReports.$inferSelect;

/** The report with its files (oldest first) and the awards it was shared with (and when). */
const withParts = async (db: Db, rows: ReportRow[]) => {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const [files, shares] = await Promise.all([
    db
      .select({ reportId: reportUploads.reportId, id: uploads.id, kind: uploads.kind })
      .from(reportUploads)
      .innerJoin(uploads, eq(uploads.id, reportUploads.uploadId))
      .where(inArray(reportUploads.reportId, ids))
      .orderBy(asc(uploads.createdAt), asc(uploads.id))
      .all(),
    db
      .select({
        reportId: reportShares.reportId,
        awardId: reportShares.awardId,
        funderOrgId: awards.funderOrgId,
        at: reportShares.createdAt,
      })
      .from(reportShares)
      .innerJoin(awards, eq(awards.id, reportShares.awardId))
      .where(inArray(reportShares.reportId, ids))
      .orderBy(asc(reportShares.createdAt))
      .all(),
  ]);
  return rows.map((r) => ({
    ...r,
    uploads: files.filter((f) => f.reportId === r.id).map(({ id, kind }) => ({ id, kind })),
    shares: shares.filter((s) => s.reportId === r.id),
  }));
};
export type Report = Awaited<ReturnType<typeof withParts>>[number];

/** The report, the funder of the award it was written for, and its files and shares. */
export const findReport = async (db: Db, id: string) => {
  const row = await db
    .select({ r: awardReports, funderOrgId: awards.funderOrgId })
    .from(awardReports)
    .innerJoin(awards, eq(awards.id, awardReports.awardId))
    .where(eq(awardReports.id, id))
    .get();
  if (!row) return null;
  const [report] = await withParts(db, [row.r]);
  return { ...report, funderOrgId: row.funderOrgId };
};

/** Reports written for the award or shared with it, oldest first. */
export const reportsOfAward = async (db: Db, awardId: string) =>
  withParts(
    db,
    await db
      .select()
      .from(awardReports)
      .where(
        or(
          eq(awardReports.awardId, awardId),
          inArray(
            awardReports.id,
            db
              .select({ id: reportShares.reportId })
              .from(reportShares)
              .where(eq(reportShares.awardId, awardId)),
          ),
        ),
      )
      .orderBy(asc(awardReports.createdAt), asc(awardReports.id))
      .all(),
  );

/** Of these uploads, the ones a member of the group (now) uploaded: only those may be attached. */
export const uploadsByMembers = async (db: Db, orgId: string, ids: readonly string[]) => {
  if (!ids.length) return new Set<string>();
  const rows = await db
    .select({ id: uploads.id })
    .from(uploads)
    .innerJoin(memberships, and(eq(memberships.userId, uploads.uploaderId), eq(memberships.orgId, orgId)))
    .where(inArray(uploads.id, [...ids]))
    .all();
  return new Set(rows.map((r) => r.id));
};

export type NewReport = {
  id: string;
  awardId: string;
  orgId: string;
  language: string;
  answers: ReportAnswers;
  submitted: boolean;
  createdBy: string;
  uploadIds: readonly string[];
};

export const insertReport = async (db: Db, r: NewReport) => {
  const now = nowIso();
  await db.batch([
    db.insert(awardReports).values({
      id: r.id,
      awardId: r.awardId,
      orgId: r.orgId,
      language: r.language,
      ...r.answers,
      status: r.submitted ? "submitted" : "draft",
      submittedAt: r.submitted ? now : null,
      createdBy: r.createdBy,
      createdAt: now,
      updatedAt: now,
    }),
    ...r.uploadIds.map((uploadId) => db.insert(reportUploads).values({ reportId: r.id, uploadId })),
  ]);
};

/**
 * Saves a draft only if it is still at `version` and still a draft; the attached files are replaced in
 * the same batch, only when this request's save went through (its version and its own timestamp).
 * Returns whether it was saved.
 */
export const saveReportVersioned = async (
  db: Db,
  id: string,
  version: number,
  f: { answers?: ReportAnswers; language?: string; uploadIds?: readonly string[] },
) => {
  const stamp = nowIso();
  const mine = sql`EXISTS (SELECT 1 FROM award_reports WHERE id = ${id} AND version = ${version + 1} AND updated_at = ${stamp} AND status = 'draft')`;
  const [updated] = await db.batch([
    db
      .update(awardReports)
      .set({
        ...f.answers,
        ...(f.language ? { language: f.language } : {}),
        updatedAt: stamp,
        version: sql`${awardReports.version} + 1`,
      })
      .where(
        and(eq(awardReports.id, id), eq(awardReports.version, version), eq(awardReports.status, "draft")),
      )
      .returning({ id: awardReports.id }),
    ...(f.uploadIds
      ? [
          db.delete(reportUploads).where(and(eq(reportUploads.reportId, id), mine)),
          ...f.uploadIds.map((uploadId) =>
            db.insert(reportUploads).select(sql`SELECT ${id}, ${uploadId} WHERE ${mine}`),
          ),
        ]
      : []),
  ]);
  return updated.length > 0;
};

/** Sends a draft, once: false when it was already sent (or a concurrent send won). */
export const submitReport = async (db: Db, id: string) => {
  const now = nowIso();
  const rows = await db
    .update(awardReports)
    .set({ status: "submitted", submittedAt: now, updatedAt: now, version: sql`${awardReports.version} + 1` })
    .where(and(eq(awardReports.id, id), eq(awardReports.status, "draft")))
    .returning({ id: awardReports.id });
  return rows.length > 0;
};

export const shareReport = (db: Db, reportId: string, awardId: string) =>
  db.insert(reportShares).values({ reportId, awardId, createdAt: nowIso() }).onConflictDoNothing();

/**
 * Awards that may have a report due near `from`…`to` (a coarse filter in SQL: a tranche paid after a
 * report falls due then, or the award ends then, give or take a few days of month arithmetic), with their
 * plan; the exact dates are worked out by the domain. Groups that were deleted get no mail.
 */
export const awardsWithReportsNear = async (db: Db, from: string, to: string) => {
  const ending = sql`date(${awards.awardDate}, '+' || ${awards.durationMonths} || ' months')`;
  const rows = await db
    .select({
      id: awards.id,
      orgId: awards.orgId,
      awardDate: awards.awardDate,
      durationMonths: awards.durationMonths,
      confidential: calls.confidential,
    })
    .from(awards)
    .innerJoin(orgs, eq(orgs.id, awards.orgId))
    .innerJoin(calls, eq(calls.id, awards.callId))
    .where(
      and(
        sql`${orgs.deletedAt} IS NULL`,
        or(
          sql`${ending} BETWEEN date(${from}, '-4 days') AND date(${to}, '+4 days')`,
          sql`EXISTS (SELECT 1 FROM tranches t WHERE t.award_id = ${awards.id} AND t.after_report = 1 AND t.due_on BETWEEN ${from} AND ${to})`,
        ),
      ),
    )
    .all();
  if (!rows.length) return [];
  const plans = await db
    .select({ awardId: tranches.awardId, dueOn: tranches.dueOn, afterReport: tranches.afterReport })
    .from(tranches)
    .where(
      inArray(
        tranches.awardId,
        rows.map((r) => r.id),
      ),
    )
    .all();
  return rows.map((r) => ({ ...r, tranches: plans.filter((p) => p.awardId === r.id) }));
};

/** The group's members, to be reminded in their own language. */
export const membersToMail = (db: Db, orgId: string) =>
  db
    .select({ userId: users.id, email: users.email, name: users.name, locale: users.locale })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.orgId, orgId))
    .all();

/** Writes the mail unless a row with its id exists (a reminder already written); whether it was written. */
export const insertMailOnce = async (db: Db, mail: NewMail) =>
  (await outboxInsert(db, mail).onConflictDoNothing().returning({ id: outbox.id })).length > 0;
