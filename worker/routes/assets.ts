// Static assets served by the Worker under content-hashed names, cacheable for a year.
import { Hono } from "hono";
import type { AppEnv } from "../env";
import { css, cssHref } from "../../web/styles/app.css";
import { timezoneJs, timezoneHref } from "../../web/islands/timezone";
import { applicationJs, applicationHref } from "../../web/islands/application";
import { leaveQuicklyJs, leaveQuicklyHref } from "../../web/islands/leave-quickly";

const immutable = (type: string) => ({
  "Content-Type": `${type}; charset=utf-8`,
  "Cache-Control": "public, max-age=31536000, immutable",
});

export const assets = new Hono<AppEnv>()
  .get(cssHref, (c) => c.body(css, 200, immutable("text/css")))
  .get(timezoneHref, (c) => c.body(timezoneJs, 200, immutable("text/javascript")))
  .get(applicationHref, (c) => c.body(applicationJs, 200, immutable("text/javascript")))
  .get(leaveQuicklyHref, (c) => c.body(leaveQuicklyJs, 200, immutable("text/javascript")));
