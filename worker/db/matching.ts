// Reading organisations as matching profiles. For a call, the hard eligibility filters that SQL can
// check (kind, visibility, country or Global South, legal status, required led-by flags, a budget being
// present, the minimum trust level) run in the query, on the orgs_kind_country_idx index; the rest is
// scored in memory.
import { and, eq, gte, inArray, isNotNull, isNull, ne, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { countries, orgs, vouches } from "../../schema";
import {
  LED_BY,
  THEMES,
  type CivicSpace,
  type IncomeGroup,
  type LegalStatus,
  type Setting,
} from "../../schema/enums";
import type { Db } from "./client";
import { toOrg } from "./orgs";
import { fromMask, toMask } from "../domain/bitmask";
import { packed, runPacked } from "./packed";
import type { CallCriteria, MatchProfile } from "../domain/matching";
import { vouchStanding } from "../domain/trust";

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
  trustLevel: orgs.trustLevel,
  globalSouth: countries.globalSouth,
  incomeGroup: countries.wbIncomeGroup,
  civicSpace: countries.civicSpace,
};

type ProfileRow = {
  id: string;
  country: string;
  legalStatus: LegalStatus | null;
  setting: Setting | null;
  budgetAmount: number | null;
  budgetCurrency: string | null;
  ledBy: number;
  themes: number;
  languages: string;
  fundingReceivedUsd: number;
  trustLevel: number;
  globalSouth: boolean | null;
  incomeGroup: string | null;
  civicSpace: string | null;
};

