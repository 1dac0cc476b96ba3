// SQL aggregation for the equity report: one D1 batch, a handful of GROUP BY queries, so 30,000 awards
// and 100,000 applications reach the Worker as at most one row per recipient and one per group.
// Dimension expressions are constants of this file (never user input); filters are bound parameters.
import type { Db } from "./client";
import { LED_BY, THEMES } from "../../schema/enums";
import { minorUnitExponent } from "../domain/money";
import type { FxTable } from "../domain/fx";
import { SIZE_BANDS, SMALL_ORG_BUDGET_USD } from "../domain/equity";

export const DIMENSIONS = ["country", "region", "incomeGroup", "globalSouth", "legalStatus", "sizeBand", "ledBy", "setting", "civicSpace", "theme", "fundingType", "funder", "year"] as const;
export type Dimension = (typeof DIMENSIONS)[number];
/** Dimensions where one organisation can belong to several groups (groups overlap). */
export const MULTI_VALUED: Dimension[] = ["ledBy", "theme"];

export type EquityFilters = { from?: string; to?: string; funderOrgId?: string; callId?: string; fundingType?: "core" | "project" };

/** The flow being grouped: awards, applications (with their call) and core-pledge payments. */
type Flow = "award" | "application" | "pledge";

// Where an organisation is, unless it is hidden: then it is "undisclosed" in every location dimension.
const located = (expr: string) => `CASE WHEN o.visibility = 'hidden' THEN 'undisclosed' ELSE coalesce(${expr}, 'unknown') END`;

/** A small inline table (bit, name); SQLite names VALUES columns column1, column2. */
const BITS = (names: readonly string[]) => `(SELECT column1 AS bit, column2 AS name FROM (VALUES ${names.map((n, i) => `(${i}, '${n}')`).join(", ")}))`;

/** Key expression per dimension and flow; multi-valued ones join a bit table aliased `b`. */
const keyExpr = (d: Dimension, flow: Flow): string => {
  switch (d) {
    case "country": return located("o.country");
    case "region": return located("ct.un_region");
    case "incomeGroup": return located("ct.wb_income_group");
    case "civicSpace": return located("ct.civicus_rating");
    case "globalSouth": return `CASE WHEN o.visibility = 'hidden' THEN 'undisclosed' WHEN ct.global_south = 1 THEN 'global_south' ELSE 'global_north' END`;
    case "legalStatus": return "coalesce(o.legal_status, 'unknown')";
    case "setting": return "coalesce(o.setting, 'unknown')";
    case "sizeBand": {
      // Budget in US cents at the latest rate; bands as SIZE_BANDS in worker/domain/equity.ts.
      const usd = "(o.annual_budget_amount * br.cents)";
      return `CASE WHEN ${usd} IS NULL THEN 'unknown' ${SIZE_BANDS.filter((b) => b.below !== Infinity).map((b) => `WHEN ${usd} < ${b.below * 100} THEN '${b.key}'`).join(" ")} ELSE '${SIZE_BANDS[SIZE_BANDS.length - 1].key}' END`;
    }
    case "ledBy":
    case "theme": return "coalesce(b.name, 'none')";
    case "fundingType": return flow === "award" ? "a.funding_type" : flow === "application" ? "c.funding_type" : "'core'";
    case "funder": {
      const id = flow === "award" ? "a.funder_org_id" : flow === "application" ? "c.funder_org_id" : "pl.funder_org_id";
      return `CASE WHEN ${id} IS NULL THEN 'individual' WHEN (SELECT visibility FROM orgs fo WHERE fo.id = ${id}) = 'public' THEN ${id} ELSE 'undisclosed' END`;
    }
    case "year": return flow === "award" ? "substr(a.award_date, 1, 4)" : flow === "application" ? "substr(ap.submitted_at, 1, 4)" : "substr(p.at, 1, 4)";
  }
};

const multiJoin = (d: Dimension) =>
  d === "ledBy" ? `LEFT JOIN ${BITS(LED_BY)} AS b ON (o.led_by >> b.bit) & 1 = 1`
  : d === "theme" ? `LEFT JOIN ${BITS(THEMES)} AS b ON (o.themes >> b.bit) & 1 = 1`
  : "";

/**
 * US cents per minor unit of each currency at its latest rate, inlined as a VALUES table (codes are
 * checked to be three capital letters and rates are numbers, so inlining is safe; binding ~150 pairs
 * would pass D1's 100-parameter limit).
 */
