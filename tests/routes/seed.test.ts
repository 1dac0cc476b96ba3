// The demo seed: the four demo logins work, and running it twice changes nothing.
import { env } from "cloudflare:workers";
import { expect, test } from "vitest";
import { createDb } from "../../worker/db/client";
import { seedDemo, DEMO_PASSWORD } from "../../worker/seed/demo";
import { Client } from "../helpers/client";

const pepper = (env as unknown as { PASSWORD_PEPPER: string }).PASSWORD_PEPPER;
const count = async (table: string) =>
  (await env.DB.prepare(`SELECT count(*) AS n FROM ${table}`).first<{ n: number }>())!.n;

test("the seed is idempotent and keeps what people changed since", async () => {
  const db = createDb(env.DB);
  const first = await seedDemo(db, pepper, env.UPLOADS);
  expect(first.users).toBeGreaterThanOrEqual(4);
  expect(first.orgs).toBeGreaterThanOrEqual(6);
  expect(first.calls).toBeGreaterThanOrEqual(4);
  expect(first.pledges).toBe(3);
  const before = {
    users: await count("users"),
    orgs: await count("orgs"),
    memberships: await count("memberships"),
    payments: await count("payments"),
    reports: await count("award_reports"),
    uploads: await count("uploads"),
  };
  const funding = await env.DB.prepare(
    "SELECT funding_received_usd AS f FROM orgs WHERE id = 'demo-cso-thies'",
  ).first<number>("f");
  expect(funding).toBeGreaterThan(0);

  const cso = new Client();
  expect(
    (await cso.post("/api/v1/auth/login", { email: "cso@sanad.example", password: DEMO_PASSWORD })).status,
  ).toBe(200);
  const orgId = (await cso.get("/api/v1/me")).body.memberships[0].orgId;
  expect((await cso.patch(`/api/v1/orgs/${orgId}`, { version: 1, volunteerCount: 99 })).status).toBe(200);

  expect(await seedDemo(db, pepper, env.UPLOADS)).toEqual({ users: 0, orgs: 0, calls: 0, pledges: 0 });
  expect({
    users: await count("users"),
    orgs: await count("orgs"),
    memberships: await count("memberships"),
    payments: await count("payments"),
    reports: await count("award_reports"),
    uploads: await count("uploads"),
  }).toEqual(before);
  expect(
    await env.DB.prepare(
      "SELECT funding_received_usd AS f FROM orgs WHERE id = 'demo-cso-thies'",
    ).first<number>("f"),
  ).toBe(funding);
  expect((await cso.get(`/api/v1/orgs/${orgId}`)).body.volunteerCount).toBe(99);
});

test.each([
  ["admin@sanad.example", "admin", null],
  ["analyst@sanad.example", "analyst", null],
  ["funder@sanad.example", "user", "funder"],
  ["cso@sanad.example", "user", "cso"],
])("demo login %s works (%s)", async (email, role, orgKind) => {
  await seedDemo(createDb(env.DB), pepper, env.UPLOADS);
  const c = new Client();
  expect((await c.post("/api/v1/auth/login", { email, password: DEMO_PASSWORD })).status).toBe(200);
  const me = (await c.get("/api/v1/me")).body;
  expect(me.user.platformRole).toBe(role);
  if (orgKind) expect(me.memberships.map((m: { orgKind: string }) => m.orgKind)).toContain(orgKind);
});

test("the demo ledgers: a running bank-transfer pledge, an anonymous one, and one waiting for the admin", async () => {
  await seedDemo(createDb(env.DB), pepper, env.UPLOADS);
  const thies = (await new Client().get("/api/v1/orgs/demo-cso-thies/ledger")).body;
  expect(thies.totals).toEqual([{ currency: "XOF", pledged: 24 * 150_000, paid: 3 * 150_000, refunded: 0 }]);
  expect(thies.entries.find((e: { kind: string }) => e.kind === "pledge")).toMatchObject({
    funder: "Open Horizons Fund",
    status: "active",
  });
  const gulu = (await new Client().get("/api/v1/orgs/demo-cso-gulu/ledger")).body;
  expect(gulu.entries.every((e: { funder: string | null }) => e.funder === null)).toBe(true);
  const admin = new Client();
  await admin.post("/api/v1/auth/login", { email: "admin@sanad.example", password: DEMO_PASSWORD });
  expect((await admin.page("/admin")).html).toContain("/pledges/demo-pledge-minya");
});

