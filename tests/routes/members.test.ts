// Memberships, decided by owners: who sees what of the member list, the life of an invitation (revoke,
// decline, expiry, only the verified invited address), role changes, removal and leaving, and the rule
// that an organisation always keeps an owner — also under concurrent requests — by the API and the forms.
import { env } from "cloudflare:workers";
import { describe, expect, test } from "vitest";
import { Client } from "../helpers/client";
import { signUp, userWithRole, orgOwner, csoFields, addMember, uniqueEmail } from "../helpers/world";
import { en } from "../../worker/i18n/en";
import { ar } from "../../worker/i18n/ar";
import { fr } from "../../worker/i18n/fr";
import { canAnswerInvitation, type Viewer } from "../../worker/domain/permissions";
import { createDb } from "../../worker/db/client";
import { loadViewer } from "../../worker/db/users";
import { changeMemberRole, removeMember } from "../../worker/actions/members";
import { translator } from "../../worker/i18n";

type Person = Awaited<ReturnType<typeof signUp>>;

/** Whether the person proved they read mail at their address, set directly (sign-up's own flow may change). */
const setVerified = (userId: string, verified: boolean) =>
  env.DB.prepare("UPDATE users SET email_verified_at = ? WHERE id = ?")
    .bind(verified ? new Date().toISOString() : null, userId)
    .run();

/** A signed-in person whose address is verified. */
const verifiedPerson = async (opts: Parameters<typeof signUp>[0] = {}) => {
  const p = await signUp(opts);
  await setVerified(p.userId, true);
  return p;
};

/** An owner of a new organisation with a verified address, and a member (invited and accepted). */
const group = async (fields: Record<string, unknown> = csoFields) => {
  const owner = await orgOwner(fields);
  await setVerified(owner.userId, true);
  const member = await verifiedPerson({ name: "Second Member" });
  await addMember(owner, owner.org.id, member);
  return { owner, member, orgId: owner.org.id };
};

const invite = async (owner: Client, orgId: string, email: string, role: "owner" | "member" = "member") => {
  const res = await owner.post(`/api/v1/orgs/${orgId}/members`, { email, role });
  expect(res.status).toBe(202);
  return res.body.invitationId as string;
};

const del = (c: Client, path: string) => c.json("DELETE", path);

const owners = async (orgId: string) =>
  (
    await env.DB.prepare("SELECT user_id FROM memberships WHERE org_id = ? AND role = 'owner'")
      .bind(orgId)
      .all<{ user_id: string }>()
  ).results.map((r) => r.user_id);

const roleOf = async (orgId: string, userId: string) =>
  (
    await env.DB.prepare("SELECT role FROM memberships WHERE org_id = ? AND user_id = ?")
      .bind(orgId, userId)
      .first<{ role: string }>()
  )?.role ?? null;

const audit = async (orgId: string) =>
  (
    await env.DB.prepare(
      "SELECT action, actor_user_id AS actor, data FROM audit_log WHERE subject_id = ? ORDER BY id",
    )
      .bind(orgId)
      .all<{ action: string; actor: string; data: string }>()
  ).results.map((r) => ({ ...r, data: JSON.parse(r.data) }));

