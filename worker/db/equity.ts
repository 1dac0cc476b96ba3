// SQL aggregation for the equity report: one D1 batch, a handful of GROUP BY queries, so 30,000 awards
// and 100,000 applications reach the Worker as at most one row per recipient and one per group.
// Dimension expressions are constants of this file (never user input); filters are bound parameters.
import type { Db } from "./client";
import { packQuery, unpackCells } from "./packed";
import { LED_BY, THEMES, type Dimension, type FundingType } from "../../schema/enums";
import { minorUnitExponent } from "../domain/money";
import type { FxTable } from "../domain/fx";
import type { AfterAwardSums } from "../domain/equity";
import { SIZE_BANDS, SMALL_ORG_BUDGET_USD } from "../domain/size-bands";
import { CONFIDENTIAL_KEY } from "../domain/confidential";

// Re-exported because the rollup tests enumerate the dimensions from the SQL side.
/** Dimensions where one organisation can belong to several groups (groups overlap). */
export const MULTI_VALUED: Dimension[] = ["ledBy", "theme"];

export type EquityFilters = {
  from?: string;
  to?: string;
  funderOrgId?: string;
  callId?: string;
  fundingType?: FundingType;
  /**
   * A public funder's account for someone outside it: leave out what the funder gives in confidence
   * (confidential calls' awards and applications, anonymous pledges), so the filter singles none of it out.
   */
  publicOnly?: boolean;
};

/** The flow being grouped: awards, applications (with their call) and core-pledge payments. */
type Flow = "award" | "application" | "pledge";

// Where an organisation is, unless it is hidden: then it is "undisclosed" in every location dimension.
const located = (expr: string) =>
  `CASE WHEN o.visibility = 'hidden' THEN 'undisclosed' ELSE coalesce(${expr}, 'unknown') END`;

/** A small inline table (bit, name); SQLite names VALUES columns column1, column2. */
const BITS = (names: readonly string[]) =>
  `(SELECT column1 AS bit, column2 AS name FROM (VALUES ${names.map((n, i) => `(${i}, '${n}')`).join(", ")}))`;

/** Key expression per dimension and flow; multi-valued ones join a bit table aliased `b`. */
const keyExpr = (d: Dimension, flow: Flow, fx?: FxTable): string => {
  switch (d) {
    case "country":
      return located("o.country");
    case "region":
      return located("ct.un_region");
    case "incomeGroup":
      return located("ct.wb_income_group");
    case "civicSpace":
      return located("ct.civicus_rating");
    case "globalSouth":
      return `CASE WHEN o.visibility = 'hidden' THEN 'undisclosed' WHEN ct.global_south = 1 THEN 'global_south' ELSE 'global_north' END`;
    case "legalStatus":
      return "coalesce(o.legal_status, 'unknown')";
    case "setting":
      return "coalesce(o.setting, 'unknown')";
    // Like every organisation attribute, read from orgs at query time, never copied into org_equity: the
    // rollup holds only flows (awards, applications, payments), so a level re-derived from new evidence
    // changes the groups at once and needs no trigger. A level locates and names no one, so hidden
    // organisations keep theirs (as with legal status); the k-rule applies to its groups as to any.
    case "trustLevel":
      return "CAST(o.trust_level AS TEXT)";
    case "sizeBand": {
      // Budget in US cents at the latest rate; bands as SIZE_BANDS in worker/domain/size-bands.ts.
      const usd = budgetUsd(fx!);
      return `CASE WHEN ${usd} IS NULL THEN 'unknown' ${SIZE_BANDS.filter((b) => b.below !== Infinity)
        .map((b) => `WHEN ${usd} < ${b.below * 100} THEN '${b.key}'`)
        .join(" ")} ELSE '${SIZE_BANDS[SIZE_BANDS.length - 1].key}' END`;
    }
    case "ledBy":
    case "theme":
      return "coalesce(b.name, 'none')";
    case "fundingType":
      return flow === "award" ? "a.funding_type" : flow === "application" ? "c.funding_type" : "'core'";
    case "funder": {
      const id =
        flow === "award"
          ? "a.funder_org_id"
          : flow === "application"
            ? "c.funder_org_id"
            : "pl.funder_org_id";
      // A confidential call's awards and applications fold into one group that names no funder. For
      // awards, the IN list (the few confidential calls) is built once and probed per row, cheaper than
      // reading each award's call.
      const confidential =
        flow === "award"
          ? `a.call_id IN (SELECT id FROM calls WHERE confidential = 1)`
          : flow === "application"
            ? "c.confidential = 1"
            : "0";
      return `CASE WHEN ${id} IS NULL THEN 'individual' WHEN ${confidential} THEN '${CONFIDENTIAL_KEY}' WHEN (SELECT visibility FROM orgs fo WHERE fo.id = ${id}) = 'public' THEN ${id} ELSE 'undisclosed' END`;
    }
    case "year":
      return flow === "award"
        ? "substr(a.award_date, 1, 4)"
        : flow === "application"
          ? "substr(ap.submitted_at, 1, 4)"
          : "substr(p.at, 1, 4)";
  }
};

