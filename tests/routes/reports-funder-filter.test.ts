// Public accounting per funder: anyone may narrow the equity report to a public funder (or one of its
// calls) under the same k-rule; a hidden or funders-only funder, a confidential call and an id that does
// not exist answer alike to everyone but the funder's members, analysts and admins; and a public account
// leaves the funder's confidential awards out, so the filter does not single them out.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, test } from "vitest";
import { Client, refusal, workerWith } from "../helpers/client";
import { userWithRole, orgOwner, funderFields } from "../helpers/world";
import { funderWithCall, callBody } from "../helpers/calls";
import { insertOrg, decided } from "../helpers/equity";
import { reportFilterScope, type Viewer } from "../../worker/domain/permissions";

const YEAR = "2061";
const period = `from=${YEAR}-01-01&to=${YEAR}-12-31`;
const date = `${YEAR}-04-10`;
const k2 = () => new Client(workerWith({ EQUITY_K: "2" }));
/** The same person, asking a Worker whose k is 2. */
const withK2 = (c: Client) => Object.assign(k2(), { cookies: c.cookies, token: c.token, ip: c.ip });
const setVisibility = (orgId: string, visibility: string) =>
  env.DB.prepare("UPDATE orgs SET visibility = ? WHERE id = ?").bind(visibility, orgId).run();

type Funder = Awaited<ReturnType<typeof funderWithCall>>;
let pub: Funder;
let confidentialCallId: string;
let hidden: Funder;
let fundersOnly: Funder;
let onlyConfidential: Funder;

/** Awards of `amounts` (US cents) from the funder's call to new organisations in `country`, plus one declined application. */
const give = async (f: Funder, callId: string, amounts: number[], country = "SN") => {
  for (const amount of amounts)
    await decided({
      callId,
      funderOrgId: f.org.id,
      userId: f.userId,
      orgId: await insertOrg({ country }),
      award: { amount, date, fundingType: "project" },
    });
};

beforeAll(async () => {
  // The public funder: three awards in public (two in Senegal, one in Kenya) and one declined
  // application; two confidential awards (to two groups: enough for k = 2 in the whole report).
  pub = await funderWithCall();
  await give(pub, pub.call.id, [100_000, 200_000]);
  await give(pub, pub.call.id, [300_000], "KE");
  await decided({
    callId: pub.call.id,
    funderOrgId: pub.org.id,
    userId: pub.userId,
    orgId: await insertOrg({ country: "SN" }),
    declinedOn: date,
  });
  const second = await pub.post("/api/v1/calls", callBody(pub.org.id, { title: "Rapid help" }));
  await pub.post(`/api/v1/calls/${second.body.id}/publish`);
  confidentialCallId = second.body.id;
  await env.DB.prepare("UPDATE calls SET confidential = 1 WHERE id = ?").bind(confidentialCallId).run();
  await give(pub, confidentialCallId, [40_000, 60_000]);

  hidden = await funderWithCall();
  await give(hidden, hidden.call.id, [500_000, 500_000]);
  await setVisibility(hidden.org.id, "hidden");
  fundersOnly = await funderWithCall();
  await give(fundersOnly, fundersOnly.call.id, [700_000, 700_000]);
  await setVisibility(fundersOnly.org.id, "funders_only");
  // A public funder whose only awards are confidential: the page must not list (name) it for them.
  onlyConfidential = await funderWithCall();
  await env.DB.prepare("UPDATE calls SET confidential = 1 WHERE id = ?").bind(onlyConfidential.call.id).run();
  await give(onlyConfidential, onlyConfidential.call.id, [10_000, 20_000]);
});

describe("anyone may read a public funder's account", () => {
  test("anonymous: the figures are the funder's public awards, counted by hand", async () => {
    const r = await k2().get(`/api/v1/reports/equity?${period}&funderOrgId=${pub.org.id}`);
    expect(r.status).toBe(200);
    expect(r.body.publicOnly).toBe(true);
    expect(r.body.totals).toMatchObject({
      amount: 600_000,
      awards: 3,
      recipients: 3,
      applications: 4,
      suppressed: false,
    });
    // The funder's confidential awards are not in it at all, not even as a count.
    expect(r.body.confidential).toEqual({ count: 0, suppressed: false });
    const byCall = await k2().get(`/api/v1/reports/equity?${period}&callId=${pub.call.id}`);
    expect(byCall.status).toBe(200);
    expect(byCall.body.totals.amount).toBe(600_000);
  });

  test("the funder's members, analysts and admins see its whole giving, confidential awards counted", async () => {
    for (const who of [withK2(await userWithRole("analyst")), withK2(pub)]) {
      const r = await who.get(`/api/v1/reports/equity?${period}&funderOrgId=${pub.org.id}`);
      expect(r.status).toBe(200);
      expect(r.body.publicOnly).toBe(false);
      expect(r.body.totals.amount).toBe(700_000);
      expect(r.body.confidential).toEqual({ count: 2, suppressed: false });
    }
  });

  test("the k-rule applies under the filter: per table, and to the whole account", async () => {
    // Default k = 5: three recipients are too few for any figure.
    const small = await new Client().get(`/api/v1/reports/equity?${period}&funderOrgId=${pub.org.id}`);
    expect(small.status).toBe(200);
    expect(small.body.totals).toMatchObject({ amount: null, awards: null, suppressed: true });
    // k = 2: Kenya's one recipient is withheld.
    const byCountry = await k2().get(
      `/api/v1/reports/equity?${period}&funderOrgId=${pub.org.id}&groupBy=country`,
    );
    const ke = byCountry.body.groups.find((g: { key: string }) => g.key === "KE");
    expect(ke).toMatchObject({ suppressed: true, amount: null, awards: null });
  });

  test("a confidential call of a public funder is not a public account; grouped by funder nothing is folded in", async () => {
    const byFunder = await k2().get(
      `/api/v1/reports/equity?${period}&funderOrgId=${pub.org.id}&groupBy=funder`,
    );
    const keys = byFunder.body.groups.map((g: { key: string }) => g.key);
    expect(keys).toEqual([pub.org.id]);
    const conf = await k2().get(`/api/v1/reports/equity?${period}&callId=${confidentialCallId}`);
    const none = await k2().get(`/api/v1/reports/equity?${period}&callId=call-that-does-not-exist`);
    expect(conf.status).toBe(401);
    expect(strip(conf.body, confidentialCallId)).toEqual(strip(none.body, "call-that-does-not-exist"));
  });

  test("the 360Giving export takes the same filter", async () => {
    const r = await new Client().get(`/api/v1/exports/360giving.json?${period}&funderOrgId=${pub.org.id}`);
    expect(r.status).toBe(200);
    expect(r.body.grants).toHaveLength(3);
  });
});

