// Organisation use cases shared by the API and the pages: create, read with visibility, versioned
// update (409 with the current copy), invite members (the rest of membership: ./members.ts), verify.
import type { Db } from "../db/client";
import {
  findOrg,
  insertOrgWithOwner,
  updateOrgVersioned,
  insertInvitation,
  setVerified,
  type OrgFields,
  type Org,
} from "../db/orgs";
import { findCountry } from "../db/reference";
import { inviteeOf, sendLinkMail } from "./account-mail";
import { recomputeTrust } from "./trust";
import type { Mailer } from "../mail/compose";
import { auditInsert } from "../db/audit";
import { newId } from "../security/random";
import {
  canEditOrg,
  canManageMembers,
  canChangeVisibility,
  canViewOrg,
  canAdminister,
  type Viewer,
} from "../domain/permissions";
import { Problem } from "../core/problem";
import { authorize, enforce } from "../core/authorize";
import type { Translate } from "../i18n";
import type { MemberRole, OrgKind } from "../../schema/enums";
import type { z } from "zod";
import type { FunderChecks as FunderChecksSchema } from "../../schema/api/orgs";

type FunderChecks = z.infer<typeof FunderChecksSchema>;

const checkCountry = async (db: Db, t: Translate, country?: string) => {
  if (country && !(await findCountry(db, country)))
    throw new Problem(400, undefined, [{ path: "country", message: t("err.country") }]);
};

export const createOrg = async (db: Db, t: Translate, viewer: Viewer, kind: OrgKind, fields: OrgFields) => {
  await checkCountry(db, t, fields.country);
  const id = newId();
  const org = await insertOrgWithOwner(db, id, kind, fields, viewer.userId, [
    auditInsert(db, {
      actorUserId: viewer.userId,
      action: "org.created",
      subjectType: "org",
      subjectId: id,
      data: { kind },
    }),
  ]);
  // Its first rung: an owner who verified their address makes a new group level 1.
  const trustLevel = await recomputeTrust(db, id);
  return { ...org, trustLevel: trustLevel ?? org.trustLevel };
};

/** The organisation if the viewer may see it; 404 otherwise (existence is not revealed). */
export const viewOrg = async (db: Db, viewer: Viewer | null, id: string) => {
  const org = await findOrg(db, id);
  if (!org) throw new Problem(404);
  enforce(canViewOrg(viewer, org));
  return org;
};

export const editableOrg = async (db: Db, viewer: Viewer | null, id: string) => {
  const org = await findOrg(db, id);
  if (!org) throw new Problem(404);
  enforce(canEditOrg(viewer, org));
  return org;
};

/** Optimistic concurrency: a stale version gets 409 with the current copy, never a silent overwrite. */
export const updateOrg = async (
  db: Db,
  t: Translate,
  viewer: Viewer | null,
  id: string,
  version: number,
  fields: Partial<OrgFields>,
) => {
  const org = await findOrg(db, id);
  if (!org) throw new Problem(404);
  authorize(viewer, canEditOrg(viewer, org));
  // Who may see the group is the owners' decision; members and admins edit everything else.
  if (fields.visibility !== undefined && fields.visibility !== org.visibility)
    enforce(canChangeVisibility(viewer, org), t);
  await checkCountry(db, t, fields.country);
  const changed = Object.keys(fields);
  const updated = await updateOrgVersioned(db, id, version, fields, [
    auditInsert(db, {
      actorUserId: viewer.userId,
      action: "org.updated",
      subjectType: "org",
      subjectId: id,
      data: { fields: changed, fromVersion: version },
    }),
  ]);
  if (!updated) {
    const current = (await findOrg(db, id)) ?? org;
    throw new Problem(409, t("error.conflict"), [{ path: "version", message: t("err.version") }], {
      current,
    });
  }
  return updated;
};

/**
 * Always an invitation, never a direct add: joining a group is the invitee's decision, and the answer
 * is the same whether or not the address has an account (an owner must not learn who uses Sanad).
 * No mail is sent here: the invitee finds it under "My account" once their address is verified.
 * Answering, revoking and the rest of an invitation's life are in ./members.ts.
 */
export const inviteMember = async (
  db: Db,
  t: Translate,
  viewer: Viewer | null,
  orgId: string,
  email: string,
  role: MemberRole,
  mailer: Mailer,
) => {
  const org = await findOrg(db, orgId);
  if (!org) throw new Problem(404);
  authorize(viewer, canManageMembers(viewer, org), t);
  const actor = viewer.userId;
  const invitationId = newId();
  const recipient = await inviteeOf(db, email, viewer.locale);
  await sendLinkMail(
    db,
    mailer,
    recipient,
    "invitation",
    [
      insertInvitation(db, { id: invitationId, orgId, email, role, invitedBy: actor }),
      auditInsert(db, {
        actorUserId: actor,
        action: "member.invited",
        subjectType: "org",
        subjectId: orgId,
        data: { role },
      }),
    ],
    new Date(),
    orgId,
  );
  return { status: "invited" as const, invitationId };
};

/** A funder is verified only with its website, registration and a contact checked; they are kept in the audit log. */
export const verifyOrg = async (
  db: Db,
  t: Translate,
  viewer: Viewer | null,
  id: string,
  verified: boolean,
  checks: Partial<FunderChecks> = {},
): Promise<Org> => {
  authorize(viewer, canAdminister(viewer));
  const org = await findOrg(db, id);
  if (!org) throw new Problem(404);
  if (verified && org.kind === "funder") {
    const missing = (["website", "registration", "contact"] as const).filter((k) => !checks[k]);
    if (missing.length)
      throw new Problem(
        400,
        t("err.funder_checks"),
        missing.map((k) => ({ path: `checks.${k}`, message: t("err.required") })),
      );
  }
  await db.batch([
    setVerified(db, id, verified),
    auditInsert(db, {
      actorUserId: viewer.userId,
      action: verified ? "org.verified" : "org.unverified",
      subjectType: "org",
      subjectId: id,
      data: verified && org.kind === "funder" ? { checks } : {},
    }),
  ]);
  await recomputeTrust(db, id);
  return (await findOrg(db, id))!;
};
