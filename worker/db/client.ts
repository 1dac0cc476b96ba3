// The database client: the only place that turns the D1 binding into a drizzle instance.
import { drizzle } from "drizzle-orm/d1";
import * as schema from "../../schema";

/**
 * All drizzle's D1 driver calls on its client (drizzle-orm 0.45, d1/session.js: `prepare` and `batch`),
 * and all a D1 session (`withSession`) offers: so the app runs on a session as on the binding.
 */
export type D1Client = Pick<D1Database, "prepare" | "batch">;

// The cast only widens the declared type: drizzle asks for a D1Database but uses `prepare`/`batch` alone
// (and so do `db.$client` users: worker/db/equity.ts, worker/db/packed.ts).
export const createDb = (d1: D1Client) => drizzle(d1 as D1Database, { schema });
export type Db = ReturnType<typeof createDb>;

export const nowIso = () => new Date().toISOString();

/** SQL literals, quoted identifiers and comments: words inside them are not the statement's verb. */
const OPAQUE = /'(?:[^']|'')*'|"(?:[^"]|"")*"|`[^`]*`|\[[^\]]*\]|--[^\n]*|\/\*[\s\S]*?\*\//g;

/**
 * Whether a statement may change data. Only plain reads say no: anything unknown counts as a write, which
 * at worst sets the bookmark cookie once too often. A `WITH` statement's verb is the first one outside
 * every parenthesis (the common table expressions sit inside theirs).
 */
export const isWriteSql = (sql: string) => {
  const text = sql.replace(OPAQUE, " ");
  const first = /^[\s(]*([a-z]+)/i.exec(text)?.[1]?.toLowerCase();
  if (first === "select" || first === "values" || first === "explain") return false;
  if (first !== "with") return true;
  let depth = 0;
  for (const m of text.matchAll(/[()]|\b(select|values|insert|update|delete|replace)\b/gi)) {
    if (m[0] === "(") depth++;
    else if (m[0] === ")") depth--;
    else if (depth === 0) return !/^(select|values)$/i.test(m[0]);
  }
  return true;
};

/**
 * One D1 session (read replication): every statement through `client` is sequentially consistent with the
 * ones before it and with `start` (a bookmark from an earlier session, or where the first query may go).
 * `wrote()` says whether a statement that may change data was sent; `bookmark()` is the position a later
 * session must start from to see it (null before the first query).
 */
export const openSession = (d1: D1Database, start: D1SessionBookmark | D1SessionConstraint) => {
  const session = d1.withSession(start);
  let wrote = false;
  const client: D1Client = {
    prepare: (sql) => {
      if (!wrote && isWriteSql(sql)) wrote = true;
      return session.prepare(sql);
    },
    batch: (statements) => session.batch(statements),
  };
  return { client, wrote: () => wrote, bookmark: () => session.getBookmark() };
};

/**
 * For work without a request (cron, queue consumer): it writes and then reads what it wrote (a closed
 * call's reviews opened, the outbox rows just written), so it starts at the primary, whose data is the
 * newest, and stays consistent from there.
 */
export const primaryDb = (d1: D1Database) => createDb(openSession(d1, "first-primary").client);
