// Ranking in SQL: eligibility and the score as SQL expressions, so SQLite orders every candidate and only
// one page of ids crosses into the Worker. "Organisations for this call" reads the per-organisation
// profile org_match (kept by triggers, schema/matching.ts); "calls for us" reads the open calls.
//
// The expressions are the ones of worker/domain/matching/fast.ts, written in the same order of floating-
// point operations, with every non-integer constant bound as a parameter (never parsed from SQL text):
// SQLite and JavaScript both compute in IEEE doubles, so the same operations give the same bits and the
// two rankings agree exactly, ties included (tests/routes/match-rank.test.ts compares them on 2,000
// pairs). Money is converted at the day's rate inside the query (the `fx` CTE mirrors `rateOn`).
import type { Db } from "./client";
import { SETTINGS, THEMES } from "../../schema/enums";
import { EXPONENTS } from "../domain/money";
import { BASIS_CURRENCY } from "../domain/fx";
import { SIZE_BANDS } from "../domain/size-bands";
import {
  CIVIC,
  EQUITY_WEIGHTS,
  INCOME,
  INFORMAL,
  LESS_FUNDED_HALF_USD,
  RURAL,
  WEIGHTS,
  type CallCriteria,
  type PreparedCall,
  type PreparedOrg,
} from "../domain/matching";

/** A statement being written: its text and positional parameters, added as they are used. */
class Statement {
  readonly params: unknown[] = [];
  /** A numbered placeholder for a value (numbers keep their exact bits this way); text may use it anywhere. */
  p(v: unknown) {
    this.params.push(v);
    return `?${this.params.length}`;
  }
  /** A list as one parameter (D1 binds at most 100 per statement; a call may name many countries). */
  list(values: readonly string[]) {
    return `SELECT value FROM json_each(${this.p(JSON.stringify(values))})`;
  }
  /** Integers are written inline (exact in any notation); other numbers are bound. */
  num(v: number) {
    return Number.isInteger(v) ? String(v) : this.p(v);
  }
}

/** Our own constants (enum values, currency codes) written inline, after checking they are plain words. */
const lit = (v: string) => {
  if (!/^[A-Za-z_]+$/.test(v)) throw new Error(`not a plain constant: ${v}`);
  return `'${v}'`;
};

const bits = (mask: number, count: number) =>
  Array.from({ length: count }, (_, b) => b).filter((b) => mask & (1 << b));
/** How many of `mask`'s bits are set in the SQL integer `col` (SQLite has no popcount). */
const bitCount = (col: string, mask: number, count: number) => {
  const set = bits(mask, count);
  return set.length ? `(${set.map((b) => `((${col} >> ${b}) & 1)`).join(" + ")})` : "0";
};

/** The rate in force on `day` for each currency (`rateOn`: the latest on or before, else the earliest), and its minor-unit divisor. */
const fxCte = (s: Statement, day: string) => {
  const odd = Object.entries(EXPONENTS);
  const pow = `CASE r.currency ${odd.map(([c, e]) => `WHEN ${lit(c)} THEN ${10 ** e}`).join(" ")} ELSE 100 END`;
  return `fx AS MATERIALIZED (SELECT r.currency AS cur, r.usd_per_unit AS rate, ${pow} AS pow FROM fx_rates r
    WHERE r.as_of = coalesce((SELECT max(x.as_of) FROM fx_rates x WHERE x.currency = r.currency AND x.as_of <= ${s.p(day)}),
      (SELECT min(x.as_of) FROM fx_rates x WHERE x.currency = r.currency)))`;
};

/** `toUsdCents` of an amount column in a currency column, joined to `fx` on that currency. */
const usdCents = (amount: string, currency: string) =>
  `CASE WHEN ${amount} IS NULL OR coalesce(${currency}, '') = '' THEN NULL WHEN ${currency} = ${lit(BASIS_CURRENCY)} THEN ${amount} ELSE round((${amount} * 1.0 / fx.pow) * fx.rate * 100) END`;

const caseOf = (s: Statement, col: string, table: Record<string, number>) =>
  `CASE ${col} ${Object.entries(table)
    .map(([k, v]) => `WHEN ${lit(k)} THEN ${s.num(v)}`)
    .join(" ")} ELSE 0 END`;

