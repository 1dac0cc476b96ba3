// An owner's organisation export and deletion: the export holds what the group gave Sanad; deletion
// erases personal data and texts everywhere in the database, keeps awards anonymised in the equity
// record, stops running pledges (at Stripe too), and is allowed to owners alone.
import { env } from "cloudflare:workers";
import { describe, expect, test } from "vitest";
import { Client } from "../helpers/client";
import {
  signUp,
  userWithRole,
  orgOwner,
  addMember,
  csoFields,
  funderFields,
  PASSWORD,
} from "../helpers/world";
import { funderWithCall } from "../helpers/calls";
import { stripeWorker, stubRequests, deliver, checkoutCompleted, invoiceEvent, ids } from "../helpers/stripe";
import { OrgExport } from "../../schema/api/org-data";
import { createDb } from "../../worker/db/client";
import { equityData } from "../../worker/db/equity";
import { loadFxTable } from "../../worker/db/fx";
import { GHOST_USER, bandBudget, sizeBand } from "../../worker/domain/org-erasure";
import { catalogues } from "../../worker/i18n";
import { hashPassword } from "../../worker/security/password";

const MARK = () => crypto.randomUUID().slice(0, 8);

/** A CSO with a second member, a pending invitation, an award, a declined application with a note, a submitted one and a draft. */
const busyCso = async (fields: Record<string, unknown> = {}) => {
  const m = MARK();
  const texts = {
    name: `Nour Collective ${m}`,
    description: `We meet in the back room ${m}`,
    area: `Village ${m}`,
    invitee: `invitee-${m}@example.org`,
    answer: `Our literacy circle ${m}`,
    comment: `Strong local roots ${m}`,
    note: `Apply again next year ${m}`,
  };
  const cso = await orgOwner({
    ...csoFields,
    name: texts.name,
    description: texts.description,
    area: texts.area,
    ...fields,
  });
  const member = await signUp();
  await addMember(cso, cso.org.id, member);
  expect(
    (await cso.post(`/api/v1/orgs/${cso.org.id}/members`, { email: texts.invitee, role: "member" })).status,
  ).toBe(202);

  const apply = async (funder: Awaited<ReturnType<typeof funderWithCall>>, submit = true) => {
    const app = (await cso.post(`/api/v1/calls/${funder.call.id}/applications`, { orgId: cso.org.id })).body;
    const saved = await cso.patch(`/api/v1/applications/${app.id}`, {
      version: app.version,
      answers: { change: texts.answer, q1: texts.answer },
      requestedAmount: { amount: 1_000_000, currency: "USD" },
    });
    expect(saved.status).toBe(200);
    if (submit) expect((await cso.post(`/api/v1/applications/${app.id}/submit`)).status).toBe(200);
    return app.id as string;
  };
  const [awarding, declining, pending, drafting] = await Promise.all([
    funderWithCall(),
    funderWithCall(),
    funderWithCall(),
    funderWithCall(),
  ]);
  const awarded = await apply(awarding);
  expect(
    (await awarding.post(`/api/v1/applications/${awarded}/reviews`, { score: 5, comment: texts.comment }))
      .status,
  ).toBe(201);
  expect(
    (
      await awarding.post(`/api/v1/applications/${awarded}/decision`, {
        decision: "award",
        amount: { amount: 1_200_000, currency: "USD" },
      })
    ).status,
  ).toBe(200);
  const declined = await apply(declining);
  expect(
    (
      await declining.post(`/api/v1/applications/${declined}/decision`, {
        decision: "decline",
        reasons: ["budget"],
        note: texts.note,
      })
    ).status,
  ).toBe(200);
  const submitted = await apply(pending);
  const draft = await apply(drafting, false);
  return { cso, member, texts, awarding, apps: { awarded, declined, submitted, draft } };
};

