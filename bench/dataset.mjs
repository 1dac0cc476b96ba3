// The benchmark's dataset, deterministic (same seed, same rows) and proportional to `scale`: at 1×,
// 10,000 CSOs in 120 countries (110 Global South, 10 North), 100 funders, 2,000 calls (1,000 open with
// varied eligibility, 1,000 closed), 100,000 applications (30,000 awarded and 40,000 declined on closed
// calls, 30,000 submitted on open ones), 30,000 awards and 5,000 pledges with two payments each; then
// the chapters, library and review tally of bench/dataset-features.mjs.
// Yields SQL statements; bench/run.mjs streams them into the local D1 file in one transaction.
import { seeded, q, rows, inserts, globalSouthCodes } from "./lib.mjs";
import { featureRows, featureSizes } from "./dataset-features.mjs";

/** The organisations' countries: 110 of the Global South, then 10 of the North. */
export const countryCodes = () => [
  ...globalSouthCodes(110),
  ...["NL", "DE", "US", "GB", "FR", "NO", "SE", "CA", "JP", "AU"],
];
/** The chapter whose page the benchmark reads as its coordinator: the first country's. */
export const benchChapter = () => countryCodes()[0];

export const sizes = (scale) => ({
  orgs: 10_000 * scale,
  funders: 100 * scale,
  calls: 2_000 * scale,
  openCalls: 1_000 * scale,
  applications: 100_000 * scale,
  awards: 30_000 * scale,
  declined: 40_000 * scale,
  pledges: 5_000 * scale,
  ...featureSizes(scale, countryCodes().length),
});