/** A problem document with the asked-for id taken out, for comparing refusals. */
const strip = (body: unknown, id: string) => JSON.parse(JSON.stringify(refusal(body)).replaceAll(id, "ID"));

describe("hidden and funders-only funders answer like funders that do not exist", () => {
  const ask = (c: Client, id: string) => c.get(`/api/v1/reports/equity?${period}&funderOrgId=${id}`);

  test("anonymous and another organisation's members get the same refusal for all three", async () => {
    const stranger = await orgOwner(funderFields);
    for (const who of [new Client(), stranger]) {
      const missing = await ask(who, "org-that-does-not-exist");
      expect(missing.status).toBe(who === stranger ? 403 : 401);
      expect(missing.body.errors[0].path).toBe("funderOrgId");
      for (const id of [hidden.org.id, fundersOnly.org.id]) {
        const r = await ask(who, id);
        expect(r.status).toBe(missing.status);
        expect(strip(r.body, id)).toEqual(strip(missing.body, "org-that-does-not-exist"));
      }
    }
    // A verified funder's member may see funders-only organisations, but not filter by them.
    const verified = await orgOwner(funderFields, { verified: true });
    expect((await ask(verified, fundersOnly.org.id)).status).toBe(403);
  });

  test("the hidden funder's own members, analysts and admins may filter by it", async () => {
    const expected = 1_000_000;
    for (const who of [hidden, await userWithRole("analyst"), await userWithRole("admin")]) {
      const r = await ask(who, hidden.org.id);
      expect(r.status).toBe(200);
      // Default k = 5 withholds two recipients' figures; the answer is a report, not a refusal.
      expect(r.body.totals.suppressed).toBe(true);
    }
    expect((await ask(withK2(hidden), hidden.org.id)).body.totals.amount).toBe(expected);
  });
});

describe("the page", () => {
  test("offers public funders to anyone and a funder's own hidden self to its members", async () => {
    const anon = await new Client().page("/reports");
    expect(anon.status).toBe(200);
    expect(anon.html).toContain(`<option value="${pub.org.id}"`);
    expect(anon.html).not.toContain(hidden.org.id);
    expect(anon.html).not.toContain(fundersOnly.org.id);
    expect(anon.html).not.toContain(onlyConfidential.org.id);
    const own = await hidden.page("/reports");
    expect(own.html).toContain(`<option value="${hidden.org.id}"`);
    expect(own.html).not.toContain(fundersOnly.org.id);
  });

  test("a public account says that confidential awards and anonymous pledges are left out", async () => {
    const r = await k2().page(`/reports?${period}&funderOrgId=${pub.org.id}`);
    expect(r.status).toBe(200);
    expect(r.html).toContain("confidential calls and its anonymous pledges are left out");
    expect((await withK2(pub).page(`/reports?${period}&funderOrgId=${pub.org.id}`)).html).not.toContain(
      "anonymous pledges are left out",
    );
  });
});

describe("reportFilterScope, the rule itself", () => {
  const viewer = (over: Partial<Viewer>): Viewer => ({
    userId: "u",
    email: "u@example.org",
    emailVerified: true,
    name: "U",
    locale: "en",
    timeZone: null,
    platformRole: "user",
    memberships: [],
    twoFactor: false,
    ...over,
  });
  const member = viewer({
    memberships: [{ orgId: "f-hidden", orgKind: "funder", role: "member", orgVerified: true }],
  });
  const hiddenFunder = { id: "f-hidden", visibility: "hidden" as const };
  const publicFunder = { id: "f-public", visibility: "public" as const };

  test("public funders and their published, non-confidential calls are anyone's; the rest only their own", () => {
    expect(reportFilterScope(null, publicFunder)).toBe("public");
    expect(reportFilterScope(null, publicFunder, { status: "open", confidential: false })).toBe("public");
    expect(reportFilterScope(null, publicFunder, { status: "open", confidential: true })).toBeNull();
    expect(reportFilterScope(null, publicFunder, { status: "draft", confidential: false })).toBeNull();
    expect(reportFilterScope(null, hiddenFunder)).toBeNull();
    expect(reportFilterScope(null, { id: "f-fo", visibility: "funders_only" })).toBeNull();
    expect(reportFilterScope(null, null)).toBeNull();
    expect(reportFilterScope(member, hiddenFunder, { status: "draft", confidential: true })).toBe("all");
    expect(reportFilterScope(member, publicFunder)).toBe("public");
    expect(reportFilterScope(viewer({ platformRole: "analyst" }), hiddenFunder)).toBe("all");
    expect(reportFilterScope(viewer({ platformRole: "admin" }), null)).toBe("all");
  });
});
