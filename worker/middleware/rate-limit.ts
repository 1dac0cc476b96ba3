// Per-client limits with the Workers Rate Limiting binding, on the routes worth flooding: the ones that
// try passwords or send mail, and the reports and exports that cost the most to compute. The per-account
// login throttle (worker/db/throttle.ts) still guards each account against guesses from many addresses.
import { createMiddleware } from "hono/factory";
import type { Context } from "hono";
import type { AppEnv } from "../env";
import { Problem } from "../core/problem";

/**
 * The client's address as Cloudflare reports it (clients cannot set this header: Cloudflare overwrites
 * it). Without it (a request that did not come through Cloudflare or wrangler) all such requests share
 * one bucket, which errs on the side of limiting.
 */
export const clientKey = (c: Context<AppEnv>) => c.req.header("cf-connecting-ip") ?? "unknown";

/** Every binding counts per minute (wrangler.toml); waiting that long always clears the bucket. */
const RETRY_AFTER_SECONDS = 60;

export const rateLimit = (pick: (env: AppEnv["Bindings"]) => RateLimit, methods: string[] = ["POST"]) =>
  createMiddleware<AppEnv>(async (c, next) => {
    if (!methods.includes(c.req.method)) return next();
    const { success } = await pick(c.env).limit({ key: clientKey(c) });
    if (!success) {
      const t = c.get("t");
      throw new Problem(
        429,
        t("error.rate_limited"),
        undefined,
        { retryAfter: RETRY_AFTER_SECONDS },
        { "Retry-After": String(RETRY_AFTER_SECONDS) },
      );
    }
    await next();
  });

export const authLimit = rateLimit((env) => env.AUTH_LIMITER);
export const heavyLimit = rateLimit((env) => env.HEAVY_LIMITER, ["GET", "HEAD"]);
/** Anonymous feedback to a group: the address is counted here, in Cloudflare's memory, and stored nowhere. */
export const feedbackLimit = rateLimit((env) => env.FEEDBACK_LIMITER);
/** The anonymous eligibility check ranks every open call: priced like a report, counted per address. */
export const checkLimit = rateLimit((env) => env.HEAVY_LIMITER);
