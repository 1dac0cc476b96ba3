// Resourcing beyond money: the library, offers of help other than money (columns on calls), partners
// looking for each other and consortium applications, and the weekly digest of new calls.
import { sqliteTable, text, integer, index, primaryKey } from "drizzle-orm/sqlite-core";
import { createdAt, updatedAt } from "./columns";
import { users } from "./accounts";
import { orgs } from "./orgs";
import { calls } from "./calls";
import { applications } from "./applications";
import { uploads } from "./after-award";
import { LICENCES, RESOURCE_STATUSES } from "./enums";

/**
 * A toolkit, template, guide or lesson learned, posted by a member of a verified organisation and
 * published after moderation. `search_text` is the title and summary normalised for search (folded
 * case, Arabic diacritics and letter variants unified); the FTS5 table `resources_fts` (migration 0019,
 * kept in step by triggers) indexes it by this table's rowid.
 */
export const resources = sqliteTable(
  "resources",
  {
    id: text("id").primaryKey(),
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    createdBy: text("created_by")
      .notNull()
      .references(() => users.id),
    title: text("title").notNull(),
    summary: text("summary").notNull(),
    /** BCP 47 code of the resource's language. */
    language: text("language").notNull(),
    /** Bitmask over THEMES. */
    themes: integer("themes").notNull().default(0),
    licence: text("licence", { enum: LICENCES }).notNull(),
    url: text("url"),
    uploadId: text("upload_id").references(() => uploads.id),
    searchText: text("search_text").notNull().default(""),
    status: text("status", { enum: RESOURCE_STATUSES }).notNull().default("pending"),
    moderatedBy: text("moderated_by").references(() => users.id),
    moderatedAt: text("moderated_at"),
    publishedAt: text("published_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("resources_status_idx").on(t.status, t.publishedAt), index("resources_org_idx").on(t.orgId)],
);

/** "Looking for partners" on a call: an organisation says what it brings and whom it seeks. */
export const partnerPosts = sqliteTable(
  "partner_posts",
  {
    id: text("id").primaryKey(),
    callId: text("call_id")
      .notNull()
      .references(() => calls.id, { onDelete: "cascade" }),
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    createdBy: text("created_by")
      .notNull()
      .references(() => users.id),
    message: text("message").notNull(),
    createdAt: createdAt(),
    closedAt: text("closed_at"),
  },
  (t) => [index("partner_posts_call_idx").on(t.callId, t.createdAt)],
);

/**
 * A partner organisation in a consortium application: its role and its share of the money (percent; the
 * lead keeps the rest). Its owners must consent before the lead can submit.
 */
export const applicationPartners = sqliteTable(
  "application_partners",
  {
    applicationId: text("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    role: text("role").notNull(),
    sharePercent: integer("share_percent").notNull(),
    consentedAt: text("consented_at"),
    consentedBy: text("consented_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.applicationId, t.orgId] }),
    index("application_partners_org_idx").on(t.orgId),
  ],
);

/** A member's opt-in to the weekly mail of new calls matching one of their organisations. */
export const digestSubscriptions = sqliteTable(
  "digest_subscriptions",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    /** Calls published after this instant are new for the next digest. */
    lastSentAt: text("last_sent_at"),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.orgId] })],
);
