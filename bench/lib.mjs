// What the benchmarks share: deterministic pseudo-random data, SQL literal helpers, the Global South
// country list, and signed-in clients over loopback.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** A deterministic pseudo-random sequence, so every run measures the same data. */
export const seeded = (start = 42) => {
  let seed = start;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pick = (a) => a[Math.floor(rand() * a.length)];
  const bits = (n, p) =>
    Array.from({ length: n }, (_, i) => (rand() < p ? 1 << i : 0)).reduce((a, b) => a | b, 0);
  return { rand, pick, bits };
};

export const q = (s) => `'${String(s).replaceAll("'", "''")}'`;
export const rows = (n, make) => Array.from({ length: n }, (_, i) => make(i));
export const chunks = (list, size) =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));
/** Multi-row INSERTs of at most `size` rows (D1 refuses statements over its size limit). */
export const inserts = (head, list, size = 100) =>
  chunks(list, size).map((c) => `${head} VALUES\n${c.join(",\n")};`);

export const globalSouthCodes = (limit = 120) => {
  const [header, ...countries] = readFileSync(path.join(root, "schema/data/countries.csv"), "utf8")
    .trim()
    .split("\n")
    .map((l) => l.split(","));
  return countries
    .filter((c) => c[header.indexOf("global_south")] === "1")
    .map((c) => c[0])
    .slice(0, limit);
};

let visitors = 0;
/**
 * fetch() as one of many visitors: Sanad limits sign-ups, log-ins, reports and exports per client address
 * (Workers Rate Limiting, keyed by CF-Connecting-IP, which wrangler passes through locally and Cloudflare
 * sets in production). A benchmark measures what each request costs, for a crowd of people, not how one
 * person is throttled, so every request comes from its own documentation-range address.
 */
export const visit = (url, init = {}) => {
  const n = ++visitors;
  const headers = new Headers(init.headers);
  headers.set("CF-Connecting-IP", `2001:db8::${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`);
  return fetch(url, { ...init, headers });
};

const postJson = (base, path, body) =>
  visit(`${base}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
const signedIn = (base, res, what) => {
  if (!res.ok) throw new Error(`${what}: HTTP ${res.status}`);
  return sessionFetch(
    base,
    res.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; "),
  );
};

/** A signed-up (or signed-in) user: fetch(path, body?) with its session cookie (GET without a body, POST with one). */
export const signup = async (base, email, password = "benchmark-password-1") => {
  const res = await postJson(base, "/api/v1/auth/signup", { email, password, name: "Bench" });
  if (res.status !== 202) throw new Error(`signup ${email}: HTTP ${res.status}`);
  // The verification link from the mail (the development mail viewer): verifying signs in.
  const mail = (await (await visit(`${base}/api/v1/dev/mail?to=${encodeURIComponent(email)}`)).json())
    .items[0];
  const token = /\/verify\?token=([\w-]+)/.exec(mail.text)[1];
  return signedIn(base, await postJson(base, "/api/v1/auth/verify", { token }), `verify ${email}`);
};

export const login = async (base, email, password) =>
  signedIn(base, await postJson(base, "/api/v1/auth/login", { email, password }), `login ${email}`);

const sessionFetch = (base, cookie) =>
  Object.assign(
    (p, body) =>
      visit(`${base}${p}`, {
        method: body ? "POST" : "GET",
        headers: { Cookie: cookie, ...(body ? { "Content-Type": "application/json" } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      }),
    { cookie },
  );
