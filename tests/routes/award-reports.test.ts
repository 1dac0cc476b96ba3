// Light reports over HTTP: drafts saved by version (a stale save gets the server copy, nothing is lost),
// the 1,000-character limit at sending, who reads what (drafts are the group's; sent reports and their
// photos go to the funder and to funders it was shared with, nobody else), owners alone share, tranches
// paid after a report wait for one, reminders are written once, and erasure blanks the texts.
import { env, exports } from "cloudflare:workers";
import { describe, expect, test } from "vitest";
import { Client, ORIGIN } from "../helpers/client";
import { signUp, orgOwner, csoFields, addMember, userWithRole } from "../helpers/world";
import { funderWithCall } from "../helpers/calls";
import { MINIMAL_JPEG, uploadForm } from "../helpers/uploads";
import { GHOST_USER } from "../../worker/domain/org-erasure";

type Money = { amount: number; currency: string };
type Group = Client & { org: { id: string; name?: unknown } };
const usd = (amount: number): Money => ({ amount, currency: "USD" });
const today = () => new Date().toISOString().slice(0, 10);
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const paths = (body: { errors?: { path: string }[] }) => (body.errors ?? []).map((e) => e.path).sort();
const ANSWERS = {
  changed: "Forty women read now.",
  hard: "The rains cut the road.",
  next: "A second circle.",
};

/** A new funder's call, the group's application to it, awarded: the funder's owner and the award id. */
const awardTo = async (cso: Group, amount = usd(1_000_000)) => {
  const funder = await funderWithCall();
  const callId = funder.call.id;
  const app = (await cso.post(`/api/v1/calls/${callId}/applications`, { orgId: cso.org.id })).body;
  const questions = (await cso.get(`/api/v1/calls/${callId}`)).body.questions as { id: string }[];
  await cso.patch(`/api/v1/applications/${app.id}`, {
    version: app.version,
    answers: Object.fromEntries(questions.map((q) => [q.id, "Our literacy circles."])),
    requestedAmount: amount,
  });
  const sent = await cso.post(`/api/v1/applications/${app.id}/submit`);
  if (sent.status !== 200) throw new Error(`submit: ${JSON.stringify(sent.body)}`);
  const decided = await funder.post(`/api/v1/applications/${app.id}/decision`, { decision: "award", amount });
  if (decided.status !== 200) throw new Error(`award: ${JSON.stringify(decided.body)}`);
  return { funder, awardId: decided.body.awardId as string };
};

const world = async () => {
  const cso = await orgOwner(csoFields);
  return { cso, ...(await awardTo(cso)) };
};

const uploadPhoto = async (who: Client) => {
  const res = await who.fetch("/api/v1/uploads", {
    method: "POST",
    body: uploadForm(MINIMAL_JPEG, "photo.jpg", "image/jpeg"),
    headers: { Origin: ORIGIN },
  });
  const body = (await res.json()) as { id: string };
  if (res.status !== 201) throw new Error(`upload: ${res.status} ${JSON.stringify(body)}`);
  return body.id;
};

const runCron = () =>
  (
    exports as unknown as {
      default: { scheduled: (c: { scheduledTime: number; cron: string }) => Promise<void> };
    }
  ).default.scheduled({ scheduledTime: Date.now(), cron: "*/15 * * * *" });

