// Filtered equity reports read org_equity_by_funder (keyed by organisation, year, funder, funding type and
// secrecy; kept by triggers) whenever the filters select whole keys: whole calendar years, a funder, a
// funding type, a public account, and every grouping including funding type, funder and year. Over a
// seeded world with consortium shares, confidential calls, non-cash offers, anonymous and individual
// pledges, refunds and unconverted amounts, each such report equals the one aggregated from the events
// — before and after rows move between keys — and the triggers keep exactly what the migration's
// backfill would build. A call or a period starting or ending inside a year still reads the events.
import { env } from "cloudflare:workers";
import { describe, expect, test } from "vitest";
import { createDb } from "../../worker/db/client";
import { equityData, equitySource, type EquityFilters } from "../../worker/db/equity";
import { loadFxTable } from "../../worker/db/fx";
import { DIMENSIONS, FUNDING_TYPES, type Dimension } from "../../schema/enums";
import { Client } from "../helpers/client";

/** A small deterministic generator (mulberry32), so a failure replays. */
const seeded = (seed: number) => {
  let a = seed;
  const rand = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  return { rand, pick };
};

const NOW = "2026-11-01T00:00:00.000Z";
const YEARS = ["2023", "2024", "2025", "2026"];
const FUNDERS = ["ef-public-1", "ef-public-2", "ef-public-3", "ef-hidden", "ef-funders-only"];
const run = (sql: string, ...params: unknown[]) =>
  env.DB.prepare(sql)
    .bind(...params)
    .run();

/**
 * Rows written straight to the tables, as any write would reach them: the triggers see every insert,
 * update and delete whether or not it came through the app.
 */
