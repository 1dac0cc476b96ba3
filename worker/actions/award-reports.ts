// Light reports as use cases: the group writes (a draft, saved like an application draft, or sent at
// once), sends, and shares a report with another of its funders; the funders read what was sent; the
// award shows when reports are due; the cron reminds the group, once per due date and phase.
import type { Db } from "../db/client";
import { findAward } from "../db/award-money";
import {
  awardsWithReportsNear,
  findReport,
  insertMailOnce,
  insertReport,
  membersToMail,
  reportsOfAward,
  saveReportVersioned,
  shareReport,
  submitReport,
  uploadsByMembers,
  type Report,
} from "../db/award-reports";
import { auditInsert } from "../db/audit";
import { newId } from "../security/random";
import {
  canReadReport,
  canShareReport,
  canViewAward,
  canWriteReport,
  membershipIn,
  type Viewer,
} from "../domain/permissions";
import {
  REMINDER_DAYS_BEFORE,
  REMINDER_GRACE_DAYS,
  REPORT_QUESTIONS,
  reminderPhase,
  reportDueDates,
  reportsDue,
  submissionProblems,
  trancheUnlocked,
  type ReportAnswers,
} from "../domain/award-reports";
import { addDays, daysBetween, todayUtc } from "../domain/calendar-date";
import { Problem, type FieldError } from "../core/problem";
import { authorize, enforce } from "../core/authorize";
import type { Translate } from "../i18n";
import { newMail } from "../mail/compose";
import { isLocale } from "../domain/locale";
import type { Locale } from "../../schema/enums";

type PartialAnswers = Partial<ReportAnswers>;
export type ReportCreateRequest = {
  answers: PartialAnswers;
  language: Locale;
  uploadIds?: string[];
  submit?: boolean;
};
export type ReportPatchRequest = {
  version: number;
  answers?: PartialAnswers;
  language?: Locale;
  uploadIds?: string[];
};

type Award = NonNullable<Awaited<ReturnType<typeof findAward>>>;
type Found = NonNullable<Awaited<ReturnType<typeof findReport>>>;

const answersOf = (r: ReportAnswers): ReportAnswers => ({ changed: r.changed, hard: r.hard, next: r.next });

const refOf = (r: Found) => ({
  orgId: r.orgId,
  status: r.status,
  funderOrgIds: [r.funderOrgId, ...r.shares.map((s) => s.funderOrgId)],
});

/** The report as its reader sees it: which awards it was shared with is the group's business only. */
export const reportView = (r: Report, viewer: Viewer | null) => ({
  id: r.id,
  awardId: r.awardId,
  status: r.status,
  version: r.version,
  language: r.language as Locale,
  answers: answersOf(r),
  uploads: r.uploads,
  submittedAt: r.submittedAt,
  ...(membershipIn(viewer, r.orgId) ? { sharedWith: r.shares.map((s) => s.awardId) } : {}),
});

/** The award if the viewer may see it; for anyone else it does not exist. */
const visibleAward = async (db: Db, viewer: Viewer | null, id: string) => {
  const award = await findAward(db, id);
  if (!award) throw new Problem(viewer ? 404 : 401);
  enforce(canViewAward(viewer, award));
  return award;
};

/**
 * The day each sent report counts for this award: the day it was sent, or for a report shared with this
 * award from another, the day it was shared if later (sharing an old report does not reach back in time).
 */
const sentDays = (awardId: string, reports: readonly Report[]) =>
  reports
    .filter((r) => r.status === "submitted" && r.submittedAt)
    .map((r) => {
      const shared = r.awardId === awardId ? null : r.shares.find((s) => s.awardId === awardId)?.at;
      const day = r.submittedAt!.slice(0, 10);
      const sharedDay = shared?.slice(0, 10);
      return sharedDay && sharedDay > day ? sharedDay : day;
    })
    .sort();

type Plan = readonly { id: string; dueOn: string; afterReport: boolean }[];

/**
 * The award's reports as the viewer may see them (drafts only to the group) and when reports are due.
 * Reports shared with this award from another count here as well: a group writes once for two funders.
 */
export const awardReporting = async (db: Db, viewer: Viewer | null, award: Award, plan: Plan) => {
  const reports = await reportsOfAward(db, award.id);
  const group = !!membershipIn(viewer, award.orgId);
  const due = reportDueDates(plan, award);
  return {
    reports: reports.filter((r) => group || r.status === "submitted").map((r) => reportView(r, viewer)),
    reportsDue: reportsDue(due, sentDays(award.id, reports).length),
  };
};

