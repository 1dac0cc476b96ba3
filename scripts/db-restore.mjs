// `npm run db:restore <file>`: replaces the local D1 in SANAD_STATE_DIR with a backup made by db:backup
// (the database is emptied first, then the file's schema and rows are executed), and puts the backup's
// password pepper back. Stop `npm start` first.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { root, stateDir, varsFile, wranglerEnv } from "./local-env.mjs";

const file = process.argv[2] && path.resolve(process.argv[2]);
if (!file || !existsSync(file)) {
  console.error("Usage: npm run db:restore -- <backup.sql>");
  process.exit(2);
}
// The local D1 lives under v3/d1 in the state directory; removing it empties the database.
rmSync(path.join(stateDir, "v3", "d1"), { recursive: true, force: true });
mkdirSync(stateDir, { recursive: true });
if (existsSync(`${file}.vars`)) copyFileSync(`${file}.vars`, varsFile);
// The dump creates and fills tables one after another, so rows can point at a table created later in
// the file, which D1's foreign keys refuse. Every table is created first, then the rows, then the indexes
// (a statement starts at a line opening with its keyword; continuation lines belong to it).
const statements = [];
for (const line of readFileSync(file, "utf8").split("\n")) {
  if (/^(CREATE|INSERT|PRAGMA|DELETE|BEGIN|COMMIT)\b/.test(line) || !statements.length) statements.push(line);
  else statements[statements.length - 1] += "\n" + line;
}
// A full-text index (db:backup writes its definition and a rebuild at the end) is rebuilt last, from rows
// and a virtual table that exist by then.
const rebuild = /^INSERT INTO "?\w+"?\("?\w+"?\) VALUES\('rebuild'\)/;
const rank = (s) =>
  /^CREATE TABLE/.test(s) ? 0 : rebuild.test(s) ? 3 : /^INSERT/.test(s) ? 1 : /^CREATE/.test(s) ? 2 : -1;
const ordered = statements.filter((s) => rank(s) >= 0).sort((a, b) => rank(a) - rank(b));
const withDeferredKeys = path.join(stateDir, "restore.sql");
writeFileSync(withDeferredKeys, "PRAGMA defer_foreign_keys = true;\n" + ordered.join("\n") + "\n");
const r = spawnSync(
  path.join(root, "node_modules", ".bin", "wrangler"),
  ["d1", "execute", "DB", "--local", "--persist-to", stateDir, "--file", withDeferredKeys, "--yes"],
  { cwd: root, env: wranglerEnv, stdio: ["ignore", "ignore", "inherit"] },
);
rmSync(withDeferredKeys, { force: true });
if (r.status !== 0) process.exit(r.status ?? 1);
console.log(`Restored ${file} into ${stateDir}`);
