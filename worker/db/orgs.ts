// Organisations and memberships: rows ↔ the API's Org shape, visibility-filtered listing, versioned updates.
import { and, asc, eq, gt, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { orgs, memberships, invitations, users } from "../../schema";
import { LED_BY, THEMES, type LedBy, type MemberRole, type OrgKind, type Theme, type Visibility } from "../../schema/enums";
import type { Db } from "./client";
import { nowIso } from "./client";
import { fromMask, toMask } from "../domain/bitmask";
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
    r.annualBudgetAmount !== null && r.annualBudgetCurrency ? { amount: r.annualBudgetAmount, currency: r.annualBudgetCurrency } : null,
  staffCount: r.staffCount,
  volunteerCount: r.volunteerCount,
  ledBy: fromMask(r.ledBy, LED_BY),
  themes: fromMask(r.themes, THEMES),
  languages: JSON.parse(r.languages) as string[],
  visibility: r.visibility,
  verified: r.verified,
  version: r.version,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});
export type Org = ReturnType<typeof toOrg>;

/** API field names → column values; only the keys present in `f` are written. */
const toColumns = (f: Partial<OrgFields>) => {
  const cols: Partial<typeof orgs.$inferInsert> = {};
  for (const key of ["name", "description", "country", "area", "setting", "legalStatus", "foundedYear", "staffCount", "volunteerCount", "visibility"] as const) {
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
  const row = await db.select().from(orgs).where(and(eq(orgs.id, id), isNull(orgs.deletedAt))).get();
  return row ? toOrg(row) : null;
};

/** The organisation a record points at, including a deleted one's anonymised tombstone (old pledges, awards). */
export const findOrgRecord = async (db: Db, id: string) => {
  const row = await db.select().from(orgs).where(eq(orgs.id, id)).get();
  return row ? toOrg(row) : null;
};

/** The organisation and its owner membership are written in one atomic batch. */
export const insertOrgWithOwner = async (db: Db, id: string, kind: OrgKind, f: OrgFields, ownerId: string, extra: BatchItem<"sqlite">[] = []) => {
  const now = nowIso();
  const [inserted] = await db.batch([
    db.insert(orgs).values({ id, kind, ...toColumns(f), name: f.name, country: f.country, createdAt: now, updatedAt: now }).returning(),
    db.insert(memberships).values({ orgId: id, userId: ownerId, role: "owner", createdAt: now }),
    ...extra,
  ]);
  return toOrg(inserted[0]);
};

/** Compare-and-set on `version`: returns null when someone else changed the organisation first. */
export const updateOrgVersioned = async (db: Db, id: string, version: number, f: Partial<OrgFields>, extra: BatchItem<"sqlite">[] = []) => {
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
  db.update(orgs).set({ verified, version: sql`${orgs.version} + 1`, updatedAt: nowIso() }).where(eq(orgs.id, id));

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
    f.memberOf.length ? or(inArray(orgs.visibility, f.visibleLevels), inArray(orgs.id, f.memberOf)) : inArray(orgs.visibility, f.visibleLevels),
    f.kind ? eq(orgs.kind, f.kind) : undefined,
    f.country ? eq(orgs.country, f.country) : undefined,
    f.theme ? sql`(${orgs.themes} & ${1 << THEMES.indexOf(f.theme)}) != 0` : undefined,
    f.q ? sql`${orgs.name} LIKE ${`%${f.q.replace(/[%_\\]/g, (m) => `\\${m}`)}%`} ESCAPE '\\'` : undefined,
  ];
  const cursor = decodeCursor(f.cursor);
  if (cursor) conds.push(or(gt(orgs.name, cursor.name), and(eq(orgs.name, cursor.name), gt(orgs.id, cursor.id))));
  const rows = await db
    .select()
    .from(orgs)
    .where(and(...conds))
    .orderBy(asc(orgs.name), asc(orgs.id))
    .limit(f.limit + 1)
    .all();
  const page = rows.slice(0, f.limit).map(toOrg);
  const last = page[page.length - 1];
  return { items: page, nextCursor: rows.length > f.limit && last ? encodeCursor({ name: last.name, id: last.id }) : null };
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
    .select({ userId: users.id, name: users.name, email: users.email, role: memberships.role, since: memberships.createdAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.orgId, orgId))
    .orderBy(asc(memberships.createdAt))
    .all();

/** Adds or changes a membership (an owner may promote a member by inviting them again as owner). */
export const upsertMembership = (db: Db, orgId: string, userId: string, role: MemberRole) =>
  db
    .insert(memberships)
    .values({ orgId, userId, role, createdAt: nowIso() })
    .onConflictDoUpdate({ target: [memberships.orgId, memberships.userId], set: { role } });

export const insertInvitation = (db: Db, inv: { id: string; orgId: string; email: string; role: MemberRole; invitedBy: string }) =>
  db.insert(invitations).values({ ...inv, createdAt: nowIso() });

export const pendingInvitationsFor = (db: Db, email: string) =>
  db
    .select({ id: invitations.id, orgId: invitations.orgId, orgName: orgs.name, role: invitations.role, createdAt: invitations.createdAt })
    .from(invitations)
    .innerJoin(orgs, eq(orgs.id, invitations.orgId))
    .where(and(eq(invitations.email, email), sql`${invitations.acceptedAt} IS NULL`))
    .all();

/** Accepting marks the invitation used and creates the membership in one batch; only the invited address may. */
export const acceptInvitation = async (db: Db, id: string, email: string, userId: string) => {
  const inv = await db
    .select()
    .from(invitations)
    .where(and(eq(invitations.id, id), eq(invitations.email, email), sql`${invitations.acceptedAt} IS NULL`))
    .get();
  if (!inv) return null;
  await db.batch([
    db.update(invitations).set({ acceptedAt: nowIso() }).where(eq(invitations.id, id)),
    upsertMembership(db, inv.orgId, userId, inv.role),
  ]);
  return inv;
};

/** id → name for a handful of organisations (the viewer's memberships). */
export const findOrgNames = async (db: Db, ids: string[]) => {
  if (!ids.length) return {} as Record<string, string>;
  const rows = await db.select({ id: orgs.id, name: orgs.name, kind: orgs.kind }).from(orgs).where(inArray(orgs.id, ids)).all();
  return Object.fromEntries(rows.map((r) => [r.id, r.name])) as Record<string, string>;
};

export const listUnverified = async (db: Db, limit = 50) =>
  (await db.select().from(orgs).where(and(eq(orgs.verified, false), isNull(orgs.deletedAt))).orderBy(asc(orgs.createdAt)).limit(limit).all()).map(toOrg);
