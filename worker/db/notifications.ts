// The notification outbox: rows addressed to an organisation, shown in-app and drained later by an e-mail sender.
import { desc, inArray, sql, type SQL } from "drizzle-orm";
import { notifications } from "../../schema";
import type { Db } from "./client";
import { nowIso } from "./client";
import { newId } from "../security/random";

export type NotificationKind =
  | "application.submitted"
  | "application.withdrawn"
  | "application.awarded"
  | "application.declined"
  | "disbursement.sent"
  | "application.partner_added";
export type Notice = { orgId: string; kind: NotificationKind; data: Record<string, string | number | null> };

export const notifyInsert = (db: Db, n: Notice) =>
  db
    .insert(notifications)
    .values({ id: newId(), orgId: n.orgId, kind: n.kind, data: JSON.stringify(n.data), createdAt: nowIso() });

/** Written only if `condition` holds when the batch runs (see decideApplication). */
export const notifyInsertIf = (db: Db, n: Notice, condition: SQL) =>
  db
    .insert(notifications)
    .select(
      sql`SELECT ${newId()}, ${n.orgId}, ${n.kind}, ${JSON.stringify(n.data)}, ${nowIso()}, NULL WHERE ${condition}`,
    );

export const notificationsFor = async (db: Db, orgIds: string[], limit = 20) => {
  if (!orgIds.length) return [];
  const rows = await db
    .select()
    .from(notifications)
    .where(inArray(notifications.orgId, orgIds))
    .orderBy(desc(notifications.createdAt))
    .limit(limit)
    .all();
  return rows.map((r) => ({
    id: r.id,
    orgId: r.orgId,
    kind: r.kind as NotificationKind,
    data: JSON.parse(r.data) as Record<string, string | number | null>,
    createdAt: r.createdAt,
  }));
};
