// Worker entry: checks the environment once, then serves every request with the app.
import { z } from "zod";
import { createApp } from "./app";
import type { Bindings } from "./env";
import { primaryDb } from "./db/client";
import { closeExpiredCalls } from "./db/calls";
import { staleUnsent, purgeSentMail } from "./db/outbox";
import { orgsAtLevel } from "./db/trust";
import { recomputeMany } from "./actions/trust";
import { deliverBatch, enqueueMail, type MailMessage } from "./mail/delivery";
import { writeReportReminders } from "./actions/award-reports";
import { openDueReviews } from "./actions/review-opening";
import { writeWeeklyDigest } from "./actions/digest";
import { DIGEST_CRON } from "./domain/digest";

/** The cron has no request to take links' origin from: the sender address's domain serves the site. */
const originOf = (mailFrom: string) => `https://${mailFrom.split("@").pop()}`;

/** Mail still unsent this long after it was written lost its queue message: the cron queues it again. */
const RESEND_AFTER_MS = 10 * 60 * 1000;

const EnvSchema = z.object({
  PASSWORD_PEPPER: z.string().min(16, "PASSWORD_PEPPER must be set (a random secret of 16+ characters)"),
  SANAD_ENV: z.string().optional(),
  STRIPE_SECRET_KEY: z
    .string()
    .regex(/^(sk|rk)_/, "STRIPE_SECRET_KEY must be a Stripe secret key (sk_… or rk_…)")
    .optional(),
  STRIPE_WEBHOOK_SECRET: z.string().min(1).optional(),
  STRIPE_API_BASE: z.url("STRIPE_API_BASE must be a URL such as https://api.stripe.com").optional(),
});

const app = createApp();
let checked = false;

export default {
  fetch(request: Request, env: Bindings, ctx: ExecutionContext) {
    if (!checked) {
      const result = EnvSchema.safeParse(env);
      if (!result.success) {
        console.error(
          "Invalid environment:",
          result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "),
        );
        return new Response("Server misconfigured: see the logs.", { status: 500 });
      }
      checked = true;
    }
    return app.fetch(request, env, ctx);
  },
  /** The cron triggers (wrangler.toml): the weekly digest; every 15 minutes, closes calls past their deadline, writes report reminders, queues mail that lost its message. */
  async scheduled(controller: ScheduledController, env: Bindings) {
    const db = primaryDb(env.DB);
    const now = new Date(controller.scheduledTime);
    if (controller.cron === DIGEST_CRON) {
      const written = await writeWeeklyDigest(db, originOf(env.MAIL_FROM), now);
      console.log(`weekly digest: ${written.length} mail(s) written`);
      await enqueueMail(env.MAIL_QUEUE, written);
      return;
    }
    const closed = await closeExpiredCalls(db, now);
    if (closed.length) console.log(`closed ${closed.length} call(s) after their deadline`);
    // Panel and peer calls among them (and any an earlier run missed) open their review.
    await openDueReviews(db, now);
    // Light reports due within a week, or overdue since yesterday: one neutral reminder per phase.
    const reminders = await writeReportReminders(db, originOf(env.MAIL_FROM), now.getTime());
    const unsent = await staleUnsent(db, new Date(now.getTime() - RESEND_AFTER_MS));
    await enqueueMail(env.MAIL_QUEUE, [...reminders, ...unsent.map((m) => m.id)]);
    await purgeSentMail(db, now);
    // Vouches expire: groups standing on them are re-derived (other levels change only with their evidence).
    await recomputeMany(db, await orgsAtLevel(db, 2), now);
  },
  /** The mail queue's consumer: sends each outbox row through the Email Service binding, once. */
  async queue(batch: MessageBatch<unknown>, env: Bindings) {
    await deliverBatch(
      primaryDb(env.DB),
      { email: env.EMAIL, from: env.MAIL_FROM },
      batch as MessageBatch<MailMessage>,
    );
  },
} satisfies ExportedHandler<Bindings>;
