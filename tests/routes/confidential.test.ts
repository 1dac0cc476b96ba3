// Confidential calls (the default for rapid response): their applications and awards never appear on a
// public page, ledger, feed or named export; the equity report counts them, under suppression; mail about
// them is neutral. Each public output is read as bytes and searched for what would identify the award.
//
// Outputs that show applications or awards to someone other than the two sides (the group's members, the
// funder's members) and admins, and what each does with a confidential call's:
//   - GET /api/v1/orgs/:id/ledger, /orgs/:id/ledger: the award's disbursements and receipts (and their
//     totals) are left out for everyone but the two sides and admins (worker/actions/pledges.ts ledgerOf).
//   - GET /api/v1/exports/360giving.json: left out entirely, for every caller (worker/db/exports.ts).
//   - GET /api/v1/reports/equity, equity.csv, /reports: counted in totals, shares and groups; grouped by
//     funder they fold into one `confidential` group (k-rule as any group); `confidential: { count,
//     suppressed }` says how many (worker/db/equity.ts, worker/actions/equity.ts).
//   - /awards/:id: outsiders got the public accounting; now 404 (worker/actions/award-page.ts).
//     GET /api/v1/awards/:id, /applications/:id, /calls/:id/applications were already the two sides only.
//   - POST /api/v1/orgs/:id/feedback: "funded" no longer counts confidential awards (its 422 would tell).
//   - Organisation pages, funders' pages and their calls, chapter pages, the home page, funder ratings:
//     list no awards or applications (checked below all the same).
//   - Mail: the report reminders (the only mail about an award) are neutral and link to "My account".
//     Decision and disbursement notices are in-app only and may stay specific.
//   - Matching: the funding total behind the equity boost (shown to funders ranking groups: "little funding
//     received so far (USD …)") leaves confidential awards out (worker/db/applications.ts, fx.ts).
//   - Internal, unchanged: the group's own data export.
import { env, exports } from "cloudflare:workers";
import { beforeAll, describe, expect, test } from "vitest";
import { Client } from "../helpers/client";
import {
  orgOwner,
  csoFields,
  funderFields,
  signUp,
  addMember,
  userWithRole,
  latestMail,
} from "../helpers/world";
import { callBody } from "../helpers/calls";
import { decided, insertOrg } from "../helpers/equity";
import { confidentialQuery } from "../../worker/db/equity";

type Group = Awaited<ReturnType<typeof orgOwner>>;
const usd = (amount: number) => ({ amount, currency: "USD" });
const today = () => new Date().toISOString().slice(0, 10);
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const uid = Date.now().toString(36);

// Distinctive words and amounts, so a search of the bytes finds them wherever they leak.
const SECRET = {
  title: `Safe house relocation ${uid}`,
  group: `Zaytouna Defenders ${uid}`,
  funder: `Quietwater Rapid Trust ${uid}`,
  amount: 1_987_654, // USD 19,876.54
  sent: 345_678, // USD 3,456.78
};
const AMOUNT = /19\D{0,2}876\D{0,2}54/;
const SENT = /3\D{0,2}456\D{0,2}78/;
const TWIN = {
  title: `Open commons ${uid}`,
  group: `Bustan Neighbours ${uid}`,
  funder: `Brightline Fund ${uid}`,
};

const rapid = {
  kind: "rapid",
  deadline: undefined,
  decisionWithinDays: 7,
  questions: [{ id: "need", label: "What happened, and what do you need now?", maxChars: 600 }],
};

/** The group's application to the call, answered, submitted and awarded by the funder. */
const award = async (funder: Client, cso: Group, callId: string, amount: number) => {
  const app = (await cso.post(`/api/v1/calls/${callId}/applications`, { orgId: cso.org.id })).body;
  const questions = (await cso.get(`/api/v1/calls/${callId}`)).body.questions as { id: string }[];
  await cso.patch(`/api/v1/applications/${app.id}`, {
    version: app.version,
    answers: Object.fromEntries(questions.map((q) => [q.id, "We had to leave within the week."])),
    requestedAmount: usd(amount),
  });
  const sent = await cso.post(`/api/v1/applications/${app.id}/submit`);
  if (sent.status !== 200) throw new Error(`submit: ${JSON.stringify(sent.body)}`);
  const res = await funder.post(`/api/v1/applications/${app.id}/decision`, {
    decision: "award",
    amount: usd(amount),
  });
  if (res.status !== 200) throw new Error(`award: ${JSON.stringify(res.body)}`);
  return { appId: app.id as string, awardId: res.body.awardId as string };
};

