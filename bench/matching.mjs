// Matching at scale: 10,000 organisations and 2,000 open calls in a fresh local D1, the app started as
// `npm start` starts it, then p50/p95 of both matching routes over loopback.
// Run: npm run bench:matching   (ORGS=… CALLS=… N=… to change the scale or the number of requests)
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const ORGS = Number(process.env.ORGS ?? 10_000);
const CALLS = Number(process.env.CALLS ?? 2_000);
const N = Number(process.env.N ?? 100);
const PORT = Number(process.env.PORT ?? 8790 + Math.floor(Math.random() * 100));
const state = mkdtempSync(path.join(tmpdir(), "sanad-bench-"));
const env = { ...process.env, SANAD_STATE_DIR: state, PORT: String(PORT), WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false", CI: "true" };
const wrangler = path.join(root, "node_modules", ".bin", "wrangler");

// A deterministic pseudo-random sequence, so every run measures the same data.
let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = (a) => a[Math.floor(rand() * a.length)];
const bits = (n, p) => Array.from({ length: n }, (_, i) => (rand() < p ? 1 << i : 0)).reduce((a, b) => a | b, 0);

const [header, ...countries] = readFileSync(path.join(root, "schema/data/countries.csv"), "utf8").trim().split("\n").map((l) => l.split(","));
const south = countries.filter((c) => c[header.indexOf("global_south")] === "1").map((c) => c[0]);
const codes = south.slice(0, 120);
const q = (s) => `'${String(s).replaceAll("'", "''")}'`;
const now = new Date().toISOString();
const deadline = new Date(Date.now() + 60 * 86_400_000).toISOString();

const rows = (n, make) => Array.from({ length: n }, (_, i) => make(i));
const chunks = (list, size) => Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));

const orgRows = rows(ORGS, (i) => {
  const budget = Math.floor(rand() * 500_000) * 100;
  return `(${q(`bench-org-${i}`)}, 'cso', ${q(`Bench organisation ${i}`)}, ${q(pick(codes))}, ${q(pick(["urban", "peri_urban", "rural"]))}, ${q(pick(["registered", "unregistered", "fiscally_sponsored", "movement"]))}, ${budget}, 'USD', ${bits(5, 0.3)}, ${bits(15, 0.2)}, '["en","fr"]', ${q(pick(["public", "public", "funders_only", "hidden"]))}, ${Math.floor(rand() * 3) * 1_000_000}, ${q(now)}, ${q(now)})`;
});
const funderRows = rows(100, (i) => `(${q(`bench-funder-${i}`)}, 'funder', ${q(`Bench funder ${i}`)}, 'NL', 0, 0, '[]', 'public', ${q(now)}, ${q(now)})`);
const callRows = rows(CALLS, (i) => {
  const countryList = rand() < 0.4 ? q(JSON.stringify(Array.from({ length: 1 + Math.floor(rand() * 6) }, () => pick(codes)).filter((c, j, a) => a.indexOf(c) === j))) : "NULL";
  const ceiling = rand() < 0.5 ? `${(10_000 + Math.floor(rand() * 200_000)) * 100}, 'USD'` : "NULL, NULL";
  return `(${q(`bench-call-${i}`)}, ${q(`bench-funder-${i % 100}`)}, ${q(`Bench call ${i}`)}, 'A benchmark call.', '["en","fr"]', ${bits(15, 0.2)}, ${countryList}, ${rand() < 0.5 ? 1 : 0}, ${rand() < 0.3 ? bits(4, 0.5) : 0}, ${ceiling}, ${rand() < 0.2 ? 1 : 0}, ${bits(5, 0.2)}, ${bits(3, 0.3)}, ${bits(15, 0.1)}, 500000, 2500000, 'USD', 'core', 24, ${q(deadline)}, '[{"id":"q1","label":"Why?","maxChars":800}]', 'open', ${q(now)}, ${q(now)})`;
});
const sql = [
  ...chunks(orgRows, 100).map((c) => `INSERT INTO orgs (id, kind, name, country, setting, legal_status, annual_budget_amount, annual_budget_currency, led_by, themes, languages, visibility, funding_received_usd, created_at, updated_at) VALUES\n${c.join(",\n")};`),
  ...chunks(funderRows, 500).map((c) => `INSERT INTO orgs (id, kind, name, country, led_by, themes, languages, visibility, created_at, updated_at) VALUES\n${c.join(",\n")};`),
  ...chunks(callRows, 100).map((c) => `INSERT INTO calls (id, funder_org_id, title, summary, languages, themes, elig_countries, elig_global_south_only, elig_legal_statuses, elig_max_budget_amount, elig_max_budget_currency, elig_required_led_by, prio_led_by, prio_settings, prio_themes, grant_min_amount, grant_max_amount, grant_currency, funding_type, duration_months, deadline, questions, status, created_at, updated_at) VALUES\n${c.join(",\n")};`),
].join("\n");

