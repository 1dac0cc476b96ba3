// The equity report, its CSV and the 360Giving export, over HTTP against real D1: figures checked by
// hand, suppression, hidden organisations, currency conversion, filters, who may ask for what.
import { env } from "cloudflare:workers";
import { describe, expect, test } from "vitest";
import { Validator } from "@cfworker/json-schema";
import { Client, workerWith } from "../helpers/client";
import { userWithRole, funderFields, orgOwner } from "../helpers/world";
import { funderWithCall } from "../helpers/calls";
import { insertOrg, decided } from "../helpers/equity";
import grantSchema from "../../schema/data/360giving/360-giving-schema.json";
import packageSchema from "../../schema/data/360giving/360-giving-package-schema.json";

type Group = {
  key: string;
  label: string;
  amount: number | null;
  share: number | null;
  successRate: number | null;
  adverseImpactRatio: number | null;
  flagged: boolean | null;
  suppressed: boolean;
  recipients: number | null;
};
const groupsOf = (body: { [k: string]: any }) =>
  Object.fromEntries((body.groups as Group[]).map((g) => [g.key, g]));

/** Six recipients in year Y, k = 2: three unregistered women-led groups in Senegal, two registered youth-led in Kenya, one registered in the Netherlands. */
const sixRecipients = async (year: string) => {
  const funder = await funderWithCall();
  const other = await funder.post("/api/v1/calls", {
    ...(await import("../helpers/calls")).callBody(funder.org.id, {
      fundingType: "project",
      title: "Second call",
    }),
  });
  await funder.post(`/api/v1/calls/${other.body.id}/publish`);
  const sn = await Promise.all(
    [1, 2, 3].map(() =>
      insertOrg({ country: "SN", legalStatus: "unregistered", ledBy: ["women"], budgetUsd: 20_000 }),
    ),
  );
  const ke = await Promise.all(
    [1, 2].map(() =>
      insertOrg({ country: "KE", legalStatus: "registered", ledBy: ["youth"], budgetUsd: 120_000 }),
    ),
  );
  const nl = await insertOrg({ country: "NL", legalStatus: "registered", budgetUsd: 900_000 });
  const base = { funderOrgId: funder.org.id, userId: funder.userId };
  const date = `${year}-03-15`;
  for (const o of sn) {
    await decided({
      ...base,
      callId: funder.call.id,
      orgId: o,
      award: { amount: 100_000, date, fundingType: "project" },
    });
    await decided({ ...base, callId: other.body.id, orgId: o, declinedOn: date });
  }
  for (const o of ke)
    await decided({
      ...base,
      callId: funder.call.id,
      orgId: o,
      award: { amount: 200_000, date, fundingType: "project" },
    });
  await decided({
    ...base,
    callId: funder.call.id,
    orgId: nl,
    award: { amount: 300_000, date, fundingType: "core" },
  });
  return { funder, orgs: { sn, ke, nl } };
};

const k2 = () => new Client(workerWith({ EQUITY_K: "2" }));

