// An organisation's own data for its export, and the one batch that erases it. What is erased and what
// is kept is decided in worker/domain/org-erasure.ts; this file only says it in SQL.
import { and, desc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import {
  orgs,
  memberships,
  invitations,
  outbox,
  vouches,
  vouchRequests,
  confirmations,
  confirmationRequests,
  applications,
  reviews,
  awards,
  notifications,
  callInvitations,
  calls,
  pledges,
  auditLog,
  orgFeedback,
  resources,
  awardReports,
  reportUploads,
  uploads,
  receipts,
  disbursements,
} from "../../schema";
import type { Db } from "./client";
import { setFacts, refreshStatus } from "./pledges";
import { ERASED_ORG, GHOST_USER, yearOnly } from "../domain/org-erasure";
import { fromStatuses } from "../domain/application-workflow";
import type { Money } from "../domain/money";

type Batch = BatchItem<"sqlite">[];
type NonEmptyBatch = [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]];

export const invitationsOf = (db: Db, orgId: string) =>
  db
    .select({
      email: invitations.email,
      role: invitations.role,
      createdAt: invitations.createdAt,
      acceptedAt: invitations.acceptedAt,
    })
    .from(invitations)
    .where(eq(invitations.orgId, orgId))
    .all();

export const awardsOf = (db: Db, orgId: string) =>
  db
    .select({
      id: awards.id,
      applicationId: awards.applicationId,
      callId: awards.callId,
      funderOrgId: awards.funderOrgId,
      amount: awards.amount,
      currency: awards.currency,
      awardDate: awards.awardDate,
      fundingType: awards.fundingType,
      durationMonths: awards.durationMonths,
    })
    .from(awards)
    .where(eq(awards.orgId, orgId))
    .orderBy(desc(awards.awardDate))
    .all();

export const notificationsOf = (db: Db, orgId: string) =>
  db
    .select({ kind: notifications.kind, data: notifications.data, createdAt: notifications.createdAt })
    .from(notifications)
    .where(eq(notifications.orgId, orgId))
    .orderBy(desc(notifications.createdAt))
    .all();

/** The audit trail about the organisation itself (who changed its profile, members, verification). */
export const auditOf = (db: Db, orgId: string) =>
  db
    .select({
      at: auditLog.at,
      action: auditLog.action,
      actorUserId: auditLog.actorUserId,
      data: auditLog.data,
    })
    .from(auditLog)
    .where(and(eq(auditLog.subjectType, "org"), eq(auditLog.subjectId, orgId)))
    .orderBy(desc(auditLog.id))
    .limit(1000)
    .all();

/** Pledges still expecting money that involve the organisation, as recipient or as the pledging funder. */
export const runningPledgesOf = (db: Db, orgId: string) =>
  db
    .select({
      id: pledges.id,
      status: pledges.status,
      provider: pledges.provider,
      stripeSubscriptionId: pledges.stripeSubscriptionId,
      stripeCheckoutSessionId: pledges.stripeCheckoutSessionId,
    })
    .from(pledges)
    .where(
      and(
        or(eq(pledges.recipientOrgId, orgId), eq(pledges.funderOrgId, orgId)),
        inArray(pledges.status, ["pending", "active"]),
        isNull(pledges.cancelledAt),
      ),
    )
    .all();

/** True inside the batch once this request's deletion (stamped `at`) has taken the organisation. */
export const erasedAt = (orgId: string, at: string) =>
  sql`EXISTS (SELECT 1 FROM orgs WHERE id = ${orgId} AND deleted_at = ${at})`;

/**
 * Audit entries about the organisation: about it, its applications, its calls (as a funder), its pledges
 * (either side), and invitations of it to other funders' calls. Read before the batch deletes drafts and
 * call invitations, so it is the second statement. Subjects only (indexed), no scan of the whole log.
 */