const multiJoin = (d: Dimension) =>
  d === "ledBy"
    ? `LEFT JOIN ${BITS(LED_BY)} AS b ON (o.led_by >> b.bit) & 1 = 1`
    : d === "theme"
      ? `LEFT JOIN ${BITS(THEMES)} AS b ON (o.themes >> b.bit) & 1 = 1`
      : "";

/**
 * The organisation's budget in US cents at each currency's latest rate, as one CASE expression (codes
 * are checked to be three capital letters and rates are numbers, so inlining is safe; binding ~150
 * pairs would pass D1's 100-parameter limit). A CASE, not a joined VALUES table: SQLite scans such a
 * table once per organisation, which tripled the report's SQL time.
 */
const budgetUsd = (fx: FxTable) => {
  const rows = [...fx.entries()]
    .filter(
      ([c, list]) => /^[A-Z]{3}$/.test(c) && list.length && Number.isFinite(list[list.length - 1].usdPerUnit),
    )
    .map(
      ([c, list]) =>
        `WHEN '${c}' THEN ${(list[list.length - 1].usdPerUnit * 100) / 10 ** minorUnitExponent(c)}`,
    );
  return rows.length
    ? `(o.annual_budget_amount * CASE o.annual_budget_currency ${rows.join(" ")} END)`
    : "NULL";
};

type Sql = { text: string; params: unknown[] };

/** Dimensions whose key is a property of the event (the award, the application's call, the payment), not of the organisation. */
const EVENT_DIMENSIONS: Dimension[] = ["fundingType", "funder", "year"];
const LOCATION_DIMENSIONS: Dimension[] = ["country", "region", "incomeGroup", "civicSpace", "globalSouth"];

/**
 * The report's filters on awards (alias `a`): which awards are "in the report". Non-cash awards (help,
 * not money: domain/offers.ts) are in none of the money figures; `nonCash` selects them instead, for
 * their own count.
 */
const awardFilters = (f: EquityFilters, nonCash = false) => {
  const where: string[] = [nonCash ? "a.funding_type = 'non_cash'" : "a.funding_type <> 'non_cash'"];
  const params: unknown[] = [];
  const add = (cond: string, value: unknown) => {
    where.push(cond);
    params.push(value);
  };
  if (f.from) add("a.award_date >= ?", f.from);
  if (f.to) add("a.award_date <= ?", f.to);
  if (f.funderOrgId) add("a.funder_org_id = ?", f.funderOrgId);
  if (f.callId) add("a.call_id = ?", f.callId);
  if (f.fundingType) add("a.funding_type = ?", f.fundingType);
  if (f.publicOnly) where.push(`a.call_id NOT IN (${CONFIDENTIAL_CALLS})`);
  return { where, params };
};

/** The event's part of the group key (`''` when the grouping is by organisation or there is none). */
const eventKeyOf = (d: Dimension | null, flow: Flow) =>
  d && EVENT_DIMENSIONS.includes(d) ? keyExpr(d, flow) : "''";

/**
 * One flow aggregated per organisation (and per event key for event dimensions), filters applied on the
 * event tables alone. Aggregating before joining organisations keeps every later join to one row per
 * organisation, however many applications there are.
 */