/** A funder named `name` with a published call. */
const funderNamed = async (name: string, over: Record<string, unknown>) => {
  const funder = await orgOwner({ ...funderFields, name });
  const created = await funder.post("/api/v1/calls", callBody(funder.org.id, over));
  if (created.status !== 201) throw new Error(`call: ${JSON.stringify(created.body)}`);
  await funder.post(`/api/v1/calls/${created.body.id}/publish`);
  return Object.assign(funder, { call: created.body as { id: string; confidential: boolean } });
};
type Funder = Awaited<ReturnType<typeof funderNamed>>;

const disburse = async (funder: Client, awardId: string, amount: number) => {
  const res = await funder.post(`/api/v1/awards/${awardId}/disbursements`, {
    amount: usd(amount),
    sentOn: today(),
    rail: "bank",
    reference: "UBA/2026/778812",
  });
  if (res.status !== 201) throw new Error(`disburse: ${JSON.stringify(res.body)}`);
};

const runCron = () =>
  (
    exports as unknown as {
      default: { scheduled: (c: { scheduledTime: number; cron: string }) => Promise<void> };
    }
  ).default.scheduled({ scheduledTime: Date.now(), cron: "*/15 * * * *" });

/** The response's bytes, whatever its type. */
const bytes = async (who: Client, path: string) => {
  const res = await who.fetch(path);
  return { status: res.status, text: await res.text() };
};

const report = async (who: Client, query = "") => {
  const res = await who.get(`/api/v1/reports/equity${query}`);
  expect(res.status).toBe(200);
  return res;
};

let w: {
  funderC: Funder;
  funderP: Funder;
  csoC: Group;
  csoP: Group;
  arabic: Awaited<ReturnType<typeof signUp>>;
  conf: { appId: string; awardId: string };
  twin: { appId: string; awardId: string };
  other: Group;
  analyst: Awaited<ReturnType<typeof userWithRole>>;
  before: Awaited<ReturnType<typeof report>>["body"];
};

beforeAll(async () => {
  const funderC = await funderNamed(SECRET.funder, { ...rapid, title: SECRET.title });
  const funderP = await funderNamed(TWIN.funder, { title: TWIN.title });
  const csoC = await orgOwner({ ...csoFields, name: SECRET.group });
  const arabic = await signUp({ locale: "ar" });
  await addMember(csoC, csoC.org.id, arabic);
  const csoP = await orgOwner({ ...csoFields, name: TWIN.group });
  const other = await orgOwner({ ...csoFields, name: `Another group ${uid}` });
  const analyst = await userWithRole("analyst");
  expect(funderC.call.confidential).toBe(true);
  // Enough organisations with public awards that the report's totals are published.
  for (let i = 0; i < 5; i++) {
    const orgId = await insertOrg({ country: "EG" });
    await decided({
      callId: funderP.call.id,
      orgId,
      funderOrgId: funderP.org.id,
      award: { amount: 700_000, date: today() },
      userId: funderP.userId,
    });
  }
  const before = (await report(analyst, "?groupBy=funder")).body;
  const twin = await award(funderP, csoP, funderP.call.id, 1_234_321);
  const conf = await award(funderC, csoC, funderC.call.id, SECRET.amount);
  await disburse(funderP, twin.awardId, 222_111);
  await disburse(funderC, conf.awardId, SECRET.sent);
  w = { funderC, funderP, csoC, csoP, arabic, conf, twin, other, analyst, before };
});

