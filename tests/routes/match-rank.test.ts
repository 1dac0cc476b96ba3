// Ranking in SQL (worker/db/match-rank.ts) must give exactly what the in-memory path gives (fastMatch,
// which tests/domain/matching.test.ts holds equal to the explained reasons): the same organisations and
// calls, in the same order, with the same score bits, over 2,000 random call × organisation pairs in a
// real D1, plus every other organisation and call the database holds.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, test } from "vitest";
import { createDb } from "../../worker/db/client";
import { rankCallsForOrg, rankOrgsForCall } from "../../worker/db/match-rank";
import { openCallsForMatching } from "../../worker/db/calls";
import { profilesByIds } from "../../worker/db/matching";
import { loadFxTable } from "../../worker/db/fx";
import { compareMatches, fastMatch, prepareCall, prepareOrg } from "../../worker/domain/matching";
import { toMask } from "../../worker/domain/bitmask";
import { LED_BY, LEGAL_STATUSES, SETTINGS, THEMES } from "../../schema/enums";

const CALLS = 40;
const ORGS = 50;
const now = new Date();
const day = now.toISOString().slice(0, 10);
const db = createDb(env.DB);

let seed = 11;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const some = <T>(all: readonly T[], p: number) => all.filter(() => rand() < p);
const pick = <T>(all: readonly T[]) => all[Math.floor(rand() * all.length)];
const q = (v: unknown) =>
  v === null ? "NULL" : typeof v === "number" ? String(v) : `'${String(v).replaceAll("'", "''")}'`;
const tag = `mr${Date.now().toString(36)}`;
const stamp = now.toISOString();

/** Random organisations written straight to orgs (the triggers fill org_match), some never to be listed. */
const insertOrgs = async () => {
  const rows = Array.from({ length: ORGS }, (_, i) => {
    const budget =
      rand() < 0.1
        ? null
        : { amount: Math.floor(rand() * 1e8), currency: pick(["USD", "XOF", "KPW", "EGP"]) };
    const kind = rand() < 0.06 ? "funder" : "cso";
    const visibility = rand() < 0.1 ? "hidden" : rand() < 0.2 ? "funders_only" : "public";
    return [
      `${tag}-o${String(i).padStart(3, "0")}`,
      kind,
      `Random ${i}`,
      pick(["EG", "SN", "TN", "FR", "BR"]),
      rand() < 0.1 ? null : pick(SETTINGS),
      rand() < 0.1 ? null : pick(LEGAL_STATUSES),
      budget?.amount ?? null,
      budget?.currency ?? null,
      toMask(some(LED_BY, 0.3), LED_BY),
      toMask(some(THEMES, 0.2), THEMES),
      JSON.stringify(some(["ar", "fr-SN", "en", "EN-gb"], 0.4)),
      visibility,
      Math.floor(rand() * 1e7),
      Math.floor(rand() * 5),
      rand() < 0.05 ? stamp : null,
      stamp,
      stamp,
    ];
  });
  await env.DB.prepare(
    `INSERT INTO orgs (id, kind, name, country, setting, legal_status, annual_budget_amount, annual_budget_currency, led_by, themes, languages, visibility, funding_received_usd, trust_level, deleted_at, created_at, updated_at) VALUES ${rows.map((r) => `(${r.map(q).join(", ")})`).join(", ")}`,
  ).run();
};

