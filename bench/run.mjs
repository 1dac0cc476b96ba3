// `npm run bench`: one benchmark that tells the truth about Sanad's speed.
//  1. A deterministic dataset (bench/dataset.mjs) in a fresh local D1, the app started as `npm start`
//     starts it, and every main route driven by a closed-loop load generator on loopback: req/s,
//     p50/p95/p99, errors, and the runtime's CPU time per request.
//  2. The floor: the SQL the heaviest routes sent (captured from the app itself) timed with `sqlite3`
//     on the same file, and the ratio route latency ÷ raw SQL time.
//  3. The scale curve: matching and the equity report at 1×, 3× and 10× the data.
// Prints markdown tables and writes bench/results/bench-<time>.json.
// Env: BENCH_SCALES (default "1,3,10"), BENCH_SECONDS per route (5), BENCH_CONCURRENCY (1), BENCH_SUBMITS (100),
// BENCH_ONLY (route keys, comma-separated; the health baseline is always measured), BENCH_PORT (the app's
// port; default a random one in 8790–8889 — set it when another benchmark runs on this machine; each run
// has its own fresh state directory under the system's temporary directory), BENCH_RESULTS (where the
// JSON and latest.md go; default bench/results).
import { mkdirSync, readFileSync, writeFileSync, statSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { freshApp } from "../scripts/fresh-app.mjs";
import { root, visit } from "./lib.mjs";
import { dataset, sizes, benchChapter } from "./dataset.mjs";
import { BENCH_PANEL_CALL, SEARCH_WORD } from "./dataset-features.mjs";
import { drive } from "./loadgen.mjs";
import { d1File, haveSqlite3, capturedStatements, timeStatements, timeWrites, snapshot } from "./floor.mjs";
import { workerdCpuMs } from "./cpu.mjs";
import { statementCpuMs } from "./statement-cost.mjs";
import { benchWorld } from "./world.mjs";

const SCALES = (process.env.BENCH_SCALES ?? "1,3,10")
  .split(",")
  .map(Number)
  .filter((n) => n > 0);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 1);
const SUBMITS = Number(process.env.BENCH_SUBMITS ?? 100);
/** BENCH_ONLY=csoMatches,equity measures only those routes (keys as in the JSON output). */
const ONLY = process.env.BENCH_ONLY ? new Set(["health", ...process.env.BENCH_ONLY.split(",")]) : null;
const CPU_BUDGET_MS = 10;
// scripts/fresh-app.mjs takes the port from PORT.
if (process.env.BENCH_PORT) process.env.PORT = process.env.BENCH_PORT;

if (!haveSqlite3()) {
  console.error("npm run bench needs Debian's sqlite3 for the raw-SQL floor: apt-get install -y sqlite3");
  process.exit(1);
}