/** Asserts that none of the confidential award's identifying facts are in `text`. */
const absent = (
  where: string,
  text: string,
  opts: { title?: boolean; group?: boolean; funder?: boolean } = {},
) => {
  const { title = true, group = true, funder = true } = opts;
  if (title) expect(text, `${where}: call title`).not.toContain(SECRET.title);
  if (group) expect(text, `${where}: group`).not.toContain(SECRET.group);
  if (funder) expect(text, `${where}: funder`).not.toContain(SECRET.funder);
  expect(text, `${where}: award id`).not.toContain(w.conf.awardId);
  expect(text, `${where}: application id`).not.toContain(w.conf.appId);
  expect(text, `${where}: amount`).not.toMatch(AMOUNT);
  expect(text, `${where}: money sent`).not.toMatch(SENT);
};

describe("public outputs", () => {
  test("the group's ledger leaves the confidential money out for outsiders; the two sides see it", async () => {
    for (const who of [new Client(), w.other, w.funderP]) {
      for (const path of [`/api/v1/orgs/${w.csoC.org.id}/ledger`, `/orgs/${w.csoC.org.id}/ledger`]) {
        const { status, text } = await bytes(who, path);
        expect(status, path).toBe(200);
        absent(path, text, { group: false });
      }
      const api = await who.get(`/api/v1/orgs/${w.csoC.org.id}/ledger`);
      expect(api.body.entries).toEqual([]);
    }
    // The twin: a public award's money is on its group's public ledger, funder named.
    const twin = await bytes(new Client(), `/orgs/${w.csoP.org.id}/ledger`);
    expect(twin.text).toContain(TWIN.funder);
    expect(twin.text).toMatch(/2\D{0,2}221\D{0,2}11/);
    // The two sides and admins still see it.
    const admin = await userWithRole("admin");
    for (const who of [w.csoC, w.funderC, admin]) {
      const own = await who.get(`/api/v1/orgs/${w.csoC.org.id}/ledger`);
      expect(own.body.entries).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            kind: "disbursement",
            awardId: w.conf.awardId,
            amount: usd(SECRET.sent),
          }),
        ]),
      );
    }
  });

  test("the 360Giving export never holds a confidential grant, not even anonymised", async () => {
    const all = await bytes(w.analyst, "/api/v1/exports/360giving.json?limit=5000");
    expect(all.status).toBe(200);
    absent("360giving", all.text);
    expect(all.text).toContain(w.twin.awardId);
    expect(all.text).toContain(TWIN.group);
    expect(all.text).toContain(TWIN.title);
    // Not in the funder's own export either: an export is made to be passed on.
    const own = await bytes(w.funderC, `/api/v1/exports/360giving.json?funderOrgId=${w.funderC.org.id}`);
    expect(own.status).toBe(200);
    expect(JSON.parse(own.text).grants).toEqual([]);
  });

  test("the award page is 404 to outsiders, whole to the two sides; a public award shows its accounting", async () => {
    for (const who of [new Client(), w.other, w.funderP]) {
      const page = await bytes(who, `/awards/${w.conf.awardId}`);
      expect(page.status).toBe(404);
      // (The 404 page's language links repeat the address the caller asked for, so only the rest is searched.)
      absent("award page", page.text.replaceAll(`/awards/${w.conf.awardId}`, "/awards/…"));
      expect((await who.get(`/api/v1/awards/${w.conf.awardId}`)).status).toBeGreaterThanOrEqual(401);
      expect((await who.get(`/api/v1/applications/${w.conf.appId}`)).status).toBeGreaterThanOrEqual(401);
    }
    expect((await bytes(w.other, `/awards/${w.twin.awardId}`)).status).toBe(200);
    for (const side of [w.csoC, w.funderC]) {
      const page = await bytes(side, `/awards/${w.conf.awardId}`);
      expect(page.status).toBe(200);
      expect(page.text).toContain(SECRET.title);
    }
  });

  test("organisation, funder, call, chapter and home pages name no confidential award", async () => {
    const anon = new Client();
    const outputs: [string, { title?: boolean; group?: boolean; funder?: boolean }][] = [
      // The group's own profile is public; the call and its funder must not be on it.
      [`/orgs/${w.csoC.org.id}`, { group: false }],
      [`/api/v1/orgs/${w.csoC.org.id}`, { group: false }],
      // The funder and its (public) call are public; the group and the award must not be on them.
      [`/orgs/${w.funderC.org.id}`, { title: false, funder: false }],
      [`/api/v1/orgs/${w.funderC.org.id}`, { title: false, funder: false }],
      [`/api/v1/orgs/${w.funderC.org.id}/calls`, { title: false, funder: false }],
      [`/api/v1/funders/${w.funderC.org.id}/ratings`, { title: false, funder: false }],
      [`/calls/${w.funderC.call.id}`, { title: false, funder: false }],
      [`/api/v1/calls/${w.funderC.call.id}`, { title: false, funder: false }],
      [`/api/v1/calls?limit=100`, { title: false, funder: false }],
      [`/calls`, { title: false, funder: false }],
      // A chapter page lists the country's open calls, the confidential one among them (the call is public).
      [`/chapters/EG`, { title: false, funder: false }],
      [`/api/v1/chapters/EG`, { title: false, funder: false }],
      [`/`, { title: false, funder: false }],
    ];
    for (const who of [anon, w.other]) {
      for (const [path, opts] of outputs) {
        const { status, text } = await bytes(who, path);
        expect(status, path).toBeLessThan(500);
        absent(path, text, opts);
      }
      // Only the funder's members see the call's applications.
      expect(
        (await who.get(`/api/v1/calls/${w.funderC.call.id}/applications`)).status,
      ).toBeGreaterThanOrEqual(401);
    }
  });

  test("another funder ranking groups for its call does not read the confidential grant in the equity boost", async () => {
    const res = await bytes(w.funderP, `/api/v1/calls/${w.funderP.call.id}/matches?limit=100`);
    expect(res.status).toBe(200);
    const items = JSON.parse(res.text).items as { org: { id: string }; reasons: unknown }[];
    const mine = items.find((m) => m.org.id === w.csoC.org.id);
    expect(mine).toBeDefined();
    absent("matches", JSON.stringify(mine), { group: false });
    expect(JSON.stringify(mine)).toContain("no funding received through Sanad yet");
    // The twin's public award is in its "little funding received" reason.
    const twin = items.find((m) => m.org.id === w.csoP.org.id);
    expect(JSON.stringify(twin)).toMatch(/12\D{0,2}343\D{0,2}21/);
    const page = await bytes(w.funderP, `/calls/${w.funderP.call.id}/matches`);
    absent("matches page", page.text, { group: false });
  });

  test("writing to a group is for funded groups: a confidential award does not count, a public one does", async () => {
    const anon = new Client();
    const toC = await anon.post(`/api/v1/orgs/${w.csoC.org.id}/feedback`, {
      text: "Thank you for your work.",
    });
    const toP = await anon.post(`/api/v1/orgs/${w.csoP.org.id}/feedback`, {
      text: "Thank you for your work.",
    });
    expect(toC.status).toBe(422);
    expect(toP.status).toBe(202);
  });
});

