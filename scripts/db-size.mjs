// `node scripts/db-size.mjs`: the measurements behind the README's "Scale on paper". Builds a scratch
// SQLite file with every migration and the benchmark's 1× dataset (bench/dataset.mjs), prints each
// table's bytes (its rows and its indexes, from SQLite's `dbstat`) per row; then adds records the way the
// app writes them (22-character random ids, answers and descriptions of realistic length, the audit and
// notification rows each action adds) and prints how much each adds to the file. The bench rows are
// minimal (short sequential ids, 13-byte answers), so the second table is the one to plan with.
// Needs Debian's `sqlite3` (built with dbstat). Deletes the scratch file unless KEEP=1.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { dataset } from "../bench/dataset.mjs";
import { root } from "./local-env.mjs";

const dir = mkdtempSync(path.join(tmpdir(), "sanad-size-"));
const file = path.join(dir, "size.sqlite");

const sqlite = (input, args = []) => {
  const r = spawnSync("sqlite3", ["-bail", ...args, file], { input, encoding: "utf8", maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(r.stderr || `sqlite3 exited with ${r.status}`);
  return r.stdout;
};
const query = (sql) => JSON.parse(sqlite(sql, ["-json"]) || "[]");

const migrations = readdirSync(path.join(root, "migrations"))
  .filter((f) => f.endsWith(".sql"))
  .sort();
sqlite(migrations.map((f) => `${readFileSync(path.join(root, "migrations", f), "utf8")};`).join("\n"));
sqlite(`PRAGMA foreign_keys = ON;\nBEGIN;\n${[...dataset(1)].join("\n")}\nCOMMIT;\n`);

/** Bytes of every b-tree (table or index, FTS shadow tables under their virtual table), by table. */
const bytesByTable = () =>
  Object.fromEntries(
    query(`WITH s AS (SELECT name, sum(pgsize) AS b FROM dbstat GROUP BY name)
      SELECT coalesce((SELECT tbl_name FROM sqlite_schema m WHERE m.name = s.name), s.name) AS t, sum(b) AS bytes
      FROM s GROUP BY t`).map((r) => [r.t, r.bytes]),
  );
const total = () => query("SELECT sum(pgsize) AS b FROM dbstat")[0].b;
const kib = (n) => (n / 1024).toFixed(1);

const fileBytes = total();
const byTable = bytesByTable();
const counted = [
  "orgs",
  "calls",
  "applications",
  "awards",
  "pledges",
  "payments",
  "org_equity",
  "org_equity_by_funder",
  "org_match",
];
console.log(`# 1× benchmark dataset: ${(fileBytes / 2 ** 20).toFixed(1)} MiB in use\n`);
console.log("| table (rows + indexes) | rows | KiB | bytes per row |\n| --- | ---: | ---: | ---: |");
for (const t of counted) {
  const rows = query(`SELECT count(*) AS n FROM ${t}`)[0].n;
  console.log(`| ${t} | ${rows} | ${kib(byTable[t])} | ${Math.round(byTable[t] / rows)} |`);
}

// Realistic records, written on top of the 1× data so they land in b-trees of realistic depth.
let seed = 11;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const token = (n) => randomBytes(n).toString("base64url").slice(0, n);
const id = () => token(22); // newId(): 16 random bytes, base64url
const words = "community water women youth rural training health rights land climate school market".split(
  " ",
);
const text = (chars) => {
  let s = "";
  while (s.length < chars) s += `${words[Math.floor(rand() * words.length)]} `;
  return s.slice(0, chars);
};
const q = (s) => (s === null ? "NULL" : `'${String(s).replaceAll("'", "''")}'`);
const now = "2026-11-30T10:00:00.000Z";
const json = (v) => q(JSON.stringify(v));
const audit = (action, type, subject, data) =>
  `INSERT INTO audit_log (at, actor_user_id, action, subject_type, subject_id, data) VALUES (${q(now)}, ${q(id())}, ${q(action)}, ${q(type)}, ${q(subject)}, ${json(data)});`;
const notice = (org, kind, data) =>
  `INSERT INTO notifications (id, org_id, kind, data, created_at) VALUES (${q(id())}, ${q(org)}, ${q(kind)}, ${json(data)}, ${q(now)});`;

const SAMPLE = {
  orgs: 1_000,
  applications: 10_000,
  awards: 3_000,
  pledges: 1_000,
  payments: 2_000,
  uploads: 2_000,
};
const orgIds = [];
const orgJson = {};
const owners = {};
const appIds = [];
const pledgeIds = [];
const calls = query("SELECT id FROM calls ORDER BY id").map((r) => r.id);
const measured = [];
/** Writes `statements` in one transaction and records the bytes they added, per record. */
const grow = (what, count, statements, note) => {
  const before = total();
  sqlite(`PRAGMA foreign_keys = ON;\nBEGIN;\n${statements.join("\n")}\nCOMMIT;\n`);
  measured.push({ what, count, bytes: (total() - before) / count, note });
};

grow(
  "organisation",
  SAMPLE.orgs,
  Array.from({ length: SAMPLE.orgs }, () => {
    const org = id();
    orgIds.push(org);
    const profile = {
      id: org,
      kind: "cso",
      name: text(40),
      description: text(600),
      country: "KE",
      area: text(30),
      setting: "rural",
      legalStatus: "registered",
      foundedYear: 2012,
      annualBudget: { amount: 2_500_000, currency: "KES" },
      staffCount: 6,
      volunteerCount: 20,
      ledBy: ["women"],
      themes: ["water", "health"],
      languages: ["en", "sw"],
    };
    orgJson[org] = profile;
    const people = Array.from({ length: 3 }, () => id());
    owners[org] = people[0];
    return [
      `INSERT INTO orgs (id, kind, name, description, country, area, setting, legal_status, founded_year, annual_budget_amount, annual_budget_currency, staff_count, volunteer_count, led_by, themes, languages, visibility, created_at, updated_at) VALUES (${q(org)}, 'cso', ${q(profile.name)}, ${q(profile.description)}, 'KE', ${q(profile.area)}, 'rural', 'registered', 2012, 2500000, 'KES', 6, 20, 1, 5, '["en","sw"]', 'public', ${q(now)}, ${q(now)});`,
      `INSERT INTO org_equity (org_id) VALUES (${q(org)}) ON CONFLICT DO NOTHING;`,
      ...people.flatMap((user, i) => [
        `INSERT INTO users (id, email, name, locale, platform_role, password_hash, created_at, updated_at, time_zone, email_verified_at) VALUES (${q(user)}, ${q(`${token(12)}@example.org`)}, ${q(text(22))}, 'en', 'user', ${q(`pbkdf2-sha256$100000$${token(24)}$${token(44)}`)}, ${q(now)}, ${q(now)}, 'Africa/Nairobi', ${q(now)});`,
        `INSERT INTO memberships (org_id, user_id, role, created_at) VALUES (${q(org)}, ${q(user)}, ${q(i ? "member" : "owner")}, ${q(now)});`,
        `INSERT INTO sessions (id_hash, user_id, created_at, last_seen_at, expires_at, user_agent, public_id) VALUES (${q(token(64))}, ${q(user)}, ${q(now)}, ${q(now)}, ${q(now)}, ${q(text(110))}, ${q(id())});`,
      ]),
      audit("org.create", "org", org, { name: profile.name }),
    ].join("\n");
  }),
  "profile with a 600-character description, 3 people (account, membership, one signed-in session each), its rollup row, 1 audit entry",
);

grow(
  "application",
  SAMPLE.applications,
  Array.from({ length: SAMPLE.applications }, (_, i) => {
    const app = id();
    appIds.push(app);
    const org = orgIds[i % orgIds.length];
    const call = calls[Math.floor(i / orgIds.length) * 7 + 3];
    const answers = { q1: text(600), q2: text(600), q3: text(600) };
    return [
      `INSERT INTO applications (id, call_id, org_id, status, answers, requested_amount, requested_currency, version, snapshot, submitted_at, decision, decision_reasons, decided_at, created_by, created_at, updated_at) VALUES (${q(app)}, ${q(call)}, ${q(org)}, 'declined', ${json(answers)}, 1500000, 'USD', 4, ${json(orgJson[org])}, ${q(now)}, 'declined', '["budget"]', ${q(now)}, ${q(owners[org])}, ${q(now)}, ${q(now)});`,
      audit("application.submit", "application", app, { callId: call }),
      audit("application.decide", "application", app, { decision: "declined" }),
      notice(org, "application.submitted", { applicationId: app, callTitle: text(60) }),
      notice(org, "application.decided", { applicationId: app, decision: "declined", callTitle: text(60) }),
    ].join("\n");
  }),
  "three answers of 600 characters, the profile snapshot taken at submission, submit and decision (2 audit entries, 2 notifications)",
);

grow(
  "award",
  SAMPLE.awards,
  appIds.slice(0, SAMPLE.awards).map((app) => {
    const award = id();
    return [
      `INSERT INTO awards (id, application_id, call_id, org_id, funder_org_id, amount, currency, amount_usd, award_date, funding_type, duration_months, created_at) SELECT ${q(award)}, id, call_id, org_id, 'f1', 1500000, 'USD', 1500000, '2026-11-30', 'core', 24, ${q(now)} FROM applications WHERE id = ${q(app)};`,
      audit("award.create", "award", award, { applicationId: app }),
    ].join("\n");
  }),
  "the award row (its rollup update changes no size), 1 audit entry; the application's status change is counted with the application",
);

grow(
  "pledge",
  SAMPLE.pledges,
  Array.from({ length: SAMPLE.pledges }, (_, i) => {
    const pledge = id();
    pledgeIds.push(pledge);
    return `INSERT INTO pledges (id, recipient_org_id, funder_org_id, pledger_user_id, anonymous, amount, currency, amount_usd, interval, installments, provider, status, reference, stripe_checkout_session_id, stripe_subscription_id, stripe_customer_id, checkout_completed_at, created_at, updated_at) VALUES (${q(pledge)}, ${q(orgIds[i % orgIds.length])}, 'f1', 'bench-user', 0, 10000, 'EUR', 10800, 'month', 12, 'stripe', 'active', ${q(`SND-${token(8)}`)}, ${q(`cs_live_${token(58)}`)}, ${q(`sub_${token(24)}`)}, ${q(`cus_${token(14)}`)}, ${q(now)}, ${q(now)}, ${q(now)});`;
  }),
  "a Stripe subscription pledge (checkout session, subscription and customer ids)",
);

grow(
  "payment",
  SAMPLE.payments,
  Array.from({ length: SAMPLE.payments }, (_, i) => {
    const pledge = pledgeIds[i % pledgeIds.length];
    return [
      `INSERT INTO payments (id, pledge_id, recipient_org_id, kind, amount, currency, amount_usd, at, provider, external_id, stripe_payment_intent_id, stripe_charge_id, created_at) SELECT ${q(id())}, id, recipient_org_id, 'payment', 10000, 'EUR', 10800, ${q(now)}, 'stripe', ${q(`in_${token(24)}`)}, ${q(`pi_${token(24)}`)}, ${q(`ch_${token(24)}`)}, ${q(now)} FROM pledges WHERE id = ${q(pledge)};`,
      `INSERT INTO stripe_events (id, type, token, pledge_id, received_at) VALUES (${q(`evt_${token(24)}`)}, 'invoice.paid', ${q(token(22))}, ${q(pledge)}, ${q(now)});`,
    ].join("\n");
  }),
  "a Stripe installment with its stored webhook event id",
);

grow(
  "upload (D1 row)",
  SAMPLE.uploads,
  Array.from(
    { length: SAMPLE.uploads },
    () =>
      `INSERT INTO uploads (id, uploader_id, kind, bytes, r2_key, created_at) VALUES (${q(id())}, 'bench-user', 'jpeg', ${200_000 + Math.floor(rand() * 2_000_000)}, ${q(id())}, ${q(now)});`,
  ),
  "the row only; the file itself is an R2 object of its own size (at most 5 MB)",
);

console.log("\n# Bytes each realistic record adds to the database\n");
console.log("| record | sample | bytes each | what it includes |\n| --- | ---: | ---: | --- |");
for (const m of measured) console.log(`| ${m.what} | ${m.count} | ${Math.round(m.bytes)} | ${m.note} |`);

if (process.env.KEEP) console.error(`kept: ${file}`);
else rmSync(dir, { recursive: true, force: true });
