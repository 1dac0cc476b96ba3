// Cookie sessions: created at login (always a new id), touched while used, expired when idle or old.
import { and, desc, eq, lt, ne, or } from "drizzle-orm";
import { sessions } from "../../schema";
import type { Db } from "./client";

export const SESSION_IDLE_MS = 7 * 24 * 3600 * 1000;
export const SESSION_ABSOLUTE_MS = 30 * 24 * 3600 * 1000;
/** Writing last_seen_at on every request would turn reads into writes; once every 5 minutes is enough. */
const TOUCH_EVERY_MS = 5 * 60 * 1000;

export const createSession = (
  db: Db,
  idHash: string,
  userId: string,
  meta: { publicId: string; userAgent: string | null },
  now = new Date(),
) =>
  db.insert(sessions).values({
    idHash,
    userId,
    publicId: meta.publicId,
    userAgent: meta.userAgent?.slice(0, 200) ?? null,
    createdAt: now.toISOString(),
    lastSeenAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS).toISOString(),
  });

/** The session's user id if it is still valid; expired sessions are deleted on sight. */
export const resolveSession = async (db: Db, idHash: string, now = new Date()) => {
  const s = await db.select().from(sessions).where(eq(sessions.idHash, idHash)).get();
  if (!s) return null;
  const idleLimit = new Date(Date.parse(s.lastSeenAt) + SESSION_IDLE_MS);
  if (Date.parse(s.expiresAt) <= now.getTime() || idleLimit <= now) {
    await db.delete(sessions).where(eq(sessions.idHash, idHash));
    return null;
  }
  if (now.getTime() - Date.parse(s.lastSeenAt) > TOUCH_EVERY_MS) {
    await db.update(sessions).set({ lastSeenAt: now.toISOString() }).where(eq(sessions.idHash, idHash));
  }
  return s.userId;
};

export const deleteSession = (db: Db, idHash: string) =>
  db.delete(sessions).where(eq(sessions.idHash, idHash));

export const purgeExpiredSessions = (db: Db, now = new Date()) =>
  db
    .delete(sessions)
    .where(
      or(
        lt(sessions.expiresAt, now.toISOString()),
        lt(sessions.lastSeenAt, new Date(now.getTime() - SESSION_IDLE_MS).toISOString()),
      ),
    );

/** Statement: ends every session of the user, except the one given (the device asking). */
export const deleteSessionsOf = (db: Db, userId: string, except: string | null = null) =>
  db
    .delete(sessions)
    .where(
      except ? and(eq(sessions.userId, userId), ne(sessions.idHash, except)) : eq(sessions.userId, userId),
    );

/** The user's sessions as they may see them: the public id, never the hash of the secret. */
export const listSessions = (db: Db, userId: string) =>
  db
    .select({
      idHash: sessions.idHash,
      id: sessions.publicId,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      userAgent: sessions.userAgent,
    })
    .from(sessions)
    .where(eq(sessions.userId, userId))
    .orderBy(desc(sessions.lastSeenAt))
    .all();

/** Ends one of the user's own sessions by its public id; false when there was none. */
export const deleteSessionByPublicId = async (db: Db, userId: string, publicId: string) =>
  (
    await db
      .delete(sessions)
      .where(and(eq(sessions.userId, userId), eq(sessions.publicId, publicId)))
      .returning({ id: sessions.publicId })
      .all()
  ).length > 0;