export function* dataset(scale) {
  const n = sizes(scale);
  const { rand, pick, bits } = seeded(7);
  const codes = countryCodes();
  const now = "2026-11-01T00:00:00.000Z";
  const deadline = new Date(Date.now() + 60 * 86_400_000).toISOString();
  const day = () =>
    `202${4 + Math.floor(rand() * 3)}-${String(1 + Math.floor(rand() * 12)).padStart(2, "0")}-${String(1 + Math.floor(rand() * 28)).padStart(2, "0")}`;

  yield `INSERT INTO users (id, email, name, locale, platform_role, password_hash, created_at, updated_at) VALUES ('bench-user', 'bench-user@example.org', 'Bench', 'en', 'user', '!', ${q(now)}, ${q(now)});`;
  yield* inserts(
    "INSERT INTO orgs (id, kind, name, country, setting, legal_status, annual_budget_amount, annual_budget_currency, led_by, themes, languages, visibility, funding_received_usd, created_at, updated_at)",
    rows(
      n.orgs,
      (i) =>
        `(${q(`o${i}`)}, 'cso', ${q(`Organisation ${i}`)}, ${q(pick(codes))}, ${q(pick(["urban", "peri_urban", "rural"]))}, ${q(pick(["registered", "unregistered", "fiscally_sponsored", "movement"]))}, ${Math.floor(rand() * 400_000) * 100}, 'USD', ${bits(5, 0.3)}, ${bits(15, 0.2)}, '["en","fr"]', ${q(pick(["public", "public", "public", "funders_only", "hidden"]))}, ${Math.floor(rand() * 3) * 1_000_000}, ${q(now)}, ${q(now)})`,
    ),
    500,
  );
  yield* inserts(
    "INSERT INTO orgs (id, kind, name, country, led_by, themes, languages, visibility, created_at, updated_at)",
    rows(
      n.funders,
      (i) =>
        `(${q(`f${i}`)}, 'funder', ${q(`Funder ${i}`)}, 'NL', 0, 0, '[]', ${q(i % 10 ? "public" : "hidden")}, ${q(now)}, ${q(now)})`,
    ),
    500,
  );
  const questions = q(JSON.stringify([{ id: "q1", label: "Why?", maxChars: 800 }]));
  yield* inserts(
    "INSERT INTO calls (id, funder_org_id, title, summary, languages, themes, elig_countries, elig_global_south_only, elig_legal_statuses, elig_max_budget_amount, elig_max_budget_currency, elig_required_led_by, prio_led_by, prio_settings, prio_themes, grant_min_amount, grant_max_amount, grant_currency, funding_type, duration_months, deadline, questions, status, published_at, created_at, updated_at)",
    rows(n.calls, (i) => {
      const open = i < n.openCalls;
      const countries =
        open && rand() < 0.4
          ? q(
              JSON.stringify([
                ...new Set(Array.from({ length: 1 + Math.floor(rand() * 6) }, () => pick(codes))),
              ]),
            )
          : "NULL";
      const ceiling =
        open && rand() < 0.5 ? `${(10_000 + Math.floor(rand() * 200_000)) * 100}, 'USD'` : "NULL, NULL";
      const elig = open
        ? `${rand() < 0.5 ? 1 : 0}, ${rand() < 0.3 ? bits(4, 0.5) : 0}, ${ceiling}, ${rand() < 0.2 ? 1 : 0}`
        : `0, 0, NULL, NULL, 0`;
      return `(${q(`c${i}`)}, ${q(`f${i % n.funders}`)}, ${q(`Call ${i}`)}, 'A benchmark call.', '["en","fr"]', ${bits(15, 0.2)}, ${countries}, ${elig}, ${bits(5, 0.2)}, ${bits(3, 0.3)}, ${bits(15, 0.1)}, 500000, 5000000, 'USD', ${q(rand() < 0.4 ? "core" : "project")}, 24, ${q(open ? deadline : now)}, ${questions}, ${q(open ? "open" : "closed")}, ${q(now)}, ${q(now)}, ${q(now)})`;
    }),
    500,
  );
  // Decided applications on closed calls, submitted ones on open calls; (call, org) pairs never repeat.
  const closedCalls = n.calls - n.openCalls;
  const decided = n.awards + n.declined;
  const apps = [];
  const awards = [];
  for (let i = 0; i < n.applications; i++) {
    const onClosed = i < decided;
    const slot = onClosed ? i : i - decided;
    const span = onClosed ? closedCalls : n.openCalls;
    const call = (onClosed ? n.openCalls : 0) + (slot % span);
    const org = (Math.floor(slot / span) + call * 37) % n.orgs;
    const status = i < n.awards ? "awarded" : onClosed ? "declined" : "submitted";
    const date = day();
    apps.push(
      `(${q(`a${i}`)}, ${q(`c${call}`)}, ${q(`o${org}`)}, ${q(status)}, '{"q1":"An answer."}', 1, ${q(`${date}T10:00:00.000Z`)}, 'bench-user', ${q(now)}, ${q(now)})`,
    );
    if (status === "awarded") {
      const amount = (5_000 + Math.floor(rand() * 45_000)) * 100;
      awards.push(
        `(${q(`w${i}`)}, ${q(`a${i}`)}, ${q(`c${call}`)}, ${q(`o${org}`)}, ${q(`f${call % n.funders}`)}, ${amount}, 'USD', ${amount}, ${q(date)}, ${q(rand() < 0.4 ? "core" : "project")}, 24, ${q(now)})`,
      );
    }
    if (apps.length === 500) yield* flush();
  }
  yield* flush();
  function* flush() {
    yield* inserts(
      "INSERT INTO applications (id, call_id, org_id, status, answers, version, submitted_at, created_by, created_at, updated_at)",
      apps.splice(0),
      500,
    );
    yield* inserts(
      "INSERT INTO awards (id, application_id, call_id, org_id, funder_org_id, amount, currency, amount_usd, award_date, funding_type, duration_months, created_at)",
      awards.splice(0),
      500,
    );
  }
  yield* inserts(
    "INSERT INTO pledges (id, recipient_org_id, funder_org_id, pledger_user_id, anonymous, amount, currency, amount_usd, interval, installments, provider, status, reference, created_at, updated_at)",
    rows(
      n.pledges,
      (i) =>
        `(${q(`p${i}`)}, ${q(`o${(i * 13) % n.orgs}`)}, ${q(`f${i % n.funders}`)}, 'bench-user', ${i % 7 === 0 ? 1 : 0}, 100000, 'USD', 100000, 'month', 12, 'manual', 'active', ${q(`SND-B${i}`)}, ${q(now)}, ${q(now)})`,
    ),
    500,
  );
  yield* inserts(
    "INSERT INTO payments (id, pledge_id, recipient_org_id, kind, amount, currency, amount_usd, at, provider, external_id, created_at)",
    rows(
      n.pledges * 2,
      (i) =>
        `(${q(`y${i}`)}, ${q(`p${i % n.pledges}`)}, ${q(`o${((i % n.pledges) * 13) % n.orgs}`)}, 'payment', 100000, 'USD', 100000, ${q(`${day()}T12:00:00.000Z`)}, 'manual', ${q(`B${i}`)}, ${q(now)})`,
    ),
    500,
  );
  // Appended last and from their own random stream: the rows above stay the same rows.
  yield* featureRows(scale, { orgs: n.orgs, funders: n.funders, codes, now });
}
