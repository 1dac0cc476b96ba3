// The equity report: who may ask for what, the SQL aggregates, the measures, and disclosure control
// applied last, so nothing below k organisations leaves this function.
import type { Db } from "../db/client";
import { equityData, funderNames, MULTI_VALUED, type EquityFilters, type GroupRow } from "../db/equity";
import { loadFxTable } from "../db/fx";
import { findCall } from "../db/calls";
import {
  gini,
  hhi,
  topShare,
  topCount,
  lorenz,
  share,
  successRate,
  adverseImpactRatios,
  suppressedKeys,
  shareDisclosable,
  afterAwardMeasures,
  ADVERSE_IMPACT_THRESHOLD,
  type AfterAwardSums,
} from "../domain/equity";
import { isAdmin, reportFilterScope, type Viewer } from "../domain/permissions";
import { findOrg } from "../db/orgs";
import { reportFunders } from "../db/report-funders";
import { CONFIDENTIAL_KEY } from "../domain/confidential";
import { Problem } from "../core/problem";
import type { Translate } from "../i18n";
import { trustLevelName } from "../i18n/reasons";
import { OFFER_KINDS, type Dimension, type OfferKind } from "../../schema/enums";
import type { EquityReportView } from "../../schema/api/reports";

/** Default minimum number of organisations behind any published figure (EQUITY_K overrides it). */
export const DEFAULT_K = 5;

export type ReportRequest = EquityFilters & { groupBy?: Dimension };

/**
 * Everyone sees the report by period, funding type and dimension. Narrowing to one funder or one call is
 * for analysts, admins and that funder's own members (a funder auditing its own giving), and for anyone
 * when the funder is public (its public account: reportFilterScope). Returns the filters to run, with
 * `publicOnly` set when the narrowing is a public account. Refused filters answer alike whether the
 * funder or call is hidden, funders-only, confidential or does not exist.
 */
export const authorizeFilters = async (
  db: Db,
  t: Translate,
  viewer: Viewer | null,
  f: EquityFilters,
): Promise<EquityFilters> => {
  if (!f.funderOrgId && !f.callId) return f;
  const problems: { path: string; message: string }[] = [];
  const scopes: ("all" | "public")[] = [];
  const scopeOf = async (orgId: string, call: { status: string; confidential: boolean } | null) => {
    const org = await findOrg(db, orgId);
    return reportFilterScope(viewer, org && { id: org.id, visibility: org.visibility }, call);
  };
  if (f.funderOrgId) {
    const scope = await scopeOf(f.funderOrgId, null);
    if (scope) scopes.push(scope);
    else problems.push({ path: "funderOrgId", message: t("err.report_filter") });
  }
  if (f.callId) {
    const call = await findCall(db, f.callId);
    const scope = call ? await scopeOf(call.funderOrgId, call) : reportFilterScope(viewer, null);
    if (scope) scopes.push(scope);
    else problems.push({ path: "callId", message: t("err.report_filter") });
  }
  if (problems.length) throw new Problem(viewer ? 403 : 401, t("err.report_filter"), problems);
  return scopes.includes("public") ? { ...f, publicOnly: true } : f;
};

/** The funders the page's select offers this viewer: public ones for anyone, and those it may see all of. */
export const reportFunderOptions = (db: Db, viewer: Viewer | null) =>
  reportFunders(db, {
    all: viewer?.platformRole === "analyst" || isAdmin(viewer),
    memberOf: viewer?.memberships.map((m) => m.orgId) ?? [],
  });

