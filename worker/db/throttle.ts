// Failed-login counting per account, in one atomic upsert so parallel attempts cannot slip past it.
import { eq, sql } from "drizzle-orm";
import { loginThrottle } from "../../schema";
import type { Db } from "./client";

export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60 * 1000;

/** Seconds until the account may try again, or 0 when it is not locked. */
export const lockedForSeconds = async (db: Db, email: string, now = new Date()) => {
  const row = await db.select().from(loginThrottle).where(eq(loginThrottle.email, email)).get();
  if (!row || row.failures < MAX_FAILURES) return 0;
  const until = Date.parse(row.windowStart) + WINDOW_MS;
  return until > now.getTime() ? Math.ceil((until - now.getTime()) / 1000) : 0;
};

/** Counts one failure; a window older than 15 minutes starts again at 1, so the owner is never locked forever. */
export const recordFailure = (db: Db, email: string, now = new Date()) => {
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
    });
};

export const clearFailures = (db: Db, email: string) => db.delete(loginThrottle).where(eq(loginThrottle.email, email));
