// Organisations (CSOs and funders), their members, and pending invitations.
import { sqliteTable, text, integer, index, primaryKey } from "drizzle-orm/sqlite-core";
import { createdAt, updatedAt } from "./columns";
import { users } from "./accounts";
import { ORG_KINDS, SETTINGS, LEGAL_STATUSES, VISIBILITIES, MEMBER_ROLES, INVITATION_KINDS } from "./enums";

export const orgs = sqliteTable(
  "orgs",
  {
    id: text("id").primaryKey(),
    kind: text("kind", { enum: ORG_KINDS }).notNull(),
    name: text("name").notNull(),
    description: text("description"),
    country: text("country").notNull(), // ISO 3166-1 alpha-2, references countries.code
    area: text("area"),
    setting: text("setting", { enum: SETTINGS }),
    legalStatus: text("legal_status", { enum: LEGAL_STATUSES }),
    foundedYear: integer("founded_year"),
    annualBudgetAmount: integer("annual_budget_amount"), // minor units
    annualBudgetCurrency: text("annual_budget_currency"),
    staffCount: integer("staff_count"),
    volunteerCount: integer("volunteer_count"),
    /** Bitmasks over LED_BY and THEMES, so eligibility and matching can filter in SQL. */
    ledBy: integer("led_by").notNull().default(0),
    themes: integer("themes").notNull().default(0),
    /** JSON array of BCP 47 language codes. */
    languages: text("languages").notNull().default("[]"),
    visibility: text("visibility", { enum: VISIBILITIES }).notNull().default("public"),
    verified: integer("verified", { mode: "boolean" }).notNull().default(false),
    /**
     * The trust ladder's level 0–4, derived from evidence (worker/domain/trust.ts) and stored so lists,
     * matching and reports can filter on it; re-derived whenever its evidence changes or expires.
     */
    trustLevel: integer("trust_level").notNull().default(0),
    /** The group agreed to appear on its country chapter's public page. */
    listedInChapter: integer("listed_in_chapter", { mode: "boolean" }).notNull().default(false),
    /**
     * Funding received through Sanad so far (awards and pledge payments), in US cents at each event's
     * rate. Kept up to date by the writes that record them; matching uses it for the equity boost.
     */
    fundingReceivedUsd: integer("funding_received_usd").notNull().default(0),
    version: integer("version").notNull().default(1),
    /**
     * Set when the owner deleted the organisation. The row stays as an anonymised tombstone (name
     * replaced, texts and contacts erased, hidden) so its awards still count in the equity record.
     */
    deletedAt: text("deleted_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("orgs_kind_country_idx").on(t.kind, t.country),
    index("orgs_visibility_idx").on(t.visibility),
  ],
);

export const memberships = sqliteTable(
  "memberships",
  {
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: MEMBER_ROLES }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.userId] }), index("memberships_user_idx").on(t.userId)],
);

/**
 * An owner's invitation of an e-mail address (stored normalised: trimmed, lower-case). It is pending
 * until it is accepted, declined, revoked or expires; only the person who verified that address may
 * answer it.
 */
export const invitations = sqliteTable(
  "invitations",
  {
    id: text("id").primaryKey(),
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    /** `panel`: the funder `org_id` asks this person to review call `call_id`; `role` is then unused ("member"). */
    kind: text("kind", { enum: INVITATION_KINDS }).notNull().default("member"),
    /** The call a panel invitation is for (calls are never deleted; the funder's erasure cascades via org_id). */
    callId: text("call_id"),
    role: text("role", { enum: MEMBER_ROLES }).notNull(),
    invitedBy: text("invited_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    /**
     * Fourteen days after creation. Nullable only because SQLite cannot add a NOT NULL column without a
     * constant default: migration 0011 fills it for older rows and every insert writes it. A NULL never
     * counts as pending.
     */
    expiresAt: text("expires_at"),
    acceptedAt: text("accepted_at"),
    declinedAt: text("declined_at"),
    revokedAt: text("revoked_at"),
  },
  (t) => [index("invitations_email_idx").on(t.email), index("invitations_org_idx").on(t.orgId)],
);
