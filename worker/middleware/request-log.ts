// One structured log line per request, and the request id a user can quote.
// The id is Cloudflare's Ray ID when the request came through Cloudflare (so a quoted id finds the same
// request in Cloudflare's own logs too), otherwise a random UUID. It goes on the context (problem
// documents and error pages show it) and in the `X-Request-Id` header of every response.
// The line names the route pattern, never the URL: no query string, body, address, user agent, user or
// organisation, so Workers Logs keeps nothing personal and nothing anyone answered.
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { matchedRoutes } from "hono/route";
import type { AppEnv } from "../env";

export const REQUEST_ID_HEADER = "X-Request-Id";

/**
 * A Ray ID: 16 hex digits, with the data centre's code after a dash. On Cloudflare the edge sets the
 * header (a client's own value never reaches the Worker); elsewhere anyone could send one, so only this
 * shape is taken: nothing else a client writes ends up in logs or pages.
 */
const RAY_ID = /^[0-9a-f]{16}(?:-[A-Z]{3,4})?$/;

export const requestIdOf = (req: Request) => {
  const ray = req.headers.get("cf-ray");
  return ray && RAY_ID.test(ray) ? ray : crypto.randomUUID();
};

/**
 * The pattern of the route that answered, e.g. `/api/v1/orgs/:id`. Middleware is registered for every
 * method ("ALL"); a handler for one. When a middleware answered (a 429, a CSRF refusal, an error in the
 * database layer) the line names the handler the request was going to, so it groups with that route.
 * No handler at all (a 404 for an unknown path): null.
 */
export const routeOf = (c: Context<AppEnv>): string | null => {
  const routes = matchedRoutes(c);
  const handler = routes.slice(c.req.routeIndex).find((r) => r.method !== "ALL");
  return handler?.path ?? null;
};

const MAX_MESSAGE = 200;

/**
 * What an unexpected error may put in the log. Messages can echo input: V8 quotes the text it failed to
 * parse as JSON, SQL errors can carry literals, drizzle appends a query's parameters after its first
 * line. So: the name, the message's first line with quoted text removed and cut short, and the stack's
 * code locations only (the stack's own first line repeats the message).
 */
export const describeError = (err: unknown) => {
  if (!(err instanceof Error)) return { name: typeof err };
  const message = (err.message.split("\n", 1)[0] ?? "")
    .replace(/"[^"]*"|'[^']*'|`[^`]*`/g, "…")
    .slice(0, MAX_MESSAGE);
  const frames = (err.stack ?? "")
    .split("\n")
    .filter((l) => /^\s+at /.test(l))
    .map((l) => l.trim())
    .slice(0, 10);
  return { name: err.name, message, stack: frames };
};

const levelOf = (status: number) => (status >= 500 ? "error" : status >= 400 ? "warn" : "info");

/** First in the stack, so the duration covers every other middleware and the id reaches every response. */
export const requestLog = createMiddleware<AppEnv>(async (c, next) => {
  // On Cloudflare a Worker's clock only moves at I/O: this is time spent waiting (D1, R2, fetches); the
  // CPU time is in Workers Logs' own invocation record.
  const started = Date.now();
  const requestId = requestIdOf(c.req.raw);
  c.set("requestId", requestId);
  await next();
  c.header(REQUEST_ID_HEADER, requestId);
  const status = c.res.status;
  const colo = (c.req.raw as unknown as { cf?: { colo?: string } }).cf?.colo;
  // An object, not a string: Workers Logs indexes each field of a logged object (filter by route, status,
  // requestId in the dashboard).
  console.log({
    level: levelOf(status),
    requestId,
    method: c.req.method,
    route: routeOf(c),
    status,
    ms: Date.now() - started,
    ...(colo ? { colo } : {}),
    ...(status >= 500 && c.error ? { error: describeError(c.error) } : {}),
  });
});
