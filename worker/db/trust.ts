// The trust ladder's evidence in SQL: gathering an organisation's facts, storing its derived level, and
// writing vouches, requests, coordinators and confirmations.
import { and, desc, eq, gte, inArray, isNull, ne, notInArray, or, sql } from "drizzle-orm";
import {
  orgs,
  memberships,
  users,
  countries,
  vouches,
  vouchRequests,
  chapterCoordinators,
  confirmations,
  confirmationRequests,
} from "../../schema";
import type { ConfirmationMethod, VouchRelationship } from "../../schema/trust";
import type { Visibility } from "../../schema/enums";
import type { Db } from "./client";
import { nowIso } from "./client";
import type { TrustFacts } from "../domain/trust";

/** Everything the level of `orgId` depends on, in one round trip. */
export const trustFacts = async (db: Db, orgId: string): Promise<TrustFacts | null> => {
  const [orgRows, memberRows, confirmationRows, vouchRows] = await db.batch([
    db
      .select({
        country: orgs.country,
        region: countries.unSubregion,
        verified: orgs.verified,
        deletedAt: orgs.deletedAt,
      })
      .from(orgs)
      .leftJoin(countries, eq(countries.code, orgs.country))
      .where(eq(orgs.id, orgId)),
    db
      .select({ verified: users.emailVerifiedAt })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.orgId, orgId)),
    db
      .select({
        at: confirmations.createdAt,
        coordinatorUserId: confirmations.coordinatorUserId,
        method: confirmations.method,
      })
      .from(confirmations)
      .where(and(eq(confirmations.orgId, orgId), isNull(confirmations.revokedAt))),
    db
      .select({
        id: vouches.id,
        voucherOrgId: vouches.voucherOrgId,
        voucherLevel: orgs.trustLevel,
        voucherCountry: orgs.country,
        voucherRegion: countries.unSubregion,
        sharesMember: sql<number>`EXISTS (SELECT 1 FROM memberships a JOIN memberships b ON a.user_id = b.user_id WHERE a.org_id = ${vouches.voucherOrgId} AND b.org_id = ${orgId})`,
        createdAt: vouches.createdAt,
        expiresAt: vouches.expiresAt,
        revokedAt: vouches.revokedAt,
        returnedAt: sql<
          string | null
        >`(SELECT max(r.created_at) FROM vouches r WHERE r.voucher_org_id = ${orgId} AND r.vouchee_org_id = ${vouches.voucherOrgId})`,
      })
      .from(vouches)
      .innerJoin(orgs, eq(orgs.id, vouches.voucherOrgId))
      .leftJoin(countries, eq(countries.code, orgs.country))
      .where(eq(vouches.voucheeOrgId, orgId)),
  ]);
  const o = orgRows[0];
  if (!o || o.deletedAt) return null;
  return {
    org: {
      country: o.country,
      region: o.region,
      platformVerified: o.verified,
      members: memberRows.length,
      verifiedMembers: memberRows.filter((m) => m.verified !== null).length,
    },
    confirmations: confirmationRows,
    vouches: vouchRows.map((v) => ({ ...v, sharesMember: !!v.sharesMember })),
  };
};

export const storedTrustLevel = async (db: Db, orgId: string) =>
  (await db.select({ level: orgs.trustLevel }).from(orgs).where(eq(orgs.id, orgId)).get())?.level ?? null;

export const setTrustLevel = (db: Db, orgId: string, level: number) =>
  db.update(orgs).set({ trustLevel: level }).where(eq(orgs.id, orgId));

/** Organisations an organisation vouches for (still active): their level may rest on it. */
export const voucheesOf = async (db: Db, orgId: string) =>
  (
    await db
      .select({ id: vouches.voucheeOrgId })
      .from(vouches)
      .where(and(eq(vouches.voucherOrgId, orgId), isNull(vouches.revokedAt)))
      .all()
  ).map((r) => r.id);

/** Organisations a user is a member of (their level 1 depends on the user's verified address). */
export const orgsOfUser = async (db: Db, userId: string) =>
  (
    await db.select({ id: memberships.orgId }).from(memberships).where(eq(memberships.userId, userId)).all()
  ).map((r) => r.id);

/** Organisations at level 2 whose vouches may have expired since (the cron re-derives them). */
export const orgsAtLevel = async (db: Db, level: number) =>
  (
    await db
      .select({ id: orgs.id })
      .from(orgs)
      .where(and(eq(orgs.trustLevel, level), isNull(orgs.deletedAt)))
      .all()
  ).map((r) => r.id);

// Vouches.

