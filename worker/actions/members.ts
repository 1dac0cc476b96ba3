// Memberships, decided by owners: the member list, invitations (revoke; accept or decline by the invited
// person), role changes and removal, with at least one owner kept under concurrent requests.
import type { Db } from "../db/client";
import {
  findOrg,
  listMembers,
  pendingInvitationsOf,
  pendingInvitationsFor,
  findPendingInvitation,
  acceptInvitation,
  acceptPanelInvitation,
  declineInvitation,
  revokeInvitation,
  findMembership,
  setMemberRole,
  deleteMembership,
} from "../db/orgs";
import { auditInsertIf } from "../db/audit";
import {
  canViewMembers,
  canManageMembers,
  canRemoveMember,
  canAnswerInvitation,
  seesMemberContacts,
  type Viewer,
} from "../domain/permissions";
import { Problem } from "../core/problem";
import { authorize, enforce } from "../core/authorize";
import { recomputeTrust } from "./trust";
import type { Translate } from "../i18n";
import type { MemberRole } from "../../schema/enums";

const liveOrg = async (db: Db, id: string) => {
  const org = await findOrg(db, id);
  if (!org) throw new Problem(404);
  return org;
};

/**
 * Members and admins see names and roles; owners also see members' e-mail addresses and the pending
 * invitations (an admin never does: they see the list, not who is being brought in).
 */
export const memberList = async (db: Db, viewer: Viewer | null, orgId: string) => {
  const org = await liveOrg(db, orgId);
  enforce(canViewMembers(viewer, org));
  const owner = seesMemberContacts(viewer, org.id);
  const [members, invitations] = await Promise.all([
    listMembers(db, org.id),
    owner ? pendingInvitationsOf(db, org.id) : [],
  ]);
  const items = members.map(({ email, ...m }) => (owner ? { ...m, email } : m));
  return { org, owner, items, invitations };
};

/** Owners withdraw a pending invitation; it can no longer be accepted. Anything not pending is 404. */
export const revokeInvite = async (
  db: Db,
  t: Translate,
  viewer: Viewer | null,
  orgId: string,
  invitationId: string,
) => {
  const org = await liveOrg(db, orgId);
  authorize(viewer, canManageMembers(viewer, org), t);
  const revoked = await revokeInvitation(db, org.id, invitationId, (won) => [
    auditInsertIf(
      db,
      {
        actorUserId: viewer.userId,
        action: "invitation.revoked",
        subjectType: "org",
        subjectId: org.id,
        data: { invitationId },
      },
      won,
    ),
  ]);
  if (!revoked) throw new Problem(404);
};

/** The caller's pending invitations, for a verified address only (an unverified one proves nothing). */
export const myInvitations = async (db: Db, viewer: Viewer) =>
  viewer.emailVerified
    ? (await pendingInvitationsFor(db, viewer.email)).map(({ callId, callTitle, ...inv }) =>
        inv.kind === "panel" && callId ? { ...inv, call: { id: callId, title: callTitle ?? "" } } : inv,
      )
    : [];

/** A pending invitation the viewer may answer; 404 for anyone else and for anything no longer pending. */
const answerable = async (db: Db, viewer: Viewer | null, invitationId: string) => {
  const inv = await findPendingInvitation(db, invitationId);
  authorize(viewer, canAnswerInvitation(viewer, inv ?? { email: "" }));
  if (!inv) throw new Problem(404);
  return { inv, viewer: viewer };
};

/** The membership, the used invitation and the audit entry are written in one batch. */
export const acceptInvite = async (db: Db, viewerOrNull: Viewer | null, invitationId: string) => {
  const { inv, viewer } = await answerable(db, viewerOrNull, invitationId);
  if (inv.kind === "panel") return acceptPanelInvite(db, viewer, inv);
  const accepted = await acceptInvitation(db, { id: inv.id, email: viewer.email }, viewer.userId, (won) => [
    auditInsertIf(
      db,
      {
        actorUserId: viewer.userId,
        action: "member.joined",
        subjectType: "org",
        subjectId: inv.orgId,
        data: { role: inv.role },
      },
      won,
    ),
  ]);
  if (!accepted) throw new Problem(404);
  // A new member whose address is verified keeps level 1; the trust ladder is re-derived either way.
  await recomputeTrust(db, inv.orgId);
  return { orgId: inv.orgId, role: inv.role };
};

