// Funding calls: rows ↔ the API's Call shape, versioned draft edits, status changes, open-call listing,
// and funders' invitations to apply.
import { and, asc, desc, eq, getTableColumns, gt, inArray, lte, or, sql, type SQL } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { calls, callInvitations, orgs } from "../../schema";
import {
  LED_BY,
  LEGAL_STATUSES,
  SETTINGS,
  THEMES,
  type CallKind,
  type CallStatus,
  type ReviewMode,
  type FundingType,
  type OfferKind,
  type LedBy,
  type LegalStatus,
  type Setting,
  type Theme,
} from "../../schema/enums";
import type { Db } from "./client";
import { packed, runPacked } from "./packed";
import { nowIso } from "./client";
import { fromMask, toMask } from "../domain/bitmask";
import { ROLLING_DEADLINE, applicationMinutes, effectiveStatus } from "../domain/calls";
import type { CallCriteria } from "../domain/matching";
import type { Money } from "../domain/money";

export type CallRow = typeof calls.$inferSelect;
export type Question = { id: string; label: string; maxChars: number };

/** The fields a funder writes; the shape of the API's CallCreate without funderOrgId. */
export type CallFields = {
  title: string;
  summary: string;
  languages: string[];
  themes: Theme[];
  eligibility: {
    countries?: string[];
    globalSouthOnly?: boolean;
    legalStatuses?: LegalStatus[];
    maxAnnualBudget?: Money;
    requiredLedBy?: LedBy[];
    minTrustLevel?: number;
  };
  priorities?: { ledBy?: LedBy[]; settings?: Setting[]; themes?: Theme[] };
  /** Absent only on non-cash calls (see NO_GRANT). */
  grant?: { min: Money; max: Money };
  fundingType: FundingType;
  /** Non-cash calls only. */
  offer?: { what: OfferKind; quantity: number };
  durationMonths: number;
  /** Absent on rolling (rapid) calls. */
  deadline?: string;
  questions: Question[];
  kind?: CallKind;
  confidential?: boolean;
  decisionWithinDays?: number;
  review?: { mode: ReviewMode; reviewsPerApplication?: number };
};

/**
 * The grant columns are NOT NULL: a non-cash call posted without an indicative value stores 0–0 USD and
 * reads back as `grant: null` (a money call's maximum is always positive, so 0 cannot be confused).
 */
const NO_GRANT = { min: { amount: 0, currency: "USD" }, max: { amount: 0, currency: "USD" } };

const grantOf = (r: CallRow) =>
  r.fundingType === "non_cash" && r.grantMaxAmount === 0
    ? null
    : {
        min: { amount: r.grantMinAmount, currency: r.grantCurrency },
        max: { amount: r.grantMaxAmount, currency: r.grantCurrency },
      };

const offerOf = (r: CallRow) =>
  r.fundingType === "non_cash" && r.offerWhat && r.offerQuantity
    ? { what: r.offerWhat, quantity: r.offerQuantity }
    : null;

const money = (amount: number | null, currency: string | null): Money | null =>
  amount !== null && currency ? { amount, currency } : null;