describe("who sees the member list", () => {
  test("owners see members' e-mail addresses and the pending invitations; members see names and roles; admins see the list without invitations", async () => {
    const { owner, member, orgId } = await group();
    const pendingEmail = uniqueEmail("pending");
    const invitationId = await invite(owner, orgId, pendingEmail, "owner");

    const asOwner = await owner.get(`/api/v1/orgs/${orgId}/members`);
    expect(asOwner.status).toBe(200);
    expect(asOwner.body.items).toEqual([
      {
        userId: owner.userId,
        name: "Test User",
        email: owner.email,
        role: "owner",
        since: expect.any(String),
      },
      {
        userId: member.userId,
        name: "Second Member",
        email: member.email,
        role: "member",
        since: expect.any(String),
      },
    ]);
    expect(asOwner.body.invitations).toEqual([
      {
        id: invitationId,
        email: pendingEmail,
        role: "owner",
        createdAt: expect.any(String),
        expiresAt: expect.any(String),
      },
    ]);
    const [inv] = asOwner.body.invitations;
    expect(Date.parse(inv.expiresAt) - Date.parse(inv.createdAt)).toBe(14 * 86_400_000);

    const asMember = await member.get(`/api/v1/orgs/${orgId}/members`);
    expect(asMember.status).toBe(200);
    expect(asMember.body.items.map((m: Record<string, unknown>) => [m.name, m.role])).toEqual([
      ["Test User", "owner"],
      ["Second Member", "member"],
    ]);
    expect(JSON.stringify(asMember.body)).not.toContain("@");
    expect(asMember.body.invitations).toEqual([]);

    const admin = await userWithRole("admin");
    const asAdmin = await admin.get(`/api/v1/orgs/${orgId}/members`);
    expect(asAdmin.status).toBe(200);
    expect(asAdmin.body.items).toHaveLength(2);
    expect(asAdmin.body.invitations).toEqual([]);
    expect(JSON.stringify(asAdmin.body)).not.toContain("@");

    // The same on the page: the owner sees the address, revoke and the forms; the member only names, roles and "leave".
    const ownerPage = await owner.page(`/orgs/${orgId}/members`);
    expect(ownerPage.status).toBe(200);
    expect(ownerPage.html).toContain(pendingEmail);
    expect(ownerPage.html).toContain(member.email);
    expect(ownerPage.html).toContain(`action="/orgs/${orgId}/invitations/${invitationId}/revoke"`);
    expect(ownerPage.html).toContain(`action="/orgs/${orgId}/members/${member.userId}/role"`);
    expect(ownerPage.html).toContain(`action="/orgs/${orgId}/members/${member.userId}/remove"`);
    const memberPage = await member.page(`/orgs/${orgId}/members`);
    expect(memberPage.status).toBe(200);
    expect(memberPage.html).toContain("Test User");
    expect(memberPage.html).not.toContain(pendingEmail);
    expect(memberPage.html).not.toContain(owner.email);
    expect(memberPage.html).not.toContain(`/revoke"`);
    expect(memberPage.html).not.toContain(`/role"`);
    expect(memberPage.html).toContain(en["members.leave"]);
    // The profile links to the members page for those who may see it.
    expect((await member.page(`/orgs/${orgId}`)).html).toContain(`href="/orgs/${orgId}/members"`);
    const stranger = await signUp();
    expect((await stranger.page(`/orgs/${orgId}/members`)).status).toBe(403);
    expect((await stranger.get(`/api/v1/orgs/${orgId}/members`)).status).toBe(403);
  });
});

