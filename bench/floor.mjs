// The physical floor: the exact SQL a route sent to D1 (captured with SANAD_SQL_LOG, see
// worker/db/sql-log.ts), run directly on the same SQLite file with Debian's `sqlite3` and `.timer on`.
import { spawn, spawnSync } from "node:child_process";
import { readdirSync, copyFileSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** The local D1's SQLite file inside a wrangler state directory. */
export const d1File = (state) => {
  const dir = path.join(state, "v3", "d1", "miniflare-D1DatabaseObject");
  const file = readdirSync(dir).find((f) => f.endsWith(".sqlite") && f !== "metadata.sqlite");
  if (!file) throw new Error(`no D1 database under ${dir}`);
  return path.join(dir, file);
};

export const haveSqlite3 = () => spawnSync("sqlite3", ["-version"]).status === 0;

/** Parses the `sanad-sql {...}` lines of a server log (a Buffer), from byte offset `from` on. */
export const capturedStatements = (log, from = 0) =>
  log
    .subarray(from)
    .toString("utf8")
    .split("\n")
    .filter((l) => l.includes("sanad-sql {"))
    .map((l) => JSON.parse(l.slice(l.indexOf("sanad-sql {") + "sanad-sql ".length)));

/**
 * A value for `.parameter set`, which evaluates its argument as SQL and falls back to text only when that
 * fails: a bare '2026-11-30' became the integer 1985. Text is therefore an SQL string literal inside the
 * shell's double quotes (where backslash escapes are resolved, so a newline or quote survives the line).
 */
const literal = (v) =>
  v === null || v === undefined
    ? "NULL"
    : typeof v === "number"
      ? String(v)
      : typeof v === "boolean"
        ? v
          ? "1"
          : "0"
        : `"${`'${String(v).replaceAll("'", "''")}'`
            .replaceAll("\\", "\\\\")
            .replaceAll('"', '\\"')
            .replaceAll("\n", "\\n")
            .replaceAll("\r", "\\r")}"`;

/**
 * Runs the statements `repeat` times in one sqlite3 process (parameters bound with `.parameter set`,
 * results discarded by the shell's `.output`) and returns the median total of sqlite3's "real" times, ms.
 */
export const timeStatements = async (file, statements, repeat = 15, { writable = false } = {}) => {
  const script = [".timer on", ".headers off", ".mode list"];
  for (let r = 0; r < repeat; r++) {
    for (const s of statements) {
      script.push(".parameter clear");
      s.params.forEach((v, i) => script.push(`.parameter set ?${i + 1} ${literal(v)}`));
      script.push(`${s.sql.replace(/;\s*$/, "")};`);
    }
  }
  // Asynchronously: blocking the event loop for seconds let the server's keep-alive sockets close
  // unnoticed, and the next request on one failed ("other side closed").
  const r = await new Promise((resolve, reject) => {
    const child = spawn("sqlite3", writable ? [file] : ["-readonly", file], {
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    let partial = "";
    // Only the timer's lines are kept (result rows can be megabytes); lines may span chunks.
    child.stdout.setEncoding("utf8").on("data", (d) => {
      const lines = (partial + d).split("\n");
      partial = lines.pop();
      for (const l of lines) if (l.startsWith("Run Time:")) stdout += l + "\n";
    });
    child.stderr.setEncoding("utf8").on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (status) =>
      resolve({ status, stdout: partial.startsWith("Run Time:") ? stdout + partial : stdout, stderr }),
    );
    child.stdin.end(script.join("\n") + "\n");
  });
  if (r.status !== 0) throw new Error(`sqlite3: ${r.stderr}`);
  const times = [...r.stdout.matchAll(/^Run Time: real ([\d.]+)/gm)].map((m) => Number(m[1]) * 1000);
  if (r.stderr.trim()) throw new Error(`sqlite3: ${r.stderr.slice(0, 300)}`);
  const per = statements.length;
  const totals = Array.from({ length: repeat }, (_, k) =>
    times.slice(k * per, k * per + per).reduce((a, b) => a + b, 0),
  ).sort((a, b) => a - b);
  return Number(totals[Math.floor(totals.length / 2)].toFixed(1));
};

/**
 * A copy of the database as it is now (main file and write-ahead log). Writes are timed on a copy taken
 * just before the request that made them, so they find the rows in the state the app found them.
 */
export const snapshot = (file) => {
  const dir = mkdtempSync(path.join(tmpdir(), "sanad-floor-"));
  const copy = path.join(dir, "copy.sqlite");
  copyFileSync(file, copy);
  if (existsSync(`${file}-wal`)) copyFileSync(`${file}-wal`, `${copy}-wal`);
  return { file: copy, remove: () => rmSync(dir, { recursive: true, force: true }) };
};

/** Writes run once (repeating them would collide with themselves). */
export const timeWrites = async (copy, statements) => timeStatements(copy, statements, 1, { writable: true });
