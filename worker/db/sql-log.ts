// Benchmark aid: when the environment sets SANAD_SQL_LOG=1 *and* a request carries
// `X-Sanad-Sql-Log: 1`, every statement that request sends to D1 is printed as one line
// `sanad-sql {"sql": …, "params": […]}`, so `npm run bench` can time the very same SQL directly on the
// SQLite file (the "floor"). Off by default; never set SANAD_SQL_LOG in production (parameters are data).
// It wraps whatever the app sends SQL through: the request's D1 session (worker/middleware/db.ts).

import type { D1Client } from "./client";

const log = (sql: string, params: unknown[]) => console.log(`sanad-sql ${JSON.stringify({ sql, params })}`);

type Statement = { sql: string; params: unknown[]; target: D1PreparedStatement };
const RUNS = new Set(["first", "all", "run", "raw"]);

export const loggingD1 = (d1: D1Client): D1Client => {
  const originals = new WeakMap<object, Statement>();
  const wrap = (s: Statement): D1PreparedStatement => {
    const proxy = new Proxy(s.target, {
      get(target, prop) {
        if (prop === "bind")
          return (...values: unknown[]) => wrap({ ...s, params: values, target: target.bind(...values) });
        const value = Reflect.get(target, prop, target);
        if (typeof value !== "function") return value;
        if (RUNS.has(String(prop)))
          return (...args: unknown[]) => (log(s.sql, s.params), value.apply(target, args));
        return value.bind(target);
      },
    });
    originals.set(proxy, s);
    return proxy;
  };
  return new Proxy(d1, {
    get(target, prop) {
      if (prop === "prepare") return (sql: string) => wrap({ sql, params: [], target: target.prepare(sql) });
      if (prop === "batch")
        return (statements: D1PreparedStatement[]) => {
          const inner = statements.map((st) => {
            const s = originals.get(st);
            if (s) log(s.sql, s.params);
            return s?.target ?? st;
          });
          return target.batch(inner);
        };
      const value = Reflect.get(target, prop, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
};
