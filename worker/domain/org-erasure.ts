// What deleting an organisation erases and what it keeps. Personal data and the group's own texts go;
// the facts the equity record is made of (which kind of group, where, how large, which money it got)
// stay, attached to an anonymised, hidden tombstone that no page or API answer names. Hidden groups are
// "undisclosed" in every location dimension of the reports, so the tombstone cannot be located either.

/** Profile fields overwritten on deletion. Country, setting, legal status, budget, led-by and themes stay (equity dimensions). */
export const ERASED_ORG = {
  name: "Deleted organisation",
  description: null,
  area: null,
  foundedYear: null,
  staffCount: null,
  volunteerCount: null,
  languages: "[]",
  visibility: "hidden" as const,
  verified: false,
};

/**
 * The placeholder account that old applications point at once their author's link to the group is cut
 * (the column cannot be empty). Its password hash does not parse, so nobody can sign in as it.
 */
export const GHOST_USER = { id: "deleted-user", email: "deleted-user@sanad.invalid", name: "Deleted user", passwordHash: "!", platformRole: "user" as const };

/**
 * The owner confirms by typing the organisation's name. Compared after Unicode normalisation, trimmed
 * and without regard to case, so an Arabic name typed on a different keyboard still matches.
 */
export const confirmsName = (name: string, typed: string) => {
  const norm = (s: string) => s.normalize("NFKC").trim().replace(/\s+/g, " ").toLocaleLowerCase();
  return typed.trim() !== "" && norm(name) === norm(typed);
};

/** Counts for the audit entry and the answer: what was removed and what stays anonymised. */
export type ErasureSummary = { pledgesCancelled: number; awardsKept: number; applicationsKept: number };