/** A row as the API shows it, with the status as of `now` (a passed deadline reads as closed). */
export const toCall = (r: CallRow, funderName: string | null, now = new Date()) => {
  const questions = JSON.parse(r.questions) as Question[];
  return {
    id: r.id,
    funderOrgId: r.funderOrgId,
    funderName,
    title: r.title,
    summary: r.summary,
    languages: JSON.parse(r.languages) as string[],
    themes: fromMask(r.themes, THEMES),
    eligibility: {
      countries: r.eligCountries ? (JSON.parse(r.eligCountries) as string[]) : null,
      globalSouthOnly: r.eligGlobalSouthOnly,
      legalStatuses: fromMask(r.eligLegalStatuses, LEGAL_STATUSES),
      maxAnnualBudget: money(r.eligMaxBudgetAmount, r.eligMaxBudgetCurrency),
      requiredLedBy: fromMask(r.eligRequiredLedBy, LED_BY),
      minTrustLevel: r.eligMinTrustLevel,
    },
    priorities: {
      ledBy: fromMask(r.prioLedBy, LED_BY),
      settings: fromMask(r.prioSettings, SETTINGS),
      themes: fromMask(r.prioThemes, THEMES),
    },
    grant: grantOf(r),
    fundingType: r.fundingType,
    offer: offerOf(r),
    durationMonths: r.durationMonths,
    deadline: r.kind === "rapid" ? null : r.deadline,
    kind: r.kind,
    confidential: r.confidential,
    decisionWithinDays: r.decisionWithinDays,
    review: {
      mode: r.reviewMode,
      reviewsPerApplication: r.reviewsPerApplication,
      openedAt: r.reviewOpenedAt,
      tallyPublishedAt: r.tallyPublishedAt,
    },
    questions,
    status: effectiveStatus(r, now),
    estimatedMinutes: applicationMinutes(questions),
    version: r.version,
    publishedAt: r.publishedAt,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
};
export type Call = ReturnType<typeof toCall>;
export type CallSummary = Pick<
  Call,
  | "id"
  | "funderOrgId"
  | "funderName"
  | "title"
  | "themes"
  | "grant"
  | "fundingType"
  | "offer"
  | "durationMonths"
  | "deadline"
  | "kind"
  | "decisionWithinDays"
  | "status"
>;

export const toSummary = (c: Call): CallSummary => ({
  id: c.id,
  funderOrgId: c.funderOrgId,
  funderName: c.funderName,
  title: c.title,
  themes: c.themes,
  grant: c.grant,
  fundingType: c.fundingType,
  offer: c.offer,
  durationMonths: c.durationMonths,
  deadline: c.deadline,
  kind: c.kind,
  decisionWithinDays: c.decisionWithinDays,
  status: c.status,
});

/** What matching needs from a call. */
export const toCriteria = (c: Call): CallCriteria => ({
  id: c.id,
  themes: c.themes,
  languages: c.languages,
  eligibility: c.eligibility,
  priorities: c.priorities,
});

/** Every column a funder writes, from the whole set of fields (edits merge first, so nothing is left stale). */
const toColumns = (f: CallFields) => {
  const cols: Partial<typeof calls.$inferInsert> = {};
  if (f.title !== undefined) cols.title = f.title;
  if (f.summary !== undefined) cols.summary = f.summary;
  if (f.languages) cols.languages = JSON.stringify(f.languages);
  if (f.themes) cols.themes = toMask(f.themes, THEMES);
  if (f.eligibility) {
    const e = f.eligibility;
    cols.eligCountries = e.countries?.length ? JSON.stringify(e.countries) : null;
    cols.eligGlobalSouthOnly = !!e.globalSouthOnly;
    cols.eligLegalStatuses = toMask(e.legalStatuses ?? [], LEGAL_STATUSES);
    cols.eligMaxBudgetAmount = e.maxAnnualBudget?.amount ?? null;
    cols.eligMaxBudgetCurrency = e.maxAnnualBudget?.currency ?? null;
    cols.eligRequiredLedBy = toMask(e.requiredLedBy ?? [], LED_BY);
    cols.eligMinTrustLevel = e.minTrustLevel ?? 0;
  }
  if (f.priorities !== undefined) {
    cols.prioLedBy = toMask(f.priorities.ledBy ?? [], LED_BY);
    cols.prioSettings = toMask(f.priorities.settings ?? [], SETTINGS);
    cols.prioThemes = toMask(f.priorities.themes ?? [], THEMES);
  }
  const grant = f.grant ?? NO_GRANT;
  cols.grantMinAmount = grant.min.amount;
  cols.grantMaxAmount = grant.max.amount;
  cols.grantCurrency = grant.min.currency;
  if (f.fundingType) cols.fundingType = f.fundingType;
  cols.offerWhat = f.fundingType === "non_cash" ? (f.offer?.what ?? null) : null;
  cols.offerQuantity = f.fundingType === "non_cash" ? (f.offer?.quantity ?? null) : null;
  if (f.durationMonths !== undefined) cols.durationMonths = f.durationMonths;
  const rapid = f.kind === "rapid";
  cols.kind = rapid ? "rapid" : "standard";
  cols.deadline = rapid || !f.deadline ? ROLLING_DEADLINE : new Date(f.deadline).toISOString();
  cols.decisionWithinDays = rapid ? (f.decisionWithinDays ?? null) : null;
  cols.confidential = f.confidential ?? rapid;
  cols.reviewMode = f.review?.mode ?? "funder";
  cols.reviewsPerApplication = f.review?.reviewsPerApplication ?? 3;
  if (f.questions) cols.questions = JSON.stringify(f.questions);
  return cols;
};

/**
 * A call names its funder only when the funder's profile is public. Calls are read by anyone, often
 * without signing in, so a funders-only or hidden funder (one working in a closed civic space, say)
 * is shown as "a funder" — to its own members too, who know who they are.
 */
const shownFunderName = sql<string | null>`CASE WHEN ${orgs.visibility} = 'public' THEN ${orgs.name} END`;

export const withFunder = (db: Db) =>
  db
    .select({ call: calls, funderName: shownFunderName })
    .from(calls)
    .innerJoin(orgs, eq(orgs.id, calls.funderOrgId));

export const findCall = async (db: Db, id: string, now = new Date()) => {
  const row = await withFunder(db).where(eq(calls.id, id)).get();
  return row ? toCall(row.call, row.funderName, now) : null;
};

/** A complete row for a new call (also used by the demo seed). */
export const callValues = (
  id: string,
  funderOrgId: string,
  f: CallFields,
  now: string,
  status: CallStatus = "draft",
) =>
  ({
    ...toColumns(f),
    id,
    funderOrgId,
    status,
    publishedAt: status === "draft" ? null : now,
    createdAt: now,
    updatedAt: now,
  }) as typeof calls.$inferInsert;

export const insertCall = async (
  db: Db,
  id: string,
  funderOrgId: string,
  f: CallFields,
  extra: BatchItem<"sqlite">[] = [],
) => {
  await db.batch([db.insert(calls).values(callValues(id, funderOrgId, f, nowIso())), ...extra]);
  return (await findCall(db, id))!;
};

/** Compare-and-set on version, and only while the call is a draft; null when that no longer holds. */
export const updateDraftVersioned = async (
  db: Db,
  id: string,
  version: number,
  f: CallFields,
  extra: BatchItem<"sqlite">[] = [],
) => {
  const [updated] = await db.batch([
    db
      .update(calls)
      .set({ ...toColumns(f), version: sql`${calls.version} + 1`, updatedAt: nowIso() })
      .where(and(eq(calls.id, id), eq(calls.version, version), eq(calls.status, "draft")))
      .returning({ id: calls.id }),
    ...extra,
  ]);
  return updated.length ? findCall(db, id) : null;
};

/** A status change guarded by the status it starts from, so two clicks cannot both succeed. */
export const transitionCall = async (
  db: Db,
  id: string,
  from: CallStatus,
  to: CallStatus,
  extra: BatchItem<"sqlite">[] = [],
) => {
  const now = nowIso();
  const [changed] = await db.batch([
    db
      .update(calls)
      .set({
        status: to,
        version: sql`${calls.version} + 1`,
        updatedAt: now,
        ...(to === "open" ? { publishedAt: now } : { closedAt: now }),
      })
      .where(and(eq(calls.id, id), eq(calls.status, from)))
      .returning({ id: calls.id }),
    ...extra,
  ]);
  return changed.length > 0;
};

/** The cron's job: calls whose deadline has passed are marked closed (reads already treat them so). */
export const closeExpiredCalls = async (db: Db, now: Date) => {
  const iso = now.toISOString();
  const closed = await db
    .update(calls)
    .set({ status: "closed", closedAt: iso, updatedAt: iso, version: sql`${calls.version} + 1` })
    .where(and(eq(calls.status, "open"), lte(calls.deadline, iso)))
    .returning({ id: calls.id });
  return closed.map((c) => c.id);
};

export type CallFilter = {
  country?: string;
  theme?: Theme;
  fundingType?: FundingType;
  q?: string;
  limit: number;
  cursor?: string;
};

const like = (q: string) => `%${q.replace(/[%_\\]/g, (m) => `\\${m}`)}%`;

/**
 * Open calls (status open and deadline in the future), soonest deadline first, keyset-paged. `country`
 * keeps the calls an organisation in that country could apply to: no country list or one that names it,
 * and not Global-South-only unless the country is in the Global South.
 */
export const listOpenCalls = async (db: Db, f: CallFilter, now: Date) => {
  const conds: (SQL | undefined)[] = [eq(calls.status, "open"), gt(calls.deadline, now.toISOString())];
  if (f.country) {
    conds.push(
      sql`(${calls.eligCountries} IS NULL OR EXISTS (SELECT 1 FROM json_each(${calls.eligCountries}) WHERE value = ${f.country}))`,
    );
    conds.push(
      sql`(${calls.eligGlobalSouthOnly} = 0 OR (SELECT global_south FROM countries WHERE code = ${f.country}) = 1)`,
    );
  }
  if (f.theme) conds.push(sql`(${calls.themes} & ${1 << THEMES.indexOf(f.theme)}) != 0`);
  if (f.fundingType) conds.push(eq(calls.fundingType, f.fundingType));
  if (f.q)
    conds.push(
      sql`(${calls.title} LIKE ${like(f.q)} ESCAPE '\\' OR ${calls.summary} LIKE ${like(f.q)} ESCAPE '\\')`,
    );
  const cursor = decodeCursor(f.cursor);
  if (cursor)
    conds.push(
      or(
        gt(calls.deadline, cursor.deadline),
        and(eq(calls.deadline, cursor.deadline), gt(calls.id, cursor.id)),
      ),
    );
  const rows = await withFunder(db)
    .where(and(...conds))
    .orderBy(asc(calls.deadline), asc(calls.id))
    .limit(f.limit + 1)
    .all();
  const page = rows.slice(0, f.limit).map((r) => toSummary(toCall(r.call, r.funderName, now)));
  // The stored deadline, not the shown one: rolling calls show null but sort by ROLLING_DEADLINE.
  const last = rows[page.length - 1]?.call;
  return {
    items: page,
    nextCursor: rows.length > f.limit && last ? encodeCursor({ deadline: last.deadline, id: last.id }) : null,
  };
};

/**
 * Every open call, as matching criteria plus the summary a list shows: the long columns (summary,
 * questions) are not read, so matching one organisation against thousands of calls stays cheap.
 */
const callsForMatching = async (db: Db, where: SQL | undefined, now: Date) => {
  const { summary: _s, questions: _q, ...columns } = getTableColumns(calls);
  const open = packed<
    Omit<typeof calls.$inferSelect, "summary" | "questions"> & { funderName: string | null }
  >({ ...columns, funderName: shownFunderName });
  const cells = await runPacked(
    db,
    db.select({ j: open.row }).from(calls).innerJoin(orgs, eq(orgs.id, calls.funderOrgId)).where(where),
  );
  return open.decode(cells).map((r) => {
    const call = toCall({ ...r, summary: "", questions: "[]" }, r.funderName, now);
    return { summary: toSummary(call), criteria: toCriteria(call) };
  });
};

/** Every open call as matching reads it (the weekly digest ranks them all in memory). */
export const openCallsForMatching = (db: Db, now: Date) =>
  callsForMatching(db, and(eq(calls.status, "open"), gt(calls.deadline, now.toISOString())), now);

/** The calls of one ranked page (worker/db/match-rank.ts), by id, for their summaries and reasons. */
export const callsForMatchingByIds = async (db: Db, ids: string[], now: Date) =>
  ids.length ? callsForMatching(db, inArray(calls.id, ids), now) : [];

/** A funder's calls, newest first; drafts included (the caller checks membership). */
export const listFunderCalls = async (db: Db, funderOrgId: string, now = new Date()) =>
  (
    await withFunder(db)
      .where(eq(calls.funderOrgId, funderOrgId))
      .orderBy(desc(calls.createdAt))
      .limit(200)
      .all()
  ).map((r) => toCall(r.call, r.funderName, now));

const encodeCursor = (c: { deadline: string; id: string }) => btoa(`${c.deadline}|${c.id}`);
const decodeCursor = (s?: string) => {
  if (!s) return null;
  try {
    const [deadline, id] = atob(s).split("|");
    return deadline && id ? { deadline, id } : null;
  } catch {
    return null;
  }
};

export const insertCallInvitation = (db: Db, callId: string, orgId: string, invitedBy: string) =>
  db.insert(callInvitations).values({ callId, orgId, invitedBy, createdAt: nowIso() }).onConflictDoNothing();

export const invitedOrgIds = async (db: Db, callId: string) =>
  new Set(
    (
      await db
        .select({ orgId: callInvitations.orgId })
        .from(callInvitations)
        .where(eq(callInvitations.callId, callId))
        .all()
    ).map((r) => r.orgId),
  );

export const invitedCallIds = async (db: Db, orgId: string) =>
  new Set(
    (
      await db
        .select({ callId: callInvitations.callId })
        .from(callInvitations)
        .where(eq(callInvitations.orgId, orgId))
        .all()
    ).map((r) => r.callId),
  );

/** Open calls the given organisations were invited to (for the member's home page). */
export const openInvitationsFor = async (db: Db, orgIds: string[], now: Date) => {
  if (!orgIds.length) return [];
  return db
    .select({
      callId: calls.id,
      title: calls.title,
      deadline: calls.deadline,
      orgId: callInvitations.orgId,
      orgName: orgs.name,
    })
    .from(callInvitations)
    .innerJoin(calls, eq(calls.id, callInvitations.callId))
    .innerJoin(orgs, eq(orgs.id, callInvitations.orgId))
    .where(
      and(
        inArray(callInvitations.orgId, orgIds),
        eq(calls.status, "open"),
        gt(calls.deadline, now.toISOString()),
      ),
    )
    .orderBy(asc(calls.deadline))
    .all();
};