/** Random open calls (and one closed, one past its deadline) of one funder, written straight to calls. */
const insertCalls = async () => {
  const funder = `${tag}-funder`;
  await env.DB.prepare(
    `INSERT INTO orgs (id, kind, name, country, languages, visibility, created_at, updated_at) VALUES (?, 'funder', 'Random funder', 'FR', '[]', 'public', ?, ?)`,
  )
    .bind(funder, stamp, stamp)
    .run();
  const future = new Date(now.getTime() + 30 * 86_400_000).toISOString();
  const rows = Array.from({ length: CALLS + 2 }, (_, i) => {
    const ceiling =
      rand() < 0.5 ? { amount: Math.floor(rand() * 1e7), currency: pick(["USD", "XOF", "KPW"]) } : null;
    const countries = rand() < 0.4 ? some(["EG", "SN", "TN", "FR"], 0.5) : [];
    return [
      `${tag}-c${String(i).padStart(3, "0")}`,
      funder,
      `Random call ${i}`,
      "",
      JSON.stringify(some(["ar", "fr", "en-GB"], 0.4)),
      toMask(some(THEMES, 0.2), THEMES),
      countries.length ? JSON.stringify(countries) : null,
      rand() < 0.5 ? 1 : 0,
      toMask(some(LEGAL_STATUSES, 0.3), LEGAL_STATUSES),
      ceiling?.amount ?? null,
      ceiling?.currency ?? null,
      toMask(some(LED_BY, 0.15), LED_BY),
      rand() < 0.5 ? 0 : Math.floor(rand() * 5),
      toMask(some(LED_BY, 0.2), LED_BY),
      toMask(some(SETTINGS, 0.3), SETTINGS),
      toMask(some(THEMES, 0.1), THEMES),
      i === CALLS ? "closed" : "open",
      i === CALLS + 1 ? stamp.replace(/^\d{4}/, "2001") : future,
    ];
  });
  await env.DB.prepare(
    `INSERT INTO calls (id, funder_org_id, title, summary, languages, themes, elig_countries, elig_global_south_only, elig_legal_statuses, elig_max_budget_amount, elig_max_budget_currency, elig_required_led_by, elig_min_trust_level, prio_led_by, prio_settings, prio_themes, status, deadline, grant_min_amount, grant_max_amount, grant_currency, funding_type, duration_months, questions, created_at, updated_at) VALUES ${rows.map((r) => `(${r.map(q).join(", ")}, 100, 200, 'USD', 'core', 12, '[]', ${q(stamp)}, ${q(stamp)})`).join(", ")}`,
  ).run();
};

const allCandidateIds = async () =>
  (await env.DB.prepare("SELECT org_id FROM org_match").raw<[string]>()).map(([id]) => id);

beforeAll(async () => {
  await insertOrgs();
  await insertCalls();
});

describe("ranking in SQL agrees with the in-memory ranking", () => {
  test(`organisations for each of ${CALLS} random calls: the same eligible ones, order and scores (${CALLS * ORGS} pairs and more)`, async () => {
    const [fx, calls, ids] = await Promise.all([
      loadFxTable(db),
      openCallsForMatching(db, now),
      allCandidateIds(),
    ]);
    const profiles = [...(await profilesByIds(db, ids)).values()];
    const ours = calls.filter((c) => c.summary.id.startsWith(tag));
    expect(ours.length).toBe(CALLS);
    let listed = 0;
    for (const { criteria } of ours) {
      const prepared = prepareCall(criteria, fx, day);
      const expected = profiles
        .map((p) => ({ id: p.id, ...fastMatch(prepared, prepareOrg(p, fx, day)) }))
        .filter((m) => m.eligible)
        .sort(compareMatches);
      const got = await rankOrgsForCall(db, criteria, prepared, day, { limit: 10_000, offset: 0 });
      expect(got.total).toBe(expected.length);
      expect(got.items.map((m) => [m.id, m.rawScore])).toEqual(expected.map((m) => [m.id, m.rawScore]));
      listed += got.total;
    }
    // The random criteria let some organisations through and keep others out.
    expect(listed).toBeGreaterThan(CALLS);
    expect(listed).toBeLessThan(CALLS * profiles.length);
  });

  test(`calls for each of ${ORGS} random organisations: eligibility, order and scores over every open call`, async () => {
    const [fx, calls] = await Promise.all([loadFxTable(db), openCallsForMatching(db, now)]);
    const ours = [
      ...(
        await profilesByIds(
          db,
          (await allCandidateIds()).filter((id) => id.startsWith(tag)),
        )
      ).values(),
    ];
    expect(ours.length).toBeGreaterThan(ORGS * 0.6);
    let eligible = 0;
    for (const profile of ours) {
      const org = prepareOrg(profile, fx, day);
      const expected = calls
        .map((c) => ({ id: c.summary.id, ...fastMatch(prepareCall(c.criteria, fx, day), org) }))
        .sort(compareMatches);
      const got = await rankCallsForOrg(db, org, now, day, { limit: 10_000, offset: 0 });
      expect(got.total).toBe(expected.length);
      expect(got.eligibleCount).toBe(expected.filter((m) => m.eligible).length);
      expect(got.items.map((m) => [m.id, m.eligible, m.rawScore])).toEqual(
        expected.map((m) => [m.id, m.eligible, m.rawScore]),
      );
      eligible += got.eligibleCount;
    }
    expect(eligible).toBeGreaterThan(0);
  });

  test("pages: limit and offset cut the same order, and the totals count every candidate", async () => {
    const [fx, calls] = await Promise.all([loadFxTable(db), openCallsForMatching(db, now)]);
    const open = calls.find((c) => c.summary.id.startsWith(tag) && !c.criteria.eligibility.countries)!;
    const prepared = prepareCall(open.criteria, fx, day);
    const all = await rankOrgsForCall(db, open.criteria, prepared, day, { limit: 10_000, offset: 0 });
    const page = await rankOrgsForCall(db, open.criteria, prepared, day, { limit: 3, offset: 2 });
    expect(page.total).toBe(all.total);
    expect(page.items).toEqual(all.items.slice(2, 5));
  });
});

