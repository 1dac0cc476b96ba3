// Static assets served by the Worker under content-hashed names, cacheable for a year.
import { Hono } from "hono";
import type { AppEnv } from "../env";
import { css, cssHref } from "../../web/styles/app.css";

export const assets = new Hono<AppEnv>().get(cssHref, (c) =>
  c.body(css, 200, { "Content-Type": "text/css; charset=utf-8", "Cache-Control": "public, max-age=31536000, immutable" }),
);
