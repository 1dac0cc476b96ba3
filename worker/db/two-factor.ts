// Two-step sign-in in the database: the pending and active secrets (sealed), the last accepted time step,
// and one-time recovery codes. Every "use it once" is a conditional write, so two requests racing with the
// same code cannot both succeed.
import { and, eq, inArray, isNotNull, isNull, lt, ne, or, sql } from "drizzle-orm";
import { users, recoveryCodes, orgs } from "../../schema";
import type { Db } from "./client";
import { nowIso } from "./client";

/** Statement: a new pending secret, replacing any earlier pending one; only while two-step sign-in is off. */
export const setPendingSecret = (db: Db, userId: string, sealed: string) =>
  db
    .update(users)
    .set({ totpPendingSecret: sealed, updatedAt: nowIso() })
    .where(and(eq(users.id, userId), isNull(users.totpEnabledAt)))
    .returning({ id: users.id });

/**
 * Statement: the pending secret becomes the active one, with the step of the code that confirmed it as
 * the last accepted. Only if it is still the same pending secret (a second "turn on" in another tab since
 * then wins) and two-step sign-in is still off.
 */
export const activateSecret = (db: Db, userId: string, sealed: string, step: number) =>
  db
    .update(users)
    .set({
      totpSecret: sealed,
      totpPendingSecret: null,
      totpEnabledAt: nowIso(),
      totpLastStep: step,
      updatedAt: nowIso(),
    })
    .where(and(eq(users.id, userId), eq(users.totpPendingSecret, sealed), isNull(users.totpEnabledAt)))
    .returning({ id: users.id });

/** Statements: the account's recovery codes replaced by these (hashes). */
export const replaceRecoveryCodes = (db: Db, userId: string, hashes: string[]) => {
  const now = nowIso();
  return [
    db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)),
    db.insert(recoveryCodes).values(hashes.map((codeHash) => ({ codeHash, userId, createdAt: now }))),
  ] as const;
};

/** Statements: two-step sign-in off, secrets and recovery codes gone. */
export const clearTwoFactor = (db: Db, userId: string) =>
  [
    db
      .update(users)
      .set({
        totpSecret: null,
        totpPendingSecret: null,
        totpEnabledAt: null,
        totpLastStep: null,
        updatedAt: nowIso(),
      })
      .where(eq(users.id, userId)),
    db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)),
  ] as const;

/** Accepts a code's time step once: true only if it is later than every step accepted before. */
export const acceptStep = async (db: Db, userId: string, step: number) => {
  const row = await db
    .update(users)
    .set({ totpLastStep: step })
    .where(
      and(
        eq(users.id, userId),
        isNotNull(users.totpEnabledAt),
        or(isNull(users.totpLastStep), lt(users.totpLastStep, step)),
      ),
    )
    .returning({ id: users.id })
    .get();
  return !!row;
};

/** Uses a recovery code up: true only for the one request that found it unused. */
export const useRecoveryCode = async (db: Db, userId: string, codeHash: string) => {
  const row = await db
    .update(recoveryCodes)
    .set({ usedAt: nowIso() })
    .where(
      and(
        eq(recoveryCodes.codeHash, codeHash),
        eq(recoveryCodes.userId, userId),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .returning({ codeHash: recoveryCodes.codeHash })
    .get();
  return !!row;
};

export const recoveryCodesLeft = async (db: Db, userId: string) =>
  (
    await db
      .select({ n: sql<number>`count(*)` })
      .from(recoveryCodes)
      .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)))
      .get()
  )?.n ?? 0;

/** Whether any of these organisations is hidden or funders-only (its members are the ones most at risk). */
export const anyNonPublicOrg = async (db: Db, orgIds: string[]) => {
  if (!orgIds.length) return false;
  return !!(await db
    .select({ id: orgs.id })
    .from(orgs)
    .where(and(inArray(orgs.id, orgIds), ne(orgs.visibility, "public")))
    .limit(1)
    .get());
};
