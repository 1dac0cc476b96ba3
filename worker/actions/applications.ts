// Application use cases shared by the API and the pages: start, save a draft (409 with the current copy),
// submit (every problem at once), withdraw, review, decide (one decision, an award), and the lists.
import type { Db } from "../db/client";
import {
  findApplication,
  findApplicationFor,
  insertApplication,
  saveDraftVersioned,
  transitionApplication,
  decideApplication,
  upsertReview,
  listReviews,
  listCallApplications,
  listOrgApplications,
  type Application,
  type Decided,
} from "../db/applications";
import { findOrg } from "../db/orgs";
import { findCall, type Call } from "../db/calls";
import { findProfile, withTrustEvidence } from "../db/matching";
import { loadFxTable } from "../db/fx";
import { auditInsert, auditInsertIf } from "../db/audit";
import { defaultPlanInsertsIf } from "../db/award-money";
import { notifyInsert, notifyInsertIf, type Notice } from "../db/notifications";
import { newId } from "../security/random";
import {
  canActForCallFunder,
  canActForOrg,
  canReviewApplication,
  canViewApplication,
  type Viewer,
} from "../domain/permissions";
import { submissionProblems, averageScore } from "../domain/applications";
import { awardInputProblems, isNonCash, offerAward } from "../domain/offers";
import { isAllowed, mayTake, nextStatus } from "../domain/application-workflow";
import { eligibilityReasons } from "../domain/matching";
import { isOpen } from "../domain/calls";
import { byTimeLeft } from "../domain/rapid";
import { toUsdCents } from "../domain/fx";
import { defaultTranches, type TranchePlan } from "../domain/tranches";
import type { Money } from "../domain/money";
import { Problem } from "../core/problem";
import { authorize, enforce } from "../core/authorize";
import { describeReason } from "../i18n/reasons";
import { isMessageKey, type Translate } from "../i18n";
import type { DeclineReason, Locale } from "../../schema/enums";
import { viewCall } from "./calls";
import { partnerSubmissionErrors, partnerViews, partnerWrites } from "./partners";
import { listPartners, splitAwardIf } from "../db/partners";
import type { PartnerTerms } from "../domain/consortium";
import { requireDepartureNote } from "./review-tally";

const today = () => new Date().toISOString().slice(0, 10);

/**
 * Each notice written is also logged, by kind and organisation id only: its data (titles, names,
 * amounts) would otherwise reach the production logs, which must hold no personal data.
 */
export const logNotice = (n: { kind: string; orgId: string }) =>
  console.log({ level: "info", notification: n.kind, orgId: n.orgId });

const notDraft = (t: Translate) =>
  new Problem(422, t("err.application_not_draft"), [
    { path: "status", message: t("err.application_not_draft") },
  ]);

/** The application (with its consortium partners, who may read it) and its call, if the viewer may see it. */
export const loadApplication = async (db: Db, viewer: Viewer | null, id: string) => {
  const found = await findApplication(db, id);
  if (!found) throw new Problem(404);
  const call = (await findCall(db, found.callId))!;
  const partners = await listPartners(db, id);
  const app = { ...found, partners: partnerViews(partners) };
  enforce(canViewApplication(viewer, app, call));
  return { app, call, partners };
};

export const startApplication = async (
  db: Db,
  t: Translate,
  viewer: Viewer | null,
  callId: string,
  orgId: string,
) => {
  const org = await findOrg(db, orgId);
  if (!org) throw new Problem(404, undefined, [{ path: "orgId", message: t("error.not_found") }]);
  authorize(viewer, canActForOrg(viewer, org));
  if (org.kind !== "cso")
    throw new Problem(422, t("err.not_cso"), [{ path: "orgId", message: t("err.not_cso") }]);
  const call = await viewCall(db, viewer, callId);
  if (!isOpen(call, new Date()))
    throw new Problem(422, t("err.call_not_open"), [{ path: "callId", message: t("err.call_not_open") }]);
  const id = newId();
  const created = await insertApplication(db, { id, callId, orgId, createdBy: viewer.userId }, [
    auditInsert(db, {
      actorUserId: viewer.userId,
      action: "application.created",
      subjectType: "application",
      subjectId: id,
      data: { callId, orgId },
    }),
  ]);
  if (created) return created;
  const existing = await findApplicationFor(db, callId, orgId);
  throw new Problem(
    409,
    t("err.application_exists"),
    [{ path: "orgId", message: t("err.application_exists") }],
    { applicationId: existing?.id },
  );
};