const perOrg = (flow: Flow, f: EquityFilters, d: Dimension | null): Sql => {
  const params: unknown[] = [];
  const where: string[] = [];
  const add = (cond: string, ...values: unknown[]) => {
    where.push(cond);
    params.push(...values);
  };
  const eventKey = eventKeyOf(d, flow);
  let from: string;
  let select: string;
  let org: string;
  if (flow === "award") {
    from = "awards a";
    org = "a.org_id";
    select =
      "count(*) AS aw, coalesce(sum(a.amount_usd), 0) AS amount, 0 AS apps, 0 AS awarded, 0 AS decided, 0 AS pledged, 0 AS payments";
    const filters = awardFilters(f);
    where.push(...filters.where);
    params.push(...filters.params);
  } else if (flow === "application") {
    const needsCall = !!(
      f.funderOrgId ||
      f.fundingType ||
      f.publicOnly ||
      d === "fundingType" ||
      d === "funder"
    );
    from = needsCall ? "applications ap JOIN calls c ON c.id = ap.call_id" : "applications ap";
    org = "ap.org_id";
    select = "0, 0, count(*), sum(ap.status = 'awarded'), sum(ap.status IN ('awarded', 'declined')), 0, 0";
    // Applications for non-cash offers are out of the success rates and adverse-impact ratios, like their
    // awards; the few non-cash calls form an IN list built once (no join to calls per application).
    where.push(
      "ap.submitted_at IS NOT NULL",
      "ap.status <> 'withdrawn'",
      `ap.call_id NOT IN (${NON_CASH_CALLS})`,
    );
    if (f.from) add("ap.submitted_at >= ?", f.from);
    if (f.to) add("ap.submitted_at < date(?, '+1 day')", f.to);
    if (f.funderOrgId) add("c.funder_org_id = ?", f.funderOrgId);
    if (f.callId) add("ap.call_id = ?", f.callId);
    if (f.fundingType) add("c.funding_type = ?", f.fundingType);
    if (f.publicOnly) where.push("c.confidential = 0");
  } else {
    const needsPledge = !!(f.funderOrgId || f.publicOnly || d === "funder");
    from = needsPledge ? "payments p JOIN pledges pl ON pl.id = p.pledge_id" : "payments p";
    org = "p.recipient_org_id";
    select = "0, 0, 0, 0, 0, coalesce(sum(p.amount_usd), 0), sum(p.kind = 'payment')";
    if (f.from) add("p.at >= ?", f.from);
    if (f.to) add("p.at < date(?, '+1 day')", f.to);
    if (f.funderOrgId) add("pl.funder_org_id = ?", f.funderOrgId);
    if (f.publicOnly) where.push("pl.anonymous = 0");
    // Pledges belong to no call, and are core support.
    if (f.callId || (f.fundingType && f.fundingType !== "core")) where.push("0");
  }
  // Grouping by the organisation alone (no event key) lets SQLite walk the covering index in order.
  const groupBy = eventKey === "''" ? "1" : "1, 2";
  return {
    text: `SELECT ${org} AS org_id, ${eventKey} AS ek, ${select} FROM ${from}${where.length ? " WHERE " + where.join(" AND ") : ""} GROUP BY ${groupBy}`,
    params,
  };
};

/**
 * Whether the per-organisation rollup (org_equity, kept by triggers) can answer: no filter, and no
 * grouping by a property of the events. Then every query below reads 10,000 rows, not 140,000 events.
 */
const rollupServes = (f: EquityFilters, d: Dimension | null) =>
  !f.from && !f.to && !f.funderOrgId && !f.callId && !f.fundingType && (!d || !EVENT_DIMENSIONS.includes(d));

/**
 * The years a period covers when it is made of whole calendar years (from absent or 1 January, to absent
 * or 31 December), else null. The events compare dates (awards `award_date <= to`, applications and
 * payments `< date(to, '+1 day')`), which for whole years is comparing years; 9999-12-31 is left to the
 * events, whose `date(to, '+1 day')` has no answer there.
 */
const wholeYears = (f: EquityFilters): { from?: string; to?: string } | null => {
  if (f.from && !/^\d{4}-01-01$/.test(f.from)) return null;
  if (f.to && (!/^\d{4}-12-31$/.test(f.to) || f.to.startsWith("9999"))) return null;
  return { from: f.from?.slice(0, 4), to: f.to?.slice(0, 4) };
};

/** Where the report's flows are read from; `equityData` picks the cheapest that answers exactly. */
export type EquitySource = "org_equity" | "by_funder" | "events";
/**
 * org_equity for the unfiltered report; org_equity_by_funder (keyed by year, funder, funding type and
 * secrecy) for whole years, a funder, a funding type, a public account and the event dimensions; the
 * events for a call (calls are not in the rollup's key: 2,000 calls would cut it as finely as the events)
 * or a period that starts or ends inside a year.
 */
export const equitySource = (f: EquityFilters, d: Dimension | null): EquitySource =>
  rollupServes(f, d) ? "org_equity" : !f.callId && wholeYears(f) ? "by_funder" : "events";

