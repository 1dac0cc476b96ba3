// Organisations and memberships: rows ↔ the API's Org shape, visibility-filtered listing, versioned updates.
import { and, asc, eq, gt, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import {
  orgs,
  memberships,
  invitations,
  users,
  calls,
  callPanelists,
  digestSubscriptions,
} from "../../schema";
import {
  LED_BY,
  THEMES,
  type LedBy,
  type MemberRole,
  type OrgKind,
  type Theme,
  type Visibility,
} from "../../schema/enums";
import type { Db } from "./client";
import { nowIso } from "./client";
import { fromMask, toMask } from "../domain/bitmask";
import { normaliseEmail } from "../domain/permissions";
import type { Money } from "../domain/money";

export type OrgRow = typeof orgs.$inferSelect;

export type OrgFields = {
  name: string;
  description?: string | null;
  country: string;
  area?: string | null;
  setting?: OrgRow["setting"];
  legalStatus?: OrgRow["legalStatus"];
  foundedYear?: number | null;
  annualBudget?: Money | null;
  staffCount?: number | null;
  volunteerCount?: number | null;
  ledBy?: LedBy[];
  themes?: Theme[];
  languages?: string[];
  visibility?: Visibility;
  listedInChapter?: boolean;
};

export const toOrg = (r: OrgRow) => ({
  id: r.id,
  kind: r.kind,
  name: r.name,
  description: r.description,
  country: r.country,
  area: r.area,
  setting: r.setting,
  legalStatus: r.legalStatus,
  foundedYear: r.foundedYear,
  annualBudget:
    r.annualBudgetAmount !== null && r.annualBudgetCurrency
      ? { amount: r.annualBudgetAmount, currency: r.annualBudgetCurrency }
      : null,
  staffCount: r.staffCount,
  volunteerCount: r.volunteerCount,
  ledBy: fromMask(r.ledBy, LED_BY),
  themes: fromMask(r.themes, THEMES),
  languages: JSON.parse(r.languages) as string[],
  visibility: r.visibility,
  verified: r.verified,
  trustLevel: r.trustLevel,
  listedInChapter: r.listedInChapter,
  version: r.version,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});
export type Org = ReturnType<typeof toOrg>;

/** API field names → column values; only the keys present in `f` are written. */
const toColumns = (f: Partial<OrgFields>) => {
  const cols: Partial<typeof orgs.$inferInsert> = {};
  for (const key of [
    "name",
    "description",
    "country",
    "area",
    "setting",
    "legalStatus",
    "foundedYear",
    "staffCount",
    "volunteerCount",
    "visibility",
    "listedInChapter",
  ] as const) {
    if (f[key] !== undefined) (cols as Record<string, unknown>)[key] = f[key];
  }
  if (f.annualBudget !== undefined) {
    cols.annualBudgetAmount = f.annualBudget?.amount ?? null;
    cols.annualBudgetCurrency = f.annualBudget?.currency ?? null;
  }
  if (f.ledBy) cols.ledBy = toMask(f.ledBy, LED_BY);
  if (f.themes) cols.themes = toMask(f.themes, THEMES);
  if (f.languages) cols.languages = JSON.stringify(f.languages);
  return cols;
};

/** A live organisation; a deleted one is gone for every purpose that acts on it. */
export const findOrg = async (db: Db, id: string) => {
  const row = await db
    .select()
    .from(orgs)
    .where(and(eq(orgs.id, id), isNull(orgs.deletedAt)))
    .get();
  return row ? toOrg(row) : null;
};

/** The organisation a record points at, including a deleted one's anonymised tombstone (old pledges, awards). */
export const findOrgRecord = async (db: Db, id: string) => {
  const row = await db.select().from(orgs).where(eq(orgs.id, id)).get();
  return row ? toOrg(row) : null;
};

/** The organisation and its owner membership are written in one atomic batch. */
export const insertOrgWithOwner = async (
  db: Db,
  id: string,
  kind: OrgKind,
  f: OrgFields,
  ownerId: string,
  extra: BatchItem<"sqlite">[] = [],
) => {
  const now = nowIso();
  const [inserted] = await db.batch([
    db
      .insert(orgs)
      .values({ id, kind, ...toColumns(f), name: f.name, country: f.country, createdAt: now, updatedAt: now })
      .returning(),
    db.insert(memberships).values({ orgId: id, userId: ownerId, role: "owner", createdAt: now }),
    ...extra,
  ]);
  return toOrg(inserted[0]);
};

/** Compare-and-set on `version`: returns null when someone else changed the organisation first. */
export const updateOrgVersioned = async (
  db: Db,
  id: string,
  version: number,
  f: Partial<OrgFields>,
  extra: BatchItem<"sqlite">[] = [],
) => {
  const [updated] = await db.batch([
    db
      .update(orgs)
      .set({ ...toColumns(f), version: sql`${orgs.version} + 1`, updatedAt: nowIso() })
      .where(and(eq(orgs.id, id), eq(orgs.version, version)))
      .returning(),
    ...extra,
  ]);
  return updated[0] ? toOrg(updated[0]) : null;
};

export const setVerified = (db: Db, id: string, verified: boolean) =>
  db
    .update(orgs)
    .set({ verified, version: sql`${orgs.version} + 1`, updatedAt: nowIso() })
    .where(eq(orgs.id, id));

export type OrgFilter = {
  kind?: OrgKind;
  country?: string;
  theme?: Theme;
  q?: string;
  visibleLevels: Visibility[];
  /** Organisations the viewer belongs to are listed whatever their visibility. */
  memberOf: string[];
  limit: number;
  cursor?: string;
};

/** Visibility is part of the WHERE clause, so nothing the viewer may not see is ever read. Keyset-paged by name, id. */
export const listOrgs = async (db: Db, f: OrgFilter) => {
  const conds: (SQL | undefined)[] = [
    isNull(orgs.deletedAt),
    f.memberOf.length
      ? or(inArray(orgs.visibility, f.visibleLevels), inArray(orgs.id, f.memberOf))
      : inArray(orgs.visibility, f.visibleLevels),
    f.kind ? eq(orgs.kind, f.kind) : undefined,
    f.country ? eq(orgs.country, f.country) : undefined,
    f.theme ? sql`(${orgs.themes} & ${1 << THEMES.indexOf(f.theme)}) != 0` : undefined,
    f.q ? sql`${orgs.name} LIKE ${`%${f.q.replace(/[%_\\]/g, (m) => `\\${m}`)}%`} ESCAPE '\\'` : undefined,
  ];
  const cursor = decodeCursor(f.cursor);
  if (cursor)
    conds.push(or(gt(orgs.name, cursor.name), and(eq(orgs.name, cursor.name), gt(orgs.id, cursor.id))));
  const rows = await db
    .select()
    .from(orgs)
    .where(and(...conds))
    .orderBy(asc(orgs.name), asc(orgs.id))
    .limit(f.limit + 1)
    .all();
  const page = rows.slice(0, f.limit).map(toOrg);
  const last = page[page.length - 1];
  return {
    items: page,
    nextCursor: rows.length > f.limit && last ? encodeCursor({ name: last.name, id: last.id }) : null,
  };
};

const encodeCursor = (c: { name: string; id: string }) => btoa(encodeURIComponent(JSON.stringify(c)));
const decodeCursor = (s?: string): { name: string; id: string } | null => {
  if (!s) return null;
  try {
    const c = JSON.parse(decodeURIComponent(atob(s)));
    return typeof c?.name === "string" && typeof c?.id === "string" ? c : null;
  } catch {
    return null;
  }
};

export const listMembers = (db: Db, orgId: string) =>
  db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      role: memberships.role,
      since: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.orgId, orgId))
    .orderBy(asc(memberships.createdAt))
    .all();

