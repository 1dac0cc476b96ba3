// `npm run db:backup [file]`: the local D1 (in SANAD_STATE_DIR) as one SQL file, schema and rows, with
// `wrangler d1 export --local`, plus the state directory's password pepper beside it (without it the
// restored accounts could not log in). Local development only; production uses D1 Time Travel (README).
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { root, stateDir, varsFile, wranglerEnv } from "./local-env.mjs";

const out = path.resolve(
  process.argv[2] ||
    path.join(root, "backups", `sanad-${new Date().toISOString().replace(/[:.]/g, "-")}.sql`),
);
mkdirSync(path.dirname(out), { recursive: true });
// `wrangler d1 export --local` has no --persist-to: it reads <project>/.wrangler/state. So it runs in a
// scratch project whose .wrangler/state is a link to SANAD_STATE_DIR.
const scratch = mkdtempSync(path.join(tmpdir(), "sanad-export-"));
copyFileSync(path.join(root, "wrangler.toml"), path.join(scratch, "wrangler.toml"));
mkdirSync(path.join(scratch, ".wrangler"));
symlinkSync(stateDir, path.join(scratch, ".wrangler", "state"));
const r = spawnSync(
  path.join(root, "node_modules", ".bin", "wrangler"),
  ["d1", "export", "DB", "--local", "--output", out],
  { cwd: scratch, env: wranglerEnv, stdio: ["ignore", "ignore", "inherit"] },
);
rmSync(scratch, { recursive: true, force: true });
if (r.status !== 0) process.exit(r.status ?? 1);
if (existsSync(varsFile)) copyFileSync(varsFile, `${out}.vars`);
console.log(`Backed up ${stateDir} to ${out}`);