let seededOnce: Promise<void> | undefined;
/** Test files share one D1 across their tests: the world is written once. */
const seedWorld = () => (seededOnce ??= writeWorld());
const writeWorld = async () => {
  const { rand, pick } = seeded(22);
  const day = () =>
    `${pick(YEARS)}-${String(1 + Math.floor(rand() * 12)).padStart(2, "0")}-${String(1 + Math.floor(rand() * 28)).padStart(2, "0")}`;
  const s: D1PreparedStatement[] = [];
  const add = (sql: string, ...params: unknown[]) => s.push(env.DB.prepare(sql).bind(...params));
  add(
    "INSERT INTO users (id, email, name, locale, platform_role, password_hash, created_at, updated_at) VALUES ('ef-user', 'ef-user@example.org', 'EF', 'en', 'user', '!', ?, ?)",
    NOW,
    NOW,
  );
  const visibilities = ["public", "public", "funders_only", "hidden"];
  for (let i = 0; i < 40; i++)
    add(
      "INSERT INTO orgs (id, kind, name, country, setting, legal_status, annual_budget_amount, annual_budget_currency, led_by, themes, languages, visibility, created_at, updated_at) VALUES (?, 'cso', ?, ?, ?, ?, ?, 'USD', ?, ?, '[\"en\"]', ?, ?, ?)",
      `eo${i}`,
      `EF group ${i}`,
      pick(["SN", "KE", "BR", "NL"]),
      pick(["urban", "rural"]),
      pick(["registered", "unregistered", "movement"]),
      Math.floor(rand() * 20_000_000),
      Math.floor(rand() * 8),
      Math.floor(rand() * 64),
      pick(visibilities),
      NOW,
      NOW,
    );
  for (const id of FUNDERS)
    add(
      "INSERT INTO orgs (id, kind, name, country, led_by, themes, languages, visibility, created_at, updated_at) VALUES (?, 'funder', ?, 'NL', 0, 0, '[]', ?, ?, ?)",
      id,
      `Funder ${id}`,
      id.includes("hidden") ? "hidden" : id.includes("only") ? "funders_only" : "public",
      NOW,
      NOW,
    );
  const calls: { id: string; funder: string; type: string }[] = [];
  for (let i = 0; i < 14; i++) {
    const call = {
      id: `ec${i}`,
      funder: FUNDERS[i % FUNDERS.length],
      type: FUNDING_TYPES[i % FUNDING_TYPES.length],
    };
    calls.push(call);
    add(
      "INSERT INTO calls (id, funder_org_id, title, summary, languages, grant_min_amount, grant_max_amount, grant_currency, funding_type, duration_months, deadline, questions, status, confidential, created_at, updated_at) VALUES (?, ?, ?, 'A call.', '[\"en\"]', 100, 100000000, 'USD', ?, 12, ?, '[]', 'closed', ?, ?, ?)",
      call.id,
      call.funder,
      `Call ${i}`,
      call.type,
      NOW,
      i % 5 === 3 ? 1 : 0,
      NOW,
      NOW,
    );
  }
  let app = 0;
  for (const call of calls)
    for (let o = 0; o < 40; o++) {
      if (rand() > 0.3) continue;
      const id = `ea${app++}`;
      const status = pick(["draft", "submitted", "awarded", "awarded", "declined", "withdrawn"]);
      add(
        "INSERT INTO applications (id, call_id, org_id, status, answers, version, submitted_at, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, '{}', 1, ?, 'ef-user', ?, ?)",
        id,
        call.id,
        `eo${o}`,
        status,
        status === "draft" ? null : `${day()}T10:00:00.000Z`,
        NOW,
        NOW,
      );
      if (status !== "awarded") continue;
      const amount = 1_000 + Math.floor(rand() * 5_000_000);
      add(
        "INSERT INTO awards (id, application_id, call_id, org_id, funder_org_id, amount, currency, amount_usd, award_date, funding_type, duration_months, created_at) VALUES (?, ?, ?, ?, ?, ?, 'USD', ?, ?, ?, 12, ?)",
        `ew${id}`,
        id,
        call.id,
        `eo${o}`,
        call.funder,
        amount,
        rand() < 0.1 ? null : call.type === "non_cash" ? 0 : amount,
        day(),
        rand() < 0.15 ? pick(FUNDING_TYPES) : call.type,
        NOW,
      );
      // Consortium shares on some awards: partners other than the lead.
      if (rand() < 0.3)
        for (const p of [(o + 7) % 40, (o + 19) % 40].slice(0, 1 + Math.floor(rand() * 2)))
          add(
            "INSERT INTO application_partners (application_id, org_id, role, share_percent, created_at) VALUES (?, ?, 'Partner', ?, ?)",
            id,
            `eo${p}`,
            5 + Math.floor(rand() * 30),
            NOW,
          );
    }
  for (let i = 0; i < 12; i++) {
    add(
      "INSERT INTO pledges (id, recipient_org_id, funder_org_id, pledger_user_id, anonymous, amount, currency, amount_usd, interval, installments, provider, status, reference, created_at, updated_at) VALUES (?, ?, ?, 'ef-user', ?, 100000, 'USD', 100000, 'month', 12, 'manual', 'active', ?, ?, ?)",
      `ep${i}`,
      `eo${(i * 3) % 40}`,
      i % 4 === 0 ? null : FUNDERS[i % FUNDERS.length],
      i % 3 === 0 ? 1 : 0,
      `SND-EF${i}`,
      NOW,
      NOW,
    );
    for (let k = 0; k < 3; k++) {
      const refund = k === 2 && i % 2 === 0;
      add(
        "INSERT INTO payments (id, pledge_id, recipient_org_id, kind, amount, currency, amount_usd, at, provider, external_id, created_at) VALUES (?, ?, ?, ?, ?, 'USD', ?, ?, 'manual', ?, ?)",
        `epy${i}-${k}`,
        `ep${i}`,
        `eo${(i * 3) % 40}`,
        refund ? "refund" : "payment",
        refund ? -50_000 : 100_000,
        refund ? -50_000 : k === 1 && i % 5 === 0 ? null : 100_000,
        `${day()}T12:00:00.000Z`,
        `ef-ext-${i}-${k}`,
        NOW,
      );
    }
  }
  await env.DB.batch(s);
};

type Data = Awaited<ReturnType<typeof equityData>>;
const norm = (r: Data) => ({
  recipients: [...r.recipients].sort((a, b) => a.orgId.localeCompare(b.orgId)),
  totals: r.totals,
  groups: r.groups && [...r.groups].sort((a, b) => a.key.localeCompare(b.key)),
});

