// Funding calls posted by funders, and invitations from a funder to a CSO to apply to one.
import { sqliteTable, text, integer, index, primaryKey } from "drizzle-orm/sqlite-core";
import { createdAt, updatedAt } from "./columns";
import { orgs } from "./orgs";
import { users } from "./accounts";
import { CALL_KINDS, CALL_STATUSES, FUNDING_TYPES, OFFER_KINDS, REVIEW_MODES } from "./enums";

export const calls = sqliteTable(
  "calls",
  {
    id: text("id").primaryKey(),
    funderOrgId: text("funder_org_id")
      .notNull()
      .references(() => orgs.id),
    title: text("title").notNull(),
    summary: text("summary").notNull(),
    /** JSON array of BCP 47 codes the call accepts answers in. */
    languages: text("languages").notNull(),
    /** Bitmask over THEMES. */
    themes: integer("themes").notNull().default(0),
    // Eligibility (hard filters). Masks of 0 and a NULL country list mean "no restriction".
    eligCountries: text("elig_countries"), // JSON array of ISO alpha-2 codes, or NULL
    eligGlobalSouthOnly: integer("elig_global_south_only", { mode: "boolean" }).notNull().default(false),
    eligLegalStatuses: integer("elig_legal_statuses").notNull().default(0), // mask over LEGAL_STATUSES
    eligMaxBudgetAmount: integer("elig_max_budget_amount"),
    eligMaxBudgetCurrency: text("elig_max_budget_currency"),
    eligRequiredLedBy: integer("elig_required_led_by").notNull().default(0), // mask over LED_BY: all required
    /** The trust ladder's level 0–4 an applicant must have reached (orgs.trust_level); 0 asks for none. */
    eligMinTrustLevel: integer("elig_min_trust_level").notNull().default(0),
    // Priorities (raise the rank, never exclude).
    prioLedBy: integer("prio_led_by").notNull().default(0),
    prioSettings: integer("prio_settings").notNull().default(0), // mask over SETTINGS
    prioThemes: integer("prio_themes").notNull().default(0),
    grantMinAmount: integer("grant_min_amount").notNull(),
    grantMaxAmount: integer("grant_max_amount").notNull(),
    grantCurrency: text("grant_currency").notNull(),
    fundingType: text("funding_type", { enum: FUNDING_TYPES }).notNull(),
    /** Non-cash offers: what is offered (training seats, mentoring hours, …) and how many. */
    offerWhat: text("offer_what", { enum: OFFER_KINDS }),
    offerQuantity: integer("offer_quantity"),
    durationMonths: integer("duration_months").notNull(),
    /**
     * UTC ISO instant; a call whose deadline has passed is closed whatever `status` still says. Rolling
     * (rapid) calls store ROLLING_DEADLINE (year 9999) so every "still open?" comparison and the
     * status/deadline index keep working unchanged; the API shows their deadline as null.
     */
    deadline: text("deadline").notNull(),
    kind: text("kind", { enum: CALL_KINDS }).notNull().default("standard"),
    /** Applications and awards stay off public pages, ledgers, feeds and named exports (counted, suppressed, in reports). */
    confidential: integer("confidential", { mode: "boolean" }).notNull().default(false),
    /** Rapid calls: days from submission within which the funder promises a decision. */
    decisionWithinDays: integer("decision_within_days"),
    reviewMode: text("review_mode", { enum: REVIEW_MODES }).notNull().default("funder"),
    reviewsPerApplication: integer("reviews_per_application").notNull().default(3),
    /** When closing (or the deadline) opened a panel or peer review: assignments exist from then on. */
    reviewOpenedAt: text("review_opened_at"),
    /** Random per call, written when review opens: the HMAC key of the anonymised application refs. */
    reviewSalt: text("review_salt"),
    /** The funder published the tally: review is over (no more scores) and everyone may read it. */
    tallyPublishedAt: text("tally_published_at"),
    /** JSON array of { id, label, maxChars }, 1–5 items. */
    questions: text("questions").notNull(),
    status: text("status", { enum: CALL_STATUSES }).notNull().default("draft"),
    version: integer("version").notNull().default(1),
    publishedAt: text("published_at"),
    closedAt: text("closed_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // Open calls by deadline: browsing, CSO matching and the cron that closes expired calls.
    index("calls_status_deadline_idx").on(t.status, t.deadline),
    index("calls_funder_idx").on(t.funderOrgId, t.createdAt),
  ],
);

/** A funder asks a CSO it found through matching to apply; the CSO sees it next to the call. */
export const callInvitations = sqliteTable(
  "call_invitations",
  {
    callId: text("call_id")
      .notNull()
      .references(() => calls.id, { onDelete: "cascade" }),
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    invitedBy: text("invited_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.callId, t.orgId] }), index("call_invitations_org_idx").on(t.orgId)],
);