export const toProfile = (r: ProfileRow): MatchProfile => ({
  id: r.id,
  country: r.country,
  countryFacts:
    r.globalSouth === null
      ? null
      : {
          globalSouth: r.globalSouth,
          incomeGroup: r.incomeGroup as IncomeGroup | null,
          civicSpace: r.civicSpace as CivicSpace | null,
        },
  legalStatus: r.legalStatus,
  setting: r.setting,
  annualBudget:
    r.budgetAmount !== null && r.budgetCurrency
      ? { amount: r.budgetAmount, currency: r.budgetCurrency }
      : null,
  ledBy: fromMask(r.ledBy, LED_BY),
  themes: fromMask(r.themes, THEMES),
  languages: JSON.parse(r.languages) as string[],
  fundingReceivedUsd: r.fundingReceivedUsd,
  trustLevel: r.trustLevel,
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
 * Worker has 128 MB. `minLevel` is the funder's own narrowing of the list (not a rule of the call).
 */
export const eachCandidate = async <T>(
  db: Db,
  call: CallCriteria,
  visit: (p: MatchProfile) => T,
  opts: { minLevel?: number } = {},
): Promise<T[]> => {
  const e = call.eligibility;
  const conds: (SQL | undefined)[] = [
    eq(orgs.kind, "cso"),
    ne(orgs.visibility, "hidden"),
    isNull(orgs.deletedAt),
  ];
  if (e.countries?.length) conds.push(inArray(orgs.country, e.countries));
  if (e.globalSouthOnly) conds.push(eq(countries.globalSouth, true));
  if (e.legalStatuses.length) conds.push(inArray(orgs.legalStatus, e.legalStatuses));
  if (e.requiredLedBy.length) {
    const mask = toMask(e.requiredLedBy, LED_BY);
    conds.push(sql`(${orgs.ledBy} & ${mask}) = ${mask}`);
  }
  if (e.maxAnnualBudget) conds.push(isNotNull(orgs.annualBudgetAmount));
  // The same comparison as fastMatch's (the stored level is what both read).
  const minLevel = Math.max(e.minTrustLevel, opts.minLevel ?? 0);
  if (minLevel > 0) conds.push(gte(orgs.trustLevel, minLevel));
  const candidates = packed<ProfileRow>(profileColumns);
  const cells = await runPacked(
    db,
    db
      .select({ j: candidates.row })
      .from(orgs)
      .leftJoin(countries, eq(countries.code, orgs.country))
      .where(and(...conds)),
  );
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
  const rows = await db
    .select(profileColumns)
    .from(orgs)
    .leftJoin(countries, eq(countries.code, orgs.country))
    .where(inArray(orgs.id, ids))
    .all();
  return new Map(rows.map((r) => [r.id, toProfile(r)]));
};

/** Full organisations for one page of ranked ids, in that order. */
export const orgsByIds = async (db: Db, ids: string[]) => {
  if (!ids.length) return [];
  const byId = new Map(
    (await db.select().from(orgs).where(inArray(orgs.id, ids)).all()).map((r) => [r.id, toOrg(r)]),
  );
  return ids.map((id) => byId.get(id)!).filter(Boolean);
};

const voucher = alias(orgs, "voucher");
const voucherCountry = alias(countries, "voucher_country");

/**
 * How many vouches count now for each of these organisations (by the trust ladder's own rules:
 * worker/domain/trust.ts), for the sentences of the page shown: one query for the page, never for every
 * candidate. Only organisations at level 1 or 2 are asked about — vouches change nothing above.
 */
export const countingVouches = async (db: Db, profiles: MatchProfile[], now = new Date()) => {
  const asked = profiles.filter((p) => p.trustLevel === 1 || p.trustLevel === 2);
  const counts = new Map<string, number>(asked.map((p) => [p.id, 0]));
  if (!asked.length) return counts;
  const rows = await db
    .select({
      voucheeId: vouches.voucheeOrgId,
      voucheeCountry: orgs.country,
      voucheeRegion: countries.unSubregion,
      id: vouches.id,
      voucherOrgId: vouches.voucherOrgId,
      voucherLevel: voucher.trustLevel,
      voucherCountry: voucher.country,
      voucherRegion: voucherCountry.unSubregion,
      sharesMember: sql<number>`EXISTS (SELECT 1 FROM memberships a JOIN memberships b ON a.user_id = b.user_id WHERE a.org_id = ${vouches.voucherOrgId} AND b.org_id = ${vouches.voucheeOrgId})`,
      createdAt: vouches.createdAt,
      expiresAt: vouches.expiresAt,
      revokedAt: vouches.revokedAt,
      returnedAt: sql<
        string | null
      >`(SELECT max(r.created_at) FROM vouches r WHERE r.voucher_org_id = ${vouches.voucheeOrgId} AND r.vouchee_org_id = ${vouches.voucherOrgId})`,
    })
    .from(vouches)
    .innerJoin(orgs, eq(orgs.id, vouches.voucheeOrgId))
    .leftJoin(countries, eq(countries.code, orgs.country))
    .innerJoin(voucher, eq(voucher.id, vouches.voucherOrgId))
    .leftJoin(voucherCountry, eq(voucherCountry.code, voucher.country))
    .where(
      and(
        inArray(
          vouches.voucheeOrgId,
          asked.map((p) => p.id),
        ),
        isNull(vouches.revokedAt),
      ),
    )
    .all();
  const counted = new Map<string, Set<string>>();
  for (const r of rows) {
    const standing = vouchStanding(
      { ...r, sharesMember: !!r.sharesMember },
      {
        country: r.voucheeCountry,
        region: r.voucheeRegion,
        platformVerified: false,
        members: 0,
        verifiedMembers: 0,
      },
      now,
    );
    if (standing !== "counts") continue;
    const set = counted.get(r.voucheeId) ?? new Set<string>();
    counted.set(r.voucheeId, set.add(r.voucherOrgId));
  }
  for (const [id, set] of counted) counts.set(id, set.size);
  return counts;
};

/** The profiles with their counting vouches filled in (for the reasons' sentences). */
export const withTrustEvidence = async (db: Db, profiles: MatchProfile[], now = new Date()) => {
  const counts = await countingVouches(db, profiles, now);
  return profiles.map((p) => (counts.has(p.id) ? { ...p, trustVouches: counts.get(p.id)! } : p));
};