describe("drafts and sending", () => {
  test("a stale save is refused with the server copy; both saves' words survive the merge", async () => {
    const w = await world();
    const draft = await w.cso.post(`/api/v1/awards/${w.awardId}/reports`, {
      answers: { changed: "First words." },
      language: "fr",
    });
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ status: "draft", version: 1, language: "fr", submittedAt: null });
    const first = await w.cso.patch(`/api/v1/reports/${draft.body.id}`, {
      version: 1,
      answers: { hard: "The rains." },
    });
    expect(first.status).toBe(200);
    expect(first.body.answers).toEqual({ changed: "First words.", hard: "The rains.", next: "" });
    const stale = await w.cso.patch(`/api/v1/reports/${draft.body.id}`, {
      version: 1,
      answers: { next: "A second circle." },
    });
    expect(stale.status).toBe(409);
    expect(paths(stale.body)).toEqual(["version"]);
    expect(stale.body.current).toMatchObject({ version: 2, answers: { hard: "The rains." } });
    const merged = await w.cso.patch(`/api/v1/reports/${draft.body.id}`, {
      version: stale.body.current.version,
      answers: { next: "A second circle." },
    });
    expect(merged.body.answers).toEqual({
      changed: "First words.",
      hard: "The rains.",
      next: "A second circle.",
    });
  });

  test("sending needs every answer and at most 1,000 characters each, counted as code points", async () => {
    const w = await world();
    const missing = await w.cso.post(`/api/v1/awards/${w.awardId}/reports`, {
      answers: { changed: "Only this." },
      language: "en",
      submit: true,
    });
    expect(missing.status).toBe(422);
    expect(paths(missing.body)).toEqual(["answers.hard", "answers.next"]);
    // 1,000 emoji are 2,000 UTF-16 units but 1,000 characters: allowed. One more is refused.
    const full = "🌾".repeat(1000);
    const draft = await w.cso.post(`/api/v1/awards/${w.awardId}/reports`, {
      answers: { ...ANSWERS, hard: `${full}🌾` },
      language: "ar",
    });
    expect(draft.status).toBe(201);
    const tooLong = await w.cso.post(`/api/v1/reports/${draft.body.id}/submit`);
    expect(tooLong.status).toBe(422);
    expect(paths(tooLong.body)).toEqual(["answers.hard"]);
    await w.cso.patch(`/api/v1/reports/${draft.body.id}`, {
      version: draft.body.version,
      answers: { hard: full },
    });
    const sent = await w.cso.post(`/api/v1/reports/${draft.body.id}/submit`);
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ status: "submitted", submittedAt: expect.any(String) });
    const again = await w.cso.patch(`/api/v1/reports/${draft.body.id}`, { version: sent.body.version });
    expect(again.status).toBe(409);
  });

  test("only the group writes; files uploaded by someone outside the group are refused by index", async () => {
    const w = await world();
    const asFunder = await w.funder.post(`/api/v1/awards/${w.awardId}/reports`, {
      answers: {},
      language: "en",
    });
    expect(asFunder.status).toBe(403);
    const stranger = await orgOwner(csoFields);
    expect(
      (await stranger.post(`/api/v1/awards/${w.awardId}/reports`, { answers: {}, language: "en" })).status,
    ).toBe(404);
    const mine = await uploadPhoto(w.cso);
    const theirs = await uploadPhoto(stranger);
    const res = await w.cso.post(`/api/v1/awards/${w.awardId}/reports`, {
      answers: {},
      language: "en",
      uploadIds: [mine, theirs],
    });
    expect(res.status).toBe(422);
    expect(paths(res.body)).toEqual(["uploadIds.1"]);
    const member = await signUp();
    await addMember(w.cso, w.cso.org.id, member);
    const byMember = await uploadPhoto(member);
    const ok = await w.cso.post(`/api/v1/awards/${w.awardId}/reports`, {
      answers: {},
      language: "en",
      uploadIds: [mine, byMember],
    });
    expect(ok.status).toBe(201);
    expect(ok.body.uploads.map((u: { id: string }) => u.id).sort()).toEqual([mine, byMember].sort());
  });
});

