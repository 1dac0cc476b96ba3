// Prints the triggers and backfill of migrations/0008_equity_rollup.sql (appended after the table
// drizzle-kit generated): every insert, update or delete of an award, a counted application (submitted,
// not withdrawn) or a payment adds its contribution to, or takes it from, its organisation's row in
// org_equity, inside the same transaction as the change. Run: node scripts/equity-rollup-migration.mjs
import { FLOW_COLUMNS } from "./equity-columns.mjs";
const COLUMNS = FLOW_COLUMNS;

/** Each flow: its table, the organisation column, when a row counts, and what it adds per column. */
const FLOWS = {
  awards: {
    org: "org_id",
    counts: () => "1",
    watched: ["org_id", "amount_usd", "funding_type"],
    adds: (r) => ({
      events: "1",
      awards: "1",
      amount: `coalesce(${r}.amount_usd, 0)`,
      core: `CASE WHEN ${r}.funding_type = 'core' THEN coalesce(${r}.amount_usd, 0) ELSE 0 END`,
      unconverted: `(${r}.amount_usd IS NULL)`,
    }),
  },
  applications: {
    org: "org_id",
    counts: (r) => `${r}.submitted_at IS NOT NULL AND ${r}.status <> 'withdrawn'`,
    watched: ["org_id", "status", "submitted_at"],
    adds: (r) => ({
      events: "1",
      applications: "1",
      awarded: `(${r}.status = 'awarded')`,
      decided: `(${r}.status IN ('awarded', 'declined'))`,
    }),
  },
  payments: {
    org: "recipient_org_id",
    counts: () => "1",
    watched: ["recipient_org_id", "amount_usd", "kind"],
    adds: (r) => ({
      events: "1",
      pledged: `coalesce(${r}.amount_usd, 0)`,
      payments: `(${r}.kind = 'payment')`,
    }),
  },
};

const upsert = (flow, r, sign) => {
  const adds = flow.adds(r);
  const values = COLUMNS.map((c) => (adds[c] ? `${sign}${adds[c]}` : "0"));
  return `INSERT INTO org_equity (org_id, ${COLUMNS.join(", ")}) SELECT ${r}.${flow.org}, ${values.join(", ")} WHERE ${flow.counts(r)}
    ON CONFLICT (org_id) DO UPDATE SET ${COLUMNS.map((c) => `${c} = ${c} + excluded.${c}`).join(", ")};`;
};

const out = [];
for (const [table, flow] of Object.entries(FLOWS)) {
  out.push(
    `CREATE TRIGGER ${table}_equity_insert AFTER INSERT ON ${table} BEGIN\n  ${upsert(flow, "NEW", "")}\nEND;`,
  );
  out.push(
    `CREATE TRIGGER ${table}_equity_delete AFTER DELETE ON ${table} BEGIN\n  ${upsert(flow, "OLD", "-")}\nEND;`,
  );
  // Only the columns the report reads: saving a draft's answers does not touch the rollup.
  out.push(
    `CREATE TRIGGER ${table}_equity_update AFTER UPDATE OF ${flow.watched.join(", ")} ON ${table} BEGIN\n  ${upsert(flow, "OLD", "-")}\n  ${upsert(flow, "NEW", "")}\nEND;`,
  );
}
// Existing rows, for databases migrated with data in them.
const parts = Object.entries(FLOWS).map(([table, flow]) => {
  const adds = flow.adds("t");
  return `SELECT t.${flow.org} AS org_id, ${COLUMNS.map((c) => `${adds[c] ?? "0"} AS ${c}`).join(", ")} FROM ${table} t WHERE ${flow.counts("t")}`;
});
out.push(
  `INSERT INTO org_equity (org_id, ${COLUMNS.join(", ")}) SELECT org_id, ${COLUMNS.map((c) => `sum(${c})`).join(", ")} FROM (${parts.join(" UNION ALL ")}) GROUP BY org_id;`,
);
console.log(out.join("\n--> statement-breakpoint\n"));