/** Random report requests: whole and partial years, funders (and one that gave nothing), funding types, public accounts, every grouping. */
const requests = (seed: number, n: number) => {
  const { rand, pick } = seeded(seed);
  const out: { f: EquityFilters; d: Dimension | null }[] = [];
  for (let i = 0; i < n; i++) {
    const f: EquityFilters = {};
    const y1 = pick(YEARS);
    const y2 = YEARS.filter((y) => y >= y1)[Math.floor(rand() * YEARS.filter((y) => y >= y1).length)];
    const from = rand();
    if (from < 0.4) f.from = `${y1}-01-01`;
    else if (from < 0.5) f.from = `${y1}-06-15`;
    const to = rand();
    if (to < 0.4) f.to = `${y2}-12-31`;
    else if (to < 0.5) f.to = `${y2}-06-30`;
    if (rand() < 0.5) f.funderOrgId = pick([...FUNDERS, "ef-nobody"]);
    if (rand() < 0.4) f.fundingType = pick(FUNDING_TYPES);
    if (rand() < 0.3) f.publicOnly = true;
    out.push({ f, d: rand() < 0.15 ? null : pick(DIMENSIONS) });
  }
  // Every event dimension with no filter at all, and with each filter alone.
  for (const d of ["fundingType", "funder", "year"] as Dimension[])
    out.push(
      { f: {}, d },
      { f: { from: "2024-01-01", to: "2025-12-31" }, d },
      { f: { funderOrgId: FUNDERS[0] }, d },
      { f: { fundingType: "core" }, d },
      { f: { funderOrgId: FUNDERS[1], publicOnly: true }, d },
    );
  return out;
};

/** Each request from its chosen source and from the events, equal; returns how many read org_equity_by_funder. */
const agree = async (seed: number, n: number) => {
  const db = createDb(env.DB);
  const fx = await loadFxTable(db);
  let byFunder = 0;
  for (const { f, d } of requests(seed, n)) {
    // Unfiltered reports by organisation dimensions read org_equity; org_equity_by_funder answers them too.
    // (org_equity learns of consortium shares from the award's decision, not from triggers: rows
    // written straight to the tables here would not reach it.)
    const source = equitySource(f, d) === "org_equity" ? "by_funder" : equitySource(f, d);
    if (source === "by_funder") byFunder++;
    const label = JSON.stringify({ f, d, source });
    expect(norm(await equityData(db, f, d, fx, { source })), label).toEqual(
      norm(await equityData(db, f, d, fx, { useRollup: false })),
    );
  }
  return byFunder;
};

const kept = async () =>
  (
    await env.DB.prepare(
      "SELECT * FROM org_equity_by_funder WHERE events <> 0 ORDER BY org_id, year, funder_org_id, funding_type, secrecy",
    ).all()
  ).results;

/** The migration's backfill (its last statement), run over the rows as they are now. */
const backfill = () => {
  const migrations = (env as unknown as { TEST_MIGRATIONS: { name: string; queries: string[] }[] })
    .TEST_MIGRATIONS;
  const m = migrations.find((x) => x.name.includes("equity_by_funder"))!.queries.join("\n");
  return m.slice(m.lastIndexOf("INSERT INTO org_equity_by_funder (org_id"));
};

const expectKeptEqualsBackfill = async () => {
  const before = await kept();
  // A key whose events have all gone holds nothing else either.
  expect(
    await env.DB.prepare(
      "SELECT count(*) AS n FROM org_equity_by_funder WHERE events = 0 AND (awards <> 0 OR amount <> 0 OR core <> 0 OR unconverted <> 0 OR applications <> 0 OR awarded <> 0 OR decided <> 0 OR pledged <> 0 OR payments <> 0)",
    ).first("n"),
  ).toBe(0);
  await env.DB.batch([env.DB.prepare("DELETE FROM org_equity_by_funder"), env.DB.prepare(backfill())]);
  expect(await kept()).toEqual(before);
};

