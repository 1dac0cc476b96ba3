// Matching use cases: "calls for us" (one CSO against every open call) and "organisations for this call"
// (one call against every eligible CSO), and a funder's invitation to apply.
import type { Db } from "../db/client";
import {
  callsForMatchingByIds,
  insertCallInvitation,
  invitedCallIds,
  invitedOrgIds,
  toCriteria,
} from "../db/calls";
import { findProfile, orgsByIds, profilesByIds, withTrustEvidence } from "../db/matching";
import { rankCallsForOrg, rankOrgsForCall } from "../db/match-rank";
import { loadFxTable } from "../db/fx";
import { auditInsert } from "../db/audit";
import { compareMatches, explainMatch, prepareCall, prepareOrg, type MatchProfile } from "../domain/matching";
import { canReachOutForCall, canActForOrg, canViewOrg, type Viewer } from "../domain/permissions";
import { isOpen } from "../domain/calls";
import { Problem } from "../core/problem";
import { authorize, enforce } from "../core/authorize";
import { describeReasons } from "../i18n/reasons";
import type { Translate } from "../i18n";
import type { Locale } from "../../schema/enums";
import { viewCall } from "./calls";

type Page = { limit: number; cursor?: string };
/** A funder's list may be narrowed to organisations at a trust level or above. */
type OrgPage = Page & { minLevel?: number };
const today = (now: Date) => now.toISOString().slice(0, 10);

/** Ranked lists are paged by position; the order is deterministic, so positions are stable between requests. */
const offsetOf = (page: Page) => ({ limit: page.limit, offset: page.cursor ? Number(page.cursor) : 0 });
const nextCursor = (page: Page, total: number) => {
  const end = offsetOf(page).offset + page.limit;
  return end < total ? String(end) : null;
};

export const matchesForOrg = async (
  db: Db,
  t: Translate,
  locale: Locale,
  viewer: Viewer | null,
  orgId: string,
  page: Page,
  now = new Date(),
) => {
  const found = await findProfile(db, orgId);
  if (!found) throw new Problem(404);
  enforce(canActForOrg(viewer, found.org));
  if (found.org.kind !== "cso")
    throw new Problem(422, t("err.not_cso"), [{ path: "id", message: t("err.not_cso") }]);
  const invited = invitedCallIds(db, orgId);
  return { org: found.org, ...(await rankOpenCalls(db, t, locale, found.profile, page, invited, now)) };
};

/**
 * Every open call ranked for one profile (eligible first), the page shown with its reasons: for a saved
 * organisation, and for the anonymous eligibility check's profile, which exists only in memory.
 */
export const rankOpenCalls = async (
  db: Db,
  t: Translate,
  locale: Locale,
  profile: MatchProfile,
  page: Page,
  /** The calls the organisation was invited to (read alongside the calls). */
  invitedTo: Promise<Set<string>> | Set<string> = new Set(),
  now = new Date(),
) => {
  const fx = await loadFxTable(db);
  const day = today(now);
  // SQL ranks every open call; only the page's ids cross, then those calls are read for their reasons.
  const ranked = await rankCallsForOrg(db, prepareOrg(profile, fx, day), now, day, offsetOf(page));
  const ids = ranked.items.map((m) => m.id);
  const [calls, invited] = await Promise.all([callsForMatchingByIds(db, ids, now), invitedTo]);
  const byId = new Map(calls.map((c) => [c.summary.id, c]));
  // A call that closed between the two reads drops out of the page rather than failing it.
  const items = ranked.items
    .sort(compareMatches)
    .flatMap((m) => (byId.has(m.id) ? [{ ...m, c: byId.get(m.id)! }] : []));
  // The trust reason names the vouches that count: read once, and only if a call shown asks for a level.
  const asksTrust = items.some((m) => m.c.criteria.eligibility.minTrustLevel > 0);
  const [described] = asksTrust ? await withTrustEvidence(db, [profile], now) : [profile];
  return {
    items: items.map((m) => ({
      call: m.c.summary,
      eligible: m.eligible,
      score: Math.round(m.rawScore),
      reasons: describeReasons(explainMatch(m.c.criteria, described, fx, day), t, locale),
      invited: invited.has(m.id),
    })),
    nextCursor: nextCursor(page, ranked.total),
    total: ranked.total,
    eligibleCount: ranked.eligibleCount,
  };
};

export const matchesForCall = async (
  db: Db,
  t: Translate,
  locale: Locale,
  viewer: Viewer | null,
  callId: string,
  page: OrgPage,
  now = new Date(),
) => {
  const call = await viewCall(db, viewer, callId);
  enforce(canReachOutForCall(viewer, call), t);
  const criteria = toCriteria(call);
  const [fx, invited] = await Promise.all([loadFxTable(db), invitedOrgIds(db, callId)]);
  const day = today(now);
  // SQL ranks the eligible organisations (org_match); only the page's ids and scores cross.
  const ranked = await rankOrgsForCall(db, criteria, prepareCall(criteria, fx, day), day, {
    ...offsetOf(page),
    minLevel: page.minLevel,
  });
  const items = ranked.items.sort(compareMatches);
  const ids = items.map((m) => m.id);
  const [orgs, read] = await Promise.all([orgsByIds(db, ids), profilesByIds(db, ids)]);
  const profiles =
    criteria.eligibility.minTrustLevel > 0
      ? new Map((await withTrustEvidence(db, [...read.values()], now)).map((p) => [p.id, p]))
      : read;
  return {
    call,
    minLevel: page.minLevel ?? 0,
    items: items.map((m, i) => ({
      org: orgs[i],
      eligible: m.eligible,
      score: Math.round(m.rawScore),
      reasons: describeReasons(explainMatch(criteria, profiles.get(m.id)!, fx, day), t, locale),
      invited: invited.has(m.id),
    })),
    nextCursor: nextCursor(page, ranked.total),
    total: ranked.total,
  };
};

/** A funder invites a CSO it may see to apply to one of its open calls; inviting twice is harmless. */
export const inviteToCall = async (
  db: Db,
  t: Translate,
  viewer: Viewer | null,
  callId: string,
  orgId: string,
  now = new Date(),
) => {
  const call = await viewCall(db, viewer, callId);
  authorize(viewer, canReachOutForCall(viewer, call), t);
  if (!isOpen(call, now))
    throw new Problem(422, t("err.call_not_open"), [{ path: "callId", message: t("err.call_not_open") }]);
  const found = await findProfile(db, orgId);
  // Hidden organisations cannot be invited: a funder has no way to know of them, and must not learn of them here.
  if (!found || found.org.visibility === "hidden" || !canViewOrg(viewer, found.org).ok)
    throw new Problem(404, undefined, [{ path: "orgId", message: t("error.not_found") }]);
  if (found.org.kind !== "cso")
    throw new Problem(422, t("err.not_cso"), [{ path: "orgId", message: t("err.not_cso") }]);
  await db.batch([
    insertCallInvitation(db, callId, orgId, viewer.userId),
    auditInsert(db, {
      actorUserId: viewer.userId,
      action: "call.invited",
      subjectType: "call",
      subjectId: callId,
      data: { orgId },
    }),
  ]);
  return { callId, orgId };
};
