// The weekly digest: members opt in per organisation; the Monday cron writes each one mail, in their
// language, listing only the new open calls the organisation is eligible for — once per week, and
// nothing to those who turned it off or left.
import { env, exports } from "cloudflare:workers";
import { beforeAll, describe, expect, test } from "vitest";
import { Client } from "../helpers/client";
import { orgOwner, csoFields, signUp, addMember } from "../helpers/world";
import { funderWithCall } from "../helpers/calls";
import { DIGEST_CRON, isoWeek } from "../../worker/domain/digest";

const WEEK = 7 * 86_400_000;
const runDigest = (at: number) =>
  (
    exports as unknown as {
      default: { scheduled: (c: { scheduledTime: number; cron: string }) => Promise<void> };
    }
  ).default.scheduled({ scheduledTime: at, cron: DIGEST_CRON });

type MailRow = { id: string; to_email: string; locale: string; subject: string; text: string; html: string };
const digestsTo = async (email: string) =>
  (
    await env.DB.prepare("SELECT * FROM outbox WHERE kind = 'digest' AND to_email = ? ORDER BY created_at")
      .bind(email.toLowerCase())
      .all<MailRow>()
  ).results;

describe("digest opt-in: PUT /api/v1/orgs/:id/digest", () => {
  test("members of the CSO only; others 401/403/404; funders have none", async () => {
    const owner = await orgOwner(csoFields);
    const path = `/api/v1/orgs/${owner.org.id}/digest`;
    expect((await owner.json("PUT", path, { on: true })).body).toEqual({ orgId: owner.org.id, on: true });
    expect((await owner.get(path)).body).toEqual({ orgId: owner.org.id, on: true });
    expect((await new Client().json("PUT", path, { on: true })).status).toBe(401);
    const outsider = await orgOwner(csoFields);
    expect((await outsider.json("PUT", path, { on: true })).status).toBe(403);
    await env.DB.prepare("UPDATE orgs SET visibility = 'hidden' WHERE id = ?").bind(owner.org.id).run();
    expect((await outsider.json("PUT", path, { on: true })).status).toBe(404);
    expect((await owner.json("PUT", path, { on: false })).body).toEqual({ orgId: owner.org.id, on: false });
    expect((await outsider.json("PUT", "/api/v1/orgs/no-such-org/digest", { on: true })).status).toBe(404);
    const funder = await funderWithCall();
    const onFunder = await funder.json("PUT", `/api/v1/orgs/${funder.org.id}/digest`, { on: true });
    expect(onFunder.status).toBe(422);
  });

  test("bad bodies are problems naming the field", async () => {
    const owner = await orgOwner(csoFields);
    const res = await owner.json("PUT", `/api/v1/orgs/${owner.org.id}/digest`, { on: "yes" });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(["on"]);
  });

  test("the account page's switch (a form, no script) turns it on and off", async () => {
    const owner = await orgOwner(csoFields);
    const me = await owner.page("/me");
    expect(me.html).toContain('action="/me/digest"');
    const on = await owner.form("/me/digest", { orgId: owner.org.id, on: "true" });
    expect(on.status).toBe(303);
    expect((await owner.get(`/api/v1/orgs/${owner.org.id}/digest`)).body.on).toBe(true);
    expect((await owner.page("/me")).html).toContain('name="on" value="false"');
    await owner.form("/me/digest", { orgId: owner.org.id, on: "false" });
    expect((await owner.get(`/api/v1/orgs/${owner.org.id}/digest`)).body.on).toBe(false);
    const outsider = await orgOwner(csoFields);
    expect((await outsider.form("/me/digest", { orgId: owner.org.id, on: "true" })).status).toBe(403);
  });
});

