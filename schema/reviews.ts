// Participatory review of a call: the panel a funder invites, and who reviews which application.
import { sqliteTable, text, integer, index, primaryKey, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt } from "./columns";
import { users } from "./accounts";
import { orgs } from "./orgs";
import { calls } from "./calls";
import { applications } from "./applications";
import { ASSIGNMENT_STATUSES } from "./enums";

/** Community members who accepted a funder's invitation to review a `panel` call. */
export const callPanelists = sqliteTable(
  "call_panelists",
  {
    callId: text("call_id")
      .notNull()
      .references(() => calls.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.callId, t.userId] }), index("call_panelists_user_idx").on(t.userId)],
);

/**
 * One reviewer, one application. Written when review opens (worker/domain/review-assignment.ts decides
 * who), scored once, or handed back with a declared conflict — a `conflict` row stays so the same pair
 * is never assigned again and the replacement is another row.
 */
export const reviewAssignments = sqliteTable(
  "review_assignments",
  {
    id: text("id").primaryKey(),
    callId: text("call_id")
      .notNull()
      .references(() => calls.id, { onDelete: "cascade" }),
    applicationId: text("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    reviewerId: text("reviewer_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** Peer mode: the applicant organisation the reviewer reviews for; null on a panel. */
    reviewerOrgId: text("reviewer_org_id").references(() => orgs.id, { onDelete: "cascade" }),
    status: text("status", { enum: ASSIGNMENT_STATUSES }).notNull().default("assigned"),
    score: integer("score"),
    comment: text("comment"),
    createdAt: createdAt(),
    reviewedAt: text("reviewed_at"),
  },
  (t) => [
    uniqueIndex("review_assignments_pair_idx").on(t.applicationId, t.reviewerId),
    index("review_assignments_reviewer_idx").on(t.reviewerId, t.status),
    index("review_assignments_call_idx").on(t.callId, t.status),
  ],
);
