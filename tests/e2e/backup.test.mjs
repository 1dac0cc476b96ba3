// Data safety: `npm run db:backup` then `npm run db:restore` into another state directory keeps every
// row of every table (the app's own seeded database, with the demo data in it).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freshApp } from "../../scripts/fresh-app.mjs";
import { root } from "../../scripts/local-env.mjs";

let app;
before(async () => {
  app = freshApp("sanad-backup-");
  await app.start();
});
after(() => app?.cleanup());

const run = (stateDir, args) => {
  const r = spawnSync("node", args, {
    cwd: root,
    env: { ...app.env, SANAD_STATE_DIR: stateDir },
    encoding: "utf8",
  });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
};
const wrangler = (stateDir, sql) => {
  const r = spawnSync(
    path.join(root, "node_modules", ".bin", "wrangler"),
    ["d1", "execute", "DB", "--local", "--persist-to", stateDir, "--json", "--command", sql],
    { cwd: root, env: app.env, encoding: "utf8" },
  );
  assert.equal(r.status, 0, `${r.stderr}\n${r.stdout}`);
  return JSON.parse(r.stdout)[0].results;
};
/**
 * Every table and its row count. A full-text index's segment tables (`*_fts_data`, `*_fts_idx`) are left
 * out: a restore rebuilds the index in one merged segment, so they hold fewer rows for the same entries;
 * the index itself (`resources_fts`) and its per-document table are counted, and a search is compared.
 */
const census = (stateDir) => {
  const tables = wrangler(
    stateDir,
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name NOT LIKE '%\\_fts\\_data' ESCAPE '\\' AND name NOT LIKE '%\\_fts\\_idx' ESCAPE '\\' ORDER BY name",
  ).map((r) => r.name);
  // One row with a column per table (a compound SELECT of 20+ terms is over SQLite's limit).
  const [counts] = wrangler(
    stateDir,
    `SELECT ${tables.map((t) => `(SELECT count(*) FROM "${t}") AS "${t}"`).join(", ")}`,
  );
  return counts;
};

test("db:backup then db:restore into another database keeps every row of every table", async () => {
  const before = census(app.state);
  assert.ok(
    before.users > 0 && before.orgs > 0 && before.awards > 0 && before.payments > 0,
    "the seeded database has data",
  );
  const dir = mkdtempSync(path.join(tmpdir(), "sanad-restore-"));
  try {
    const file = path.join(dir, "backup.sql");
    run(app.state, ["scripts/db-backup.mjs", file]);
    const target = path.join(dir, "state");
    run(target, ["scripts/db-restore.mjs", file]);
    assert.deepEqual(census(target), before);
    const search =
      "SELECT r.id FROM resources_fts f JOIN resources r ON r.rowid = f.rowid WHERE resources_fts MATCH 'digital*' ORDER BY r.id";
    const found = wrangler(app.state, search);
    assert.ok(found.length > 0, "the demo library has a resource to find");
    assert.deepEqual(wrangler(target, search), found, "the restored library searches the same");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
