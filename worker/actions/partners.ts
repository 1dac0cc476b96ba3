// Partners use cases: "looking for partners" posts on a call, a consortium application's partner list
// (checked, written with the draft), each partner's owners' consent, and what submission waits for.
import type { Db } from "../db/client";
import {
  closePartnerPost,
  consortiumRequests,
  draftAtVersion,
  findOrgsByIdOrName,
  findPartnerPost,
  insertPartnerPost,
  listPartnerPosts,
  listPartners,
  replacePartnersIf,
  setConsent,
  type Partner,
} from "../db/partners";
import { findOrg } from "../db/orgs";
import { auditInsert } from "../db/audit";
import { notifyInsertIf, type Notice } from "../db/notifications";
import type { Call } from "../db/calls";
import { newId } from "../security/random";
import {
  canActForOrg,
  canConsentAsPartner,
  canViewOrg,
  visibleLevels,
  type Viewer,
} from "../domain/permissions";
import {
  addedPartners,
  carryConsents,
  consentProblems,
  partnerListProblems,
  type PartnerTerms,
} from "../domain/consortium";
import { isOpen } from "../domain/calls";
import { Problem, type FieldError } from "../core/problem";
import { authorize } from "../core/authorize";
import { isMessageKey, type Translate } from "../i18n";
import { viewCall } from "./calls";

const message = (t: Translate, key: string) => (isMessageKey(key) ? t(key) : key);

/** "Looking for partners": a member of a CSO that others may see, on an open call. */
export const postPartnerPost = async (
  db: Db,
  t: Translate,
  viewer: Viewer | null,
  callId: string,
  body: { orgId: string; message: string },
) => {
  const org = await findOrg(db, body.orgId);
  if (!org) throw new Problem(404, undefined, [{ path: "orgId", message: t("error.not_found") }]);
  authorize(viewer, canActForOrg(viewer, org));
  if (org.kind !== "cso")
    throw new Problem(422, t("err.not_cso"), [{ path: "orgId", message: t("err.not_cso") }]);
  if (org.visibility === "hidden")
    throw new Problem(422, t("partner.err.hidden_post"), [
      { path: "orgId", message: t("partner.err.hidden_post") },
    ]);
  const call = await viewCall(db, viewer, callId);
  // Saying one seeks partners for a confidential call would say in public that one applies to it.
  if (call.confidential)
    throw new Problem(422, t("partner.err.confidential"), [
      { path: "callId", message: t("partner.err.confidential") },
    ]);
  if (!isOpen(call, new Date()))
    throw new Problem(422, t("err.call_not_open"), [{ path: "callId", message: t("err.call_not_open") }]);
  const id = newId();
  await db.batch([
    insertPartnerPost(db, { id, callId, orgId: org.id, createdBy: viewer.userId, message: body.message }),
    auditInsert(db, {
      actorUserId: viewer.userId,
      action: "partner_post.created",
      subjectType: "partner_post",
      subjectId: id,
      data: { callId, orgId: org.id },
    }),
  ]);
  const { visibility: _v, ...post } = (await findPartnerPost(db, id))!;
  return post;
};

/** Who seeks partners is for signed-in people only, and only organisations the viewer may see. */
export const partnerPostsOf = async (db: Db, viewer: Viewer | null, callId: string) => {
  if (!viewer) throw new Problem(401);
  const call = await viewCall(db, viewer, callId);
  if (call.confidential) return [];
  return listPartnerPosts(
    db,
    callId,
    visibleLevels(viewer),
    viewer.memberships.map((m) => m.orgId),
  );
};

/** The poster organisation's members close its post; for those who may not see it, it does not exist. */
export const closePost = async (db: Db, viewer: Viewer | null, id: string) => {
  const found = await findPartnerPost(db, id);
  if (!found) throw new Problem(404);
  const { visibility, ...post } = found;
  authorize(viewer, canActForOrg(viewer, { id: post.orgId, visibility }));
  await db.batch([
    closePartnerPost(db, id),
    auditInsert(db, {
      actorUserId: viewer.userId,
      action: "partner_post.closed",
      subjectType: "partner_post",
      subjectId: id,
      data: { callId: post.callId },
    }),
  ]);
  const { visibility: _v, ...closed } = (await findPartnerPost(db, id))!;
  return closed;
};

/** The API's view of the partners (names: whoever reaches this may read the application). */
export const partnerViews = (partners: Partner[]) => partners.map(({ consentedBy: _b, ...p }) => p);

