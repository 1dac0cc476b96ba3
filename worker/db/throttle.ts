// Login attempts per account, counted in one atomic upsert before the password is checked, so parallel
// attempts cannot slip past the limit; a successful login clears the count.
import { eq, sql } from "drizzle-orm";
import { loginThrottle } from "../../schema";
import type { Db } from "./client";

export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60 * 1000;

/** Counts one attempt; a window older than 15 minutes starts again at 1, so the owner is never locked forever. */
const recordAttempt = (db: Db, email: string, now: Date) => {
  const nowS = now.toISOString();
  const staleBefore = new Date(now.getTime() - WINDOW_MS).toISOString();
  return db
    .insert(loginThrottle)
    .values({ email, failures: 1, windowStart: nowS })
    .onConflictDoUpdate({
      target: loginThrottle.email,
      set: {
        failures: sql`CASE WHEN ${loginThrottle.windowStart} < ${staleBefore} THEN 1 ELSE ${loginThrottle.failures} + 1 END`,
        windowStart: sql`CASE WHEN ${loginThrottle.windowStart} < ${staleBefore} THEN ${nowS} ELSE ${loginThrottle.windowStart} END`,
      },
    })
    .returning();
};

/**
 * Counts this attempt and answers how many seconds the account must wait (0: go ahead). The count and
 * the answer come from the same statement, so ten parallel guesses get five tries, not ten.
 */
export const countAttempt = async (db: Db, email: string, now = new Date()) => {
  const row = (await recordAttempt(db, email, now).get())!;
  if (row.failures <= MAX_FAILURES) return 0;
  return Math.max(1, Math.ceil((Date.parse(row.windowStart) + WINDOW_MS - now.getTime()) / 1000));
};

export const clearFailures = (db: Db, email: string) =>
  db.delete(loginThrottle).where(eq(loginThrottle.email, email));
