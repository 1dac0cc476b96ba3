// The trust ladder's HTML forms, as a browser without JavaScript posts them: vouching from an
// organisation's page (errors next to the fields), taking a vouch back, asking for a vouch or for the
// chapter's confirmation, the chapter pages (listed public groups only; the queue for coordinators only,
// where hidden groups appear and nowhere else), admins appointing coordinators, the profile's chapter
// checkbox, the admin's queue of funders to verify, and the pages in Arabic (right to left).
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, test } from "vitest";
import { Client } from "../helpers/client";
import { signUp, userWithRole, orgOwner, csoFields, funderFields } from "../helpers/world";
import { en } from "../../worker/i18n/en";
import { ar } from "../../worker/i18n/ar";

type Owner = Awaited<ReturnType<typeof orgOwner>>;
let n = 0;
const unique = (name: string) => `${name} ${++n}${Date.now().toString(36)}`;

let admin: Awaited<ReturnType<typeof userWithRole>>;
beforeAll(async () => {
  admin = await userWithRole("admin");
});

/** A group owned by a new person (e-mail verified: level 1). */
const group = (fields: Record<string, unknown> = {}) =>
  orgOwner({ ...csoFields, name: unique("Group"), ...fields });
/** An organisation the platform verified through the admin's API: level 4, so its vouches may count. */
const trusted = async (fields: Record<string, unknown> = {}) => {
  const owner = await group({ name: unique("Trusted"), ...fields });
  expect((await admin.post(`/api/v1/orgs/${owner.org.id}/verify`, { verified: true })).status).toBe(200);
  return owner;
};
const levelOf = async (orgId: string) =>
  (await env.DB.prepare("SELECT trust_level AS l FROM orgs WHERE id = ?").bind(orgId).first<{ l: number }>())!
    .l;
const vouchRows = async (voucheeId: string) =>
  (
    await env.DB.prepare("SELECT id, revoked_at FROM vouches WHERE vouchee_org_id = ?")
      .bind(voucheeId)
      .all<{ id: string; revoked_at: string | null }>()
  ).results;
