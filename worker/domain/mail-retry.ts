// How long a failed mail waits before the next try: doubling from 30 s, never more than an hour, so a
// mail provider's short outage is ridden out without hammering it.
export const retryDelaySeconds = (attempt: number) => Math.min(3600, 30 * 2 ** Math.max(0, attempt - 1));