const auditAbout = (orgId: string) => sql`(
  (${auditLog.subjectType} = 'org' AND ${auditLog.subjectId} = ${orgId})
  OR (${auditLog.subjectType} = 'application' AND ${auditLog.subjectId} IN (SELECT id FROM applications WHERE org_id = ${orgId}))
  OR (${auditLog.subjectType} = 'call' AND ${auditLog.subjectId} IN (SELECT id FROM calls WHERE funder_org_id = ${orgId}))
  OR (${auditLog.subjectType} = 'call' AND ${auditLog.subjectId} IN (SELECT call_id FROM call_invitations WHERE org_id = ${orgId})
      AND CASE WHEN json_valid(${auditLog.data}) THEN json_extract(${auditLog.data}, '$.orgId') = ${orgId} END)
  OR (${auditLog.subjectType} = 'pledge' AND ${auditLog.subjectId} IN (SELECT id FROM pledges WHERE recipient_org_id = ${orgId} OR funder_org_id = ${orgId}))
)`;

/**
 * The entry's data without what identifies people: top-level members whose key says user id or e-mail,
 * whose text is an address or an account id, or whose nested object or array holds one, are dropped;
 * the rest (kind, role, amounts, pledge ids…) is kept with its JSON types. Data that is not a JSON
 * object cannot be checked, so it becomes "{}".
 */
const withoutPeople =
  sql.raw(`CASE WHEN NOT json_valid(audit_log.data) THEN '{}' WHEN json_type(audit_log.data) <> 'object' THEN '{}' ELSE (
  SELECT json_group_object(j.key, CASE j.type WHEN 'object' THEN json(j.value) WHEN 'array' THEN json(j.value) WHEN 'true' THEN json('true') WHEN 'false' THEN json('false') ELSE j.value END)
  FROM json_each(audit_log.data) j
  WHERE NOT (
    lower(j.key) LIKE '%userid%' OR lower(j.key) LIKE '%email%'
    OR (j.type = 'text' AND (j.value LIKE '%@%' OR j.value IN (SELECT id FROM users)))
    OR (j.type IN ('object', 'array') AND EXISTS (SELECT 1 FROM json_tree(j.value) t WHERE t.type = 'text' AND (t.value LIKE '%@%' OR t.value IN (SELECT id FROM users))))
  )
) END`);

/**
 * Everything the deletion changes, as one atomic batch (D1 runs a batch as a transaction). The guard on
 * the first statement makes a second, concurrent deletion change nothing: every later statement is
 * conditioned on this request having set `deleted_at` to its own timestamp (cut to the year by the
 * last statement, after `extra`, once nothing needs it any more).
 *
 * `keptBudget` is the banded budget (`bandBudget` in worker/domain/org-erasure.ts). The placeholder
 * account (GHOST_USER) exists from migration 0009 on; nothing is inserted here, so no row someone else
 * created can make the batch fail.
 */
