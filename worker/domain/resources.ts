// The library's rules: who may post a resource, who sees one before it is published, who moderates.
// Pure: whether the viewer coordinates the posting organisation's country is looked up by the caller.
import type { ResourceStatus, UploadKind, Visibility } from "../../schema/enums";
import { canViewOrg, isAdmin, membershipIn, type Decision, type Viewer } from "./permissions";

/** Chapter-confirmed (level 3) is as good as verified by the platform for posting to the library. */
export const RESOURCE_MIN_TRUST_LEVEL = 3;

/** Files a resource may carry: documents, pictures and recordings (every kind the uploads route accepts). */
export const RESOURCE_FILE_KINDS: readonly UploadKind[] = ["pdf", "jpeg", "png", "webp", "mp3", "ogg", "m4a"];

const allow: Decision = { ok: true };
const deny = (status: 401 | 403 | 404, reason: string): Decision => ({ ok: false, status, reason });

type PostingOrg = { id: string; visibility: Visibility; verified: boolean; trustLevel: number };

/** Verified by the platform, or confirmed by its country's chapter. */
export const mayPublishToLibrary = (org: { verified: boolean; trustLevel: number }) =>
  org.verified || org.trustLevel >= RESOURCE_MIN_TRUST_LEVEL;

/**
 * Posting is for members of an organisation someone checked: a library anyone could fill would carry
 * whatever a throwaway account uploads. Admins post only through an organisation they belong to.
 */
export const canPostResource = (v: Viewer | null, org: PostingOrg): Decision => {
  if (!v) return deny(401, "sign_in");
  if (!membershipIn(v, org.id))
    return canViewOrg(v, org).ok ? deny(403, "not_member") : deny(404, "not_found");
  return mayPublishToLibrary(org) ? allow : deny(403, "org_not_verified");
};

type ResourceRef = { orgId: string; status: ResourceStatus };

/**
 * Published resources are everyone's; one waiting for moderation or turned down is seen by the posting
 * organisation's members, admins and the coordinators of its country (`coordinator`). For anyone else it
 * does not exist.
 */
export const canViewResource = (v: Viewer | null, r: ResourceRef, coordinator: boolean): Decision =>
  r.status === "published" || membershipIn(v, r.orgId) || isAdmin(v) || coordinator
    ? allow
    : deny(404, "not_found");

/** Admins, and the coordinators of the posting organisation's country unless it is their own group's. */
export const canModerateResource = (v: Viewer | null, r: ResourceRef, coordinator: boolean): Decision => {
  if (!v) return deny(401, "sign_in");
  if (!canViewResource(v, r, coordinator).ok) return deny(404, "not_found");
  if (isAdmin(v) || (coordinator && !membershipIn(v, r.orgId))) return allow;
  return deny(403, "not_moderator");
};
