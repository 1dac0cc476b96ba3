// Puts one drizzle client for the request's D1 binding on the context.
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env";
import { createDb } from "../db/client";
import { loggingD1 } from "../db/sql-log";

export const dbMiddleware = createMiddleware<AppEnv>(async (c, next) => {
  const logged = c.env.SANAD_SQL_LOG === "1" && c.req.header("x-sanad-sql-log") === "1";
  c.set("db", createDb(logged ? loggingD1(c.env.DB) : c.env.DB));
  await next();
});
