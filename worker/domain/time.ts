// Wall-clock times in a named time zone ↔ UTC instants, with Intl only (no time-zone library needed:
// the runtime carries the IANA database).

const formatters = new Map<string, Intl.DateTimeFormat>();
const partsIn = (ms: number, timeZone: string) => {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  return { y: +p.year, mo: +p.month, d: +p.day, h: +p.hour, mi: +p.minute, s: +p.second };
};

/** Offset of `timeZone` from UTC at instant `ms`, in milliseconds (east positive). */
const offsetAt = (ms: number, timeZone: string) => {
  const p = partsIn(ms, timeZone);
  return Date.UTC(p.y, p.mo - 1, p.d, p.h, p.mi, p.s) - Math.floor(ms / 1000) * 1000;
};

/**
 * "2026-12-31T17:00" read as a wall-clock time in `timeZone` → ISO instant in UTC; null if unreadable.
 * In a DST gap the time is moved forward by the gap; in an overlap the earlier instant is chosen.
 */
export const zonedInputToIso = (local: string, timeZone: string): string | null => {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local.trim());
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number);
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return null;
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  if (new Date(asUtc).getUTCDate() !== d) return null; // 31 February and the like
  const first = asUtc - offsetAt(asUtc, timeZone);
  const second = asUtc - offsetAt(first, timeZone);
  return new Date(Math.min(first, second)).toISOString();
};

/** An instant → "YYYY-MM-DDTHH:mm" in `timeZone`, for a datetime-local field. */
export const isoToZonedInput = (iso: string, timeZone: string) => {
  const p = partsIn(Date.parse(iso), timeZone);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${p.y}-${two(p.mo)}-${two(p.d)}T${two(p.h)}:${two(p.mi)}`;
};