describe("org_match follows the organisation", () => {
  const profileRow = (id: string) =>
    env.DB.prepare("SELECT languages, trust_level, budget_currency FROM org_match WHERE org_id = ?")
      .bind(id)
      .first();

  test("edits, hiding, deletion and the kind decide the row; languages are kept as primary subtags", async () => {
    const id = `${tag}-life`;
    await env.DB.prepare(
      `INSERT INTO orgs (id, kind, name, country, languages, visibility, created_at, updated_at) VALUES (?, 'cso', 'Life', 'EG', '["ar-EG","FR","en"]', 'public', ?, ?)`,
    )
      .bind(id, stamp, stamp)
      .run();
    expect(await profileRow(id)).toEqual({ languages: ",ar,fr,en,", trust_level: 0, budget_currency: null });
    await env.DB.prepare(
      "UPDATE orgs SET trust_level = 3, annual_budget_amount = 5, annual_budget_currency = 'XOF' WHERE id = ?",
    )
      .bind(id)
      .run();
    expect(await profileRow(id)).toEqual({ languages: ",ar,fr,en,", trust_level: 3, budget_currency: "XOF" });
    await env.DB.prepare("UPDATE orgs SET visibility = 'hidden' WHERE id = ?").bind(id).run();
    expect(await profileRow(id)).toBeNull();
    await env.DB.prepare("UPDATE orgs SET visibility = 'funders_only', languages = '[]' WHERE id = ?")
      .bind(id)
      .run();
    expect(await profileRow(id)).toEqual({ languages: ",,", trust_level: 3, budget_currency: "XOF" });
    await env.DB.prepare("UPDATE orgs SET deleted_at = ? WHERE id = ?").bind(stamp, id).run();
    expect(await profileRow(id)).toBeNull();
    await env.DB.prepare("UPDATE orgs SET deleted_at = NULL, kind = 'funder' WHERE id = ?").bind(id).run();
    expect(await profileRow(id)).toBeNull();
  });

  test("every listed organisation, and only those, has a profile equal to its organisation's", async () => {
    const mismatched = await env.DB.prepare(
      `SELECT (SELECT count(*) FROM orgs o LEFT JOIN org_match m ON m.org_id = o.id
         WHERE CASE WHEN o.kind = 'cso' AND o.visibility <> 'hidden' AND o.deleted_at IS NULL
           THEN m.org_id IS NULL OR m.country IS NOT o.country OR m.led_by IS NOT o.led_by OR m.themes IS NOT o.themes
             OR m.trust_level IS NOT o.trust_level OR m.funding_received_usd IS NOT o.funding_received_usd
             OR m.budget_amount IS NOT o.annual_budget_amount OR m.legal_status IS NOT o.legal_status
           ELSE m.org_id IS NOT NULL END)
       + (SELECT count(*) FROM org_match WHERE org_id NOT IN (SELECT id FROM orgs)) AS n`,
    ).first<{ n: number }>();
    expect(mismatched?.n).toBe(0);
  });
});
