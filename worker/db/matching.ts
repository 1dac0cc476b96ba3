// Reading organisations as matching profiles. For a call, the hard eligibility filters that SQL can
// check (kind, visibility, country or Global South, legal status, required led-by flags, a budget being
// present) run in the query, on the orgs_kind_country_idx index; the rest is scored in memory.
import { and, eq, inArray, isNotNull, isNull, ne, sql, type SQL } from "drizzle-orm";
import { countries, orgs } from "../../schema";
import { LED_BY, THEMES, type CivicSpace, type IncomeGroup, type LegalStatus, type Setting } from "../../schema/enums";
import type { Db } from "./client";
import { toOrg } from "./orgs";
import { fromMask, toMask } from "../domain/bitmask";
import { packed, runPacked } from "./packed";
import type { CallCriteria, MatchProfile } from "../domain/matching";

/** Only the columns matching reads: thousands of rows cross from D1 to the Worker, so every column counts. */
const profileColumns = {
  id: orgs.id,
  country: orgs.country,
  legalStatus: orgs.legalStatus,
  setting: orgs.setting,
  budgetAmount: orgs.annualBudgetAmount,
  budgetCurrency: orgs.annualBudgetCurrency,
  ledBy: orgs.ledBy,
  themes: orgs.themes,
  languages: orgs.languages,
  fundingReceivedUsd: orgs.fundingReceivedUsd,
  globalSouth: countries.globalSouth,
  incomeGroup: countries.wbIncomeGroup,
  civicSpace: countries.civicSpace,
};

type ProfileRow = {
  id: string; country: string; legalStatus: LegalStatus | null; setting: Setting | null; budgetAmount: number | null; budgetCurrency: string | null;
  ledBy: number; themes: number; languages: string; fundingReceivedUsd: number; globalSouth: boolean | null; incomeGroup: string | null; civicSpace: string | null;
};

export const toProfile = (r: ProfileRow): MatchProfile => ({
  id: r.id,
  country: r.country,
  countryFacts:
    r.globalSouth === null ? null : { globalSouth: r.globalSouth, incomeGroup: r.incomeGroup as IncomeGroup | null, civicSpace: r.civicSpace as CivicSpace | null },
  legalStatus: r.legalStatus,
  setting: r.setting,
  annualBudget: r.budgetAmount !== null && r.budgetCurrency ? { amount: r.budgetAmount, currency: r.budgetCurrency } : null,
  ledBy: fromMask(r.ledBy, LED_BY),
  themes: fromMask(r.themes, THEMES),
  languages: JSON.parse(r.languages) as string[],
  fundingReceivedUsd: r.fundingReceivedUsd,
});

/** One organisation in full (for the permission checks and the page) with its matching profile. */
export const findProfile = async (db: Db, orgId: string) => {
  const row = await db
    .select({ org: orgs, ...profileColumns })
    .from(orgs)
    .leftJoin(countries, eq(countries.code, orgs.country))
    .where(and(eq(orgs.id, orgId), isNull(orgs.deletedAt)))
    .get();
  return row ? { org: toOrg(row.org), profile: toProfile(row) } : null;
};

/**
 * CSOs that pass the call's SQL-checkable eligibility filters (hidden organisations are never read),
 * each handed to `visit` as its profile and then dropped, one packed cell at a time: at 100,000
 * organisations, holding every profile at once took the local runtime past a gigabyte (measured), and a
 * Worker has 128 MB.
 */
export const eachCandidate = async <T>(db: Db, call: CallCriteria, visit: (p: MatchProfile) => T): Promise<T[]> => {
  const e = call.eligibility;
  const conds: (SQL | undefined)[] = [eq(orgs.kind, "cso"), ne(orgs.visibility, "hidden"), isNull(orgs.deletedAt)];
  if (e.countries?.length) conds.push(inArray(orgs.country, e.countries));
  if (e.globalSouthOnly) conds.push(eq(countries.globalSouth, true));
  if (e.legalStatuses.length) conds.push(inArray(orgs.legalStatus, e.legalStatuses));
  if (e.requiredLedBy.length) {
    const mask = toMask(e.requiredLedBy, LED_BY);
    conds.push(sql`(${orgs.ledBy} & ${mask}) = ${mask}`);
  }
  if (e.maxAnnualBudget) conds.push(isNotNull(orgs.annualBudgetAmount));
  const candidates = packed<ProfileRow>(profileColumns);
  const cells = await runPacked(db, db.select({ j: candidates.row }).from(orgs).leftJoin(countries, eq(countries.code, orgs.country)).where(and(...conds)));
  const out: T[] = [];
  for (let i = 0; i < cells.length; i++) {
    for (const row of candidates.decode([cells[i]])) out.push(visit(toProfile(row)));
    cells[i] = { cell: null };
  }
  return out;
};

/** Matching profiles for one page of organisations. */
export const profilesByIds = async (db: Db, ids: string[]) => {
  if (!ids.length) return new Map<string, MatchProfile>();
  const rows = await db.select(profileColumns).from(orgs).leftJoin(countries, eq(countries.code, orgs.country)).where(inArray(orgs.id, ids)).all();
  return new Map(rows.map((r) => [r.id, toProfile(r)]));
};

/** Full organisations for one page of ranked ids, in that order. */
export const orgsByIds = async (db: Db, ids: string[]) => {
  if (!ids.length) return [];
  const byId = new Map((await db.select().from(orgs).where(inArray(orgs.id, ids)).all()).map((r) => [r.id, toOrg(r)]));
  return ids.map((id) => byId.get(id)!).filter(Boolean);
};