const budgetRates = (fx: FxTable) => {
  const rows = [...fx.entries()]
    .filter(([c, list]) => /^[A-Z]{3}$/.test(c) && list.length && Number.isFinite(list[list.length - 1].usdPerUnit))
    .map(([c, list]) => `('${c}', ${(list[list.length - 1].usdPerUnit * 100) / 10 ** minorUnitExponent(c)})`);
  return rows.length ? `(SELECT column1 AS currency, column2 AS cents FROM (VALUES ${rows.join(", ")}))` : `(SELECT NULL AS currency, NULL AS cents WHERE 0)`;
};

type Sql = { text: string; params: unknown[] };

/** FROM … JOIN … WHERE for one flow, with the organisation's country and budget in US cents at hand. */
const source = (flow: Flow, f: EquityFilters, d: Dimension | null, fx: FxTable, budget = d === "sizeBand"): Sql => {
  const params: unknown[] = [];
  const where: string[] = [];
  const add = (cond: string, ...values: unknown[]) => {
    where.push(cond);
    params.push(...values);
  };
  let from: string;
  if (flow === "award") {
    from = "awards a JOIN orgs o ON o.id = a.org_id";
    if (f.from) add("a.award_date >= ?", f.from);
    if (f.to) add("a.award_date <= ?", f.to);
    if (f.funderOrgId) add("a.funder_org_id = ?", f.funderOrgId);
    if (f.callId) add("a.call_id = ?", f.callId);
    if (f.fundingType) add("a.funding_type = ?", f.fundingType);
  } else if (flow === "application") {
    from = "applications ap JOIN calls c ON c.id = ap.call_id JOIN orgs o ON o.id = ap.org_id";
    where.push("ap.submitted_at IS NOT NULL", "ap.status <> 'withdrawn'");
    if (f.from) add("ap.submitted_at >= ?", f.from);
    if (f.to) add("ap.submitted_at < date(?, '+1 day')", f.to);
    if (f.funderOrgId) add("c.funder_org_id = ?", f.funderOrgId);
    if (f.callId) add("ap.call_id = ?", f.callId);
    if (f.fundingType) add("c.funding_type = ?", f.fundingType);
  } else {
    from = "payments p JOIN pledges pl ON pl.id = p.pledge_id JOIN orgs o ON o.id = p.recipient_org_id";
    if (f.from) add("p.at >= ?", f.from);
    if (f.to) add("p.at < date(?, '+1 day')", f.to);
    if (f.funderOrgId) add("pl.funder_org_id = ?", f.funderOrgId);
    // Pledges belong to no call, and are core support.
    if (f.callId || f.fundingType === "project") where.push("0");
  }
  from += " LEFT JOIN countries ct ON ct.code = o.country";
  if (budget) from += ` LEFT JOIN ${budgetRates(fx)} AS br ON br.currency = o.annual_budget_currency`;
  if (d) from += " " + multiJoin(d);
  return { text: `FROM ${from}${where.length ? " WHERE " + where.join(" AND ") : ""}`, params };
};

/** Per-recipient award rows: the inputs of Gini, HHI, top-10% and the subset shares. */
const recipientsQuery = (f: EquityFilters, fx: FxTable): Sql => {
  const s = source("award", f, null, fx, true);
  const small = `(o.annual_budget_amount * br.cents) < ${SMALL_ORG_BUDGET_USD * 100}`;
  return {
    text: `SELECT a.org_id AS orgId, count(*) AS awards, coalesce(sum(a.amount_usd), 0) AS amount,
      coalesce(sum(CASE WHEN a.funding_type = 'core' THEN a.amount_usd END), 0) AS core,
      max(coalesce(ct.global_south, 0)) AS globalSouth,
      max(coalesce(o.legal_status IN ('unregistered', 'fiscally_sponsored', 'movement'), 0)) AS informal,
      max(coalesce(${small}, 0)) AS small,
      max((o.led_by >> ${LED_BY.indexOf("women")}) & 1) AS womenLed, max((o.led_by >> ${LED_BY.indexOf("youth")}) & 1) AS youthLed,
      sum(a.amount_usd IS NULL) AS unconverted
      ${s.text} GROUP BY a.org_id`,
    params: s.params,
  };
};

