// Consortium applications: the partner list and its rules (named by field), consent by each partner's
// owners, submission waiting for every consent, partners reading but not changing, consents reset when
// terms change, and the award split by share in the equity figures (hand-computed).
import { env } from "cloudflare:workers";
import { describe, expect, test } from "vitest";
import { funderWithCall } from "../helpers/calls";
import { csoFields, funderFields, orgOwner, signUp, addMember, PASSWORD } from "../helpers/world";
import { Client, workerWith } from "../helpers/client";

const usd = (amount: number) => ({ amount, currency: "USD" });
const paths = (body: { errors?: { path: string }[] }) => (body.errors ?? []).map((e) => e.path).sort();
type Owner = Awaited<ReturnType<typeof orgOwner>>;

/** A funder's open call, a lead group with a complete draft, and partner groups (each with its owner). */
const world = async (partnerFields: Record<string, unknown>[] = [{}, {}]) => {
  const funder = await funderWithCall({ eligibility: {} });
  const lead = await orgOwner({ ...csoFields, name: "Lead Collective" });
  const partners: Owner[] = [];
  for (const [i, f] of partnerFields.entries())
    partners.push(await orgOwner({ ...csoFields, name: `Partner ${i + 1}`, ...f }));
  const draft = (await lead.post(`/api/v1/calls/${funder.call.id}/applications`, { orgId: lead.org.id }))
    .body;
  const answers = Object.fromEntries(
    (funder.call.questions as { id: string }[]).map((q) => [q.id, "Together with our partners."]),
  );
  const filled = await lead.patch(`/api/v1/applications/${draft.id}`, {
    version: draft.version,
    answers,
    requestedAmount: usd(1_000_000),
  });
  expect(filled.status).toBe(200);
  return { funder, lead, partners, app: filled.body as { id: string; version: number } };
};

const setPartners = async (
  lead: Client,
  appId: string,
  partners: { orgId: string; role: string; share: number }[],
) => {
  const current = (await lead.get(`/api/v1/applications/${appId}`)).body;
  return lead.patch(`/api/v1/applications/${appId}`, { version: current.version, partners });
};

