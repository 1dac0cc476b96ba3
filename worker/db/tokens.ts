// Personal API tokens: only the SHA-256 of the token is stored.
import { and, desc, eq } from "drizzle-orm";
import { apiTokens } from "../../schema";
import type { Db } from "./client";
import { nowIso } from "./client";

export const insertToken = (db: Db, t: { id: string; userId: string; name: string; tokenHash: string }) =>
  db.insert(apiTokens).values({ ...t, createdAt: nowIso() });

export const findTokenUser = async (db: Db, tokenHash: string) => {
  const row = await db.select().from(apiTokens).where(eq(apiTokens.tokenHash, tokenHash)).get();
  if (!row) return null;
  // Day precision is enough to show "last used"; avoids a write on every API call.
  const today = nowIso().slice(0, 10);
  if (row.lastUsedAt?.slice(0, 10) !== today) {
    await db.update(apiTokens).set({ lastUsedAt: nowIso() }).where(eq(apiTokens.id, row.id));
  }
  return row.userId;
};

export const listTokens = (db: Db, userId: string) =>
  db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
    })
    .from(apiTokens)
    .where(eq(apiTokens.userId, userId))
    .orderBy(desc(apiTokens.createdAt))
    .all();

export const deleteToken = (db: Db, userId: string, id: string) =>
  db
    .delete(apiTokens)
    .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId)))
    .returning()
    .get();
