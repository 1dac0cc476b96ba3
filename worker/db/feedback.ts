// Anonymous feedback to a group: the text, the group and the day, nothing about who sent it.
import { desc, eq, sql } from "drizzle-orm";
import { awards, calls, orgFeedback, payments } from "../../schema";
import type { Db } from "./client";

/** More than an owner reads at once; older messages stay stored. */
export const FEEDBACK_LIST_LIMIT = 500;

export const insertFeedback = (db: Db, row: { id: string; orgId: string; text: string; day: string }) =>
  db.insert(orgFeedback).values({ id: row.id, orgId: row.orgId, text: row.text, createdAt: row.day });

/** Newest first: by day, then by the order they were stored in (rowid), which carries no time. */
export const feedbackOf = (db: Db, orgId: string, limit = FEEDBACK_LIST_LIMIT) =>
  db
    .select({ id: orgFeedback.id, text: orgFeedback.text, createdAt: orgFeedback.createdAt })
    .from(orgFeedback)
    .where(eq(orgFeedback.orgId, orgId))
    .orderBy(desc(orgFeedback.createdAt), desc(sql`${orgFeedback}.rowid`))
    .limit(limit);

/**
 * Funded: awarded through a call at least once, or paid at least once for a pledge. Awards of confidential
 * calls do not count: whether anyone may write to the group would tell that it got one.
 */
export const isFunded = async (db: Db, orgId: string) => {
  const row = await db.get<{ funded: number }>(
    sql`SELECT EXISTS (SELECT 1 FROM ${awards} JOIN ${calls} ON ${calls.id} = ${awards.callId} WHERE ${awards.orgId} = ${orgId} AND ${calls.confidential} = 0)
      OR EXISTS (SELECT 1 FROM ${payments} WHERE ${payments.recipientOrgId} = ${orgId} AND ${payments.kind} = 'payment')
      AS funded`,
  );
  return !!row?.funded;
};
