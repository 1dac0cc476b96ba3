// An award's default plan written in the decision's own batch, so the plan exists from the moment the award
// does (the 360Giving export and the ledger read it without anyone opening the award first).
import { sql, type SQL } from "drizzle-orm";
import { tranches } from "../../schema";
import type { Db } from "./client";
import { nowIso } from "./client";
import { newId } from "../security/random";
import type { TranchePlan } from "../domain/tranches";

/** The plan's inserts, each written only where `cond` holds (the decision won) and the award has none yet. */
export const defaultPlanInsertsIf = (db: Db, awardId: string, plan: readonly TranchePlan[], cond: SQL) => {
  const now = nowIso();
  const ids = plan.map(() => newId());
  const none = sql`NOT EXISTS (SELECT 1 FROM tranches WHERE award_id = ${awardId} AND id NOT IN (${sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  )}))`;
  return plan.map((t, i) =>
    // insert … select: values in the table's column order.
    db
      .insert(tranches)
      .select(
        sql`SELECT ${ids[i]}, ${awardId}, ${i + 1}, ${t.dueOn}, ${t.amount.amount}, ${t.amount.currency}, ${t.afterReport ? 1 : 0}, ${now} WHERE ${cond} AND ${none}`,
      ),
  );
};
