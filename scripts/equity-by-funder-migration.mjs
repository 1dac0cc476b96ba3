// Prints the triggers and backfill of migrations/0022_equity_by_funder.sql (appended after the table and
// indexes drizzle-kit generated, the table made WITHOUT ROWID by hand as in 0008): the per-organisation
// rollup of org_equity (scripts/equity-rollup-migration.mjs) cut by the event's year, funder, funding
// type and secrecy, so filtered equity reports read it instead of the events. Each key is what the events query (worker/db/equity.ts) reads for that flow:
// - an award: its award date's year, its own funder and funding type, its call's confidentiality; a
//   consortium award's partners get their share (amount × share ÷ 100, rounded down) under the same key,
//   taken off the lead, as `shareFlow` does;
// - a counted application (submitted, not withdrawn): its submission year, its call's funder, funding
//   type and confidentiality;
// - a pledge payment: its year, its pledge's funder ('' for a person), funding type 'core', and secrecy 2
//   when the pledge is anonymous (left out of public accounts, but not folded into "confidential").
// Every trigger runs inside the transaction of the change. A change that moves a row to another key (a
// date, a call, a partner's share, a call's funder, funding type or confidentiality, a pledge's funder or
// anonymity) takes the old contribution out under the old key and adds the new one under the new key.
// Non-cash awards and applications are kept like the rest (under funding type non_cash) and left out
// when read. Trigger bodies are indented: scripts/db-restore.mjs splits statements at lines opening with
// a keyword. Run: node scripts/equity-by-funder-migration.mjs
import { FLOW_COLUMNS } from "./equity-columns.mjs";
const TABLE = "org_equity_by_funder";
const KEY = ["org_id", "year", "funder_org_id", "funding_type", "secrecy"];
const COLUMNS = FLOW_COLUMNS;

/** One SELECT of contribution rows; `values` names what each column adds (missing ones add 0). */
const rows = (key, values, sign, from, where) =>
  `SELECT ${key.map((k, i) => `${k} AS ${KEY[i]}`).join(", ")}, ${COLUMNS.map((c) => `${values[c] ? `${sign}(${values[c]})` : "0"} AS ${c}`).join(", ")}${from ? ` FROM ${from}` : ""} WHERE ${where}`;

/** The call's confidentiality, as the events query reads it for awards (`call_id IN confidential calls`). */
const callSecrecy = (a) => `coalesce((SELECT c.confidential FROM calls c WHERE c.id = ${a}.call_id), 0)`;
const awardKey = (a, secrecy) => [
  `substr(${a}.award_date, 1, 4)`,
  `${a}.funder_org_id`,
  `${a}.funding_type`,
  secrecy,
];

/**
 * An award: its lead's contribution, and each partner's share moved from the lead to the partner.
 * `a` is the award (NEW, OLD or a table alias in `from`), `p` the partner rows (a table alias joined by
 * application, or NEW/OLD of application_partners with `from` listing the awards).
 */
const awardRows = ({ a, secrecy = callSecrecy(a), from, where = "1", sign }) => {
  const key = awardKey(a, secrecy);
  return rows(
    [`${a}.org_id`, ...key],
    {
      events: "1",
      awards: "1",
      amount: `coalesce(${a}.amount_usd, 0)`,
      core: `CASE WHEN ${a}.funding_type = 'core' THEN coalesce(${a}.amount_usd, 0) ELSE 0 END`,
      unconverted: `${a}.amount_usd IS NULL`,
    },
    sign,
    from,
    where,
  );
};
const shareRows = ({ a, p, secrecy = callSecrecy(a), from, where, sign }) => {
  const key = awardKey(a, secrecy);
  const part = `coalesce(${a}.amount_usd * ${p}.share_percent / 100, 0)`;
  const core = `CASE WHEN ${a}.funding_type = 'core' THEN ${part} ELSE 0 END`;
  const back = sign === "-" ? "" : "-";
  return `${rows(
    [`${p}.org_id`, ...key],
    { events: "1", awards: "1", amount: part, core, unconverted: `${a}.amount_usd IS NULL` },
    sign,
    from,
    where,
  )} UNION ALL ${rows([`${a}.org_id`, ...key], { amount: part, core }, back, from, where)}`;
};
/** An award with its partners' shares; `a` a row (NEW/OLD) or the alias of `from`. */
const awardWithShares = ({ a, secrecy, from, where = "1", sign }) =>
  `${awardRows({ a, secrecy, from, where, sign })} UNION ALL ${shareRows({
    a,
    p: "sp",
    secrecy,
    from: `${from ? `${from}, ` : ""}application_partners sp`,
    where: `sp.application_id = ${a}.application_id AND ${where}`,
    sign,
  })}`;

const counted = (r) => `${r}.submitted_at IS NOT NULL AND ${r}.status <> 'withdrawn'`;
/** Counted applications; `c` is their call (an alias joined here, or OLD/NEW of calls). */
const applicationRows = ({ r, c = "c", from, where, sign }) =>
  rows(
    [
      `${r}.org_id`,
      `substr(${r}.submitted_at, 1, 4)`,
      `${c}.funder_org_id`,
      `${c}.funding_type`,
      `${c}.confidential`,
    ],
    {
      events: "1",
      applications: "1",
      awarded: `${r}.status = 'awarded'`,
      decided: `${r}.status IN ('awarded', 'declined')`,
    },
    sign,
    from,
    `${counted(r)} AND ${where}`,
  );