/** The funder dimension's key from org_equity_by_funder's columns, as keyExpr("funder") gives it from the events. */
const BY_FUNDER_FUNDER = `CASE WHEN r.funder_org_id = '' THEN 'individual' WHEN r.secrecy = 1 THEN '${CONFIDENTIAL_KEY}' WHEN (SELECT visibility FROM orgs fo WHERE fo.id = r.funder_org_id) = 'public' THEN r.funder_org_id ELSE 'undisclosed' END`;

/** The filters as conditions on org_equity_by_funder's key (`r`); recipients read only keys with awards. */
const byFunderWhere = (f: EquityFilters, rows: "events" | "awards") => {
  const years = wholeYears(f)!;
  // A key without awards holds no award money (a key's award rows cancel out only when all its awards
  // have gone), so recipients read only keys with awards, from their partial covering index.
  const where = ["r.funding_type <> 'non_cash'", ...(rows === "awards" ? ["r.awards <> 0"] : [])];
  const params: unknown[] = [];
  const add = (cond: string, value: unknown) => {
    where.push(cond);
    params.push(value);
  };
  if (years.from) add("r.year >= ?", years.from);
  if (years.to) add("r.year <= ?", years.to);
  if (f.funderOrgId) add("r.funder_org_id = ?", f.funderOrgId);
  if (f.fundingType) add("r.funding_type = ?", f.fundingType);
  // Confidential calls' awards and applications, anonymous pledges' payments.
  if (f.publicOnly) where.push("r.secrecy = 0");
  return { where: where.join(" AND "), params };
};

/** An event dimension's key from org_equity_by_funder's columns, as keyExpr gives it from the events. */
const byFunderKey = (d: Dimension | null) =>
  !d || !EVENT_DIMENSIONS.includes(d)
    ? "''"
    : d === "funder"
      ? BY_FUNDER_FUNDER
      : d === "year"
        ? "r.year"
        : "r.funding_type";

/**
 * The flows per organisation (and event key) from org_equity_by_funder: the filters select whole keys,
 * and each organisation's rows are summed before any grouping, so the k-rule still counts distinct
 * organisations. `rows`: organisations with any event, or recipients of an award (with the core and
 * unconverted columns recipientsQuery reads). Non-cash offers are kept under their own funding type.
 */
const fromByFunder = (f: EquityFilters, d: Dimension | null, rows: "events" | "awards"): Sql => {
  const { where, params } = byFunderWhere(f, rows);
  const ek = rows === "awards" ? "''" : byFunderKey(d);
  const detail = rows === "awards" ? "sum(r.core) AS core, sum(r.unconverted) AS unconverted, " : "";
  // As in perOrg: grouping by the organisation alone walks the key in order, with no sort; so does
  // (organisation, year), the key's first two columns.
  return {
    text: `SELECT r.org_id AS org_id, ${ek} AS ek, sum(r.awards) AS aw, ${detail}sum(r.amount) AS amount, sum(r.applications) AS apps,
      sum(r.awarded) AS awarded, sum(r.decided) AS decided, sum(r.pledged) AS pledged, sum(r.payments) AS payments
      FROM org_equity_by_funder r WHERE ${where} GROUP BY ${ek === "''" ? "1" : "1, 2"} HAVING sum(r.${rows}) > 0`,
    params,
  };
};

/**
 * Groups by funder or funding type straight from org_equity_by_funder's rows, without summing each
 * organisation first: (organisation, funder) pairs are about as many as the rows, and sorting them was
 * 40% of the query at 1×. Exact because no row holds a negative count: an organisation is in a group when
 * one of its rows there has events (awards, payments for the recipients' counts), and sums add alike.
 */
const byFunderGroups = (f: EquityFilters, d: Dimension): Sql => {
  const { where, params } = byFunderWhere(f, "events");
  const some = (c: string) => `count(DISTINCT CASE WHEN r.${c} > 0 THEN r.org_id END)`;
  return {
    text: `SELECT ${byFunderKey(d)} AS key, ${some("events")} AS orgs, ${some("awards")} AS recipients, sum(r.awards) AS awards,
      sum(r.amount) AS amount, sum(r.applications) AS applications, sum(r.awarded) AS awarded, sum(r.decided) AS decided,
      sum(r.pledged) AS pledged, sum(r.payments) AS payments, ${some("payments")} AS pledgeRecipients
      FROM org_equity_by_funder r WHERE ${where} GROUP BY 1 HAVING ${some("events")} > 0`,
    params,
  };
};

