// `npm start`: migrate the local D1, seed the demo data, then run `wrangler dev` on PORT (default 8787).
// Honours SANAD_STATE_DIR so several instances can run side by side on separate databases.
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { root, stateDir, port, varsFile, wranglerEnv } from "./local-env.mjs";
import { migrateLocal } from "./migrate.mjs";

const bin = (name) => path.join(root, "node_modules", ".bin", name);
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: root, env: wranglerEnv, stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

console.log(`Local database: ${stateDir}`);
migrateLocal();
run(bin("tsx"), ["scripts/seed.ts"]);

const dev = spawn(
  bin("wrangler"),
  ["dev", "--local", "--ip", "127.0.0.1", "--port", String(port), "--persist-to", stateDir, "--env-file", varsFile, "--show-interactive-dev-session=false"],
  { cwd: root, env: wranglerEnv, stdio: "inherit" },
);
console.log(`\nSanad: http://localhost:${port}\n`);
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => dev.kill(sig));
dev.on("exit", (code) => process.exit(code ?? 0));
