// What the equity report routes share: k from the environment, and the CSV rendering of a report.
import type { Bindings } from "../env";
import { DEFAULT_K } from "../actions/equity";
import type { EquityReportView } from "../../schema/api/reports";
import { toCsv } from "../domain/csv";

/** EQUITY_K raises (never lowers below 2) the minimum number of organisations behind a published figure. */
export const reportK = (env: Bindings) => {
  const k = Number(env.EQUITY_K);
  return Number.isInteger(k) && k >= 2 ? k : DEFAULT_K;
};

/** The after-award figures, in the order of their CSV columns. */
const AFTER_AWARD = [
  "disbursedShare",
  "receivedShare",
  "lossShare",
  "medianDaysToFirstDisbursement",
  "awaitingDisbursement",
] as const;

/** One row per group, with the report's as-of time, basis, k and filters on every row so a file stands alone. */
export const reportCsv = (r: EquityReportView) => {
  const filters = Object.entries(r.filters)
    .filter(([, v]) => v !== null)
    .map(([k, v]) => `${k}=${v}`)
    .join("&");
  const header = [
    "group_by",
    "key",
    "label",
    "awards",
    "recipients",
    "amount_usd_cents",
    "share",
    "applications",
    "success_rate",
    "adverse_impact_ratio",
    "flagged",
    "core_pledges_usd_cents",
    "disbursed_share",
    "received_share",
    "loss_share",
    "median_days_to_first_disbursement",
    "awaiting_disbursement",
    "suppressed",
    "as_of",
    "basis_currency",
    "k",
    "filters",
  ];
  const meta = [r.asOf, r.basisCurrency, r.k, filters];
  const afterAward = (x: Pick<EquityReportView["totals"], (typeof AFTER_AWARD)[number]>) =>
    AFTER_AWARD.map((key) => x[key]);
  const rows = r.groups.length
    ? r.groups.map((g) => [
        r.filters.groupBy,
        g.key,
        g.label,
        g.awards,
        g.recipients,
        g.amount,
        g.share,
        g.applications,
        g.successRate,
        g.adverseImpactRatio,
        g.flagged,
        g.corePledgeAmount,
        ...afterAward(g),
        g.suppressed,
        ...meta,
      ])
    : [
        [
          "",
          "all",
          "all",
          r.totals.awards,
          r.totals.recipients,
          r.totals.amount,
          r.totals.amount === null ? null : 1,
          r.totals.applications,
          null,
          null,
          null,
          r.corePledges.amount,
          ...afterAward(r.totals),
          r.totals.suppressed,
          ...meta,
        ],
      ];
  return toCsv(header, rows);
};