const NON_CASH_CALLS = "SELECT id FROM calls WHERE funding_type = 'non_cash'";
const CONFIDENTIAL_CALLS = "SELECT id FROM calls WHERE confidential = 1";
/**
 * What the rollup's triggers counted for non-cash offers, per organisation, to be taken back out: their
 * awards (0 US cents, so amounts need no correction) and applications. Starts from the few non-cash calls.
 */
const NON_CASH_COUNTED = `SELECT ap.org_id AS org_id, count(a.id) AS aw,
    sum(ap.submitted_at IS NOT NULL AND ap.status <> 'withdrawn') AS apps,
    sum(ap.submitted_at IS NOT NULL AND ap.status = 'awarded') AS awarded,
    sum(ap.submitted_at IS NOT NULL AND ap.status IN ('awarded', 'declined')) AS decided
  FROM calls c CROSS JOIN applications ap ON ap.call_id = c.id LEFT JOIN awards a ON a.application_id = ap.id
  WHERE c.funding_type = 'non_cash' GROUP BY ap.org_id`;
const fromRollup = (rows: "events" | "awards", extra = ""): Sql => {
  const aw = "r.awards - coalesce(n.aw, 0)";
  const apps = "r.applications - coalesce(n.apps, 0)";
  return {
    text: `SELECT r.org_id AS org_id, '' AS ek, ${aw} AS aw, r.amount AS amount, ${apps} AS apps,
      r.awarded - coalesce(n.awarded, 0) AS awarded, r.decided - coalesce(n.decided, 0) AS decided,
      r.pledged AS pledged, r.payments AS payments${extra}
      FROM org_equity r LEFT JOIN (${NON_CASH_COUNTED}) n ON n.org_id = r.org_id
      WHERE ${rows === "events" ? `r.events - coalesce(n.aw, 0) - coalesce(n.apps, 0) > 0` : `${aw} > 0`}`,
    params: [],
  };
};

/**
 * Consortium awards split by share (partnerPart in worker/domain/consortium.ts: partners rounded down,
 * the lead keeps the rest): each partner's part as a row of its own, one award to it so it counts as a
 * recipient, and the same parts taken off the lead. Starts from the few partner rows; the rollup gets
 * the same moves when the award is made (splitAwardIf in worker/db/partners.ts). `detail`: with the
 * core and unconverted columns in the order recipientsQuery's award rows have them.
 */
const shareFlow = (f: EquityFilters, d: Dimension | null, detail: boolean): Sql => {
  const filters = awardFilters(f);
  const ek = eventKeyOf(d, "award");
  const part = "(a.amount_usd * p.share_percent / 100)";
  const where = filters.where.length ? ` WHERE ${filters.where.join(" AND ")}` : "";
  const from = `application_partners p CROSS JOIN awards a ON a.application_id = p.application_id${where}`;
  const rows = (org: string, sign: string, aw: string, unconverted: string) => {
    const core = `${sign}coalesce(sum(CASE WHEN a.funding_type = 'core' THEN ${part} END), 0) AS core, ${unconverted} AS unconverted, `;
    return `SELECT ${org} AS org_id, ${ek} AS ek, ${aw} AS aw, ${detail ? core : ""}${sign}coalesce(sum(${part}), 0) AS amount, 0 AS apps, 0 AS awarded, 0 AS decided, 0 AS pledged, 0 AS payments FROM ${from} GROUP BY 1, 2`;
  };
  return {
    text: `${rows("p.org_id", "", "count(*)", "sum(a.amount_usd IS NULL)")} UNION ALL ${rows("a.org_id", "-", "0", "0")}`,
    params: [...filters.params, ...filters.params],
  };
};

/** All three flows, one row per organisation (and event key): the base of every figure below. */
const combined = (f: EquityFilters, d: Dimension | null, source: EquitySource): Sql => {
  if (source === "org_equity") return fromRollup("events");
  if (source === "by_funder") return fromByFunder(f, d, "events");
  const parts = [
    ...(["award", "application", "pledge"] as Flow[]).map((flow) => perOrg(flow, f, d)),
    shareFlow(f, d, false),
  ];
  return {
    text: `SELECT org_id, ek, sum(aw) AS aw, sum(amount) AS amount, sum(apps) AS apps, sum(awarded) AS awarded, sum(decided) AS decided, sum(pledged) AS pledged, sum(payments) AS payments FROM (${parts.map((p) => p.text).join(" UNION ALL ")}) GROUP BY org_id, ek`,
    params: parts.flatMap((p) => p.params),
  };
};

