// The equity report at scale: 10,000 organisations, 2,000 calls, 100,000 applications, 30,000 awards and
// 5,000 pledges with 10,000 payments in a fresh local D1; p50/p95 of the report (ungrouped and grouped),
// its CSV and the 360Giving export over loopback, as a public caller (k = 5).
// Run: npm run bench:reports   (SCALE=3 multiplies the data; N=… the number of requests)
import { seeded, q, rows, inserts, globalSouthCodes, benchEnv, measure, table } from "./lib.mjs";

const SCALE = Number(process.env.SCALE ?? 1);
const ORGS = 10_000 * SCALE;
const CALLS = 2_000 * SCALE;
const APPS = 100_000 * SCALE;
const AWARDS = 30_000 * SCALE;
const PLEDGES = 5_000 * SCALE;
const N = Number(process.env.N ?? 50);
const { rand, pick, bits } = seeded(7);
const codes = [...globalSouthCodes(110), "NL", "DE", "US", "GB", "FR", "NO", "SE", "CA", "JP", "AU"];
const now = new Date().toISOString();
const day = () => `202${4 + Math.floor(rand() * 3)}-${String(1 + Math.floor(rand() * 12)).padStart(2, "0")}-${String(1 + Math.floor(rand() * 28)).padStart(2, "0")}`;

const orgRows = rows(ORGS, (i) => `(${q(`o${i}`)}, 'cso', ${q(`Organisation ${i}`)}, ${q(pick(codes))}, ${q(pick(["urban", "peri_urban", "rural"]))}, ${q(pick(["registered", "unregistered", "fiscally_sponsored", "movement"]))}, ${Math.floor(rand() * 400_000) * 100}, 'USD', ${bits(5, 0.3)}, ${bits(15, 0.2)}, '[]', ${q(pick(["public", "public", "public", "funders_only", "hidden"]))}, ${q(now)}, ${q(now)})`);
const funderRows = rows(100, (i) => `(${q(`f${i}`)}, 'funder', ${q(`Funder ${i}`)}, 'NL', 0, 0, '[]', ${q(i % 10 ? "public" : "hidden")}, ${q(now)}, ${q(now)})`);
const callRows = rows(CALLS, (i) => `(${q(`c${i}`)}, ${q(`f${i % 100}`)}, ${q(`Call ${i}`)}, 'A call.', '[]', 1, 500000, 5000000, 'USD', ${q(rand() < 0.4 ? "core" : "project")}, 24, ${q(now)}, '[]', 'closed', ${q(now)}, ${q(now)})`);
const appRows = [];
const awardRows = [];
for (let i = 0; i < APPS; i++) {
  const call = i % CALLS;
  const org = (Math.floor(i / CALLS) + call * 37) % ORGS;
  const awarded = i < AWARDS;
  const status = awarded ? "awarded" : i < AWARDS + APPS * 0.4 ? "declined" : "submitted";
  const date = day();
  appRows.push(`(${q(`a${i}`)}, ${q(`c${call}`)}, ${q(`o${org}`)}, ${q(status)}, '{}', 1, ${q(`${date}T10:00:00.000Z`)}, 'bench-user', ${q(now)}, ${q(now)})`);
  if (awarded) {
    const amount = (5_000 + Math.floor(rand() * 45_000)) * 100;
    awardRows.push(`(${q(`w${i}`)}, ${q(`a${i}`)}, ${q(`c${call}`)}, ${q(`o${org}`)}, ${q(`f${call % 100}`)}, ${amount}, 'USD', ${amount}, ${q(date)}, ${q(rand() < 0.4 ? "core" : "project")}, 24, ${q(now)})`);
  }
}
const pledgeRows = rows(PLEDGES, (i) => `(${q(`p${i}`)}, ${q(`o${(i * 13) % ORGS}`)}, ${q(`f${i % 100}`)}, 'bench-user', 0, 100000, 'USD', 100000, 'month', 12, 'manual', 'active', ${q(`SND-B${i}`)}, ${q(now)}, ${q(now)})`);
const paymentRows = rows(PLEDGES * 2, (i) => `(${q(`y${i}`)}, ${q(`p${i % PLEDGES}`)}, ${q(`o${((i % PLEDGES) * 13) % ORGS}`)}, 'payment', 100000, 'USD', 100000, ${q(`${day()}T12:00:00.000Z`)}, 'manual', ${q(`B${i}`)}, ${q(now)})`);

const bench = benchEnv();
try {
  bench.load(`insert ${ORGS} organisations, ${CALLS} calls, ${APPS} applications, ${AWARDS} awards, ${PLEDGES} pledges`, [
    `INSERT INTO users (id, email, name, locale, platform_role, password_hash, created_at, updated_at) VALUES ('bench-user', 'bench-user@example.org', 'Bench', 'en', 'user', 'x', ${q(now)}, ${q(now)});`,
    ...inserts("INSERT INTO orgs (id, kind, name, country, setting, legal_status, annual_budget_amount, annual_budget_currency, led_by, themes, languages, visibility, created_at, updated_at)", orgRows),
    ...inserts("INSERT INTO orgs (id, kind, name, country, led_by, themes, languages, visibility, created_at, updated_at)", funderRows),
    ...inserts("INSERT INTO calls (id, funder_org_id, title, summary, languages, themes, grant_min_amount, grant_max_amount, grant_currency, funding_type, duration_months, deadline, questions, status, created_at, updated_at)", callRows),
    ...inserts("INSERT INTO applications (id, call_id, org_id, status, answers, version, submitted_at, created_by, created_at, updated_at)", appRows, 500),
    ...inserts("INSERT INTO awards (id, application_id, call_id, org_id, funder_org_id, amount, currency, amount_usd, award_date, funding_type, duration_months, created_at)", awardRows, 500),
    ...inserts("INSERT INTO pledges (id, recipient_org_id, funder_org_id, pledger_user_id, anonymous, amount, currency, amount_usd, interval, installments, provider, status, reference, created_at, updated_at)", pledgeRows, 500),
    ...inserts("INSERT INTO payments (id, pledge_id, recipient_org_id, kind, amount, currency, amount_usd, at, provider, external_id, created_at)", paymentRows, 500),
  ]);
  const base = await bench.start();
  const get = (p) => () => fetch(`${base}${p}`);
  const groups = (text) => ({ groups: JSON.parse(text).groups.length });
  const results = [
    await measure("GET /reports/equity (all years, ungrouped)", get("/api/v1/reports/equity"), N, groups),
    await measure("GET /reports/equity?groupBy=country", get("/api/v1/reports/equity?groupBy=country"), N, groups),
    await measure("GET /reports/equity?groupBy=theme (overlapping groups)", get("/api/v1/reports/equity?groupBy=theme"), N, groups),
    await measure("GET /reports/equity?groupBy=funder&from=2025-01-01&to=2025-12-31", get("/api/v1/reports/equity?groupBy=funder&from=2025-01-01&to=2025-12-31"), N, groups),
    await measure("GET /reports/equity.csv?groupBy=country", get("/api/v1/reports/equity.csv?groupBy=country"), N),
    await measure("GET /exports/360giving.json (1,000 grants a page)", get("/api/v1/exports/360giving.json?limit=1000"), N, (text) => ({ groups: JSON.parse(text).grants.length })),
  ];
  table(`Equity report benchmark — ${ORGS} organisations, ${APPS} applications, ${AWARDS} awards, ${PLEDGES * 2} pledge payments; ${N} sequential requests each (loopback, wrangler dev --local)`, results, ["p50", "p95", "max", "groups", "bytes"]);
} finally {
  bench.cleanup();
}
