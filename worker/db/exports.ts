// Award rows for the 360Giving export, a page at a time in (award date, id) order; never a confidential call's.
import { and, asc, eq, gt, gte, lte, ne, or, sql, type SQL } from "drizzle-orm";
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
    // Confidential calls' awards are left out entirely: even an anonymised grant (funder, amount, date)
    // would identify a funder's one rapid-response grant.
    eq(calls.confidential, false),
    // 360Giving describes grants of money: non-cash offers (training seats, mentoring hours, …) are not.
    ne(awards.fundingType, "non_cash"),
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
      tranches: sql<string | null>`(SELECT CASE WHEN count(*) = 0 THEN NULL
        ELSE json_group_array(json_object('dueOn', t.due_on, 'amount', t.amount)) END
        FROM (SELECT due_on, amount FROM tranches WHERE award_id = ${awards.id} ORDER BY seq) t)`,
      disbursements: sql<number>`(SELECT count(*) FROM disbursements WHERE award_id = ${awards.id})`,
      // A disbursement in another currency counts at the award's own USD rate (both USD values are fixed).
      disbursed: sql<number>`(SELECT coalesce(sum(CASE WHEN d.currency = ${awards.currency} THEN d.amount
        WHEN d.amount_usd IS NOT NULL AND ${awards.amountUsd} > 0
        THEN round(d.amount_usd * 1.0 * ${awards.amount} / ${awards.amountUsd}) ELSE 0 END), 0)
        FROM disbursements d WHERE d.award_id = ${awards.id})`,
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