const groupQuery = (flow: Flow, d: Dimension, f: EquityFilters, fx: FxTable): Sql => {
  const s = source(flow, f, d, fx);
  const key = keyExpr(d, flow);
  if (flow === "award") return { text: `SELECT ${key} AS key, count(*) AS awards, count(DISTINCT a.org_id) AS recipients, coalesce(sum(a.amount_usd), 0) AS amount ${s.text} GROUP BY 1`, params: s.params };
  if (flow === "application") return { text: `SELECT ${key} AS key, count(*) AS applications, sum(ap.status = 'awarded') AS awarded, sum(ap.status IN ('awarded', 'declined')) AS decided ${s.text} GROUP BY 1`, params: s.params };
  return { text: `SELECT ${key} AS key, coalesce(sum(p.amount_usd), 0) AS amount, sum(p.kind = 'payment') AS payments, count(DISTINCT p.recipient_org_id) AS recipients ${s.text} GROUP BY 1`, params: s.params };
};

/** Distinct organisations per group across the three flows: what the k-rule counts. */
const orgsPerGroup = (d: Dimension | null, f: EquityFilters, fx: FxTable): Sql => {
  const parts = (["award", "application", "pledge"] as Flow[]).map((flow) => {
    const s = source(flow, f, d, fx);
    return { text: `SELECT ${d ? keyExpr(d, flow) : "'all'"} AS key, o.id AS org ${s.text}`, params: s.params };
  });
  return { text: `SELECT key, count(DISTINCT org) AS orgs FROM (${parts.map((p) => p.text).join(" UNION ")}) GROUP BY key`, params: parts.flatMap((p) => p.params) };
};

const totalsQuery = (f: EquityFilters, fx: FxTable): Sql[] => {
  const apps = source("application", f, null, fx);
  const pledges = source("pledge", f, null, fx);
  return [
    { text: `SELECT count(*) AS applications, sum(ap.status = 'awarded') AS awarded, sum(ap.status IN ('awarded', 'declined')) AS decided ${apps.text}`, params: apps.params },
    { text: `SELECT coalesce(sum(p.amount_usd), 0) AS amount, coalesce(sum(p.kind = 'payment'), 0) AS payments, count(DISTINCT p.recipient_org_id) AS recipients ${pledges.text}`, params: pledges.params },
  ];
};

export type RecipientRow = { orgId: string; awards: number; amount: number; core: number; globalSouth: number; informal: number; small: number; womenLed: number; youthLed: number; unconverted: number };
export type AwardGroupRow = { key: string; awards: number; recipients: number; amount: number };
export type AppGroupRow = { key: string; applications: number; awarded: number; decided: number };
export type PledgeGroupRow = { key: string; amount: number; payments: number; recipients: number };

/** Runs every query of one report in a single D1 batch (one round trip, one consistent snapshot). */
export const equityData = async (db: Db, f: EquityFilters, d: Dimension | null, fx: FxTable) => {
  const queries: Sql[] = [recipientsQuery(f, fx), orgsPerGroup(null, f, fx), ...totalsQuery(f, fx)];
  if (d) queries.push(groupQuery("award", d, f, fx), groupQuery("application", d, f, fx), groupQuery("pledge", d, f, fx), orgsPerGroup(d, f, fx));
  const d1 = db.$client;
  const results = await d1.batch(queries.map((q) => d1.prepare(q.text).bind(...q.params)));
  const rows = <T>(i: number) => (results[i]?.results ?? []) as T[];
  const [appTotals] = rows<{ applications: number; awarded: number | null; decided: number | null }>(2);
  const [pledgeTotals] = rows<{ amount: number; payments: number; recipients: number }>(3);
  return {
    recipients: rows<RecipientRow>(0),
    totalOrgs: rows<{ orgs: number }>(1)[0]?.orgs ?? 0,
    applications: { applications: appTotals?.applications ?? 0, awarded: appTotals?.awarded ?? 0, decided: appTotals?.decided ?? 0 },
    pledges: pledgeTotals ?? { amount: 0, payments: 0, recipients: 0 },
    groups: d
      ? { awards: rows<AwardGroupRow>(4), applications: rows<AppGroupRow>(5), pledges: rows<PledgeGroupRow>(6), orgs: rows<{ key: string; orgs: number }>(7) }
      : null,
  };
};

/** Names for the funder dimension's keys (only public funders have a key other than "undisclosed"). */
export const funderNames = async (db: Db, ids: string[]) => {
  const d1 = db.$client;
  const names: Record<string, string> = {};
  // D1 binds at most 100 parameters per statement.
  for (let i = 0; i < ids.length; i += 90) {
    const chunk = ids.slice(i, i + 90);
    const r = await d1.prepare(`SELECT id, name FROM orgs WHERE visibility = 'public' AND id IN (${chunk.map(() => "?").join(",")})`).bind(...chunk).all<{ id: string; name: string }>();
    for (const x of r.results) names[x.id] = x.name;
  }
  return names;
};
