// Applications over HTTP: the full journey, every submission problem at once, drafts that survive
// conflicts, one application per organisation, withdraw, reviews, one decision, and who sees what.
import { env } from "cloudflare:workers";
import { describe, expect, test } from "vitest";
import { Client } from "../helpers/client";
import { signUp, userWithRole, orgOwner, csoFields, funderFields, addMember } from "../helpers/world";
import { funderWithCall, expireCall } from "../helpers/calls";

/** An open call (EG/TN/SN, women-led, 5,000–25,000 USD, two questions) and a CSO that can apply. */
const world = async () => {
  const funder = await funderWithCall();
  const cso = await orgOwner(csoFields);
  return { funder, cso, call: funder.call };
};

const startDraft = async () => {
  const w = await world();
  const res = await w.cso.post(`/api/v1/calls/${w.call.id}/applications`, { orgId: w.cso.org.id });
  expect(res.status).toBe(201);
  return { ...w, app: res.body as { id: string; version: number } & Record<string, any> };
};

const goodAnswers = {
  change: "Girls in our villages finish school.",
  q1: "Rent for our literacy room and transport for volunteers.",
};
const paths = (body: { errors?: { path: string }[] }) => (body.errors ?? []).map((e) => e.path).sort();

describe("the journey", () => {
  test("create → save → stale save 409 → submit with errors 422 → fix → submit → second application 409 → review → award", async () => {
    const { funder, cso, call, app } = await startDraft();
    expect(app).toMatchObject({
      status: "draft",
      callId: call.id,
      orgId: cso.org.id,
      answers: {},
      requestedAmount: null,
      version: 1,
      decision: null,
    });

    const saved = await cso.patch(`/api/v1/applications/${app.id}`, {
      version: 1,
      answers: { change: "Girls in our villages finish school." },
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      version: 2,
      answers: { change: "Girls in our villages finish school." },
    });

    const stale = await cso.patch(`/api/v1/applications/${app.id}`, {
      version: 1,
      answers: { change: "Overwrite" },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.current).toMatchObject({
      version: 2,
      answers: { change: "Girls in our villages finish school." },
    });

    await cso.patch(`/api/v1/applications/${app.id}`, {
      version: 2,
      answers: { q1: "x".repeat(601) },
      requestedAmount: { amount: 9_999_900, currency: "USD" },
    });
    const bad = await cso.post(`/api/v1/applications/${app.id}/submit`);
    expect(bad.status).toBe(422);
    expect(paths(bad.body)).toEqual(["answers.q1", "requestedAmount.amount"]);

    const fixed = await cso.patch(`/api/v1/applications/${app.id}`, {
      version: 3,
      answers: goodAnswers,
      requestedAmount: { amount: 1_500_000, currency: "USD" },
    });
    expect(fixed.status).toBe(200);
    const submitted = await cso.post(`/api/v1/applications/${app.id}/submit`);
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({
      status: "submitted",
      submittedAt: expect.any(String),
      snapshot: { id: cso.org.id, name: csoFields.name, legalStatus: "unregistered" },
    });
    expect(
      (
        await cso.patch(`/api/v1/applications/${app.id}`, {
          version: submitted.body.version,
          answers: goodAnswers,
        })
      ).status,
    ).toBe(422);

    const again = await cso.post(`/api/v1/calls/${call.id}/applications`, { orgId: cso.org.id });
    expect(again.status).toBe(409);
    expect(again.body.applicationId).toBe(app.id);

    const list = await funder.get(`/api/v1/calls/${call.id}/applications`);
    expect(list.body.items.map((a: { id: string }) => a.id)).toEqual([app.id]);
    const colleague = await signUp();
    await addMember(funder, funder.org.id, colleague);
    const colleagueAgain = new Client();
    await colleagueAgain.post("/api/v1/auth/login", {
      email: colleague.email,
      password: "correct horse battery staple",
    });
    expect(
      (
        await funder.post(`/api/v1/applications/${app.id}/reviews`, {
          score: 4,
          comment: "Clear and focused.",
        })
      ).status,
    ).toBe(201);
    const reviews = await colleagueAgain.post(`/api/v1/applications/${app.id}/reviews`, { score: 5 });
    expect(reviews.body.averageScore).toBe(4.5);
    expect((await funder.get(`/api/v1/applications/${app.id}`)).body.status).toBe("under_review");

    const award = await funder.post(`/api/v1/applications/${app.id}/decision`, {
      decision: "award",
      amount: { amount: 1_200_000, currency: "USD" },
    });
    expect(award.status).toBe(200);
    expect(award.body).toMatchObject({
      status: "awarded",
      decision: { decision: "award", amount: { amount: 1_200_000, currency: "USD" } },
    });
    const row = await env.DB.prepare(
      "SELECT amount, currency, amount_usd, funding_type, duration_months, award_date FROM awards WHERE application_id = ?",
    )
      .bind(app.id)
      .first();
    expect(row).toMatchObject({
      amount: 1_200_000,
      currency: "USD",
      amount_usd: 1_200_000,
      funding_type: "core",
      duration_months: 24,
      award_date: new Date().toISOString().slice(0, 10),
    });
    const received = await env.DB.prepare("SELECT funding_received_usd AS n FROM orgs WHERE id = ?")
      .bind(cso.org.id)
      .first<{ n: number }>();
    expect(received!.n).toBe(1_200_000);
    expect(
      (
        await funder.post(`/api/v1/applications/${app.id}/decision`, {
          decision: "decline",
          reasons: ["budget"],
        })
      ).status,
    ).toBe(409);

    const mine = await cso.get(`/api/v1/orgs/${cso.org.id}/applications`);
    expect(mine.body.items[0]).toMatchObject({ id: app.id, status: "awarded", callTitle: call.title });
    const audit = await env.DB.prepare("SELECT action FROM audit_log WHERE subject_id = ? ORDER BY id")
      .bind(app.id)
      .all<{ action: string }>();
    expect(audit.results.map((r) => r.action)).toEqual([
      "application.created",
      "application.submitted",
      "application.reviewed",
      "application.reviewed",
      "application.awarded",
    ]);
    const notices = await env.DB.prepare(
      "SELECT org_id, kind FROM notifications WHERE data LIKE ? ORDER BY created_at",
    )
      .bind(`%${app.id}%`)
      .all<{ org_id: string; kind: string }>();
    expect(notices.results).toEqual([
      { org_id: funder.org.id, kind: "application.submitted" },
      { org_id: cso.org.id, kind: "application.awarded" },
    ]);
  });

  test("a decline needs a reason, and the applicant reads it in their language", async () => {
    const { funder, cso, app } = await startDraft();
    await cso.patch(`/api/v1/applications/${app.id}`, {
      version: 1,
      answers: goodAnswers,
      requestedAmount: { amount: 1_000_000, currency: "USD" },
    });
    expect((await cso.post(`/api/v1/applications/${app.id}/submit`)).status).toBe(200);
    const noReason = await funder.post(`/api/v1/applications/${app.id}/decision`, { decision: "decline" });
    expect(noReason.status).toBe(400);
    expect(paths(noReason.body)).toEqual(["reasons"]);
    const declined = await funder.post(`/api/v1/applications/${app.id}/decision`, {
      decision: "decline",
      reasons: ["competition", "budget"],
      note: "Please apply again next year.",
    });
    expect(declined.body).toMatchObject({
      status: "declined",
      decision: {
        decision: "decline",
        reasons: ["competition", "budget"],
        note: "Please apply again next year.",
        amount: null,
      },
    });
    await cso.patch("/api/v1/me", { locale: "es" });
    const page = await cso.page(`/applications/${app.id}`);
    expect(page.html).toContain("Mucha competencia");
    expect(page.html).toContain("Please apply again next year.");
    expect(
      (await env.DB.prepare("SELECT count(*) AS n FROM awards WHERE application_id = ?")
        .bind(app.id)
        .first<{ n: number }>())!.n,
    ).toBe(0);
  });

  test("an award outside the call's range or in another currency is refused", async () => {
    const { funder, cso, app } = await startDraft();
    await cso.patch(`/api/v1/applications/${app.id}`, {
      version: 1,
      answers: goodAnswers,
      requestedAmount: { amount: 1_000_000, currency: "USD" },
    });
    await cso.post(`/api/v1/applications/${app.id}/submit`);
    expect(
      paths(
        (
          await funder.post(`/api/v1/applications/${app.id}/decision`, {
            decision: "award",
            amount: { amount: 100, currency: "USD" },
          })
        ).body,
      ),
    ).toEqual(["amount.amount"]);
    expect(
      paths(
        (
          await funder.post(`/api/v1/applications/${app.id}/decision`, {
            decision: "award",
            amount: { amount: 1_000_000, currency: "EUR" },
          })
        ).body,
      ),
    ).toEqual(["amount.currency"]);
  });
});

describe("submission rules", () => {
  test("everything is named at once: missing answers, missing amount, an incomplete profile, ineligibility", async () => {
    const funder = await funderWithCall();
    const cso = await orgOwner({ ...csoFields, country: "UG", ledBy: [], setting: null, annualBudget: null });
    const app = (await cso.post(`/api/v1/calls/${funder.call.id}/applications`, { orgId: cso.org.id })).body;
    const res = await cso.post(`/api/v1/applications/${app.id}/submit`);
    expect(res.status).toBe(422);
    expect(paths(res.body)).toEqual(
      [
        "answers.change",
        "answers.q1",
        "eligibility.country",
        "eligibility.led_by",
        "eligibility.max_budget",
        "profile.annualBudget",
        "profile.setting",
        "requestedAmount",
      ].sort(),
    );
    expect(res.body.errors.find((e: { path: string }) => e.path === "eligibility.country").message).toBe(
      "This call is for organisations in Egypt, Tunisia, and Senegal; yours is in Uganda",
    );
  });

  test("after the deadline a draft cannot be submitted (422), and no new application can start", async () => {
    const { cso, call, app } = await startDraft();
    await cso.patch(`/api/v1/applications/${app.id}`, {
      version: 1,
      answers: goodAnswers,
      requestedAmount: { amount: 1_000_000, currency: "USD" },
    });
    await expireCall(call.id);
    const res = await cso.post(`/api/v1/applications/${app.id}/submit`);
    expect(res.status).toBe(422);
    expect(paths(res.body)).toContain("deadline");
    const other = await orgOwner(csoFields);
    expect((await other.post(`/api/v1/calls/${call.id}/applications`, { orgId: other.org.id })).status).toBe(
      422,
    );
  });

  test("unknown questions are refused; answers are stored as plain text", async () => {
    const { cso, app } = await startDraft();
    expect(
      (await cso.patch(`/api/v1/applications/${app.id}`, { version: 1, answers: { nope: "x" } })).status,
    ).toBe(400);
    const html = "<script>alert(1)</script><b>bold</b>";
    await cso.patch(`/api/v1/applications/${app.id}`, { version: 1, answers: { change: html } });
    const page = await cso.page(`/applications/${app.id}`);
    expect(page.html).not.toContain("<script>alert(1)</script>");
    expect(page.html).toContain("&lt;script>alert(1)&lt;/script>&lt;b>bold&lt;/b>");
  });

  test("withdraw before a decision, not after", async () => {
    const { cso, funder, app } = await startDraft();
    await cso.patch(`/api/v1/applications/${app.id}`, {
      version: 1,
      answers: goodAnswers,
      requestedAmount: { amount: 1_000_000, currency: "USD" },
    });
    await cso.post(`/api/v1/applications/${app.id}/submit`);
    expect((await cso.post(`/api/v1/applications/${app.id}/withdraw`)).body.status).toBe("withdrawn");
    expect((await cso.post(`/api/v1/applications/${app.id}/withdraw`)).status).toBe(422);
    expect(
      (
        await funder.post(`/api/v1/applications/${app.id}/decision`, {
          decision: "decline",
          reasons: ["other"],
        })
      ).status,
    ).toBe(409);
  });
});

describe("who sees and does what", () => {
  test("every application route against every role", async () => {
    const { funder, cso, call, app } = await startDraft();
    const otherCso = await orgOwner(csoFields);
    const otherFunder = await orgOwner(funderFields);
    const anon = new Client();
    const admin = await userWithRole("admin");
    const path = `/api/v1/applications/${app.id}`;

    // A draft: only the applicants (and admins, read-only).
    expect((await cso.get(path)).status).toBe(200);
    expect((await admin.get(path)).status).toBe(200);
    expect((await anon.get(path)).status).toBe(401);
    for (const c of [otherCso, otherFunder, funder]) expect((await c.get(path)).status).toBe(404);
    expect((await funder.get(`/api/v1/calls/${call.id}/applications`)).body.items).toEqual([]);

    for (const c of [otherCso, otherFunder, funder]) {
      expect((await c.patch(path, { version: 1, answers: { change: "hijack" } })).status).toBe(404);
      expect((await c.post(`${path}/submit`)).status).toBe(404);
      expect((await c.post(`${path}/withdraw`)).status).toBe(404);
    }
    expect((await admin.patch(path, { version: 1, answers: { change: "admin edit" } })).status).toBe(403);
    expect((await otherCso.post(`/api/v1/calls/${call.id}/applications`, { orgId: cso.org.id })).status).toBe(
      403,
    );
    expect((await anon.post(`/api/v1/calls/${call.id}/applications`, { orgId: cso.org.id })).status).toBe(
      401,
    );

    await cso.patch(path, {
      version: 1,
      answers: goodAnswers,
      requestedAmount: { amount: 1_000_000, currency: "USD" },
    });
    await cso.post(`${path}/submit`);

    // Submitted: the call's funder reads, reviews and decides; nobody else does.
    expect((await funder.get(path)).status).toBe(200);
    for (const c of [otherCso, otherFunder]) {
      expect((await c.get(path)).status).toBe(404);
      expect((await c.post(`${path}/reviews`, { score: 1 })).status).toBe(404);
      expect((await c.post(`${path}/decision`, { decision: "decline", reasons: ["other"] })).status).toBe(
        404,
      );
    }
    expect((await cso.post(`${path}/reviews`, { score: 5 })).status).toBe(403);
    expect(
      (
        await cso.post(`${path}/decision`, {
          decision: "award",
          amount: { amount: 1_000_000, currency: "USD" },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await admin.post(`${path}/decision`, {
          decision: "award",
          amount: { amount: 1_000_000, currency: "USD" },
        })
      ).status,
    ).toBe(403);
    expect((await funder.patch(path, { version: 3, answers: { change: "edited by funder" } })).status).toBe(
      403,
    );
    expect((await otherFunder.get(`/api/v1/calls/${call.id}/applications`)).status).toBe(403);
    expect((await anon.get(`/api/v1/calls/${call.id}/applications`)).status).toBe(401);
    expect((await otherCso.get(`/api/v1/orgs/${cso.org.id}/applications`)).status).toBe(403);
    expect((await funder.get(`/api/v1/orgs/${cso.org.id}/applications`)).status).toBe(403);
    expect((await anon.get(`/api/v1/orgs/${cso.org.id}/applications`)).status).toBe(401);
    // Pages follow the same rules.
    expect((await otherCso.page(`/applications/${app.id}`)).status).toBe(404);
    expect((await funder.page(`/applications/${app.id}`)).status).toBe(200);
    expect((await otherFunder.page(`/calls/${call.id}/applications`)).status).toBe(403);
  });
});

describe("the HTML form without JavaScript", () => {
  test("post, errors shown next to the fields with the values kept, then submit", async () => {
    const { cso, call } = await world();
    const start = await cso.form(`/calls/${call.id}/apply`, { orgId: cso.org.id });
    expect(start.status).toBe(303);
    const appPath = start.headers.get("location")!;
    const page = await cso.page(appPath);
    expect(page.html).toContain('name="answer_change"');
    expect(page.html).toContain(csoFields.name);
    const bad = await cso.form(appPath, {
      version: "1",
      answer_change: "Our answer stays here",
      answer_q1: "",
      amount: "99 999 999",
      action: "submit",
    });
    expect(bad.status).toBe(422);
    expect(bad.html).toContain("Our answer stays here");
    expect(bad.html).toMatch(/id="answer_q1-error"/);
    expect(bad.html).toMatch(/id="amount-error"/);
    const version = /name="version" value="(\d+)"/.exec(bad.html)![1];
    const ok = await cso.form(appPath, {
      version,
      answer_change: "Our answer stays here",
      answer_q1: "Rent and transport.",
      amount: "12 000",
      action: "submit",
    });
    expect(ok.status).toBe(200);
    expect(ok.html).toContain("Your application was submitted");
    expect((await cso.get(`/api/v1${appPath}`)).body).toMatchObject({
      status: "submitted",
      requestedAmount: { amount: 1_200_000, currency: "USD" },
    });
  });

  test("a stale save shows both texts and overwrites nothing; the autosave path answers JSON", async () => {
    const { cso, app } = await startDraft();
    const auto = await cso.fetch(`/applications/${app.id}`, {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        Origin: "http://localhost",
        Accept: "application/json",
      },
      body: new URLSearchParams({
        version: "1",
        answer_change: "Saved from the phone",
        answer_q1: "",
        amount: "",
        action: "save",
      }),
    });
    expect(auto.status).toBe(200);
    expect(await auto.json()).toMatchObject({ version: 2 });
    const res = await cso.form(`/applications/${app.id}`, {
      version: "1",
      answer_change: "Typed on the laptop",
      answer_q1: "",
      amount: "",
      action: "save",
    });
    expect(res.status).toBe(409);
    expect(res.html).toContain("Typed on the laptop");
    expect(res.html).toContain("Saved from the phone");
    expect(res.html).toContain('name="version" value="2"');
    expect((await cso.get(`/api/v1/applications/${app.id}`)).body.answers.change).toBe(
      "Saved from the phone",
    );
  });

  test("the funder reviews and awards through the forms; Arabic pages are right-to-left", async () => {
    const { funder, cso, app } = await startDraft();
    await cso.patch(`/api/v1/applications/${app.id}`, {
      version: 1,
      answers: goodAnswers,
      requestedAmount: { amount: 1_000_000, currency: "USD" },
    });
    await cso.post(`/api/v1/applications/${app.id}/submit`);
    expect(
      (await funder.form(`/applications/${app.id}/reviews`, { score: "4", comment: "Good" })).status,
    ).toBe(200);
    const awarded = await funder.form(`/applications/${app.id}/decision`, {
      decision: "award",
      amount: "10000",
    });
    expect(awarded.status).toBe(200);
    expect((await cso.get(`/api/v1/applications/${app.id}`)).body.status).toBe("awarded");
    const ar = await cso.page(`/applications/${app.id}?lang=ar`);
    expect(ar.html).toContain('dir="rtl"');
    expect(ar.html).toContain("تمت الموافقة على التمويل");
  });
});

describe("races", () => {
  test("50 parallel saves of one draft with the same version: exactly one wins, the rest get 409", async () => {
    const { cso, app } = await startDraft();
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        cso.patch(`/api/v1/applications/${app.id}`, { version: 1, answers: { change: `writer ${i}` } }),
      ),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(49);
    const winner = results.find((r) => r.status === 200)!.body.answers.change;
    expect((await cso.get(`/api/v1/applications/${app.id}`)).body).toMatchObject({
      version: 2,
      answers: { change: winner },
    });
  });

  test("parallel decisions on one application: one decision, one award", async () => {
    const { funder, cso, app } = await startDraft();
    await cso.patch(`/api/v1/applications/${app.id}`, {
      version: 1,
      answers: goodAnswers,
      requestedAmount: { amount: 1_000_000, currency: "USD" },
    });
    await cso.post(`/api/v1/applications/${app.id}/submit`);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        funder.post(
          `/api/v1/applications/${app.id}/decision`,
          i % 2
            ? { decision: "award", amount: { amount: 1_000_000 + i, currency: "USD" } }
            : { decision: "decline", reasons: ["competition"] },
        ),
      ),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(9);
    const final = (await cso.get(`/api/v1/applications/${app.id}`)).body;
    const awards = await env.DB.prepare("SELECT count(*) AS n FROM awards WHERE application_id = ?")
      .bind(app.id)
      .first<{ n: number }>();
    expect(awards!.n).toBe(final.status === "awarded" ? 1 : 0);
    const decided = await env.DB.prepare(
      "SELECT count(*) AS n FROM audit_log WHERE subject_id = ? AND action IN ('application.awarded', 'application.declined')",
    )
      .bind(app.id)
      .first<{ n: number }>();
    expect(decided!.n).toBe(1);
  });
});
