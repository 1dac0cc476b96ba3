// Funding-call use cases shared by the API and the pages: create a draft, edit it (409 with the current
// copy on a stale version), publish, close, read with draft visibility, list open calls.
import type { Db } from "../db/client";
import {
  findCall,
  insertCall,
  updateDraftVersioned,
  transitionCall,
  listOpenCalls,
  listFunderCalls,
  type CallFields,
  type Call,
  type CallFilter,
  type Question,
} from "../db/calls";
import { findOrg } from "../db/orgs";
import { knownCountryCodes } from "../db/reference";
import { auditInsert } from "../db/audit";
import { openReview } from "./review-opening";
import { newId } from "../security/random";
import {
  canCreateCallFor,
  canManageCall,
  canViewCall,
  membershipIn,
  isAdmin,
  type Viewer,
} from "../domain/permissions";
import { Problem, type FieldError } from "../core/problem";
import { zodFieldErrors } from "../core/problem";
import { authorize, enforce } from "../core/authorize";
import type { Translate } from "../i18n";
import { CallInput } from "../../schema/api/calls";
import { posterProblem } from "../domain/offers";
import type { FundingType } from "../../schema/enums";

type QuestionInput = { id?: string; label: string; maxChars: number };
export type CallInputFields = Omit<CallFields, "questions"> & { questions: QuestionInput[] };

/** Questions keep the ids they were given; new ones get the first free "q1"…"q5". */
const withQuestionIds = (questions: QuestionInput[]): Question[] => {
  const used = new Set(questions.map((q) => q.id).filter(Boolean));
  let n = 1;
  return questions.map((q) => {
    if (q.id) return { id: q.id, label: q.label, maxChars: q.maxChars };
    while (used.has(`q${n}`)) n++;
    used.add(`q${n}`);
    return { id: `q${n}`, label: q.label, maxChars: q.maxChars };
  });
};

const POSTER_MESSAGES = { not_funder: "err.not_funder", unverified: "offer.err_unverified" } as const;

/** 403 when the organisation may not post (or publish) a call of this funding type (domain/offers.ts). */
const checkPoster = async (
  db: Db,
  t: Translate,
  orgId: string,
  fundingType: FundingType,
  stage: "draft" | "publish",
) => {
  const org = await findOrg(db, orgId);
  const problem = org
    ? posterProblem(org, fundingType, stage)
    : { path: "funderOrgId", reason: "not_funder" as const };
  if (!problem) return;
  // A funder not yet verified keeps the message it always had.
  const message = org?.kind === "funder" ? t("err.funder_not_verified") : t(POSTER_MESSAGES[problem.reason]);
  throw new Problem(problem.reason === "not_funder" ? 422 : 403, message, [{ path: problem.path, message }]);
};

const checkCountries = async (db: Db, t: Translate, codes?: string[]) => {
  if (!codes?.length) return;
  const known = await knownCountryCodes(db, codes);
  const errors: FieldError[] = codes.flatMap((c, i) =>
    known.has(c) ? [] : [{ path: `eligibility.countries.${i}`, message: t("err.country") }],
  );
  if (errors.length) throw new Problem(400, undefined, errors);
};

export const createCall = async (
  db: Db,
  t: Translate,
  viewer: Viewer | null,
  funderOrgId: string,
  fields: CallInputFields,
) => {
  authorize(viewer, canCreateCallFor(viewer, funderOrgId, fields.fundingType));
  await checkPoster(db, t, funderOrgId, fields.fundingType, "draft");
  await checkCountries(db, t, fields.eligibility.countries);
  const id = newId();
  return insertCall(db, id, funderOrgId, { ...fields, questions: withQuestionIds(fields.questions) }, [
    auditInsert(db, {
      actorUserId: viewer.userId,
      action: "call.created",
      subjectType: "call",
      subjectId: id,
      data: { funderOrgId },
    }),
  ]);
};

/** The call if the viewer may see it (drafts: the funder's members and admins); 404 otherwise. */
export const viewCall = async (db: Db, viewer: Viewer | null, id: string) => {
  const call = await findCall(db, id);
  if (!call) throw new Problem(404);
  enforce(canViewCall(viewer, call));
  return call;
};

export const manageableCall = async (db: Db, viewer: Viewer | null, id: string) => {
  const call = await findCall(db, id);
  if (!call) throw new Problem(404);
  enforce(canManageCall(viewer, call));
  return call;
};

/** manageableCall for changes: also the person making them, known to be signed in. */
const callToChange = async (db: Db, viewer: Viewer | null, id: string) => {
  const call = await findCall(db, id);
  if (!call) throw new Problem(404);
  authorize(viewer, canManageCall(viewer, call));
  return { call, actor: viewer };
};

const notDraft = (t: Translate) =>
  new Problem(422, t("err.call_not_draft"), [{ path: "status", message: t("err.call_not_draft") }]);

