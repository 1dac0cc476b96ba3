// Mail: the outbox every message goes through (drained by a Queue consumer into the send_email binding),
// and the single-use tokens that mail links carry (verify an address, reset a password).
import { sqliteTable, text, integer, index } from "drizzle-orm/sqlite-core";
import { createdAt } from "./columns";
import { users } from "./accounts";

export const MAIL_KINDS = [
  "verify_email",
  "account_exists",
  "password_reset",
  "invitation",
  "password_changed",
  // Light-report reminders (worker/actions/award-reports.ts): no migration, the column holds any text.
  "report_due_soon",
  "report_overdue",
  // A funder asks someone to review a call on its panel (worker/actions/reviews.ts).
  "panel_invitation",
  // The weekly digest of new calls an organisation is eligible for (worker/actions/digest.ts).
  "digest",
] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

/**
 * One row per message, written in the same batch as the change that caused it, so a mail is never lost
 * and never sent for something that did not happen. `claimed_at` marks a delivery in progress, so two
 * consumers (a redelivered message) cannot both send it; `sent_at` makes sending happen once.
 */
export const outbox = sqliteTable(
  "outbox",
  {
    id: text("id").primaryKey(),
    toEmail: text("to_email").notNull(),
    kind: text("kind", { enum: MAIL_KINDS }).notNull(),
    locale: text("locale").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    html: text("html").notNull(),
    createdAt: createdAt(),
    claimedAt: text("claimed_at"),
    sentAt: text("sent_at"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    /** The organisation a mail concerns (an invitation): deleting the organisation erases its mail too. */
    aboutOrgId: text("about_org_id"),
  },
  (t) => [
    index("outbox_to_idx").on(t.toEmail, t.createdAt),
    index("outbox_unsent_idx").on(t.sentAt, t.createdAt),
  ],
);

export const EMAIL_TOKEN_PURPOSES = ["verify", "reset"] as const;
export type EmailTokenPurpose = (typeof EMAIL_TOKEN_PURPOSES)[number];

/** Only the SHA-256 of a token is stored; the token itself exists only in the mail. */
export const emailTokens = sqliteTable(
  "email_tokens",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: text("purpose", { enum: EMAIL_TOKEN_PURPOSES }).notNull(),
    createdAt: createdAt(),
    expiresAt: text("expires_at").notNull(),
    usedAt: text("used_at"),
  },
  (t) => [index("email_tokens_user_idx").on(t.userId, t.purpose)],
);
