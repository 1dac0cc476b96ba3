// What deleting an organisation erases and what it keeps. Personal data and the group's own texts go;
// the facts the equity record is made of (which kind of group, where, which size band, which money it
// got) stay, attached to an anonymised, hidden tombstone that no page or API answer names. Hidden groups
// are "undisclosed" in every location dimension of the reports, so the tombstone cannot be located either.
//
// Decisions (security finding #7):
// - The tombstone keeps bands, not exact figures: the annual budget becomes the lower bound of its size
//   band in US dollars (see `bandBudget`), the founding year goes, and its own dates (created, updated,
//   deleted) are cut to 1 January of their year. Nothing in the equity report reads those dates (its
//   "year" dimension and date filters read the awards', applications' and payments' own dates).
// - The people go from the audit trail about the group: entries about the organisation, its applications,
//   its calls, its pledges and invitations of it to calls keep their action and time, but the actor becomes
//   NULL and person identifiers (user ids, e-mail addresses) leave their data. The "org.deleted" entry
//   itself has no actor either: naming who deleted the group would name one of its owners. Sign-in
//   entries (subject: the account) are not about the group and stay.
// - Applications kept for the record point at a placeholder account, created by migration
//   0009_ghost_user (never at deletion time: an account squatting its address used to make every later
//   deletion fail). Its address is under the reserved `.invalid` top-level domain (RFC 2606), which
//   sign-up refuses, and its password hash matches no password.
import type { Money } from "./money";
import { minorUnitExponent } from "./money";
import { BASIS_CURRENCY, type FxTable } from "./fx";
import { SIZE_BANDS, bandOfUsdCents, type SizeBandKey } from "./size-bands";

/** Profile fields overwritten on deletion. Country, setting, legal status, led-by and themes stay (equity dimensions); the budget is banded separately. */
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
 * (the column cannot be empty). Created by migrations/0009_ghost_user.sql with exactly these values; its
 * password hash "!" does not parse as a hash, so nobody can sign in as it.
 */
export const GHOST_USER = {
  id: "deleted-user",
  email: "deleted-user@sanad.invalid",
  name: "Deleted user",
  passwordHash: "!",
  platformRole: "user" as const,
};

/**
 * Addresses nobody can own: the whole `.invalid` top-level domain (RFC 2606 reserves it; no mailbox
 * exists there), which holds the placeholder's `sanad.invalid`. Sign-up refuses them, so the
 * placeholder's address, or any other Sanad might need for a placeholder later, cannot be taken.
 */
export const isReservedEmail = (email: string) => {
  const domain = email.trim().toLowerCase().split("@").pop()!.replace(/\.+$/, "");
  return domain === "invalid" || domain.endsWith(".invalid");
};

/**
 * The budget in US cents as the equity report computes it (worker/db/equity.ts, `budgetUsd`): the amount
 * times the currency's latest rate, unrounded, the same arithmetic in the same order so a budget on a
 * band boundary lands in the same band. Null when there is no budget or no rate (band "unknown").
 */
export const reportBudgetUsdCents = (budget: Money | null, fx: FxTable): number | null => {
  if (!budget || !/^[A-Z]{3}$/.test(budget.currency)) return null;
  const latest = fx.get(budget.currency)?.at(-1);
  if (!latest || !Number.isFinite(latest.usdPerUnit)) return null;
  return budget.amount * ((latest.usdPerUnit * 100) / 10 ** minorUnitExponent(budget.currency));
};

/** The size band of the equity report for a budget; null is the report's "unknown". */
export const sizeBand = (budget: Money | null, fx: FxTable): SizeBandKey | null =>
  bandOfUsdCents(reportBudgetUsdCents(budget, fx))?.key ?? null;

/**
 * What the tombstone keeps of the budget: the lower bound of its size band, in US dollars (the basis
 * currency, whose rate is 1), so the report still puts the deleted group in the same band (and on the
 * same side of the "small organisation" line, which is a band boundary) without keeping the exact
 * figure or its currency. No budget, or no rate for it, stays unknown.
 */
export const bandBudget = (budget: Money | null, fx: FxTable): Money | null => {
  const band = sizeBand(budget, fx);
  if (band === null) return null;
  const i = SIZE_BANDS.findIndex((b) => b.key === band);
  return { amount: i === 0 ? 0 : SIZE_BANDS[i - 1].below * 100, currency: BASIS_CURRENCY };
};

/** A timestamp cut to 1 January of its year (the tombstone keeps no exact date). */
export const yearOnly = (iso: string) => `${iso.slice(0, 4)}-01-01T00:00:00.000Z`;

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