describe("the measures, against hand-computed values", () => {
  test("totals, shares, Gini, HHI; success rates and adverse impact by legal status", async () => {
    await sixRecipients("2031");
    const r = await k2().get("/api/v1/reports/equity?from=2031-01-01&to=2031-12-31&groupBy=legalStatus");
    expect(r.status).toBe(200);
    const b = r.body;
    expect(b).toMatchObject({
      basisCurrency: "USD",
      k: 2,
      filters: { from: "2031-01-01", to: "2031-12-31", groupBy: "legalStatus", funderOrgId: null },
    });
    expect(Date.parse(b.asOf)).toBeGreaterThan(Date.now() - 60_000);
    expect(b.totals).toEqual({
      amount: 1_000_000,
      awards: 6,
      recipients: 6,
      applications: 9,
      unconvertedAwards: 0,
      suppressed: false,
      // Nothing disbursed yet in this world: the shares are 0 and every award is still waiting.
      disbursedShare: 0,
      receivedShare: 0,
      lossShare: null,
      medianDaysToFirstDisbursement: null,
      awaitingDisbursement: 6,
    });
    // Amounts per recipient 1,1,1,2,2,3 (thousand dollars): G = 2·42/(6·10) − 7/6 = 0.2333…; HHI = 3·10² + 2·20² + 30² = 2000.
    expect(b.metrics.gini).toBeCloseTo(0.23333, 4);
    expect(b.metrics.hhi).toBeCloseTo(2000, 6);
    expect(b.metrics.informalShare).toBeCloseTo(0.3, 9);
    expect(b.metrics.womenLedShare).toBeCloseTo(0.3, 9);
    expect(b.metrics.youthLedShare).toBeCloseTo(0.4, 9);
    expect(b.metrics.smallOrgShare).toBeCloseTo(0.3, 9); // the three under 50,000 USD
    expect(b.metrics.coreShare).toBeCloseTo(0.3, 9);
    // Five of six recipients are in the Global South: the one outside would be exposed by the share.
    expect(b.metrics.globalSouthShare).toBeNull();
    // The top 10% is one recipient, fewer than k.
    expect(b.metrics.top10Share).toBeNull();
    const g = groupsOf(b);
    expect(g.unregistered).toMatchObject({
      amount: 300_000,
      recipients: 3,
      successRate: 0.5,
      adverseImpactRatio: 0.5,
      flagged: true,
      suppressed: false,
    });
    expect(g.unregistered.share).toBeCloseTo(0.3, 9);
    expect(g.registered).toMatchObject({
      amount: 700_000,
      recipients: 3,
      successRate: 1,
      adverseImpactRatio: 1,
      flagged: false,
    });
    expect(b.lorenz.at(-1)).toEqual([1, 1]);
  });

  test("filters: period and funding type; a hidden funder's and its calls' filters only for analysts, admins and the funder's members", async () => {
    const { funder } = await sixRecipients("2033");
    const period = "from=2033-01-01&to=2033-12-31";
    expect((await k2().get(`/api/v1/reports/equity?${period}&fundingType=core`)).body.totals.amount).toBe(
      300_000,
    );
    expect((await k2().get(`/api/v1/reports/equity?${period}&fundingType=project`)).body.totals.amount).toBe(
      700_000,
    );
    expect((await k2().get(`/api/v1/reports/equity?from=2033-06-01&to=2033-12-31`)).body.totals.awards).toBe(
      null,
    ); // nothing there: fewer than k
    const byFunder = `/api/v1/reports/equity?${period}&funderOrgId=${funder.org.id}`;
    // A public funder's account is anyone's (issue 23; tests/routes/reports-funder-filter.test.ts); once
    // the funder is hidden, only its members, analysts and admins may narrow the report to it.
    expect((await new Client().get(byFunder)).status).toBe(200);
    await env.DB.prepare("UPDATE orgs SET visibility = 'hidden' WHERE id = ?").bind(funder.org.id).run();
    expect((await new Client().get(byFunder)).status).toBe(401);
    const stranger = await orgOwner(funderFields);
    const refused = await stranger.get(byFunder);
    expect(refused.status).toBe(403);
    expect(refused.body.errors[0].path).toBe("funderOrgId");
    const analyst = await userWithRole("analyst");
    expect((await analyst.get(byFunder)).body.totals.amount).toBe(1_000_000);
    expect((await funder.get(byFunder)).status).toBe(200);
    expect((await funder.get(`/api/v1/reports/equity?callId=${funder.call.id}`)).status).toBe(200);
    const bad = await new Client().get(
      "/api/v1/reports/equity?from=2033-13-01&groupBy=shoeSize&fundingType=x",
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      "from",
      "fundingType",
      "groupBy",
    ]);
    expect(
      (await new Client().get("/api/v1/reports/equity?from=2033-05-01&to=2033-01-01")).body.errors[0].path,
    ).toBe("to");
  });
});