/** Whether money may be sent against this tranche now (a tranche paid "after a report" waits for one). */
export const trancheOpen = async (db: Db, award: Award, plan: Plan, trancheId: string) => {
  const tranche = plan.find((x) => x.id === trancheId);
  if (!tranche?.afterReport) return true;
  const reports = await reportsOfAward(db, award.id);
  return trancheUnlocked(tranche, reportDueDates(plan, award), award.awardDate, sentDays(award.id, reports));
};

export const listAwardReports = async (db: Db, viewer: Viewer | null, awardId: string) => {
  const award = await visibleAward(db, viewer, awardId);
  const { reports } = await awardReporting(db, viewer, award, []);
  return { items: reports };
};

const loadReport = async (db: Db, viewer: Viewer | null, id: string) => {
  const report = await findReport(db, id);
  if (!report) throw new Problem(viewer ? 404 : 401);
  enforce(canReadReport(viewer, refOf(report)));
  return report;
};

export const viewReport = async (db: Db, viewer: Viewer | null, id: string) =>
  reportView(await loadReport(db, viewer, id), viewer);

/** Files that may be attached: each uploaded by someone who is a member of the group; others named. */
const checkUploads = async (db: Db, t: Translate, orgId: string, ids: readonly string[] | undefined) => {
  if (!ids) return undefined;
  const unique = [...new Set(ids)];
  const ok = await uploadsByMembers(db, orgId, unique);
  const errors = ids
    .map((id, i) => ({ id, i }))
    .filter(({ id }) => !ok.has(id))
    .map(({ i }) => ({ path: `uploadIds.${i}`, message: t("err.report_upload") }));
  if (errors.length) throw new Problem(422, t("err.cannot_report"), errors);
  return unique;
};

const submissionErrors = (t: Translate, answers: ReportAnswers): FieldError[] =>
  submissionProblems(answers).map((p) => ({
    path: p.path,
    message: p.key === "err.too_long" ? t(p.key, p.params) : t(p.key),
  }));

const complete = (a: PartialAnswers): ReportAnswers =>
  Object.fromEntries(REPORT_QUESTIONS.map((q) => [q, a[q] ?? ""])) as ReportAnswers;

/** The award, if the viewer may write a report on it (the group's members); the page's first check. */
export const writableAward = async (db: Db, t: Translate, viewer: Viewer | null, awardId: string) => {
  const award = await visibleAward(db, viewer, awardId);
  enforce(
    canWriteReport(viewer, { orgId: award.orgId, status: "submitted", funderOrgIds: [award.funderOrgId] }),
    t,
  );
  return award;
};

/** The report, if the viewer may change it (the group's members); sent or not. */
export const writableReport = async (db: Db, t: Translate, viewer: Viewer | null, id: string) => {
  const report = await loadReport(db, viewer, id);
  enforce(canWriteReport(viewer, refOf(report)), t);
  return reportView(report, viewer);
};

/** The group's members write a report on the award: kept as a draft, or sent at once if complete. */
export const createReport = async (
  db: Db,
  t: Translate,
  viewer: Viewer | null,
  awardId: string,
  req: ReportCreateRequest,
) => {
  const award = await writableAward(db, t, viewer, awardId);
  if (!viewer) throw new Problem(401);
  const answers = complete(req.answers);
  if (req.submit) {
    const errors = submissionErrors(t, answers);
    if (errors.length) throw new Problem(422, t("err.cannot_report"), errors);
  }
  const uploadIds = (await checkUploads(db, t, award.orgId, req.uploadIds)) ?? [];
  const id = newId();
  await insertReport(db, {
    id,
    awardId: award.id,
    orgId: award.orgId,
    language: req.language,
    answers,
    submitted: !!req.submit,
    createdBy: viewer.userId,
    uploadIds,
  });
  return reportView((await findReport(db, id))!, viewer);
};

const notDraft = (t: Translate) =>
  new Problem(409, t("err.report_sent"), [{ path: "status", message: t("err.report_sent") }]);

/**
 * Saves a draft by compare-and-set on its version: a stale version is refused (409) with the server's
 * copy as `current`, so the person can merge and nothing either side wrote is lost.
 */