export const eraseOrg = (
  db: Db,
  orgId: string,
  at: string,
  keptBudget: Money | null,
  pledgeIds: string[],
  extra: Batch,
  reportFileIds: readonly string[] = [],
): NonEmptyBatch => {
  const mine = erasedAt(orgId, at);
  const appsOfOrg = db
    .select({ id: applications.id })
    .from(applications)
    .where(eq(applications.orgId, orgId));
  return [
    db
      .update(orgs)
      .set({
        ...ERASED_ORG,
        // Bands, not figures: the budget's size band (as a representative amount), its year of creation.
        annualBudgetAmount: keptBudget?.amount ?? null,
        annualBudgetCurrency: keptBudget?.currency ?? null,
        createdAt: sql`substr(${orgs.createdAt}, 1, 4) || '-01-01T00:00:00.000Z'`,
        deletedAt: at,
        trustLevel: 0,
        listedInChapter: false,
        updatedAt: yearOnly(at),
        version: sql`${orgs.version} + 1`,
      })
      .where(and(eq(orgs.id, orgId), isNull(orgs.deletedAt))),
    // The audit trail keeps what happened and when, not who: no actor, no person in the details.
    db
      .update(auditLog)
      .set({ actorUserId: null, data: withoutPeople })
      .where(and(auditAbout(orgId), mine)),
    db.delete(memberships).where(and(eq(memberships.orgId, orgId), mine)),
    db.delete(invitations).where(and(eq(invitations.orgId, orgId), mine)),
    // Mail about the group (invitations) holds the invitees' addresses.
    db.delete(outbox).where(and(eq(outbox.aboutOrgId, orgId), mine)),
    db.delete(callInvitations).where(and(eq(callInvitations.orgId, orgId), mine)),
    // Trust evidence by or about the group: vouches end (their statements are texts about people),
    // requests and the chapter's confirmation and its note go.
    db
      .update(vouches)
      .set({ revokedAt: sql`coalesce(${vouches.revokedAt}, ${at})`, statement: "" })
      .where(and(or(eq(vouches.voucherOrgId, orgId), eq(vouches.voucheeOrgId, orgId)), mine)),
    db
      .delete(vouchRequests)
      .where(and(or(eq(vouchRequests.fromOrgId, orgId), eq(vouchRequests.toOrgId, orgId)), mine)),
    db
      .update(confirmations)
      .set({ revokedAt: sql`coalesce(${confirmations.revokedAt}, ${at})`, note: "" })
      .where(and(eq(confirmations.orgId, orgId), mine)),
    db.delete(confirmationRequests).where(and(eq(confirmationRequests.orgId, orgId), mine)),
    db.delete(notifications).where(and(eq(notifications.orgId, orgId), mine)),
    // Messages sent to the group by its community were for its owners alone.
    db.delete(orgFeedback).where(and(eq(orgFeedback.orgId, orgId), mine)),
    // Its library resources are its own texts (the FTS index drops them by trigger).
    db.delete(resources).where(and(eq(resources.orgId, orgId), mine)),
    db
      .update(reviews)
      .set({ comment: null, updatedAt: at })
      .where(and(inArray(reviews.applicationId, appsOfOrg), mine)),
    // Funders' notices about its applications carry its name; they keep the event, not the name.
    db
      .update(notifications)
      .set({ data: sql`json_set(${notifications.data}, '$.orgName', ${ERASED_ORG.name})` })
      .where(
        and(
          sql`json_extract(${notifications.data}, '$.applicationId') IN (SELECT id FROM applications WHERE org_id = ${orgId})`,
          sql`json_extract(${notifications.data}, '$.orgName') IS NOT NULL`,
          mine,
        ),
      ),
    // Its applications follow the workflow's "org_deleted": drafts go, pending ones are withdrawn.
    db
      .delete(applications)
      .where(
        and(
          eq(applications.orgId, orgId),
          inArray(applications.status, fromStatuses("org_deleted", "deleted")),
          mine,
        ),
      ),
    db
      .update(applications)
      .set({ status: "withdrawn" })
      .where(
        and(
          eq(applications.orgId, orgId),
          inArray(applications.status, fromStatuses("org_deleted", "withdrawn")),
          mine,
        ),
      ),
    // Who wrote an application ties a person to the group: point it at the placeholder account instead.
    db
      .update(applications)
      .set({
        answers: "{}",
        snapshot: null,
        decisionNote: null,
        createdBy: GHOST_USER.id,
        updatedAt: at,
        version: sql`${applications.version} + 1`,
      })
      .where(and(eq(applications.orgId, orgId), mine)),
    // A funder's unpublished calls go; its open calls close (other groups' applications to them stay theirs).
    db.delete(calls).where(and(eq(calls.funderOrgId, orgId), eq(calls.status, "draft"), mine)),
    db
      .update(calls)
      .set({ status: "closed", closedAt: at, updatedAt: at })
      .where(and(eq(calls.funderOrgId, orgId), eq(calls.status, "open"), mine)),
    ...pledgeIds.flatMap((id) => [setFacts(db, id, { cancelledAt: at }), refreshStatus(db, id)]),
    // Light reports keep that they were sent (the funders' record), not what they said nor who wrote them;
    // their photos and voice notes go (a face or a voice identifies people). `reportFileIds` were read
    // before the batch (reportFilesOf), since the links go first.
    db
      .update(awardReports)
      .set({ changed: "", hard: "", next: "", createdBy: GHOST_USER.id, updatedAt: at })
      .where(and(eq(awardReports.orgId, orgId), mine)),
    db
      .delete(reportUploads)
      .where(
        and(
          inArray(
            reportUploads.reportId,
            db.select({ id: awardReports.id }).from(awardReports).where(eq(awardReports.orgId, orgId)),
          ),
          mine,
        ),
      ),
    ...(reportFileIds.length
      ? [
          db.delete(uploads).where(
            and(
              inArray(uploads.id, [...reportFileIds]),
              // Still attached elsewhere (a disbursement's receipt, another report): not the group's alone.
              sql`${uploads.id} NOT IN (SELECT upload_id FROM report_uploads)`,
              sql`${uploads.id} NOT IN (SELECT receipt_upload_id FROM disbursements WHERE receipt_upload_id IS NOT NULL)`,
              mine,
            ),
          ),
        ]
      : []),
    // What arrived stays in the ledger; the group's note and who confirmed it do not.
    db
      .update(receipts)
      .set({ note: null, confirmedBy: GHOST_USER.id })
      .where(
        and(
          inArray(
            receipts.disbursementId,
            db.select({ id: disbursements.id }).from(disbursements).where(eq(disbursements.orgId, orgId)),
          ),
          mine,
        ),
      ),
    // Who sent money is the funder's person: it goes only when the funder itself is deleted.
    db
      .update(disbursements)
      .set({ createdBy: GHOST_USER.id })
      .where(
        and(
          or(
            sql`${disbursements.awardId} IN (SELECT id FROM awards WHERE funder_org_id = ${orgId})`,
            sql`${disbursements.pledgeId} IN (SELECT id FROM pledges WHERE funder_org_id = ${orgId})`,
          ),
          mine,
        ),
      ),
    ...extra,
    // Last: the deletion's own time, no longer needed as this request's mark, is cut to the year too.
    db
      .update(orgs)
      .set({ deletedAt: yearOnly(at) })
      .where(and(eq(orgs.id, orgId), mine)),
  ];
};

