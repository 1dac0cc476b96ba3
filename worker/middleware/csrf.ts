// CSRF protection where it matters: a browser can send a cross-site request carrying our cookie without
// a CORS preflight only as a POST with a form-like content type (or none). Those must come from our own
// origin (Hono's csrf checks Origin / Sec-Fetch-Site). PATCH/PUT/DELETE always preflight, and requests
// authenticated by a bearer token carry no ambient credential, so neither can be forged.
import { createMiddleware } from "hono/factory";
import { csrf } from "hono/csrf";
import type { AppEnv } from "../env";

const check = csrf();

export const csrfMiddleware = createMiddleware<AppEnv>(async (c, next) => {
  if (c.req.method !== "POST" || c.req.header("authorization")) return next();
  return check(c, next);
});
