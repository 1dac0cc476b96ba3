// Organisations over HTTP: create with every field, edit with versions, visibility for every role, members.
import { env } from "cloudflare:workers";
import { describe, expect, test } from "vitest";
import { Client } from "../helpers/client";
import { signUp, userWithRole, orgOwner, csoFields, funderFields } from "../helpers/world";

describe("create and read", () => {
  test("a CSO is created with every Org field and the caller becomes its owner", async () => {
    const owner = await signUp();
    const res = await owner.post("/api/v1/orgs", { ...csoFields, description: "We run literacy classes." });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ ...csoFields, description: "We run literacy classes.", verified: false, version: 1 });
    expect(res.body.id).toEqual(expect.any(String));
    const me = await owner.get("/api/v1/me");
    expect(me.body.memberships).toEqual([{ orgId: res.body.id, orgKind: "cso", role: "owner" }]);
    expect((await owner.get(`/api/v1/orgs/${res.body.id}`)).body).toEqual(res.body);
  });

  test("bad input names every failing field; an unknown country is refused", async () => {
    const owner = await signUp();
    const res = await owner.post("/api/v1/orgs", { kind: "ngo", name: "", country: "Egypt", ledBy: ["women", "women"], annualBudget: { amount: -5, currency: "usd" }, foundedYear: 3000 });
    expect(res.status).toBe(400);
    const paths = res.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(["kind", "name", "country", "ledBy", "annualBudget.amount", "annualBudget.currency", "foundedYear"]));
    const unknown = await owner.post("/api/v1/orgs", { ...csoFields, country: "XX" });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([{ path: "country", message: expect.any(String) }]);
  });

  test("creating an organisation needs a signed-in user", async () => {
    expect((await new Client().post("/api/v1/orgs", csoFields)).status).toBe(401);
  });
});

describe("visibility of each kind of organisation", async () => {
  const cases = [
    // viewer, public, funders_only, hidden
    ["anonymous", 200, 404, 404],
    ["member of another CSO", 200, 404, 404],
    ["funder member", 200, 200, 404],
    ["analyst", 200, 404, 404],
    ["admin", 200, 200, 200],
    ["own member", 200, 200, 200],
  ] as const;

  test.each(cases)("%s sees public %i, funders-only %i, hidden %i — on the page, the API and in lists", async (who, pub, fo, hid) => {
    const owner = await signUp();
    const ids: Record<string, string> = {};
    for (const visibility of ["public", "funders_only", "hidden"]) {
      ids[visibility] = (await owner.post("/api/v1/orgs", { ...csoFields, name: `Group ${visibility} ${Math.random()}`, visibility })).body.id;
    }
    const viewer =
      who === "anonymous" ? new Client()
      : who === "member of another CSO" ? await orgOwner()
      : who === "funder member" ? await orgOwner(funderFields)
      : who === "analyst" ? await userWithRole("analyst")
      : who === "admin" ? await userWithRole("admin")
      : owner;
    const expected = { public: pub, funders_only: fo, hidden: hid };
    const listed = (await viewer.get("/api/v1/orgs?limit=100")).body.items.map((o: { id: string }) => o.id);
    for (const [visibility, status] of Object.entries(expected)) {
      expect((await viewer.get(`/api/v1/orgs/${ids[visibility]}`)).status).toBe(status);
      expect((await viewer.page(`/orgs/${ids[visibility]}`)).status).toBe(status);
      expect(listed.includes(ids[visibility])).toBe(status === 200);
    }
  });
});

describe("editing", () => {
  test("a member edits with the version read; a stale version is 409 with the current copy and nothing is overwritten", async () => {
    const owner = await orgOwner();
    const id = owner.org.id;
    const first = await owner.patch(`/api/v1/orgs/${id}`, { version: 1, volunteerCount: 20, themes: ["education"] });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ version: 2, volunteerCount: 20, themes: ["education"], name: csoFields.name });

    const stale = await owner.patch(`/api/v1/orgs/${id}`, { version: 1, volunteerCount: 99 });
    expect(stale.status).toBe(409);
    expect(stale.body.current).toMatchObject({ version: 2, volunteerCount: 20 });
    expect((await owner.get(`/api/v1/orgs/${id}`)).body.volunteerCount).toBe(20);
  });

  test("null clears an optional field", async () => {
    const owner = await orgOwner();
    const res = await owner.patch(`/api/v1/orgs/${owner.org.id}`, { version: 1, area: null, annualBudget: null });
    expect(res.body).toMatchObject({ area: null, annualBudget: null });
  });

  test("another organisation's member gets 403 (public) or 404 (hidden); anonymous 401", async () => {
    const owner = await orgOwner();
    const hidden = await orgOwner({ ...csoFields, visibility: "hidden" });
    const stranger = await orgOwner();
    expect((await stranger.patch(`/api/v1/orgs/${owner.org.id}`, { version: 1, name: "Taken over" })).status).toBe(403);
    expect((await stranger.patch(`/api/v1/orgs/${hidden.org.id}`, { version: 1, name: "Taken over" })).status).toBe(404);
    expect((await new Client().patch(`/api/v1/orgs/${owner.org.id}`, { version: 1, name: "Taken over" })).status).toBe(401);
    expect((await owner.get(`/api/v1/orgs/${owner.org.id}`)).body.name).toBe(csoFields.name);
    const form = await stranger.form(`/orgs/${owner.org.id}/edit`, { version: "1", name: "Taken over", country: "EG" });
    expect(form.status).toBe(403);
  });

  test("an admin verifies; nobody else can", async () => {
    const owner = await orgOwner();
    expect((await owner.post(`/api/v1/orgs/${owner.org.id}/verify`, { verified: true })).status).toBe(403);
    const admin = await userWithRole("admin");
    const res = await admin.post(`/api/v1/orgs/${owner.org.id}/verify`, { verified: true });
    expect(res.status).toBe(200);
    expect(res.body.verified).toBe(true);
  });
});

