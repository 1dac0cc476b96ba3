// Non-cash offers (training seats, mentoring hours, travel, in-kind help, legal aid): posted as calls by
// funders and by trusted civil-society groups, matched and applied for like any call, awarded without
// money, and counted apart from money in the equity report (never in 360Giving).
import { env } from "cloudflare:workers";
import { describe, expect, test } from "vitest";
import { Client, workerWith } from "../helpers/client";
import { orgOwner, csoFields, funderFields, addMember, signUp, userWithRole } from "../helpers/world";
import { callBody, funderWithCall } from "../helpers/calls";
import { insertOrg, decided } from "../helpers/equity";

const paths = (body: { errors?: { path: string }[] }) => (body.errors ?? []).map((e) => e.path).sort();

const { grant: _money, ...noGrant } = callBody("x");
/** A call body offering 12 training seats, with no grant. */
const offerBody = (orgId: string, over: Record<string, unknown> = {}) => ({
  ...noGrant,
  funderOrgId: orgId,
  title: "Digital security training",
  fundingType: "non_cash",
  offer: { what: "training", quantity: 12 },
  ...over,
});

const offerCall = async (over: Record<string, unknown> = {}) =>
  funderWithCall({
    fundingType: "non_cash",
    grant: undefined,
    offer: { what: "training", quantity: 12 },
    ...over,
  });

const goodAnswers = {
  change: "Girls in our villages finish school.",
  q1: "Rent for our literacy room and transport for volunteers.",
};

/** An applicant whose profile fits callBody's eligibility, with a submitted application to the call. */
const submitted = async (callId: string) => {
  const cso = await orgOwner(csoFields);
  const app = await cso.post(`/api/v1/calls/${callId}/applications`, { orgId: cso.org.id });
  expect(app.status).toBe(201);
  const saved = await cso.patch(`/api/v1/applications/${app.body.id}`, { version: 1, answers: goodAnswers });
  expect(saved.status).toBe(200);
  const sent = await cso.post(`/api/v1/applications/${app.body.id}/submit`);
  expect(sent.status, JSON.stringify(sent.body)).toBe(200);
  return { cso, appId: app.body.id as string };
};