/**
 * The statements that replace a draft's partner list, to run in the draft's compare-and-set batch (they
 * apply only if that version still holds), after checking every partner: a CSO the viewer may see (one
 * it may not is "not found", as anywhere else), distinct, not the lead, shares leaving the lead ≥ 1 %.
 * Consents of partners whose role or share changed are reset; new partners are told.
 */
export const partnerWrites = async (
  db: Db,
  t: Translate,
  viewer: Viewer,
  app: { id: string; orgId: string; callId: string },
  call: Call,
  version: number,
  wanted: PartnerTerms[],
) => {
  const errors: FieldError[] = partnerListProblems(wanted, app.orgId).map((p) => ({
    path: p.path,
    message: message(t, p.key),
  }));
  for (const [i, p] of wanted.entries()) {
    const org = await findOrg(db, p.orgId);
    if (!org || !canViewOrg(viewer, org).ok)
      errors.push({ path: `partners.${i}.orgId`, message: t("partner.err.not_found") });
    else if (org.kind !== "cso")
      errors.push({ path: `partners.${i}.orgId`, message: t("partner.err.not_cso") });
  }
  if (errors.length) throw new Problem(422, errors[0].message, errors);
  const before = await listPartners(db, app.id);
  const won = draftAtVersion(app.id, version);
  const lead = (await findOrg(db, app.orgId))!;
  const notices: Notice[] = addedPartners(before, wanted).map((p) => ({
    orgId: p.orgId,
    kind: "application.partner_added",
    data: { applicationId: app.id, callId: call.id, callTitle: call.title, orgName: lead.name },
  }));
  return [
    ...replacePartnersIf(db, app.id, carryConsents(before, wanted), won),
    ...notices.map((n) => notifyInsertIf(db, n, won)),
  ];
};

/** What a consortium's submission waits for: every partner's consent, each named `partners.N`. */
export const partnerSubmissionErrors = async (db: Db, t: Translate, applicationId: string) =>
  consentProblems(await listPartners(db, applicationId)).map((p) => ({
    path: p.path,
    message: message(t, p.key),
  }));

/** A partner organisation's owners consent (or take it back) while the application is a draft. */
export const consentAsPartner = async (
  db: Db,
  t: Translate,
  viewer: Viewer | null,
  loaded: { app: { id: string; orgId: string; submittedAt: string | null; status: string }; call: Call },
  partners: Partner[],
  orgId: string,
  give: boolean,
) => {
  const { app, call } = loaded;
  if (!partners.some((p) => p.orgId === orgId)) throw new Problem(404);
  authorize(viewer, canConsentAsPartner(viewer, { ...app, partners }, call, orgId), t);
  const ok = app.status === "draft" && (await setConsent(db, app.id, orgId, give ? viewer.userId : null));
  if (!ok)
    throw new Problem(422, t("partner.err.not_draft"), [
      { path: "status", message: t("partner.err.not_draft") },
    ]);
  await db.batch([
    auditInsert(db, {
      actorUserId: viewer.userId,
      action: give ? "application.partner_consented" : "application.partner_consent_withdrawn",
      subjectType: "application",
      subjectId: app.id,
      data: { orgId },
    }),
  ]);
  return partnerViews(await listPartners(db, app.id));
};

/** Consortium applications naming organisations the viewer owns (consent is the owners' decision). */
export const consortiumRequestsFor = async (db: Db, viewer: Viewer | null) => {
  const owned = (viewer?.memberships ?? []).filter((m) => m.role === "owner").map((m) => m.orgId);
  return consortiumRequests(db, owned);
};

/** Whether the viewer may pick this organisation as a partner, by id or exact name (the pages' field). */
export const resolvePartnerOrg = async (db: Db, viewer: Viewer | null, value: string) => {
  const found = (await findOrgsByIdOrName(db, value.trim())).filter((o) => canViewOrg(viewer, o).ok);
  return found.length === 1 ? found[0].id : value.trim();
};

/**
 * The call page's "looking for partners": null on confidential calls (the section would say who
 * applies); the posts for signed-in viewers; the groups the viewer may post as (not hidden ones) while
 * the call is open.
 */
export const partnerPostsSection = async (
  db: Db,
  viewer: Viewer | null,
  call: Call,
  myCsos: { id: string; name: string }[],
) => {
  if (call.confidential) return null;
  if (!viewer) return { callId: call.id, posts: null, postAs: [], mine: [] };
  const postAs = [];
  if (isOpen(call, new Date()))
    for (const o of myCsos) if ((await findOrg(db, o.id))?.visibility !== "hidden") postAs.push(o);
  return {
    callId: call.id,
    posts: await partnerPostsOf(db, viewer, call.id),
    postAs,
    mine: viewer.memberships.map((m) => m.orgId),
  };
};