const STATEMENT = "We ran a literacy programme with them in 2025 and know their members.";
const vouchForm = (voucher: Owner) => ({
  voucherOrgId: voucher.org.id,
  relationship: "worked_together",
  statement: STATEMENT,
});
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The chapter of a country with a newly appointed coordinator (through the admin's form). */
const coordinatorOf = async (country: string) => {
  const person = await signUp({ name: unique("Coordinator") });
  const res = await admin.form(`/chapters/${country}/coordinators`, { email: person.email });
  expect(res.status).toBe(303);
  expect(res.headers.get("location")).toBe(`/chapters/${country}?notice=appointed`);
  return person;
};

describe("vouching from an organisation's page", () => {
  test("an owner of a trusted organisation vouches through the form; the evidence reads in words; a second vouch nearby makes level 2; taking it back drops it", async () => {
    const voucher = await trusted({ country: "EG" });
    const vouchee = await group({ country: "EG" });
    const page = await voucher.page(`/orgs/${vouchee.org.id}`);
    expect(page.html).toContain(`action="/orgs/${vouchee.org.id}/vouches"`);
    expect(page.html).toContain(en["trust.vouch_title"]);
    expect(page.html).toContain(`<option value="${voucher.org.id}"`);

    const res = await voucher.form(`/orgs/${vouchee.org.id}/vouches`, vouchForm(voucher));
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/orgs/${vouchee.org.id}?notice=vouched`);
    const after = await voucher.page(res.headers.get("location")!);
    expect(after.html).toContain(en["trust.vouched"]);
    expect(after.html).toMatch(
      new RegExp(
        `Vouched for by <a href="/orgs/${voucher.org.id}"><bdi>${esc(String(voucher.org.name))}</bdi></a> on [^<]+ — <strong>counts</strong>`,
      ),
    );
    expect(after.html).toContain(STATEMENT);
    expect(after.html).toContain(en["trust.ev_email"]);
    // One vouch: still level 1; the form is gone for this voucher, "take back" is offered instead.
    expect(after.html).toContain("Level 1: ");
    expect(after.html).not.toContain(`action="/orgs/${vouchee.org.id}/vouches"`);
    const [vouch] = await vouchRows(vouchee.org.id);
    expect(after.html).toContain(`action="/vouches/${vouch.id}/revoke"`);
    expect(after.html).toContain(en["trust.revoke"]);

    // A second trusted organisation in the same sub-region (Tunisia, Northern Africa): level 2.
    const second = await trusted({ country: "TN" });
    expect(
      (
        await second.form(`/orgs/${vouchee.org.id}/vouches`, {
          ...vouchForm(second),
          relationship: "same_network",
        })
      ).status,
    ).toBe(303);
    expect(await levelOf(vouchee.org.id)).toBe(2);
    expect((await new Client().page(`/orgs/${vouchee.org.id}`)).html).toContain(
      `Level 2: ${en["trust.level_name.2"]}`,
    );

    // Taking the first vouch back, through its form: back to level 1, no longer listed as evidence.
    const revoked = await voucher.form(`/vouches/${vouch.id}/revoke`, {});
    expect(revoked.status).toBe(303);
    expect(revoked.headers.get("location")).toBe(`/orgs/${vouchee.org.id}?notice=vouch_revoked`);
    expect(await levelOf(vouchee.org.id)).toBe(1);
    const now = await voucher.page(revoked.headers.get("location")!);
    expect(now.html).toContain(en["trust.vouch_revoked"]);
    expect(now.html).not.toContain(`<a href="/orgs/${voucher.org.id}"><bdi>`);
    expect(now.html).toContain(`action="/orgs/${vouchee.org.id}/vouches"`);
    // Someone else cannot take a vouch back (it does not exist for them).
    const [secondVouch] = (await vouchRows(vouchee.org.id)).filter((v) => !v.revoked_at);
    expect((await vouchee.form(`/vouches/${secondVouch.id}/revoke`, {})).status).toBe(404);
  });

  test("a 10-character statement comes back with the error next to the field and what was typed kept; nothing is recorded", async () => {
    const voucher = await trusted({ country: "EG" });
    const vouchee = await group({ country: "EG" });
    const res = await voucher.form(`/orgs/${vouchee.org.id}/vouches`, {
      ...vouchForm(voucher),
      relationship: "funded",
      statement: "Good folks",
    });
    expect(res.status).toBe(400);
    expect(res.html).toContain('role="alert"');
    expect(res.html).toMatch(/<span class="error" id="statement-error">[^<]+<\/span>/);
    expect(res.html).toMatch(
      /<textarea id="statement" name="statement"[^>]*aria-invalid="true"[^>]*aria-describedby="statement-hint statement-error"/,
    );
    expect(res.html).toContain(">Good folks</textarea>");
    expect(res.html).toMatch(/<option value="funded" selected/);
    expect(await vouchRows(vouchee.org.id)).toEqual([]);
  });

  test("the owner of a level-1 group sees no vouch form, and a forged post is refused with the reason", async () => {
    const low = await group({ country: "EG" });
    const vouchee = await group({ country: "EG" });
    expect(await levelOf(low.org.id)).toBe(1);
    const page = await low.page(`/orgs/${vouchee.org.id}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain(en["trust.title"]);
    expect(page.html).not.toContain(`action="/orgs/${vouchee.org.id}/vouches"`);
    expect(page.html).not.toContain(en["trust.vouch_title"]);
    const forged = await low.form(`/orgs/${vouchee.org.id}/vouches`, vouchForm(low));
    expect(forged.status).toBe(422);
    expect(forged.html).toContain(en["err.vouch_not_trusted"]);
    expect(await vouchRows(vouchee.org.id)).toEqual([]);
    // Anonymous visitors read the evidence but get no form; posting asks them to sign in.
    const anon = new Client();
    expect((await anon.page(`/orgs/${vouchee.org.id}`)).html).not.toContain('/vouches"');
    expect((await anon.form(`/orgs/${vouchee.org.id}/vouches`, vouchForm(low))).status).toBe(401);
  });
});

describe("asking for a vouch and for the chapter's confirmation", () => {
  test("the group's owners ask their chapter and a trusted organisation nearby; the asked organisation's owners see the request on its page and on My account", async () => {
    await coordinatorOf("EG");
    const near = await trusted({ country: "EG" });
    const far = await trusted({ country: "CO" });
    const owner = await group({ country: "EG" });
    const page = await owner.page(`/orgs/${owner.org.id}`);
    expect(page.html).toContain(`action="/orgs/${owner.org.id}/confirmation-request"`);
    expect(page.html).toContain(en["trust.ask_chapter"]);
    expect(page.html).toContain(`action="/orgs/${owner.org.id}/vouch-requests"`);
    expect(page.html).toContain(`<option value="${near.org.id}"`);
    expect(page.html).not.toContain(`<option value="${far.org.id}"`);
    // Not for other people, even signed in.
    const other = await signUp();
    expect((await other.page(`/orgs/${owner.org.id}`)).html).not.toContain("/confirmation-request");

    const asked = await owner.form(`/orgs/${owner.org.id}/confirmation-request`, {});
    expect(asked.status).toBe(303);
    expect((await owner.page(asked.headers.get("location")!)).html).toContain(en["trust.confirmation_asked"]);
    expect((await other.form(`/orgs/${owner.org.id}/confirmation-request`, {})).status).toBe(403);

    const vouchAsked = await owner.form(`/orgs/${owner.org.id}/vouch-requests`, { toOrgId: near.org.id });
    expect(vouchAsked.status).toBe(303);
    expect(vouchAsked.headers.get("location")).toBe(`/orgs/${owner.org.id}?notice=vouch_asked`);
    // An empty choice comes back next to the select.
    const empty = await owner.form(`/orgs/${owner.org.id}/vouch-requests`, { toOrgId: "" });
    expect(empty.status).toBe(400);
    expect(empty.html).toContain('id="toOrgId-error"');

    const nearPage = await near.page(`/orgs/${near.org.id}`);
    expect(nearPage.html).toContain(en["trust.requests_title"]);
    expect(nearPage.html).toContain(`href="/orgs/${owner.org.id}#vouch"`);
    const me = await near.page("/me");
    expect(me.html).toContain(en["me.vouch_requests"]);
    expect(me.html).toContain(`href="/orgs/${owner.org.id}#vouch"`);
    // Vouching answers the request.
    expect((await near.form(`/orgs/${owner.org.id}/vouches`, vouchForm(near))).status).toBe(303);
    expect((await near.page(`/orgs/${near.org.id}`)).html).not.toContain(
      `href="/orgs/${owner.org.id}#vouch"`,
    );
  });

  test("a hidden group is told it cannot be vouched for, and asks its chapter instead", async () => {
    await trusted({ country: "EG" });
    const hidden = await group({ country: "EG", visibility: "hidden" });
    const page = await hidden.page(`/orgs/${hidden.org.id}`);
    expect(page.html).toContain(en["trust.hidden_no_vouch"]);
    expect(page.html).not.toContain("/vouch-requests");
  });
});

describe("chapter pages", () => {
  test("the chapter lists public groups that asked to be listed, never a hidden one; only its coordinators see the queue, hidden groups included, and confirm from it", async () => {
    const coordinator = await coordinatorOf("EG");
    const listed = await group({ country: "EG", listedInChapter: true });
    const unlisted = await group({ country: "EG" });
    const hidden = await group({
      country: "EG",
      visibility: "hidden",
      listedInChapter: true,
      name: unique("Secret Circle"),
    });
    const funderOnly = await group({ country: "EG", visibility: "funders_only", listedInChapter: true });
    expect((await hidden.form(`/orgs/${hidden.org.id}/confirmation-request`, {})).status).toBe(303);

    const readers = [new Client(), await signUp(), admin, listed];
    for (const reader of readers) {
      const page = await reader.page("/chapters/EG");
      expect(page.status).toBe(200);
      expect(page.html).toContain(`href="/orgs/${listed.org.id}"`);
      expect(page.html).not.toContain(`/orgs/${unlisted.org.id}"`);
      expect(page.html).not.toContain(String(hidden.org.name));
      expect(page.html).not.toContain(String(funderOnly.org.name));
      expect(page.html).not.toContain(en["chapter.queue"]);
      expect(page.html).not.toContain("/confirm/");
    }
    // The list of chapters counts public listed groups only.
    const list = await new Client().page("/chapters");
    expect(list.html).toContain('href="/chapters/EG"');
    expect(list.html).not.toContain(String(hidden.org.name));

    const queue = await coordinator.page("/chapters/EG");
    expect(queue.html).toContain(en["chapter.queue"]);
    expect(queue.html).toContain(String(hidden.org.name));
    expect(queue.html).toContain(`action="/chapters/EG/confirm/${hidden.org.id}"`);
    // The coordinator still cannot open the hidden group's page.
    expect((await coordinator.page(`/orgs/${hidden.org.id}`)).status).toBe(404);

    // A missing note comes back next to its field; then the confirmation: level 3.
    const method = `method-${hidden.org.id}`;
    const note = `note-${hidden.org.id}`;
    const bad = await coordinator.form(`/chapters/EG/confirm/${hidden.org.id}`, {
      [method]: "call",
      [note]: "",
    });
    expect(bad.status).toBe(400);
    expect(bad.html).toContain(`id="${note}-error"`);
    expect(bad.html).toMatch(new RegExp(`<option value="call" selected`));
    const ok = await coordinator.form(`/chapters/EG/confirm/${hidden.org.id}`, {
      [method]: "call",
      [note]: "Spoke with two members on the phone.",
    });
    expect(ok.status).toBe(303);
    expect(ok.headers.get("location")).toBe("/chapters/EG?notice=confirmed");
    expect(await levelOf(hidden.org.id)).toBe(3);
    const after = await coordinator.page(ok.headers.get("location")!);
    expect(after.html).toContain(en["chapter.confirmed"]);
    expect(after.html).not.toContain(String(hidden.org.name));
    // Its own members read the confirmation on its page; nobody else finds the group.
    expect((await hidden.page(`/orgs/${hidden.org.id}`)).html).toContain(
      `Confirmed by the Egypt chapter (${en["trust.method.call"]})`,
    );
    expect((await new Client().page("/chapters/EG")).html).not.toContain(String(hidden.org.name));
    expect((await new Client().page(`/orgs/${hidden.org.id}`)).status).toBe(404);
  });

  test("only a coordinator of the group's own country confirms it; the others are refused before the form is read", async () => {
    const senegal = await coordinatorOf("SN");
    const owner = await group({ country: "EG" });
    await owner.form(`/orgs/${owner.org.id}/confirmation-request`, {});
    const fields = { [`method-${owner.org.id}`]: "visit", [`note-${owner.org.id}`]: "Visited." };
    expect((await senegal.form(`/chapters/EG/confirm/${owner.org.id}`, fields)).status).toBe(403);
    expect((await senegal.form(`/chapters/SN/confirm/${owner.org.id}`, fields)).status).toBe(404);
    expect((await senegal.page("/chapters/EG")).html).not.toContain(en["chapter.queue"]);
    expect(await levelOf(owner.org.id)).toBe(1);
  });

  test("admins appoint a coordinator by e-mail (an unknown address is a field error) and remove one", async () => {
    const page = await admin.page("/chapters/GH");
    expect(page.html).toContain('action="/chapters/GH/coordinators"');
    const unknown = await admin.form("/chapters/GH/coordinators", { email: "nobody-here@example.org" });
    expect(unknown.status).toBe(400);
    expect(unknown.html).toContain(`<span class="error" id="email-error">${en["err.no_account"]}</span>`);
    expect(unknown.html).toContain('value="nobody-here@example.org"');
    const person = await coordinatorOf("GH");
    const appointed = await admin.page("/chapters/GH?notice=appointed");
    expect(appointed.html).toContain(en["chapter.appointed"]);
    expect(appointed.html).toContain(`action="/chapters/GH/coordinators/${person.userId}/remove"`);
    expect((await person.page("/me")).html).toContain('href="/chapters/GH#queue"');
    // Not for anyone else.
    expect((await person.form("/chapters/GH/coordinators", { email: person.email })).status).toBe(403);
    expect((await person.page("/chapters/GH")).html).not.toContain("/coordinators");
    const removed = await admin.form(`/chapters/GH/coordinators/${person.userId}/remove`, {});
    expect(removed.status).toBe(303);
    expect((await admin.page(removed.headers.get("location")!)).html).toContain(
      en["chapter.no_coordinators"],
    );
    expect(
      (await env.DB.prepare("SELECT count(*) AS n FROM chapter_coordinators WHERE country = 'GH'").first<{
        n: number;
      }>())!.n,
    ).toBe(0);
  });

  test("an unknown country is not found", async () => {
    expect((await new Client().page("/chapters/ZZ")).status).toBe(404);
    expect((await new Client().page("/chapters/egypt")).status).toBe(404);
    const redirect = await new Client().fetch("/chapters?country=eg");
    expect(redirect.status).toBe(303);
    expect(redirect.headers.get("location")).toBe("/chapters/EG");
  });
});

describe("the profile form and the admin's queue", () => {
  test("the edit form's checkbox lists the group on its chapter's page, and unticking it removes it", async () => {
    const owner = await group({ country: "EG" });
    const edit = await owner.page(`/orgs/${owner.org.id}/edit`);
    expect(edit.html).toMatch(/<input type="checkbox" name="listedInChapter" value="true"\s*\/?>/);
    const fields = {
      version: "1",
      name: String(owner.org.name),
      country: "EG",
      visibility: "public",
      listedInChapter: "true",
    };
    expect((await owner.form(`/orgs/${owner.org.id}/edit`, fields)).status).toBe(200);
    expect((await owner.get(`/api/v1/orgs/${owner.org.id}`)).body.listedInChapter).toBe(true);
    expect((await owner.page(`/orgs/${owner.org.id}/edit`)).html).toMatch(
      /name="listedInChapter" value="true" checked/,
    );
    expect((await new Client().page("/chapters/EG")).html).toContain(`href="/orgs/${owner.org.id}"`);
    const { listedInChapter: _unticked, ...rest } = fields;
    expect((await owner.form(`/orgs/${owner.org.id}/edit`, { ...rest, version: "2" })).status).toBe(200);
    expect((await owner.get(`/api/v1/orgs/${owner.org.id}`)).body.listedInChapter).toBe(false);
    expect((await new Client().page("/chapters/EG")).html).not.toContain(`href="/orgs/${owner.org.id}"`);
  });

  test("admins see the funders waiting for verification and verify one from the queue; its page shows a verified funder", async () => {
    const funder = await orgOwner({ ...funderFields, name: unique("Waiting Fund") }, { verified: false });
    const page = await admin.page("/admin");
    expect(page.html).toContain(en["admin.funders"]);
    const row = new RegExp(
      `<a href="/orgs/${funder.org.id}"><bdi>${esc(String(funder.org.name))}</bdi></a></td><td>Netherlands</td><td>[^<]+</td>`,
    );
    expect(page.html).toMatch(row);
    expect(page.html).toContain(
      `<form method="post" action="/orgs/${funder.org.id}/verify" class="stack"><input type="hidden" name="verified" value="true"/><input type="hidden" name="back" value="admin"/>`,
    );
    // What was checked is required, and kept.
    const unchecked = await admin.form(`/orgs/${funder.org.id}/verify`, { verified: "true", back: "admin" });
    expect(unchecked.status).toBe(400);
    expect(await levelOf(funder.org.id)).toBe(1);
    const checks = {
      website: "https://waiting.example.org",
      registration: "KvK 12345678",
      contact: "Director, by video call",
    };
    const verified = await admin.form(`/orgs/${funder.org.id}/verify`, {
      verified: "true",
      back: "admin",
      ...checks,
    });
    expect(verified.status).toBe(303);
    expect(verified.headers.get("location")).toBe("/admin?notice=verified");
    const back = await admin.page("/admin?notice=verified");
    expect(back.html).toContain(en["admin.verified"]);
    expect(back.html).not.toMatch(row);
    expect((await new Client().page(`/orgs/${funder.org.id}`)).html).toContain(
      `✓ ${en["org.verified_funder"]}`,
    );
    expect(await levelOf(funder.org.id)).toBe(4);
    const audit = await env.DB.prepare(
      "SELECT data FROM audit_log WHERE action = 'org.verified' AND subject_id = ?",
    )
      .bind(funder.org.id)
      .first<{ data: string }>();
    expect(JSON.parse(audit!.data).checks).toEqual(checks);
  });
});

test("the trust section and the chapter pages in Arabic are right to left", async () => {
  await coordinatorOf("EG");
  const owner = await group({ country: "EG", listedInChapter: true });
  const reader = new Client();
  reader.lang = "ar";
  const org = await reader.page(`/orgs/${owner.org.id}`);
  expect(org.html).toContain('<html lang="ar" dir="rtl">');
  expect(org.html).toContain(ar["trust.title"]);
  expect(org.html).toContain(ar["trust.ev_email"]);
  for (const path of ["/chapters", "/chapters/EG"]) {
    const page = await reader.page(path);
    expect(page.html).toContain('<html lang="ar" dir="rtl">');
  }
  expect((await reader.page("/chapters/EG")).html).toContain(ar["chapter.listed"]);
  // A signed-in person's saved language wins over the browser's: they switch with ?lang=.
  const own = await owner.page(`/orgs/${owner.org.id}?lang=ar`);
  expect(own.html).toContain('dir="rtl"');
  expect(own.html).toContain(ar["trust.ask_chapter"]);
});