describe("disclosure control (k = 5)", () => {
  test("a small group is suppressed with its complement, and cannot be recovered from the totals", async () => {
    const funder = await funderWithCall();
    const base = { funderOrgId: funder.org.id, userId: funder.userId, callId: funder.call.id };
    const add = async (legalStatus: string, count: number, amount: number) => {
      for (let i = 0; i < count; i++)
        await decided({
          ...base,
          orgId: await insertOrg({ country: "UG", legalStatus }),
          award: { amount, date: "2034-05-01" },
        });
    };
    await add("registered", 6, 100_000);
    await add("unregistered", 5, 50_000);
    await add("movement", 2, 10_000);
    const b = (
      await new Client().get("/api/v1/reports/equity?from=2034-01-01&to=2034-12-31&groupBy=legalStatus")
    ).body;
    expect(b.k).toBe(5);
    const g = groupsOf(b);
    expect(g.movement).toMatchObject({
      suppressed: true,
      amount: null,
      share: null,
      successRate: null,
      recipients: null,
    });
    // Complementary: the next smallest group goes too, so total − registered is the sum of 7 organisations.
    expect(g.unregistered).toMatchObject({ suppressed: true, amount: null });
    expect(g.registered).toMatchObject({ suppressed: false, amount: 600_000 });
    const published = b.groups
      .filter((x: Group) => !x.suppressed)
      .reduce((s: number, x: Group) => s + x.amount!, 0);
    expect(b.totals.amount - published).toBe(5 * 50_000 + 2 * 10_000);
    // The CSV withholds the same cells.
    const csv = await new Client().fetch(
      "/api/v1/reports/equity.csv?from=2034-01-01&to=2034-12-31&groupBy=legalStatus",
    );
    const lines = (await csv.text()).trim().split("\r\n");
    const movement = lines.find((l) => l.startsWith("legalStatus,movement,"))!;
    expect(
      movement
        .split(",")
        .slice(3, 12)
        .every((v) => v === ""),
    ).toBe(true);
  });
});

describe("grouped by trust level", () => {
  test("groups labelled with the level names in the reader's language, the same k-rule, and nobody named or located", async () => {
    const funder = await funderWithCall();
    const base = { funderOrgId: funder.org.id, userId: funder.userId, callId: funder.call.id };
    const secret = "Quiet Vouched Circle";
    const add = async (
      level: number,
      count: number,
      amount: number,
      extra: Partial<Parameters<typeof insertOrg>[0]> = {},
    ) => {
      for (let i = 0; i < count; i++) {
        const orgId = await insertOrg({ country: "ZM", ...extra });
        await env.DB.prepare("UPDATE orgs SET trust_level = ? WHERE id = ?").bind(level, orgId).run();
        await decided({ ...base, orgId, award: { amount, date: "2042-05-01" } });
      }
    };
    await add(2, 5, 100_000);
    await add(2, 1, 100_000, { name: secret, country: "SD", visibility: "hidden" });
    await add(1, 5, 50_000);
    await add(3, 2, 10_000);
    const q = "from=2042-01-01&to=2042-12-31&groupBy=trustLevel";
    const b = (await new Client().get(`/api/v1/reports/equity?${q}`)).body;
    expect(b.filters.groupBy).toBe("trustLevel");
    const g = groupsOf(b);
    expect(Object.keys(g).sort()).toEqual(["1", "2", "3"]);
    // Two organisations at level 3: withheld, and level 1 with it so total − level 2 covers seven.
    expect(g["3"]).toMatchObject({
      suppressed: true,
      amount: null,
      recipients: null,
      label: "Level 3: confirmed by the country chapter",
    });
    expect(g["1"]).toMatchObject({
      suppressed: true,
      amount: null,
      label: "Level 1: every member's e-mail verified",
    });
    expect(g["2"]).toMatchObject({
      suppressed: false,
      amount: 600_000,
      recipients: 6,
      label: "Level 2: vouched for by two trusted organisations nearby",
    });
    expect(b.totals.amount - g["2"].amount!).toBe(5 * 50_000 + 2 * 10_000);
    // The hidden group is counted at its level, never named or located.
    expect(JSON.stringify(b)).not.toContain(secret);
    expect(JSON.stringify(b)).not.toContain('"SD"');
    // Labels in the reader's language; the CSV and the page withhold the same cells.
    const fr = await new Client().get(`/api/v1/reports/equity?${q}&lang=fr`);
    expect(groupsOf(fr.body)["2"].label).toBe(
      "Niveau 2 : garanti par deux organisations de confiance proches",
    );
    const csv = (await (await new Client().fetch(`/api/v1/reports/equity.csv?${q}`)).text())
      .trim()
      .split("\r\n");
    expect(csv.find((l) => l.startsWith("trustLevel,2,"))).toContain(
      ",Level 2: vouched for by two trusted organisations nearby,6,6,600000,",
    );
    expect(
      csv
        .find((l) => l.startsWith("trustLevel,3,"))!
        .split(",")
        .slice(3, 12)
        .every((v) => v === ""),
    ).toBe(true);
    const page = await new Client().page(`/reports?${q}&lang=es`);
    expect(page.status).toBe(200);
    expect(page.html).toContain("nivel de confianza");
    expect(page.html).toContain("Nivel 2: avalado por dos organizaciones de confianza cercanas");
    expect(page.html).not.toContain(secret);
  });
});

