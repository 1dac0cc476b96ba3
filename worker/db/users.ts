// Users and the viewer lookup (user + memberships) used on every signed-in request.
import { eq, sql } from "drizzle-orm";
import { users, memberships, orgs } from "../../schema";
import type { PlatformRole } from "../../schema/accounts";
import type { Db } from "./client";
import { nowIso } from "./client";
import type { Viewer } from "../domain/permissions";

export type UserRow = typeof users.$inferSelect;

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export const findUserByEmail = (db: Db, email: string) =>
  db
    .select()
    .from(users)
    .where(eq(users.email, normaliseEmail(email)))
    .get();

/** Inserts a user; returns null when the e-mail is already taken (a unique constraint, so races are safe). */
export const insertUser = async (
  db: Db,
  u: {
    id: string;
    email: string;
    name: string;
    locale: string;
    passwordHash: string;
    platformRole?: PlatformRole;
    emailVerifiedAt?: string;
  },
) => {
  const now = nowIso();
  const row = await db
    .insert(users)
    .values({
      ...u,
      email: normaliseEmail(u.email),
      platformRole: u.platformRole ?? "user",
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing({ target: users.email })
    .returning()
    .get();
  return row ?? null;
};

export const findUserById = (db: Db, id: string) => db.select().from(users).where(eq(users.id, id)).get();

/** Statement: the address is proven (kept at its first proof). */
export const markEmailVerified = (db: Db, id: string) =>
  db
    .update(users)
    .set({ emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, ${nowIso()})`, updatedAt: nowIso() })
    .where(eq(users.id, id));

/** Statement: a new password hash, for a batch that also ends sessions and writes the audit entry. */
export const setPasswordHash = (db: Db, id: string, passwordHash: string) =>
  db.update(users).set({ passwordHash, updatedAt: nowIso() }).where(eq(users.id, id));

export const updateUser = (
  db: Db,
  id: string,
  patch: Partial<Pick<UserRow, "name" | "locale" | "timeZone" | "passwordHash">>,
) =>
  db
    .update(users)
    .set({ ...patch, updatedAt: nowIso() })
    .where(eq(users.id, id))
    .returning()
    .get();

/** The viewer (user with memberships) in one round trip. */
export const loadViewer = async (db: Db, userId: string): Promise<Viewer | null> => {
  const [userRows, memberRows] = await db.batch([
    db.select().from(users).where(eq(users.id, userId)),
    db
      .select({
        orgId: memberships.orgId,
        role: memberships.role,
        orgKind: orgs.kind,
        orgVerified: orgs.verified,
      })
      .from(memberships)
      .innerJoin(orgs, eq(orgs.id, memberships.orgId))
      .where(eq(memberships.userId, userId))
      .orderBy(sql`${memberships.createdAt}`),
  ]);
  const u = userRows[0];
  if (!u) return null;
  return {
    userId: u.id,
    email: u.email,
    emailVerified: u.emailVerifiedAt !== null,
    name: u.name,
    locale: u.locale,
    timeZone: u.timeZone,
    platformRole: u.platformRole,
    memberships: memberRows,
    twoFactor: u.totpEnabledAt !== null,
  };
};
