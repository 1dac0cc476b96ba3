// Matching at scale: 10,000 organisations and 2,000 open calls in a fresh local D1, the app started as
// `npm start` starts it, then p50/p95 of both matching routes over loopback.
// Run: npm run bench:matching   (ORGS=… CALLS=… N=… to change the scale or the number of requests)
import { seeded, q, rows, inserts, globalSouthCodes, benchEnv, signup, measure, table } from "./lib.mjs";

const ORGS = Number(process.env.ORGS ?? 10_000);
const CALLS = Number(process.env.CALLS ?? 2_000);
const N = Number(process.env.N ?? 100);
const { rand, pick, bits } = seeded();
const codes = globalSouthCodes();
const now = new Date().toISOString();
const deadline = new Date(Date.now() + 60 * 86_400_000).toISOString();

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

const bench = benchEnv();
try {
  bench.load(`insert ${ORGS} organisations and ${CALLS} open calls`, [
    ...inserts("INSERT INTO orgs (id, kind, name, country, setting, legal_status, annual_budget_amount, annual_budget_currency, led_by, themes, languages, visibility, funding_received_usd, created_at, updated_at)", orgRows),
    ...inserts("INSERT INTO orgs (id, kind, name, country, led_by, themes, languages, visibility, created_at, updated_at)", funderRows, 500),
    ...inserts("INSERT INTO calls (id, funder_org_id, title, summary, languages, themes, elig_countries, elig_global_south_only, elig_legal_statuses, elig_max_budget_amount, elig_max_budget_currency, elig_required_led_by, prio_led_by, prio_settings, prio_themes, grant_min_amount, grant_max_amount, grant_currency, funding_type, duration_months, deadline, questions, status, created_at, updated_at)", callRows),
  ]);
  const base = await bench.start();

  // A CSO member and a funder member, signed up and set up through the API like real users.
  const cso = await signup(base, "bench-cso@example.org");
  const csoOrg = await (await cso("/api/v1/orgs", { kind: "cso", name: "Bench CSO", country: "EG", setting: "rural", legalStatus: "unregistered", annualBudget: { amount: 800000, currency: "USD" }, ledBy: ["women"], themes: ["womens_rights"], languages: ["ar", "en"] })).json();
  const funder = await signup(base, "bench-funder@example.org");
  const funderOrg = await (await funder("/api/v1/orgs", { kind: "funder", name: "Bench Funder", country: "NL" })).json();
  const call = await (await funder("/api/v1/calls", {
    funderOrgId: funderOrg.id, title: "Broad Global South call", summary: "Open to most organisations.", languages: ["en", "fr"], themes: ["womens_rights", "youth"],
    eligibility: { globalSouthOnly: true }, priorities: { ledBy: ["women"], settings: ["rural"] }, grant: { min: { amount: 100000, currency: "USD" }, max: { amount: 1000000, currency: "USD" } },
    fundingType: "core", durationMonths: 12, deadline, questions: [{ label: "Why?", maxChars: 800 }],
  })).json();
  await funder(`/api/v1/calls/${call.id}/publish`, {});

  const items = (text) => ({ itemsPerPage: JSON.parse(text).items.length });
  const results = [
    await measure(`GET /orgs/:id/matches (1 CSO × ${CALLS} open calls)`, () => cso(`/api/v1/orgs/${csoOrg.id}/matches`), N, items),
    await measure(`GET /calls/:id/matches (1 call × ${ORGS} organisations)`, () => funder(`/api/v1/calls/${call.id}/matches`), N, items),
  ];
  table(`Matching benchmark — ${ORGS} organisations, ${CALLS} open calls, ${N} sequential requests each (loopback, wrangler dev --local)`, results, ["p50", "p95", "max", "itemsPerPage", "bytes"]);
} finally {
  bench.cleanup();
}