/** Every row of every table, as text, so a test can say a string is nowhere in the database. */
const wholeDatabase = async () => {
  const tables = (
    await env.DB.prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name <> 'd1_migrations'",
    ).all<{ name: string }>()
  ).results;
  const dump: string[] = [];
  for (const { name } of tables)
    dump.push(JSON.stringify((await env.DB.prepare(`SELECT * FROM "${name}"`).all()).results));
  return dump.join("\n");
};
const count = async (sql: string, ...params: unknown[]) =>
  (await env.DB.prepare(sql)
    .bind(...params)
    .first<{ n: number }>())!.n;

describe("exporting an organisation's data", () => {
  test("an owner downloads everything as one JSON document in the documented shape; nobody else can", async () => {
    const { cso, member, texts, apps } = await busyCso();
    const res = await cso.fetch(`/api/v1/orgs/${cso.org.id}/export`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="sanad-organisation-${cso.org.id}.json"`,
    );
    expect(res.headers.get("cache-control")).toBe("no-store");
    const data = OrgExport.parse(await res.json());
    expect(data.organisation).toMatchObject({
      id: cso.org.id,
      name: texts.name,
      description: texts.description,
    });
    expect(data.members.map((m) => m.email).sort()).toEqual([cso.email, member.email].sort());
    expect(data.invitations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ email: texts.invitee, acceptedAt: null }),
        expect.objectContaining({ email: member.email, acceptedAt: expect.any(String) }),
      ]),
    );
    expect(Object.fromEntries(data.applications.map((a) => [a.id, a.status]))).toEqual({
      [apps.awarded]: "awarded",
      [apps.declined]: "declined",
      [apps.submitted]: "submitted",
      [apps.draft]: "draft",
    });
    expect(data.applications.find((a) => a.id === apps.declined)!.decision!.note).toBe(texts.note);
    expect(data.awards).toEqual([
      expect.objectContaining({ applicationId: apps.awarded, amount: 1_200_000, currency: "USD" }),
    ]);
    expect(data.notifications.map((n) => n.kind).sort()).toEqual([
      "application.awarded",
      "application.declined",
    ]);
    expect(data.audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(["org.created", "member.invited", "member.joined"]),
    );

    const admin = await userWithRole("admin");
    const outsider = await signUp();
    expect((await member.get(`/api/v1/orgs/${cso.org.id}/export`)).status).toBe(403);
    expect((await admin.get(`/api/v1/orgs/${cso.org.id}/export`)).status).toBe(403);
    expect((await outsider.get(`/api/v1/orgs/${cso.org.id}/export`)).status).toBe(403);
    expect((await new Client().get(`/api/v1/orgs/${cso.org.id}/export`)).status).toBe(401);
    const hidden = await orgOwner({ ...csoFields, visibility: "hidden" });
    expect((await outsider.get(`/api/v1/orgs/${hidden.org.id}/export`)).status).toBe(404);
  });
});

describe("deleting an organisation", () => {
  test("personal data and texts are erased from the whole database; awards stay, anonymised, in the equity record", async () => {
    const { cso, member, texts, awarding, apps } = await busyCso();
    const grantsBefore = (await awarding.get(`/api/v1/exports/360giving.json?funderOrgId=${awarding.org.id}`))
      .body.grants;
    expect(grantsBefore).toEqual([
      expect.objectContaining({
        amountAwarded: 12_000,
        recipientOrganization: [expect.objectContaining({ name: texts.name })],
      }),
    ]);

    const res = await cso.json("DELETE", `/api/v1/orgs/${cso.org.id}`, {
      confirmName: `  ${texts.name.toUpperCase()} `,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({
      id: cso.org.id,
      deleted: true,
      pledgesCancelled: 0,
      awardsKept: 1,
      applicationsKept: 3,
    });

    const dump = await wholeDatabase();
    for (const [what, text] of Object.entries(texts))
      expect(
        dump.includes(text),
        `${what} is still stored: ${dump
          .split("\n")
          .filter((l) => l.includes(text))
          .map((l) => l.slice(Math.max(0, l.indexOf(text) - 300), l.indexOf(text) + 100))}`,
      ).toBe(false);

    // The tombstone keeps the equity dimensions and nothing that names the group.
    const row = await env.DB.prepare("SELECT * FROM orgs WHERE id = ?")
      .bind(cso.org.id)
      .first<Record<string, unknown>>();
    expect(row).toMatchObject({
      name: "Deleted organisation",
      description: null,
      area: null,
      founded_year: null,
      staff_count: null,
      volunteer_count: null,
      visibility: "hidden",
      country: "EG",
      legal_status: "unregistered",
      setting: "rural",
      led_by: 1,
    });
    expect(row!.deleted_at).toEqual(expect.any(String));
    expect(await count("SELECT count(*) AS n FROM memberships WHERE org_id = ?", cso.org.id)).toBe(0);
    expect(await count("SELECT count(*) AS n FROM notifications WHERE org_id = ?", cso.org.id)).toBe(0);
    const kept = (
      await env.DB.prepare(
        "SELECT id, status, answers, snapshot, created_by FROM applications WHERE org_id = ? ORDER BY id",
      )
        .bind(cso.org.id)
        .all()
    ).results;
    expect(Object.fromEntries(kept.map((a) => [a.id, a.status]))).toEqual({
      [apps.awarded]: "awarded",
      [apps.declined]: "declined",
      [apps.submitted]: "withdrawn",
    });
    for (const a of kept)
      expect(a).toMatchObject({ answers: "{}", snapshot: null, created_by: "deleted-user" });
    expect(
      await count("SELECT count(*) AS n FROM awards WHERE org_id = ? AND amount = 1200000", cso.org.id),
    ).toBe(1);
    const audit = await env.DB.prepare(
      "SELECT actor_user_id, data FROM audit_log WHERE action = 'org.deleted' AND subject_id = ?",
    )
      .bind(cso.org.id)
      .all();
    expect(audit.results).toEqual([
      { actor_user_id: null, data: JSON.stringify({ kind: "cso", pledgesCancelled: [] }) },
    ]);

    // The award is still in the open-data record, for the same money, without a name.
    const grantsAfter = (await awarding.get(`/api/v1/exports/360giving.json?funderOrgId=${awarding.org.id}`))
      .body.grants;
    expect(grantsAfter).toEqual([
      expect.objectContaining({
        id: grantsBefore[0].id,
        amountAwarded: 12_000,
        recipientOrganization: [expect.objectContaining({ name: "Organisation not publicly listed" })],
      }),
    ]);

    // Gone for everyone, its former members included; nobody can sign in as the placeholder author.
    const admin = await userWithRole("admin");
    for (const who of [cso, member, admin, new Client()]) {
      expect((await who.get(`/api/v1/orgs/${cso.org.id}`)).status).toBe(404);
      expect((await who.page(`/orgs/${cso.org.id}`)).status).toBe(404);
    }
    expect((await cso.get("/api/v1/me")).body.memberships).toEqual([]);
    expect(JSON.stringify((await admin.get("/api/v1/orgs?limit=100&q=Deleted")).body.items)).not.toContain(
      cso.org.id,
    );
    expect(
      (
        await new Client().post("/api/v1/auth/login", {
          email: "deleted-user@sanad.invalid",
          password: PASSWORD,
        })
      ).status,
    ).toBe(401);
    // The funder still sees its decision, without the answers.
    const seen = await awarding.get(`/api/v1/applications/${apps.awarded}`);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ status: "awarded", answers: {}, snapshot: null });
  });

  test("a wrong or missing confirmation changes nothing; members who are not owners, admins and strangers cannot delete", async () => {
    const { cso, member, texts } = await busyCso();
    const wrong = await cso.json("DELETE", `/api/v1/orgs/${cso.org.id}`, { confirmName: "Some other name" });
    expect(wrong.status).toBe(422);
    expect(wrong.headers.get("content-type")).toContain("application/problem+json");
    expect(wrong.body.errors).toEqual([{ path: "confirmName", message: expect.any(String) }]);
    const missing = await cso.json("DELETE", `/api/v1/orgs/${cso.org.id}`, {});
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0].path).toBe("confirmName");
    const admin = await userWithRole("admin");
    const stranger = await signUp();
    expect(
      (await member.json("DELETE", `/api/v1/orgs/${cso.org.id}`, { confirmName: texts.name })).status,
    ).toBe(403);
    expect(
      (await admin.json("DELETE", `/api/v1/orgs/${cso.org.id}`, { confirmName: texts.name })).status,
    ).toBe(403);
    expect(
      (await stranger.json("DELETE", `/api/v1/orgs/${cso.org.id}`, { confirmName: texts.name })).status,
    ).toBe(403);
    expect(
      (await new Client().json("DELETE", `/api/v1/orgs/${cso.org.id}`, { confirmName: texts.name })).status,
    ).toBe(401);
    expect((await cso.get(`/api/v1/orgs/${cso.org.id}`)).body).toMatchObject({
      name: texts.name,
      description: texts.description,
    });
    expect(await count("SELECT count(*) AS n FROM memberships WHERE org_id = ?", cso.org.id)).toBe(2);
    expect(
      await count(
        "SELECT count(*) AS n FROM audit_log WHERE action = 'org.deleted' AND subject_id = ?",
        cso.org.id,
      ),
    ).toBe(0);
  });

  test("two deletions at once: one erasure, one audit entry", async () => {
    const cso = await orgOwner({ ...csoFields, name: `Twice ${MARK()}` });
    const results = await Promise.all(
      [0, 1, 2].map(() => cso.json("DELETE", `/api/v1/orgs/${cso.org.id}`, { confirmName: cso.org.name })),
    );
    expect(results.map((r) => r.status).filter((s) => s === 200).length).toBeGreaterThanOrEqual(1);
    for (const r of results) expect([200, 404]).toContain(r.status);
    expect(
      await count(
        "SELECT count(*) AS n FROM audit_log WHERE action = 'org.deleted' AND subject_id = ?",
        cso.org.id,
      ),
    ).toBe(1);
  });

  test("running pledges to the group stop, at Stripe too; money already paid stays on the record", async () => {
    const [cso, funder] = await Promise.all([
      orgOwner({ ...csoFields, name: `Pledged ${MARK()}` }),
      orgOwner(funderFields),
    ]);
    cso.target = stripeWorker;
    funder.target = stripeWorker;
    const p = (
      await funder.post("/api/v1/pledges", {
        recipientOrgId: cso.org.id,
        funderOrgId: funder.org.id,
        amount: { amount: 1000, currency: "USD" },
        interval: "month",
      })
    ).body.pledge;
    const sub = ids.sub();
    await deliver(
      checkoutCompleted({
        pledgeId: p.id,
        mode: "subscription",
        amountTotal: 1000,
        currency: "usd",
        subscription: sub,
      }),
    );
    await deliver(
      invoiceEvent("invoice.paid", { pledgeId: p.id, subscription: sub, amount: 1000, currency: "usd" }),
    );
    // A bank-transfer pledge too (the same person, on the app without Stripe keys).
    const sameFunderWithoutStripe = Object.assign(new Client(), { cookies: funder.cookies });
    const manual = (
      await sameFunderWithoutStripe.post("/api/v1/pledges", {
        recipientOrgId: cso.org.id,
        amount: { amount: 5000, currency: "USD" },
        interval: "once",
      })
    ).body.pledge;

    const res = await cso.json("DELETE", `/api/v1/orgs/${cso.org.id}`, { confirmName: cso.org.name });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.pledgesCancelled).toBe(2);
    expect((await stubRequests(`/v1/subscriptions/${sub}`)).at(-1)).toMatchObject({ method: "DELETE" });
    const statuses = (
      await env.DB.prepare("SELECT id, status FROM pledges WHERE recipient_org_id = ?").bind(cso.org.id).all()
    ).results;
    expect(Object.fromEntries(statuses.map((s) => [s.id, s.status]))).toEqual({
      [p.id]: "cancelled",
      [manual.id]: "cancelled",
    });
    expect(
      await count("SELECT count(*) AS n FROM payments WHERE pledge_id = ? AND kind = 'payment'", p.id),
    ).toBe(1);
    // The pledger still sees their pledge, to a recipient that no longer has a name.
    const view = await funder.page(`/pledges/${p.id}`);
    expect(view.status).toBe(200);
    expect(view.html).toContain("Deleted organisation");
  });

  test("in the browser: the owner finds export and delete on the profile, a wrong name is refused on the form, the right one deletes", async () => {
    const owner = await orgOwner({ ...csoFields, name: `Form group ${MARK()}` });
    const member = await signUp();
    await owner.post(`/api/v1/orgs/${owner.org.id}/members`, { email: member.email, role: "member" });
    const profile = await owner.page(`/orgs/${owner.org.id}`);
    expect(profile.html).toContain(`href="/api/v1/orgs/${owner.org.id}/export"`);
    expect(profile.html).toContain(`href="/orgs/${owner.org.id}/delete"`);
    expect((await member.page(`/orgs/${owner.org.id}`)).html).not.toContain(`/orgs/${owner.org.id}/delete`);
    expect((await member.page(`/orgs/${owner.org.id}/delete`)).status).toBe(403);

    const form = await owner.page(`/orgs/${owner.org.id}/delete`);
    expect(form.status).toBe(200);
    expect(form.html).toContain('name="confirmName"');
    const wrong = await owner.form(`/orgs/${owner.org.id}/delete`, { confirmName: "not it" });
    expect(wrong.status).toBe(422);
    expect(wrong.html).toMatch(
      /aria-invalid="true"[^>]*name="confirmName"|name="confirmName"[^>]*aria-invalid="true"/,
    );
    expect(wrong.html).toContain('value="not it"');
    const done = await owner.form(`/orgs/${owner.org.id}/delete`, { confirmName: String(owner.org.name) });
    expect(done.status).toBe(303);
    expect(done.headers.get("location")).toBe("/me?notice=org_deleted");
    expect((await owner.page("/me?notice=org_deleted")).html).toContain("The organisation was deleted.");
    expect((await owner.page(`/orgs/${owner.org.id}`)).status).toBe(404);
  });
});

// Security finding #7: the placeholder author account could be squatted (deletion then failed with a
// 500 for everyone); and deletion left people linked to the group in the audit trail, and exact figures
// and dates on the tombstone.
describe("the placeholder author account and what deletion unlinks", () => {
  const RESERVED_MESSAGE = (lang: keyof typeof catalogues) => catalogues[lang]["err.email_reserved"];

  test("signing up with the placeholder's address (or any .invalid one) is refused with a 400 naming email, in the caller's language", async () => {
    for (const [email, lang] of [
      [GHOST_USER.email, "en"],
      [`  ${GHOST_USER.email.toUpperCase()} `, "fr"],
      [`someone@mail.${GHOST_USER.email.split("@")[1]}`, "es"],
      ["anyone@example.invalid", "ar"],
    ] as const) {
      const client = Object.assign(new Client(), { lang });
      const res = await client.post("/api/v1/auth/signup", { email, password: PASSWORD, name: "Squatter" });
      expect(res.status, email).toBe(400);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      expect(res.body.errors, email).toEqual([{ path: "email", message: RESERVED_MESSAGE(lang) }]);
      expect(client.cookies.size).toBe(0);
    }
    // The sign-up form says the same, on the email field.
    const form = await new Client().form("/signup", {
      name: "Squatter",
      email: GHOST_USER.email,
      password: PASSWORD,
    });
    expect(form.status).toBe(400);
    expect(form.html).toContain(RESERVED_MESSAGE("en"));
    expect(form.html).toMatch(/aria-invalid="true"[^>]*name="email"|name="email"[^>]*aria-invalid="true"/);
    // The placeholder exists from the migration on, exactly as the code describes it, and nobody signs in as it.
    const ghost = await env.DB.prepare(
      "SELECT id, email, name, password_hash, platform_role FROM users WHERE email = ?",
    )
      .bind(GHOST_USER.email)
      .first();
    expect(ghost).toEqual({
      id: GHOST_USER.id,
      email: GHOST_USER.email,
      name: GHOST_USER.name,
      password_hash: GHOST_USER.passwordHash,
      platform_role: "user",
    });
    for (const password of [PASSWORD, "!", GHOST_USER.passwordHash, ""]) {
      expect([400, 401]).toContain(
        (await new Client().post("/api/v1/auth/login", { email: GHOST_USER.email, password })).status,
      );
    }
    expect(await count("SELECT count(*) AS n FROM sessions WHERE user_id = ?", GHOST_USER.id)).toBe(0);
  });

  test("deletion works after someone tried to take the placeholder's address, and after an owner invited it", async () => {
    const { cso, texts, apps } = await busyCso();
    const squat = await new Client().post("/api/v1/auth/signup", {
      email: GHOST_USER.email,
      password: PASSWORD,
      name: "Squatter",
    });
    // Inviting the address (even as an owner) only ever makes an invitation nobody can accept.
    const invited = await cso.post(`/api/v1/orgs/${cso.org.id}/members`, {
      email: GHOST_USER.email,
      role: "owner",
    });
    expect(invited.status).toBeLessThan(500);
    const res = await cso.json("DELETE", `/api/v1/orgs/${cso.org.id}`, { confirmName: texts.name });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(squat.status).toBe(400);
    expect(await count("SELECT count(*) AS n FROM users WHERE email = ?", GHOST_USER.email)).toBe(1);
    expect(
      await count(
        "SELECT count(*) AS n FROM applications WHERE id IN (?, ?) AND created_by = ?",
        apps.awarded,
        apps.declined,
        GHOST_USER.id,
      ),
    ).toBe(2);
    // A second group's deletion finds the same placeholder.
    const other = await busyCso();
    expect(
      (await other.cso.json("DELETE", `/api/v1/orgs/${other.cso.org.id}`, { confirmName: other.texts.name }))
        .status,
    ).toBe(200);
  });

  test("an address squatted before the fix is freed by the migration, which resets the placeholder; deletion then works", async () => {
    const pepper = (env as unknown as { PASSWORD_PEPPER: string }).PASSWORD_PEPPER;
    const hash = await hashPassword(PASSWORD, pepper);
    const now = new Date().toISOString();
    const squatterId = `squatter-${MARK()}`;
    const parked = await orgOwner({ ...csoFields, name: `Parked ${MARK()}` });
    // The state an old database can be in: someone holds the address, and a row with the placeholder's id
    // (an earlier deletion's) has a usable password, a session and a membership.
    await env.DB.batch([
      env.DB.prepare("UPDATE users SET email = ?, password_hash = ? WHERE id = ?").bind(
        `parked-${MARK()}@example.org`,
        hash,
        GHOST_USER.id,
      ),
      env.DB.prepare(
        "INSERT INTO users (id, email, name, locale, platform_role, password_hash, created_at, updated_at) VALUES (?, ?, 'Squatter', 'en', 'user', ?, ?, ?)",
      ).bind(squatterId, GHOST_USER.email, hash, now, now),
      env.DB.prepare(
        "INSERT INTO sessions (id_hash, user_id, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?)",
      ).bind(`h-${MARK()}`, GHOST_USER.id, now, now, "2999-01-01T00:00:00.000Z"),
      env.DB.prepare(
        "INSERT INTO memberships (org_id, user_id, role, created_at) VALUES (?, ?, 'owner', ?)",
      ).bind(parked.org.id, GHOST_USER.id, now),
    ]);
    const migrations = (env as unknown as { TEST_MIGRATIONS: { name: string; queries: string[] }[] })
      .TEST_MIGRATIONS;
    const ghostMigration = migrations.find((m) => m.name.endsWith("_ghost_user.sql"));
    expect(ghostMigration, "a migration creates the placeholder").toBeDefined();
    for (const q of ghostMigration!.queries) await env.DB.prepare(q).run();

    expect(
      await env.DB.prepare("SELECT id, email, password_hash FROM users WHERE email = ?")
        .bind(GHOST_USER.email)
        .first(),
    ).toEqual({ id: GHOST_USER.id, email: GHOST_USER.email, password_hash: "!" });
    expect(await env.DB.prepare("SELECT email FROM users WHERE id = ?").bind(squatterId).first("email")).toBe(
      `squatter-${squatterId}@sanad.invalid`,
    );
    expect(await count("SELECT count(*) AS n FROM sessions WHERE user_id = ?", GHOST_USER.id)).toBe(0);
    expect(await count("SELECT count(*) AS n FROM memberships WHERE user_id = ?", GHOST_USER.id)).toBe(0);
    expect(
      (await new Client().post("/api/v1/auth/login", { email: GHOST_USER.email, password: PASSWORD })).status,
    ).toBe(401);

    const { cso, texts } = await busyCso();
    const res = await cso.json("DELETE", `/api/v1/orgs/${cso.org.id}`, { confirmName: texts.name });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  });

  test("after deletion the audit trail about the group names nobody, and the tombstone keeps bands, not figures or dates, in the same size band", async () => {
    // 34,567.89 EUR: 10k–50k USD at the seeded rate (the calls' ceiling is 50k USD); the kept budget sits on the band's lower boundary.
    const budget = { amount: 3_456_789, currency: "EUR" };
    const { cso, member, texts, awarding, apps } = await busyCso({ annualBudget: budget, foundedYear: 2011 });
    const giver = await signUp();
    expect(
      (
        await giver.post("/api/v1/pledges", {
          recipientOrgId: cso.org.id,
          amount: { amount: 50_000, currency: "EUR" },
          interval: "once",
        })
      ).status,
    ).toBe(201);
    // An entry as earlier versions wrote them (member.added carried the account id), with an address and nested ids.
    await env.DB.prepare(
      "INSERT INTO audit_log (at, actor_user_id, action, subject_type, subject_id, data) VALUES (?, ?, 'member.added', 'org', ?, ?)",
    )
      .bind(
        "2025-03-04T05:06:07.000Z",
        cso.userId,
        cso.org.id,
        JSON.stringify({
          userId: member.userId,
          email: member.email,
          role: "member",
          by: { id: cso.userId },
          seen: [member.email],
          notify: true,
          quiet: false,
          count: 2,
          note: null,
        }),
      )
      .run();

    const people = [
      cso.userId,
      member.userId,
      giver.userId,
      awarding.userId,
      cso.email,
      member.email,
      giver.email,
      awarding.email,
    ];
    const aboutGroup = async () =>
      (
        await env.DB.prepare(
          `SELECT id, at, action, actor_user_id, data FROM audit_log WHERE (subject_type = 'org' AND subject_id = ?1)
           OR (subject_type = 'application' AND subject_id IN (?2, ?3, ?4, ?5))
           OR (subject_type = 'pledge' AND subject_id IN (SELECT id FROM pledges WHERE recipient_org_id = ?1)) ORDER BY id`,
        )
          .bind(cso.org.id, apps.awarded, apps.declined, apps.submitted, apps.draft)
          .all<{ id: number; at: string; action: string; actor_user_id: string | null; data: string }>()
      ).results;
    const before = await aboutGroup();
    expect(before.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        "org.created",
        "member.invited",
        "member.joined",
        "member.added",
        "application.created",
        "application.submitted",
        "application.reviewed",
        "application.awarded",
        "pledge.created",
      ]),
    );
    expect(before.filter((a) => a.actor_user_id !== null).length).toBeGreaterThan(5);

    const equity = async () => {
      const db = createDb(env.DB);
      const fx = await loadFxTable(db);
      const [byBand, all] = await Promise.all([
        equityData(db, { funderOrgId: awarding.org.id }, "sizeBand", fx),
        equityData(db, {}, "sizeBand", fx),
      ]);
      const region = await env.DB.prepare(
        "SELECT ct.un_region AS r FROM orgs o JOIN countries ct ON ct.code = o.country WHERE o.id = ?",
      )
        .bind(cso.org.id)
        .first("r");
      return {
        groups: byBand.groups,
        recipient: all.recipients.find((r) => r.orgId === cso.org.id),
        region,
        fx,
      };
    };
    const reportBefore = await equity();
    expect(reportBefore.groups).toEqual([
      expect.objectContaining({ key: "10k_50k", orgs: 1, recipients: 1, awards: 1 }),
    ]);
    expect(sizeBand(budget, reportBefore.fx)).toBe("10k_50k");

    const res = await cso.json("DELETE", `/api/v1/orgs/${cso.org.id}`, { confirmName: texts.name });
    expect(res.status, JSON.stringify(res.body)).toBe(200);

    // Every entry stays, with its action and time, but without its actor and without people in its data.
    const after = await aboutGroup();
    expect(
      after.filter((a) => a.action !== "org.deleted").map(({ id, at, action }) => ({ id, at, action })),
    ).toEqual(before.map(({ id, at, action }) => ({ id, at, action })));
    expect(after.map((a) => a.action)).toContain("org.deleted");
    for (const a of after) {
      expect(a.actor_user_id, a.action).toBeNull();
      for (const p of people)
        expect(a.data.includes(p), `${a.action} still holds ${p}: ${a.data}`).toBe(false);
      expect(a.data, a.action).not.toContain("@");
    }
    expect(JSON.parse(after.find((a) => a.action === "member.added")!.data)).toEqual({
      role: "member",
      notify: true,
      quiet: false,
      count: 2,
      note: null,
    });
    expect(JSON.parse(after.find((a) => a.action === "org.created")!.data)).toEqual({ kind: "cso" });
    expect(JSON.parse(after.find((a) => a.action === "application.created")!.data)).toEqual({
      callId: expect.any(String),
      orgId: cso.org.id,
    });

    // The tombstone: a representative budget for its band (in USD), no founding year, dates cut to the year.
    const row = (await env.DB.prepare("SELECT * FROM orgs WHERE id = ?")
      .bind(cso.org.id)
      .first<Record<string, unknown>>())!;
    const kept = bandBudget(budget, reportBefore.fx);
    expect(kept).toEqual({ amount: 10_000_00, currency: "USD" });
    expect({ amount: row.annual_budget_amount, currency: row.annual_budget_currency }).toEqual(kept);
    expect(row.founded_year).toBeNull();
    const year = new Date().toISOString().slice(0, 4);
    expect(row.created_at).toBe(`${year}-01-01T00:00:00.000Z`);
    expect(row.updated_at).toBe(`${year}-01-01T00:00:00.000Z`);
    expect(row.deleted_at).toBe(`${year}-01-01T00:00:00.000Z`);

    // The equity report still puts it in the same size band, on the same side of the "small" line, in the same region.
    const reportAfter = await equity();
    expect(reportAfter.groups).toEqual(reportBefore.groups);
    expect(reportAfter.recipient).toEqual(reportBefore.recipient);
    expect(reportAfter.region).toBe(reportBefore.region);
  });
});
