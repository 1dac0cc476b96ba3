// Organisations over HTTP: create with every field, edit with versions, visibility for every role, members.
import { env } from "cloudflare:workers";
import { describe, expect, test } from "vitest";
import { Client } from "../helpers/client";
import { signUp, userWithRole, orgOwner, csoFields, funderFields, addMember } from "../helpers/world";

describe("create and read", () => {
  test("a CSO is created with every Org field and the caller becomes its owner", async () => {
    const owner = await signUp();
    const res = await owner.post("/api/v1/orgs", { ...csoFields, description: "We run literacy classes." });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      ...csoFields,
      description: "We run literacy classes.",
      verified: false,
      version: 1,
    });
    expect(res.body.id).toEqual(expect.any(String));
    const me = await owner.get("/api/v1/me");
    expect(me.body.memberships).toEqual([
      { orgId: res.body.id, orgKind: "cso", role: "owner", orgVerified: false },
    ]);
    expect((await owner.get(`/api/v1/orgs/${res.body.id}`)).body).toEqual(res.body);
  });

  test("bad input names every failing field; an unknown country is refused", async () => {
    const owner = await signUp();
    const res = await owner.post("/api/v1/orgs", {
      kind: "ngo",
      name: "",
      country: "Egypt",
      ledBy: ["women", "women"],
      annualBudget: { amount: -5, currency: "usd" },
      foundedYear: 3000,
    });
    expect(res.status).toBe(400);
    const paths = res.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        "kind",
        "name",
        "country",
        "ledBy",
        "annualBudget.amount",
        "annualBudget.currency",
        "foundedYear",
      ]),
    );
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
    // Anyone can create a funder: until the platform verifies it, "funders only" stays closed to it.
    ["unverified funder member", 200, 404, 404],
    ["analyst", 200, 404, 404],
    ["admin", 200, 200, 200],
    ["own member", 200, 200, 200],
  ] as const;

  test.each(cases)(
    "%s sees public %i, funders-only %i, hidden %i — on the page, the API and in lists",
    async (who, pub, fo, hid) => {
      const owner = await signUp();
      const ids: Record<string, string> = {};
      for (const visibility of ["public", "funders_only", "hidden"]) {
        ids[visibility] = (
          await owner.post("/api/v1/orgs", {
            ...csoFields,
            name: `Group ${visibility} ${Math.random()}`,
            visibility,
          })
        ).body.id;
      }
      const viewer =
        who === "anonymous"
          ? new Client()
          : who === "member of another CSO"
            ? await orgOwner()
            : who === "funder member"
              ? await orgOwner(funderFields)
              : who === "unverified funder member"
                ? await orgOwner(funderFields, { verified: false })
                : who === "analyst"
                  ? await userWithRole("analyst")
                  : who === "admin"
                    ? await userWithRole("admin")
                    : owner;
      const expected = { public: pub, funders_only: fo, hidden: hid };
      const listed = (await viewer.get("/api/v1/orgs?limit=100")).body.items.map((o: { id: string }) => o.id);
      for (const [visibility, status] of Object.entries(expected)) {
        expect((await viewer.get(`/api/v1/orgs/${ids[visibility]}`)).status).toBe(status);
        expect((await viewer.page(`/orgs/${ids[visibility]}`)).status).toBe(status);
        expect(listed.includes(ids[visibility])).toBe(status === 200);
      }
    },
  );
});