/** Saves answers and amount on a draft; answers are merged by question, unknown questions are refused. */
export const saveDraft = async (
  db: Db,
  t: Translate,
  viewer: Viewer | null,
  id: string,
  version: number,
  patch: { answers?: Record<string, string>; requestedAmount?: Money | null; partners?: PartnerTerms[] },
) => {
  const { app, call } = await loadApplication(db, viewer, id);
  enforce(mayTake(viewer, app, call, "save"));
  if (!isAllowed(app.status, "save")) throw notDraft(t);
  const known = new Set(call.questions.map((q) => q.id));
  const unknown = Object.keys(patch.answers ?? {}).filter((k) => !known.has(k));
  if (unknown.length)
    throw new Problem(
      400,
      undefined,
      unknown.map((k) => ({ path: `answers.${k}`, message: t("err.unknown_field") })),
    );
  const answers = patch.answers ? { ...app.answers, ...patch.answers } : undefined;
  // A consortium's partner list is written in the same batch, only if this version still holds.
  const partnerRows =
    patch.partners && viewer ? await partnerWrites(db, t, viewer, app, call, version, patch.partners) : [];
  const saved = await saveDraftVersioned(
    db,
    id,
    version,
    { answers, requestedAmount: patch.requestedAmount },
    partnerRows,
  );
  if (saved) return { ...saved, partners: partnerViews(await listPartners(db, id)) };
  const current = (await findApplication(db, id))!;
  if (!isAllowed(current.status, "save")) throw notDraft(t);
  throw new Problem(409, t("error.conflict"), [{ path: "version", message: t("err.version") }], { current });
};

/** Everything that blocks the submission, as field errors in the viewer's language. */
const checkSubmission = async (db: Db, t: Translate, locale: Locale, app: Application, call: Call) => {
  const found = (await findProfile(db, app.orgId))!;
  const fx = await loadFxTable(db);
  // The same eligibility as matching, trust level included; its sentence counts the vouches that count.
  const [profile] =
    call.eligibility.minTrustLevel > 0 ? await withTrustEvidence(db, [found.profile]) : [found.profile];
  const problems = submissionProblems({
    call,
    answers: app.answers,
    requestedAmount: app.requestedAmount,
    profile: found.org,
    eligibility: eligibilityReasons(call, profile, fx, today()),
  });
  return {
    org: found.org,
    errors: [
      ...problems.map((p) => ({
        path: p.path,
        message: p.reason
          ? describeReason(p.reason, t, locale)
          : isMessageKey(p.key)
            ? t(p.key, p.params)
            : p.key,
      })),
      // A consortium waits for every partner's owners to consent.
      ...(await partnerSubmissionErrors(db, t, app.id)),
    ],
  };
};

export const submitApplication = async (
  db: Db,
  t: Translate,
  locale: Locale,
  viewer: Viewer | null,
  id: string,
) => {
  const { app, call } = await loadApplication(db, viewer, id);
  authorize(viewer, mayTake(viewer, app, call, "submit"));
  if (!isAllowed(app.status, "submit")) throw notDraft(t);
  const { org, errors } = await checkSubmission(db, t, locale, app, call);
  if (errors.length) throw new Problem(422, t("err.cannot_submit"), errors);
  const now = new Date().toISOString();
  const notice: Notice = {
    orgId: call.funderOrgId,
    kind: "application.submitted",
    data: { applicationId: id, callId: call.id, callTitle: call.title, orgName: org.name },
  };
  const ok = await transitionApplication(
    db,
    id,
    "submit",
    { submittedAt: now, snapshot: JSON.stringify(org) },
    [
      auditInsert(db, {
        actorUserId: viewer.userId,
        action: "application.submitted",
        subjectType: "application",
        subjectId: id,
        data: { callId: call.id },
      }),
      notifyInsert(db, notice),
    ],
  );
  if (!ok) throw notDraft(t);
  logNotice(notice);
  return (await findApplication(db, id))!;
};