describe("the equity report", () => {
  test("counts the confidential award in its totals but names no funder, call or group for it", async () => {
    const after = (await report(w.analyst, "?groupBy=funder")).body;
    expect(w.before.totals.suppressed).toBe(false);
    expect(after.totals.awards).toBe(w.before.totals.awards + 2);
    expect(after.totals.amount).toBe(w.before.totals.amount + SECRET.amount + 1_234_321);
    // One group's worth of organisations is under k: how many is withheld.
    expect(after.confidential).toEqual({ count: null, suppressed: true });
    const keys = after.groups.map((g: { key: string }) => g.key);
    expect(keys).toContain(w.funderP.org.id);
    expect(keys).not.toContain(w.funderC.org.id);
    expect(after.groups.find((g: { key: string }) => g.key === "confidential")).toMatchObject({
      suppressed: true,
      awards: null,
      amount: null,
    });
    for (const who of [new Client(), w.analyst]) {
      for (const path of [
        "/api/v1/reports/equity?groupBy=funder",
        "/api/v1/reports/equity?groupBy=country",
        "/api/v1/reports/equity",
        "/api/v1/reports/equity.csv?groupBy=funder",
        "/reports?groupBy=funder",
        "/reports?groupBy=fundingType",
      ]) {
        const { status, text } = await bytes(who, path);
        expect(status, path).toBe(200);
        absent(path, text);
        expect(text).not.toContain(w.funderC.org.id);
      }
    }
    // The unfiltered total is read from the rollup: it counts the award too.
    const plain = (await report(new Client())).body;
    expect(plain.totals.awards).toBe(after.totals.awards);
  });

  test("says how many confidential awards it counts once they went to k organisations", async () => {
    const base = (await report(w.analyst)).body;
    for (let i = 0; i < 4; i++) {
      const orgId = await insertOrg({ country: "TN" });
      await decided({
        callId: w.funderC.call.id,
        orgId,
        funderOrgId: w.funderC.org.id,
        award: { amount: 600_000, date: today() },
        userId: w.funderC.userId,
      });
    }
    const after = (await report(w.analyst, "?groupBy=funder")).body;
    expect(after.totals.awards).toBe(base.totals.awards + 4);
    expect(after.confidential).toEqual({ count: 5, suppressed: false });
    // The folded group is published like any group of k organisations, under a neutral label.
    const folded = after.groups.find((g: { key: string }) => g.key === "confidential");
    expect(folded).toMatchObject({ suppressed: false, awards: 5 });
    expect(folded.label).not.toContain(SECRET.funder);
    const page = await bytes(new Client(), "/reports?groupBy=funder");
    expect(page.text).toContain("Confidential calls");
    expect(page.text).toContain("Includes 5 awards from confidential calls");
    absent("/reports", page.text);
  });
});

