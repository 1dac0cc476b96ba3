// The trust ladder's use cases: re-deriving a level when its evidence changes, vouching and revoking,
// asking for vouches, chapters' coordinators and their confirmations, and the evidence shown on a profile.
import type { Db } from "../db/client";
import { findOrg } from "../db/orgs";
import { findCountry } from "../db/reference";
import { auditInsert } from "../db/audit";
import {
  trustFacts,
  storedTrustLevel,
  setTrustLevel,
  voucheesOf,
  orgsOfUser,
  insertVouch,
  closeExpiredVouch,
  findVouch,
  revokeVouchRow,
  vouchesFor,
  insertVouchRequest,
  answerVouchRequests,
  appointCoordinator,
  removeCoordinator,
  coordinatedCountries,
  insertConfirmation,
  clearConfirmationRequest,
  requestConfirmation,
  confirmationsOf,
  revokeConfirmations,
  coordinatorsOf,
  listedOrgsOf,
  confirmationQueue,
} from "../db/trust";
import { browseCalls } from "./calls";
import { findUserById } from "../db/users";
import { deriveTrustLevel, vouchStanding, VOUCHER_MIN_LEVEL, VOUCH_TTL_MS } from "../domain/trust";
import {
  canAdminister,
  canManageMembers,
  canViewOrg,
  isAdmin,
  membershipIn,
  type Viewer,
} from "../domain/permissions";
import { newId } from "../security/random";
import { Problem } from "../core/problem";
import { authorize, enforce } from "../core/authorize";
import type { Translate } from "../i18n";
import type { ConfirmationMethod, VouchRelationship } from "../../schema/trust";
import type { ChapterView, TrustEvidenceView } from "../../schema/api/trust";

/**
 * Derives the organisation's level from its evidence now and stores it if it changed (audited). A
 * voucher whose level crosses 3 changes what its vouches are worth, so its vouchees are re-derived too
 * (one step is enough: a level of 2 never makes anyone else's vouch count).
 */
export const recomputeTrust = async (db: Db, orgId: string, now = new Date()): Promise<number | null> => {
  const facts = await trustFacts(db, orgId);
  if (!facts) return null;
  const level = deriveTrustLevel(facts, now);
  const before = await storedTrustLevel(db, orgId);
  if (before === level) return level;
  await db.batch([
    setTrustLevel(db, orgId, level),
    auditInsert(db, {
      actorUserId: null,
      action: "trust.level_changed",
      subjectType: "org",
      subjectId: orgId,
      data: { from: before, to: level },
    }),
  ]);
  if ((before ?? 0) >= VOUCHER_MIN_LEVEL !== level >= VOUCHER_MIN_LEVEL) {
    for (const id of await voucheesOf(db, orgId)) await recomputeTrust(db, id, now);
  }
  return level;
};

export const recomputeMany = async (db: Db, ids: string[], now = new Date()) => {
  for (const id of new Set(ids)) await recomputeTrust(db, id, now);
};

/** A person's address was verified (or they joined or left): the groups they belong to may move. */
export const recomputeForUser = async (db: Db, userId: string) =>
  recomputeMany(db, await orgsOfUser(db, userId));

const visibleOrg = async (db: Db, viewer: Viewer | null, id: string) => {
  const org = await findOrg(db, id);
  if (!org || !canViewOrg(viewer, org).ok) throw new Problem(404);
  return org;
};

/** Owners of an organisation at level 3 or 4 vouch for another, nearby or not (distance decides if it counts). */
export const vouchFor = async (
  db: Db,
  t: Translate,
  viewer: Viewer | null,
  voucheeId: string,
  input: { voucherOrgId: string; relationship: VouchRelationship; statement: string },
) => {
  if (!viewer) throw new Problem(401);
  const vouchee = await visibleOrg(db, viewer, voucheeId);
  const voucher = await findOrg(db, input.voucherOrgId);
  if (!voucher || !membershipIn(viewer, voucher.id))
    throw new Problem(404, undefined, [{ path: "voucherOrgId", message: t("error.not_found") }]);
  enforce(canManageMembers(viewer, voucher), t);
  if (voucher.id === vouchee.id)
    throw new Problem(422, t("err.vouch_self"), [{ path: "voucherOrgId", message: t("err.vouch_self") }]);
  if ((await storedTrustLevel(db, voucher.id))! < VOUCHER_MIN_LEVEL)
    throw new Problem(422, t("err.vouch_not_trusted"), [
      { path: "voucherOrgId", message: t("err.vouch_not_trusted") },
    ]);
  const id = newId();
  const now = new Date();
  await closeExpiredVouch(db, voucher.id, vouchee.id, now);
  const [inserted] = await db.batch([
    insertVouch(db, {
      id,
      voucherOrgId: voucher.id,
      voucheeOrgId: vouchee.id,
      relationship: input.relationship,
      statement: input.statement,
      createdBy: viewer.userId,
      expiresAt: new Date(now.getTime() + VOUCH_TTL_MS).toISOString(),
    }),
    answerVouchRequests(db, vouchee.id, voucher.id),
  ]);
  if (!inserted.length)
    throw new Problem(409, t("err.vouch_exists"), [{ path: "voucherOrgId", message: t("err.vouch_exists") }]);
  await auditInsert(db, {
    actorUserId: viewer.userId,
    action: "vouch.created",
    subjectType: "org",
    subjectId: vouchee.id,
    data: { vouchId: id, voucherOrgId: voucher.id },
  });
  await recomputeTrust(db, vouchee.id, now);
  return (await findVouch(db, id))!;
};

