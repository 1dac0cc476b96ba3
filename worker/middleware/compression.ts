// Compressed text responses, for clients that ask for them. The Workers runtime encodes a response body itself when the response says
// `Content-Encoding: gzip` (its default "automatic" body encoding), on Cloudflare and under wrangler dev
// alike; so this only sets the header. Compressing here as well (e.g. with CompressionStream) would
// send the bytes gzipped twice.
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env";

const COMPRESSIBLE = /^(text\/|application\/(json|problem\+json|javascript|xml|atom\+xml|feed\+json))/;

export const compression = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  // Cloudflare (and wrangler dev) rewrite Accept-Encoding on the way in; the client's own header is in
  // request.cf.clientAcceptEncoding. A client that did not ask for gzip gets plain bytes.
  const cf = (c.req.raw as unknown as { cf?: { clientAcceptEncoding?: string } }).cf;
  const accepts = /\bgzip\b/.test(cf?.clientAcceptEncoding ?? c.req.header("accept-encoding") ?? "");
  const type = c.res.headers.get("content-type") ?? "";
  if (
    !accepts ||
    !c.res.body ||
    c.res.headers.has("content-encoding") ||
    !COMPRESSIBLE.test(type) ||
    c.req.method === "HEAD"
  )
    return;
  c.header("Content-Encoding", "gzip");
  c.header("Vary", "Accept-Encoding", { append: true });
});
