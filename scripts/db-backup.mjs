// `npm run db:backup [file]`: the local D1 (in SANAD_STATE_DIR) as one SQL file, schema and rows, with
// `wrangler d1 export --local`, plus the state directory's password pepper beside it (without it the
// restored accounts could not log in). Local development only; production uses D1 Time Travel (README).
import { spawnSync } from "node:child_process";
import {
  appendFileSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
} from "node:fs";
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
const wrangler = path.join(root, "node_modules", ".bin", "wrangler");
// `wrangler d1 export` refuses a database holding a virtual table (the library's FTS5 index), and D1 in
// production does the same. So the export names every table, index and trigger except the virtual tables
// and their shadow tables, and the dump ends with the virtual tables' definitions and a rebuild of each
// index from its content table (the index is derived data: nothing is lost).
const listed = spawnSync(
  wrangler,
  [
    "d1",
    "execute",
    "DB",
    "--local",
    "--json",
    "--command",
    "SELECT type, name, sql FROM sqlite_schema WHERE sql NOT NULL",
  ],
  { cwd: scratch, env: wranglerEnv, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
);
if (listed.status !== 0) process.exit(listed.status ?? 1);
const schema = JSON.parse(listed.stdout)[0].results;
const virtual = schema.filter((o) => o.type === "table" && /^CREATE VIRTUAL TABLE/i.test(o.sql));
const derived = (name) => virtual.some((v) => name === v.name || name.startsWith(`${v.name}_`));
const names = schema
  .map((o) => o.name)
  .filter((n) => !derived(n) && !n.startsWith("_cf_") && !n.startsWith("sqlite_"));
const r = spawnSync(
  wrangler,
  ["d1", "export", "DB", "--local", "--output", out, ...names.flatMap((n) => ["--table", n])],
  {
    cwd: scratch,
    env: wranglerEnv,
    stdio: ["ignore", "ignore", "inherit"],
  },
);
if (r.status === 0 && virtual.length)
  appendFileSync(
    out,
    virtual.map((v) => `${v.sql};\nINSERT INTO "${v.name}"("${v.name}") VALUES('rebuild');\n`).join(""),
  );
rmSync(scratch, { recursive: true, force: true });
if (r.status !== 0) process.exit(r.status ?? 1);
if (existsSync(varsFile)) copyFileSync(varsFile, `${out}.vars`);
console.log(`Backed up ${stateDir} to ${out}`);