test("the demo money after the award: plans, bank and M-Pesa disbursements, a receipt with a loss, one unconfirmed", async () => {
  await seedDemo(createDb(env.DB), pepper, env.UPLOADS);
  const unplanned = await env.DB.prepare(
    "SELECT count(*) AS n FROM awards a WHERE a.id LIKE 'demo-%' AND NOT EXISTS (SELECT 1 FROM tranches t WHERE t.award_id = a.id)",
  ).first<number>("n");
  expect(unplanned).toBe(0);
  const funder = new Client();
  await funder.post("/api/v1/auth/login", { email: "funder@sanad.example", password: DEMO_PASSWORD });
  const minya = (await funder.get("/api/v1/awards/demo-award-minya")).body;
  expect(minya.tranches.length).toBeGreaterThanOrEqual(2);
  const bank = minya.disbursements.find((d: { rail: string }) => d.rail === "bank");
  // Received less, later, in another currency: a loss measured at each date's rate.
  expect(bank.receipt.receivedOn > bank.sentOn).toBe(true);
  expect(bank.receipt.lossUsd).toBeGreaterThan(0);
  const rails = await env.DB.prepare(
    "SELECT rail, via, (SELECT count(*) FROM receipts r WHERE r.disbursement_id = d.id) AS confirmed, sent_on FROM disbursements d WHERE id LIKE 'demo-disb-%'",
  ).all<{ rail: string; via: string | null; confirmed: number; sent_on: string }>();
  expect(rails.results.some((d) => d.rail === "mobile_money" && d.via === "M-Pesa")).toBe(true);
  const cutoff = new Date(Date.now() - 31 * 86_400_000).toISOString().slice(0, 10);
  expect(rails.results.some((d) => d.confirmed === 0 && d.sent_on <= cutoff)).toBe(true);
  // The public sees the Minya award's accounting, without the bank's reference.
  const page = await new Client().page("/awards/demo-award-minya");
  expect(page.status).toBe(200);
  expect(page.html).not.toContain("NBE/2025/061977");
});