/** `equityFactors(...)` weighted: WEIGHTS.equity × (points ÷ total), points summed in the same order. */
const equityPoints = (s: Statement, bu: string) => {
  const small = `CASE WHEN ${bu} IS NULL THEN 0 ${SIZE_BANDS.filter((b) => Number.isFinite(b.below))
    .map((b) => `WHEN ${bu} < ${b.below * 100} THEN ${s.num(b.smallFactor)}`)
    .join(" ")} ELSE ${s.num(SIZE_BANDS.at(-1)!.smallFactor)} END`;
  const factors: Record<keyof typeof EQUITY_WEIGHTS, string> = {
    small,
    informal: caseOf(s, "m.legal_status", INFORMAL),
    rural: caseOf(s, "m.setting", RURAL),
    lowIncomeCountry: caseOf(s, "m.income_group", INCOME),
    closedCivicSpace: caseOf(s, "m.civic_space", CIVIC),
    lessFunded: `1.0 / (1 + m.funding_received_usd * 1.0 / ${LESS_FUNDED_HALF_USD * 100})`,
  };
  const total = Object.values(EQUITY_WEIGHTS).reduce((a, b) => a + b, 0);
  const points = (Object.keys(EQUITY_WEIGHTS) as (keyof typeof EQUITY_WEIGHTS)[])
    .map((k) => `(${factors[k]}) * ${EQUITY_WEIGHTS[k]}`)
    .join(" + ");
  return `${WEIGHTS.equity} * ((${points}) * 1.0 / ${total})`;
};

const rawScore = (prio: string, themes: string, language: string, equity: string) =>
  `${WEIGHTS.priorities} * (${prio}) + ${WEIGHTS.themes} * (${themes}) + ${WEIGHTS.language} * (${language}) + ${equity}`;

type Page = { limit: number; offset: number };

/** Runs `SELECT id, eligible, raw` over the materialised CTE `ranked`: one page, then a row of totals. */
const runRanked = async (db: Db, s: Statement, ctes: string, page: Page) => {
  const text = `WITH ${ctes}
    SELECT * FROM (SELECT id, eligible, raw FROM ranked ORDER BY eligible DESC, raw DESC, id LIMIT ${s.p(page.limit)} OFFSET ${s.p(page.offset)})
    UNION ALL SELECT NULL, coalesce(sum(eligible), 0), count(*) FROM ranked`;
  const rows = (
    await db.$client
      .prepare(text)
      .bind(...s.params)
      .raw<[string | null, number, number]>()
  ).map(([id, eligible, raw]) => ({ id, eligible, raw }));
  const totals = rows.find((r) => r.id === null)!;
  const items = rows
    .filter((r): r is { id: string; eligible: number; raw: number } => r.id !== null)
    .map((r) => ({ id: r.id, eligible: !!r.eligible, rawScore: r.raw }));
  return { items, total: totals.raw, eligibleCount: totals.eligible };
};

/**
 * The organisations eligible for a call, best first (then id): one page of ids and scores, and how
 * many there are. `minLevel` is the funder's own narrowing (not a rule of the call).
 */
export const rankOrgsForCall = async (
  db: Db,
  call: CallCriteria,
  prepared: PreparedCall,
  day: string,
  page: Page & { minLevel?: number },
) => {
  const s = new Statement();
  const e = call.eligibility;
  const fx = fxCte(s, day);
  const bu = usdCents("m.budget_amount", "m.budget_currency");
  const where: string[] = [];
  if (e.countries?.length) where.push(`m.country IN (${s.list(e.countries)})`);
  if (e.globalSouthOnly) where.push("m.global_south = 1");
  if (e.legalStatuses.length) where.push(`m.legal_status IN (${s.list(e.legalStatuses)})`);
  if (prepared.requiredLedBy)
    where.push(`(m.led_by & ${prepared.requiredLedBy}) = ${prepared.requiredLedBy}`);
  const minLevel = Math.max(e.minTrustLevel, page.minLevel ?? 0);
  if (minLevel > 0) where.push(`m.trust_level >= ${minLevel}`);
  // The ceiling compares the budget at today's rate: undefined means none, null that it cannot be converted.
  const ceiling =
    prepared.ceilingUsd === undefined
      ? "1"
      : prepared.ceilingUsd === null
        ? "0"
        : `bu <= ${prepared.ceilingUsd}`;
  const prioSettings = SETTINGS.filter((_, i) => prepared.prioSettings & (1 << i));
  const met = [
    `((m.led_by & ${prepared.prioLedBy}) <> 0)`,
    prioSettings.length ? `coalesce(m.setting IN (${prioSettings.map(lit).join(", ")}), 0)` : "0",
    `((m.themes & ${prepared.prioThemes}) <> 0)`,
  ].join(" + ");
  const prio = prepared.prioCount ? `(${met}) * 1.0 / ${prepared.prioCount}` : "1";
  const themes = prepared.themeCount
    ? `${bitCount("m.themes", prepared.themes, THEMES.length)} * 1.0 / ${prepared.themeCount}`
    : "1";
  const language = prepared.languages
    ? `(${[...prepared.languages].map((l) => `instr(m.languages, ${s.p(`,${l},`)}) > 0`).join(" OR ")})`
    : "1";
  const ctes = `${fx},
    candidates AS (SELECT m.org_id, m.legal_status, m.setting, m.led_by, m.themes, m.languages, m.income_group,
        m.civic_space, m.funding_received_usd, ${bu} AS bu
      FROM org_match m LEFT JOIN fx ON fx.cur = m.budget_currency
      ${where.length ? `WHERE ${where.join(" AND ")}` : ""}),
    ranked AS MATERIALIZED (SELECT org_id AS id, 1 AS eligible, ${rawScore(prio, themes, language, equityPoints(s, "bu"))} AS raw
      FROM candidates m WHERE ${ceiling})`;
  const { items, total } = await runRanked(db, s, ctes, page);
  return { items, total };
};

