// Funding calls over HTTP: every field, validation, draft lifecycle, versions, deadlines, browsing, pages.
import { env, exports } from "cloudflare:workers";
import { describe, expect, test } from "vitest";
import { Client } from "../helpers/client";
import { signUp, userWithRole, orgOwner, csoFields, funderFields } from "../helpers/world";
import { callBody, funderWithCall, expireCall } from "../helpers/calls";

describe("creating a call", () => {
  test("a funder member creates a draft with every field; ids are given to unnamed questions", async () => {
    const funder = await orgOwner(funderFields);
    const body = callBody(funder.org.id);
    const res = await funder.post("/api/v1/calls", body);
    expect(res.status).toBe(201);
    const { funderOrgId, questions, deadline, ...rest } = body;
    expect(res.body).toMatchObject({
      ...rest,
      funderOrgId,
      funderName: funderFields.name,
      status: "draft",
      version: 1,
      publishedAt: null,
    });
    expect(Date.parse(res.body.deadline)).toBe(Date.parse(deadline));
    expect(res.body.questions).toEqual([
      { id: "change", label: "What change do you want to see?", maxChars: 800 },
      { id: "q1", label: "How would you use core funding?", maxChars: 600 },
    ]);
    expect(res.body.estimatedMinutes).toEqual({ low: 15, high: 25 });
    expect((await funder.get(`/api/v1/calls/${res.body.id}`)).body).toEqual(res.body);
  });

  test("invalid calls are refused with every field named: 6 questions, max below min, unknown theme, past deadline", async () => {
    const funder = await orgOwner(funderFields);
    const six = Array.from({ length: 6 }, (_, i) => ({ label: `Question number ${i}`, maxChars: 500 }));
    const res = await funder.post(
      "/api/v1/calls",
      callBody(funder.org.id, {
        questions: six,
        grant: { min: { amount: 900, currency: "USD" }, max: { amount: 100, currency: "USD" } },
        themes: ["gardening"],
        deadline: "2020-01-01T00:00:00Z",
      }),
    );
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    const paths = res.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(["questions", "grant.max.amount", "themes.0", "deadline"]));
    // Nothing was stored.
    expect((await funder.get(`/api/v1/orgs/${funder.org.id}/calls`)).body.items).toEqual([]);
  });

  test("more rules: different currencies, no questions, a question without a limit, an unknown country, a non-date deadline", async () => {
    const funder = await orgOwner(funderFields);
    const res = await funder.post(
      "/api/v1/calls",
      callBody(funder.org.id, {
        grant: { min: { amount: 100, currency: "USD" }, max: { amount: 900, currency: "EUR" } },
        deadline: "next Friday",
      }),
    );
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(["grant.max.currency", "deadline"]),
    );
    const none = await funder.post("/api/v1/calls", callBody(funder.org.id, { questions: [] }));
    expect(none.body.errors.map((e: { path: string }) => e.path)).toContain("questions");
    const noLimit = await funder.post(
      "/api/v1/calls",
      callBody(funder.org.id, { questions: [{ label: "Tell us more" }] }),
    );
    expect(noLimit.body.errors.map((e: { path: string }) => e.path)).toContain("questions.0.maxChars");
    const country = await funder.post(
      "/api/v1/calls",
      callBody(funder.org.id, { eligibility: { countries: ["EG", "QQ"] } }),
    );
    expect(country.status).toBe(400);
    expect(country.body.errors).toEqual([{ path: "eligibility.countries.1", message: expect.any(String) }]);
  });

  test("anyone may create a funder, but until the platform verifies it: drafts only — no publishing, matching, inviting or funders-only groups", async () => {
    const fake = await orgOwner(funderFields, { verified: false });
    const shy = await orgOwner({ ...csoFields, name: "Funders-only circle", visibility: "funders_only" });
    // A draft call with no criteria would otherwise rank every organisation, profiles and budgets included.
    const draft = await fake.post(
      "/api/v1/calls",
      callBody(fake.org.id, { eligibility: {}, priorities: {} }),
    );
    expect(draft.status).toBe(201);
    const matches = await fake.get(`/api/v1/calls/${draft.body.id}/matches?limit=100`);
    expect(matches.status).toBe(403);
    expect(matches.body.detail).toMatch(/not verified/);
    expect(JSON.stringify(matches.body)).not.toContain("Funders-only circle");
    expect((await fake.page(`/calls/${draft.body.id}/matches`)).status).toBe(403);
    const publish = await fake.post(`/api/v1/calls/${draft.body.id}/publish`);
    expect(publish.status).toBe(403);
    expect(publish.body.errors[0].path).toBe("funderOrgId");
    expect((await fake.form(`/calls/${draft.body.id}/publish`, {})).status).toBe(403);
    // Not even an admin publishes for an unverified funder.
    expect((await (await userWithRole("admin")).post(`/api/v1/calls/${draft.body.id}/publish`)).status).toBe(
      403,
    );
    expect((await fake.get(`/api/v1/calls/${draft.body.id}`)).body.status).toBe("draft");
    expect((await fake.get(`/api/v1/orgs/${shy.org.id}`)).status).toBe(404);
    expect((await fake.get("/api/v1/orgs?limit=100&q=Funders-only")).body.items).toEqual([]);
    // Once the platform verifies it, the same funder may.
    const admin = await userWithRole("admin");
    const unchecked = await admin.post(`/api/v1/orgs/${fake.org.id}/verify`, { verified: true });
    expect(unchecked.status).toBe(400); // a funder is verified with what was checked
    expect(unchecked.body.errors.map((e: { path: string }) => e.path)).toEqual([
      "checks.website",
      "checks.registration",
      "checks.contact",
    ]);
    expect(
      (
        await admin.post(`/api/v1/orgs/${fake.org.id}/verify`, {
          verified: true,
          checks: {
            website: "https://fund.example.org",
            registration: "NL-KvK 1234",
            contact: "Director, by phone",
          },
        })
      ).status,
    ).toBe(200);
    expect((await fake.get(`/api/v1/orgs/${shy.org.id}`)).status).toBe(200);
    expect((await fake.get(`/api/v1/calls/${draft.body.id}/matches?limit=100`)).status).toBe(200);
    expect((await fake.post(`/api/v1/calls/${draft.body.id}/publish`)).status).toBe(200);
    // Verification withdrawn: the open call stays, but the funder no longer reaches out through it.
    expect((await admin.post(`/api/v1/orgs/${fake.org.id}/verify`, { verified: false })).status).toBe(200);
    const invite = await fake.post(`/api/v1/calls/${draft.body.id}/invitations`, { orgId: shy.org.id });
    expect(invite.status).toBe(403);
    expect((await fake.get(`/api/v1/calls/${draft.body.id}/matches`)).status).toBe(403);
  });

  test("only members of the funder organisation may post for it; a CSO cannot post calls", async () => {
    const funder = await orgOwner(funderFields);
    const stranger = await orgOwner(funderFields);
    expect((await stranger.post("/api/v1/calls", callBody(funder.org.id))).status).toBe(403);
    expect((await new Client().post("/api/v1/calls", callBody(funder.org.id))).status).toBe(401);
    const cso = await orgOwner(csoFields);
    expect((await cso.post("/api/v1/calls", callBody(cso.org.id))).status).toBe(403);
    const admin = await userWithRole("admin");
    const asAdmin = await admin.post("/api/v1/calls", callBody(cso.org.id));
    expect(asAdmin.status).toBe(422);
    expect(asAdmin.body.errors[0].path).toBe("funderOrgId");
  });
});

