// A throwaway copy of the app: a fresh state directory (so a fresh local D1), the app started exactly as
// `npm start` starts it (migrate, seed, wrangler dev), and cleanup. Used by the benchmarks and the
// browser tests.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync, rmSync, openSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { root } from "./local-env.mjs";

const wrangler = path.join(root, "node_modules", ".bin", "wrangler");

/** A fresh state directory and the environment that points `npm start` and wrangler at it. */
export const freshApp = (prefix = "sanad-") => {
  const state = mkdtempSync(path.join(tmpdir(), prefix));
  const port = Number(process.env.PORT ?? 8790 + Math.floor(Math.random() * 100));
  const env = {
    ...process.env,
    SANAD_STATE_DIR: state,
    PORT: String(port),
    WRANGLER_SEND_METRICS: "false",
    CLOUDFLARE_CF_FETCH_ENABLED: "false",
    CI: "true",
  };
  const step = (label, cmd, args) => {
    const t = Date.now();
    const r = spawnSync(cmd, args, { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
    if (r.status !== 0) throw new Error(`${label} failed`);
    console.error(`${label}: ${((Date.now() - t) / 1000).toFixed(1)} s`);
  };
  /** Migrates the fresh D1 and loads the SQL statements into it. */
  const load = (label, statements) => {
    step("migrate", "node", ["scripts/migrate.mjs"]);
    const file = path.join(state, "bench.sql");
    writeFileSync(file, statements.join("\n"));
    step(label, wrangler, ["d1", "execute", "DB", "--local", "--persist-to", state, "--file", file]);
  };
  /**
   * Migrates the fresh D1, then streams the statements straight into its SQLite file with `sqlite3` in
   * one transaction (the app is not running yet): millions of rows in seconds, where `wrangler d1
   * execute` would take minutes.
   */
  const loadDirect = async (label, statements) => {
    step("migrate", "node", ["scripts/migrate.mjs"]);
    const dir = path.join(state, "v3", "d1", "miniflare-D1DatabaseObject");
    const file = path.join(
      dir,
      readdirSync(dir).find((f) => f.endsWith(".sqlite") && f !== "metadata.sqlite"),
    );
    const t = Date.now();
    const sqlite = spawn("sqlite3", ["-bail", file], { stdio: ["pipe", "ignore", "inherit"] });
    const done = new Promise((resolve, reject) =>
      sqlite.on("exit", (code) =>
        code === 0 ? resolve() : reject(new Error(`${label}: sqlite3 exited with ${code}`)),
      ),
    );
    const write = (text) =>
      sqlite.stdin.write(text) ? Promise.resolve() : new Promise((r) => sqlite.stdin.once("drain", r));
    await write("PRAGMA foreign_keys = ON;\nBEGIN;\n");
    for (const statement of statements) await write(statement + "\n");
    await write("COMMIT;\n");
    sqlite.stdin.end();
    await done;
    console.error(`${label}: ${((Date.now() - t) / 1000).toFixed(1)} s`);
  };
  let server;
  /** Starts the app; `logFile` keeps its output (benchmarks read captured SQL from it). */
  const start = async ({ logFile } = {}) => {
    // Output is dropped unless DEBUG is set or a log file is given: an unread pipe would fill up and stall the server.
    const out = logFile ? openSync(logFile, "a") : process.env.DEBUG ? "inherit" : "ignore";
    server = spawn("node", ["scripts/start.mjs"], {
      cwd: root,
      env,
      stdio: ["ignore", out, out],
      detached: true,
    });
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`${base}/api/v1/health`)).ok) return base;
      } catch {}
      if (i > 600) throw new Error("the app did not start");
      await new Promise((r) => setTimeout(r, 200));
    }
  };
  const stop = async () => {
    if (!server) return;
    const exited = new Promise((r) => server.once("exit", r));
    try {
      process.kill(-server.pid, "SIGTERM");
    } catch {}
    await exited;
    server = null;
  };
  const cleanup = () => {
    if (server) {
      try {
        process.kill(-server.pid, "SIGTERM");
      } catch {}
    }
    // KEEP=1 leaves the database for inspection (e.g. timing the raw SQL with sqlite3).
    if (process.env.KEEP) console.error(`kept: ${state}`);
    else rmSync(state, { recursive: true, force: true });
  };
  return { state, env, load, loadDirect, start, stop, cleanup, group: () => server?.pid };
};