/** The routes of the issue, each with how to send it; `curve` marks the heaviest ones, measured at every scale. */
const routes = (base, w) => {
  const at = (p) => `${base}${p}`;
  return [
    {
      key: "health",
      label: "GET /api/v1/health (baseline: the local runtime's cost per request)",
      send: () => visit(at("/api/v1/health")),
      // At every scale: the net ratio of each scale's routes subtracts that run's own baseline.
      curve: true,
    },
    { key: "browse", label: "GET /calls (browse open calls, page)", send: () => visit(at("/calls")) },
    { key: "call", label: "GET /calls/:id (a call page)", send: () => visit(at(`/calls/${w.call.id}`)) },
    {
      key: "csoMatches",
      label: "GET /api/v1/orgs/:id/matches (CSO)",
      send: () => w.cso(`/api/v1/orgs/${w.csoOrg.id}/matches`),
      curve: true,
    },
    {
      key: "funderMatches",
      label: "GET /api/v1/calls/:id/matches (funder)",
      send: () => w.funder(`/api/v1/calls/${w.call.id}/matches`),
      curve: true,
    },
    {
      key: "save",
      label: "PATCH /api/v1/applications/:id (save a draft)",
      send: async (worker) => {
        const d = w.drafts[worker];
        const res = await w.patch(`/api/v1/applications/${d.id}`, {
          version: d.version,
          answers: { q1: `Saved at ${Date.now()}` },
        });
        if (res.ok) d.version++;
        return res;
      },
    },
    {
      key: "submit",
      label: "POST /api/v1/applications/:id/submit",
      requests: SUBMITS,
      warmup: 0,
      send: (_, i) => w.cso(`/api/v1/applications/${w.pool[i].id}/submit`, {}),
    },
    {
      key: "equity",
      label: "GET /api/v1/reports/equity (ungrouped)",
      send: () => visit(at("/api/v1/reports/equity")),
      curve: true,
    },
    {
      key: "equityCountry",
      label: "GET /api/v1/reports/equity?groupBy=country",
      send: () => visit(at("/api/v1/reports/equity?groupBy=country")),
      curve: true,
    },
    {
      key: "equityYear",
      label: "GET /api/v1/reports/equity?from=2025-01-01&to=2025-12-31&fundingType=core&groupBy=country",
      send: () =>
        visit(at("/api/v1/reports/equity?from=2025-01-01&to=2025-12-31&fundingType=core&groupBy=country")),
      curve: true,
    },
    {
      key: "equityFunder",
      label: "GET /api/v1/reports/equity?funderOrgId=f1&groupBy=year",
      send: () => visit(at("/api/v1/reports/equity?funderOrgId=f1&groupBy=year")),
      curve: true,
    },
    {
      key: "csv",
      label: "GET /api/v1/reports/equity.csv?groupBy=country",
      send: () => visit(at("/api/v1/reports/equity.csv?groupBy=country")),
    },
    {
      key: "giving360",
      label: "GET /api/v1/exports/360giving.json (1,000 grants)",
      send: () => visit(at("/api/v1/exports/360giving.json")),
    },
    { key: "chapters", label: "GET /chapters (country chapters, page)", send: () => visit(at("/chapters")) },
    {
      key: "chapter",
      label: "GET /chapters/:country (one chapter, as its coordinator: with the queue)",
      send: () => w.coordinator(`/chapters/${benchChapter()}`),
    },
    { key: "map", label: "GET /map (page)", send: () => visit(at("/map")) },
    {
      key: "mapApi",
      label: "GET /api/v1/map?metric=awards",
      send: () => visit(at("/api/v1/map?metric=awards")),
    },
    { key: "resources", label: "GET /resources (library, page)", send: () => visit(at("/resources")) },
    {
      key: "resourcesSearch",
      label: `GET /resources?q=${SEARCH_WORD} (library search, FTS5)`,
      send: () => visit(at(`/resources?q=${SEARCH_WORD}`)),
    },
    {
      key: "tally",
      label: "GET /calls/:id/tally (a published panel tally, page)",
      send: () => visit(at(`/calls/${BENCH_PANEL_CALL}/tally`)),
    },
    {
      key: "tallyApi",
      label: "GET /api/v1/calls/:id/tally",
      send: () => visit(at(`/api/v1/calls/${BENCH_PANEL_CALL}/tally`)),
    },
  ];
};

/**
 * Waits until the app's log stops growing: the runtime hands the Worker's console lines to wrangler,
 * which writes them a little after the response, and a route with many statements writes many lines.
 */
const logSettled = async (logFile, before) => {
  let size = before;
  let quiet = 0;
  for (let waited = 0; waited < 5000 && (waited < 300 || quiet < 300); waited += 50) {
    await new Promise((r) => setTimeout(r, 50));
    const now = statSync(logFile).size;
    quiet = now === size ? quiet + 50 : 0;
    size = now;
  }
};

/**
 * Sends one request (`i`) with the SQL log switched on and times the statements it sent to D1 on the
 * same data: a copy of the file taken just before; reads repeated read-only (median of 15), writes once.
 */