describe("draft lifecycle", () => {
  test("drafts are seen only by the funder's members and admins", async () => {
    const funder = await funderWithCall({}, { draft: true });
    const path = `/api/v1/calls/${funder.call.id}`;
    expect((await funder.get(path)).status).toBe(200);
    expect((await (await userWithRole("admin")).get(path)).status).toBe(200);
    for (const other of [
      new Client(),
      await signUp(),
      await orgOwner(csoFields),
      await orgOwner(funderFields),
      await userWithRole("analyst"),
    ]) {
      expect((await other.get(path)).status).toBe(404);
      expect((await other.page(`/calls/${funder.call.id}`)).status).toBe(404);
    }
    expect(
      (await new Client().get("/api/v1/calls")).body.items.map((c: { id: string }) => c.id),
    ).not.toContain(funder.call.id);
  });

  test("a draft is edited with its version; a stale version gets 409 with the current call", async () => {
    const funder = await funderWithCall({}, { draft: true });
    const path = `/api/v1/calls/${funder.call.id}`;
    const first = await funder.patch(path, { version: 1, title: "Core support, second round" });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      title: "Core support, second round",
      version: 2,
      summary: funder.call.summary,
    });
    const stale = await funder.patch(path, { version: 1, title: "Overwrite" });
    expect(stale.status).toBe(409);
    expect(stale.body.current).toMatchObject({ title: "Core support, second round", version: 2 });
    expect((await funder.get(path)).body.title).toBe("Core support, second round");
  });

  test("a patch is checked together with the rest of the call", async () => {
    const funder = await funderWithCall({}, { draft: true });
    const res = await funder.patch(`/api/v1/calls/${funder.call.id}`, {
      version: 1,
      grant: { min: { amount: 9_000_000, currency: "USD" }, max: { amount: 100, currency: "USD" } },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain("grant.max.amount");
  });

  test("publish opens the call; it can no longer be edited; close closes it; others cannot do either", async () => {
    const funder = await funderWithCall({}, { draft: true });
    const id = funder.call.id;
    const stranger = await orgOwner(funderFields);
    expect((await stranger.post(`/api/v1/calls/${id}/publish`)).status).toBe(404);
    const published = await funder.post(`/api/v1/calls/${id}/publish`);
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ status: "open", publishedAt: expect.any(String) });
    expect((await stranger.post(`/api/v1/calls/${id}/close`)).status).toBe(403);
    expect((await new Client().post(`/api/v1/calls/${id}/close`)).status).toBe(401);
    const edit = await funder.patch(`/api/v1/calls/${id}`, {
      version: published.body.version,
      title: "Changed after publishing",
    });
    expect(edit.status).toBe(422);
    expect((await funder.post(`/api/v1/calls/${id}/publish`)).status).toBe(422);
    expect((await new Client().get(`/api/v1/calls/${id}`)).body.status).toBe("open");
    const closed = await funder.post(`/api/v1/calls/${id}/close`);
    expect(closed.body.status).toBe("closed");
    expect(
      (await new Client().get("/api/v1/calls")).body.items.map((c: { id: string }) => c.id),
    ).not.toContain(id);
  });

  test("a draft whose deadline has passed cannot be published", async () => {
    const funder = await funderWithCall({}, { draft: true });
    await expireCall(funder.call.id);
    const res = await funder.post(`/api/v1/calls/${funder.call.id}/publish`);
    expect(res.status).toBe(422);
    expect(res.body.errors[0].path).toBe("deadline");
  });
});

