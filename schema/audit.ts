// Append-only audit log: who did what to which thing, when. Rows are never updated or deleted.
import { sqliteTable, text, integer, index } from "drizzle-orm/sqlite-core";

export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: text("at").notNull(),
    actorUserId: text("actor_user_id"),
    action: text("action").notNull(),
    subjectType: text("subject_type").notNull(),
    subjectId: text("subject_id"),
    /** JSON object with details; never passwords or tokens. */
    data: text("data").notNull().default("{}"),
  },
  (t) => [index("audit_subject_idx").on(t.subjectType, t.subjectId), index("audit_at_idx").on(t.at)],
);