export const withdrawApplication = async (db: Db, t: Translate, viewer: Viewer | null, id: string) => {
  const { app, call } = await loadApplication(db, viewer, id);
  authorize(viewer, mayTake(viewer, app, call, "withdraw"));
  if (!isAllowed(app.status, "withdraw"))
    throw new Problem(422, t("err.cannot_withdraw"), [{ path: "status", message: t("err.cannot_withdraw") }]);
  const notice: Notice | null = app.submittedAt
    ? {
        orgId: call.funderOrgId,
        kind: "application.withdrawn",
        data: { applicationId: id, callId: call.id, callTitle: call.title },
      }
    : null;
  const ok = await transitionApplication(db, id, "withdraw", {}, [
    auditInsert(db, {
      actorUserId: viewer.userId,
      action: "application.withdrawn",
      subjectType: "application",
      subjectId: id,
      data: { from: app.status },
    }),
    ...(notice ? [notifyInsert(db, notice)] : []),
  ]);
  if (!ok)
    throw new Problem(422, t("err.cannot_withdraw"), [{ path: "status", message: t("err.cannot_withdraw") }]);
  if (notice) logNotice(notice);
  return (await findApplication(db, id))!;
};

const reviewSummary = async (db: Db, id: string) => {
  const all = await listReviews(db, id);
  return { reviews: all, averageScore: averageScore(all.map((r) => r.score)) };
};

export const reviewApplication = async (
  db: Db,
  t: Translate,
  viewer: Viewer | null,
  id: string,
  score: number,
  comment: string | null,
) => {
  const { app, call } = await loadApplication(db, viewer, id);
  authorize(viewer, mayTake(viewer, app, call, "review"));
  if (!isAllowed(app.status, "review"))
    throw new Problem(422, t("err.already_decided"), [{ path: "status", message: t("err.already_decided") }]);
  await db.batch([
    upsertReview(db, { applicationId: id, reviewerId: viewer.userId, score, comment }),
    auditInsert(db, {
      actorUserId: viewer.userId,
      action: "application.reviewed",
      subjectType: "application",
      subjectId: id,
      data: { score },
    }),
  ]);
  // Only the first review moves the application (to "under review"); later ones find it there already.
  if (nextStatus(app.status, "review") !== app.status) await transitionApplication(db, id, "review");
  return reviewSummary(db, id);
};

export const reviewsOf = async (db: Db, viewer: Viewer | null, id: string) => {
  const { app, call } = await loadApplication(db, viewer, id);
  enforce(canReviewApplication(viewer, app, call));
  return reviewSummary(db, id);
};

type DecisionInput = {
  decision: "award" | "decline";
  amount?: Money;
  quantity?: number;
  reasons?: DeclineReason[];
  note?: string;
};