describe("deadlines close calls", () => {
  test("a passed deadline is shown as closed at once, and the cron marks it closed in the database", async () => {
    const funder = await funderWithCall();
    await expireCall(funder.call.id);
    const anon = new Client();
    expect((await anon.get(`/api/v1/calls/${funder.call.id}`)).body.status).toBe("closed");
    expect((await anon.get("/api/v1/calls")).body.items.map((c: { id: string }) => c.id)).not.toContain(
      funder.call.id,
    );
    const stored = () =>
      env.DB.prepare("SELECT status FROM calls WHERE id = ?")
        .bind(funder.call.id)
        .first<{ status: string }>();
    expect((await stored())!.status).toBe("open");
    const worker = exports as unknown as {
      default: { scheduled: (c: { scheduledTime: number; cron: string }) => Promise<void> };
    };
    await worker.default.scheduled({ scheduledTime: Date.now(), cron: "*/15 * * * *" });
    expect((await stored())!.status).toBe("closed");
  });
});

describe("browsing open calls", () => {
  test("filters by country (including Global-South-only), theme, funding type and text", async () => {
    const tag = `zq${Date.now().toString(36)}`;
    const f = await orgOwner(funderFields);
    const make = async (over: Record<string, unknown>) => {
      const r = await f.post(
        "/api/v1/calls",
        callBody(f.org.id, {
          title: `${tag} ${over.title ?? "call"}`,
          ...over,
          ...(over.title ? { title: `${tag} ${over.title}` } : {}),
        }),
      );
      await f.post(`/api/v1/calls/${r.body.id}/publish`);
      return r.body.id as string;
    };
    const egypt = await make({
      title: "egypt only",
      eligibility: { countries: ["EG"] },
      themes: ["health"],
      fundingType: "project",
    });
    const south = await make({
      title: "global south",
      eligibility: { globalSouthOnly: true },
      themes: ["education"],
    });
    const anywhere = await make({ title: "anywhere", eligibility: {}, themes: ["education"] });
    const ids = async (q: string) =>
      (await new Client().get(`/api/v1/calls?q=${tag}&${q}`)).body.items
        .map((c: { id: string }) => c.id)
        .sort();
    expect(await ids("")).toEqual([egypt, south, anywhere].sort());
    expect(await ids("country=EG")).toEqual([egypt, south, anywhere].sort());
    expect(await ids("country=SN")).toEqual([south, anywhere].sort());
    expect(await ids("country=FR")).toEqual([anywhere]);
    expect(await ids("theme=education")).toEqual([south, anywhere].sort());
    expect(await ids("fundingType=project")).toEqual([egypt]);
    const bad = await new Client().get("/api/v1/calls?fundingType=loan&limit=1000");
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(["fundingType", "limit"]);
  });

  test("the list page and the call page work without JavaScript, in Arabic right-to-left with the deadline in the viewer's zone", async () => {
    const funder = await funderWithCall({ deadline: "2099-12-31T17:00:00Z" });
    const anon = new Client();
    anon.cookies.set("sanad_tz", "Asia/Dhaka");
    const list = await anon.page("/calls?lang=ar");
    expect(list.status).toBe(200);
    expect(list.html).toContain('dir="rtl"');
    expect(list.html).toContain(funder.call.title);
    const page = await anon.page(`/calls/${funder.call.id}?lang=en`);
    expect(page.html).toContain('datetime="2099-12-31T17:00:00.000Z"');
    expect(page.html).toMatch(/Dec 31, 2099, 11:00 PM GMT\+6/);
    expect(page.html).toMatch(/About 15–25 minutes/);
  });
});