/**
 * How rows of organisations (`x.org_id`, with the event's key in `x.ek`) find their group: the key
 * expression and the joins it needs. Every per-group query goes through here, so they group alike.
 */
const grouping = (d: Dimension | null, fx: FxTable) => {
  if (!d) return { key: "'all'", joins: "" };
  if (EVENT_DIMENSIONS.includes(d)) return { key: "x.ek", joins: "" };
  let joins = "JOIN orgs o ON o.id = x.org_id";
  if (LOCATION_DIMENSIONS.includes(d)) joins += " LEFT JOIN countries ct ON ct.code = o.country";
  joins += " " + multiJoin(d);
  return { key: keyExpr(d, "award", fx), joins };
};

/** Figures per group: organisations (for the k-rule), recipients, awards, amounts, applications, pledges. */
const groupQuery = (d: Dimension | null, f: EquityFilters, fx: FxTable, source: EquitySource): Sql => {
  if (source === "by_funder" && (d === "funder" || d === "fundingType")) return byFunderGroups(f, d);
  const base = combined(f, d, source);
  const { key, joins } = grouping(d, fx);
  return {
    text: `SELECT ${key} AS key, count(DISTINCT x.org_id) AS orgs, count(DISTINCT CASE WHEN x.aw > 0 THEN x.org_id END) AS recipients, sum(x.aw) AS awards, sum(x.amount) AS amount,
      sum(x.apps) AS applications, sum(x.awarded) AS awarded, sum(x.decided) AS decided, sum(x.pledged) AS pledged, sum(x.payments) AS payments,
      count(DISTINCT CASE WHEN x.payments > 0 THEN x.org_id END) AS pledgeRecipients
      FROM (${base.text}) x ${joins} GROUP BY 1`,
    params: base.params,
  };
};

/** Award rows per recipient with the consortium shares moved (same columns, by position). */
const withShares = (award: Sql, shares: Sql): Sql => ({
  text: `SELECT org_id, ek, sum(aw) AS aw, sum(core) AS core, sum(unconverted) AS unconverted, sum(amount) AS amount FROM (${award.text} UNION ALL ${shares.text}) GROUP BY org_id, ek`,
  params: [...award.params, ...shares.params],
});

/** Per-recipient award rows: the inputs of Gini, HHI, top-10% and the subset shares. */
const recipientsQuery = (f: EquityFilters, fx: FxTable, source: EquitySource): Sql => {
  const award = perOrg("award", f, null);
  const core =
    source === "org_equity"
      ? fromRollup("awards", ", r.core AS core, r.unconverted AS unconverted")
      : source === "by_funder"
        ? fromByFunder(f, null, "awards")
        : withShares(
            {
              ...award,
              text: award.text.replace(
                "count(*) AS aw",
                "count(*) AS aw, coalesce(sum(CASE WHEN a.funding_type = 'core' THEN a.amount_usd END), 0) AS core, sum(a.amount_usd IS NULL) AS unconverted",
              ),
            },
            shareFlow(f, null, true),
          );
  return {
    text: `SELECT x.org_id AS orgId, x.aw AS awards, x.amount AS amount, x.core AS core, x.unconverted AS unconverted,
      coalesce(ct.global_south, 0) AS globalSouth,
      coalesce(o.legal_status IN ('unregistered', 'fiscally_sponsored', 'movement'), 0) AS informal,
      coalesce(${budgetUsd(fx)} < ${SMALL_ORG_BUDGET_USD * 100}, 0) AS small,
      (o.led_by >> ${LED_BY.indexOf("women")}) & 1 AS womenLed, (o.led_by >> ${LED_BY.indexOf("youth")}) & 1 AS youthLed
      FROM (${core.text}) x JOIN orgs o ON o.id = x.org_id LEFT JOIN countries ct ON ct.code = o.country`,
    params: core.params,
  };
};

/**
 * After the award, for the awards in the report, overall (`g` = 0) and per group (`g` = 1): how many have
 * been disbursed to, US cents disbursed and received, sent and received over confirmed receipts only, and
 * the median days from the award to its first disbursement. Read from the events, never from the rollup
 * (its triggers do not follow disbursements). The scan starts from disbursements (CROSS JOIN fixes
 * SQLite's join order): with none, it reads nothing however many awards there are; otherwise each
 * disbursement finds its award by primary key and the filters apply to that award.
 */