const step = (label, cmd, args) => {
  const t = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
  if (r.status !== 0) throw new Error(`${label} failed`);
  console.error(`${label}: ${((Date.now() - t) / 1000).toFixed(1)} s`);
};

let server;
try {
  step("migrate", "node", ["scripts/migrate.mjs"]);
  const file = path.join(state, "bench.sql");
  writeFileSync(file, sql);
  step(`insert ${ORGS} organisations and ${CALLS} open calls`, wrangler, ["d1", "execute", "DB", "--local", "--persist-to", state, "--file", file]);

  server = spawn("node", ["scripts/start.mjs"], { cwd: root, env, stdio: ["ignore", "pipe", "inherit"], detached: true });
  const base = `http://127.0.0.1:${PORT}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/api/v1/health`)).ok) break;
    } catch {}
    if (i > 600) throw new Error("the app did not start");
    await new Promise((r) => setTimeout(r, 200));
  }

  // A CSO member and a funder member, signed up and set up through the API like real users.
  const signup = async (email) => {
    const res = await fetch(`${base}/api/v1/auth/signup`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ email, password: "benchmark-password-1", name: "Bench" }) });
    const cookie = res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    return (path, body) => fetch(`${base}${path}`, { method: body ? "POST" : "GET", headers: { Cookie: cookie, ...(body ? { "Content-Type": "application/json" } : {}) }, body: body ? JSON.stringify(body) : undefined });
  };
  const cso = await signup("bench-cso@example.org");
  const csoOrg = await (await cso("/api/v1/orgs", { kind: "cso", name: "Bench CSO", country: "EG", setting: "rural", legalStatus: "unregistered", annualBudget: { amount: 800000, currency: "USD" }, ledBy: ["women"], themes: ["womens_rights"], languages: ["ar", "en"] })).json();
  const funder = await signup("bench-funder@example.org");
  const funderOrg = await (await funder("/api/v1/orgs", { kind: "funder", name: "Bench Funder", country: "NL" })).json();
  const call = await (await funder("/api/v1/calls", {
    funderOrgId: funderOrg.id, title: "Broad Global South call", summary: "Open to most organisations.", languages: ["en", "fr"], themes: ["womens_rights", "youth"],
    eligibility: { globalSouthOnly: true }, priorities: { ledBy: ["women"], settings: ["rural"] }, grant: { min: { amount: 100000, currency: "USD" }, max: { amount: 1000000, currency: "USD" } },
    fundingType: "core", durationMonths: 12, deadline, questions: [{ label: "Why?", maxChars: 800 }],
  })).json();
  await funder(`/api/v1/calls/${call.id}/publish`, {});

  const measure = async (label, get) => {
    for (let i = 0; i < 5; i++) await (await get()).arrayBuffer();
    const times = [];
    let bytes = 0;
    let total = 0;
    for (let i = 0; i < N; i++) {
      const t = performance.now();
      const res = await get();
      const body = await res.json();
      times.push(performance.now() - t);
      if (!res.ok) throw new Error(`${label}: HTTP ${res.status}`);
      bytes = JSON.stringify(body).length;
      total = body.items.length;
    }
    times.sort((a, b) => a - b);
    const p = (x) => times[Math.min(times.length - 1, Math.floor((x / 100) * times.length))].toFixed(1);
    return { route: label, requests: N, p50: p(50), p95: p(95), max: times[times.length - 1].toFixed(1), itemsPerPage: total, bytes };
  };
  const results = [
    await measure(`GET /orgs/:id/matches (1 CSO × ${CALLS} open calls)`, () => cso(`/api/v1/orgs/${csoOrg.id}/matches`)),
    await measure(`GET /calls/:id/matches (1 call × ${ORGS} organisations)`, () => funder(`/api/v1/calls/${call.id}/matches`)),
  ];
  console.log(`\nMatching benchmark — ${ORGS} organisations, ${CALLS} open calls, ${N} sequential requests each (loopback, wrangler dev --local)\n`);
  console.log("| route | p50 ms | p95 ms | max ms | items/page | bytes |\n| --- | ---: | ---: | ---: | ---: | ---: |");
  for (const r of results) console.log(`| ${r.route} | ${r.p50} | ${r.p95} | ${r.max} | ${r.itemsPerPage} | ${r.bytes} |`);
} finally {
  if (server) {
    try {
      process.kill(-server.pid, "SIGTERM");
    } catch {}
  }
  rmSync(state, { recursive: true, force: true });
}
