// /dev/mail: the outbox as a page, in local development only (404 wherever SANAD_ENV is not development).
import { Hono } from "hono";
import type { AppEnv } from "../env";
import { renderPage } from "../http/render";
import { devMailEnabled } from "../http/mail";
import { Problem } from "../core/problem";
import { listMail } from "../db/outbox";
import { DevMailPage } from "../../web/pages/DevMail";

export const devPages = new Hono<AppEnv>().get("/dev/mail", async (c) => {
  if (!devMailEnabled(c)) throw new Problem(404);
  const to = c.req.query("to")?.slice(0, 254) || undefined;
  return renderPage(c, <DevMailPage items={await listMail(c.get("db"), to)} to={to} />);
});
