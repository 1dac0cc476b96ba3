// The calls a feed shows, read whole (summary and dates too) once the list query has chosen them.
import { inArray } from "drizzle-orm";
import { calls } from "../../schema";
import type { Db } from "./client";
import { toCall, withFunder } from "./calls";

/** The calls with these ids, in the order given (ids not found are skipped). */
export const callsInOrder = async (db: Db, ids: string[], now: Date) => {
  if (!ids.length) return [];
  const rows = await withFunder(db).where(inArray(calls.id, ids)).all();
  const byId = new Map(rows.map((r) => [r.call.id, toCall(r.call, r.funderName, now)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
};
