// After the award: the plan (tranches), the money sent (disbursements, from an award or from pooled
// pledge money), what arrived (receipts), light reports back, uploaded files, and what communities and
// grantees say (feedback to a group, ratings of funders). Money is stored in the currency's minor unit
// with its US-cent value fixed at the date it moved, so losses compare like with like.
import { sqliteTable, text, integer, index, uniqueIndex, primaryKey } from "drizzle-orm/sqlite-core";
import { createdAt, updatedAt, bool } from "./columns";
import { orgs } from "./orgs";
import { users } from "./accounts";
import { awards } from "./applications";
import { pledges } from "./pledges";
import { PAYOUT_RAILS, UPLOAD_KINDS, REPORT_STATUSES } from "./enums";

/** One dated part of an award; an award's tranches add up to its amount (checked when they are set). */
export const tranches = sqliteTable(
  "tranches",
  {
    id: text("id").primaryKey(),
    awardId: text("award_id")
      .notNull()
      .references(() => awards.id),
    seq: integer("seq").notNull(),
    dueOn: text("due_on").notNull(), // YYYY-MM-DD
    amount: integer("amount").notNull(),
    currency: text("currency").notNull(),
    /** Paid only once the grantee has reported on what came before. */
    afterReport: bool("after_report").notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("tranches_award_seq_idx").on(t.awardId, t.seq), index("tranches_due_idx").on(t.dueOn)],
);

/** Files stored in R2 under `r2Key`, after their kind was read from the bytes and image metadata removed. */
export const uploads = sqliteTable(
  "uploads",
  {
    id: text("id").primaryKey(),
    uploaderId: text("uploader_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind", { enum: UPLOAD_KINDS }).notNull(),
    bytes: integer("bytes").notNull(),
    r2Key: text("r2_key").notNull().unique(),
    createdAt: createdAt(),
  },
  (t) => [index("uploads_uploader_idx").on(t.uploaderId)],
);

/**
 * Money sent to a group: from an award (by the funder) or from pooled pledge money (by an admin). Its USD
 * value is fixed at `sentOn`'s rate; the receipt's at `receivedOn`'s, and the difference is what was lost
 * on the way (fees, exchange).
 */
export const disbursements = sqliteTable(
  "disbursements",
  {
    id: text("id").primaryKey(),
    awardId: text("award_id").references(() => awards.id),
    pledgeId: text("pledge_id").references(() => pledges.id),
    trancheId: text("tranche_id").references(() => tranches.id),
    /** The receiving group (the award's or the pledge's), kept here so ledgers read one table. */
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id),
    amount: integer("amount").notNull(),
    currency: text("currency").notNull(),
    amountUsd: integer("amount_usd"),
    sentOn: text("sent_on").notNull(), // YYYY-MM-DD
    rail: text("rail", { enum: PAYOUT_RAILS }).notNull(),
    /** Mobile-money operator (M-Pesa, MTN MoMo…) or the fiscal host's name, as typed. */
    via: text("via"),
    reference: text("reference").notNull(),
    receiptUploadId: text("receipt_upload_id").references(() => uploads.id),
    createdBy: text("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("disbursements_award_idx").on(t.awardId),
    index("disbursements_pledge_idx").on(t.pledgeId),
    index("disbursements_org_idx").on(t.orgId, t.sentOn),
  ],
);

/** What arrived, confirmed once by the receiving group's members. */
export const receipts = sqliteTable("receipts", {
  disbursementId: text("disbursement_id")
    .primaryKey()
    .references(() => disbursements.id),
  amount: integer("amount").notNull(),
  currency: text("currency").notNull(),
  amountUsd: integer("amount_usd"),
  receivedOn: text("received_on").notNull(), // YYYY-MM-DD
  note: text("note"),
  confirmedBy: text("confirmed_by")
    .notNull()
    .references(() => users.id),
  createdAt: createdAt(),
});

/** A light report: three short answers, written once by the grantee, shareable with its other funders. */
export const awardReports = sqliteTable(
  "award_reports",
  {
    id: text("id").primaryKey(),
    awardId: text("award_id")
      .notNull()
      .references(() => awards.id),
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id),
    language: text("language").notNull(),
    changed: text("changed").notNull().default(""),
    hard: text("hard").notNull().default(""),
    next: text("next").notNull().default(""),
    status: text("status", { enum: REPORT_STATUSES }).notNull().default("draft"),
    version: integer("version").notNull().default(1),
    submittedAt: text("submitted_at"),
    createdBy: text("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("award_reports_award_idx").on(t.awardId), index("award_reports_org_idx").on(t.orgId)],
);

export const reportUploads = sqliteTable(
  "report_uploads",
  {
    reportId: text("report_id")
      .notNull()
      .references(() => awardReports.id),
    uploadId: text("upload_id")
      .notNull()
      .references(() => uploads.id),
  },
  // Reading a file asks which reports hold it: by upload, not by report.
  (t) => [
    primaryKey({ columns: [t.reportId, t.uploadId] }),
    index("report_uploads_upload_idx").on(t.uploadId),
  ],
);

/** A report shared with another award of the same group (another funder reads it without a second report). */
export const reportShares = sqliteTable(
  "report_shares",
  {
    reportId: text("report_id")
      .notNull()
      .references(() => awardReports.id),
    awardId: text("award_id")
      .notNull()
      .references(() => awards.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.awardId] })],
);

/** Anonymous feedback from the community to a funded group: no sender is stored. */
export const orgFeedback = sqliteTable(
  "org_feedback",
  {
    id: text("id").primaryKey(),
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id),
    text: text("text").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("org_feedback_org_idx").on(t.orgId, t.createdAt)],
);

/**
 * Anonymous ratings of funders by groups that applied to them. `raterKey` is a keyed hash of (funder,
 * rating organisation): one rating per group and funder, without storing which group gave it.
 */
export const funderRatings = sqliteTable(
  "funder_ratings",
  {
    raterKey: text("rater_key").primaryKey(),
    funderOrgId: text("funder_org_id")
      .notNull()
      .references(() => orgs.id),
    easeOfApplying: integer("ease_of_applying").notNull(),
    respect: integer("respect").notNull(),
    speed: integer("speed").notNull(),
    comment: text("comment"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("funder_ratings_funder_idx").on(t.funderOrgId)],
);
