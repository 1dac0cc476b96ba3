// Puts one drizzle client for the request's D1 binding on the context.
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env";
import { createDb } from "../db/client";

export const dbMiddleware = createMiddleware<AppEnv>(async (c, next) => {
  c.set("db", createDb(c.env.DB));
  await next();
});
