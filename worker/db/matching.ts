// Reading organisations as matching profiles, for the page shown (its reasons) and for one organisation.
// Ranking itself happens in SQL (match-rank.ts) over org_match.
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
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
import { fromMask } from "../domain/bitmask";
import type { MatchProfile } from "../domain/matching";
import { vouchStanding } from "../domain/trust";

/** Only the columns matching reads: thousands of rows cross from D1 to the Worker, so every column counts. */
export const profileColumns = {
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

export type ProfileRow = {
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
