// Award rows for the 360Giving export, a page at a time in (award date, id) order.
import { and, asc, eq, gt, gte, lte, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { awards, calls, orgs } from "../../schema";
import type { Db } from "./client";
import type { EquityFilters } from "./equity";
import type { ExportAward } from "../domain/giving360";

const funders = alias(orgs, "funders");

export const exportAwards = async (
  db: Db,
  f: EquityFilters,
  limit: number,
  after?: { date: string; id: string },
): Promise<ExportAward[]> => {
  const conds: (SQL | undefined)[] = [
    f.from ? gte(awards.awardDate, f.from) : undefined,
    f.to ? lte(awards.awardDate, f.to) : undefined,
    f.funderOrgId ? eq(awards.funderOrgId, f.funderOrgId) : undefined,
    f.callId ? eq(awards.callId, f.callId) : undefined,
    f.fundingType ? eq(awards.fundingType, f.fundingType) : undefined,
    after
      ? or(gt(awards.awardDate, after.date), and(eq(awards.awardDate, after.date), gt(awards.id, after.id)))
      : undefined,
  ];
  return db
    .select({
      id: awards.id,
      amount: awards.amount,
      currency: awards.currency,
      awardDate: awards.awardDate,
      fundingType: awards.fundingType,
      durationMonths: awards.durationMonths,
      callId: calls.id,
      callTitle: calls.title,
      orgId: orgs.id,
      orgName: orgs.name,
      orgCountry: orgs.country,
      orgVisibility: orgs.visibility,
      orgThemes: orgs.themes,
      funderId: funders.id,
      funderName: funders.name,
      funderVisibility: funders.visibility,
      modified: sql<string>`${awards.createdAt}`,
    })
    .from(awards)
    .innerJoin(calls, eq(calls.id, awards.callId))
    .innerJoin(orgs, eq(orgs.id, awards.orgId))
    .innerJoin(funders, eq(funders.id, awards.funderOrgId))
    .where(and(...conds))
    .orderBy(asc(awards.awardDate), asc(awards.id))
    .limit(limit + 1)
    .all();
};