describe("who reads a report", () => {
  test("the funder sees sent reports, never drafts; a photo reaches it only once sent", async () => {
    const w = await world();
    const photo = await uploadPhoto(w.cso);
    const draft = await w.cso.post(`/api/v1/awards/${w.awardId}/reports`, {
      answers: ANSWERS,
      language: "es",
      uploadIds: [photo],
    });
    const funderList = await w.funder.get(`/api/v1/awards/${w.awardId}/reports`);
    expect(funderList.status).toBe(200);
    expect(funderList.body.items).toEqual([]);
    expect((await w.funder.get(`/api/v1/awards/${w.awardId}`)).body.reports).toEqual([]);
    expect((await w.funder.get(`/api/v1/reports/${draft.body.id}`)).status).toBe(404);
    expect((await w.funder.fetch(`/api/v1/uploads/${photo}`)).status).toBe(404);
    expect((await w.cso.get(`/api/v1/awards/${w.awardId}/reports`)).body.items).toHaveLength(1);

    await w.cso.post(`/api/v1/reports/${draft.body.id}/submit`);
    const list = await w.funder.get(`/api/v1/awards/${w.awardId}/reports`);
    expect(list.body.items).toEqual([
      expect.objectContaining({
        id: draft.body.id,
        status: "submitted",
        answers: ANSWERS,
        uploads: [{ id: photo, kind: "jpeg" }],
      }),
    ]);
    expect(list.body.items[0]).not.toHaveProperty("sharedWith");
    const served = await w.funder.fetch(`/api/v1/uploads/${photo}`);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/jpeg");
    const admin = await userWithRole("admin");
    expect((await admin.get(`/api/v1/reports/${draft.body.id}`)).status).toBe(200);
    const other = await orgOwner(csoFields);
    expect((await other.get(`/api/v1/reports/${draft.body.id}`)).status).toBe(404);
    expect((await other.fetch(`/api/v1/uploads/${photo}`)).status).toBe(404);
    expect((await other.get(`/api/v1/awards/${w.awardId}/reports`)).status).toBe(404);
    expect((await new Client().get(`/api/v1/reports/${draft.body.id}`)).status).toBe(401);
  });

  test("shared with another award of the group, its funder reads it and its photo; a third funder does not", async () => {
    const w = await world();
    const second = await awardTo(w.cso);
    const third = await world();
    const photo = await uploadPhoto(w.cso);
    const report = await w.cso.post(`/api/v1/awards/${w.awardId}/reports`, {
      answers: ANSWERS,
      language: "en",
      uploadIds: [photo],
      submit: true,
    });
    expect((await second.funder.get(`/api/v1/reports/${report.body.id}`)).status).toBe(404);
    expect((await second.funder.fetch(`/api/v1/uploads/${photo}`)).status).toBe(404);

    // Members may write but not share: sharing exposes the group's words to another funder.
    const member = await signUp();
    await addMember(w.cso, w.cso.org.id, member);
    const byMember = await member.post(`/api/v1/reports/${report.body.id}/share`, {
      awardId: second.awardId,
    });
    expect(byMember.status).toBe(403);
    const otherGroups = await w.cso.post(`/api/v1/reports/${report.body.id}/share`, {
      awardId: third.awardId,
    });
    expect(otherGroups.status).toBe(422);
    expect(paths(otherGroups.body)).toEqual(["awardId"]);
    const byFunder = await w.funder.post(`/api/v1/reports/${report.body.id}/share`, {
      awardId: second.awardId,
    });
    expect(byFunder.status).toBe(403);

    const shared = await w.cso.post(`/api/v1/reports/${report.body.id}/share`, { awardId: second.awardId });
    expect(shared.status).toBe(200);
    expect(shared.body.sharedWith).toEqual([second.awardId]);
    expect((await second.funder.get(`/api/v1/reports/${report.body.id}`)).status).toBe(200);
    expect((await second.funder.fetch(`/api/v1/uploads/${photo}`)).status).toBe(200);
    const theirs = await second.funder.get(`/api/v1/awards/${second.awardId}/reports`);
    expect(theirs.body.items.map((r: { id: string }) => r.id)).toEqual([report.body.id]);
    expect((await third.funder.get(`/api/v1/reports/${report.body.id}`)).status).toBe(404);
    expect((await third.funder.fetch(`/api/v1/uploads/${photo}`)).status).toBe(404);
    // The first funder does not learn which other funders the group has.
    expect((await w.funder.get(`/api/v1/reports/${report.body.id}`)).body).not.toHaveProperty("sharedWith");
  });
});

describe("due dates and tranches paid after a report", () => {
  test("the tranche waits for a report; the award lists the due dates and which are done", async () => {
    const w = await world();
    const plan = await w.funder.json("PUT", `/api/v1/awards/${w.awardId}/tranches`, {
      tranches: [
        { dueOn: today(), amount: usd(400_000) },
        { dueOn: inDays(90), amount: usd(600_000), afterReport: true },
      ],
    });
    expect(plan.status).toBe(200);
    const [, later] = plan.body.tranches as { id: string }[];
    const end = plan.body.reportsDue.at(-1).dueOn;
    expect(plan.body.reportsDue).toEqual([
      { dueOn: inDays(90), done: false },
      { dueOn: end, done: false },
    ]);
    const send = () =>
      w.funder.post(`/api/v1/awards/${w.awardId}/disbursements`, {
        amount: usd(600_000),
        sentOn: today(),
        rail: "bank",
        reference: "UBA/2026/778812",
        trancheId: later.id,
      });
    const blocked = await send();
    expect(blocked.status).toBe(422);
    expect(paths(blocked.body)).toEqual(["trancheId"]);
    // A draft is not a report.
    const draft = await w.cso.post(`/api/v1/awards/${w.awardId}/reports`, {
      answers: ANSWERS,
      language: "en",
    });
    expect((await send()).status).toBe(422);
    await w.cso.post(`/api/v1/reports/${draft.body.id}/submit`);
    expect((await send()).status).toBe(201);
    const award = await w.cso.get(`/api/v1/awards/${w.awardId}`);
    expect(award.body.reportsDue).toEqual([
      { dueOn: inDays(90), done: true },
      { dueOn: end, done: false },
    ]);
    expect(award.body.reports).toEqual([expect.objectContaining({ id: draft.body.id, sharedWith: [] })]);
  });
});

