// The weekly digest: a member turns it on or off for one of their organisations, and the Monday cron
// writes each subscriber one mail listing the new open calls the organisation is eligible for. The
// matching runs once per organisation, however many of its members subscribed.
import type { Db } from "../db/client";
import { findOrg } from "../db/orgs";
import {
  digestOrgIds,
  digestMailInsert,
  digestRecipients,
  markDigestSent,
  openCallsPublishedSince,
  subscribeDigest,
  unsubscribeDigest,
} from "../db/digest";
import type { NewMail } from "../db/outbox";
import { openCallsForMatching } from "../db/calls";
import { profilesByIds } from "../db/matching";
import { loadFxTable } from "../db/fx";
import { fastMatch, prepareCall, prepareOrg } from "../domain/matching";
import { canActForOrg, type Viewer } from "../domain/permissions";
import { digestMailId, newSince } from "../domain/digest";
import { isLocale } from "../domain/locale";
import { Problem } from "../core/problem";
import { authorize } from "../core/authorize";
import type { Translate } from "../i18n";
import { composeDigest } from "../mail/digest";

/** The organisation, if the viewer is one of its members and it is a CSO (funders get no digest). */
const digestOrg = async (db: Db, t: Translate, viewer: Viewer | null, orgId: string) => {
  const org = await findOrg(db, orgId);
  if (!org) throw new Problem(404);
  authorize(viewer, canActForOrg(viewer, org));
  if (org.kind !== "cso")
    throw new Problem(422, t("err.not_cso"), [{ path: "id", message: t("err.not_cso") }]);
  return { org, viewer };
};

export const digestState = async (db: Db, t: Translate, viewer: Viewer | null, orgId: string) => {
  const { viewer: v } = await digestOrg(db, t, viewer, orgId);
  return { orgId, on: (await digestOrgIds(db, v.userId, [orgId])).has(orgId) };
};

export const setDigest = async (db: Db, t: Translate, viewer: Viewer | null, orgId: string, on: boolean) => {
  const { viewer: v } = await digestOrg(db, t, viewer, orgId);
  await (on ? subscribeDigest(db, v.userId, orgId) : unsubscribeDigest(db, v.userId, orgId));
  return { orgId, on };
};

/** Which of the viewer's CSOs send them the digest (the account page's toggles). */
export const myDigests = async (db: Db, viewer: Viewer) =>
  digestOrgIds(
    db,
    viewer.userId,
    viewer.memberships.filter((m) => m.orgKind === "cso").map((m) => m.orgId),
  );

/** D1 binds at most 100 parameters per statement: profiles are read in slices. */
const PROFILE_SLICE = 90;
const profilesOf = async (db: Db, ids: string[]) => {
  const slices = [];
  for (let i = 0; i < ids.length; i += PROFILE_SLICE) slices.push(ids.slice(i, i + PROFILE_SLICE));
  const maps = await Promise.all(slices.map((slice) => profilesByIds(db, slice)));
  return new Map(maps.flatMap((m) => [...m]));
};

type Recipient = Awaited<ReturnType<typeof digestRecipients>>[number];

const byOrg = (rows: Recipient[]) => {
  const groups = new Map<string, Recipient[]>();
  for (const r of rows) groups.set(r.orgId, [...(groups.get(r.orgId) ?? []), r]);
  return groups;
};

/**
 * The Monday job: for each organisation with subscribers, the open calls published since each member's
 * last digest that it is eligible for; one mail per member when there are any. Mail ids are fixed per
 * organisation, member and week, so running the job again that week writes nothing new. Returns the ids
 * written, for the queue.
 */
export const writeWeeklyDigest = async (db: Db, origin: string, now = new Date()) => {
  const recipients = await digestRecipients(db);
  if (!recipients.length) return [];
  const groups = byOrg(recipients);
  const earliest = recipients.reduce((min, r) => {
    const since = newSince(r.lastSentAt, now);
    return since < min ? since : min;
  }, now.toISOString());
  const [published, open, fx, profiles] = await Promise.all([
    openCallsPublishedSince(db, earliest),
    openCallsForMatching(db, now),
    loadFxTable(db),
    profilesOf(db, [...groups.keys()]),
  ]);
  const day = now.toISOString().slice(0, 10);
  const fresh = open
    .filter((c) => published.has(c.summary.id))
    .map((c) => ({
      ...c,
      publishedAt: published.get(c.summary.id)!,
      prepared: prepareCall(c.criteria, fx, day),
    }));
  const sentAt = now.toISOString();
  const written: string[] = [];
  for (const [orgId, members] of groups) {
    const profile = profiles.get(orgId);
    if (!profile) continue;
    const org = prepareOrg(profile, fx, day);
    const eligible = fresh
      .filter((c) => fastMatch(c.prepared, org).eligible)
      .sort((a, b) => (a.publishedAt < b.publishedAt ? 1 : -1));
    const mails: NewMail[] = members.flatMap((m) => {
      const since = newSince(m.lastSentAt, now);
      const calls = eligible.filter((c) => c.publishedAt > since);
      if (!calls.length) return [];
      const locale = isLocale(m.locale) ? m.locale : "en";
      return [
        {
          id: digestMailId(orgId, m.userId, now),
          toEmail: m.email,
          kind: "digest" as const,
          locale,
          aboutOrgId: orgId,
          ...composeDigest(locale, {
            name: m.name,
            calls: calls.map((c) => ({ ...c.summary, link: `${origin}/calls/${c.summary.id}` })),
            link: `${origin}/orgs/${orgId}/matches`,
            unsubscribe: `${origin}/me#digest`,
          }),
        },
      ];
    });
    // The organisation's mail and its members' "checked up to now" go in one batch: a failed batch leaves
    // both for the next run, never a mail without its mark or a mark without its mail.
    const inserts = mails.map((m) => digestMailInsert(db, m));
    const mark = markDigestSent(db, orgId, sentAt);
    const results = await db.batch([mark, ...inserts]);
    for (const rows of results.slice(1) as { id: string }[][]) written.push(...rows.map((r) => r.id));
  }
  return written;
};