/** The panelist row, the used invitation and the audit entry in one batch; no membership, no trust change. */
const acceptPanelInvite = async (
  db: Db,
  viewer: Viewer,
  inv: { id: string; orgId: string; role: MemberRole; callId: string | null },
) => {
  const accepted = await acceptPanelInvitation(
    db,
    { id: inv.id, email: viewer.email },
    viewer.userId,
    (won) => [
      auditInsertIf(
        db,
        {
          actorUserId: viewer.userId,
          action: "panel.joined",
          subjectType: "call",
          subjectId: inv.callId,
          data: { invitationId: inv.id },
        },
        won,
      ),
    ],
  );
  if (!accepted || !inv.callId) throw new Problem(404);
  return { orgId: inv.orgId, role: inv.role, callId: inv.callId };
};

export const declineInvite = async (db: Db, viewerOrNull: Viewer | null, invitationId: string) => {
  const { inv, viewer } = await answerable(db, viewerOrNull, invitationId);
  const declined = await declineInvitation(db, { id: inv.id, email: viewer.email }, (won) => [
    auditInsertIf(
      db,
      {
        actorUserId: viewer.userId,
        action: "invitation.declined",
        subjectType: "org",
        subjectId: inv.orgId,
        data: { invitationId: inv.id, role: inv.role },
      },
      won,
    ),
  ]);
  if (!declined) throw new Problem(404);
};

const lastOwner = (t: Translate, path: "role" | "userId") =>
  new Problem(422, t("err.last_owner"), [{ path, message: t("err.last_owner") }]);

/**
 * Why a conditional write changed nothing: the member is gone (404), the one acting stopped being an
 * owner meanwhile (403), or it would have left the organisation without an owner (422).
 */
const refusal = async (
  db: Db,
  t: Translate,
  orgId: string,
  userId: string,
  actingOwnerId: string | null,
  path: "role" | "userId",
) => {
  if (!(await findMembership(db, orgId, userId))) return new Problem(404);
  if (actingOwnerId && (await findMembership(db, orgId, actingOwnerId))?.role !== "owner")
    return new Problem(403, t("err.owners_only"));
  return lastOwner(t, path);
};

/** Owners change roles; demoting the last owner is refused (422 naming `role`). */
export const changeMemberRole = async (
  db: Db,
  t: Translate,
  viewer: Viewer | null,
  orgId: string,
  userId: string,
  role: MemberRole,
) => {
  const org = await liveOrg(db, orgId);
  authorize(viewer, canManageMembers(viewer, org), t);
  const actor = viewer.userId;
  const current = await findMembership(db, org.id, userId);
  if (!current) throw new Problem(404);
  if (current.role !== role) {
    const changed = await setMemberRole(db, org.id, userId, role, actor, (won) => [
      auditInsertIf(
        db,
        {
          actorUserId: actor,
          action: "member.role_changed",
          subjectType: "org",
          subjectId: org.id,
          data: { userId, from: current.role, to: role },
        },
        won,
      ),
    ]);
    if (!changed) throw await refusal(db, t, org.id, userId, actor, "role");
  }
  return { userId, role };
};

/**
 * Owners remove members; every member may leave. The last owner can do neither to themselves, and
 * nobody can do it to them (422 naming `userId`).
 */
export const removeMember = async (
  db: Db,
  t: Translate,
  viewer: Viewer | null,
  orgId: string,
  userId: string,
) => {
  const org = await liveOrg(db, orgId);
  authorize(viewer, canRemoveMember(viewer, org, userId), t);
  const actor = viewer.userId;
  const current = await findMembership(db, org.id, userId);
  if (!current) throw new Problem(404);
  const leaving = userId === actor;
  const actingOwnerId = leaving ? null : actor;
  const removed = await deleteMembership(db, org.id, userId, actingOwnerId, (won) => [
    leaving
      ? auditInsertIf(
          db,
          {
            actorUserId: actor,
            action: "member.left",
            subjectType: "org",
            subjectId: org.id,
            data: { role: current.role },
          },
          won,
        )
      : auditInsertIf(
          db,
          {
            actorUserId: actor,
            action: "member.removed",
            subjectType: "org",
            subjectId: org.id,
            data: { userId, role: current.role },
          },
          won,
        ),
  ]);
  if (!removed) throw await refusal(db, t, org.id, userId, actingOwnerId, "userId");
  // A vouch from an organisation that now shares no member may count again (and the reverse on joining).
  await recomputeTrust(db, org.id);
  return { left: leaving };
};