describe("members and invitations", () => {
  test("an owner adds an existing user at once and invites an unknown address, who accepts after signing up", async () => {
    const owner = await orgOwner();
    const colleague = await signUp();
    const added = await owner.post(`/api/v1/orgs/${owner.org.id}/members`, { email: colleague.email, role: "member" });
    expect(added.status).toBe(201);
    expect(added.body.status).toBe("added");
    expect((await colleague.get("/api/v1/me")).body.memberships).toEqual([{ orgId: owner.org.id, orgKind: "cso", role: "member" }]);

    const email = `newcomer-${Math.random().toString(36).slice(2)}@example.org`;
    const invited = await owner.post(`/api/v1/orgs/${owner.org.id}/members`, { email, role: "owner" });
    expect(invited.body.status).toBe("invited");
    const newcomer = await signUp({ email });
    const pending = await newcomer.get("/api/v1/invitations");
    expect(pending.body.items).toEqual([expect.objectContaining({ orgId: owner.org.id, role: "owner" })]);
    // Someone else cannot accept it.
    expect((await colleague.post(`/api/v1/invitations/${invited.body.invitationId}/accept`)).status).toBe(404);
    expect((await newcomer.post(`/api/v1/invitations/${invited.body.invitationId}/accept`)).status).toBe(200);
    const members = await owner.get(`/api/v1/orgs/${owner.org.id}/members`);
    expect(members.body.items.map((m: { email: string; role: string }) => [m.email, m.role])).toEqual([
      [owner.email, "owner"], [colleague.email, "member"], [email, "owner"],
    ]);
  });

  test("members cannot invite; strangers cannot list members", async () => {
    const owner = await orgOwner();
    const colleague = await signUp();
    await owner.post(`/api/v1/orgs/${owner.org.id}/members`, { email: colleague.email, role: "member" });
    expect((await colleague.post(`/api/v1/orgs/${owner.org.id}/members`, { email: "x@example.org", role: "owner" })).status).toBe(403);
    const stranger = await signUp();
    expect((await stranger.get(`/api/v1/orgs/${owner.org.id}/members`)).status).toBe(403);
  });

  test("every change is in the audit log", async () => {
    const owner = await orgOwner();
    await owner.patch(`/api/v1/orgs/${owner.org.id}`, { version: 1, name: "Renamed group" });
    const rows = await env.DB.prepare("SELECT action FROM audit_log WHERE subject_id = ? ORDER BY id").bind(owner.org.id).all<{ action: string }>();
    expect(rows.results.map((r) => r.action)).toEqual(["org.created", "org.updated"]);
  });
});

describe("listing", () => {
  test("filters by kind, country, theme and name, with cursor paging", async () => {
    const owner = await signUp();
    const tag = Math.random().toString(36).slice(2, 8);
    for (let i = 0; i < 3; i++) await owner.post("/api/v1/orgs", { ...csoFields, name: `Filter ${tag} ${i}`, country: "SN", themes: ["health"] });
    await owner.post("/api/v1/orgs", { ...csoFields, name: `Filter ${tag} other`, country: "KE", themes: ["education"] });
    const bySn = await owner.get(`/api/v1/orgs?country=SN&q=${tag}`);
    expect(bySn.body.items).toHaveLength(3);
    const byTheme = await owner.get(`/api/v1/orgs?theme=education&q=${tag}`);
    expect(byTheme.body.items.map((o: { name: string }) => o.name)).toEqual([`Filter ${tag} other`]);
    const page1 = await owner.get(`/api/v1/orgs?q=${tag}&limit=2`);
    expect(page1.body.items).toHaveLength(2);
    const page2 = await owner.get(`/api/v1/orgs?q=${tag}&limit=2&cursor=${encodeURIComponent(page1.body.nextCursor)}`);
    expect(page2.body.items).toHaveLength(2);
    expect(page2.body.nextCursor).toBeNull();
    const bad = await owner.get("/api/v1/orgs?kind=bank&limit=500");
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(["kind", "limit"]);
  });
});