const afterAwardQuery = (d: Dimension | null, f: EquityFilters, fx: FxTable): Sql => {
  const filters = awardFilters(f);
  const { key, joins } = grouping(d, fx);
  // The money shares are read against the amount awarded, which leaves out awards without a USD value,
  // so their disbursements are left out too; losses and waits do not depend on the award's value.
  const perAward = `SELECT a.org_id AS org_id, ${eventKeyOf(d, "award")} AS ek,
      julianday(min(d.sent_on)) - julianday(a.award_date) AS days,
      CASE WHEN a.amount_usd IS NOT NULL THEN sum(d.amount_usd) END AS sent,
      CASE WHEN a.amount_usd IS NOT NULL THEN sum(r.amount_usd) END AS received,
      sum(CASE WHEN r.amount_usd IS NOT NULL THEN d.amount_usd END) AS confirmedSent,
      sum(CASE WHEN d.amount_usd IS NOT NULL THEN r.amount_usd END) AS confirmedReceived
    FROM disbursements d CROSS JOIN awards a ON a.id = d.award_id LEFT JOIN receipts r ON r.disbursement_id = d.id
    ${filters.where.length ? "WHERE " + filters.where.join(" AND ") : ""} GROUP BY a.id`;
  const cols = "x.days, x.sent, x.received, x.confirmedSent, x.confirmedReceived";
  // Overall rows are taken before the group joins: an award in two overlapping groups counts once in them.
  const keyed =
    `SELECT 0 AS g, 'all' AS key, ${cols} FROM x` +
    (d ? ` UNION ALL SELECT 1, ${key}, ${cols} FROM x ${joins}` : "");
  // Awards are first counted per group and day (a histogram), then the median is read off running
  // counts: the mean of the days at the middle positions (n + 1) / 2 and (n + 2) / 2, one position when n
  // is odd. Sorting days per group instead took twice the time at 30,000 disbursements.
  const at = (p: string) => `min(CASE WHEN upto - c < ${p} AND ${p} <= upto THEN days END)`;
  return {
    text: `WITH x AS (${perAward}),
      h AS (SELECT g, key, days, count(*) AS c, sum(sent) AS sent, sum(received) AS received,
        sum(confirmedSent) AS confirmedSent, sum(confirmedReceived) AS confirmedReceived
        FROM (${keyed}) GROUP BY g, key, days)
      SELECT g, key, sum(c) AS disbursedAwards, coalesce(sum(sent), 0) AS disbursed, coalesce(sum(received), 0) AS received,
        coalesce(sum(confirmedSent), 0) AS confirmedSent, coalesce(sum(confirmedReceived), 0) AS confirmedReceived,
        (${at("(n + 1) / 2")} + ${at("(n + 2) / 2")}) / 2.0 AS medianDays
      FROM (SELECT h.*, sum(c) OVER (PARTITION BY g, key ORDER BY days) AS upto, sum(c) OVER (PARTITION BY g, key) AS n FROM h)
      GROUP BY g, key`,
    params: filters.params,
  };
};

/**
 * How many of the report's awards come from confidential calls, and to how many organisations (for the
 * k-rule). Starts from the calls (CROSS JOIN fixes the order): a confidential call's applications by the
 * call's index, each one's award by its unique application id, so the cost follows the confidential calls,
 * not the 30,000 awards.
 */
export const confidentialQuery = (f: EquityFilters): Sql => {
  const filters = awardFilters(f);
  return {
    text: `SELECT count(*) AS awards, count(DISTINCT a.org_id) AS orgs
      FROM calls c CROSS JOIN applications ap ON ap.call_id = c.id CROSS JOIN awards a ON a.application_id = ap.id
      WHERE c.confidential = 1${filters.where.map((w) => ` AND ${w}`).join("")}`,
    params: filters.params,
  };
};

/**
 * Non-cash awards in the report's period (and of its funder or call), per kind of offer and overall
 * (kind 'all'), with the organisations that got them for the k-rule. A money funding type selects none.
 */
