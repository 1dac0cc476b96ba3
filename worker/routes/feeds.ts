// Open feeds of open calls: GET /calls.atom (Atom 1.0) and GET /calls.json (JSON Feed 1.1), with the
// filters of GET /api/v1/calls. Anyone may read them; they name a funder only where the calls page does.
import { Hono, type Context } from "hono";
import type { AppEnv } from "../env";
import { CallListQuery } from "../../schema/api/calls";
import { openCallsFeed } from "../actions/feeds";
import { atomFeed, jsonFeed } from "../domain/feeds";
import { Problem, zodFieldErrors } from "../core/problem";
import { problemBody } from "../http/problem";
import { sha256Hex } from "../security/random";

/** Feed readers poll; five minutes of staleness is nothing for calls open for weeks. */
const MAX_AGE_SECONDS = 300;
const FILTERS = ["q", "country", "theme", "fundingType"] as const;

const FORMATS = {
  atom: { type: "application/atom+xml; charset=utf-8", render: atomFeed },
  json: { type: "application/feed+json; charset=utf-8", render: jsonFeed },
} as const;

const serveFeed = async (c: Context<AppEnv>, format: keyof typeof FORMATS) => {
  const t = c.get("t");
  const parsed = CallListQuery.safeParse(c.req.query());
  if (!parsed.success) {
    // Not under /api, so the error handler would answer with a page: a feed reader wants the problem.
    const p = new Problem(400, undefined, zodFieldErrors(parsed.error, t));
    return c.body(JSON.stringify(problemBody(p, t, { requestId: c.get("requestId") })), 400, {
      "Content-Type": "application/problem+json; charset=utf-8",
    });
  }
  const filter = parsed.data;
  const url = new URL(c.req.url);
  const kept = new URLSearchParams();
  for (const k of FILTERS) if (filter[k]) kept.set(k, filter[k]);
  const lang = c.req.query("lang");
  const selfParams = new URLSearchParams(kept);
  if (lang) selfParams.set("lang", c.get("locale"));
  const qs = (p: URLSearchParams) => (p.size ? `?${p}` : "");
  const { meta, entries } = await openCallsFeed(c.get("db"), t, c.get("locale"), filter, {
    origin: url.origin,
    self: `${url.origin}${url.pathname}${qs(selfParams)}`,
    home: `${url.origin}/calls${qs(kept)}`,
  });
  const { type, render } = FORMATS[format];
  const body = render(meta, entries);
  const etag = `"${(await sha256Hex(body)).slice(0, 32)}"`;
  const headers = {
    "Content-Type": type,
    ETag: etag,
    "Last-Modified": new Date(meta.updated).toUTCString(),
    "Cache-Control": `public, max-age=${MAX_AGE_SECONDS}`,
    // The words (title, "a funder", dates) follow the reader's language.
    Vary: "Accept-Language, Cookie",
  };
  const ifNoneMatch = c.req.header("if-none-match");
  if (ifNoneMatch && ifNoneMatch.split(",").some((v) => v.trim().replace(/^W\//, "") === etag))
    return c.body(null, 304, headers);
  return c.body(body, 200, headers);
};

export const feedRoutes = new Hono<AppEnv>()
  .get("/calls.atom", (c) => serveFeed(c, "atom"))
  .get("/calls.json", (c) => serveFeed(c, "json"));