export const equityReport = async (
  db: Db,
  t: Translate,
  viewer: Viewer | null,
  req: ReportRequest,
  k: number,
): Promise<EquityReportView> => {
  const { groupBy, ...filters } = req;
  const allowed = await authorizeFilters(db, t, viewer, filters);
  const fx = await loadFxTable(db);
  const data = await equityData(db, allowed, groupBy ?? null, fx);

  const amounts = data.recipients.map((r) => r.amount).filter((a) => a > 0);
  const total = data.recipients.reduce((s, r) => s + r.amount, 0);
  const n = data.recipients.length;
  const t0 = data.totals;
  const totalSuppressed = t0.orgs < k;
  const subset = (flag: keyof (typeof data.recipients)[number]) => {
    const rows = data.recipients.filter((r) => r[flag]);
    return shareDisclosable(rows.length, n, k) && !totalSuppressed
      ? share(
          rows.reduce((s, r) => s + r.amount, 0),
          total,
        )
      : null;
  };
  const enough = !totalSuppressed && n >= k;
  const metrics = {
    globalSouthShare: subset("globalSouth"),
    informalShare: subset("informal"),
    smallOrgShare: subset("small"),
    womenLedShare: subset("womenLed"),
    youthLedShare: subset("youthLed"),
    // Core money is a property of awards, not organisations: the share is disclosable with the total.
    coreShare: enough
      ? share(
          data.recipients.reduce((s, r) => s + r.core, 0),
          total,
        )
      : null,
    gini: enough ? gini(amounts) : null,
    hhi: enough ? hhi(amounts) : null,
    top10Share: enough && topCount(n) >= k ? topShare(amounts) : null,
  };

  // Trust levels are labelled with their names in the reader's language ("Level 2: vouched for by…").
  const labelOf =
    groupBy === "trustLevel"
      ? (key: string) => t("trust.level_label", { level: key, name: trustLevelName(Number(key), t) })
      : undefined;
  const groups = data.groups
    ? await buildGroups(
        db,
        data.groups,
        data.afterAward.groups,
        total,
        k,
        t0.orgs,
        groupBy === "funder",
        labelOf,
      )
    : [];
  const awards = data.recipients.reduce((s, r) => s + r.awards, 0);
  const fxDates = [...fx.values()].flatMap((list) => list.map((r) => r.asOf)).sort();
  const pledgesSuppressed = totalSuppressed || (t0.pledgeRecipients > 0 && t0.pledgeRecipients < k);
  return {
    asOf: new Date().toISOString(),
    basisCurrency: "USD" as const,
    k,
    filters: {
      from: filters.from ?? null,
      to: filters.to ?? null,
      funderOrgId: filters.funderOrgId ?? null,
      callId: filters.callId ?? null,
      fundingType: filters.fundingType ?? null,
      groupBy: groupBy ?? null,
    },
    publicOnly: !!allowed.publicOnly,
    fxAsOf: fxDates.at(-1) ?? null,
    totals: totalSuppressed
      ? {
          amount: null,
          awards: null,
          recipients: null,
          applications: null,
          unconvertedAwards: null,
          ...AFTER_AWARD_WITHHELD,
          suppressed: true,
        }
      : {
          amount: total,
          awards,
          recipients: n,
          applications: t0.applications,
          unconvertedAwards: data.recipients.reduce((s, r) => s + r.unconverted, 0),
          ...afterAwardMeasures(data.afterAward.totals, total, awards),
          suppressed: false,
        },
    confidential: confidentialLine(data.confidential, totalSuppressed, k),
    nonCash: nonCashLine(data.nonCash, k),
    corePledges: pledgesSuppressed
      ? { amount: null, payments: null, recipients: null, suppressed: true }
      : { amount: t0.pledged, payments: t0.payments, recipients: t0.pledgeRecipients, suppressed: false },
    metrics,
    lorenz: enough ? lorenz(amounts) : [],
    groups,
    groupsOverlap: !!groupBy && MULTI_VALUED.includes(groupBy),
  };
};

/**
 * How many of the counted awards come from confidential calls: told only when they went to k
 * organisations or more (none at all is told too: it says nothing about anyone), like any other cell.
 */
const confidentialLine = (c: { awards: number; orgs: number }, totalSuppressed: boolean, k: number) =>
  totalSuppressed || (c.orgs > 0 && c.orgs < k)
    ? { count: null, suppressed: true }
    : { count: Number(c.awards), suppressed: false };