/** The voucher's owners take a vouch back; the vouchee's level is re-derived at once. */
export const revokeVouch = async (db: Db, t: Translate, viewer: Viewer | null, id: string) => {
  if (!viewer) throw new Problem(401);
  const v = await findVouch(db, id);
  if (!v || !membershipIn(viewer, v.voucherOrgId)) throw new Problem(404);
  enforce(canManageMembers(viewer, (await findOrg(db, v.voucherOrgId))!), t);
  if (!(await revokeVouchRow(db, id).all()).length) throw new Problem(404);
  await auditInsert(db, {
    actorUserId: viewer.userId,
    action: "vouch.revoked",
    subjectType: "org",
    subjectId: v.voucheeOrgId,
    data: { vouchId: id, voucherOrgId: v.voucherOrgId },
  });
  await recomputeTrust(db, v.voucheeOrgId);
};

/** A group's owners ask a trusted organisation they can see for a vouch; asking twice is harmless. */
export const askForVouch = async (
  db: Db,
  t: Translate,
  viewer: Viewer | null,
  fromOrgId: string,
  toOrgId: string,
) => {
  const from = await visibleOrg(db, viewer, fromOrgId);
  authorize(viewer, canManageMembers(viewer, from), t);
  const to = await visibleOrg(db, viewer, toOrgId);
  if ((await storedTrustLevel(db, to.id))! < VOUCHER_MIN_LEVEL || to.id === from.id)
    throw new Problem(422, t("err.vouch_not_trusted"), [
      { path: "toOrgId", message: t("err.vouch_not_trusted") },
    ]);
  await db.batch([
    insertVouchRequest(db, { id: newId(), fromOrgId: from.id, toOrgId: to.id, createdBy: viewer.userId }),
    auditInsert(db, {
      actorUserId: viewer.userId,
      action: "vouch.requested",
      subjectType: "org",
      subjectId: from.id,
      data: { toOrgId: to.id },
    }),
  ]);
};

/**
 * The level and the evidence behind it, as this viewer may read it: a voucher the viewer may not see is
 * `by: null` ("a verified organisation"); a confirmation names its method, not the coordinator.
 */
export const trustOf = async (db: Db, viewer: Viewer | null, orgId: string, now = new Date()) => {
  const [facts, level, vouchRows, confirmationRows, org] = await Promise.all([
    trustFacts(db, orgId),
    storedTrustLevel(db, orgId),
    vouchesFor(db, orgId),
    confirmationsOf(db, orgId),
    findOrg(db, orgId),
  ]);
  if (!facts || level === null || !org) throw new Problem(404);
  const standing = new Map(facts.vouches.map((v) => [v.id, vouchStanding(v, facts.org, now)]));
  const evidence: TrustEvidenceView[] = [];
  if (org.verified) evidence.push({ kind: "platform", at: null, by: null, counts: true });
  for (const c of confirmationRows)
    evidence.push({ kind: "confirmation", at: c.createdAt, by: null, detail: c.method, counts: true });
  for (const v of vouchRows) {
    if (v.revokedAt) continue;
    const seen = canViewOrg(viewer, { id: v.voucherOrgId, visibility: v.voucherVisibility }).ok;
    evidence.push({
      kind: "vouch",
      at: v.createdAt,
      by: seen ? { orgId: v.voucherOrgId, name: v.voucherName } : null,
      detail: standing.get(v.id),
      counts: standing.get(v.id) === "counts",
    });
  }
  if (facts.org.members > 0 && facts.org.verifiedMembers === facts.org.members)
    evidence.push({ kind: "email_verified", at: null, by: null, counts: true });
  return { level, evidence };
};

/** Vouches for an organisation as its viewer may see them (hidden vouchers unnamed). */
export const vouchesOf = async (db: Db, viewer: Viewer | null, orgId: string) => {
  await visibleOrg(db, viewer, orgId);
  return (await vouchesFor(db, orgId)).map((v) => {
    const seen = canViewOrg(viewer, { id: v.voucherOrgId, visibility: v.voucherVisibility }).ok;
    return {
      id: v.id,
      voucher: seen ? { orgId: v.voucherOrgId, name: v.voucherName } : null,
      relationship: v.relationship,
      statement: seen ? v.statement : null,
      createdAt: v.createdAt,
      expiresAt: v.expiresAt,
      revokedAt: v.revokedAt,
    };
  });
};

