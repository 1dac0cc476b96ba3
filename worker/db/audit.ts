// Writes to the append-only audit log (the only operation offered is insert).
import { desc, sql, type SQL } from "drizzle-orm";
import { auditLog } from "../../schema";
import type { Db } from "./client";
import { nowIso } from "./client";

export type AuditEntry = {
  actorUserId: string | null;
  action: string;
  subjectType: string;
  subjectId?: string | null;
  data?: Record<string, unknown>;
};

/** Returns the insert statement so callers can put it in the same db.batch as the change it records. */
export const auditInsert = (db: Db, e: AuditEntry) =>
  db.insert(auditLog).values({
    at: nowIso(),
    actorUserId: e.actorUserId,
    action: e.action,
    subjectType: e.subjectType,
    subjectId: e.subjectId ?? null,
    data: JSON.stringify(e.data ?? {}),
  });

/** The same entry, written only if `condition` holds when the batch runs (e.g. "this request's decision won"). */
export const auditInsertIf = (db: Db, e: AuditEntry, condition: SQL) =>
  db
    .insert(auditLog)
    .select(
      sql`SELECT NULL, ${nowIso()}, ${e.actorUserId}, ${e.action}, ${e.subjectType}, ${e.subjectId ?? null}, ${JSON.stringify(e.data ?? {})} WHERE ${condition}`,
    );

export const recentAudit = (db: Db, limit = 100) =>
  db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(limit).all();