test("the demo light report: sent on the Minya award with a clean photo, listed on the award page for its sides only", async () => {
  await seedDemo(createDb(env.DB), pepper, env.UPLOADS);
  const reports = await env.DB.prepare(
    "SELECT id, status, submitted_at, created_by FROM award_reports WHERE award_id = 'demo-award-minya'",
  ).all<{ id: string; status: string; submitted_at: string | null; created_by: string }>();
  expect(reports.results).toHaveLength(1);
  const [report] = reports.results;
  expect(report).toMatchObject({ status: "submitted", created_by: "demo-user-cso" });
  expect(report.submitted_at).not.toBeNull();
  const files = await env.DB.prepare(
    "SELECT u.kind, u.bytes, u.r2_key FROM report_uploads ru JOIN uploads u ON u.id = ru.upload_id WHERE ru.report_id = ?",
  )
    .bind(report.id)
    .all<{ kind: string; bytes: number; r2_key: string }>();
  expect(files.results).toHaveLength(1);
  const [file] = files.results;
  expect(file.kind).toBe("jpeg");
  const object = await env.UPLOADS.get(file.r2_key);
  expect(object).not.toBeNull();
  const bytes = new Uint8Array(await object!.arrayBuffer());
  expect(bytes.length).toBe(file.bytes);
  expect([...bytes.slice(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
  // The funder reaches it from the award page, and reads it and its photo; the public sees only the count.
  const funder = new Client();
  await funder.post("/api/v1/auth/login", { email: "funder@sanad.example", password: DEMO_PASSWORD });
  expect((await funder.page("/awards/demo-award-minya")).html).toContain(`href="/reports/${report.id}"`);
  expect((await funder.page(`/reports/${report.id}`)).status).toBe(200);
  expect((await new Client().page("/awards/demo-award-minya")).html).not.toContain(`/reports/${report.id}`);
});

test("the demo grant history gives the public equity report something to show, hidden groups undisclosed", async () => {
  await seedDemo(createDb(env.DB), pepper, env.UPLOADS);
  const r = (await new Client().get("/api/v1/reports/equity?groupBy=legalStatus")).body;
  expect(r.totals.suppressed).toBe(false);
  expect(r.totals.recipients).toBeGreaterThanOrEqual(20);
  expect(r.groups.find((g: { key: string }) => g.key === "registered")).toMatchObject({
    suppressed: false,
    flagged: false,
  });
  expect(r.groups.some((g: { flagged: boolean | null }) => g.flagged === true)).toBe(true);
  // Three organisations received pledge payments: fewer than k, so no group shows its pledge figure.
  expect(r.corePledges).toMatchObject({ suppressed: true, amount: null });
  expect(r.groups.map((g: { corePledgeAmount: number | null }) => g.corePledgeAmount)).toEqual(
    r.groups.map(() => null),
  );
  const byCountry = (await new Client().get("/api/v1/reports/equity?groupBy=country")).body;
  expect(byCountry.groups.find((g: { key: string }) => g.key === "undisclosed")).toBeDefined();
});

test("the demo trust ladder: the Egypt chapter's coordinator confirmed the Minya group (level 3), the Tunisian group is verified (level 4), both listed on their chapters", async () => {
  await seedDemo(createDb(env.DB), pepper, env.UPLOADS);
  const level = async (id: string) => (await new Client().get(`/api/v1/orgs/${id}/trust`)).body;
  expect(await level("demo-cso-minya")).toMatchObject({
    level: 3,
    evidence: expect.arrayContaining([
      expect.objectContaining({ kind: "confirmation", detail: "visit", counts: true }),
    ]),
  });
  expect((await level("demo-cso-tunis")).level).toBe(4);
  expect((await level("demo-cso-gulu")).level).toBe(1);
  const egypt = (await new Client().get("/api/v1/chapters/EG")).body;
  expect(egypt.coordinators.map((c: { userId: string }) => c.userId)).toEqual(["demo-user-coordinator"]);
  expect(egypt.orgs.map((o: { id: string }) => o.id)).toContain("demo-cso-minya");
  expect(
    (await new Client().get("/api/v1/chapters/TN")).body.orgs.map((o: { id: string }) => o.id),
  ).toContain("demo-cso-tunis");
  const coordinator = new Client();
  expect(
    (
      await coordinator.post("/api/v1/auth/login", {
        email: "coordinator@sanad.example",
        password: DEMO_PASSWORD,
      })
    ).status,
  ).toBe(200);
  expect((await coordinator.get("/api/v1/chapters/EG")).body.queue).toEqual([]);
  expect((await coordinator.page("/me")).html).toContain('href="/chapters/EG#queue"');
});

test("the demo review: funder@ finds submitted applications in several languages on its open digital-safety call, and can score one and decide it", async () => {
  const db = createDb(env.DB);
  await seedDemo(db, pepper, env.UPLOADS);
  const funder = new Client();
  await funder.post("/api/v1/auth/login", { email: "funder@sanad.example", password: DEMO_PASSWORD });
  expect((await new Client().get("/api/v1/calls/demo-call-digital-safety")).body.status).toBe("open");
  const list = await funder.get("/api/v1/calls/demo-call-digital-safety/applications");
  expect(list.status).toBe(200);
  const items: { id: string; status: string; answers: Record<string, string> }[] = list.body.items;
  const submitted = items.filter((a) => a.status === "submitted");
  expect(submitted.length).toBeGreaterThanOrEqual(4);
  // The answers' languages, told apart by script and a few words each language's answers use.
  const language = (text: string) =>
    /[\u0600-\u06FF]/.test(text)
      ? "ar"
      : /\b(nous|des|les)\b/i.test(text)
        ? "fr"
        : /\b(las|los|que|por)\b/i.test(text)
          ? "es"
          : "en";
  expect(new Set(submitted.map((a) => language(a.answers.q1 ?? ""))).size).toBeGreaterThanOrEqual(3);
  for (const a of submitted) expect(Object.keys(a.answers).sort()).toEqual(["q1", "q2"]);

  // Opening one, scoring it and declining it: the review use cases work on the seeded rows.
  const [first, second] = submitted;
  const page = await funder.page(`/applications/${first!.id}`);
  expect(page.status).toBe(200);
  expect(page.html).toContain(`action="/applications/${first!.id}/reviews"`);
  expect((await funder.post(`/api/v1/applications/${first!.id}/reviews`, { score: 4 })).status).toBe(201);
  const declined = await funder.post(`/api/v1/applications/${first!.id}/decision`, {
    decision: "decline",
    reasons: ["budget"],
  });
  expect(declined.status).toBe(200);
  const awarded = await funder.post(`/api/v1/applications/${second!.id}/decision`, {
    decision: "award",
    amount: { amount: 300_000, currency: "USD" },
  });
  expect(awarded.status).toBe(200);

  // Seeding again neither duplicates the applications nor reopens the decided ones.
  await seedDemo(db, pepper, env.UPLOADS);
  const again: { id: string; status: string }[] = (
    await funder.get("/api/v1/calls/demo-call-digital-safety/applications")
  ).body.items;
  expect(again.length).toBe(items.length);
  expect(again.find((a) => a.id === first!.id)!.status).toBe("declined");
});
