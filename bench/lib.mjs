// What every benchmark shares: a fresh local D1 in a temporary state directory, deterministic data,
// bulk SQL through `wrangler d1 execute`, the app started as `npm start` starts it, signed-in clients,
// and p50/p95 over sequential requests on loopback.
import { readFileSync } from "node:fs";
import { freshApp } from "../scripts/fresh-app.mjs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** A deterministic pseudo-random sequence, so every run measures the same data. */
export const seeded = (start = 42) => {
  let seed = start;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const pick = (a) => a[Math.floor(rand() * a.length)];
  const bits = (n, p) => Array.from({ length: n }, (_, i) => (rand() < p ? 1 << i : 0)).reduce((a, b) => a | b, 0);
  return { rand, pick, bits };
};

export const q = (s) => `'${String(s).replaceAll("'", "''")}'`;
export const rows = (n, make) => Array.from({ length: n }, (_, i) => make(i));
export const chunks = (list, size) => Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));
/** Multi-row INSERTs of at most `size` rows (D1 refuses statements over its size limit). */
export const inserts = (head, list, size = 100) => chunks(list, size).map((c) => `${head} VALUES\n${c.join(",\n")};`);

export const globalSouthCodes = (limit = 120) => {
  const [header, ...countries] = readFileSync(path.join(root, "schema/data/countries.csv"), "utf8").trim().split("\n").map((l) => l.split(","));
  return countries.filter((c) => c[header.indexOf("global_south")] === "1").map((c) => c[0]).slice(0, limit);
};

/** A fresh app for a benchmark (scripts/fresh-app.mjs). */
export const benchEnv = () => freshApp("sanad-bench-");

/** A signed-up user: returns fetch(path, body?) with its session cookie (GET without a body, POST with one). */
export const signup = async (base, email, password = "benchmark-password-1") => {
  const res = await fetch(`${base}/api/v1/auth/signup`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ email, password, name: "Bench" }) });
  return sessionFetch(base, res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; "));
};

export const login = async (base, email, password) => {
  const res = await fetch(`${base}/api/v1/auth/login`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ email, password }) });
  if (!res.ok) throw new Error(`login ${email}: HTTP ${res.status}`);
  return sessionFetch(base, res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; "));
};

const sessionFetch = (base, cookie) =>
  Object.assign((p, body) => fetch(`${base}${p}`, { method: body ? "POST" : "GET", headers: { Cookie: cookie, ...(body ? { "Content-Type": "application/json" } : {}) }, body: body ? JSON.stringify(body) : undefined }), { cookie });

/** p50/p95/max over `n` sequential requests after 5 warm-up requests; `describe` summarises a response body. */
export const measure = async (label, get, n, describe = () => ({})) => {
  for (let i = 0; i < 5; i++) await (await get()).arrayBuffer();
  const times = [];
  let last = {};
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const res = await get();
    const text = await res.text();
    times.push(performance.now() - t);
    if (!res.ok) throw new Error(`${label}: HTTP ${res.status} ${text.slice(0, 200)}`);
    last = { bytes: text.length, ...describe(text) };
  }
  times.sort((a, b) => a - b);
  const p = (x) => times[Math.min(times.length - 1, Math.floor((x / 100) * times.length))].toFixed(1);
  return { route: label, requests: n, p50: p(50), p95: p(95), max: times[times.length - 1].toFixed(1), ...last };
};

export const table = (title, results, columns) => {
  console.log(`\n${title}\n`);
  console.log(`| route | ${columns.join(" | ")} |\n| --- | ${columns.map(() => "---:").join(" | ")} |`);
  for (const r of results) console.log(`| ${r.route} | ${columns.map((c) => r[c] ?? "").join(" | ")} |`);
};