/** An invitation can be answered for this long after it was made. */
export const INVITATION_DAYS = 14;
export const invitationExpiry = (createdAt: string) =>
  new Date(Date.parse(createdAt) + INVITATION_DAYS * 86_400_000).toISOString();

/** Not accepted, declined or revoked, and not expired at `now` (a missing expiry never counts as pending). */
export const pendingAt = (now: string) =>
  and(
    isNull(invitations.acceptedAt),
    isNull(invitations.declinedAt),
    isNull(invitations.revokedAt),
    gt(invitations.expiresAt, now),
  );

/** Pending rows always have an expiry (see `pendingAt`); typed as such for the API. */
const expiresAt = sql<string>`${invitations.expiresAt}`;

export const insertInvitation = (
  db: Db,
  inv: { id: string; orgId: string; email: string; role: MemberRole; invitedBy: string },
) => {
  const now = nowIso();
  return db
    .insert(invitations)
    .values({ ...inv, email: normaliseEmail(inv.email), createdAt: now, expiresAt: invitationExpiry(now) });
};

/** Pending invitations of an address (to organisations that still exist), oldest first. */
export const pendingInvitationsFor = (db: Db, email: string, now = nowIso()) =>
  db
    .select({
      id: invitations.id,
      orgId: invitations.orgId,
      orgName: orgs.name,
      role: invitations.role,
      kind: invitations.kind,
      callId: invitations.callId,
      callTitle: calls.title,
      createdAt: invitations.createdAt,
      expiresAt,
    })
    .from(invitations)
    .innerJoin(orgs, eq(orgs.id, invitations.orgId))
    .leftJoin(calls, eq(calls.id, invitations.callId))
    .where(and(eq(invitations.email, normaliseEmail(email)), pendingAt(now), isNull(orgs.deletedAt)))
    .orderBy(asc(invitations.createdAt), asc(invitations.id))
    .all();

