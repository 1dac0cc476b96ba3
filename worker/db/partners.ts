// Partners: "looking for partners" posts, a consortium application's partner rows (written in the same
// batch as the draft's compare-and-set), consents, and the award's split by share in the totals.
import { and, desc, eq, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { applicationPartners, applications, calls, orgEquity, orgs, partnerPosts } from "../../schema";
import type { Visibility } from "../../schema/enums";
import type { Db } from "./client";
import { nowIso } from "./client";
import { partnerPart, type PartnerState } from "../domain/consortium";

export const insertPartnerPost = (
  db: Db,
  p: { id: string; callId: string; orgId: string; createdBy: string; message: string },
) => db.insert(partnerPosts).values({ ...p, createdAt: nowIso() });

const postColumns = {
  id: partnerPosts.id,
  callId: partnerPosts.callId,
  orgId: partnerPosts.orgId,
  orgName: orgs.name,
  message: partnerPosts.message,
  createdAt: partnerPosts.createdAt,
  closedAt: partnerPosts.closedAt,
};

export const findPartnerPost = (db: Db, id: string) =>
  db
    .select({ ...postColumns, visibility: orgs.visibility })
    .from(partnerPosts)
    .innerJoin(orgs, eq(orgs.id, partnerPosts.orgId))
    .where(and(eq(partnerPosts.id, id), isNull(orgs.deletedAt)))
    .get();

/**
 * The call's open posts whose organisation the viewer may see: its visibility is one the viewer sees
 * (filtered in SQL), or the viewer is a member. An organisation that became hidden after posting drops out.
 */
export const listPartnerPosts = (db: Db, callId: string, levels: Visibility[], memberOrgIds: string[]) =>
  db
    .select(postColumns)
    .from(partnerPosts)
    .innerJoin(orgs, eq(orgs.id, partnerPosts.orgId))
    .where(
      and(
        eq(partnerPosts.callId, callId),
        isNull(partnerPosts.closedAt),
        isNull(orgs.deletedAt),
        memberOrgIds.length
          ? or(inArray(orgs.visibility, levels), inArray(orgs.id, memberOrgIds))
          : inArray(orgs.visibility, levels),
      ),
    )
    .orderBy(desc(partnerPosts.createdAt))
    // The newest fifty: enough to find partners, and the call page stays small.
    .limit(50)
    .all();

export const closePartnerPost = (db: Db, id: string) =>
  db
    .update(partnerPosts)
    .set({ closedAt: nowIso() })
    .where(and(eq(partnerPosts.id, id), isNull(partnerPosts.closedAt)));

/** The application's partners in the lead's order (the order they were written), with their names. */
export const listPartners = async (db: Db, applicationId: string) =>
  (
    await db
      .select({
        orgId: applicationPartners.orgId,
        name: orgs.name,
        role: applicationPartners.role,
        share: applicationPartners.sharePercent,
        consentedAt: applicationPartners.consentedAt,
        consentedBy: applicationPartners.consentedBy,
      })
      .from(applicationPartners)
      .innerJoin(orgs, eq(orgs.id, applicationPartners.orgId))
      .where(eq(applicationPartners.applicationId, applicationId))
      .orderBy(sql`${applicationPartners}.rowid`)
      .all()
  ).map((p) => ({ ...p, consented: p.consentedAt !== null }));
export type Partner = Awaited<ReturnType<typeof listPartners>>[number];

/**
 * Replaces the partner list, only where `won` holds when the batch runs (the draft is still at the version
 * the lead read): put before the compare-and-set that bumps the version, in the same batch.
 */
export const replacePartnersIf = (
  db: Db,
  applicationId: string,
  partners: readonly PartnerState[],
  won: SQL,
): BatchItem<"sqlite">[] => {
  const now = nowIso();
  return [
    db.delete(applicationPartners).where(and(eq(applicationPartners.applicationId, applicationId), won)),
    ...partners.map((p) =>
      db
        .insert(applicationPartners)
        .select(
          sql`SELECT ${applicationId}, ${p.orgId}, ${p.role}, ${p.share}, ${p.consentedAt}, ${p.consentedBy}, ${now} WHERE ${won}`,
        ),
    ),
  ];
};

/** Consent given (a user) or taken back (null), while the application is a draft; false otherwise. */
export const setConsent = async (db: Db, applicationId: string, orgId: string, userId: string | null) => {
  const changed = await db
    .update(applicationPartners)
    .set({ consentedAt: userId ? nowIso() : null, consentedBy: userId })
    .where(
      and(
        eq(applicationPartners.applicationId, applicationId),
        eq(applicationPartners.orgId, orgId),
        sql`(SELECT status FROM applications WHERE id = ${applicationId}) = 'draft'`,
      ),
    )
    .returning({ orgId: applicationPartners.orgId });
  return changed.length > 0;
};

/** Consortium applications that name these organisations as partners (drafts and later), newest first. */
export const consortiumRequests = async (db: Db, orgIds: string[]) => {
  if (!orgIds.length) return [];
  const rows = await db
    .select({
      applicationId: applications.id,
      callId: calls.id,
      callTitle: calls.title,
      status: applications.status,
      leadOrgId: applications.orgId,
      leadName: sql<string>`(SELECT name FROM orgs WHERE id = ${applications.orgId})`,
      orgId: applicationPartners.orgId,
      orgName: orgs.name,
      role: applicationPartners.role,
      share: applicationPartners.sharePercent,
      consentedAt: applicationPartners.consentedAt,
    })
    .from(applicationPartners)
    .innerJoin(applications, eq(applications.id, applicationPartners.applicationId))
    .innerJoin(calls, eq(calls.id, applications.callId))
    .innerJoin(orgs, eq(orgs.id, applicationPartners.orgId))
    .where(inArray(applicationPartners.orgId, orgIds))
    .orderBy(desc(applications.updatedAt))
    .limit(100)
    .all();
  return rows.map(({ consentedAt, ...r }) => ({ ...r, consented: consentedAt !== null }));
};

/**
 * An award to a consortium, split by share in the per-organisation totals: the awards trigger credited the
 * lead with everything (org_equity, migration 0008) and decideApplication added it all to the lead's
 * funding received; these move each partner's part to it, and count the award once for each partner as a
 * recipient. Written only where the decision `won`, after the award's insert in the same batch.
 * A confidential call's award stays out of funding received (as for the lead).
 */
export const splitAwardIf = (
  db: Db,
  a: { leadOrgId: string; amountUsd: number | null; core: boolean; confidential: boolean },
  partners: readonly { orgId: string; share: number }[],
  won: SQL,
): BatchItem<"sqlite">[] => {
  if (!partners.length) return [];
  const parts = partners.map((p) => ({ orgId: p.orgId, usd: partnerPart(a.amountUsd ?? 0, p.share) }));
  const moved = parts.reduce((s, p) => s + p.usd, 0);
  const funding = !a.confidential;
  return [
    db
      .update(orgEquity)
      .set({
        amount: sql`${orgEquity.amount} - ${moved}`,
        core: sql`${orgEquity.core} - ${a.core ? moved : 0}`,
      })
      .where(and(eq(orgEquity.orgId, a.leadOrgId), won)),
    ...(funding
      ? [
          db
            .update(orgs)
            .set({ fundingReceivedUsd: sql`${orgs.fundingReceivedUsd} - ${moved}` })
            .where(and(eq(orgs.id, a.leadOrgId), won)),
        ]
      : []),
    ...parts.flatMap((p) => [
      db
        .insert(orgEquity)
        .select(sql`SELECT ${p.orgId}, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 WHERE ${won}`)
        .onConflictDoNothing(),
      db
        .update(orgEquity)
        .set({
          events: sql`${orgEquity.events} + 1`,
          awards: sql`${orgEquity.awards} + 1`,
          amount: sql`${orgEquity.amount} + ${p.usd}`,
          core: sql`${orgEquity.core} + ${a.core ? p.usd : 0}`,
          unconverted: sql`${orgEquity.unconverted} + ${a.amountUsd === null ? 1 : 0}`,
        })
        .where(and(eq(orgEquity.orgId, p.orgId), won)),
      ...(funding
        ? [
            db
              .update(orgs)
              .set({ fundingReceivedUsd: sql`${orgs.fundingReceivedUsd} + ${p.usd}` })
              .where(and(eq(orgs.id, p.orgId), won)),
          ]
        : []),
    ]),
  ];
};

/** Organisations a partner field may mean: its id, or its exact name (the pages accept either). */
export const findOrgsByIdOrName = (db: Db, value: string) =>
  db
    .select({ id: orgs.id, name: orgs.name, kind: orgs.kind, visibility: orgs.visibility })
    .from(orgs)
    .where(and(isNull(orgs.deletedAt), or(eq(orgs.id, value), eq(orgs.name, value))))
    .limit(10)
    .all();

/** The draft is still at the version the lead read (the condition of the partner writes). */
export const draftAtVersion = (applicationId: string, version: number) =>
  sql`EXISTS (SELECT 1 FROM applications WHERE id = ${applicationId} AND version = ${version} AND status = 'draft')`;