describe("hidden organisations are never named or located", () => {
  test("in the HTML, JSON, CSV and 360Giving outputs, for the public and for analysts", async () => {
    const funder = await funderWithCall();
    const base = { funderOrgId: funder.org.id, userId: funder.userId, callId: funder.call.id };
    const secret = "Secret Defenders Collective";
    const hidden = await insertOrg({ name: secret, country: "SD", visibility: "hidden", ledBy: ["women"] });
    await decided({ ...base, orgId: hidden, award: { amount: 123_400, date: "2035-02-02" } });
    for (let i = 0; i < 6; i++)
      await decided({
        ...base,
        orgId: await insertOrg({ name: `Open Org ${i}`, country: "GH" }),
        award: { amount: 100_000, date: "2035-02-02" },
      });
    const analyst = await userWithRole("analyst");
    for (const who of [new Client(), analyst]) {
      const q = "from=2035-01-01&to=2035-12-31";
      for (const dim of ["country", "region", "civicSpace", "funder", "ledBy"]) {
        const json = await who.get(`/api/v1/reports/equity?${q}&groupBy=${dim}`);
        expect(JSON.stringify(json.body)).not.toContain(secret);
        expect(JSON.stringify(json.body)).not.toContain('"SD"');
        const csv = await (await who.fetch(`/api/v1/reports/equity.csv?${q}&groupBy=${dim}`)).text();
        expect(csv).not.toContain(secret);
        const html = await who.page(`/reports?${q}&groupBy=${dim}`);
        expect(html.status).toBe(200);
        expect(html.html).not.toContain(secret);
        expect(html.html).not.toContain("Sudan");
      }
      const country = groupsOf((await who.get(`/api/v1/reports/equity?${q}&groupBy=country`)).body);
      expect(Object.keys(country).sort()).toEqual(["GH", "undisclosed"]);
      const exported = await who.get(`/api/v1/exports/360giving.json?${q}`);
      expect(exported.status).toBe(200);
      expect(JSON.stringify(exported.body)).not.toContain(secret);
      expect(JSON.stringify(exported.body)).not.toContain('"SD"');
      const anon = exported.body.grants.find((g: { amountAwarded: number }) => g.amountAwarded === 1234);
      expect(anon.recipientOrganization[0].name).toBe("Organisation not publicly listed");
      expect(anon.beneficiaryLocation).toBeUndefined();
    }
  });
});