/** An organisation's pending invitations, oldest first (for its owners). */
export const pendingInvitationsOf = (db: Db, orgId: string, now = nowIso()) =>
  db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      createdAt: invitations.createdAt,
      expiresAt,
    })
    .from(invitations)
    .where(and(eq(invitations.orgId, orgId), eq(invitations.kind, "member"), pendingAt(now)))
    .orderBy(asc(invitations.createdAt), asc(invitations.id))
    .all();

/** One pending invitation to a live organisation, or null (answered, revoked, expired, unknown). */
export const findPendingInvitation = (db: Db, id: string, now = nowIso()) =>
  db
    .select({
      id: invitations.id,
      orgId: invitations.orgId,
      email: invitations.email,
      role: invitations.role,
      kind: invitations.kind,
      callId: invitations.callId,
    })
    .from(invitations)
    .innerJoin(orgs, eq(orgs.id, invitations.orgId))
    .where(and(eq(invitations.id, id), pendingAt(now), isNull(orgs.deletedAt)))
    .get();

type Extra = (won: SQL) => BatchItem<"sqlite">[];

const forMember = (email: string, kind: "member" | "panel") =>
  and(eq(invitations.email, normaliseEmail(email)), eq(invitations.kind, kind));

/**
 * Ends a pending invitation (accepted, declined or revoked) with `where` re-checked in the same statement,
 * so an invitation revoked a moment earlier cannot be accepted. `extra` statements (the membership, the
 * audit entry) run in the same batch, conditioned on `won`: this call's stamp is the one written.
 * Returns whether it was this call that ended it.
 */
const endInvitation = async (
  db: Db,
  id: string,
  field: "acceptedAt" | "declinedAt" | "revokedAt",
  where: SQL | undefined,
  extra: Extra,
) => {
  const at = nowIso();
  const column = invitations[field];
  const won = sql`EXISTS (SELECT 1 FROM ${invitations} WHERE ${invitations.id} = ${id} AND ${column} = ${at})`;
  const [ended] = await db.batch([
    db
      .update(invitations)
      .set({ [field]: at })
      .where(and(eq(invitations.id, id), pendingAt(at), where))
      .returning({ id: invitations.id }),
    ...extra(won),
  ]);
  return ended.length > 0;
};

/**
 * Accepting marks the invitation used and writes the membership in one batch, only if it is still pending
 * for this address. An invitation never demotes: an owner who accepts a "member" invitation stays owner.
 */
export const acceptInvitation = (db: Db, inv: { id: string; email: string }, userId: string, extra: Extra) =>
  endInvitation(db, inv.id, "acceptedAt", forMember(inv.email, "member"), (won) => [
    db
      .insert(memberships)
      .select(
        sql`SELECT ${invitations.orgId}, ${userId}, ${invitations.role}, ${nowIso()} FROM ${invitations} WHERE ${invitations.id} = ${inv.id} AND ${won}`,
      )
      .onConflictDoUpdate({
        target: [memberships.orgId, memberships.userId],
        set: { role: sql`CASE WHEN excluded.role = 'owner' THEN 'owner' ELSE ${memberships.role} END` },
      }),
    ...extra(won),
  ]);

/** A panel invitation makes the person a reviewer of its call, never a member of the funder. */
export const acceptPanelInvitation = (
  db: Db,
  inv: { id: string; email: string },
  userId: string,
  extra: Extra,
) =>
  endInvitation(db, inv.id, "acceptedAt", forMember(inv.email, "panel"), (won) => [
    db
      .insert(callPanelists)
      .select(
        sql`SELECT ${invitations.callId}, ${userId}, ${nowIso()} FROM ${invitations} WHERE ${invitations.id} = ${inv.id} AND ${invitations.callId} IS NOT NULL AND ${won}`,
      )
      .onConflictDoNothing(),
    ...extra(won),
  ]);