describe("mail", () => {
  test("a report reminder for a confidential award is neutral, in the reader's language; a public one is not", async () => {
    for (const [funder, awardId, amount] of [
      [w.funderC, w.conf.awardId, SECRET.amount],
      [w.funderP, w.twin.awardId, 1_234_321],
    ] as const) {
      const res = await funder.json("PUT", `/api/v1/awards/${awardId}/tranches`, {
        tranches: [
          { dueOn: today(), amount: usd(amount - 500_000) },
          { dueOn: inDays(5), amount: usd(500_000), afterReport: true },
        ],
      });
      expect(res.status).toBe(200);
    }
    await runCron();
    const mail = await latestMail(w.csoC.email);
    expect(mail.kind).toBe("report_due_soon");
    expect(mail.subject).toBe("You have a new message on Sanad");
    expect(mail.text).toContain("You have a new message on Sanad — sign in to read it.");
    expect(mail.text).toContain("/me");
    const all = `${mail.subject}\n${mail.text}`;
    absent("mail", all);
    expect(all).not.toMatch(/grant|award|emergency|report|rapid|urgent/i);
    expect(all).not.toContain(w.csoC.org.id);
    const ar = await latestMail(w.arabic.email);
    expect(ar.subject).toBe("لديك رسالة جديدة على سند");
    absent("mail (ar)", `${ar.subject}\n${ar.text}`);
    // The twin's group gets the ordinary reminder, with its link to the award.
    const twin = await latestMail(w.csoP.email);
    expect(twin.subject).toBe("A short report is due soon");
    expect(twin.text).toContain(`/awards/${w.twin.awardId}/reports/new`);
  });
});

describe("cost", () => {
  test("the confidential count starts from the calls and reads awards by their application id", async () => {
    const q = confidentialQuery({ from: "2020-01-01", fundingType: "core" });
    const plan = await env.DB.prepare(`EXPLAIN QUERY PLAN ${q.text}`)
      .bind(...q.params)
      .all<{ detail: string }>();
    const details = plan.results.map((r) => r.detail).join("\n");
    expect(details).toMatch(/SEARCH ap USING (COVERING )?INDEX/);
    expect(details).toMatch(/SEARCH a USING INDEX/);
    expect(details).not.toMatch(/SCAN a\b/);
  });
});
