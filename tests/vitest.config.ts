// vitest inside workerd (miniflare) with the real migrations applied to the test D1.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vitest/config";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-pool-workers";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Stripe's published source maps point at files it does not ship; vite warns ~200 times per run. */
const quietSourcemaps = (): Plugin => ({
  name: "quiet-missing-sourcemaps",
  configResolved(config) {
    const warnOnce = config.logger.warnOnce;
    config.logger.warnOnce = (msg, opts) => {
      if (!msg.includes("points to missing source files")) warnOnce(msg, opts);
    };
  },
});

export default defineConfig(async () => {
  const migrations = await readD1Migrations(path.join(root, "migrations"));
  return {
    root,
    plugins: [
      quietSourcemaps(),
      cloudflareTest({
        main: "./worker/index.ts",
        wrangler: { configPath: "./wrangler.toml" },
        miniflare: {
          bindings: {
            TEST_MIGRATIONS: migrations,
            PASSWORD_PEPPER: "test-pepper-not-a-secret-0123456789",
            STRIPE_WEBHOOK_SECRET: "whsec_test_not_a_secret",
          },
        },
      }),
    ],
    oxc: { jsx: { runtime: "automatic" as const, importSource: "preact" } },
    test: {
      include: ["tests/**/*.test.{ts,tsx}"],
      exclude: ["tests/e2e/**"],
      setupFiles: ["./tests/setup/migrate.ts"],
      // The app logs one line per request (worker/middleware/request-log.ts): tens of thousands in a run.
      // Those of requests that went well or were refused are dropped here; errors still show.
      onConsoleLog: (log: string) => !/^\{\s*level: '(info|warn)',/.test(log.replace(/\x1b\[[0-9;]*m/g, "")),
      globalSetup: ["./tests/setup/stripe-stub.ts"],
      reporters: (process.env.CI
        ? ["default", ["json", { outputFile: "test-results/vitest.json" }]]
        : ["default"]) as ["default"],
    },
  };
});