describe("currency conversion", () => {
  test("each award at its own date's rate; an admin's correction re-converts what is stored", async () => {
    const funder = await funderWithCall();
    const admin = await userWithRole("admin");
    const base = { funderOrgId: funder.org.id, userId: funder.userId, callId: funder.call.id };
    // Rates for a currency only this test uses (Bhutanese ngultrum), on two dates.
    expect(
      (
        await admin.json("PUT", "/api/v1/fx-rates", {
          currency: "BTN",
          asOf: "2036-01-01",
          usdPerUnit: 0.012,
          source: "test",
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await admin.json("PUT", "/api/v1/fx-rates", {
          currency: "BTN",
          asOf: "2036-07-01",
          usdPerUnit: 0.01,
          source: "test",
        })
      ).status,
    ).toBe(200);
    const orgs = await Promise.all(Array.from({ length: 6 }, () => insertOrg({ country: "BT" })));
    for (const [i, o] of orgs.entries())
      await decided({
        ...base,
        orgId: o,
        award: { amount: 1_000_000, currency: "BTN", date: i < 3 ? "2036-03-01" : "2036-09-01", usd: null },
      });
    // Stored values were written without a rate: the correction below converts them.
    const q = "/api/v1/reports/equity?from=2036-01-01&to=2036-12-31";
    expect((await new Client().get(q)).body.totals).toMatchObject({ amount: 0, unconvertedAwards: 6 });
    expect(
      (
        await admin.json("PUT", "/api/v1/fx-rates", {
          currency: "BTN",
          asOf: "2036-01-01",
          usdPerUnit: 0.012,
          source: "corrected",
        })
      ).status,
    ).toBe(200);
    // 10,000 BTN × 0.012 = 120 USD (March), × 0.010 = 100 USD (September).
    expect((await new Client().get(q)).body.totals).toMatchObject({
      amount: 3 * 12_000 + 3 * 10_000,
      unconvertedAwards: 0,
    });
    expect(
      (
        await funder.json("PUT", "/api/v1/fx-rates", {
          currency: "BTN",
          asOf: "2036-01-01",
          usdPerUnit: 1,
          source: "x",
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await admin.json("PUT", "/api/v1/fx-rates", {
          currency: "BTN",
          asOf: "soon",
          usdPerUnit: -1,
          source: "",
        })
      ).status,
    ).toBe(400);
    expect(
      (await new Client().get("/api/v1/fx-rates")).body.items.filter(
        (r: { currency: string }) => r.currency === "BTN",
      ),
    ).toHaveLength(2);
  });
});

describe("exports", () => {
  test("CSV: RFC 4180 with a header row, quoting commas, quotes and keeping Arabic", async () => {
    const names = ['Fonds "Solidarité", Sahel', "صندوق الأمل للتنمية"];
    for (const name of names) {
      const funder = await orgOwner({ ...funderFields, name });
      const call = await funder.post(
        "/api/v1/calls",
        (await import("../helpers/calls")).callBody(funder.org.id),
      );
      await funder.post(`/api/v1/calls/${call.body.id}/publish`);
      for (let i = 0; i < 5; i++)
        await decided({
          funderOrgId: funder.org.id,
          userId: funder.userId,
          callId: call.body.id,
          orgId: await insertOrg({ country: "MA" }),
          award: { amount: 10_000, date: "2037-04-04" },
        });
    }
    const res = await new Client().fetch(
      "/api/v1/reports/equity.csv?from=2037-01-01&to=2037-12-31&groupBy=funder",
    );
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8; header=present");
    const text = await res.text();
    const lines = text.split("\r\n");
    expect(lines[0]).toBe(
      "group_by,key,label,awards,recipients,amount_usd_cents,share,applications,success_rate,adverse_impact_ratio,flagged,core_pledges_usd_cents,disbursed_share,received_share,loss_share,median_days_to_first_disbursement,awaiting_disbursement,suppressed,as_of,basis_currency,k,filters",
    );
    expect(text).toContain(',"Fonds ""Solidarité"", Sahel",5,5,50000,0.5,');
    expect(text).toContain(",صندوق الأمل للتنمية,5,5,50000,0.5,");
    const rows = lines.slice(1).filter((l) => l);
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row).toMatch(/,USD,5,from=2037-01-01&to=2037-12-31&groupBy=funder$/);
  });

  test("CSV: a funder named like a formula is written as text, never as a cell starting with = (OWASP CSV injection)", async () => {
    const name = '=HYPERLINK("http://evil.example","x")';
    // Registered through the API, as an attacker would; five recipients so the funder group is published at k = 5.
    const funder = await orgOwner({ ...funderFields, name });
    const call = await funder.post(
      "/api/v1/calls",
      (await import("../helpers/calls")).callBody(funder.org.id),
    );
    await funder.post(`/api/v1/calls/${call.body.id}/publish`);
    for (let i = 0; i < 5; i++)
      await decided({
        funderOrgId: funder.org.id,
        userId: funder.userId,
        callId: call.body.id,
        orgId: await insertOrg({ country: "MA" }),
        award: { amount: 10_000, date: "2040-04-04" },
      });
    const res = await new Client().fetch(
      "/api/v1/reports/equity.csv?from=2040-01-01&to=2040-12-31&groupBy=funder",
    );
    expect(res.status).toBe(200);
    const lines = (await res.text()).split("\r\n").filter((l) => l);
    const row = lines.find((l) => l.startsWith(`funder,${funder.org.id},`))!;
    expect(row).toBeDefined();
    expect(row).toContain(`,"'=HYPERLINK(""http://evil.example"",""x"")",5,5,50000,1,`);
    // No cell of any line starts with a formula character, quoted or not.
    for (const l of lines) expect(l).not.toMatch(/(^|,)"?[=+@\t\r]/);
  });

  test("360Giving: valid against the official schema, amounts in major units, pages linked", async () => {
    const funder = await funderWithCall();
    const base = { funderOrgId: funder.org.id, userId: funder.userId, callId: funder.call.id };
    await decided({
      ...base,
      orgId: await insertOrg({ name: "Kuwait Youth Link", country: "KW" }),
      award: { amount: 12_340, currency: "KWD", date: "2038-01-02", usd: 4000 },
    });
    await decided({
      ...base,
      orgId: await insertOrg({ name: "Dakar Femmes", country: "SN" }),
      award: { amount: 500_000, currency: "XOF", date: "2038-01-03", usd: 85_000 },
    });
    const first = await new Client().get(
      "/api/v1/exports/360giving.json?from=2038-01-01&to=2038-12-31&limit=1",
    );
    expect(first.status).toBe(200);
    const next = first.headers.get("link")!.match(/<([^>]+)>; rel="next"/)![1];
    const second = await new Client().get(next);
    expect(second.headers.get("link")).toBeNull();
    const grants = [...first.body.grants, ...second.body.grants];
    expect(
      grants.map((g: { currency: string; amountAwarded: number }) => [g.currency, g.amountAwarded]),
    ).toEqual([
      ["KWD", 12.34],
      ["XOF", 500_000],
    ]);
    expect(grants[0]).toMatchObject({
      id: expect.stringMatching(/^360G-sanad-/),
      awardDate: "2038-01-02",
      recipientOrganization: [{ name: "Kuwait Youth Link" }],
      beneficiaryLocation: [{ countryCode: "KW" }],
      plannedDates: [{ startDate: "2038-01-02", duration: 12 }],
      fundingOrganization: [{ name: "Open Horizons Fund" }],
    });
    const validator = new Validator(packageSchema as never, "2020-12", false);
    // The package schema refers to the grant schema by the 1.4.2 URL; the file's own $id says 1.4.3.
    const ref = JSON.stringify(packageSchema).match(/"\$ref":"(https:[^"#]+360-giving-schema\.json)/)![1];
    validator.addSchema(grantSchema as never, ref);
    const result = validator.validate({ grants });
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    // The validator does check grants: one without its currency and recipient fails.
    const { currency: _c, recipientOrganization: _r, ...broken } = grants[0];
    expect(validator.validate({ grants: [broken] }).valid).toBe(false);
  });

  test("360Giving: tranches become planned dates and recorded disbursements amountDisbursed, still valid", async () => {
    const funder = await funderWithCall();
    const appId = await decided({
      funderOrgId: funder.org.id,
      userId: funder.userId,
      callId: funder.call.id,
      orgId: await insertOrg({ name: "Nairobi Youth Voices", country: "KE" }),
      award: { amount: 3_000_000, currency: "USD", date: "2039-02-01", usd: 3_000_000 },
    });
    const undisbursed = await decided({
      funderOrgId: funder.org.id,
      userId: funder.userId,
      callId: funder.call.id,
      orgId: await insertOrg({ name: "Kisumu Women", country: "KE" }),
      award: { amount: 500_000, currency: "USD", date: "2039-02-02", usd: 500_000 },
    });
    const award = (await env.DB.prepare("SELECT id FROM awards WHERE application_id = ?")
      .bind(appId)
      .first<{ id: string }>())!.id;
    const org = (await env.DB.prepare("SELECT org_id FROM awards WHERE id = ?")
      .bind(award)
      .first<{ org_id: string }>())!.org_id;
    const at = new Date().toISOString();
    for (const [seq, due, amount] of [
      [1, "2039-02-01", 2_000_000],
      [2, "2040-02-01", 1_000_000],
    ] as const)
      await env.DB.prepare(
        "INSERT INTO tranches (id, award_id, seq, due_on, amount, currency, after_report, created_at) VALUES (?, ?, ?, ?, ?, 'USD', 0, ?)",
      )
        .bind(`tr-${award}-${seq}`, award, seq, due, amount, at)
        .run();
    // 12,000.00 USD sent in dollars, and 130,000 KES (1,000.00 USD on its date) counted at the award's rate.
    for (const [id, amount, currency, usd] of [
      ["d1", 1_200_000, "USD", 1_200_000],
      ["d2", 13_000_000, "KES", 100_000],
    ] as const)
      await env.DB.prepare(
        "INSERT INTO disbursements (id, award_id, org_id, amount, currency, amount_usd, sent_on, rail, reference, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, '2039-02-10', 'bank', 'REF-1', ?, ?)",
      )
        .bind(`${id}-${award}`, award, org, amount, currency, usd, funder.userId, at)
        .run();
    const res = await new Client().get("/api/v1/exports/360giving.json?from=2039-02-01&to=2039-02-02");
    expect(res.status).toBe(200);
    const [withMoney, without] = res.body.grants;
    expect(withMoney.plannedDates).toEqual([
      { startDate: "2039-02-01", duration: 12 },
      { title: "Tranche 1/2", startDate: "2039-02-01", description: "20000 USD" },
      { title: "Tranche 2/2", startDate: "2040-02-01", description: "10000 USD" },
    ]);
    expect(withMoney.amountDisbursed).toBe(13_000);
    // No disbursement on record is not "nothing paid": the field is left out.
    expect(without.plannedDates).toEqual([{ startDate: "2039-02-02", duration: 12 }]);
    expect("amountDisbursed" in without).toBe(false);
    expect(undisbursed).toBeTruthy();
    const validator = new Validator(packageSchema as never, "2020-12", false);
    const ref = JSON.stringify(packageSchema).match(/"\$ref":"(https:[^"#]+360-giving-schema\.json)/)![1];
    validator.addSchema(grantSchema as never, ref);
    expect(validator.validate({ grants: res.body.grants }).errors).toEqual([]);
  });
});

describe("the page", () => {
  test("server-rendered charts with data tables, in Arabic too, no script of its own", async () => {
    await sixRecipients("2039");
    const c = k2();
    const page = await c.page("/reports?from=2039-01-01&to=2039-12-31&groupBy=legalStatus");
    expect(page.status).toBe(200);
    // Bars are HTML since issue 23, so their labels stay readable on a phone (reports-charts.test.ts).
    expect(page.html).toContain('<figure class="chart hbars"');
    expect(page.html).toContain('<svg class="chart lorenz"');
    expect(page.html).toContain("<caption>");
    expect(page.html).toContain(
      "/api/v1/reports/equity.csv?from=2039-01-01&amp;to=2039-12-31&amp;groupBy=legalStatus",
    );
    c.lang = "ar";
    const ar = await c.page("/reports?from=2039-01-01&to=2039-12-31&groupBy=legalStatus");
    expect(ar.html).toContain('dir="rtl"');
    expect(ar.html).toContain("تقرير الإنصاف");
    const bad = await new Client().page("/reports?from=yesterday");
    expect(bad.status).toBe(400);
    expect(bad.html).toContain('id="from-error"');
  });
});