/**
 * Non-cash awards, counted apart from money: how many, to how many organisations, and per kind of offer.
 * Like any cell, told only when k organisations or more got them (none at all is told too); a kind that
 * went to fewer than k is withheld on its own (null), so a rare offer does not point at its recipient.
 */
const nonCashLine = (rows: { kind: string; awards: number; orgs: number }[], k: number) => {
  const all = rows.find((r) => r.kind === "all") ?? { awards: 0, orgs: 0 };
  if (all.orgs > 0 && all.orgs < k)
    return { awards: null, organisations: null, byKind: null, suppressed: true };
  const byKind = Object.fromEntries(
    OFFER_KINDS.map((kind) => {
      const r = rows.find((x) => x.kind === kind);
      return [kind, !r ? 0 : r.orgs < k ? null : Number(r.awards)];
    }),
  ) as Record<OfferKind, number | null>;
  return { awards: Number(all.awards), organisations: Number(all.orgs), byKind, suppressed: false };
};

/** A withheld cell's after-award figures, null like the rest of it. */
const AFTER_AWARD_WITHHELD = {
  disbursedShare: null,
  receivedShare: null,
  lossShare: null,
  medianDaysToFirstDisbursement: null,
  awaitingDisbursement: null,
};

const buildGroups = async (
  db: Db,
  rows: GroupRow[],
  afterAward: Map<string, AfterAwardSums>,
  totalAmount: number,
  k: number,
  totalOrgs: number,
  byFunder: boolean,
  labelOf?: (key: string) => string,
) => {
  const keys = rows.map((r) => r.key).sort();
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const hidden = suppressedKeys(
    rows.map((r) => ({ key: r.key, orgs: r.orgs })),
    totalOrgs,
    k,
  );
  // Pledge payments go to fewer organisations than awards: their cells get their own k-rule.
  const pledgeRecipients = rows.reduce((s, r) => s + r.pledgeRecipients, 0);
  const pledgesHidden =
    pledgeRecipients === 0
      ? new Set<string>()
      : suppressedKeys(
          rows.map((r) => ({ key: r.key, orgs: r.pledgeRecipients })),
          pledgeRecipients,
          k,
        );
  const published = keys.filter((key) => !hidden.has(key));
  // Ratios against the best published group only: a suppressed group's rate must not leak through them.
  const rates = published.map((key) => successRate(byKey.get(key)!.awarded, byKey.get(key)!.decided));
  const ratios = new Map(published.map((key, i) => [key, adverseImpactRatios(rates)[i]]));
  const names = byFunder
    ? await funderNames(
        db,
        keys.filter((key) => key !== "individual" && key !== "undisclosed" && key !== CONFIDENTIAL_KEY),
      )
    : {};
  return keys.map((key) => {
    const label = names[key] ?? labelOf?.(key) ?? key;
    if (hidden.has(key))
      return {
        key,
        label,
        awards: null,
        recipients: null,
        amount: null,
        share: null,
        applications: null,
        successRate: null,
        adverseImpactRatio: null,
        flagged: null,
        corePledgeAmount: null,
        ...AFTER_AWARD_WITHHELD,
        suppressed: true,
      };
    const r = byKey.get(key)!;
    const ratio = ratios.get(key) ?? null;
    return {
      key,
      label,
      awards: r.awards,
      recipients: r.recipients,
      amount: r.amount,
      share: share(r.amount, totalAmount),
      applications: r.applications,
      successRate: successRate(r.awarded, r.decided),
      adverseImpactRatio: ratio,
      flagged: ratio === null ? null : ratio < ADVERSE_IMPACT_THRESHOLD,
      corePledgeAmount: pledgesHidden.has(r.key) ? null : r.pledged,
      ...afterAwardMeasures(afterAward.get(key), r.amount, r.awards),
      suppressed: false,
    };
  });
};