describe("posting an offer", () => {
  test("a funder posts one: offer required, grant optional (null), shown with the offer", async () => {
    const funder = await orgOwner(funderFields);
    const created = await funder.post("/api/v1/calls", offerBody(funder.org.id));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      fundingType: "non_cash",
      offer: { what: "training", quantity: 12 },
      grant: null,
    });
    const row = await env.DB.prepare(
      "SELECT grant_min_amount, grant_max_amount, grant_currency, offer_what, offer_quantity FROM calls WHERE id = ?",
    )
      .bind(created.body.id)
      .first();
    expect(row).toEqual({
      grant_min_amount: 0,
      grant_max_amount: 0,
      grant_currency: "USD",
      offer_what: "training",
      offer_quantity: 12,
    });
    const withValue = await funder.post(
      "/api/v1/calls",
      offerBody(funder.org.id, { grant: callBody("x").grant }),
    );
    expect(withValue.status).toBe(201);
    expect(withValue.body.grant).toEqual(callBody("x").grant);
  });

  test("field errors: offer missing or bad on a non-cash call, offer refused and grant required on a money call", async () => {
    const funder = await orgOwner(funderFields);
    const missing = await funder.post("/api/v1/calls", offerBody(funder.org.id, { offer: undefined }));
    expect(missing.status).toBe(400);
    expect(paths(missing.body)).toEqual(["offer"]);
    const bad = await funder.post(
      "/api/v1/calls",
      offerBody(funder.org.id, { offer: { what: "cash", quantity: 0 } }),
    );
    expect(bad.status).toBe(400);
    expect(paths(bad.body)).toEqual(["offer.quantity", "offer.what"]);
    const tooMany = await funder.post(
      "/api/v1/calls",
      offerBody(funder.org.id, { offer: { what: "mentoring", quantity: 10_001 } }),
    );
    expect(paths(tooMany.body)).toEqual(["offer.quantity"]);
    const moneyWithOffer = await funder.post(
      "/api/v1/calls",
      callBody(funder.org.id, { offer: { what: "training", quantity: 3 } }),
    );
    expect(moneyWithOffer.status).toBe(400);
    expect(paths(moneyWithOffer.body)).toEqual(["offer"]);
    const moneyWithoutGrant = await funder.post("/api/v1/calls", { ...noGrant, funderOrgId: funder.org.id });
    expect(paths(moneyWithoutGrant.body)).toEqual(["grant"]);
  });

  test("a verified CSO's owner may post and publish an offer; not a money call; an unverified CSO may not", async () => {
    const cso = await orgOwner(csoFields, { verified: true });
    const created = await cso.post(
      "/api/v1/calls",
      offerBody(cso.org.id, { offer: { what: "legal_aid", quantity: 20 } }),
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect((await cso.post(`/api/v1/calls/${created.body.id}/publish`)).status).toBe(200);

    const money = await cso.post("/api/v1/calls", callBody(cso.org.id));
    expect(money.status).toBe(403);
    // An admin posting a money call for the group is told it is not a funder.
    const admin = await userWithRole("admin");
    const forGroup = await admin.post("/api/v1/calls", callBody(cso.org.id));
    expect(forGroup.status).toBe(422);
    expect(paths(forGroup.body)).toEqual(["funderOrgId"]);

    const unverified = await orgOwner(csoFields);
    const refused = await unverified.post("/api/v1/calls", offerBody(unverified.org.id));
    expect(refused.status).toBe(403);
    expect(paths(refused.body)).toEqual(["funderOrgId"]);
    expect(
      await env.DB.prepare("SELECT count(*) AS n FROM calls WHERE funder_org_id = ?")
        .bind(unverified.org.id)
        .first("n"),
    ).toBe(0);

    // Trust level 3 (confirmed by the country chapter) is enough without the platform's own check.
    await env.DB.prepare("UPDATE orgs SET trust_level = 3 WHERE id = ?").bind(unverified.org.id).run();
    expect((await unverified.post("/api/v1/calls", offerBody(unverified.org.id))).status).toBe(201);
  });

  test("the call form: a verified group's owner posts an offer with no grant; a missing kind is shown on its field", async () => {
    const cso = await orgOwner(csoFields, { verified: true });
    expect((await cso.page("/calls/new")).html).toContain('name="offerWhat"');
    const form = {
      funderOrgId: cso.org.id,
      title: "Mentoring for new treasurers",
      summary: "Ten hours of mentoring on bookkeeping for young groups.",
      languages: "ar, fr",
      themes: ["livelihoods"],
      fundingType: "non_cash",
      offerQuantity: "10",
      durationMonths: "3",
      deadline: "2099-06-30T18:00",
      q1_label: "What do you need help with?",
      q1_max: "600",
    };
    const bad = await cso.form("/calls/new", form);
    expect(bad.status).toBe(400);
    expect(bad.html).toMatch(/id="offerWhat-error"/);
    const ok = await cso.form("/calls/new", { ...form, offerWhat: "mentoring" });
    expect(ok.status).toBe(303);
    const id = ok.headers.get("location")!.split("/").pop()!;
    expect((await cso.get(`/api/v1/calls/${id}`)).body).toMatchObject({
      funderOrgId: cso.org.id,
      grant: null,
      offer: { what: "mentoring", quantity: 10 },
    });
  });

  test("a CSO's plain member may not post for it; an outsider may not either", async () => {
    const cso = await orgOwner(csoFields, { verified: true });
    const member = await signUp();
    await addMember(cso, cso.org.id, member);
    expect((await member.post("/api/v1/calls", offerBody(cso.org.id))).status).toBe(403);
    const outsider = await orgOwner(csoFields, { verified: true });
    expect((await outsider.post("/api/v1/calls", offerBody(cso.org.id))).status).toBe(403);
    expect((await new Client().post("/api/v1/calls", offerBody(cso.org.id))).status).toBe(401);
  });
});

