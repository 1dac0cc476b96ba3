// `npm start`: migrate the local D1, seed the demo data, then run `wrangler dev` on PORT (default 8787).
// Honours SANAD_STATE_DIR so several instances can run side by side on separate databases.
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { root, stateDir, port, wranglerEnv, devEnvFiles } from "./local-env.mjs";
import { migrateLocal } from "./migrate.mjs";

const bin = (name) => path.join(root, "node_modules", ".bin", name);
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: root, env: wranglerEnv, stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

console.log(`Local database: ${stateDir}`);
migrateLocal();
run(bin("tsx"), ["scripts/seed.ts"]);

const env = devEnvFiles();
const dev = spawn(
  bin("wrangler"),
  [
    "dev",
    "--local",
    "--ip",
    "127.0.0.1",
    "--port",
    String(port),
    "--persist-to",
    stateDir,
    ...env.files.flatMap((f) => ["--env-file", f]),
    "--show-interactive-dev-session=false",
  ],
  { cwd: root, env: wranglerEnv, stdio: "inherit" },
);
console.log(`\nSanad: http://localhost:${port}`);
console.log(
  env.stripe
    ? "Pledges: Stripe Checkout (STRIPE_SECRET_KEY is set)"
    : "Pledges: bank transfer (manual provider; set STRIPE_SECRET_KEY for Stripe Checkout)",
);
console.log(
  env.webhooks
    ? `Stripe webhooks: http://localhost:${port}/api/v1/webhooks/stripe\n`
    : "Stripe webhooks: off (set STRIPE_WEBHOOK_SECRET)\n",
);
console.log(
  `Mail: nothing leaves this machine; every message (sign-up links, password resets, invitations) is at http://localhost:${port}/dev/mail\n`,
);
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => dev.kill(sig));
dev.on("exit", (code) => process.exit(code ?? 0));
