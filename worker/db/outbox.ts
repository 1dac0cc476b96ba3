// The mail outbox: rows written with the change that caused them, claimed and marked sent by the
// Queue consumer, listed for the development mail viewer.
import { and, desc, eq, gt, isNull, lt, or, sql } from "drizzle-orm";
import { outbox, type MailKind } from "../../schema";
import type { Db } from "./client";
import { nowIso } from "./client";

export type OutboxRow = typeof outbox.$inferSelect;
export type NewMail = {
  id: string;
  toEmail: string;
  kind: MailKind;
  locale: string;
  subject: string;
  text: string;
  html: string;
  aboutOrgId?: string;
};

/** Returned as a statement so it joins the batch of the change it announces. */
export const outboxInsert = (db: Db, m: NewMail) => db.insert(outbox).values({ ...m, createdAt: nowIso() });

/** A delivery still claimed after this long is taken to have died, and the mail may be claimed again. */
export const CLAIM_TIMEOUT_MS = 5 * 60 * 1000;

/**
 * Claims a mail for sending; null when it was sent or another delivery holds it. The claim is one
 * conditional UPDATE, so two deliveries of the same queue message cannot both send it.
 */
export const claimMail = (db: Db, id: string, now = new Date()) =>
  db
    .update(outbox)
    .set({ claimedAt: now.toISOString(), attempts: sql`${outbox.attempts} + 1` })
    .where(
      and(
        eq(outbox.id, id),
        isNull(outbox.sentAt),
        or(
          isNull(outbox.claimedAt),
          lt(outbox.claimedAt, new Date(now.getTime() - CLAIM_TIMEOUT_MS).toISOString()),
        ),
      ),
    )
    .returning()
    .get();

export const markSent = (db: Db, id: string) =>
  db.update(outbox).set({ sentAt: nowIso(), lastError: null }).where(eq(outbox.id, id));

/** A failed attempt releases the claim so the queue's retry may take it again. */
export const markFailed = (db: Db, id: string, error: string) =>
  db
    .update(outbox)
    .set({ claimedAt: null, lastError: error.slice(0, 500) })
    .where(eq(outbox.id, id));

/** Mails not sent a while after they were written (their queue message was lost): the cron sends them again. */
export const staleUnsent = (db: Db, olderThan: Date, limit = 100) =>
  db
    .select({ id: outbox.id })
    .from(outbox)
    .where(and(isNull(outbox.sentAt), lt(outbox.createdAt, olderThan.toISOString())))
    .orderBy(outbox.createdAt)
    .limit(limit)
    .all();

/** How many mails this address was sent since `since` (mail-bombing an address through sign-up is capped). */
export const mailsSentTo = async (db: Db, to: string, since: Date) =>
  (
    await db
      .select({ n: sql<number>`count(*)` })
      .from(outbox)
      .where(and(eq(outbox.toEmail, to), gt(outbox.createdAt, since.toISOString())))
      .get()
  )?.n ?? 0;

/** Newest first, optionally for one address (the development mail viewer). */
export const listMail = (db: Db, to: string | undefined, limit = 50) =>
  db
    .select({
      id: outbox.id,
      to: outbox.toEmail,
      kind: outbox.kind,
      subject: outbox.subject,
      text: outbox.text,
      html: outbox.html,
      createdAt: outbox.createdAt,
      sentAt: outbox.sentAt,
    })
    .from(outbox)
    .where(to ? eq(outbox.toEmail, to.trim().toLowerCase()) : undefined)
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(limit)
    .all();

/** Sent mail is kept a while for support and the development viewer, then deleted (addresses are personal data). */
export const MAIL_RETENTION_MS = 30 * 24 * 3600 * 1000;
export const purgeSentMail = (db: Db, now = new Date()) =>
  db.delete(outbox).where(lt(outbox.sentAt, new Date(now.getTime() - MAIL_RETENTION_MS).toISOString()));
