// One grouped query per map metric: a row per country with the figure and how many organisations it
// covers (for the k-rule). Only CSOs whose profile is public for everyone are located: a hidden group is
// never counted in a country, and neither is a funders-only one, since the map is public. Awards of
// confidential calls never count. Both queries walk orgs_kind_country_idx (kind = 'cso', in country
// order, so the GROUP BY needs no sort); awards are read from the covering awards_equity_idx.
import { sql } from "drizzle-orm";
import type { Db } from "./client";
import type { MapRow } from "../domain/map";
import type { MapMetric } from "../../schema/api/map";

export const ORGS_SQL = `SELECT o.country AS country, count(*) AS value, count(*) AS orgs
  FROM orgs o
  WHERE o.kind = 'cso' AND o.visibility = 'public' AND o.deleted_at IS NULL
  GROUP BY o.country`;

// The confidential calls' ids are read once (the IN list), then probed per award.
const awardsSql = (cashOnly: boolean) => `SELECT o.country AS country, ${
  cashOnly ? "coalesce(sum(a.amount_usd), 0)" : "count(*)"
} AS value, count(DISTINCT a.org_id) AS orgs
  FROM orgs o JOIN awards a ON a.org_id = o.id
  WHERE o.kind = 'cso' AND o.visibility = 'public' AND o.deleted_at IS NULL
    AND a.call_id NOT IN (SELECT id FROM calls WHERE confidential = 1)${
      // In-kind offers have no money to add: they are counted as awards, never in amounts.
      cashOnly ? " AND a.funding_type <> 'non_cash'" : ""
    }
  GROUP BY o.country`;

/** The statement behind each metric (exported so a test can check its query plan). */
export const MAP_SQL: Record<MapMetric, string> = {
  orgs: ORGS_SQL,
  awards: awardsSql(false),
  amount: awardsSql(true),
};

export const mapRows = async (db: Db, metric: MapMetric): Promise<MapRow[]> =>
  (await db.all<MapRow>(sql.raw(MAP_SQL[metric]))).map((r) => ({
    country: r.country,
    value: Number(r.value),
    orgs: Number(r.orgs),
  }));
