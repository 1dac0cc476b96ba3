// The weekly digest's rules: which week a run belongs to (so a re-run writes the same mail ids and sends
// nothing twice), and from when a member's calls count as new.

/** wrangler.toml's weekly trigger (Mondays 06:00 UTC); the other trigger runs every 15 minutes. */
export const DIGEST_CRON = "0 6 * * 1";

export const DAY_MS = 86_400_000;
/** A member who never had a digest gets the calls of the last week. */
export const FIRST_DIGEST_DAYS = 7;

/** ISO 8601 week of an instant (UTC), e.g. "2026-W49": the same for every run within one week. */
export const isoWeek = (at: Date) => {
  const d = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  const weekday = d.getUTCDay() || 7;
  // The Thursday of this week decides the year the week belongs to.
  d.setUTCDate(d.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d.getTime() - yearStart) / DAY_MS + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
};

/** Calls published after this instant are new for the member's next digest. */
export const newSince = (lastSentAt: string | null, now: Date) =>
  lastSentAt ?? new Date(now.getTime() - FIRST_DIGEST_DAYS * DAY_MS).toISOString();

/** The outbox id of one member's digest for one organisation in one week. */
export const digestMailId = (orgId: string, userId: string, now: Date) =>
  `digest:${orgId}:${userId}:${isoWeek(now)}`;
