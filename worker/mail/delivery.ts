// Sending the outbox: queue messages name an outbox row; the consumer claims it, hands it to the
// Email Service binding, and marks it sent — so each mail goes out once, however often its message
// is delivered. A failure releases the claim and the queue retries later, with growing delays.
import type { Db } from "../db/client";
import { claimMail, markFailed, markSent } from "../db/outbox";
import { retryDelaySeconds } from "../domain/mail-retry";

export type MailMessage = { id: string };

export type MailTransport = { email: SendEmail; from: string };

/**
 * Hands new outbox rows to the queue. A queue that refuses does not fail the request that wrote them:
 * the rows are already saved, and the cron sends whatever is still unsent after a few minutes.
 */
export const enqueueMail = async (queue: Queue<MailMessage>, ids: string[]) => {
  if (!ids.length) return;
  try {
    await queue.sendBatch(ids.map((id) => ({ body: { id } })));
  } catch (e) {
    console.error(
      `mail queue refused ${ids.length} message(s); the cron will send them:`,
      e instanceof Error ? e.message : e,
    );
  }
};

/** Sends one outbox row if nobody has (sent: true also when it was already sent or is being sent). */
export const deliverOne = async (db: Db, transport: MailTransport, id: string) => {
  const row = await claimMail(db, id);
  if (!row) return;
  try {
    await transport.email.send({
      from: transport.from,
      to: row.toEmail,
      subject: row.subject,
      text: row.text,
      html: row.html,
    });
  } catch (e) {
    await markFailed(db, id, e instanceof Error ? e.message : String(e));
    throw e;
  }
  await markSent(db, id);
};

/** The queue consumer: each message acknowledged once its mail is out, retried with backoff otherwise. */
export const deliverBatch = async (db: Db, transport: MailTransport, batch: MessageBatch<MailMessage>) => {
  for (const msg of batch.messages) {
    try {
      await deliverOne(db, transport, msg.body.id);
      msg.ack();
    } catch (e) {
      console.error(
        `mail ${msg.body.id} not sent (attempt ${msg.attempts}):`,
        e instanceof Error ? e.message : e,
      );
      msg.retry({ delaySeconds: retryDelaySeconds(msg.attempts) });
    }
  }
};
