// Applications to calls, reviews, decisions and awards, and the notification outbox.
import { sqliteTable, text, integer, index, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, updatedAt } from "./columns";
import { orgs } from "./orgs";
import { users } from "./accounts";
import { calls } from "./calls";
import { APPLICATION_STATUSES, DECISIONS, FUNDING_TYPES } from "./enums";

export const applications = sqliteTable(
  "applications",
  {
    id: text("id").primaryKey(),
    callId: text("call_id")
      .notNull()
      .references(() => calls.id),
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id),
    status: text("status", { enum: APPLICATION_STATUSES }).notNull().default("draft"),
    /** JSON object { questionId: answer }; plain text, escaped wherever it is shown. */
    answers: text("answers").notNull().default("{}"),
    requestedAmount: integer("requested_amount"),
    requestedCurrency: text("requested_currency"),
    version: integer("version").notNull().default(1),
    /** The organisation's profile (API Org shape) as it was at submission, JSON. */
    snapshot: text("snapshot"),
    submittedAt: text("submitted_at"),
    decision: text("decision", { enum: DECISIONS }),
    /** JSON array of DECLINE_REASONS. */
    decisionReasons: text("decision_reasons"),
    decisionNote: text("decision_note"),
    decidedAt: text("decided_at"),
    decidedBy: text("decided_by").references(() => users.id),
    /** Random token written by the decision's UPDATE, so the award and notices in the same batch follow only the winning decision. */
    decisionToken: text("decision_token"),
    createdBy: text("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("applications_call_org_idx").on(t.callId, t.orgId),
    index("applications_call_status_idx").on(t.callId, t.status),
    index("applications_org_idx").on(t.orgId),
    // Covering index for the equity report's per-organisation aggregation (no table lookups).
    index("applications_equity_idx").on(t.orgId, t.status, t.submittedAt, t.callId),
  ],
);

/** One review per reviewer per application (a second review from the same person replaces the first). */
export const reviews = sqliteTable(
  "reviews",
  {
    applicationId: text("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    reviewerId: text("reviewer_id")
      .notNull()
      .references(() => users.id),
    score: integer("score").notNull(),
    comment: text("comment"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("reviews_application_reviewer_idx").on(t.applicationId, t.reviewerId)],
);

export const awards = sqliteTable(
  "awards",
  {
    id: text("id").primaryKey(),
    applicationId: text("application_id")
      .notNull()
      .unique()
      .references(() => applications.id),
    callId: text("call_id")
      .notNull()
      .references(() => calls.id),
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id),
    funderOrgId: text("funder_org_id")
      .notNull()
      .references(() => orgs.id),
    amount: integer("amount").notNull(),
    currency: text("currency").notNull(),
    /** US cents at the award date's rate (the FX table), for reports and the equity boost. */
    amountUsd: integer("amount_usd"),
    awardDate: text("award_date").notNull(), // YYYY-MM-DD
    fundingType: text("funding_type", { enum: FUNDING_TYPES }).notNull(),
    durationMonths: integer("duration_months").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("awards_date_idx").on(t.awardDate),
    index("awards_org_idx").on(t.orgId),
    index("awards_funder_idx").on(t.funderOrgId),
    // Covering index for the equity report's per-organisation aggregation.
    index("awards_equity_idx").on(t.orgId, t.awardDate, t.fundingType, t.amountUsd, t.funderOrgId, t.callId),
  ],
);

/**
 * In-app notifications addressed to an organisation (all its members see them). Also the outbox of a
 * future e-mail sender: it drains rows whose `emailed_at` is NULL.
 */
export const notifications = sqliteTable(
  "notifications",
  {
    id: text("id").primaryKey(),
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    /** JSON with what the message needs; it is put into words in the reader's language when shown. */
    data: text("data").notNull().default("{}"),
    createdAt: createdAt(),
    emailedAt: text("emailed_at"),
  },
  (t) => [index("notifications_org_idx").on(t.orgId, t.createdAt)],
);
