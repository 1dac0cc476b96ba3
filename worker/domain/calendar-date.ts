// Calendar dates as the API carries them ("YYYY-MM-DD", no time, no zone): checking, adding months,
// counting days. Done on UTC midnights so no daylight-saving shift can move a day.

const DAY_MS = 86_400_000;

const utc = (date: string) => Date.parse(`${date}T00:00:00Z`);
const fromUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** A real day of the Gregorian calendar written YYYY-MM-DD (2026-02-30 is not one). */
export const isCalendarDate = (s: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const ms = utc(s);
  return !Number.isNaN(ms) && fromUtc(ms) === s;
};

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string) => Math.round((utc(to) - utc(from)) / DAY_MS);

export const addDays = (date: string, days: number) => fromUtc(utc(date) + days * DAY_MS);

/**
 * The same day `months` later; a day the target month lacks becomes its last day (29 February plus
 * twelve months is 28 February), so a yearly plan never slips into the next month.
 */
export const addMonths = (date: string, months: number) => {
  const [y, m, d] = date.split("-").map(Number);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, lastDay));
  return fromUtc(first.getTime());
};

/** Today in UTC: the day overdue tranches and unconfirmed disbursements are judged on. */
export const todayUtc = (nowMs: number) => fromUtc(nowMs);

/**
 * The latest date that is not in the future for anyone: the calendar day in UTC+14 (Kiribati), the first
 * zone to start each day. A group in the Pacific recording money that arrived this morning is not
 * refused because it is still yesterday in London.
 */
export const latestPresentDate = (nowMs: number) => fromUtc(nowMs + 14 * 3_600_000);