/** Files attached to the group's light reports, with their R2 keys: erased with the group. */
export const reportFilesOf = (db: Db, orgId: string) =>
  db
    .selectDistinct({ id: uploads.id, r2Key: uploads.r2Key })
    .from(reportUploads)
    .innerJoin(uploads, eq(uploads.id, reportUploads.uploadId))
    .innerJoin(awardReports, eq(awardReports.id, reportUploads.reportId))
    .where(eq(awardReports.orgId, orgId))
    .all();

/** Of these uploads, the ones that no longer have a row (their bytes may be removed from R2). */
export const uploadsGone = async (db: Db, ids: readonly string[]) => {
  const left = await db
    .select({ id: uploads.id })
    .from(uploads)
    .where(inArray(uploads.id, [...ids]))
    .all();
  const kept = new Set(left.map((r) => r.id));
  return new Set(ids.filter((id) => !kept.has(id)));
};

/** What stays in the equity record after deletion, anonymised. */
export const keptRecords = async (db: Db, orgId: string) => {
  const row = await db
    .select({
      awardsKept: sql<number>`(SELECT count(*) FROM awards WHERE org_id = ${orgId})`,
      applicationsKept: sql<number>`(SELECT count(*) FROM applications WHERE org_id = ${orgId})`,
    })
    .from(orgs)
    .where(eq(orgs.id, orgId))
    .get();
  return { awardsKept: Number(row?.awardsKept ?? 0), applicationsKept: Number(row?.applicationsKept ?? 0) };
};