export const insertVouch = (
  db: Db,
  v: {
    id: string;
    voucherOrgId: string;
    voucheeOrgId: string;
    relationship: VouchRelationship;
    statement: string;
    createdBy: string;
    expiresAt: string;
  },
) =>
  db
    .insert(vouches)
    .values({ ...v, createdAt: nowIso() })
    .onConflictDoNothing()
    .returning({ id: vouches.id });

/** An expired vouch no longer blocks a new one for the same pair (it is closed, kept as history). */
export const closeExpiredVouch = (db: Db, voucherOrgId: string, voucheeOrgId: string, now = new Date()) =>
  db
    .update(vouches)
    .set({ revokedAt: now.toISOString() })
    .where(
      and(
        eq(vouches.voucherOrgId, voucherOrgId),
        eq(vouches.voucheeOrgId, voucheeOrgId),
        isNull(vouches.revokedAt),
        sql`${vouches.expiresAt} <= ${now.toISOString()}`,
      ),
    );

export const findVouch = (db: Db, id: string) => db.select().from(vouches).where(eq(vouches.id, id)).get();

export const revokeVouchRow = (db: Db, id: string) =>
  db
    .update(vouches)
    .set({ revokedAt: nowIso() })
    .where(and(eq(vouches.id, id), isNull(vouches.revokedAt)))
    .returning({ id: vouches.id });

/** Vouches for an organisation, newest first, with the voucher's name and visibility (to name it or not). */
export const vouchesFor = (db: Db, orgId: string) =>
  db
    .select({
      id: vouches.id,
      voucherOrgId: vouches.voucherOrgId,
      voucherName: orgs.name,
      voucherVisibility: orgs.visibility,
      voucherLevel: orgs.trustLevel,
      relationship: vouches.relationship,
      statement: vouches.statement,
      createdAt: vouches.createdAt,
      expiresAt: vouches.expiresAt,
      revokedAt: vouches.revokedAt,
    })
    .from(vouches)
    .innerJoin(orgs, eq(orgs.id, vouches.voucherOrgId))
    .where(eq(vouches.voucheeOrgId, orgId))
    .orderBy(desc(vouches.createdAt))
    .all();

export const insertVouchRequest = (
  db: Db,
  r: { id: string; fromOrgId: string; toOrgId: string; createdBy: string },
) =>
  db
    .insert(vouchRequests)
    .values({ ...r, createdAt: nowIso() })
    .onConflictDoNothing();

export const answerVouchRequests = (db: Db, fromOrgId: string, toOrgId: string) =>
  db
    .update(vouchRequests)
    .set({ answeredAt: nowIso() })
    .where(
      and(
        eq(vouchRequests.fromOrgId, fromOrgId),
        eq(vouchRequests.toOrgId, toOrgId),
        isNull(vouchRequests.answeredAt),
      ),
    );

/** Open requests addressed to these organisations, with the asking group's name. */
export const vouchRequestsTo = (db: Db, orgIds: string[]) =>
  orgIds.length
    ? db
        .select({
          id: vouchRequests.id,
          fromOrgId: vouchRequests.fromOrgId,
          fromName: orgs.name,
          fromVisibility: orgs.visibility,
          toOrgId: vouchRequests.toOrgId,
          createdAt: vouchRequests.createdAt,
        })
        .from(vouchRequests)
        .innerJoin(orgs, eq(orgs.id, vouchRequests.fromOrgId))
        .where(and(inArray(vouchRequests.toOrgId, orgIds), isNull(vouchRequests.answeredAt)))
        .orderBy(desc(vouchRequests.createdAt))
        .all()
    : Promise.resolve([]);

/**
 * Trusted organisations (level 3 or 4) a group may ask for a vouch: in its country or sub-region (where a
 * vouch counts), among those the asker may see and which may see the group (public ones for a public
 * group; verified funders for a funders-only one), not the asker's own; its country first, at most 50.
 */
export const trustedOrgsNear = (
  db: Db,
  from: { id: string; country: string; visibility: Visibility },
  seen: Visibility[],
  exclude: string[],
) =>
  db
    .select({ id: orgs.id, name: orgs.name, country: orgs.country })
    .from(orgs)
    .leftJoin(countries, eq(countries.code, orgs.country))
    .where(
      and(
        gte(orgs.trustLevel, 3),
        isNull(orgs.deletedAt),
        ne(orgs.id, from.id),
        exclude.length ? notInArray(orgs.id, exclude) : undefined,
        inArray(orgs.visibility, seen),
        from.visibility === "public" ? undefined : and(eq(orgs.kind, "funder"), eq(orgs.verified, true)),
        or(
          eq(orgs.country, from.country),
          eq(
            countries.unSubregion,
            sql`(SELECT c.un_subregion FROM countries c WHERE c.code = ${from.country})`,
          ),
        ),
      ),
    )
    .orderBy(sql`${orgs.country} <> ${from.country}`, orgs.name)
    .limit(50)
    .all();

