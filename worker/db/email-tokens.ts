// Single-use tokens carried by mail links (verify an address, reset a password): stored as SHA-256,
// consumed by one conditional UPDATE so a link clicked twice (or by two tabs at once) works once.
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { emailTokens, type EmailTokenPurpose } from "../../schema";
import type { Db } from "./client";
import { nowIso } from "./client";

export const emailTokenInsert = (
  db: Db,
  t: { tokenHash: string; userId: string; purpose: EmailTokenPurpose; expiresAt: string },
) => db.insert(emailTokens).values({ ...t, createdAt: nowIso() });

/** The token's user if it was unused and unexpired; it is used from now on either way. */
export const consumeEmailToken = async (
  db: Db,
  tokenHash: string,
  purpose: EmailTokenPurpose,
  now = new Date(),
) => {
  const row = await db
    .update(emailTokens)
    .set({ usedAt: now.toISOString() })
    .where(
      and(
        eq(emailTokens.tokenHash, tokenHash),
        eq(emailTokens.purpose, purpose),
        isNull(emailTokens.usedAt),
        gt(emailTokens.expiresAt, now.toISOString()),
      ),
    )
    .returning({ userId: emailTokens.userId })
    .get();
  return row?.userId ?? null;
};

/** A new reset link makes the older ones of the same account useless. */
export const retireEmailTokens = (db: Db, userId: string, purpose: EmailTokenPurpose) =>
  db
    .update(emailTokens)
    .set({ usedAt: sql`coalesce(${emailTokens.usedAt}, ${nowIso()})` })
    .where(and(eq(emailTokens.userId, userId), eq(emailTokens.purpose, purpose), isNull(emailTokens.usedAt)));