/**
 * Every open call ranked for one organisation's profile (eligible first, then score, then id): one page
 * of ids with eligibility and score, the number of open calls and of those it is eligible for. The
 * profile is only parameters, so the anonymous eligibility check ranks the same way without a row.
 */
export const rankCallsForOrg = async (db: Db, org: PreparedOrg, now: Date, day: string, page: Page) => {
  const s = new Statement();
  const fx = fxCte(s, day);
  const ceilingUsd = usdCents("c.elig_max_budget_amount", "c.elig_max_budget_currency");
  const eligible = [
    `(c.elig_countries IS NULL OR json_array_length(c.elig_countries) = 0 OR EXISTS (SELECT 1 FROM json_each(c.elig_countries) j WHERE j.value = ${s.p(org.country)}))`,
    `(c.elig_global_south_only = 0 OR ${org.globalSouth ? 1 : 0})`,
    `(c.elig_legal_statuses = 0 OR (c.elig_legal_statuses & ${s.p(org.legalBit)}) <> 0)`,
    `(c.elig_max_budget_amount IS NULL OR coalesce(c.elig_max_budget_currency, '') = '' OR (${org.budgetUsd === null ? "0" : `ceiling_usd IS NOT NULL AND ${s.p(org.budgetUsd)} <= ceiling_usd`}))`,
    `(c.elig_required_led_by & ${s.p(org.ledBy)}) = c.elig_required_led_by`,
    `${s.p(org.trustLevel)} >= c.elig_min_trust_level`,
  ].join(" AND ");
  const prioCount = "((c.prio_led_by <> 0) + (c.prio_settings <> 0) + (c.prio_themes <> 0))";
  const met = `(((c.prio_led_by & ${s.p(org.ledBy)}) <> 0) + ((c.prio_settings & ${s.p(org.settingBit)}) <> 0) + ((c.prio_themes & ${s.p(org.themes)}) <> 0))`;
  const themeCount = bitCount("c.themes", (1 << THEMES.length) - 1, THEMES.length);
  const overlap = bitCount("c.themes", org.themes, THEMES.length);
  const langs = [...new Set(org.languages)];
  const primary =
    "lower(CASE WHEN instr(j.value, '-') > 0 THEN substr(j.value, 1, instr(j.value, '-') - 1) ELSE j.value END)";
  const spoken = langs.length
    ? ` WHEN EXISTS (SELECT 1 FROM json_each(c.languages) j WHERE ${primary} IN (${s.list(langs)})) THEN 1`
    : "";
  const score = rawScore(
    `CASE WHEN ${prioCount} = 0 THEN 1 ELSE ${met} * 1.0 / ${prioCount} END`,
    `CASE WHEN ${themeCount} = 0 THEN 1 ELSE ${overlap} * 1.0 / ${themeCount} END`,
    `CASE WHEN json_array_length(c.languages) = 0 THEN 1${spoken} ELSE 0 END`,
    s.p(org.equityPoints),
  );
  const ctes = `${fx},
    open_calls AS (SELECT c.id, c.elig_countries, c.elig_global_south_only, c.elig_legal_statuses,
        c.elig_max_budget_amount, c.elig_max_budget_currency, c.elig_required_led_by, c.elig_min_trust_level,
        c.prio_led_by, c.prio_settings, c.prio_themes, c.themes, c.languages, ${ceilingUsd} AS ceiling_usd
      FROM calls c LEFT JOIN fx ON fx.cur = c.elig_max_budget_currency
      WHERE c.status = 'open' AND c.deadline > ${s.p(now.toISOString())}),
    ranked AS MATERIALIZED (SELECT c.id, (${eligible}) AS eligible, ${score} AS raw FROM open_calls c)`;
  return runRanked(db, s, ctes, page);
};
