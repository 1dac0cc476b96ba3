// The weekly digest's data: who opted in (and is still a member), which open calls were published since
// when, and marking a subscription's digest as sent.
import { and, eq, gt, inArray, isNull } from "drizzle-orm";
import { calls, digestSubscriptions, memberships, orgs, outbox, users } from "../../schema";
import type { Db } from "./client";
import { nowIso } from "./client";
import { outboxInsert, type NewMail } from "./outbox";

export const subscribeDigest = (db: Db, userId: string, orgId: string) =>
  db.insert(digestSubscriptions).values({ userId, orgId, createdAt: nowIso() }).onConflictDoNothing();

export const unsubscribeDigest = (db: Db, userId: string, orgId: string) =>
  db
    .delete(digestSubscriptions)
    .where(and(eq(digestSubscriptions.userId, userId), eq(digestSubscriptions.orgId, orgId)));

/** The organisations (among these) whose digest this person receives. */
export const digestOrgIds = async (db: Db, userId: string, orgIds: string[]) => {
  if (!orgIds.length) return new Set<string>();
  const rows = await db
    .select({ orgId: digestSubscriptions.orgId })
    .from(digestSubscriptions)
    .where(and(eq(digestSubscriptions.userId, userId), inArray(digestSubscriptions.orgId, orgIds)))
    .all();
  return new Set(rows.map((r) => r.orgId));
};

/**
 * Every subscription whose person is still a member of a live CSO, with what the mail needs. A member who
 * left keeps no digest: the join on memberships drops them.
 */
export const digestRecipients = (db: Db) =>
  db
    .select({
      orgId: digestSubscriptions.orgId,
      userId: users.id,
      email: users.email,
      name: users.name,
      locale: users.locale,
      lastSentAt: digestSubscriptions.lastSentAt,
    })
    .from(digestSubscriptions)
    .innerJoin(
      memberships,
      and(
        eq(memberships.orgId, digestSubscriptions.orgId),
        eq(memberships.userId, digestSubscriptions.userId),
      ),
    )
    .innerJoin(users, eq(users.id, digestSubscriptions.userId))
    .innerJoin(orgs, eq(orgs.id, digestSubscriptions.orgId))
    .where(and(eq(orgs.kind, "cso"), isNull(orgs.deletedAt)))
    .orderBy(digestSubscriptions.orgId, users.id)
    .all();

/** Open calls published after `since`: id → when. */
export const openCallsPublishedSince = async (db: Db, since: string) =>
  new Map(
    (
      await db
        .select({ id: calls.id, publishedAt: calls.publishedAt })
        .from(calls)
        .where(and(eq(calls.status, "open"), gt(calls.publishedAt, since)))
        .all()
    ).map((r) => [r.id, r.publishedAt!]),
  );

/**
 * Returned as a statement so it joins the batch that writes the organisation's mail. Every subscription of
 * the organisation is marked (the ones of people who left too: they would not have had news from before).
 */
export const markDigestSent = (db: Db, orgId: string, at: string) =>
  db.update(digestSubscriptions).set({ lastSentAt: at }).where(eq(digestSubscriptions.orgId, orgId));

/** One digest mail unless that week's was written already (its id is fixed); returns its id when new. */
export const digestMailInsert = (db: Db, mail: NewMail) =>
  outboxInsert(db, mail).onConflictDoNothing().returning({ id: outbox.id });