describe("invitations", () => {
  test("an owner revokes an invitation: it can no longer be accepted and is listed nowhere; members cannot revoke", async () => {
    const { owner, member, orgId } = await group();
    const invitee = await verifiedPerson();
    const invitationId = await invite(owner, orgId, invitee.email);
    expect((await invitee.get("/api/v1/invitations")).body.items.map((i: { id: string }) => i.id)).toEqual([
      invitationId,
    ]);

    const refused = await del(member, `/api/v1/orgs/${orgId}/invitations/${invitationId}`);
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toBe(en["err.owners_only"]);

    expect((await del(owner, `/api/v1/orgs/${orgId}/invitations/${invitationId}`)).status).toBe(204);
    expect((await invitee.get("/api/v1/invitations")).body.items).toEqual([]);
    expect((await owner.get(`/api/v1/orgs/${orgId}/members`)).body.invitations).toEqual([]);
    expect((await invitee.post(`/api/v1/invitations/${invitationId}/accept`)).status).toBe(404);
    expect((await invitee.form(`/me/invitations/${invitationId}/accept`, {})).status).toBe(404);
    expect((await del(owner, `/api/v1/orgs/${orgId}/invitations/${invitationId}`)).status).toBe(404);
    expect(await roleOf(orgId, invitee.userId)).toBeNull();

    // By the form: back to the members page with a notice.
    const second = await invite(owner, orgId, uniqueEmail("second"));
    const form = await owner.form(`/orgs/${orgId}/invitations/${second}/revoke`, {});
    expect(form.status).toBe(303);
    expect(form.headers.get("location")).toBe(`/orgs/${orgId}/members?notice=revoked`);
    expect((await owner.page(form.headers.get("location")!)).html).toContain(en["members.revoked"]);
    expect((await owner.get(`/api/v1/orgs/${orgId}/members`)).body.invitations).toEqual([]);

    const entries = (await audit(orgId)).filter((a) => a.action === "invitation.revoked");
    expect(entries).toEqual([
      { action: "invitation.revoked", actor: owner.userId, data: { invitationId } },
      { action: "invitation.revoked", actor: owner.userId, data: { invitationId: second } },
    ]);
  });

  test("the invited person declines, by the API or from My account; a declined invitation cannot be accepted", async () => {
    const { owner, orgId } = await group();
    const invitee = await verifiedPerson();
    const first = await invite(owner, orgId, invitee.email);
    expect((await invitee.post(`/api/v1/invitations/${first}/decline`)).status).toBe(204);
    expect((await invitee.get("/api/v1/invitations")).body.items).toEqual([]);
    expect((await owner.get(`/api/v1/orgs/${orgId}/members`)).body.invitations).toEqual([]);
    expect((await invitee.post(`/api/v1/invitations/${first}/accept`)).status).toBe(404);
    expect((await invitee.post(`/api/v1/invitations/${first}/decline`)).status).toBe(404);

    const second = await invite(owner, orgId, invitee.email, "owner");
    const me = await invitee.page("/me");
    expect(me.html).toContain(`action="/me/invitations/${second}/accept"`);
    expect(me.html).toContain(`action="/me/invitations/${second}/decline"`);
    const declined = await invitee.form(`/me/invitations/${second}/decline`, {});
    expect(declined.status).toBe(200);
    expect(declined.html).toContain(en["me.invitation_declined"]);
    expect(declined.html).not.toContain(`/me/invitations/${second}/accept`);
    expect((await invitee.post(`/api/v1/invitations/${second}/accept`)).status).toBe(404);
    expect(await roleOf(orgId, invitee.userId)).toBeNull();
    expect((await audit(orgId)).filter((a) => a.action === "invitation.declined").map((a) => a.data)).toEqual(
      [
        { invitationId: first, role: "member" },
        { invitationId: second, role: "owner" },
      ],
    );
  });

  test("an expired invitation is not listed, and cannot be accepted or declined", async () => {
    const { owner, orgId } = await group();
    const invitee = await verifiedPerson();
    const invitationId = await invite(owner, orgId, invitee.email);
    const longAgo = new Date(Date.now() - 15 * 86_400_000);
    await env.DB.prepare("UPDATE invitations SET created_at = ?, expires_at = ? WHERE id = ?")
      .bind(longAgo.toISOString(), new Date(longAgo.getTime() + 14 * 86_400_000).toISOString(), invitationId)
      .run();
    expect((await invitee.get("/api/v1/invitations")).body.items).toEqual([]);
    expect((await owner.get(`/api/v1/orgs/${orgId}/members`)).body.invitations).toEqual([]);
    expect((await invitee.page("/me")).html).not.toContain(invitationId);
    expect((await invitee.post(`/api/v1/invitations/${invitationId}/accept`)).status).toBe(404);
    expect((await invitee.post(`/api/v1/invitations/${invitationId}/decline`)).status).toBe(404);
    expect((await del(owner, `/api/v1/orgs/${orgId}/invitations/${invitationId}`)).status).toBe(404);
    expect(await roleOf(orgId, invitee.userId)).toBeNull();
  });

  test("only the person who verified the invited address may see and answer it; for anyone else it does not exist", async () => {
    const owner = await orgOwner({ ...csoFields, name: "Quiet circle", visibility: "hidden" });
    const invitee = await signUp();
    await setVerified(invitee.userId, false);
    // Invited with different capitals and spaces: addresses compare normalised.
    const invitationId = await invite(owner, owner.org.id, `  ${invitee.email.toUpperCase()} `);

    // Not verified: nothing listed, and the invitation answers 404 as if it did not exist.
    expect((await invitee.get("/api/v1/invitations")).body.items).toEqual([]);
    expect((await invitee.page("/me")).html).not.toContain(invitationId);
    expect((await invitee.post(`/api/v1/invitations/${invitationId}/accept`)).status).toBe(404);
    expect((await invitee.post(`/api/v1/invitations/${invitationId}/decline`)).status).toBe(404);
    expect((await invitee.form(`/me/invitations/${invitationId}/accept`, {})).status).toBe(404);

    // Someone else, verified, and an admin: 404; nobody signed in: 401.
    const other = await verifiedPerson();
    expect((await other.post(`/api/v1/invitations/${invitationId}/accept`)).status).toBe(404);
    expect((await other.post(`/api/v1/invitations/${invitationId}/decline`)).status).toBe(404);
    const admin = await userWithRole("admin");
    expect((await admin.post(`/api/v1/invitations/${invitationId}/accept`)).status).toBe(404);
    expect((await new Client().post(`/api/v1/invitations/${invitationId}/accept`)).status).toBe(401);
    expect((await owner.get(`/api/v1/orgs/${owner.org.id}/members`)).body.invitations).toHaveLength(1);

    // Once the address is verified, the invitation is theirs to accept.
    await setVerified(invitee.userId, true);
    const mine = await invitee.get("/api/v1/invitations");
    expect(mine.body.items).toEqual([
      {
        id: invitationId,
        orgId: owner.org.id,
        orgName: "Quiet circle",
        role: "member",
        kind: "member",
        createdAt: expect.any(String),
        expiresAt: expect.any(String),
      },
    ]);
    const accepted = await invitee.post(`/api/v1/invitations/${invitationId}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toEqual({ orgId: owner.org.id, role: "member" });
    expect((await invitee.get(`/api/v1/orgs/${owner.org.id}`)).status).toBe(200);
    expect((await invitee.post(`/api/v1/invitations/${invitationId}/accept`)).status).toBe(404);
    expect((await invitee.get("/api/v1/invitations")).body.items).toEqual([]);
  });

  test("the rule itself: a verified address equal to the invitation's, compared normalised", () => {
    const v = (over: Partial<Viewer>): Viewer => ({
      userId: "u",
      email: "amina@example.org",
      emailVerified: true,
      name: "A",
      locale: "en",
      timeZone: null,
      platformRole: "user",
      memberships: [],
      twoFactor: false,
      ...over,
    });
    expect(canAnswerInvitation(v({}), { email: " Amina@Example.ORG" }).ok).toBe(true);
    expect(canAnswerInvitation(v({ emailVerified: false }), { email: "amina@example.org" })).toEqual({
      ok: false,
      status: 404,
      reason: "not_found",
    });
    expect(
      canAnswerInvitation(v({ email: "other@example.org" }), { email: "amina@example.org" }),
    ).toMatchObject({ ok: false, status: 404 });
    expect(canAnswerInvitation(null, { email: "amina@example.org" })).toMatchObject({
      ok: false,
      status: 401,
    });
  });

  test("accepting an invitation never demotes: an owner who accepts a member's invitation stays owner", async () => {
    const owner = await orgOwner();
    await setVerified(owner.userId, true);
    const invitationId = await invite(owner, owner.org.id, owner.email, "member");
    expect((await owner.post(`/api/v1/invitations/${invitationId}/accept`)).status).toBe(200);
    expect(await owners(owner.org.id)).toEqual([owner.userId]);
  });
});

describe("the last owner", () => {
  test("can neither leave, nor be removed, nor be demoted — by the API, in the caller's language", async () => {
    const owner = await verifiedPerson({ locale: "fr" });
    const orgId = (await owner.post("/api/v1/orgs", csoFields)).body.id as string;
    const member = await verifiedPerson();
    await addMember(owner, orgId, member);

    const demote = await owner.patch(`/api/v1/orgs/${orgId}/members/${owner.userId}`, { role: "member" });
    expect(demote.status).toBe(422);
    expect(demote.body.detail).toBe(fr["err.last_owner"]);
    expect(demote.body.errors).toEqual([{ path: "role", message: fr["err.last_owner"] }]);

    const leave = await del(owner, `/api/v1/orgs/${orgId}/members/${owner.userId}`);
    expect(leave.status).toBe(422);
    expect(leave.body.errors).toEqual([{ path: "userId", message: fr["err.last_owner"] }]);

    // A member may not remove an owner at all.
    const byMember = await del(member, `/api/v1/orgs/${orgId}/members/${owner.userId}`);
    expect(byMember.status).toBe(403);
    expect(await owners(orgId)).toEqual([owner.userId]);
    const actions = (await audit(orgId)).map((a) => a.action);
    expect(actions).not.toContain("member.left");
    expect(actions).not.toContain("member.role_changed");
  });

  test("the forms say so next to the control, and change nothing", async () => {
    const owner = await orgOwner();
    const orgId = owner.org.id;
    const role = await owner.form(`/orgs/${orgId}/members/${owner.userId}/role`, { role: "member" });
    expect(role.status).toBe(422);
    expect(role.html).toContain(en["err.last_owner"]);
    expect(role.html).toContain(`id="role-${owner.userId}-error"`);
    expect(role.html).toMatch(new RegExp(`<select id="role-${owner.userId}"[^>]*aria-invalid="true"`));
    expect(role.html).toContain('role="alert"');
    const leave = await owner.form(`/orgs/${orgId}/members/${owner.userId}/remove`, {});
    expect(leave.status).toBe(422);
    expect(leave.html).toContain(en["err.last_owner"]);
    expect(leave.html).toContain('id="leave-error"');
    expect(await owners(orgId)).toEqual([owner.userId]);
  });

  test("two owners demoting each other at the same moment leave exactly one owner", async () => {
    for (let round = 0; round < 3; round++) {
      const a = await orgOwner();
      const b = await verifiedPerson();
      await addMember(a, a.org.id, b, "owner");
      expect((await owners(a.org.id)).sort()).toEqual([a.userId, b.userId].sort());
      const results = await Promise.all([
        a.patch(`/api/v1/orgs/${a.org.id}/members/${b.userId}`, { role: "member" }),
        b.patch(`/api/v1/orgs/${a.org.id}/members/${a.userId}`, { role: "member" }),
      ]);
      const statuses = results.map((r) => r.status);
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      expect(statuses.filter((s) => s === 403 || s === 422)).toHaveLength(1);
      expect(await owners(a.org.id)).toHaveLength(1);
      expect((await audit(a.org.id)).filter((x) => x.action === "member.role_changed")).toHaveLength(1);
    }
  });

  test("a request checked before the other owner's change is still refused when it writes (the rule is in the SQL)", async () => {
    const a = await orgOwner();
    const b = await verifiedPerson();
    await addMember(a, a.org.id, b, "owner");
    const db = createDb(env.DB);
    // Both requests passed their permission check while both were owners; then they write, one after the other.
    const stale = async (p: Person) => (await loadViewer(db, p.userId))!;
    const [va, vb] = [await stale(a), await stale(b)];
    await changeMemberRole(db, translator("en"), va, a.org.id, b.userId, "member");
    await expect(
      changeMemberRole(db, translator("en"), vb, a.org.id, a.userId, "member"),
    ).rejects.toMatchObject({ status: 403 });
    await expect(removeMember(db, translator("en"), vb, a.org.id, a.userId)).rejects.toMatchObject({
      status: 403,
    });
    expect(await owners(a.org.id)).toEqual([a.userId]);
    // Two owners stepping down on stale reads: the second would leave no owner.
    const c = await verifiedPerson();
    await addMember(a, a.org.id, c, "owner");
    const [va2, vc] = [await stale(a), await stale(c)];
    await changeMemberRole(db, translator("en"), vc, a.org.id, c.userId, "member");
    await expect(
      changeMemberRole(db, translator("en"), va2, a.org.id, a.userId, "member"),
    ).rejects.toMatchObject({ status: 422, errors: [{ path: "role" }] });
    expect(await owners(a.org.id)).toEqual([a.userId]);
  });

  test("two owners leaving at the same moment: one leaves, the other stays owner", async () => {
    const a = await orgOwner();
    const b = await verifiedPerson();
    await addMember(a, a.org.id, b, "owner");
    const results = await Promise.all([
      del(a, `/api/v1/orgs/${a.org.id}/members/${a.userId}`),
      del(b, `/api/v1/orgs/${a.org.id}/members/${b.userId}`),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([204, 422]);
    expect(await owners(a.org.id)).toHaveLength(1);
    expect((await audit(a.org.id)).filter((x) => x.action === "member.left")).toHaveLength(1);
  });
});

describe("leaving, removing and roles", () => {
  test("a member leaves; an owner removes a member, who then gets 404 on the hidden group", async () => {
    const { owner, member, orgId } = await group({ ...csoFields, visibility: "hidden" });
    const leaver = await verifiedPerson();
    await addMember(owner, orgId, leaver);

    // A member cannot remove anyone else.
    const refused = await del(leaver, `/api/v1/orgs/${orgId}/members/${member.userId}`);
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toBe(en["err.owners_only"]);

    // Leaving, by the form: back to My account, and the group is gone for them.
    const left = await leaver.form(`/orgs/${orgId}/members/${leaver.userId}/remove`, {});
    expect(left.status).toBe(303);
    expect(left.headers.get("location")).toBe("/me");
    expect((await leaver.get("/api/v1/me")).body.memberships).toEqual([]);
    expect((await leaver.get(`/api/v1/orgs/${orgId}`)).status).toBe(404);

    // Removed by an owner, by the form.
    const removed = await owner.form(`/orgs/${orgId}/members/${member.userId}/remove`, {});
    expect(removed.status).toBe(303);
    expect(removed.headers.get("location")).toBe(`/orgs/${orgId}/members?notice=removed`);
    expect((await owner.page(removed.headers.get("location")!)).html).toContain(en["members.removed"]);
    expect((await member.get(`/api/v1/orgs/${orgId}`)).status).toBe(404);
    expect((await member.page(`/orgs/${orgId}/members`)).status).toBe(404);
    expect((await member.get(`/api/v1/orgs/${orgId}/members`)).status).toBe(404);
    expect((await del(owner, `/api/v1/orgs/${orgId}/members/${member.userId}`)).status).toBe(404);

    const entries = (await audit(orgId)).filter(
      (a) => a.action === "member.left" || a.action === "member.removed",
    );
    expect(entries).toEqual([
      { action: "member.left", actor: leaver.userId, data: { role: "member" } },
      { action: "member.removed", actor: owner.userId, data: { userId: member.userId, role: "member" } },
    ]);
    // Audit entries about memberships never hold an e-mail address.
    expect((await audit(orgId)).map((a) => JSON.stringify(a.data)).join("")).not.toContain("@");
  });

  test("a member leaves by the API", async () => {
    const { member, orgId } = await group();
    expect((await del(member, `/api/v1/orgs/${orgId}/members/${member.userId}`)).status).toBe(204);
    expect(await roleOf(orgId, member.userId)).toBeNull();
  });

  test("owners change roles: a promoted member may manage members, a demoted one may not", async () => {
    const { owner, member, orgId } = await group();
    expect(
      (await member.post(`/api/v1/orgs/${orgId}/members`, { email: uniqueEmail(), role: "member" })).status,
    ).toBe(403);
    const promoted = await owner.patch(`/api/v1/orgs/${orgId}/members/${member.userId}`, { role: "owner" });
    expect(promoted.status).toBe(200);
    expect(promoted.body).toEqual({ userId: member.userId, role: "owner" });
    expect((await member.get("/api/v1/me")).body.memberships).toEqual([
      expect.objectContaining({ orgId, role: "owner" }),
    ]);
    expect(
      (await member.post(`/api/v1/orgs/${orgId}/members`, { email: uniqueEmail(), role: "member" })).status,
    ).toBe(202);
    // With two owners, the first may step down: by the form, with a notice.
    const form = await owner.form(`/orgs/${orgId}/members/${owner.userId}/role`, { role: "member" });
    expect(form.status).toBe(303);
    expect(form.headers.get("location")).toBe(`/orgs/${orgId}/members?notice=role_changed`);
    expect((await owner.page(form.headers.get("location")!)).html).toContain(en["members.role_changed"]);
    expect(await owners(orgId)).toEqual([member.userId]);
    expect(
      (await owner.post(`/api/v1/orgs/${orgId}/members`, { email: uniqueEmail(), role: "member" })).status,
    ).toBe(403);

    const bad = await member.patch(`/api/v1/orgs/${orgId}/members/${owner.userId}`, { role: "admin" });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(["role"]);
    expect((await member.patch(`/api/v1/orgs/${orgId}/members/no-such-user`, { role: "owner" })).status).toBe(
      404,
    );
    expect(
      (await owner.patch(`/api/v1/orgs/${orgId}/members/${member.userId}`, { role: "member" })).status,
    ).toBe(403);

    expect((await audit(orgId)).filter((a) => a.action === "member.role_changed")).toEqual([
      {
        action: "member.role_changed",
        actor: owner.userId,
        data: { userId: member.userId, from: "member", to: "owner" },
      },
      {
        action: "member.role_changed",
        actor: owner.userId,
        data: { userId: owner.userId, from: "owner", to: "member" },
      },
    ]);
  });
});

describe("pages in Arabic", () => {
  test("the members page and the invitations on My account read right to left", async () => {
    const { owner, orgId } = await group();
    const invitee = await verifiedPerson({ locale: "ar" });
    await invite(owner, orgId, invitee.email);
    const page = await owner.page(`/orgs/${orgId}/members?lang=ar`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('<html lang="ar" dir="rtl">');
    for (const key of [
      "members.invitations",
      "members.revoke",
      "members.change",
      "members.remove",
      "org.invite",
    ] as const)
      expect(page.html).toContain(ar[key]);
    const me = await invitee.page("/me");
    expect(me.html).toContain('dir="rtl"');
    expect(me.html).toContain(ar["me.accept"]);
    expect(me.html).toContain(ar["me.decline"]);
    const refused = await owner.form(`/orgs/${orgId}/members/${owner.userId}/remove`, {});
    expect(refused.status).toBe(422);
    expect(refused.html).toContain('dir="rtl"');
    expect(refused.html).toContain(ar["err.last_owner"]);
  });
});