const floorOf = async (file, logFile, route, i = 0) => {
  const copy = snapshot(file);
  try {
    const before = statSync(logFile).size;
    const original = globalThis.fetch;
    // The request's own headers (its session cookie, its client address) are kept: spreading a Headers
    // object into a plain one dropped them all, and the floor timed a signed-out 401 instead of the route.
    globalThis.fetch = (url, init = {}) => {
      const headers = new Headers(init.headers);
      headers.set("X-Sanad-Sql-Log", "1");
      return original(url, { ...init, headers });
    };
    let res;
    try {
      res = await route.send(0, i);
      await res.arrayBuffer();
    } finally {
      globalThis.fetch = original;
    }
    if (!res.ok)
      throw new Error(`floor of ${route.key}: HTTP ${res.status} (the SQL of a failure is no floor)`);
    await logSettled(logFile, before);
    const statements = capturedStatements(readFileSync(logFile), before);
    const reads = statements.every((s) => /^\s*(select|with)\b/i.test(s.sql));
    // Never on the live file: a long read by another process there broke the local D1 at 10× (the
    // app's next request failed), so reads are timed on the copy too.
    return {
      floorMs: reads ? await timeStatements(copy.file, statements) : await timeWrites(copy.file, statements),
      floorStatements: statements.length,
      floorWrites: !reads,
    };
  } finally {
    copy.remove();
  }
};

const measureRoute = async (app, route, opts) => {
  const cpu0 = workerdCpuMs(app.group());
  const warmup = route.warmup ?? opts.warmup ?? 5;
  const result = await drive({
    send: route.send,
    concurrency: route.key === "submit" ? 1 : CONCURRENCY,
    seconds: opts.seconds,
    requests: route.requests ?? Infinity,
    minRequests: opts.minRequests ?? 0,
    warmup,
  });
  const cpu = workerdCpuMs(app.group()) - cpu0;
  return { ...result, cpuMsPerRequest: Number((cpu / Math.max(1, result.requests + warmup)).toFixed(2)) };
};

/** One scale: fresh app with the dataset, the world, then the routes asked for. */
const runScale = async (scale, { full }) => {
  const app = freshApp(`sanad-bench-${scale}x-`);
  app.env.SANAD_SQL_LOG = "1";
  const logFile = path.join(app.state, "server.log");
  try {
    const t = Date.now();
    await app.loadDirect(`dataset ${scale}×`, dataset(scale));
    const loadSeconds = (Date.now() - t) / 1000;
    const base = await app.start({ logFile });
    const w = await benchWorld(base, {
      clients: CONCURRENCY,
      submittable: full ? SUBMITS : 0,
      chapter: benchChapter(),
    });
    const file = d1File(app.state);
    const chosen = routes(base, w).filter((r) => (full || r.curve) && (!ONLY || ONLY.has(r.key)));
    const out = [];
    for (const route of chosen) {
      process.stderr.write(`${scale}× ${route.label} … `);
      // A submission can be sent once per draft: its SQL is captured first, on the pool's last draft.
      const early =
        route.key === "submit" && w.pool.length
          ? await floorOf(file, logFile, route, w.pool.length - 1)
          : null;
      if (early) route.requests = w.pool.length - 1;
      const r = await measureRoute(
        app,
        route,
        full ? { seconds: SECONDS } : { seconds: SECONDS, minRequests: 10, warmup: 2 },
      );
      if (route.key !== "health") {
        Object.assign(r, early ?? (await floorOf(file, logFile, route)));
        r.overRaw = Number((r.p50 / Math.max(r.floorMs, 0.5)).toFixed(1));
      }
      process.stderr.write(`p50 ${r.p50} ms\n`);
      out.push({ key: route.key, route: route.label, ...r });
    }
    // The target: a route's latency less the empty route's (measured in this run), over its SQL.
    const empty = out.find((r) => r.key === "health")?.p50;
    for (const r of out)
      if (r.floorMs !== undefined && empty !== undefined)
        r.netOverRaw = Number((Math.max(0, r.p50 - empty) / Math.max(r.floorMs, 0.5)).toFixed(1));
    return { scale, sizes: sizes(scale), loadSeconds, dbBytes: statSync(file).size, routes: out };
  } finally {
    await app.stop();
    app.cleanup();
  }
};