describe("filtered equity reports from org_equity_by_funder", () => {
  test("which filters it serves: whole years, funder, funding type, public accounts, any grouping; not calls or partial years", () => {
    expect(equitySource({}, null)).toBe("org_equity");
    expect(equitySource({}, "country")).toBe("org_equity");
    for (const d of ["fundingType", "funder", "year"] as Dimension[])
      expect(equitySource({}, d)).toBe("by_funder");
    expect(equitySource({ from: "2024-01-01" }, null)).toBe("by_funder");
    expect(equitySource({ to: "2025-12-31" }, "country")).toBe("by_funder");
    expect(
      equitySource({ from: "2024-01-01", to: "2024-12-31", funderOrgId: "f", fundingType: "core" }, "funder"),
    ).toBe("by_funder");
    expect(equitySource({ funderOrgId: "f", publicOnly: true }, null)).toBe("by_funder");
    expect(equitySource({ from: "2024-01-02" }, null)).toBe("events");
    expect(equitySource({ to: "2024-12-30" }, null)).toBe("events");
    expect(equitySource({ from: "2024-01-01", to: "2024-06-30" }, "year")).toBe("events");
    expect(equitySource({ callId: "c" }, null)).toBe("events");
    expect(equitySource({ callId: "c", from: "2024-01-01" }, "funder")).toBe("events");
    expect(equitySource({ to: "9999-12-31" }, null)).toBe("events");
  });

  test("equals the events for many filter combinations, before and after rows move between keys", async () => {
    await seedWorld();
    expect(
      Number(await env.DB.prepare("SELECT count(*) AS n FROM awards WHERE id LIKE 'ew%'").first("n")),
    ).toBeGreaterThan(20);
    expect(
      Number(await env.DB.prepare("SELECT count(*) AS n FROM application_partners").first("n")),
    ).toBeGreaterThan(3);
    expect(await agree(1, 160)).toBeGreaterThan(80);
    await expectKeptEqualsBackfill();

    // Moves between keys, and everything else that changes a flow.
    const award = async (i: number) =>
      (await env.DB.prepare("SELECT * FROM awards ORDER BY id LIMIT 1 OFFSET ?").bind(i).first<{
        id: string;
        application_id: string;
        call_id: string;
        award_date: string;
      }>())!;
    const consortium = (await env.DB.prepare(
      "SELECT a.* FROM awards a WHERE a.application_id IN (SELECT application_id FROM application_partners) AND a.amount_usd > 1000 AND a.funding_type <> 'non_cash' ORDER BY a.id LIMIT 1",
    ).first<{ id: string; application_id: string; call_id: string; org_id: string }>())!;
    const w1 = await award(1);
    const w2 = await award(2);
    const w3 = await award(3);
    // An award's date moves it to another year, its funding type and funder to other keys; an FX
    // correction changes its amount (and so its partners' shares); another loses its USD value.
    await run(
      "UPDATE awards SET award_date = ? WHERE id = ?",
      `${w1.award_date.slice(0, 4) === "2023" ? "2026" : "2023"}-07-01`,
      w1.id,
    );
    await run("UPDATE awards SET funding_type = 'core', funder_org_id = ? WHERE id = ?", FUNDERS[3], w2.id);
    await run("UPDATE awards SET amount_usd = amount_usd * 2 + 1 WHERE id = ?", consortium.id);
    await run("UPDATE awards SET amount_usd = NULL WHERE id = ?", w3.id);
    await run(
      "UPDATE awards SET award_date = '2025-12-31', funding_type = 'project' WHERE id = ?",
      consortium.id,
    );
    // A consortium's partners change after the award: one added, one's share changed, one removed.
    const spare = (await env.DB.prepare(
      "SELECT id FROM orgs WHERE kind = 'cso' AND id NOT IN (SELECT org_id FROM application_partners WHERE application_id = ?) AND id <> ? ORDER BY id LIMIT 1",
    )
      .bind(consortium.application_id, consortium.org_id)
      .first<{ id: string }>())!;
    await run(
      "INSERT INTO application_partners (application_id, org_id, role, share_percent, created_at) VALUES (?, ?, 'Late partner', 12, ?)",
      consortium.application_id,
      spare.id,
      NOW,
    );
    await run(
      "UPDATE application_partners SET share_percent = share_percent + 7 WHERE application_id = ? AND org_id <> ?",
      consortium.application_id,
      spare.id,
    );
    const other = (await env.DB.prepare(
      "SELECT application_id, org_id FROM application_partners WHERE application_id <> ? ORDER BY application_id LIMIT 1",
    )
      .bind(consortium.application_id)
      .first<{ application_id: string; org_id: string }>())!;
    if (other)
      await run(
        "DELETE FROM application_partners WHERE application_id = ? AND org_id = ?",
        other.application_id,
        other.org_id,
      );
    // An award taken back: deleted, its application declined.
    const w4 = await award(4);
    await run("DELETE FROM awards WHERE id = ?", w4.id);
    await run("UPDATE applications SET status = 'declined' WHERE id = ?", w4.application_id);
    // Applications: withdrawn, decided, submitted in another year, moved to another call, a draft
    // submitted, one deleted, a new one.
    const apps = (
      await env.DB.prepare(
        "SELECT id, status, call_id FROM applications WHERE id NOT IN (SELECT application_id FROM awards) ORDER BY id",
      ).all<{ id: string; status: string; call_id: string }>()
    ).results;
    const submitted = apps.filter((a) => a.status === "submitted");
    await run("UPDATE applications SET status = 'withdrawn' WHERE id = ?", submitted[0].id);
    await run("UPDATE applications SET status = 'declined' WHERE id = ?", submitted[1].id);
    await run(
      "UPDATE applications SET submitted_at = '2023-02-02T08:00:00.000Z' WHERE id = ?",
      submitted[2].id,
    );
    const withdrawn = apps.find((a) => a.status === "withdrawn")!;
    await run("UPDATE applications SET status = 'submitted' WHERE id = ?", withdrawn.id);
    const draft = apps.find((a) => a.status === "draft")!;
    await run(
      "UPDATE applications SET status = 'submitted', submitted_at = '2026-03-03T09:00:00.000Z' WHERE id = ?",
      draft.id,
    );
    const moved = submitted[3];
    const target = (await env.DB.prepare(
      "SELECT id FROM calls WHERE id <> ? AND funding_type <> (SELECT funding_type FROM calls WHERE id = ?) AND id NOT IN (SELECT call_id FROM applications WHERE org_id = (SELECT org_id FROM applications WHERE id = ?)) LIMIT 1",
    )
      .bind(moved.call_id, moved.call_id, moved.id)
      .first<{ id: string }>())!;
    await run("UPDATE applications SET call_id = ? WHERE id = ?", target.id, moved.id);
    await run("DELETE FROM applications WHERE id = ?", submitted[4].id);
    await run(
      "INSERT INTO applications (id, call_id, org_id, status, answers, version, submitted_at, created_by, created_at, updated_at) SELECT 'ea-new', c.id, o.id, 'submitted', '{}', 1, '2025-05-05T05:00:00.000Z', 'ef-user', ?, ? FROM calls c, orgs o WHERE c.id LIKE 'ec%' AND o.id LIKE 'eo%' AND NOT EXISTS (SELECT 1 FROM applications x WHERE x.call_id = c.id AND x.org_id = o.id) LIMIT 1",
      NOW,
      NOW,
    );
    // Calls: one becomes confidential, one changes funding type, one changes funder (its applications
    // and awards, with their partners' shares, follow).
    await run("UPDATE calls SET confidential = 1 - confidential WHERE id = ?", consortium.call_id);
    await run("UPDATE calls SET funding_type = 'core' WHERE id = ?", w1.call_id === "ec1" ? "ec2" : "ec1");
    await run("UPDATE calls SET funder_org_id = ? WHERE id = ?", FUNDERS[4], w2.call_id);
    // Pledges: one becomes anonymous, one's funder changes to a person; payments added, moved, removed.
    await run("UPDATE pledges SET anonymous = 1 - anonymous WHERE id = 'ep1'");
    await run("UPDATE pledges SET funder_org_id = NULL WHERE id = 'ep2'");
    await run("UPDATE payments SET at = '2023-01-01T00:00:00.000Z', amount_usd = 77000 WHERE id = 'epy5-0'");
    await run("DELETE FROM payments WHERE id = 'epy6-1'");
    await run(
      "INSERT INTO payments (id, pledge_id, recipient_org_id, kind, amount, currency, amount_usd, at, provider, external_id, created_at) VALUES ('epy-new', 'ep3', 'eo9', 'payment', 5000, 'USD', 5000, '2024-12-31T23:59:59.000Z', 'manual', 'ef-ext-new', ?)",
      NOW,
    );

    await expectKeptEqualsBackfill();
    expect(await agree(2, 160)).toBeGreaterThan(80);
  }, 60_000);

  test("a period that starts or ends inside a year reads the events, and is still right", async () => {
    await seedWorld();
    const db = createDb(env.DB);
    const fx = await loadFxTable(db);
    const partial: EquityFilters = { from: "2024-03-01", to: "2025-12-31" };
    const whole: EquityFilters = { from: "2024-01-01", to: "2025-12-31" };
    expect(equitySource(partial, "funder")).toBe("events");
    const before = {
      partial: norm(await equityData(db, partial, "funder", fx)),
      whole: norm(await equityData(db, whole, "funder", fx)),
    };
    // Spoil the rollup: a report that reads it changes, one that reads the events does not.
    await run("UPDATE org_equity_by_funder SET amount = amount + 1000, applications = applications + 1");
    expect(norm(await equityData(db, partial, "funder", fx))).toEqual(before.partial);
    expect(norm(await equityData(db, whole, "funder", fx))).not.toEqual(before.whole);
    expect(before.partial).toEqual(norm(await equityData(db, partial, "funder", fx, { useRollup: false })));
    // Through the route too: the partial-year report is the events' (no filter here is refused to anyone).
    const res = await new Client().get("/api/v1/reports/equity?from=2024-03-01&to=2025-12-31&groupBy=year");
    expect(res.status).toBe(200);
    const live = await equityData(db, partial, "year", fx, { useRollup: false });
    expect(res.body.totals.applications).toBe(
      live.totals.orgs < res.body.k ? null : live.totals.applications,
    );
  });
});