export const saveReport = async (
  db: Db,
  t: Translate,
  viewer: Viewer | null,
  id: string,
  req: ReportPatchRequest,
) => {
  const report = await loadReport(db, viewer, id);
  enforce(canWriteReport(viewer, refOf(report)), t);
  if (report.status !== "draft") throw notDraft(t);
  const uploadIds = await checkUploads(db, t, report.orgId, req.uploadIds);
  const answers = req.answers ? { ...answersOf(report), ...req.answers } : undefined;
  if (await saveReportVersioned(db, id, req.version, { answers, language: req.language, uploadIds }))
    return reportView((await findReport(db, id))!, viewer);
  const current = (await findReport(db, id))!;
  if (current.status !== "draft") throw notDraft(t);
  throw new Problem(409, t("error.conflict"), [{ path: "version", message: t("err.version") }], {
    current: reportView(current, viewer),
  });
};

/** Sends a draft: every answer given, none over 1,000 characters; once sent it is final. */
export const sendReport = async (db: Db, t: Translate, viewer: Viewer | null, id: string) => {
  const report = await loadReport(db, viewer, id);
  enforce(canWriteReport(viewer, refOf(report)), t);
  if (report.status !== "draft") throw notDraft(t);
  const errors = submissionErrors(t, report);
  if (errors.length) throw new Problem(422, t("err.cannot_report"), errors);
  if (!(await submitReport(db, id))) throw notDraft(t);
  return reportView((await findReport(db, id))!, viewer);
};

/**
 * The group's owners share a report with another award of the same group: that award's funder then
 * reads it (once sent) and its files, and it counts towards that award's reports.
 */
export const shareReportWith = async (
  db: Db,
  t: Translate,
  viewer: Viewer | null,
  id: string,
  awardId: string,
) => {
  const report = await loadReport(db, viewer, id);
  authorize(viewer, canShareReport(viewer, refOf(report)), t);
  const target = await findAward(db, awardId);
  // Another group's award (or none) is refused in the same words: its existence is not the group's to learn.
  if (!target || target.orgId !== report.orgId || target.id === report.awardId)
    throw new Problem(422, t("err.cannot_share_report"), [
      { path: "awardId", message: t("err.report_share_award") },
    ]);
  await db.batch([
    shareReport(db, report.id, target.id),
    auditInsert(db, {
      actorUserId: viewer.userId,
      action: "report.shared",
      subjectType: "award",
      subjectId: report.awardId,
      data: { reportId: report.id, awardId: target.id },
    }),
  ]);
  return reportView((await findReport(db, id))!, viewer);
};

/**
 * The cron's reminders: for every report not yet done that is due within a week (or became overdue in
 * the last week), one neutral mail per member of the group and phase. The outbox row's id is derived from
 * (award, due date, phase, person), so a second run the same day, or the next, writes nothing new.
 * Links point at the origin of the sender address (the cron has no request to take it from).
 */
export const writeReportReminders = async (db: Db, origin: string, now: number) => {
  const today = todayUtc(now);
  const near = await awardsWithReportsNear(
    db,
    addDays(today, -REMINDER_GRACE_DAYS),
    addDays(today, REMINDER_DAYS_BEFORE),
  );
  const written: string[] = [];
  for (const award of near) {
    const reports = await reportsOfAward(db, award.id);
    const due = reportsDue(reportDueDates(award.tranches, award), sentDays(award.id, reports).length);
    const calls = due.flatMap(({ dueOn, done }) => {
      const phase = done ? null : reminderPhase(dueOn, today);
      return phase ? [{ dueOn, phase }] : [];
    });
    if (!calls.length) continue;
    const members = await membersToMail(db, award.orgId);
    for (const { dueOn, phase } of calls)
      for (const m of members) {
        const locale: Locale = isLocale(m.locale) ? m.locale : "en";
        const mail = {
          // A confidential call's reminder is neutral and links to "My account", not to the award.
          ...newMail(phase === "soon" ? "report_due_soon" : "report_overdue", m.email, locale, {
            name: m.name,
            link: award.confidential ? `${origin}/me` : `${origin}/awards/${award.id}/reports/new`,
            days: Math.abs(daysBetween(today, dueOn)),
            confidential: award.confidential,
          }),
          id: `report-reminder:${award.id}:${dueOn}:${phase}:${m.userId}`,
          aboutOrgId: award.orgId,
        };
        if (await insertMailOnce(db, mail)) written.push(mail.id);
      }
  }
  return written;
};
