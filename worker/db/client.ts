// The database client: the only place that turns the D1 binding into a drizzle instance.
import { drizzle } from "drizzle-orm/d1";
import * as schema from "../../schema";

export const createDb = (d1: D1Database) => drizzle(d1, { schema });
export type Db = ReturnType<typeof createDb>;

export const nowIso = () => new Date().toISOString();
