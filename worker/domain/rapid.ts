// Rapid response: the decision a funder promised within `decisionWithinDays` of each request, how long is
// left, which requests are overdue, and the order a funder should work through them (least time left first).
import type { ApplicationStatus } from "../../schema/enums";

const DAY_MS = 86_400_000;

/** Still waiting for the funder: only these can be overdue (a decided or withdrawn request never is). */
export const UNDECIDED: readonly ApplicationStatus[] = ["submitted", "under_review"];
export const isUndecided = (status: ApplicationStatus) => UNDECIDED.includes(status);

/** The instant the decision is promised by: the submission plus the call's days, to the millisecond. */
export const decideBy = (submittedAt: string, decisionWithinDays: number) =>
  new Date(Date.parse(submittedAt) + decisionWithinDays * DAY_MS).toISOString();

/** Milliseconds left before the promised instant; negative once it has passed. */
export const timeLeft = (decideByIso: string, now: Date) => Date.parse(decideByIso) - now.getTime();

export type RapidRef = { status: ApplicationStatus; decideBy: string | null };

/** Overdue: still undecided once the promised instant has passed. */
export const isOverdue = (app: RapidRef, now: Date) =>
  app.decideBy !== null && isUndecided(app.status) && timeLeft(app.decideBy, now) <= 0;

/** Whole days past the promise, counting a started day ("overdue by 1 day" from the first minute). */
export const daysOverdue = (decideByIso: string, now: Date) =>
  Math.max(1, Math.ceil(-timeLeft(decideByIso, now) / DAY_MS));

/**
 * What an application shows about the promise: both null unless the call is rapid (days given) and the
 * application was submitted; `overdue` is false once decided.
 */
export const rapidTiming = (
  app: { status: ApplicationStatus; submittedAt: string | null },
  decisionWithinDays: number | null,
  now: Date,
) => {
  if (decisionWithinDays === null || app.submittedAt === null) return { decideBy: null, overdue: null };
  const by = decideBy(app.submittedAt, decisionWithinDays);
  return { decideBy: by, overdue: isOverdue({ status: app.status, decideBy: by }, now) };
};

/**
 * A funder's working order: undecided requests by time left (so the most overdue comes first, then the
 * overdue, then the soonest due), ties by id so the order is stable; everything else after, as given.
 */
export const byTimeLeft = <T extends RapidRef & { id: string }>(items: readonly T[]): T[] => {
  const waiting = items.filter((a) => a.decideBy !== null && isUndecided(a.status));
  const rest = items.filter((a) => !waiting.includes(a));
  waiting.sort((a, b) => {
    const d = Date.parse(a.decideBy!) - Date.parse(b.decideBy!);
    return d !== 0 ? d : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
  return [...waiting, ...rest];
};

export type WaitingRequest = {
  callId: string;
  callTitle: string;
  submittedAt: string;
  decisionWithinDays: number;
};

/**
 * The funder's account page: per rapid call, how many requests wait and the earliest promise among them,
 * calls ordered by that promise (ties by call id). Names no applicant on purpose.
 */
export const waitingByCall = (rows: readonly WaitingRequest[], now: Date) => {
  const calls = new Map<string, { callId: string; callTitle: string; count: number; decideBy: string }>();
  for (const r of rows) {
    const by = decideBy(r.submittedAt, r.decisionWithinDays);
    const seen = calls.get(r.callId);
    if (!seen) calls.set(r.callId, { callId: r.callId, callTitle: r.callTitle, count: 1, decideBy: by });
    else {
      seen.count++;
      if (by < seen.decideBy) seen.decideBy = by;
    }
  }
  return [...calls.values()]
    .sort((a, b) =>
      a.decideBy !== b.decideBy ? (a.decideBy < b.decideBy ? -1 : 1) : a.callId < b.callId ? -1 : 1,
    )
    .map((c) => ({ ...c, overdue: timeLeft(c.decideBy, now) <= 0 }));
};