describe("reminders", () => {
  test("each member gets one neutral reminder per due date, however often the cron runs", async () => {
    const w = await world();
    const member = await signUp();
    await addMember(w.cso, w.cso.org.id, member);
    await w.funder.json("PUT", `/api/v1/awards/${w.awardId}/tranches`, {
      tranches: [
        { dueOn: today(), amount: usd(400_000) },
        { dueOn: inDays(5), amount: usd(600_000), afterReport: true },
      ],
    });
    const rows = () =>
      env.DB.prepare("SELECT to_email, kind, subject FROM outbox WHERE id LIKE ? ORDER BY to_email")
        .bind(`report-reminder:${w.awardId}:%`)
        .all<{ to_email: string; kind: string; subject: string }>();
    await runCron();
    await runCron();
    const written = (await rows()).results;
    expect(written.map((r) => r.to_email).sort()).toEqual([w.cso.email, member.email].sort());
    expect(written.every((r) => r.kind === "report_due_soon")).toBe(true);
    const funderName = String((await w.funder.get(`/api/v1/orgs/${w.funder.org.id}`)).body.name);
    expect(written.some((r) => r.subject.includes(funderName))).toBe(false);
  });

  test("no reminder once the report for that date was sent", async () => {
    const w = await world();
    await w.funder.json("PUT", `/api/v1/awards/${w.awardId}/tranches`, {
      tranches: [
        { dueOn: today(), amount: usd(400_000) },
        { dueOn: inDays(3), amount: usd(600_000), afterReport: true },
      ],
    });
    await w.cso.post(`/api/v1/awards/${w.awardId}/reports`, {
      answers: ANSWERS,
      language: "en",
      submit: true,
    });
    await runCron();
    const n = await env.DB.prepare("SELECT count(*) AS n FROM outbox WHERE id LIKE ?")
      .bind(`report-reminder:${w.awardId}:%`)
      .first<{ n: number }>();
    expect(n!.n).toBe(0);
  });
});