describe("consortium applications", () => {
  test("the partner list's rules, each problem named by its field", async () => {
    const { lead, partners, app } = await world();
    const [p1, p2] = partners;
    const hidden = await orgOwner({ ...csoFields, visibility: "hidden" });
    const funder = await orgOwner(funderFields);
    const bad = await setPartners(lead, app.id, [
      { orgId: lead.org.id, role: "Lead again", share: 10 },
      { orgId: p1.org.id, role: "Training", share: 50 },
      { orgId: p1.org.id, role: "Training", share: 30 },
      { orgId: hidden.org.id, role: "Legal aid", share: 5 },
      { orgId: funder.org.id, role: "Money", share: 5 },
    ]);
    expect(bad.status).toBe(422);
    expect(paths(bad.body)).toEqual([
      "partners",
      "partners.0.orgId",
      "partners.2.orgId",
      "partners.3.orgId",
      "partners.4.orgId",
    ]);
    // The hidden group is "not found", as anywhere else it cannot be seen.
    expect(bad.body.errors.find((e: { path: string }) => e.path === "partners.3.orgId").message).toBe(
      "No organisation you can see has this id or name",
    );
    const shape = await setPartners(lead, app.id, [
      { orgId: p1.org.id, role: "x", share: 0 },
      { orgId: p2.org.id, role: "Outreach", share: 100 },
    ]);
    expect(shape.status).toBe(400);
    expect(paths(shape.body)).toEqual(["partners.0.role", "partners.0.share", "partners.1.share"]);
    const six = await setPartners(
      lead,
      app.id,
      Array.from({ length: 6 }, () => ({ orgId: p1.org.id, role: "Role", share: 1 })),
    );
    expect(six.status).toBe(400);
    expect(paths(six.body)).toEqual(["partners"]);
    // Nothing was stored by the refusals.
    expect((await lead.get(`/api/v1/applications/${app.id}`)).body.partners).toEqual([]);
  });

  test("partners' owners consent; submission waits for every consent (422 naming partners.N), then goes", async () => {
    const { lead, partners, app, funder } = await world();
    const [p1, p2] = partners;
    const saved = await setPartners(lead, app.id, [
      { orgId: p1.org.id, role: "Training", share: 30 },
      { orgId: p2.org.id, role: "Outreach", share: 20 },
    ]);
    expect(saved.status).toBe(200);
    expect(saved.body.partners).toEqual([
      expect.objectContaining({
        orgId: p1.org.id,
        name: "Partner 1",
        role: "Training",
        share: 30,
        consented: false,
      }),
      expect.objectContaining({
        orgId: p2.org.id,
        name: "Partner 2",
        role: "Outreach",
        share: 20,
        consented: false,
      }),
    ]);
    // The partner groups are told, in their notifications.
    const notices = await env.DB.prepare(
      "SELECT org_id FROM notifications WHERE kind = 'application.partner_added' AND org_id IN (?, ?)",
    )
      .bind(p1.org.id, p2.org.id)
      .all();
    expect(notices.results).toHaveLength(2);

    const consent = (orgId: string) => `/api/v1/applications/${app.id}/partners/${orgId}/consent`;
    // A plain member of the partner, the lead, a stranger, anonymous: not them.
    const member = await signUp();
    await addMember(p1, p1.org.id, member);
    expect((await member.post(consent(p1.org.id))).status).toBe(403);
    expect((await lead.post(consent(p1.org.id))).status).toBe(403);
    expect((await p2.post(consent(p1.org.id))).status).toBe(403);
    const stranger = await orgOwner(csoFields);
    expect((await stranger.post(consent(p1.org.id))).status).toBe(404);
    expect((await new Client().post(consent(p1.org.id))).status).toBe(401);
    expect((await p1.post(`/api/v1/applications/${app.id}/partners/${stranger.org.id}/consent`)).status).toBe(
      404,
    );

    const given = await p1.post(consent(p1.org.id));
    expect(given.status).toBe(200);
    expect(given.body.items.map((p: { consented: boolean }) => p.consented)).toEqual([true, false]);

    const blocked = await lead.post(`/api/v1/applications/${app.id}/submit`);
    expect(blocked.status).toBe(422);
    expect(paths(blocked.body)).toEqual(["partners.1"]);
    // The funder still sees nothing of the draft.
    expect((await funder.get(`/api/v1/applications/${app.id}`)).status).toBe(404);

    expect((await p2.post(consent(p2.org.id))).status).toBe(200);
    const submitted = await lead.post(`/api/v1/applications/${app.id}/submit`);
    expect(submitted.status).toBe(200);
    expect(submitted.body.status).toBe("submitted");
    // Consent is fixed once submitted.
    const late = await p2.fetch(consent(p2.org.id), {
      method: "DELETE",
      headers: { Origin: "http://localhost" },
    });
    expect(late.status).toBe(422);
    // The funder reads the partners with the application once it is submitted.
    const seen = await funder.get(`/api/v1/applications/${app.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.partners.map((p: { name: string }) => p.name)).toEqual(["Partner 1", "Partner 2"]);
  });

  test("partners' members read the application but cannot save, submit or withdraw it; strangers get 404", async () => {
    const { lead, partners, app } = await world([{}]);
    const [p1] = partners;
    await setPartners(lead, app.id, [{ orgId: p1.org.id, role: "Training", share: 40 }]);
    const member = await signUp();
    await addMember(p1, p1.org.id, member);
    for (const who of [p1, member]) {
      const read = await who.get(`/api/v1/applications/${app.id}`);
      expect(read.status).toBe(200);
      expect(read.body.answers).toBeTruthy();
      const version = read.body.version;
      expect((await who.patch(`/api/v1/applications/${app.id}`, { version, answers: {} })).status).toBe(403);
      expect((await who.post(`/api/v1/applications/${app.id}/submit`)).status).toBe(403);
      expect((await who.post(`/api/v1/applications/${app.id}/withdraw`)).status).toBe(403);
    }
    const page = await p1.page(`/applications/${app.id}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain("Training");
    expect(page.html).not.toContain(`action="/applications/${app.id}/partners"`);
    const stranger = await orgOwner(csoFields);
    expect((await stranger.get(`/api/v1/applications/${app.id}`)).status).toBe(404);
    expect((await stranger.page(`/applications/${app.id}`)).status).toBe(404);
    // The partner's owner sees the request on "My account", with the Consent button.
    const me = await p1.page("/me");
    expect(me.html).toContain("Consortium requests");
    expect(me.html).toContain(`/applications/${app.id}/partners/${p1.org.id}/consent`);
    // ... and consents from there.
    expect((await p1.form(`/applications/${app.id}/partners/${p1.org.id}/consent`, {})).status).toBe(303);
    expect((await lead.get(`/api/v1/applications/${app.id}`)).body.partners[0].consented).toBe(true);
  });

  test("changing a partner's share or role asks it again; the others keep their consent; removing works", async () => {
    const { lead, partners, app } = await world([{}, {}]);
    const [p1, p2] = partners;
    await setPartners(lead, app.id, [
      { orgId: p1.org.id, role: "Training", share: 30 },
      { orgId: p2.org.id, role: "Outreach", share: 20 },
    ]);
    for (const p of [p1, p2]) await p.post(`/api/v1/applications/${app.id}/partners/${p.org.id}/consent`);
    const changed = await setPartners(lead, app.id, [
      { orgId: p1.org.id, role: "Training", share: 30 },
      { orgId: p2.org.id, role: "Outreach", share: 25 },
    ]);
    expect(changed.status).toBe(200);
    expect(changed.body.partners.map((p: { consented: boolean }) => p.consented)).toEqual([true, false]);
    const renamed = await setPartners(lead, app.id, [
      { orgId: p1.org.id, role: "Training and mentoring", share: 30 },
      { orgId: p2.org.id, role: "Outreach", share: 25 },
    ]);
    expect(renamed.body.partners.map((p: { consented: boolean }) => p.consented)).toEqual([false, false]);
    // A partner takes its consent back while it is a draft.
    await p2.post(`/api/v1/applications/${app.id}/partners/${p2.org.id}/consent`);
    const back = await p2.fetch(`/api/v1/applications/${app.id}/partners/${p2.org.id}/consent`, {
      method: "DELETE",
      headers: { Origin: "http://localhost" },
    });
    expect(back.status).toBe(200);
    // A stale version changes nothing (409), the list stays.
    const stale = await lead.patch(`/api/v1/applications/${app.id}`, { version: 1, partners: [] });
    expect(stale.status).toBe(409);
    expect((await lead.get(`/api/v1/applications/${app.id}`)).body.partners).toHaveLength(2);
    // The draft page: the section, and removing by its form.
    const page = await lead.page(`/applications/${app.id}`);
    expect(page.html).toContain('id="partners"');
    expect(page.html).toContain("The lead keeps 45%.");
    const version = String((await lead.get(`/api/v1/applications/${app.id}`)).body.version);
    const removed = await lead.form(`/applications/${app.id}/partners/${p1.org.id}/remove`, { version });
    expect(removed.status).toBe(303);
    const left = (await lead.get(`/api/v1/applications/${app.id}`)).body.partners;
    expect(left.map((p: { orgId: string }) => p.orgId)).toEqual([p2.org.id]);
    // Adding by the exact name from the page's form; a name several groups share is not enough.
    const name = `Named Partner ${crypto.randomUUID()}`;
    const named = await orgOwner({ ...csoFields, name });
    const fields = (version: string, partner: string) => ({
      version,
      partner,
      role: "Training",
      share: "10",
    });
    const v2 = String((await lead.get(`/api/v1/applications/${app.id}`)).body.version);
    expect((await lead.form(`/applications/${app.id}/partners`, fields(v2, "Partner 1"))).status).toBe(422);
    const added = await lead.form(`/applications/${app.id}/partners`, fields(v2, name));
    expect(added.status).toBe(303);
    const now = (await lead.get(`/api/v1/applications/${app.id}`)).body.partners;
    expect(now.map((p: { orgId: string }) => p.orgId)).toEqual([p2.org.id, named.org.id]);
  });

  test("an award is split by share: per-organisation totals, funding received and the equity report", async () => {
    // Lead and partner 1 unregistered, partners 2 and 3 registered (two organisations per group, k = 2).
    const { lead, partners, app, funder } = await world([
      { legalStatus: "unregistered" },
      { legalStatus: "registered" },
      { legalStatus: "registered" },
    ]);
    const [p1, p2, p3] = partners;
    await setPartners(lead, app.id, [
      { orgId: p1.org.id, role: "Training", share: 20 },
      { orgId: p2.org.id, role: "Outreach", share: 15 },
      { orgId: p3.org.id, role: "Legal aid", share: 10 },
    ]);
    for (const p of partners) await p.post(`/api/v1/applications/${app.id}/partners/${p.org.id}/consent`);
    expect((await lead.post(`/api/v1/applications/${app.id}/submit`)).status).toBe(200);
    const awarded = await funder.post(`/api/v1/applications/${app.id}/decision`, {
      decision: "award",
      amount: usd(1_000_001),
    });
    expect(awarded.status).toBe(200);
    // USD 10,000.01: partners 20 % → 200,000 (200,000.2 rounded down), 15 % → 150,000, 10 % → 100,000;
    // the lead keeps the rest, 550,001 (55 % and the cent of rounding).
    const expected: Record<string, number> = {
      [lead.org.id]: 550_001,
      [p1.org.id]: 200_000,
      [p2.org.id]: 150_000,
      [p3.org.id]: 100_000,
    };
    const ids = Object.keys(expected);
    const rollup = await env.DB.prepare(
      `SELECT org_id, amount, awards FROM org_equity WHERE org_id IN (${ids.map(() => "?").join(",")})`,
    )
      .bind(...ids)
      .all<{ org_id: string; amount: number; awards: number }>();
    expect(Object.fromEntries(rollup.results.map((r) => [r.org_id, r.amount]))).toEqual(expected);
    expect(rollup.results.every((r) => r.awards === 1)).toBe(true);
    const received = await env.DB.prepare(
      `SELECT id, funding_received_usd AS usd FROM orgs WHERE id IN (${ids.map(() => "?").join(",")})`,
    )
      .bind(...ids)
      .all<{ id: string; usd: number }>();
    expect(Object.fromEntries(received.results.map((r) => [r.id, r.usd]))).toEqual(expected);

    // The report from the events (a call filter: the funder's members may use it), grouped by legal status.
    const reader = new Client(workerWith({ EQUITY_K: "2" }));
    expect(
      (await reader.post("/api/v1/auth/login", { email: funder.email, password: PASSWORD })).status,
    ).toBe(200);
    const r = await reader.get(`/api/v1/reports/equity?callId=${funder.call.id}&groupBy=legalStatus`);
    expect(r.status).toBe(200);
    expect(r.body.totals).toMatchObject({ amount: 1_000_001, recipients: 4, suppressed: false });
    const groups = Object.fromEntries(r.body.groups.map((g: { key: string }) => [g.key, g]));
    expect(groups.unregistered).toMatchObject({ amount: 750_001, recipients: 2, suppressed: false });
    expect(groups.registered).toMatchObject({ amount: 250_000, recipients: 2, suppressed: false });
  });
});
