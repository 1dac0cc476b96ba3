// Applies migrations/ to the local D1 in SANAD_STATE_DIR with wrangler (the same files the tests use).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { root, stateDir, wranglerEnv, ensureDevVars } from "./local-env.mjs";

export const migrateLocal = () => {
  ensureDevVars();
  const r = spawnSync(
    path.join(root, "node_modules", ".bin", "wrangler"),
    ["d1", "migrations", "apply", "DB", "--local", "--persist-to", stateDir],
    { cwd: root, env: wranglerEnv, stdio: "inherit" },
  );
  if (r.status !== 0) process.exit(r.status ?? 1);
};

if (import.meta.url === pathToFileURL(process.argv[1]).href) migrateLocal();
