// Writes to the append-only audit log (the only operation offered is insert).
import { desc } from "drizzle-orm";
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

export const recentAudit = (db: Db, limit = 100) => db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(limit).all();