describe("the weekly digest job", () => {
  let owner: Awaited<ReturnType<typeof orgOwner>>;
  let arabic: Awaited<ReturnType<typeof signUp>>;
  let quiet: Awaited<ReturnType<typeof signUp>>;
  let leaver: Awaited<ReturnType<typeof signUp>>;
  let fits: Awaited<ReturnType<typeof funderWithCall>>;
  let kenya: Awaited<ReturnType<typeof funderWithCall>>;
  let old: Awaited<ReturnType<typeof funderWithCall>>;
  let hiddenFunder: Awaited<ReturnType<typeof funderWithCall>>;
  const firstRun = Date.now() + 60_000;

  beforeAll(async () => {
    owner = await orgOwner(csoFields);
    arabic = await signUp({ locale: "ar" });
    quiet = await signUp();
    leaver = await signUp();
    for (const m of [arabic, quiet, leaver]) await addMember(owner, owner.org.id, m);
    for (const m of [owner, arabic, leaver])
      expect((await m.json("PUT", `/api/v1/orgs/${owner.org.id}/digest`, { on: true })).status).toBe(200);
    expect(
      (await owner.json("DELETE", `/api/v1/orgs/${owner.org.id}/members/${leaver.userId}`)).status,
    ).toBeLessThan(300);
    fits = await funderWithCall({ title: "Digest: core support for rural women & girls" });
    kenya = await funderWithCall({ title: "Digest: only for Kenya", eligibility: { countries: ["KE"] } });
    old = await funderWithCall({ title: "Digest: published long ago" });
    await env.DB.prepare("UPDATE calls SET published_at = ? WHERE id = ?")
      .bind(new Date(Date.now() - 10 * 86_400_000).toISOString(), old.call.id)
      .run();
    hiddenFunder = await funderWithCall({ title: "Digest: from a hidden funder" });
    await env.DB.prepare("UPDATE orgs SET visibility = 'hidden', name = 'Secret Shelter Fund' WHERE id = ?")
      .bind(hiddenFunder.org.id)
      .run();
    await runDigest(firstRun);
  });

  test("only new calls the organisation is eligible for, with funder (or 'a funder'), deadline and link", async () => {
    const [mail] = await digestsTo(owner.email);
    expect(mail).toBeDefined();
    expect(mail.locale).toBe("en");
    expect(mail.subject).toMatch(/^New funding calls for your group/);
    expect(mail.text).toContain("Digest: core support for rural women & girls");
    // The cron has no request: links are on the site the sender address names.
    expect(mail.text).toContain(`https://sanad.example/calls/${fits.call.id}`);
    expect(mail.text).toContain("Open Horizons Fund");
    expect(mail.text).toContain("Digest: from a hidden funder");
    expect(mail.text).toContain("A funder");
    expect(mail.text).not.toContain("Secret Shelter Fund");
    expect(mail.text).not.toContain("Digest: only for Kenya");
    expect(mail.text).not.toContain(kenya.call.id);
    expect(mail.text).not.toContain("Digest: published long ago");
    expect(mail.text).toContain("/me#digest");
    // Mail never names the group itself (it may be hidden).
    expect(mail.text).not.toContain(String(csoFields.name));
    expect(mail.html).toContain("core support for rural women &#38; girls");
    expect(mail.id).toBe(`digest:${owner.org.id}:${owner.userId}:${isoWeek(new Date(firstRun))}`);
  });

  test("in each member's language: Arabic for the Arabic reader, right to left", async () => {
    const [mail] = await digestsTo(arabic.email);
    expect(mail.locale).toBe("ar");
    expect(mail.subject).toContain("دعوات تمويل جديدة");
    expect(mail.html).toContain('dir="rtl"');
    expect(mail.text).toContain("Digest: core support for rural women & girls");
  });

  test("members who did not opt in, and those who left, get nothing", async () => {
    expect(await digestsTo(quiet.email)).toEqual([]);
    expect(await digestsTo(leaver.email)).toEqual([]);
    // Leaving ended the subscription itself: rejoining does not bring the digest back unasked.
    const kept = await env.DB.prepare("SELECT count(*) AS n FROM digest_subscriptions WHERE user_id = ?")
      .bind(leaver.userId)
      .first<number>("n");
    expect(kept).toBe(0);
  });

  test("once a week: running the job again writes no second mail", async () => {
    await runDigest(firstRun + 60_000);
    expect(await digestsTo(owner.email)).toHaveLength(1);
    expect(await digestsTo(arabic.email)).toHaveLength(1);
  });

  test("next week: only calls published since; a member who turned it off gets nothing", async () => {
    const later = await funderWithCall({ title: "Digest: a call for next week" });
    await env.DB.prepare("UPDATE calls SET published_at = ? WHERE id = ?")
      .bind(new Date(firstRun + 86_400_000).toISOString(), later.call.id)
      .run();
    expect((await owner.json("PUT", `/api/v1/orgs/${owner.org.id}/digest`, { on: false })).status).toBe(200);
    await runDigest(firstRun + WEEK);
    expect(await digestsTo(owner.email)).toHaveLength(1);
    const mails = await digestsTo(arabic.email);
    expect(mails).toHaveLength(2);
    expect(mails[1].text).toContain("Digest: a call for next week");
    expect(mails[1].text).not.toContain("Digest: core support for rural women & girls");
  });

  test("a week with no new eligible call writes no mail", async () => {
    await runDigest(firstRun + 2 * WEEK);
    expect(await digestsTo(arabic.email)).toHaveLength(2);
  });
});
