// `npm run bundle:check`: builds the Worker exactly as `wrangler deploy` would (`--dry-run --outdir`, no
// account or network needed), prints its size and fails above the budget. Cloudflare refuses a Worker
// over 3 MB gzipped on the free plan (10 MB paid); the budget keeps well clear of that so a dependency
// that balloons the bundle is caught in CI, not at deploy time.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { root } from "./local-env.mjs";

/** Gzipped bytes of the built Worker script (README, "Deploying"). */
export const BUNDLE_BUDGET = 1024 * 1024;

const out = mkdtempSync(path.join(tmpdir(), "sanad-bundle-"));
try {
  const r = spawnSync(
    path.join(root, "node_modules", ".bin", "wrangler"),
    // The production environment: its bindings are the ones a deploy would check.
    ["deploy", "--dry-run", "--env", "production", "--outdir", out],
    {
      cwd: root,
      env: { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" },
      encoding: "utf8",
    },
  );
  if (r.status !== 0) {
    process.stderr.write(r.stdout + r.stderr);
    process.exit(r.status ?? 1);
  }
  // Wrangler's own summary (upload size, bindings) is the dry run's log.
  process.stdout.write(r.stdout.replace(/\x1b\[[0-9;]*m/g, ""));
  const script = readFileSync(path.join(out, "index.js"));
  const gzipped = gzipSync(script, { level: 9 }).length;
  const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
  console.log(
    `Worker bundle: ${kib(script.length)}, gzipped ${kib(gzipped)} (budget ${kib(BUNDLE_BUDGET)} gzipped)`,
  );
  if (gzipped > BUNDLE_BUDGET) {
    console.error("The Worker bundle is over its budget.");
    process.exit(1);
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
