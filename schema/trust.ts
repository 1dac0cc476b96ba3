// The trust ladder's evidence: vouches between organisations, requests for them, country chapters with
// their coordinators, and coordinators' confirmations. An organisation's level is derived from these
// (worker/domain/trust.ts) and kept in orgs.trust_level so lists and matching can filter on it.
import { sqliteTable, text, index, uniqueIndex } from "drizzle-orm/sqlite-core";
import { sql } from "drizzle-orm";
import { createdAt } from "./columns";
import { users } from "./accounts";
import { orgs } from "./orgs";

export const VOUCH_RELATIONSHIPS = ["worked_together", "funded", "same_network", "other"] as const;
export type VouchRelationship = (typeof VOUCH_RELATIONSHIPS)[number];
export const CONFIRMATION_METHODS = ["visit", "call", "documents", "reference"] as const;
export type ConfirmationMethod = (typeof CONFIRMATION_METHODS)[number];

/** One active vouch per (voucher, vouchee): a partial unique index over the rows not revoked. */
export const vouches = sqliteTable(
  "vouches",
  {
    id: text("id").primaryKey(),
    voucherOrgId: text("voucher_org_id")
      .notNull()
      .references(() => orgs.id),
    voucheeOrgId: text("vouchee_org_id")
      .notNull()
      .references(() => orgs.id),
    relationship: text("relationship", { enum: VOUCH_RELATIONSHIPS }).notNull(),
    statement: text("statement").notNull(),
    createdBy: text("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    expiresAt: text("expires_at").notNull(),
    revokedAt: text("revoked_at"),
  },
  (t) => [
    uniqueIndex("vouches_active_pair").on(t.voucherOrgId, t.voucheeOrgId).where(sql`revoked_at IS NULL`),
    index("vouches_vouchee_idx").on(t.voucheeOrgId),
  ],
);

/** A group asks a trusted organisation to vouch for it; the asked organisation's owners vouch or ignore it. */
export const vouchRequests = sqliteTable(
  "vouch_requests",
  {
    id: text("id").primaryKey(),
    fromOrgId: text("from_org_id")
      .notNull()
      .references(() => orgs.id),
    toOrgId: text("to_org_id")
      .notNull()
      .references(() => orgs.id),
    createdBy: text("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    answeredAt: text("answered_at"),
  },
  (t) => [
    index("vouch_requests_to_idx").on(t.toOrgId),
    uniqueIndex("vouch_requests_open_pair").on(t.fromOrgId, t.toOrgId).where(sql`answered_at IS NULL`),
  ],
);

/** Admins appoint coordinators per country; a chapter exists where it has coordinators. */
export const chapterCoordinators = sqliteTable(
  "chapter_coordinators",
  {
    country: text("country").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    appointedBy: text("appointed_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("chapter_coordinators_pk").on(t.country, t.userId),
    index("chapter_coordinators_user_idx").on(t.userId),
  ],
);

/** A coordinator confirmed a group of their country (level 3); revocable. */
export const confirmations = sqliteTable(
  "confirmations",
  {
    id: text("id").primaryKey(),
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id),
    coordinatorUserId: text("coordinator_user_id")
      .notNull()
      .references(() => users.id),
    method: text("method", { enum: CONFIRMATION_METHODS }).notNull(),
    note: text("note").notNull(),
    createdAt: createdAt(),
    revokedAt: text("revoked_at"),
  },
  (t) => [index("confirmations_org_idx").on(t.orgId)],
);

/** A group asks its chapter to confirm it: the coordinators' queue. */
export const confirmationRequests = sqliteTable("confirmation_requests", {
  orgId: text("org_id")
    .primaryKey()
    .references(() => orgs.id),
  createdBy: text("created_by")
    .notNull()
    .references(() => users.id),
  createdAt: createdAt(),
});