describe("call pages for funders", () => {
  test("a funder creates a call through the HTML form, with errors shown next to the fields", async () => {
    const funder = await orgOwner(funderFields);
    funder.cookies.set("sanad_tz", "Africa/Dakar");
    const form = {
      funderOrgId: funder.org.id,
      title: "Micro-grants",
      summary: "Small grants for informal groups.",
      languages: "fr, wo",
      themes: ["youth"],
      globalSouthOnly: "on",
      grantMin: "1 000 000",
      grantMax: "500",
      grantCurrency: "XOF",
      fundingType: "project",
      durationMonths: "12",
      deadline: "2099-06-30T18:00",
      q1_label: "Describe your project",
      q1_max: "800",
    };
    const bad = await funder.form("/calls/new", form);
    expect(bad.status).toBe(400);
    expect(bad.html).toMatch(/id="grantMax-error"/);
    const ok = await funder.form("/calls/new", { ...form, grantMax: "5 000 000" });
    expect(ok.status).toBe(303);
    const id = ok.headers.get("location")!.split("/").pop()!;
    const call = (await funder.get(`/api/v1/calls/${id}`)).body;
    expect(call).toMatchObject({
      status: "draft",
      grant: { min: { amount: 1_000_000, currency: "XOF" }, max: { amount: 5_000_000, currency: "XOF" } },
      deadline: "2099-06-30T18:00:00.000Z",
      languages: ["fr", "wo"],
    });
    expect((await funder.form(`/calls/${id}/publish`, {})).status).toBe(200);
    expect((await funder.get(`/api/v1/calls/${id}`)).body.status).toBe("open");
  });

  test("minimum trust level: 0 by default, 0–4 through the API, a select with the level names in the form", async () => {
    const funder = await orgOwner(funderFields);
    expect((await funder.post("/api/v1/calls", callBody(funder.org.id))).body.eligibility.minTrustLevel).toBe(
      0,
    );
    const asked = await funder.post(
      "/api/v1/calls",
      callBody(funder.org.id, { eligibility: { countries: ["EG"], minTrustLevel: 3 } }),
    );
    expect(asked.status).toBe(201);
    expect(asked.body.eligibility).toMatchObject({ countries: ["EG"], minTrustLevel: 3 });
    const bad = await funder.post(
      "/api/v1/calls",
      callBody(funder.org.id, { eligibility: { minTrustLevel: 5 } }),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(["eligibility.minTrustLevel"]);
    // A patch that replaces the eligibility keeps what it says about the level.
    expect(
      (
        await funder.patch(`/api/v1/calls/${asked.body.id}`, {
          version: 1,
          eligibility: { minTrustLevel: 1 },
        })
      ).body.eligibility.minTrustLevel,
    ).toBe(1);

    const blank = await funder.page("/calls/new");
    expect(blank.html).toMatch(/<select id="minTrustLevel" name="minTrustLevel"/);
    expect(blank.html).toContain('<option value="0" selected>No minimum: every organisation</option>');
    expect(blank.html).toContain("Level 2: vouched for by two trusted organisations nearby");
    expect((await funder.page("/calls/new?lang=ar")).html).toContain(
      "المستوى \u20683\u2069: \u2068بتأكيد من فرع البلد\u2069",
    ); // values isolated in right-to-left text
    await funder.page("/calls/new?lang=en"); // the switch is remembered: switch back
    const form = {
      funderOrgId: funder.org.id,
      title: "Trusted groups",
      summary: "Core support for groups others vouch for.",
      languages: "ar",
      grantMin: "1000",
      grantMax: "5000",
      grantCurrency: "USD",
      fundingType: "core",
      durationMonths: "12",
      deadline: "2099-06-30T18:00",
      q1_label: "What does your group do?",
      q1_max: "800",
      minTrustLevel: "2",
    };
    const created = await funder.form("/calls/new", form);
    expect(created.status).toBe(303);
    const id = created.headers.get("location")!.split("/").pop()!;
    expect((await funder.get(`/api/v1/calls/${id}`)).body.eligibility.minTrustLevel).toBe(2);
    // The edit form shows the saved level; the call page states it in words.
    expect((await funder.page(`/calls/${id}/edit`)).html).toContain('<option value="2" selected>');
    expect((await funder.page(`/calls/${id}`)).html).toContain(
      "Trust level 2 or above (vouched for by two trusted organisations nearby)",
    );
    const wrong = await funder.form("/calls/new", { ...form, minTrustLevel: "7" });
    expect(wrong.status).toBe(400);
    expect(wrong.html).toMatch(/id="minTrustLevel-error"/);
  });

  test("/calls/new needs a funder membership", async () => {
    expect((await new Client().page("/calls/new")).status).toBe(401);
    expect((await (await orgOwner(csoFields)).page("/calls/new")).status).toBe(403);
    expect((await (await orgOwner(funderFields)).page("/calls/new")).status).toBe(200);
  });

  test("a stale edit in the form keeps the user's text and shows a conflict", async () => {
    const funder = await funderWithCall({}, { draft: true });
    const id = funder.call.id;
    expect((await funder.patch(`/api/v1/calls/${id}`, { version: 1, title: "Their title" })).status).toBe(
      200,
    );
    const edit = await funder.page(`/calls/${id}/edit`);
    expect(edit.status).toBe(200);
    const res = await funder.form(`/calls/${id}/edit`, {
      version: "1",
      title: "My title",
      summary: "Two years of flexible core funding.",
      languages: "ar",
      themes: "womens_rights",
      grantMin: "5000",
      grantMax: "25000",
      grantCurrency: "USD",
      fundingType: "core",
      durationMonths: "24",
      deadline: "2099-06-30T18:00",
      q1_id: "change",
      q1_label: "What change do you want to see?",
      q1_max: "800",
    });
    expect(res.status).toBe(409);
    expect(res.html).toContain('value="My title"');
    expect(res.html).toContain('name="version" value="2"');
    expect((await funder.get(`/api/v1/calls/${id}`)).body.title).toBe("Their title");
  });
});
