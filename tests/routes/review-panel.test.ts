// Participatory review over HTTP: panel invitations, opening review when a call closes (by its funder or
// the cron), who is assigned what (coverage, even work, never one's own group, determinism), scores,
// declared conflicts and who may see an assignment.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { Client } from "../helpers/client";
import { addMember, latestMail, signUp, uniqueEmail, userWithRole } from "../helpers/world";
import { expireCall, funderWithCall } from "../helpers/calls";
import {
  applicantGroup,
  assignmentRows,
  closeCall,
  firstAssignment,
  loads,
  panelOf,
  reviewedCall,
  runCron,
} from "../helpers/panel";
import { assignReviews } from "../../worker/domain/review-assignment";

const fieldsOf = (body: { errors?: { path: string }[] }) => (body.errors ?? []).map((e) => e.path).sort();

describe("panel invitations", () => {
  it("answer the same for an address with an account and one without, and mail both neutrally", async () => {
    const funder = await reviewedCall();
    const existing = await signUp();
    const nobody = uniqueEmail("nobody");
    const a = await funder.post(`/api/v1/calls/${funder.call.id}/panelists`, { email: existing.email });
    const b = await funder.post(`/api/v1/calls/${funder.call.id}/panelists`, { email: nobody });
    expect([a.status, b.status]).toEqual([202, 202]);
    expect(a.body).toEqual(b.body);
    expect(a.headers.get("content-type")).toBe(b.headers.get("content-type"));
    for (const to of [existing.email, nobody]) {
      const mail = await latestMail(to);
      expect(mail.kind).toBe("panel_invitation");
      expect(`${mail.subject} ${mail.text}`).not.toContain(funder.call.title);
      expect(mail.text).not.toContain("Open Horizons Fund");
    }
    // Asking again changes nothing: one pending invitation, no second mail.
    const again = await funder.post(`/api/v1/calls/${funder.call.id}/panelists`, { email: existing.email });
    expect(again.status).toBe(202);
    expect(again.body).toEqual(a.body);
    const rows = await env.DB.prepare(
      "SELECT kind, org_id, call_id, role FROM invitations WHERE email = ? AND call_id = ?",
    )
      .bind(existing.email, funder.call.id)
      .all();
    expect(rows.results).toEqual([
      { kind: "panel", org_id: funder.org.id, call_id: funder.call.id, role: "member" },
    ]);
  });

  it("only the call's funder invites, and only to a panel call (422 naming email otherwise)", async () => {
    const funder = await reviewedCall();
    const body = { email: uniqueEmail() };
    const path = `/api/v1/calls/${funder.call.id}/panelists`;
    expect((await new Client().post(path, body)).status).toBe(401);
    expect((await (await signUp()).post(path, body)).status).toBe(403);
    expect((await (await userWithRole("admin")).post(path, body)).status).toBe(403);
    const plain = await funderWithCall();
    const refused = await plain.post(`/api/v1/calls/${plain.call.id}/panelists`, body);
    expect(refused.status).toBe(422);
    expect(fieldsOf(refused.body)).toEqual(["email"]);
    const bad = await funder.post(path, { email: "not an address" });
    expect(bad.status).toBe(400);
    expect(bad.headers.get("content-type")).toContain("application/problem+json");
    expect(fieldsOf(bad.body)).toEqual(["email"]);
  });

  it("accepting makes a panelist of the call, never a member of the funder; owners do not list it", async () => {
    const funder = await reviewedCall();
    const person = await signUp({ name: "Community Reviewer" });
    await funder.post(`/api/v1/calls/${funder.call.id}/panelists`, { email: person.email });
    const members = await funder.get(`/api/v1/orgs/${funder.org.id}/members`);
    expect(members.body.invitations).toEqual([]);
    const mine = (await person.get("/api/v1/invitations")).body.items;
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      kind: "panel",
      orgId: funder.org.id,
      call: { id: funder.call.id, title: funder.call.title },
    });
    const me = await (await person.fetch("/me")).text();
    expect(me).toContain(funder.call.title);
    expect(me).toContain(`/me/invitations/${mine[0].id}/accept`);
    const accepted = await person.post(`/api/v1/invitations/${mine[0].id}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ callId: funder.call.id });
    const panelist = await env.DB.prepare(
      "SELECT count(*) AS n FROM call_panelists WHERE call_id = ? AND user_id = ?",
    )
      .bind(funder.call.id, person.userId)
      .first<{ n: number }>();
    expect(panelist!.n).toBe(1);
    const membership = await env.DB.prepare("SELECT count(*) AS n FROM memberships WHERE user_id = ?")
      .bind(person.userId)
      .first<{ n: number }>();
    expect(membership!.n).toBe(0);
    expect((await person.get("/api/v1/me")).body.memberships ?? []).toEqual([]);
    // Used once.
    expect((await person.post(`/api/v1/invitations/${mine[0].id}/accept`)).status).toBe(404);
  });

  it("the page route sends the new panelist to their queue, and a declined one is gone", async () => {
    const funder = await reviewedCall();
    const [a, b] = [await signUp(), await signUp()];
    for (const p of [a, b])
      await funder.post(`/api/v1/calls/${funder.call.id}/panelists`, { email: p.email });
    const idOf = async (p: Client) => (await p.get("/api/v1/invitations")).body.items[0].id as string;
    const res = await a.form(`/me/invitations/${await idOf(a)}/accept`, {});
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/reviews?notice=joined");
    const declined = await b.post(`/api/v1/invitations/${await idOf(b)}/decline`);
    expect(declined.status).toBe(204);
    expect((await b.get("/api/v1/invitations")).body.items).toEqual([]);
  });
});

describe("opening review", () => {
  it("peer: four groups, two reviews each, one reviewer per group, never its own or a group it belongs to", async () => {
    const funder = await reviewedCall("peer", 2);
    const groups: Awaited<ReturnType<typeof applicantGroup>>[] = [];
    for (const name of ["Group Alpha", "Group Beta", "Group Gamma", "Group Delta"])
      groups.push(await applicantGroup(funder, name));
    // Alpha's owner also belongs to Beta: Beta's application must never reach them.
    await addMember(groups[1]!, groups[1]!.org.id, groups[0]!);
    await closeCall(funder);
    const rows = await assignmentRows(funder.call.id);
    const { perApp, perReviewer } = loads(rows);
    expect(rows).toHaveLength(8);
    for (const g of groups) expect(perApp.get(g.applicationId)).toBe(2);
    expect([...perReviewer.values()]).toEqual([2, 2, 2, 2]);
    const groupOfApp = new Map(groups.map((g) => [g.applicationId, g]));
    for (const r of rows) {
      const reviewerGroup = groups.find((g) => g.userId === r.reviewer_id)!;
      expect(r.reviewer_org_id).toBe(reviewerGroup.org.id);
      expect(groupOfApp.get(r.application_id)).not.toBe(reviewerGroup);
    }
    expect(
      rows.some((r) => r.reviewer_id === groups[0]!.userId && r.application_id === groups[1]!.applicationId),
    ).toBe(false);
    // Exactly what the pure assignment gives for the same data (deterministic, nothing added or lost).
    const memberIds = (i: number) => (i === 1 ? [groups[1]!.userId, groups[0]!.userId] : [groups[i]!.userId]);
    const expected = assignReviews({
      applications: groups.map((g, i) => ({ id: g.applicationId, orgId: g.org.id, memberIds: memberIds(i) })),
      reviewers: groups.map((g, i) => ({
        id: g.userId,
        orgId: g.org.id,
        memberOf: i === 0 ? [g.org.id, groups[1]!.org.id] : [g.org.id],
      })),
      perApplication: 2,
      conflicts: [],
    });
    const pairs = (xs: { reviewerId: string; applicationId: string }[]) =>
      xs.map((p) => `${p.applicationId}/${p.reviewerId}`).sort();
    expect(pairs(rows.map((r) => ({ reviewerId: r.reviewer_id, applicationId: r.application_id })))).toEqual(
      pairs(expected.assignments),
    );
    expect(expected.unfilled).toEqual([]);
    // Each group's reviewer sees two applications, neither its own.
    const queue = (await groups[2]!.get("/api/v1/me/reviews")).body.items as { id: string }[];
    expect(queue).toHaveLength(2);
  });

  it("opens once: closing again, the cron and a second funder request add nothing", async () => {
    const funder = await reviewedCall("panel", 2);
    await panelOf(funder, 3);
    await applicantGroup(funder, "Group Once");
    const closed = await closeCall(funder);
    expect(closed.review.openedAt).toEqual(expect.any(String));
    const first = await assignmentRows(funder.call.id);
    expect(first).toHaveLength(2);
    await closeCall(funder);
    await runCron();
    expect(await assignmentRows(funder.call.id)).toEqual(first);
    const call = await env.DB.prepare("SELECT review_opened_at, review_salt FROM calls WHERE id = ?")
      .bind(funder.call.id)
      .first<{ review_opened_at: string; review_salt: string }>();
    expect(call!.review_opened_at).toBe(closed.review.openedAt);
    expect(call!.review_salt.length).toBeGreaterThanOrEqual(32);
  });

  it("panel: every application gets its reviews, spread evenly, never to a panelist of the applicant group", async () => {
    const funder = await reviewedCall("panel", 2);
    const panel = await panelOf(funder, 3);
    const groups = [
      await applicantGroup(funder, "Group One"),
      await applicantGroup(funder, "Group Two"),
      await applicantGroup(funder, "Group Three"),
    ];
    await addMember(groups[0]!, groups[0]!.org.id, panel[0]!);
    await closeCall(funder);
    const rows = await assignmentRows(funder.call.id);
    const { perApp, perReviewer } = loads(rows);
    for (const g of groups) expect(perApp.get(g.applicationId)).toBe(2);
    expect(panel.map((p) => perReviewer.get(p.userId))).toEqual([2, 2, 2]);
    expect(
      rows.some((r) => r.reviewer_id === panel[0]!.userId && r.application_id === groups[0]!.applicationId),
    ).toBe(false);
    expect(rows.every((r) => r.reviewer_org_id === null && r.status === "assigned")).toBe(true);
  });

  it("the cron opens review of a panel call whose deadline passed; a funder-reviewed call opens nothing", async () => {
    const funder = await reviewedCall("panel", 1);
    await panelOf(funder, 1);
    await applicantGroup(funder, "Group Late");
    const plain = await funderWithCall({ eligibility: {} });
    await applicantGroup(plain, "Group Plain");
    await expireCall(funder.call.id);
    await expireCall(plain.call.id);
    await runCron();
    expect(await assignmentRows(funder.call.id)).toHaveLength(1);
    expect(await assignmentRows(plain.call.id)).toEqual([]);
    const opened = await env.DB.prepare("SELECT review_opened_at FROM calls WHERE id = ?")
      .bind(plain.call.id)
      .first<{ review_opened_at: string | null }>();
    expect(opened!.review_opened_at).toBeNull();
  });

  it("the funder's call page shows counts only: assigned, done, conflicts", async () => {
    const funder = await reviewedCall("panel", 2);
    const panel = await panelOf(funder, 2);
    const group = await applicantGroup(funder, "Group Counted");
    await closeCall(funder);
    await panel[0]!.post(`/api/v1/reviews/${await firstAssignment(panel[0]!)}`, { score: 4 });
    const html = await (await funder.fetch(`/calls/${funder.call.id}`)).text();
    expect(html).toContain('id="review-panel"');
    expect(html).toMatch(/Reviews assigned<\/dt><dd>2</);
    expect(html).toMatch(/Reviews done<\/dt><dd>1</);
    expect(html).toMatch(/Conflicts of interest declared<\/dt><dd>0</);
    expect(html).not.toContain("Panelist 1");
    // The applicant sees none of it.
    expect(await (await group.fetch(`/calls/${funder.call.id}`)).text()).not.toContain('id="review-panel"');
  });

  it("the invite form on the call page: 400 next to the field for a bad address, then sent", async () => {
    const funder = await reviewedCall();
    const bad = await funder.form(`/calls/${funder.call.id}/panelists`, { email: "nope" });
    expect(bad.status).toBe(400);
    expect(bad.html).toContain('id="email-error"');
    const ok = await funder.form(`/calls/${funder.call.id}/panelists`, { email: uniqueEmail() });
    expect(ok.status).toBe(200);
    expect(ok.html).toContain("Invitation sent");
  });
});

describe("scores and conflicts", () => {
  it("scores 1..5 only, naming the field; scoring again replaces; 409 once the tally is published", async () => {
    const funder = await reviewedCall("panel", 1);
    const [reviewer] = await panelOf(funder, 1);
    await applicantGroup(funder, "Group Scored");
    await closeCall(funder);
    const id = await firstAssignment(reviewer!);
    const path = `/api/v1/reviews/${id}`;
    for (const body of [
      { score: 0 },
      { score: 6 },
      { score: 2.5 },
      { score: "3" },
      {},
      { comment: "no score" },
    ]) {
      const res = await reviewer!.post(path, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      expect(fieldsOf(res.body)).toEqual(["score"]);
    }
    const long = await reviewer!.post(path, { score: 3, comment: "x".repeat(1001) });
    expect([long.status, fieldsOf(long.body)]).toEqual([400, ["comment"]]);
    const extra = await reviewer!.post(path, { score: 3, reviewerId: "someone" });
    expect([extra.status, fieldsOf(extra.body)]).toEqual([400, ["reviewerId"]]);
    const first = await reviewer!.post(path, { score: 3, comment: "Clear plan." });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ id, status: "done", score: 3, comment: "Clear plan." });
    const second = await reviewer!.post(path, { score: 5 });
    expect(second.body).toMatchObject({ status: "done", score: 5, comment: null });
    expect((await assignmentRows(funder.call.id)).map((r) => r.score)).toEqual([5]);
    await env.DB.prepare("UPDATE calls SET tally_published_at = ? WHERE id = ?")
      .bind(new Date().toISOString(), funder.call.id)
      .run();
    const late = await reviewer!.post(path, { score: 1 });
    expect(late.status).toBe(409);
    expect(late.headers.get("content-type")).toContain("application/problem+json");
    expect((await reviewer!.post(path, { conflict: true })).status).toBe(409);
    expect((await assignmentRows(funder.call.id)).map((r) => r.score)).toEqual([5]);
  });

  it("a declared conflict reassigns to the lightest eligible reviewer; the pair never comes back", async () => {
    const funder = await reviewedCall("panel", 2);
    const panel = await panelOf(funder, 3);
    const group = await applicantGroup(funder, "Group Conflicted");
    await closeCall(funder);
    const before = await assignmentRows(funder.call.id);
    expect(before).toHaveLength(2);
    const onIt = before.map((r) => r.reviewer_id);
    const leaving = panel.find((p) => onIt.includes(p.userId))!;
    const idle = panel.find((p) => !onIt.includes(p.userId))!;
    const id = await firstAssignment(leaving);
    const res = await leaving.post(`/api/v1/reviews/${id}`, { conflict: true });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ id, status: "conflict", score: null });
    const after = await assignmentRows(funder.call.id);
    const live = after.filter((r) => r.status !== "conflict");
    expect(live.map((r) => r.reviewer_id).sort()).toEqual(
      [onIt.find((u) => u !== leaving.userId)!, idle.userId].sort(),
    );
    expect(loads(after).perApp.get(group.applicationId)).toBe(2);
    expect((await idle.get("/api/v1/me/reviews")).body.items).toHaveLength(1);
    // The conflicted row stays, cannot be scored, and closing again brings nobody back.
    expect((await leaving.post(`/api/v1/reviews/${id}`, { score: 4 })).status).toBe(409);
    await closeCall(funder);
    expect(await assignmentRows(funder.call.id)).toEqual(after);
    // The second conflict leaves nobody eligible: coverage drops, nobody is assigned twice.
    const idleId = await firstAssignment(idle);
    expect((await idle.post(`/api/v1/reviews/${idleId}`, { conflict: true })).status).toBe(201);
    const last = await assignmentRows(funder.call.id);
    expect(last).toHaveLength(3);
    expect(loads(last).perApp.get(group.applicationId)).toBe(1);
    expect(new Set(last.map((r) => r.reviewer_id)).size).toBe(3);
  });

  it("the form: radio buttons, errors next to the field, post-redirect-get, conflict button", async () => {
    const funder = await reviewedCall("panel", 1);
    const [reviewer, spare] = await panelOf(funder, 2);
    await applicantGroup(funder, "Group Form");
    await closeCall(funder);
    // One review for two panelists: whichever got it.
    const who = (await firstAssignment(reviewer!)) ? reviewer! : spare!;
    const id = await firstAssignment(who);
    const page = await (await who.fetch(`/reviews/${id}`)).text();
    expect(page).toMatch(/type="radio" name="score" value="5"/);
    expect(page).toContain('name="comment"');
    expect(page).toContain('name="conflict"');
    const bad = await who.form(`/reviews/${id}`, { score: "9" });
    expect(bad.status).toBe(400);
    expect(bad.html).toContain('id="score-error"');
    const ok = await who.form(`/reviews/${id}`, { score: "4", comment: "Good." });
    expect(ok.status).toBe(303);
    expect(ok.headers.get("location")).toBe(`/reviews/${id}?notice=saved`);
    expect(await (await who.fetch(`/reviews/${id}?notice=saved`)).text()).toContain("Your score is saved.");
    const queue = await (await who.fetch("/reviews")).text();
    expect(queue).toContain(`/reviews/${id}`);
    const arabic = await (await who.fetch(`/reviews/${id}?lang=ar`)).text();
    expect(arabic).toContain('dir="rtl"');
    expect(arabic).toContain("لديّ تضارب مصالح");
    expect(await (await who.fetch("/me")).text()).toContain('href="/reviews"');
    const handed = await who.form(`/reviews/${id}`, { conflict: "1" });
    expect(handed.status).toBe(303);
    expect(handed.headers.get("location")).toBe("/reviews?notice=conflict");
  });

  it("an assignment exists only for its reviewer: 401 anonymous, 404 for everyone else", async () => {
    const funder = await reviewedCall("panel", 1);
    const [reviewer, other] = await panelOf(funder, 2);
    const group = await applicantGroup(funder, "Group Private");
    await closeCall(funder);
    const id = (await firstAssignment(reviewer!)) ?? (await firstAssignment(other!));
    const owner = (await firstAssignment(reviewer!)) ? reviewer! : other!;
    const notOwner = owner === reviewer ? other! : reviewer!;
    const admin = await userWithRole("admin");
    const anon = new Client();
    expect((await anon.get(`/api/v1/reviews/${id}`)).status).toBe(401);
    expect((await anon.post(`/api/v1/reviews/${id}`, { score: 3 })).status).toBe(401);
    expect((await anon.get("/api/v1/me/reviews")).status).toBe(401);
    for (const who of [notOwner, group, funder, admin]) {
      expect((await who.get(`/api/v1/reviews/${id}`)).status).toBe(404);
      expect((await who.post(`/api/v1/reviews/${id}`, { score: 3 })).status).toBe(404);
      expect((await who.fetch(`/reviews/${id}`)).status).toBe(404);
      expect((await who.form(`/reviews/${id}`, { score: "3" })).status).toBe(404);
    }
    expect((await owner.get(`/api/v1/reviews/${id}`)).status).toBe(200);
    expect((await assignmentRows(funder.call.id)).map((r) => r.score)).toEqual([null]);
  });
});