const machine = () => ({
  cpu: cpus()[0]?.model ?? "unknown",
  cores: cpus().length,
  memoryGB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  sqlite3: spawnSync("sqlite3", ["-version"], { encoding: "utf8" }).stdout.split(" ")[0],
  wrangler: JSON.parse(readFileSync(path.join(root, "node_modules/wrangler/package.json"), "utf8")).version,
});

const fmt = (n) => (n === undefined || n === null || Number.isNaN(n) ? "–" : String(n));
const tableOf = (head, rows) =>
  [
    `| ${head.join(" | ")} |`,
    `| ${head.map((_, i) => (i ? "---:" : "---")).join(" | ")} |`,
    ...rows.map((r) => `| ${r.map(fmt).join(" | ")} |`),
  ].join("\n");

const started = new Date();
// Before the app starts, so nothing else runs on the runtime meanwhile.
const statementMs = await statementCpuMs({
  port: Number(process.env.BENCH_PORT ?? 8790) + 100,
  wrangler: path.join(root, "node_modules", ".bin", "wrangler"),
});
process.stderr.write(`local D1 simulator: ${statementMs} ms of runtime CPU per statement\n`);
const scales = [];
for (const scale of SCALES) scales.push(await runScale(scale, { full: scale === SCALES[0] }));
const first = scales[0];
const report = {
  date: started.toISOString(),
  machine: machine(),
  concurrency: CONCURRENCY,
  secondsPerRoute: SECONDS,
  cpuBudgetMs: CPU_BUDGET_MS,
  statementCpuMs: statementMs,
  scales,
};

const md = [];
const m = report.machine;
md.push(`# Sanad benchmark — ${report.date.slice(0, 10)}`);
md.push(
  `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB; Node ${m.node}; wrangler ${m.wrangler} (\`wrangler dev --local\`, loopback); sqlite3 ${m.sqlite3}. Closed loop, ${CONCURRENCY} client(s), ${SECONDS} s per route after warm-up.`,
);
const n = first.sizes;
md.push(
  `\n## Routes at ${first.scale}× (${n.orgs.toLocaleString("en")} CSOs, ${n.funders} funders, ${n.calls.toLocaleString("en")} calls of which ${n.openCalls.toLocaleString("en")} open, ${n.applications.toLocaleString("en")} applications, ${n.awards.toLocaleString("en")} awards, ${n.pledges.toLocaleString("en")} pledges with ${(n.pledges * 2).toLocaleString("en")} payments; ${n.chapterCountries} chapters, ${n.resources.toLocaleString("en")} published library resources, a published panel tally of ${n.tallyApplications} applications)\n`,
);
const baseline = first.routes.find((r) => r.key === "health")?.cpuMsPerRequest ?? 0;
/**
 * The Worker's own CPU, estimated: the runtime's CPU per request less an empty request's (which sends one
 * statement), less the SQL (when timed), less the local D1 simulator's cost of each further statement.
 */
for (const r of first.routes)
  r.workerCpuEstimateMs = Number(
    Math.max(
      0,
      r.cpuMsPerRequest -
        baseline -
        (r.floorMs ?? 0) -
        Math.max(0, (r.floorStatements ?? 1) - 1) * statementMs,
    ).toFixed(2),
  );