export const declineInvitation = (db: Db, inv: { id: string; email: string }, extra: Extra) =>
  endInvitation(db, inv.id, "declinedAt", eq(invitations.email, normaliseEmail(inv.email)), extra);

export const revokeInvitation = (db: Db, orgId: string, id: string, extra: Extra) =>
  endInvitation(db, id, "revokedAt", eq(invitations.orgId, orgId), extra);

export const findMembership = (db: Db, orgId: string, userId: string) =>
  db
    .select()
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)))
    .get();

/**
 * The last owner can be neither demoted nor removed. The condition is part of the write itself, so two
 * owners demoting each other at once cannot both succeed: D1 runs one statement at a time, and the second
 * sees a single owner left.
 */
const keepsAnOwner = (orgId: string) =>
  sql`(${memberships.role} <> 'owner' OR (SELECT count(*) FROM ${memberships} AS others WHERE others.org_id = ${orgId} AND others.role = 'owner') > 1)`;
/** The one acting is still an owner when the write runs (not only when their request was read). */
const stillOwner = (orgId: string, userId: string) =>
  sql`EXISTS (SELECT 1 FROM ${memberships} AS actor WHERE actor.org_id = ${orgId} AND actor.user_id = ${userId} AND actor.role = 'owner')`;
/** In a batch, right after the conditional write: whether it changed a row (SQLite's changes() of the previous statement). */
const previousChanged = sql`changes() > 0`;

/** Changes a member's role if `actingOwnerId` is still an owner and an owner remains; returns whether it did. */
export const setMemberRole = async (
  db: Db,
  orgId: string,
  userId: string,
  role: MemberRole,
  actingOwnerId: string,
  extra: Extra,
) => {
  const [changed] = await db.batch([
    db
      .update(memberships)
      .set({ role })
      .where(
        and(
          eq(memberships.orgId, orgId),
          eq(memberships.userId, userId),
          role === "owner" ? undefined : keepsAnOwner(orgId),
          stillOwner(orgId, actingOwnerId),
        ),
      )
      .returning({ userId: memberships.userId }),
    ...extra(previousChanged),
  ]);
  return changed.length > 0;
};

/**
 * Removes a membership if an owner remains; `actingOwnerId` (when someone other than the member removes
 * them) must still be an owner. Returns whether it did.
 */
export const deleteMembership = async (
  db: Db,
  orgId: string,
  userId: string,
  actingOwnerId: string | null,
  extra: Extra,
) => {
  const [deleted] = await db.batch([
    db
      .delete(memberships)
      .where(
        and(
          eq(memberships.orgId, orgId),
          eq(memberships.userId, userId),
          keepsAnOwner(orgId),
          actingOwnerId ? stillOwner(orgId, actingOwnerId) : undefined,
        ),
      )
      .returning({ userId: memberships.userId }),
    ...extra(previousChanged),
    // Someone who leaves stops getting the group's digest, and would have to opt in again on rejoining.
    db
      .delete(digestSubscriptions)
      .where(
        and(
          eq(digestSubscriptions.orgId, orgId),
          eq(digestSubscriptions.userId, userId),
          sql`NOT EXISTS (SELECT 1 FROM ${memberships} WHERE ${memberships.orgId} = ${orgId} AND ${memberships.userId} = ${userId})`,
        ),
      ),
  ]);
  return deleted.length > 0;
};

/** id → name for a handful of organisations (the viewer's memberships). */
export const findOrgNames = async (db: Db, ids: string[]) => {
  if (!ids.length) return {} as Record<string, string>;
  const rows = await db
    .select({ id: orgs.id, name: orgs.name, kind: orgs.kind })
    .from(orgs)
    .where(inArray(orgs.id, ids))
    .all();
  return Object.fromEntries(rows.map((r) => [r.id, r.name])) as Record<string, string>;
};

/** Organisations the platform has not verified (of one kind, when given), oldest first. */
export const listUnverified = async (db: Db, limit = 50, kind?: OrgKind) =>
  (
    await db
      .select()
      .from(orgs)
      .where(and(eq(orgs.verified, false), isNull(orgs.deletedAt), kind ? eq(orgs.kind, kind) : undefined))
      .orderBy(asc(orgs.createdAt))
      .limit(limit)
      .all()
  ).map(toOrg);