/** Payments; `pl` is their pledge (an alias joined here, or OLD/NEW of pledges). */
const paymentRows = ({ r, pl = "pl", from, where, sign }) =>
  rows(
    [
      `${r}.recipient_org_id`,
      `substr(${r}.at, 1, 4)`,
      `coalesce(${pl}.funder_org_id, '')`,
      "'core'",
      `CASE WHEN ${pl}.anonymous THEN 2 ELSE 0 END`,
    ],
    { events: "1", pledged: `coalesce(${r}.amount_usd, 0)`, payments: `${r}.kind = 'payment'` },
    sign,
    from,
    where,
  );

/** Adds the rows of `select` to their keys (the WHERE disambiguates SQLite's upsert after a SELECT). */
const upsert = (select) =>
  `INSERT INTO ${TABLE} (${[...KEY, ...COLUMNS].join(", ")}) SELECT * FROM (${select}) WHERE 1
      ON CONFLICT (${KEY.join(", ")}) DO UPDATE SET ${COLUMNS.map((c) => `${c} = ${c} + excluded.${c}`).join(", ")};`;

const trigger = (name, event, body, when = "") =>
  `CREATE TRIGGER ${name} ${event}${when ? ` WHEN ${when}` : ""} BEGIN\n${body.map((s) => `  ${s}`).join("\n")}\nEND;`;

/** Per table: what one row (NEW or OLD) contributes, with the sign. */
const ROW = {
  awards: {
    watched: [
      "org_id",
      "amount_usd",
      "funding_type",
      "funder_org_id",
      "award_date",
      "call_id",
      "application_id",
    ],
    of: (r, sign) => awardWithShares({ a: r, sign }),
  },
  applications: {
    watched: ["org_id", "status", "submitted_at", "call_id"],
    of: (r, sign) => applicationRows({ r, from: "calls c", where: `c.id = ${r}.call_id`, sign }),
  },
  payments: {
    watched: ["recipient_org_id", "amount_usd", "kind", "at", "pledge_id"],
    of: (r, sign) => paymentRows({ r, from: "pledges pl", where: `pl.id = ${r}.pledge_id`, sign }),
  },
  // A partner row added, removed or changed after the award moves its share (the events query joins
  // the partners as they are now).
  application_partners: {
    watched: ["application_id", "org_id", "share_percent"],
    of: (p, sign) =>
      shareRows({ a: "a", p, from: "awards a", where: `a.application_id = ${p}.application_id`, sign }),
  },
};

const changed = (columns) => columns.map((c) => `OLD.${c} IS NOT NEW.${c}`).join(" OR ");
const out = [];
for (const [table, { watched, of }] of Object.entries(ROW)) {
  const name = `${table}_equity_by_funder`;
  out.push(trigger(`${name}_insert`, `AFTER INSERT ON ${table}`, [upsert(of("NEW", ""))]));
  out.push(trigger(`${name}_delete`, `AFTER DELETE ON ${table}`, [upsert(of("OLD", "-"))]));
  out.push(
    trigger(
      `${name}_update`,
      `AFTER UPDATE OF ${watched.join(", ")} ON ${table}`,
      [upsert(of("OLD", "-")), upsert(of("NEW", ""))],
      // Writes that name a column without changing it (a status set to what it was) cost nothing.
      changed(watched),
    ),
  );
}
// A call's funder, funding type or confidentiality keys its applications, and its confidentiality its
// awards: all of them move. Rare (calls are edited as drafts, with nothing submitted yet).
const callChanged = changed(["funder_org_id", "funding_type", "confidential"]);
out.push(
  trigger(
    "calls_equity_by_funder_update",
    "AFTER UPDATE OF funder_org_id, funding_type, confidential ON calls",
    [
      upsert(
        applicationRows({
          r: "ap",
          c: "OLD",
          from: "applications ap",
          where: "ap.call_id = OLD.id",
          sign: "-",
        }),
      ),
      upsert(
        applicationRows({
          r: "ap",
          c: "NEW",
          from: "applications ap",
          where: "ap.call_id = NEW.id",
          sign: "",
        }),
      ),
      upsert(
        awardWithShares({
          a: "aw",
          secrecy: "OLD.confidential",
          from: "awards aw",
          where: "aw.call_id = OLD.id",
          sign: "-",
        }),
      ),
      upsert(
        awardWithShares({
          a: "aw",
          secrecy: "NEW.confidential",
          from: "awards aw",
          where: "aw.call_id = NEW.id",
          sign: "",
        }),
      ),
    ],
    callChanged,
  ),
);
// A pledge's funder or anonymity keys its payments.
out.push(
  trigger(
    "pledges_equity_by_funder_update",
    "AFTER UPDATE OF funder_org_id, anonymous ON pledges",
    [
      upsert(
        paymentRows({ r: "py", pl: "OLD", from: "payments py", where: "py.pledge_id = OLD.id", sign: "-" }),
      ),
      upsert(
        paymentRows({ r: "py", pl: "NEW", from: "payments py", where: "py.pledge_id = NEW.id", sign: "" }),
      ),
    ],
    changed(["funder_org_id", "anonymous"]),
  ),
);
// Existing rows, for databases migrated with data in them.
const all = [
  awardWithShares({ a: "t", from: "awards t", sign: "" }),
  applicationRows({ r: "t", from: "applications t, calls c", where: "c.id = t.call_id", sign: "" }),
  paymentRows({ r: "t", from: "payments t, pledges pl", where: "pl.id = t.pledge_id", sign: "" }),
].join(" UNION ALL ");
out.push(
  `INSERT INTO ${TABLE} (${[...KEY, ...COLUMNS].join(", ")}) SELECT ${KEY.join(", ")}, ${COLUMNS.map((c) => `sum(${c})`).join(", ")} FROM (${all}) GROUP BY ${KEY.join(", ")};`,
);
console.log(out.join("\n--> statement-breakpoint\n"));