describe("finding and applying", () => {
  test("the calls list filters non-cash offers; matching lists one with its reasons and the offer", async () => {
    const funder = await offerCall();
    const money = await funderWithCall();
    const list = await new Client().get("/api/v1/calls?fundingType=non_cash&limit=100");
    expect(list.status).toBe(200);
    const ids = list.body.items.map((c: { id: string }) => c.id);
    expect(ids).toContain(funder.call.id);
    expect(ids).not.toContain(money.call.id);
    expect(list.body.items.every((c: { fundingType: string }) => c.fundingType === "non_cash")).toBe(true);
    expect(list.body.items.find((c: { id: string }) => c.id === funder.call.id)).toMatchObject({
      offer: { what: "training", quantity: 12 },
      grant: null,
    });

    const cso = await orgOwner(csoFields);
    const matches = await cso.get(`/api/v1/orgs/${cso.org.id}/matches?limit=100`);
    expect(matches.status).toBe(200);
    const mine = matches.body.items.find((m: { call: { id: string } }) => m.call.id === funder.call.id);
    expect(mine).toMatchObject({
      eligible: true,
      call: { offer: { what: "training", quantity: 12 }, grant: null },
    });
    expect(mine.reasons.find((r: { criterion: string }) => r.criterion === "country")).toMatchObject({
      met: true,
    });

    const page = await new Client().page(`/calls/${funder.call.id}`);
    expect(page.html).toContain("12 training seats");
    const fr = await new Client().page(`/calls/${funder.call.id}?lang=fr`);
    expect(fr.status).toBe(200);
  });

  test("apply without an amount; an amount is refused; award a quantity → no money, no tranches", async () => {
    const funder = await offerCall();
    const { cso, appId } = await submitted(funder.call.id);

    const withAmount = await funder.post(`/api/v1/applications/${appId}/decision`, {
      decision: "award",
      amount: { amount: 100_000, currency: "USD" },
    });
    expect(withAmount.status).toBe(422);
    expect(paths(withAmount.body)).toEqual(["amount"]);
    const tooMany = await funder.post(`/api/v1/applications/${appId}/decision`, {
      decision: "award",
      quantity: 13,
    });
    expect(paths(tooMany.body)).toEqual(["quantity"]);

    const award = await funder.post(`/api/v1/applications/${appId}/decision`, {
      decision: "award",
      quantity: 3,
    });
    expect(award.status, JSON.stringify(award.body)).toBe(200);
    const row = await env.DB.prepare(
      "SELECT id, amount, currency, amount_usd, funding_type FROM awards WHERE application_id = ?",
    )
      .bind(appId)
      .first<{ id: string }>();
    expect(row).toMatchObject({ amount: 3, currency: "XXX", amount_usd: 0, funding_type: "non_cash" });
    expect(
      await env.DB.prepare("SELECT funding_received_usd AS n FROM orgs WHERE id = ?")
        .bind(cso.org.id)
        .first("n"),
    ).toBe(0);

    const view = await cso.get(`/api/v1/awards/${row!.id}`);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({
      fundingType: "non_cash",
      offer: { what: "training", quantity: 3 },
      tranches: [],
    });
    expect(
      await env.DB.prepare("SELECT count(*) AS n FROM tranches WHERE award_id = ?").bind(row!.id).first("n"),
    ).toBe(0);

    const plan = await funder.json("PUT", `/api/v1/awards/${row!.id}/tranches`, {
      tranches: [{ dueOn: "2031-01-01", amount: { amount: 100, currency: "USD" } }],
    });
    expect(plan.status).toBe(422);
    expect(paths(plan.body)).toEqual(["tranches"]);
    const sent = await funder.post(`/api/v1/awards/${row!.id}/disbursements`, {
      amount: { amount: 100, currency: "USD" },
      sentOn: new Date().toISOString().slice(0, 10),
      rail: "bank",
      reference: "UBA/2026/778812",
    });
    expect(sent.status).toBe(422);
    expect(paths(sent.body)).toEqual(["amount"]);

    const page = await cso.page(`/awards/${row!.id}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain("3 training seats");
    expect(page.html).not.toContain("XXX");
  });

  test("a requested amount on a non-cash application blocks its submission, naming the field", async () => {
    const funder = await offerCall();
    const cso = await orgOwner(csoFields);
    const app = await cso.post(`/api/v1/calls/${funder.call.id}/applications`, { orgId: cso.org.id });
    await cso.patch(`/api/v1/applications/${app.body.id}`, {
      version: 1,
      answers: goodAnswers,
      requestedAmount: { amount: 100_000, currency: "USD" },
    });
    const sent = await cso.post(`/api/v1/applications/${app.body.id}/submit`);
    expect(sent.status).toBe(422);
    expect(paths(sent.body)).toEqual(["requestedAmount"]);
  });
});

describe("the equity report and 360Giving", () => {
  /** Money awards to two groups, and non-cash awards (via the decision route) to `nonCash` groups, in year Y. */
  const world = async (year: string, nonCash: number) => {
    const funder = await funderWithCall();
    const offer = await funder.post(
      "/api/v1/calls",
      offerBody(funder.org.id, { offer: { what: "mentoring", quantity: 40 } }),
    );
    await funder.post(`/api/v1/calls/${offer.body.id}/publish`);
    const date = `${year}-05-02`;
    const base = { funderOrgId: funder.org.id, userId: funder.userId };
    for (const country of ["SN", "KE"])
      await decided({
        ...base,
        callId: funder.call.id,
        orgId: await insertOrg({ country }),
        award: { amount: 100_000, date, fundingType: "project" },
      });
    for (let i = 0; i < nonCash; i++) {
      const orgId = await insertOrg({ country: "SN" });
      await decided({
        ...base,
        callId: offer.body.id,
        orgId,
        award: { amount: 5, currency: "XXX", usd: 0, date },
      });
      await env.DB.prepare("UPDATE awards SET funding_type = 'non_cash' WHERE org_id = ?").bind(orgId).run();
    }
    return { funder, offerId: offer.body.id as string };
  };
  const k2 = () => new Client(workerWith({ EQUITY_K: "2" }));

  test("non-cash awards leave money figures unchanged and are counted apart, per kind", async () => {
    await world("2042", 3);
    const r = (await k2().get("/api/v1/reports/equity?from=2042-01-01&to=2042-12-31&groupBy=country")).body;
    expect(r.totals).toMatchObject({ awards: 2, recipients: 2, amount: 200_000, applications: 2 });
    // Senegal has one money recipient and three non-cash ones: under k = 2 it is withheld, as the three
    // are in no money figure (nor in the organisations counted for the k-rule).
    const groups = Object.fromEntries(r.groups.map((g: { key: string }) => [g.key, g]));
    expect(groups.SN).toMatchObject({ suppressed: true, amount: null });
    expect(r.nonCash).toEqual({
      awards: 3,
      organisations: 3,
      byKind: { training: 0, mentoring: 3, travel: 0, in_kind: 0, legal_aid: 0 },
      suppressed: false,
    });
    const project = (
      await k2().get("/api/v1/reports/equity?from=2042-01-01&to=2042-12-31&fundingType=project")
    ).body;
    expect(project.nonCash.awards).toBe(0);
    expect(project.totals.awards).toBe(2);
  });

  test("suppression under k: fewer organisations than k → counts null", async () => {
    await world("2043", 1);
    const r = (await k2().get("/api/v1/reports/equity?from=2043-01-01&to=2043-12-31")).body;
    expect(r.nonCash).toEqual({ awards: null, organisations: null, byKind: null, suppressed: true });
    expect(r.totals.awards).toBe(2);
  });

  test("the unfiltered (rollup) report agrees with the events: non-cash awards and applications taken out", async () => {
    const { equityData } = await import("../../worker/db/equity");
    const { loadFxTable } = await import("../../worker/db/fx");
    const { createDb } = await import("../../worker/db/client");
    await world("2044", 2);
    const db = createDb(env.DB);
    const fx = await loadFxTable(db);
    const rollup = await equityData(db, {}, "country", fx);
    const live = await equityData(db, {}, "country", fx, { useRollup: false });
    expect(rollup.totals).toEqual(live.totals);
    expect(rollup.groups).toEqual(live.groups);
    expect(rollup.recipients.length).toBe(live.recipients.length);
  });

  test("360Giving leaves non-cash awards out", async () => {
    const { funder, offerId } = await world("2045", 2);
    // The funder's own members may narrow to their funder.
    const own = await funder.get(
      `/api/v1/exports/360giving.json?from=2045-01-01&to=2045-12-31&funderOrgId=${funder.org.id}`,
    );
    expect(own.status).toBe(200);
    expect(own.body.grants).toHaveLength(2);
    expect(JSON.stringify(own.body)).not.toContain(offerId);
    expect(own.body.grants.every((g: { amountAwarded: number }) => g.amountAwarded === 1000)).toBe(true);
  });
});