// Chapters.

export const coordinatorsOf = (db: Db, country: string) =>
  db
    .select({ userId: users.id, name: users.name, since: chapterCoordinators.createdAt })
    .from(chapterCoordinators)
    .innerJoin(users, eq(users.id, chapterCoordinators.userId))
    .where(eq(chapterCoordinators.country, country))
    .orderBy(chapterCoordinators.createdAt)
    .all();

export const coordinatedCountries = async (db: Db, userId: string) =>
  (
    await db
      .select({ country: chapterCoordinators.country })
      .from(chapterCoordinators)
      .where(eq(chapterCoordinators.userId, userId))
      .all()
  ).map((r) => r.country);

export const appointCoordinator = (db: Db, country: string, userId: string, by: string) =>
  db
    .insert(chapterCoordinators)
    .values({ country, userId, appointedBy: by, createdAt: nowIso() })
    .onConflictDoNothing();

export const removeCoordinator = (db: Db, country: string, userId: string) =>
  db
    .delete(chapterCoordinators)
    .where(and(eq(chapterCoordinators.country, country), eq(chapterCoordinators.userId, userId)))
    .returning({ userId: chapterCoordinators.userId });

/** Countries with a chapter, with their number of coordinators and of listed organisations. */
export const chapterList = (db: Db) =>
  db
    .select({
      country: chapterCoordinators.country,
      coordinators: sql<number>`count(*)`,
      listedOrgs: sql<number>`(SELECT count(*) FROM orgs o WHERE o.country = ${chapterCoordinators.country} AND o.listed_in_chapter = 1 AND o.visibility = 'public' AND o.deleted_at IS NULL)`,
    })
    .from(chapterCoordinators)
    .groupBy(chapterCoordinators.country)
    .orderBy(chapterCoordinators.country)
    .all();

/** Organisations of a country that agreed to be listed — public profiles only, whatever they agreed to. */
export const listedOrgsOf = (db: Db, country: string) =>
  db
    .select({ id: orgs.id, name: orgs.name, kind: orgs.kind, trustLevel: orgs.trustLevel })
    .from(orgs)
    .where(
      and(
        eq(orgs.country, country),
        eq(orgs.listedInChapter, true),
        eq(orgs.visibility, "public"),
        isNull(orgs.deletedAt),
      ),
    )
    .orderBy(orgs.name)
    .limit(500)
    .all();

export const insertConfirmation = (
  db: Db,
  c: { id: string; orgId: string; coordinatorUserId: string; method: ConfirmationMethod; note: string },
) => db.insert(confirmations).values({ ...c, createdAt: nowIso() });

export const revokeConfirmations = (db: Db, orgId: string) =>
  db
    .update(confirmations)
    .set({ revokedAt: nowIso() })
    .where(and(eq(confirmations.orgId, orgId), isNull(confirmations.revokedAt)));

export const confirmationsOf = (db: Db, orgId: string) =>
  db
    .select({
      id: confirmations.id,
      method: confirmations.method,
      note: confirmations.note,
      createdAt: confirmations.createdAt,
      coordinatorName: users.name,
    })
    .from(confirmations)
    .innerJoin(users, eq(users.id, confirmations.coordinatorUserId))
    .where(and(eq(confirmations.orgId, orgId), isNull(confirmations.revokedAt)))
    .orderBy(desc(confirmations.createdAt))
    .all();

export const requestConfirmation = (db: Db, orgId: string, userId: string) =>
  db
    .insert(confirmationRequests)
    .values({ orgId, createdBy: userId, createdAt: nowIso() })
    .onConflictDoNothing();
export const clearConfirmationRequest = (db: Db, orgId: string) =>
  db.delete(confirmationRequests).where(eq(confirmationRequests.orgId, orgId));

/** The coordinators' queue for a country: groups asking to be confirmed (hidden ones included: coordinators see them here only). */
export const confirmationQueue = (db: Db, country: string) =>
  db
    .select({
      orgId: orgs.id,
      name: orgs.name,
      area: orgs.area,
      visibility: orgs.visibility,
      trustLevel: orgs.trustLevel,
      askedAt: confirmationRequests.createdAt,
    })
    .from(confirmationRequests)
    .innerJoin(orgs, eq(orgs.id, confirmationRequests.orgId))
    .where(and(eq(orgs.country, country), isNull(orgs.deletedAt)))
    .orderBy(confirmationRequests.createdAt)
    .all();