/** The fields of a call as the create schema has them, so a patch can be merged and re-checked whole. */
const asInput = (c: Call): CallInputFields => ({
  title: c.title,
  summary: c.summary,
  languages: c.languages,
  themes: c.themes,
  eligibility: {
    ...(c.eligibility.countries ? { countries: c.eligibility.countries } : {}),
    globalSouthOnly: c.eligibility.globalSouthOnly,
    legalStatuses: c.eligibility.legalStatuses,
    ...(c.eligibility.maxAnnualBudget ? { maxAnnualBudget: c.eligibility.maxAnnualBudget } : {}),
    requiredLedBy: c.eligibility.requiredLedBy,
    minTrustLevel: c.eligibility.minTrustLevel,
  },
  priorities: c.priorities,
  ...(c.grant ? { grant: c.grant } : {}),
  fundingType: c.fundingType,
  ...(c.offer ? { offer: c.offer } : {}),
  durationMonths: c.durationMonths,
  ...(c.deadline !== null ? { deadline: c.deadline } : {}),
  questions: c.questions,
  kind: c.kind,
  confidential: c.confidential,
  ...(c.decisionWithinDays !== null ? { decisionWithinDays: c.decisionWithinDays } : {}),
  review: { mode: c.review.mode, reviewsPerApplication: c.review.reviewsPerApplication },
});

/** Drafts only; the merged call must still satisfy every rule; a stale version gets 409 with the current copy. */
export const updateCall = async (
  db: Db,
  t: Translate,
  viewer: Viewer | null,
  id: string,
  version: number,
  patch: Partial<CallInputFields>,
) => {
  const { call, actor } = await callToChange(db, viewer, id);
  if (call.status !== "draft") throw notDraft(t);
  const base = asInput(call);
  // Turning an offer into a money call drops the offer (a patch cannot send "no offer" otherwise).
  if (patch.fundingType && patch.fundingType !== "non_cash" && !patch.offer) delete base.offer;
  const merged = CallInput.safeParse({ ...base, ...patch });
  if (!merged.success) throw new Problem(400, undefined, zodFieldErrors(merged.error, t));
  await checkCountries(db, t, patch.eligibility?.countries);
  await checkPoster(db, t, call.funderOrgId, merged.data.fundingType, "draft");
  const fields: CallFields = { ...merged.data, questions: withQuestionIds(merged.data.questions) };
  const updated = await updateDraftVersioned(db, id, version, fields, [
    auditInsert(db, {
      actorUserId: actor.userId,
      action: "call.updated",
      subjectType: "call",
      subjectId: id,
      data: { fields: Object.keys(patch), fromVersion: version },
    }),
  ]);
  if (updated) return updated;
  const current = (await findCall(db, id))!;
  if (current.status !== "draft") throw notDraft(t);
  throw new Problem(409, t("error.conflict"), [{ path: "version", message: t("err.version") }], { current });
};

export const publishCall = async (db: Db, t: Translate, viewer: Viewer | null, id: string) => {
  const { call, actor } = await callToChange(db, viewer, id);
  if (call.status !== "draft") throw notDraft(t);
  if (call.deadline !== null && Date.parse(call.deadline) <= Date.now())
    throw new Problem(422, t("err.deadline_past"), [{ path: "deadline", message: t("err.deadline_past") }]);
  // The poster itself must be verified, whoever presses the button (an admin publishing for an
  // unverified funder would open the same door).
  await checkPoster(db, t, call.funderOrgId, call.fundingType, "publish");
  const ok = await transitionCall(db, id, "draft", "open", [
    auditInsert(db, {
      actorUserId: actor.userId,
      action: "call.published",
      subjectType: "call",
      subjectId: id,
    }),
  ]);
  if (!ok) throw notDraft(t);
  return (await findCall(db, id))!;
};

export const closeCall = async (db: Db, t: Translate, viewer: Viewer | null, id: string) => {
  const { call, actor } = await callToChange(db, viewer, id);
  // A panel or peer call's review opens with its closing (once, whichever path gets there first).
  if (call.status === "closed") return (await openReview(db, id)) ? (await findCall(db, id))! : call;
  const ok = await transitionCall(db, id, call.status, "closed", [
    auditInsert(db, {
      actorUserId: actor.userId,
      action: "call.closed",
      subjectType: "call",
      subjectId: id,
    }),
  ]);
  if (!ok) throw new Problem(409, t("error.conflict"));
  await openReview(db, id);
  return (await findCall(db, id))!;
};

export const browseCalls = (db: Db, filter: CallFilter) => listOpenCalls(db, filter, new Date());

/** A funder's calls: its members and admins see drafts too; everyone else only published ones. */
export const callsOfFunder = async (db: Db, viewer: Viewer | null, funderOrgId: string) => {
  const all = await listFunderCalls(db, funderOrgId);
  return membershipIn(viewer, funderOrgId) || isAdmin(viewer) ? all : all.filter((c) => c.status !== "draft");
};
