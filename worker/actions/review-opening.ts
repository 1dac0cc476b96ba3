// Opening the review of a `panel` or `peer` call when it closes (by its funder or by the cron after the
// deadline): who reviews, what is reviewed, and the assignments, written once.
import type { Db } from "../db/client";
import {
  callsAwaitingReview,
  findReviewCall,
  membershipsOfOrgs,
  membershipsOfUsers,
  openReviewOnce,
  panelistIds,
  reviewableApplications,
  type NewAssignment,
} from "../db/reviews";
import { auditInsertIf } from "../db/audit";
import { newId, randomSecret } from "../security/random";
import {
  assignReviews,
  type AssignmentInput,
  type ReviewApplication,
  type Reviewer,
  type ReviewPair,
} from "../domain/review-assignment";
import type { ReviewMode } from "../../schema/enums";

type ApplicationRef = { id: string; orgId: string; createdBy: string };
type OrgMember = { orgId: string; userId: string; role: string };

const byUserId = (a: OrgMember, b: OrgMember) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0);

/**
 * Peer mode: each applicant organisation reviews through one person — whoever wrote its application if
 * still a member, else its owner with the smallest user id (a stable choice, so the same data gives the
 * same reviewers). An organisation with neither has nobody to review for it.
 */
export const peerReviewerOf = (app: ApplicationRef, members: OrgMember[]) => {
  const own = members.filter((m) => m.orgId === app.orgId);
  if (own.some((m) => m.userId === app.createdBy)) return app.createdBy;
  return own.filter((m) => m.role === "owner").sort(byUserId)[0]?.userId ?? null;
};

const groupBy = <T>(items: T[], key: (x: T) => string, value: (x: T) => string) => {
  const out = new Map<string, string[]>();
  for (const x of items) out.set(key(x), [...(out.get(key(x)) ?? []), value(x)]);
  return out;
};

/** The input of assignReviews for the call as it is now: its applications, its reviewers, their ties. */
export const assignmentInput = async (
  db: Db,
  call: { id: string; reviewMode: ReviewMode; reviewsPerApplication: number },
  apps: ApplicationRef[],
  conflicts: ReviewPair[],
): Promise<AssignmentInput> => {
  const members = await membershipsOfOrgs(db, [...new Set(apps.map((a) => a.orgId))]);
  const membersOf = groupBy(
    members,
    (m) => m.orgId,
    (m) => m.userId,
  );
  const applications: ReviewApplication[] = apps.map((a) => ({
    id: a.id,
    orgId: a.orgId,
    memberIds: membersOf.get(a.orgId) ?? [],
  }));
  // Who reviews, and for which applicant organisation (peer mode only).
  const seats: { userId: string; orgId: string | null }[] =
    call.reviewMode === "peer"
      ? [...new Map(apps.map((a) => [a.orgId, a])).values()].flatMap((a) => {
          const userId = peerReviewerOf(a, members);
          return userId ? [{ userId, orgId: a.orgId }] : [];
        })
      : (await panelistIds(db, call.id)).map((userId) => ({ userId, orgId: null }));
  const orgsOf = groupBy(
    await membershipsOfUsers(db, [...new Set(seats.map((s) => s.userId))]),
    (m) => m.userId,
    (m) => m.orgId,
  );
  const reviewers: Reviewer[] = seats.map((s) => ({
    id: s.userId,
    orgId: s.orgId,
    memberOf: orgsOf.get(s.userId) ?? [],
  }));
  return { applications, reviewers, perApplication: call.reviewsPerApplication, conflicts };
};

/** The assignment rows for the chosen pairs, each with the organisation its reviewer reviews for. */
export const assignmentRows = (input: AssignmentInput, pairs: ReviewPair[]): NewAssignment[] => {
  const orgOf = new Map(input.reviewers.map((r) => [r.id, r.orgId]));
  return pairs.map((p) => ({
    id: newId(),
    applicationId: p.applicationId,
    reviewerId: p.reviewerId,
    reviewerOrgId: orgOf.get(p.reviewerId) ?? null,
  }));
};

/**
 * Opens review if the call asks for a panel or peers and it has not opened yet; returns whether this
 * call opened it. Safe to call from every closing path at once: the write is a compare-and-set.
 */
export const openReview = async (db: Db, callId: string) => {
  const call = await findReviewCall(db, callId);
  // A draft closed before it was ever published had no applicants: nothing to review.
  if (!call || call.reviewMode === "funder" || call.reviewOpenedAt || !call.publishedAt) return false;
  const input = await assignmentInput(db, call, await reviewableApplications(db, call.id), []);
  const result = assignReviews(input);
  const rows = assignmentRows(input, result.assignments);
  return openReviewOnce(db, call.id, randomSecret(32), rows, (won) => [
    auditInsertIf(
      db,
      {
        actorUserId: null,
        action: "review.opened",
        subjectType: "call",
        subjectId: call.id,
        data: {
          assignments: rows.length,
          reviewers: input.reviewers.length,
          unfilled: result.unfilled.length,
        },
      },
      won,
    ),
  ]);
};

/** The cron's sweep: every closed panel or peer call whose review has not opened (a missed run included). */
export const openDueReviews = async (db: Db, now: Date) => {
  let opened = 0;
  for (const id of await callsAwaitingReview(db, now)) if (await openReview(db, id)) opened++;
  return opened;
};
