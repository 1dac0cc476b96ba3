// Matching over HTTP: calls for a CSO, organisations for a call, who may see which, invitations, languages.
import { describe, expect, test } from "vitest";
import { Client } from "../helpers/client";
import { signUp, userWithRole, orgOwner, csoFields, funderFields } from "../helpers/world";
import { funderWithCall } from "../helpers/calls";

type Match = {
  eligible: boolean;
  score: number;
  reasons: { criterion: string; met: boolean; detail: string }[];
  invited: boolean;
};
type CallMatch = Match & { call: { id: string } };
type OrgMatch = Match & { org: { id: string; name: string } };

/** A call only this test's organisations can match (a country list unique to the test keeps others out). */
const uniqueCall = (extra: Record<string, unknown> = {}) =>
  funderWithCall({
    eligibility: {
      countries: ["EG", "TN"],
      legalStatuses: ["unregistered", "movement", "registered"],
      maxAnnualBudget: { amount: 5_000_000, currency: "USD" },
    },
    ...extra,
  });

describe("calls for a CSO", () => {
  test("every open call is listed, eligible first, with one reason per criterion in the member's language", async () => {
    const open = await funderWithCall({ eligibility: { countries: ["EG"], requiredLedBy: ["women"] } });
    const closedToUs = await funderWithCall({ eligibility: { countries: ["SN"] } });
    const cso = await orgOwner(csoFields);
    const res = await cso.get(`/api/v1/orgs/${cso.org.id}/matches?limit=100`);
    expect(res.status).toBe(200);
    const items = res.body.items as CallMatch[];
    const mine = items.find((m) => m.call.id === open.call.id)!;
    const other = items.find((m) => m.call.id === closedToUs.call.id)!;
    expect(mine.eligible).toBe(true);
    expect(other.eligible).toBe(false);
    expect(items.findIndex((m) => !m.eligible)).toBeGreaterThan(
      items.findIndex((m) => m.call.id === open.call.id),
    );
    expect(mine.reasons.filter((r) => ["country", "led_by"].includes(r.criterion))).toEqual([
      { criterion: "country", met: true, detail: "Organisations in Egypt may apply" },
      { criterion: "led_by", met: true, detail: "Led by Women, as the call requires" },
    ]);
    expect(other.reasons.find((r) => r.criterion === "country")).toEqual({
      criterion: "country",
      met: false,
      detail: "This call is for organisations in Senegal; yours is in Egypt",
    });
    expect(mine.score).toBeGreaterThanOrEqual(0);
    expect(mine.score).toBeLessThanOrEqual(100);
  });

  test("the budget reason states both amounts", async () => {
    const { call } = await funderWithCall({
      eligibility: { maxAnnualBudget: { amount: 5_000_000, currency: "USD" } },
    });
    const cso = await orgOwner(csoFields);
    const items = (await cso.get(`/api/v1/orgs/${cso.org.id}/matches?limit=100`)).body.items as CallMatch[];
    const budget = items
      .find((m) => m.call.id === call.id)!
      .reasons.find((r) => r.criterion === "max_budget");
    expect(budget).toMatchObject({ criterion: "max_budget", met: true });
    expect(budget!.detail).toMatch(
      /^Your annual budget \(USD\s8,000\) is under the ceiling \(USD\s50,000\)$/,
    );
  });

  test("reasons come in French for a French-speaking member", async () => {
    const { call } = await funderWithCall({
      eligibility: { countries: ["EG"], legalStatuses: ["unregistered"] },
    });
    const cso = await orgOwner(csoFields);
    expect((await cso.patch("/api/v1/me", { locale: "fr" })).status).toBe(200);
    const items = (await cso.get(`/api/v1/orgs/${cso.org.id}/matches?limit=100`)).body.items as CallMatch[];
    const reasons = items.find((m) => m.call.id === call.id)!.reasons;
    const country = reasons.find((r) => r.criterion === "country")!.detail;
    expect(country).toContain("Égypte");
    expect(country).not.toContain("may apply");
    expect(reasons.find((r) => r.criterion === "legal_status")!.detail).not.toBe(
      "Unregistered groups may apply",
    );
  });

  test("only the organisation's members see its matches", async () => {
    const cso = await orgOwner(csoFields);
    const path = `/api/v1/orgs/${cso.org.id}/matches`;
    expect((await cso.get(path)).status).toBe(200);
    expect((await new Client().get(path)).status).toBe(401);
    for (const other of [
      await signUp(),
      await orgOwner(csoFields),
      await orgOwner(funderFields),
      await userWithRole("analyst"),
      await userWithRole("admin"),
    ]) {
      expect((await other.get(path)).status).toBe(403);
      expect((await other.page(`/orgs/${cso.org.id}/matches`)).status).toBe(403);
    }
    const hidden = await orgOwner({ ...csoFields, visibility: "hidden" });
    expect((await (await orgOwner(funderFields)).get(`/api/v1/orgs/${hidden.org.id}/matches`)).status).toBe(
      404,
    );
    expect((await new Client().get(`/api/v1/orgs/${hidden.org.id}/matches`)).status).toBe(404);
    const funder = await orgOwner(funderFields);
    expect((await funder.get(`/api/v1/orgs/${funder.org.id}/matches`)).status).toBe(422);
  });

  test("the page lists the calls with their reasons, in Arabic right-to-left", async () => {
    const { call } = await funderWithCall({ eligibility: { countries: ["EG"] } });
    const cso = await orgOwner(csoFields);
    const page = await cso.page(`/orgs/${cso.org.id}/matches?lang=ar`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('dir="rtl"');
    expect(page.html).toContain(`/calls/${call.id}`);
    expect(page.html).toContain('class="reasons"');
    expect(page.html).toContain("مصر");
  });
});

describe("organisations for a call", () => {
  test("eligible CSOs only, ranked with the equity boost, reasons included; hidden ones never appear", async () => {
    const funder = await uniqueCall();
    const small = await orgOwner({ ...csoFields, name: "Small rural group" });
    const large = await orgOwner({
      ...csoFields,
      name: "Large urban NGO",
      legalStatus: "registered",
      setting: "urban",
      annualBudget: { amount: 4_900_000, currency: "USD" },
    });
    const hidden = await orgOwner({ ...csoFields, name: "Hidden group", visibility: "hidden" });
    const foreign = await orgOwner({ ...csoFields, name: "Senegal group", country: "SN" });
    const tooBig = await orgOwner({
      ...csoFields,
      name: "Too big",
      annualBudget: { amount: 9_000_000, currency: "USD" },
    });
    const funderOrg = await orgOwner({ ...funderFields, country: "EG" });
    const res = await funder.get(`/api/v1/calls/${funder.call.id}/matches?limit=100`);
    expect(res.status).toBe(200);
    const items = res.body.items as OrgMatch[];
    const ids = items.map((m) => m.org.id);
    expect(ids).toContain(small.org.id);
    expect(ids).toContain(large.org.id);
    for (const absent of [hidden, foreign, tooBig, funderOrg]) expect(ids).not.toContain(absent.org.id);
    expect(items.every((m) => m.eligible)).toBe(true);
    expect(ids.indexOf(small.org.id)).toBeLessThan(ids.indexOf(large.org.id));
    const smallMatch = items.find((m) => m.org.id === small.org.id)!;
    expect(smallMatch.reasons.filter((r) => r.criterion === "equity").map((r) => r.detail)).toContain(
      "Equity boost: no funding received through Sanad yet",
    );
    // Ranked lists are stable: the same request gives the same order.
    expect(
      ((await funder.get(`/api/v1/calls/${funder.call.id}/matches?limit=100`)).body.items as OrgMatch[]).map(
        (m) => m.org.id,
      ),
    ).toEqual(ids);
  });

  test("paging walks the whole ranked list once", async () => {
    const funder = await uniqueCall();
    for (let i = 0; i < 3; i++) await orgOwner({ ...csoFields, name: `Paged group ${i}` });
    const all = (
      (await funder.get(`/api/v1/calls/${funder.call.id}/matches?limit=100`)).body.items as OrgMatch[]
    ).map((m) => m.org.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: OrgMatch[]; nextCursor: string | null } } = (await funder.get(
        `/api/v1/calls/${funder.call.id}/matches?limit=2${cursor ? `&cursor=${cursor}` : ""}`,
      )) as never;
      seen.push(...page.body.items.map((m) => m.org.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
  });

  test("only the call's funder sees them", async () => {
    const funder = await uniqueCall();
    const path = `/api/v1/calls/${funder.call.id}/matches`;
    expect((await new Client().get(path)).status).toBe(401);
    for (const other of [
      await signUp(),
      await orgOwner(csoFields),
      await orgOwner(funderFields),
      await userWithRole("analyst"),
      await userWithRole("admin"),
    ]) {
      expect((await other.get(path)).status).toBe(403);
    }
    const draft = await funderWithCall({}, { draft: true });
    expect((await (await orgOwner(funderFields)).get(`/api/v1/calls/${draft.call.id}/matches`)).status).toBe(
      404,
    );
    expect((await draft.get(`/api/v1/calls/${draft.call.id}/matches`)).status).toBe(200);
  });

  test("the funder invites an organisation; the CSO sees the invitation with the call", async () => {
    const funder = await uniqueCall();
    const cso = await orgOwner(csoFields);
    const invite = await funder.post(`/api/v1/calls/${funder.call.id}/invitations`, { orgId: cso.org.id });
    expect(invite.status).toBe(201);
    expect(
      (await funder.post(`/api/v1/calls/${funder.call.id}/invitations`, { orgId: cso.org.id })).status,
    ).toBe(201);
    const mine = (
      (await cso.get(`/api/v1/orgs/${cso.org.id}/matches?limit=100`)).body.items as CallMatch[]
    ).find((m) => m.call.id === funder.call.id)!;
    expect(mine.invited).toBe(true);
    expect((await cso.page("/me")).html).toContain(`/calls/${funder.call.id}`);
    const hidden = await orgOwner({ ...csoFields, visibility: "hidden" });
    expect(
      (await funder.post(`/api/v1/calls/${funder.call.id}/invitations`, { orgId: hidden.org.id })).status,
    ).toBe(404);
    const stranger = await orgOwner(funderFields);
    expect(
      (await stranger.post(`/api/v1/calls/${funder.call.id}/invitations`, { orgId: cso.org.id })).status,
    ).toBe(403);
    expect((await funder.post(`/api/v1/calls/${funder.call.id}/invitations`, {})).status).toBe(400);
  });

  test("the funder's page lists the organisations with an invite button that works without JavaScript", async () => {
    const funder = await uniqueCall();
    const cso = await orgOwner({ ...csoFields, name: "Form-invited group" });
    const page = await funder.page(`/calls/${funder.call.id}/matches`);
    expect(page.status).toBe(200);
    expect(page.html).toContain("Form-invited group");
    const res = await funder.form(`/calls/${funder.call.id}/invitations`, { orgId: cso.org.id });
    expect(res.status).toBe(200);
    expect(res.html).toContain("Invitation sent");
    expect(
      ((await cso.get(`/api/v1/orgs/${cso.org.id}/matches?limit=100`)).body.items as CallMatch[]).find(
        (m) => m.call.id === funder.call.id,
      )!.invited,
    ).toBe(true);
  });
});
