// Public accounting after the award: the light reports an award's page counts, and the money sent to an
// organisation and confirmed by it, for its ledger.
import { and, asc, eq, sql } from "drizzle-orm";
import { awardReports, awards, calls, disbursements, orgs, receipts } from "../../schema";
import type { Db } from "./client";

/** Submitted light reports of the award, oldest first (drafts are the group's own until sent). */
export const submittedReports = (db: Db, awardId: string) =>
  db
    .select({ id: awardReports.id, submittedAt: awardReports.submittedAt, language: awardReports.language })
    .from(awardReports)
    .where(and(eq(awardReports.awardId, awardId), eq(awardReports.status, "submitted")))
    .orderBy(asc(awardReports.submittedAt), asc(awardReports.id))
    .all();

/**
 * Every disbursement to the organisation with its receipt, and for award money the funder's name and
 * visibility (the ledger names it only to those who may see it) and whether its call is confidential (the
 * ledger then shows it to the two sides only); pooled pledge money names its pledge.
 */
export const ledgerDisbursements = (db: Db, orgId: string) =>
  db
    .select({
      d: disbursements,
      r: receipts,
      funderOrgId: awards.funderOrgId,
      funderName: orgs.name,
      funderVisibility: orgs.visibility,
      confidential: sql<number>`coalesce(${calls.confidential}, 0)`,
    })
    .from(disbursements)
    .leftJoin(receipts, eq(receipts.disbursementId, disbursements.id))
    .leftJoin(awards, eq(awards.id, disbursements.awardId))
    .leftJoin(orgs, eq(orgs.id, awards.funderOrgId))
    .leftJoin(calls, eq(calls.id, awards.callId))
    .where(eq(disbursements.orgId, orgId))
    .orderBy(disbursements.sentOn, disbursements.createdAt)
    .all();

/**
 * Awards to or from the given organisations with a tranche overdue (due before `today` and covered by
 * less than its amount) or a disbursement unconfirmed since before `cutoff`: one query for the "My
 * account" page, the counts worked out in SQL.
 */
export const awardsNeedingAttention = async (db: Db, orgIds: string[], today: string, cutoff: string) => {
  if (!orgIds.length) return [];
  const ids = sql.join(
    orgIds.map((id) => sql`${id}`),
    sql`, `,
  );
  const rows = await db.all<{ id: string; title: string; overdue: number; unconfirmed: number }>(sql`
    SELECT * FROM (
      SELECT a.id AS id, c.title AS title,
        (SELECT count(*) FROM tranches t WHERE t.award_id = a.id AND t.due_on < ${today}
          AND (SELECT coalesce(sum(d.amount), 0) FROM disbursements d WHERE d.tranche_id = t.id) < t.amount) AS overdue,
        (SELECT count(*) FROM disbursements d WHERE d.award_id = a.id AND d.sent_on < ${cutoff}
          AND NOT EXISTS (SELECT 1 FROM receipts r WHERE r.disbursement_id = d.id)) AS unconfirmed
      FROM awards a JOIN calls c ON c.id = a.call_id
      WHERE a.org_id IN (${ids}) OR a.funder_org_id IN (${ids})
    ) WHERE overdue > 0 OR unconfirmed > 0
    ORDER BY id LIMIT 50`);
  return rows.map((r) => ({ ...r, overdue: Number(r.overdue), unconfirmed: Number(r.unconfirmed) }));
};