describe("editing", () => {
  test("a member edits with the version read; a stale version is 409 with the current copy and nothing is overwritten", async () => {
    const owner = await orgOwner();
    const id = owner.org.id;
    const first = await owner.patch(`/api/v1/orgs/${id}`, {
      version: 1,
      volunteerCount: 20,
      themes: ["education"],
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      version: 2,
      volunteerCount: 20,
      themes: ["education"],
      name: csoFields.name,
    });

    const stale = await owner.patch(`/api/v1/orgs/${id}`, { version: 1, volunteerCount: 99 });
    expect(stale.status).toBe(409);
    expect(stale.body.current).toMatchObject({ version: 2, volunteerCount: 20 });
    expect((await owner.get(`/api/v1/orgs/${id}`)).body.volunteerCount).toBe(20);
  });

  test("null clears an optional field", async () => {
    const owner = await orgOwner();
    const res = await owner.patch(`/api/v1/orgs/${owner.org.id}`, {
      version: 1,
      area: null,
      annualBudget: null,
    });
    expect(res.body).toMatchObject({ area: null, annualBudget: null });
  });

  test("another organisation's member gets 403 (public) or 404 (hidden); anonymous 401", async () => {
    const owner = await orgOwner();
    const hidden = await orgOwner({ ...csoFields, visibility: "hidden" });
    const stranger = await orgOwner();
    expect(
      (await stranger.patch(`/api/v1/orgs/${owner.org.id}`, { version: 1, name: "Taken over" })).status,
    ).toBe(403);
    expect(
      (await stranger.patch(`/api/v1/orgs/${hidden.org.id}`, { version: 1, name: "Taken over" })).status,
    ).toBe(404);
    expect(
      (await new Client().patch(`/api/v1/orgs/${owner.org.id}`, { version: 1, name: "Taken over" })).status,
    ).toBe(401);
    expect((await owner.get(`/api/v1/orgs/${owner.org.id}`)).body.name).toBe(csoFields.name);
    const form = await stranger.form(`/orgs/${owner.org.id}/edit`, {
      version: "1",
      name: "Taken over",
      country: "EG",
    });
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
  test("an existing account is invited, not added, and the answer does not say whether it exists", async () => {
    const owner = await orgOwner({ ...csoFields, name: "Quiet circle", visibility: "hidden" });
    const colleague = await signUp();
    const forExisting = await owner.post(`/api/v1/orgs/${owner.org.id}/members`, {
      email: colleague.email,
      role: "member",
    });
    const forUnknown = await owner.post(`/api/v1/orgs/${owner.org.id}/members`, {
      email: `nobody-${Math.random().toString(36).slice(2)}@example.org`,
      role: "member",
    });
    expect(forExisting.status).toBe(202);
    expect(forUnknown.status).toBe(202);
    const shape = (b: Record<string, unknown>) => ({ ...b, invitationId: typeof b.invitationId });
    expect(shape(forExisting.body)).toEqual(shape(forUnknown.body));
    expect(JSON.stringify(forExisting.body)).not.toContain("Test User");
    // Nothing changed for the invitee until they accept.
    expect((await colleague.get("/api/v1/me")).body.memberships).toEqual([]);
    expect((await colleague.get(`/api/v1/orgs/${owner.org.id}`)).status).toBe(404);
    const page = await owner.form(`/orgs/${owner.org.id}/members`, {
      email: colleague.email,
      role: "member",
    });
    expect(page.status).toBe(200);
    expect(page.html).not.toContain("is now a member");
    expect((await colleague.post(`/api/v1/invitations/${forExisting.body.invitationId}/accept`)).status).toBe(
      200,
    );
    expect((await colleague.get("/api/v1/me")).body.memberships).toEqual([
      { orgId: owner.org.id, orgKind: "cso", role: "member", orgVerified: false },
    ]);
  });

  test("an owner invites an unknown address, who accepts after signing up; nobody else can accept it", async () => {
    const owner = await orgOwner();
    const colleague = await signUp();
    await addMember(owner, owner.org.id, colleague);

    const email = `newcomer-${Math.random().toString(36).slice(2)}@example.org`;
    const invited = await owner.post(`/api/v1/orgs/${owner.org.id}/members`, { email, role: "owner" });
    expect(invited.body.status).toBe("invited");
    const newcomer = await signUp({ email });
    const pending = await newcomer.get("/api/v1/invitations");
    expect(pending.body.items).toEqual([expect.objectContaining({ orgId: owner.org.id, role: "owner" })]);
    // Someone else cannot accept it.
    expect((await colleague.post(`/api/v1/invitations/${invited.body.invitationId}/accept`)).status).toBe(
      404,
    );
    expect((await newcomer.post(`/api/v1/invitations/${invited.body.invitationId}/accept`)).status).toBe(200);
    const members = await owner.get(`/api/v1/orgs/${owner.org.id}/members`);
    expect(members.body.items.map((m: { email: string; role: string }) => [m.email, m.role])).toEqual([
      [owner.email, "owner"],
      [colleague.email, "member"],
      [email, "owner"],
    ]);
  });

  test("members cannot invite; strangers cannot list members", async () => {
    const owner = await orgOwner();
    const colleague = await signUp();
    await addMember(owner, owner.org.id, colleague);
    const refused = await colleague.post(`/api/v1/orgs/${owner.org.id}/members`, {
      email: "x@example.org",
      role: "owner",
    });
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toMatch(/owners/);
    const stranger = await signUp();
    expect((await stranger.get(`/api/v1/orgs/${owner.org.id}/members`)).status).toBe(403);
  });

  test("only owners change who may see the group: a member cannot publish a hidden group, by the API or the form", async () => {
    const owner = await orgOwner({ ...csoFields, visibility: "hidden" });
    const member = await signUp();
    await addMember(owner, owner.org.id, member);
    const res = await member.patch(`/api/v1/orgs/${owner.org.id}`, { version: 1, visibility: "public" });
    expect(res.status).toBe(403);
    expect(res.body.detail).toMatch(/owners/);
    const form = await member.form(`/orgs/${owner.org.id}/edit`, {
      version: "1",
      kind: "cso",
      name: csoFields.name,
      country: "EG",
      visibility: "public",
    });
    expect(form.status).toBe(403);
    expect((await owner.get(`/api/v1/orgs/${owner.org.id}`)).body).toMatchObject({
      visibility: "hidden",
      version: 1,
    });
    // Everything else stays open to members, and an unchanged visibility is not a change.
    expect(
      (
        await member.patch(`/api/v1/orgs/${owner.org.id}`, {
          version: 1,
          volunteerCount: 9,
          visibility: "hidden",
        })
      ).status,
    ).toBe(200);
    expect(
      (await owner.patch(`/api/v1/orgs/${owner.org.id}`, { version: 2, visibility: "funders_only" })).body
        .visibility,
    ).toBe("funders_only");
  });

  test("admins cannot invite themselves (or anyone) into a group: they never gain a membership an owner did not offer", async () => {
    const owner = await orgOwner({ ...csoFields, visibility: "hidden" });
    const admin = await userWithRole("admin");
    const res = await admin.post(`/api/v1/orgs/${owner.org.id}/members`, {
      email: admin.email,
      role: "owner",
    });
    expect(res.status).toBe(403);
    expect(
      (await admin.form(`/orgs/${owner.org.id}/members`, { email: admin.email, role: "owner" })).status,
    ).toBe(403);
    expect((await admin.get("/api/v1/invitations")).body.items).toEqual([]);
  });

  test("every change is in the audit log", async () => {
    const owner = await orgOwner();
    await owner.patch(`/api/v1/orgs/${owner.org.id}`, { version: 1, name: "Renamed group" });
    const rows = await env.DB.prepare("SELECT action FROM audit_log WHERE subject_id = ? ORDER BY id")
      .bind(owner.org.id)
      .all<{ action: string }>();
    expect(rows.results.map((r) => r.action)).toEqual(["org.created", "trust.level_changed", "org.updated"]);
  });
});

describe("listing", () => {
  test("filters by kind, country, theme and name, with cursor paging", async () => {
    const owner = await signUp();
    const tag = Math.random().toString(36).slice(2, 8);
    for (let i = 0; i < 3; i++)
      await owner.post("/api/v1/orgs", {
        ...csoFields,
        name: `Filter ${tag} ${i}`,
        country: "SN",
        themes: ["health"],
      });
    await owner.post("/api/v1/orgs", {
      ...csoFields,
      name: `Filter ${tag} other`,
      country: "KE",
      themes: ["education"],
    });
    const bySn = await owner.get(`/api/v1/orgs?country=SN&q=${tag}`);
    expect(bySn.body.items).toHaveLength(3);
    const byTheme = await owner.get(`/api/v1/orgs?theme=education&q=${tag}`);
    expect(byTheme.body.items.map((o: { name: string }) => o.name)).toEqual([`Filter ${tag} other`]);
    const page1 = await owner.get(`/api/v1/orgs?q=${tag}&limit=2`);
    expect(page1.body.items).toHaveLength(2);
    const page2 = await owner.get(
      `/api/v1/orgs?q=${tag}&limit=2&cursor=${encodeURIComponent(page1.body.nextCursor)}`,
    );
    expect(page2.body.items).toHaveLength(2);
    expect(page2.body.nextCursor).toBeNull();
    const bad = await owner.get("/api/v1/orgs?kind=bank&limit=500");
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(["kind", "limit"]);
  });
});
