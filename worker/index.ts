// Worker entry: checks the environment once, then serves every request with the app.
import { z } from "zod";
import { createApp } from "./app";
import type { Bindings } from "./env";
import { createDb } from "./db/client";
import { closeExpiredCalls } from "./db/calls";

const EnvSchema = z.object({
  PASSWORD_PEPPER: z.string().min(16, "PASSWORD_PEPPER must be set (a random secret of 16+ characters)"),
  SANAD_ENV: z.string().optional(),
  STRIPE_SECRET_KEY: z.string().regex(/^(sk|rk)_/, "STRIPE_SECRET_KEY must be a Stripe secret key (sk_… or rk_…)").optional(),
  STRIPE_WEBHOOK_SECRET: z.string().min(1).optional(),
  STRIPE_API_BASE: z.url("STRIPE_API_BASE must be a URL such as https://api.stripe.com").optional(),
});

const app = createApp();
let checked = false;

export default {
  fetch(request: Request, env: Bindings, ctx: ExecutionContext) {
    if (!checked) {
      const result = EnvSchema.safeParse(env);
      if (!result.success) {
        console.error("Invalid environment:", result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
        return new Response("Server misconfigured: see the logs.", { status: 500 });
      }
      checked = true;
    }
    return app.fetch(request, env, ctx);
  },
  /** The cron trigger (wrangler.toml): marks calls whose deadline has passed as closed. */
  async scheduled(controller: ScheduledController, env: Bindings) {
    const closed = await closeExpiredCalls(createDb(env.DB), new Date(controller.scheduledTime));
    if (closed.length) console.log(`closed ${closed.length} call(s) after their deadline`);
  },
} satisfies ExportedHandler<Bindings>;