// Chapters.

export const appoint = async (
  db: Db,
  t: Translate,
  viewer: Viewer | null,
  country: string,
  userId: string,
) => {
  authorize(viewer, canAdminister(viewer));
  if (!(await findCountry(db, country)))
    throw new Problem(404, undefined, [{ path: "country", message: t("err.country") }]);
  if (!(await findUserById(db, userId)))
    throw new Problem(404, undefined, [{ path: "userId", message: t("error.not_found") }]);
  await db.batch([
    appointCoordinator(db, country, userId, viewer.userId),
    auditInsert(db, {
      actorUserId: viewer.userId,
      action: "chapter.coordinator_appointed",
      subjectType: "chapter",
      subjectId: country,
      data: { userId },
    }),
  ]);
};

export const dismiss = async (db: Db, viewer: Viewer | null, country: string, userId: string) => {
  authorize(viewer, canAdminister(viewer));
  if (!(await removeCoordinator(db, country, userId).all()).length) throw new Problem(404);
  await auditInsert(db, {
    actorUserId: viewer.userId,
    action: "chapter.coordinator_removed",
    subjectType: "chapter",
    subjectId: country,
    data: { userId },
  });
};

/** Whether the viewer coordinates this country's chapter. */
export const coordinates = async (db: Db, viewer: Viewer | null, country: string) =>
  !!viewer && (await coordinatedCountries(db, viewer.userId)).includes(country);

/**
 * A coordinator of the organisation's country confirms it (level 3), hidden groups included: the
 * coordinator learns of them only through their own request, and the confirmation shows nowhere public.
 */
export const confirmOrg = async (
  db: Db,
  t: Translate,
  viewer: Viewer | null,
  orgId: string,
  input: { method: ConfirmationMethod; note: string },
) => {
  if (!viewer) throw new Problem(401);
  const org = await findOrg(db, orgId);
  if (!org || !(await coordinates(db, viewer, org.country)))
    throw new Problem(org && canViewOrg(viewer, org).ok ? 403 : 404);
  if (membershipIn(viewer, org.id)) throw new Problem(403, t("err.confirm_own"));
  await db.batch([
    insertConfirmation(db, {
      id: newId(),
      orgId: org.id,
      coordinatorUserId: viewer.userId,
      method: input.method,
      note: input.note,
    }),
    clearConfirmationRequest(db, org.id),
    auditInsert(db, {
      actorUserId: viewer.userId,
      action: "org.confirmed",
      subjectType: "org",
      subjectId: org.id,
      data: { method: input.method },
    }),
  ]);
  return recomputeTrust(db, org.id);
};

/** A coordinator (or an admin) withdraws the chapter's confirmation. */
export const unconfirmOrg = async (db: Db, viewer: Viewer | null, orgId: string) => {
  if (!viewer) throw new Problem(401);
  const org = await findOrg(db, orgId);
  if (!org) throw new Problem(404);
  if (!isAdmin(viewer) && !(await coordinates(db, viewer, org.country)))
    throw new Problem(canViewOrg(viewer, org).ok ? 403 : 404);
  await db.batch([
    revokeConfirmations(db, org.id),
    auditInsert(db, {
      actorUserId: viewer.userId,
      action: "org.unconfirmed",
      subjectType: "org",
      subjectId: org.id,
    }),
  ]);
  return recomputeTrust(db, org.id);
};

/** The group's owners put it in their chapter's queue. */
export const askForConfirmation = async (db: Db, t: Translate, viewer: Viewer | null, orgId: string) => {
  const org = await visibleOrg(db, viewer, orgId);
  authorize(viewer, canManageMembers(viewer, org), t);
  await db.batch([
    requestConfirmation(db, org.id, viewer.userId),
    auditInsert(db, {
      actorUserId: viewer.userId,
      action: "org.confirmation_requested",
      subjectType: "org",
      subjectId: org.id,
    }),
  ]);
};

/** A chapter's page: coordinators, groups that agreed to be listed (public ones), open calls for the country, and for its coordinators the queue. */
export const chapterOf = async (db: Db, viewer: Viewer | null, country: string): Promise<ChapterView> => {
  if (!(await findCountry(db, country))) throw new Problem(404);
  const [coordinators, orgs, calls, mine] = await Promise.all([
    coordinatorsOf(db, country),
    listedOrgsOf(db, country),
    browseCalls(db, { country, limit: 20 }),
    coordinates(db, viewer, country),
  ]);
  return {
    country,
    coordinators: coordinators.map(({ userId, name }) => ({ userId, name })),
    orgs,
    openCalls: calls.items.map((c) => ({
      id: c.id,
      title: c.title,
      deadline: c.deadline,
      decisionWithinDays: c.decisionWithinDays,
      funderName: c.funderName,
    })),
    queue: mine ? (await confirmationQueue(db, country)).map(({ visibility: _v, ...q }) => q) : null,
  };
};