md.push(
  tableOf(
    [
      "route",
      "req/s",
      "p50 ms",
      "p95 ms",
      "p99 ms",
      "errors",
      "runtime CPU ms/req",
      "est. Worker CPU ms/req",
      `≤ ${CPU_BUDGET_MS} ms`,
    ],
    first.routes.map((r) => [
      r.route,
      r.rps,
      r.p50,
      r.p95,
      r.p99,
      r.errors,
      r.cpuMsPerRequest,
      r.key === "health" ? "(baseline)" : r.workerCpuEstimateMs,
      r.key === "health" ? "" : r.workerCpuEstimateMs <= CPU_BUDGET_MS ? "yes" : "no",
    ]),
  ),
);
md.push(
  `\nRuntime CPU is every \`workerd\` process of the app (utime + stime from /proc) over the measured window ÷ requests: it includes wrangler's local proxy, the HTTP handling and, locally, SQLite itself. The estimate subtracts the baseline route's CPU, the route's raw SQL time and, for each statement beyond the baseline's one, the local D1 simulator's CPU per statement (${statementMs} ms, calibrated at the start of the run by bench/statement-cost.mjs): in production D1 executes SQL on its own machines and a statement is I/O, off the Worker's clock.`,
);
md.push(
  `\n## The floor: each route's own SQL on the same SQLite file (\`sqlite3\`; reads: median of 15 runs)\n`,
);
md.push(
  tableOf(
    ["route", "statements", "raw SQL ms", "route p50 ms", "route ÷ raw", "(route − empty route) ÷ raw"],
    first.routes
      .filter((r) => r.floorMs !== undefined)
      .map((r) => [
        `${r.route}${r.floorWrites ? " (writes: once, on a copy)" : ""}`,
        r.floorStatements,
        r.floorMs,
        r.p50,
        `${r.overRaw}×`,
        `${r.netOverRaw}×`,
      ]),
  ),
);
md.push(
  `\nThe heaviest routes are the matches and the equity report. \`sqlite3\`'s timer has millisecond resolution; ratios use at least 0.5 ms. The last column is the issue's target (≤ 2× for matching): the route's p50 less the empty route's p50 in the same run (${first.routes.find((r) => r.key === "health")?.p50 ?? "–"} ms, GET /api/v1/health), over the raw SQL.`,
);
if (scales.length > 1) {
  md.push(
    `\n## Scale curve (p50 / p95 ms; in brackets raw SQL ms and (route − empty route) ÷ raw at that scale)\n`,
  );
  // Every route measured at more than one scale (the `curve` routes), health aside.
  const keys = first.routes.filter(
    (r) => r.key !== "health" && scales.slice(1).some((s) => s.routes.some((x) => x.key === r.key)),
  );
  md.push(
    tableOf(
      ["route", ...scales.map((s) => `${s.scale}×`), `growth ${scales[0].scale}×→${scales.at(-1).scale}×`],
      keys.map((k) => {
        const at = scales.map((s) => s.routes.find((r) => r.key === k.key));
        const growth = (at.at(-1).p50 / at[0].p50).toFixed(1);
        return [
          k.route,
          ...at.map((r) => `${r.p50} / ${r.p95} (${r.floorMs}; ${r.netOverRaw}×)`),
          `${growth}× for ${scales.at(-1).scale / scales[0].scale}× data`,
        ];
      }),
    ),
  );
}
console.log(md.join("\n"));
// BENCH_RESULTS: elsewhere than bench/results (a trial run should not replace the figures kept there).
const dir = process.env.BENCH_RESULTS
  ? path.resolve(process.env.BENCH_RESULTS)
  : path.join(root, "bench", "results");
mkdirSync(dir, { recursive: true });
const out = path.join(dir, `bench-${report.date.replace(/[:.]/g, "-")}.json`);
writeFileSync(out, JSON.stringify(report, null, 2) + "\n");
writeFileSync(path.join(dir, "latest.md"), md.join("\n") + "\n");
console.error(
  `\nwritten: ${path.relative(root, out)} and ${path.relative(root, path.join(dir, "latest.md"))}`,
);
// A route that answered with errors was not measured, whatever its latency says.
const failed = scales.flatMap((s) =>
  s.routes
    .filter((r) => r.errors)
    .map((r) => `${s.scale}× ${r.route}: ${r.errors} errors (${(r.errorSamples ?? []).join("; ")})`),
);
if (failed.length) {
  console.error(`\nERRORS — these figures are not valid:\n${failed.join("\n")}`);
  process.exitCode = 1;
}