/** One decision per application: an award (within the call's range, creating an Award) or a decline with reasons. */
export const decideOn = async (db: Db, t: Translate, viewer: Viewer | null, id: string, d: DecisionInput) => {
  const { app, call, partners } = await loadApplication(db, viewer, id);
  authorize(viewer, mayTake(viewer, app, call, d.decision));
  if (!isAllowed(app.status, d.decision))
    throw new Problem(409, t("err.already_decided"), [{ path: "status", message: t("err.already_decided") }]);
  await requireDepartureNote(db, t, call, id, d.decision, d.note);
  let award: Decided["award"];
  // The award's default plan, written with it (see defaultPlanInsertsIf).
  let plan: { awardId: string; tranches: TranchePlan[] } | null = null;
  if (d.decision === "award") {
    const wrong = awardInputProblems(call, d);
    if (wrong.length)
      throw new Problem(
        422,
        undefined,
        wrong.map((w) => ({ path: w.path, message: t(w.key, { max: call.offer?.quantity ?? 0 }) })),
      );
  }
  if (d.decision === "award" && call.offer) {
    // Help, not money: no currency, no US value, no tranche plan (domain/offers.ts).
    award = {
      id: newId(),
      callId: call.id,
      orgId: app.orgId,
      funderOrgId: call.funderOrgId,
      ...offerAward(d.quantity!),
      awardDate: today(),
      fundingType: call.fundingType,
      durationMonths: call.durationMonths,
    };
  } else if (d.decision === "award" && call.grant) {
    const amount = d.amount!;
    const { min, max } = call.grant;
    if (amount.currency !== min.currency)
      throw new Problem(422, undefined, [
        { path: "amount.currency", message: t("err.currency_must_be", { currency: min.currency }) },
      ]);
    if (amount.amount < min.amount || amount.amount > max.amount)
      throw new Problem(422, undefined, [{ path: "amount.amount", message: t("err.amount_range") }]);
    const date = today();
    award = {
      id: newId(),
      callId: call.id,
      orgId: app.orgId,
      funderOrgId: call.funderOrgId,
      amount,
      amountUsd: toUsdCents(amount, await loadFxTable(db), date),
      awardDate: date,
      fundingType: call.fundingType,
      durationMonths: call.durationMonths,
    };
    plan = {
      awardId: award.id,
      tranches: defaultTranches({
        amount,
        awardDate: date,
        fundingType: call.fundingType,
        durationMonths: call.durationMonths,
      }),
    };
  }
  const notice: Notice = {
    orgId: app.orgId,
    kind: d.decision === "award" ? "application.awarded" : "application.declined",
    data: { applicationId: id, callId: call.id, callTitle: call.title },
  };
  // Non-cash awards are out of every money total, so there is nothing to split among partners.
  const split =
    award && !isNonCash(call)
      ? {
          leadOrgId: app.orgId,
          amountUsd: award.amountUsd as number | null,
          core: award.fundingType === "core",
          confidential: call.confidential,
        }
      : null;
  const won = await decideApplication(
    db,
    {
      id,
      token: newId(),
      decidedBy: viewer.userId,
      decision: d.decision,
      reasons: d.decision === "decline" ? (d.reasons ?? []) : [],
      note: d.note ?? null,
      award,
    },
    (cond) => [
      auditInsertIf(
        db,
        {
          actorUserId: viewer.userId,
          action: `application.${d.decision === "award" ? "awarded" : "declined"}`,
          subjectType: "application",
          subjectId: id,
          data: { amount: d.amount ?? null, reasons: d.reasons ?? [] },
        },
        cond,
      ),
      notifyInsertIf(db, notice, cond),
      // The default plan in the same batch: an award never exists without tranches money can be sent against.
      ...(plan ? defaultPlanInsertsIf(db, plan.awardId, plan.tranches, cond) : []),
      // A consortium's award is split by share in the per-organisation totals (db/partners.ts).
      ...(split ? splitAwardIf(db, split, partners, cond) : []),
    ],
  );
  if (!won)
    throw new Problem(409, t("err.already_decided"), [{ path: "status", message: t("err.already_decided") }]);
  logNotice(notice);
  return (await findApplication(db, id))!;
};

/** The call's funder: every application that has been submitted (never drafts), with its review average. */
export const applicationsForCall = async (db: Db, viewer: Viewer | null, callId: string) => {
  const call = await viewCall(db, viewer, callId);
  enforce(canActForCallFunder(viewer, call));
  // Rapid-response requests come in the order they are due (standard calls keep submission order).
  return { call, items: byTimeLeft(await listCallApplications(db, callId)) };
};

export const applicationsOfOrg = async (db: Db, viewer: Viewer | null, orgId: string) => {
  const org = await findOrg(db, orgId);
  if (!org) throw new Problem(404);
  enforce(canActForOrg(viewer, org));
  return { org, items: await listOrgApplications(db, orgId) };
};

/** The viewer's CSOs that have not yet applied to this call (for the "apply" button), and those that have. */
export const applyChoices = async (db: Db, viewer: Viewer | null, callId: string) => {
  const csos = (viewer?.memberships ?? []).filter((m) => m.orgKind === "cso");
  const result: { orgId: string; applicationId: string | null }[] = [];
  for (const m of csos)
    result.push({
      orgId: m.orgId,
      applicationId: (await findApplicationFor(db, callId, m.orgId))?.id ?? null,
    });
  return result;
};