export const nonCashQuery = (f: EquityFilters): Sql => {
  const filters = awardFilters(f, true);
  const where = [...filters.where, ...(f.fundingType && f.fundingType !== "non_cash" ? ["0"] : [])];
  const from = `FROM calls c CROSS JOIN applications ap ON ap.call_id = c.id CROSS JOIN awards a ON a.application_id = ap.id
      WHERE c.funding_type = 'non_cash' AND ${where.join(" AND ")}`;
  return {
    text: `SELECT coalesce(c.offer_what, 'unknown') AS kind, count(*) AS awards, count(DISTINCT a.org_id) AS orgs ${from} GROUP BY 1
      UNION ALL SELECT 'all', count(*), count(DISTINCT a.org_id) ${from}`,
    params: [...filters.params, ...filters.params],
  };
};

export type RecipientRow = {
  orgId: string;
  awards: number;
  amount: number;
  core: number;
  globalSouth: number;
  informal: number;
  small: number;
  womenLed: number;
  youthLed: number;
  unconverted: number;
};
const RECIPIENT_KEYS: (keyof RecipientRow)[] = [
  "orgId",
  "awards",
  "amount",
  "core",
  "unconverted",
  "globalSouth",
  "informal",
  "small",
  "womenLed",
  "youthLed",
];
/** Up to one row per recipient (10,000 at the benchmark's scale) cross from D1 in a few JSON cells (see worker/db/packed.ts). */
const packRecipients = (q: Sql): Sql => ({
  text: packQuery(`SELECT json_array(${RECIPIENT_KEYS.join(", ")}) AS j FROM (${q.text})`),
  params: q.params,
});
export type GroupRow = {
  key: string;
  orgs: number;
  recipients: number;
  awards: number;
  amount: number;
  applications: number;
  awarded: number;
  decided: number;
  pledged: number;
  payments: number;
  pledgeRecipients: number;
};

/**
 * Runs every query of one report in a single D1 batch (one round trip, one consistent snapshot).
 * `useRollup: false` forces the event aggregation, `source` a given source (tests compare them).
 */
export const equityData = async (
  db: Db,
  f: EquityFilters,
  d: Dimension | null,
  fx: FxTable,
  { useRollup = true, source }: { useRollup?: boolean; source?: EquitySource } = {},
) => {
  const from = source ?? (useRollup ? equitySource(f, d) : "events");
  const queries: Sql[] = [
    packRecipients(recipientsQuery(f, fx, from)),
    groupQuery(null, f, fx, from),
    afterAwardQuery(d, f, fx),
    confidentialQuery(f),
    nonCashQuery(f),
  ];
  if (d) queries.push(groupQuery(d, f, fx, from));
  const d1 = db.$client;
  const results = await d1.batch(queries.map((q) => d1.prepare(q.text).bind(...q.params)));
  const rows = <T>(i: number) => (results[i]?.results ?? []) as T[];
  const zero: GroupRow = {
    key: "all",
    orgs: 0,
    recipients: 0,
    awards: 0,
    amount: 0,
    applications: 0,
    awarded: 0,
    decided: 0,
    pledged: 0,
    payments: 0,
    pledgeRecipients: 0,
  };
  const after = rows<AfterAwardSums & { g: 0 | 1; key: string }>(2);
  return {
    recipients: unpackCells<RecipientRow>(rows<{ cell: string | null }>(0), RECIPIENT_KEYS),
    totals: rows<GroupRow>(1)[0] ?? zero,
    groups: d ? rows<GroupRow>(5) : null,
    /** Non-cash awards per kind of offer, and 'all'. */
    nonCash: rows<{ kind: string; awards: number; orgs: number }>(4),
    /** Awards of confidential calls among the report's, and the organisations that got them. */
    confidential: rows<{ awards: number; orgs: number }>(3)[0] ?? { awards: 0, orgs: 0 },
    /** Overall, and per group key; absent where no award has a disbursement yet. */
    afterAward: {
      totals: after.find((r) => r.g === 0),
      groups: new Map(after.filter((r) => r.g === 1).map((r) => [r.key, r])),
    },
  };
};

/** Names for the funder dimension's keys (only public funders have a key other than "undisclosed"). */
export const funderNames = async (db: Db, ids: string[]) => {
  const d1 = db.$client;
  const names: Record<string, string> = {};
  // D1 binds at most 100 parameters per statement.
  for (let i = 0; i < ids.length; i += 90) {
    const chunk = ids.slice(i, i + 90);
    const r = await d1
      .prepare(
        `SELECT id, name FROM orgs WHERE visibility = 'public' AND id IN (${chunk.map(() => "?").join(",")})`,
      )
      .bind(...chunk)
      .all<{ id: string; name: string }>();
    for (const x of r.results) names[x.id] = x.name;
  }
  return names;
};
