// The library's use cases: searching and reading resources, posting one (members of verified or
// chapter-confirmed organisations), and moderating (admins, and the coordinators of the posting
// organisation's country). A resource waiting for moderation exists only for those who may act on it.
import type { Db } from "../db/client";
import { findOrg } from "../db/orgs";
import { findUpload } from "../db/uploads";
import { coordinatedCountries } from "../db/trust";
import { findResource, insertResource, listResources, moderateResource } from "../db/resources";
import { newId } from "../security/random";
import { isAdmin, type Viewer } from "../domain/permissions";
import {
  canModerateResource,
  canPostResource,
  canViewResource,
  mayPublishToLibrary,
  RESOURCE_FILE_KINDS,
} from "../domain/resources";
import { ftsQuery, searchText } from "../domain/search-text";
import { toMask } from "../domain/bitmask";
import { Problem } from "../core/problem";
import { authorize, enforce } from "../core/authorize";
import type { MessageKey, Translate } from "../i18n";
import { THEMES } from "../../schema/enums";
import type { ResourceFilter, ResourceInput } from "../../schema/api/resources";

const fieldProblem = (status: number, path: string, message: string) =>
  new Problem(status, message, [{ path, message }]);

const countriesOf = async (db: Db, viewer: Viewer | null): Promise<string[]> =>
  viewer ? coordinatedCountries(db, viewer.userId) : [];

/**
 * Whose pending and turned-down resources the viewer moderates: every organisation's (admins: undefined),
 * those of the countries whose chapter they coordinate, or nobody's (an empty list).
 */
export const moderatedCountries = async (db: Db, viewer: Viewer | null) =>
  isAdmin(viewer) ? undefined : await countriesOf(db, viewer);

/**
 * A page of the library. Published resources are everyone's; `status` pending or rejected is the queue of
 * admins and coordinators (401 signed out, 403 for everyone else).
 */
export const browseResources = async (db: Db, viewer: Viewer | null, f: ResourceFilter) => {
  const status = f.status ?? "published";
  let countries: string[] | undefined;
  if (status !== "published") {
    if (!viewer) throw new Problem(401);
    countries = await moderatedCountries(db, viewer);
    if (countries && !countries.length) throw new Problem(403);
  }
  return listResources(db, {
    match: f.q ? ftsQuery(f.q) : null,
    theme: f.theme,
    language: f.language,
    status,
    countries,
    limit: f.limit,
    offset: f.cursor ? Number(f.cursor) : 0,
  });
};

/** A resource with whether the viewer coordinates its organisation's country. */
const resourceFor = async (db: Db, viewer: Viewer | null, id: string) => {
  const found = await findResource(db, id);
  if (!found) throw new Problem(404);
  const coordinator = (await countriesOf(db, viewer)).includes(found.country);
  return { ...found, coordinator };
};

/** One resource; not yet published: its organisation's members, admins and its country's coordinators. */
export const viewResource = async (db: Db, viewer: Viewer | null, id: string) => {
  const r = await resourceFor(db, viewer, id);
  enforce(canViewResource(viewer, { orgId: r.orgId, status: r.view.status }, r.coordinator));
  return {
    resource: r.view,
    canModerate: canModerateResource(viewer, { orgId: r.orgId, status: r.view.status }, r.coordinator).ok,
  };
};

const REFUSALS: Record<string, MessageKey> = {
  not_member: "resource.err_not_member",
  org_not_verified: "resource.err_org_not_verified",
  not_found: "resource.err_org_unknown",
};

/** Posts a resource, pending moderation; every refusal about the organisation names `orgId`. */
export const createResource = async (db: Db, t: Translate, viewer: Viewer | null, input: ResourceInput) => {
  if (!viewer) throw new Problem(401);
  const org = await findOrg(db, input.orgId);
  if (!org) throw fieldProblem(404, "orgId", t("resource.err_org_unknown"));
  const decision = canPostResource(viewer, org);
  if (!decision.ok) {
    const key = REFUSALS[decision.reason];
    throw key ? fieldProblem(decision.status, "orgId", t(key)) : new Problem(decision.status);
  }
  if (input.uploadId) {
    const upload = await findUpload(db, input.uploadId);
    // Someone else's file id is refused exactly like an unknown one: nothing is learnt about it.
    if (!upload || upload.uploaderId !== viewer.userId)
      throw fieldProblem(422, "uploadId", t("resource.err_upload_not_yours"));
    if (!RESOURCE_FILE_KINDS.includes(upload.kind))
      throw fieldProblem(422, "uploadId", t("resource.err_upload_kind"));
  }
  const id = newId();
  await insertResource(db, {
    id,
    orgId: org.id,
    createdBy: viewer.userId,
    title: input.title,
    summary: input.summary,
    language: input.language,
    themes: toMask(input.themes, THEMES),
    licence: input.licence,
    url: input.url ?? null,
    uploadId: input.uploadId ?? null,
    searchText: searchText(input.title, input.summary),
  });
  const created = await findResource(db, id);
  if (!created) throw new Problem(404);
  return created.view;
};

/** Publishes or turns down a pending resource (409 if someone already did); audited. */
export const moderate = async (
  db: Db,
  t: Translate,
  viewer: Viewer | null,
  id: string,
  to: "published" | "rejected",
) => {
  const r = await resourceFor(db, viewer, id);
  authorize(viewer, canModerateResource(viewer, { orgId: r.orgId, status: r.view.status }, r.coordinator), t);
  if (r.view.status !== "pending" || !(await moderateResource(db, id, to, viewer.userId)))
    throw new Problem(409, t("resource.err_not_pending"));
  return (await findResource(db, id))!.view;
};

/** The viewer's organisations that may post to the library, for the form (empty: the form is refused). */
export const postingOrgs = async (db: Db, viewer: Viewer) =>
  (await Promise.all(viewer.memberships.map((m) => findOrg(db, m.orgId))))
    .filter((o) => o !== null && mayPublishToLibrary(o))
    .map((o) => ({ id: o!.id, name: o!.name }));