describe("erasure", () => {
  test("deleting the group blanks its reports' texts and removes their files", async () => {
    const w = await world();
    const photo = await uploadPhoto(w.cso);
    const report = await w.cso.post(`/api/v1/awards/${w.awardId}/reports`, {
      answers: ANSWERS,
      language: "en",
      uploadIds: [photo],
      submit: true,
    });
    const key = (await env.DB.prepare("SELECT r2_key FROM uploads WHERE id = ?")
      .bind(photo)
      .first<{ r2_key: string }>())!.r2_key;
    const sent = await w.funder.post(`/api/v1/awards/${w.awardId}/disbursements`, {
      amount: usd(100_000),
      sentOn: today(),
      rail: "bank",
      reference: "UBA/2026/778812",
    });
    const confirmed = await w.cso.post(`/api/v1/disbursements/${sent.body.id}/receipt`, {
      received: usd(99_000),
      receivedOn: today(),
      note: "Collected by Amina at the agent in the market",
    });
    expect(confirmed.status).toBe(200);
    const name = String((await w.cso.get(`/api/v1/orgs/${w.cso.org.id}`)).body.name);
    const deleted = await w.cso.json("DELETE", `/api/v1/orgs/${w.cso.org.id}`, { confirmName: name });
    expect(deleted.status).toBe(200);
    const row = await env.DB.prepare(
      "SELECT changed, hard, next, status, created_by FROM award_reports WHERE id = ?",
    )
      .bind(report.body.id)
      .first<Record<string, string>>();
    expect(row).toMatchObject({ changed: "", hard: "", next: "", status: "submitted" });
    expect(row!.created_by).not.toBe(w.cso.userId);
    expect(await env.DB.prepare("SELECT 1 FROM uploads WHERE id = ?").bind(photo).first()).toBeNull();
    expect(
      await env.DB.prepare("SELECT 1 FROM report_uploads WHERE report_id = ?").bind(report.body.id).first(),
    ).toBeNull();
    expect(await env.UPLOADS.get(key)).toBeNull();
    const receipt = await env.DB.prepare(
      "SELECT note, confirmed_by, amount FROM receipts WHERE disbursement_id = ?",
    )
      .bind(sent.body.id)
      .first<Record<string, unknown>>();
    expect(receipt).toEqual({ note: null, confirmed_by: GHOST_USER.id, amount: 99_000 });
    // Who sent the money is the funder's person: the group's deletion leaves it.
    const by = await env.DB.prepare("SELECT created_by FROM disbursements WHERE id = ?")
      .bind(sent.body.id)
      .first<{ created_by: string }>();
    expect(by!.created_by).toBe(w.funder.userId);
    const seen = await w.funder.get(`/api/v1/reports/${report.body.id}`);
    expect(JSON.stringify(seen.body)).not.toContain("Forty women");
  });

  test("deleting the funder moves who sent its money to the placeholder account", async () => {
    const w = await world();
    const sent = await w.funder.post(`/api/v1/awards/${w.awardId}/disbursements`, {
      amount: usd(100_000),
      sentOn: today(),
      rail: "bank",
      reference: "UBA/2026/778813",
    });
    const name = String((await w.funder.get(`/api/v1/orgs/${w.funder.org.id}`)).body.name);
    expect(
      (await w.funder.json("DELETE", `/api/v1/orgs/${w.funder.org.id}`, { confirmName: name })).status,
    ).toBe(200);
    const by = await env.DB.prepare("SELECT created_by FROM disbursements WHERE id = ?")
      .bind(sent.body.id)
      .first<{ created_by: string }>();
    expect(by!.created_by).toBe(GHOST_USER.id);
  });
});

describe("the report pages, without JavaScript", () => {
  test("the group writes and sends with a photo in one multipart post; the funder reads it; an empty send keeps the draft", async () => {
    const w = await world();
    const form = await w.cso.page(`/awards/${w.awardId}/reports/new?lang=ar`);
    expect(form.status).toBe(200);
    expect(form.html).toContain('dir="rtl"');
    expect(form.html).toContain('name="answers.changed"');
    expect(form.html).toContain('enctype="multipart/form-data"');
    expect((await w.funder.page(`/awards/${w.awardId}/reports/new`)).status).toBe(403);

    const body = uploadForm(MINIMAL_JPEG, "photo.jpg", "image/jpeg");
    for (const [k, v] of Object.entries({ ...ANSWERS, language: "en", intent: "submit" }))
      body.append(k in ANSWERS ? `answers.${k}` : k, v);
    const posted = await w.cso.fetch(`/awards/${w.awardId}/reports`, {
      method: "POST",
      body,
      headers: { Origin: ORIGIN },
      redirect: "manual",
    });
    expect(posted.status).toBe(303);
    const reportId = posted.headers.get("location")!.split("/").pop()!;
    const stored = await w.funder.get(`/api/v1/reports/${reportId}`);
    expect(stored.body).toMatchObject({ status: "submitted", answers: ANSWERS, uploads: [{ kind: "jpeg" }] });
    const read = await w.funder.page(`/reports/${reportId}`);
    expect(read.status).toBe(200);
    expect(read.html).toContain("The rains cut the road.");
    expect(read.html).toContain(`/api/v1/uploads/${stored.body.uploads[0].id}`);
    expect((await (await orgOwner(csoFields)).page(`/reports/${reportId}`)).status).toBe(404);

    // Sending with an answer missing keeps what was typed as a draft and names the field.
    const half = await w.cso.form(`/awards/${w.awardId}/reports`, {
      "answers.changed": "Only this.",
      language: "en",
      intent: "submit",
    });
    expect(half.status).toBe(422);
    expect(half.html).toContain("Only this.");
    expect(half.html).toContain('id="answers.hard-error"');
    const drafts = (await w.cso.get(`/api/v1/awards/${w.awardId}/reports`)).body.items.filter(
      (r: { status: string }) => r.status === "draft",
    );
    expect(drafts).toEqual([
      expect.objectContaining({ answers: { changed: "Only this.", hard: "", next: "" } }),
    ]);
  });
});
