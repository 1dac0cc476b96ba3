// Who may see and change what: pure rules over the viewer's platform role and memberships.
import type { FundingType, MemberRole, OrgKind, Visibility } from "../../schema/enums";
import type { PlatformRole } from "../../schema/accounts";

/** `orgVerified`: the platform verified the organisation; a funder must be, to see or reach groups. */
export type Membership = { orgId: string; orgKind: OrgKind; role: MemberRole; orgVerified: boolean };
export type Viewer = {
  userId: string;
  email: string;
  /** The person proved they read mail at `email` (followed a link sent there). */
  emailVerified: boolean;
  name: string;
  locale: string;
  timeZone: string | null;
  platformRole: PlatformRole;
  memberships: Membership[];
  /** Two-step sign-in (an authenticator app's codes) is turned on for this account. */
  twoFactor: boolean;
};

export type Decision = { ok: true } | { ok: false; status: 401 | 403 | 404; reason: string };
const allow: Decision = { ok: true };
const deny = (status: 401 | 403 | 404, reason: string): Decision => ({ ok: false, status, reason });

export const isAdmin = (v: Viewer | null) => v?.platformRole === "admin";
export const isFunderMember = (v: Viewer | null) => !!v?.memberships.some((m) => m.orgKind === "funder");
/**
 * Anyone can sign up and create an organisation of kind "funder", so being a funder's member proves
 * nothing: "funders only" means members of funders the platform verified (a fake call collecting
 * activists' data is the risk this closes).
 */
export const isVerifiedFunderMember = (v: Viewer | null) =>
  !!v?.memberships.some((m) => m.orgKind === "funder" && m.orgVerified);
export const membershipIn = (v: Viewer | null, orgId: string) =>
  v?.memberships.find((m) => m.orgId === orgId);

/** Which visibilities this viewer may see for organisations it is not a member of. */
export const visibleLevels = (v: Viewer | null): Visibility[] =>
  isAdmin(v)
    ? ["public", "funders_only", "hidden"]
    : isVerifiedFunderMember(v)
      ? ["public", "funders_only"]
      : ["public"];

/**
 * Hidden and funders-only organisations answer 404 to those who may not see them, so their existence
 * is not revealed (a group in a closed civic space must not be findable by guessing ids).
 */
export const canViewOrg = (v: Viewer | null, org: { id: string; visibility: Visibility }): Decision =>
  membershipIn(v, org.id) || visibleLevels(v).includes(org.visibility) ? allow : deny(404, "not_found");

export const canEditOrg = (v: Viewer | null, org: { id: string; visibility: Visibility }): Decision => {
  if (!v) return deny(401, "sign_in");
  if (membershipIn(v, org.id) || isAdmin(v)) return allow;
  return canViewOrg(v, org).ok ? deny(403, "not_member") : deny(404, "not_found");
};

/**
 * Decisions that expose a group or change who speaks for it — its visibility, inviting, removing,
 * changing roles — are its owners' alone. Not admins: an admin who could invite themselves could
 * read any hidden group; admins verify and correct reference data, never gain a membership.
 */
export const canManageMembers = (v: Viewer | null, org: { id: string; visibility: Visibility }): Decision => {
  if (!v) return deny(401, "sign_in");
  if (membershipIn(v, org.id)?.role === "owner") return allow;
  return canViewOrg(v, org).ok ? deny(403, "not_owner") : deny(404, "not_found");
};
export const canChangeVisibility = canManageMembers;

/** Who belongs to the group is seen by its members and by admins (who never gain a membership). */
export const canViewMembers = (v: Viewer | null, org: { id: string; visibility: Visibility }): Decision =>
  canEditOrg(v, org);

/** Members' e-mail addresses and the pending invitations are for the owners: members see names and roles. */
export const seesMemberContacts = (v: Viewer | null, orgId: string) =>
  membershipIn(v, orgId)?.role === "owner";

/** Owners remove anyone; every member may remove themselves (leave). Whether an owner remains is checked where it is written. */
export const canRemoveMember = (
  v: Viewer | null,
  org: { id: string; visibility: Visibility },
  userId: string,
): Decision => {
  if (!v) return deny(401, "sign_in");
  const m = membershipIn(v, org.id);
  if (m?.role === "owner" || (m && v.userId === userId)) return allow;
  return canViewOrg(v, org).ok ? deny(403, "not_owner") : deny(404, "not_found");
};

/** How addresses are compared: trimmed and lower-cased (users and invitations are stored so). */
export const normaliseEmail = (email: string) => email.trim().toLowerCase();

/**
 * An invitation is answered (accepted or declined) only by the person who proved they read mail at the
 * invited address. For anyone else it does not exist (404): an invitation must not reveal a hidden group.
 */
export const canAnswerInvitation = (v: Viewer | null, inv: { email: string }): Decision => {
  if (!v) return deny(401, "sign_in");
  return v.emailVerified && normaliseEmail(v.email) === normaliseEmail(inv.email)
    ? allow
    : deny(404, "not_found");
};

/**
 * Exporting everything and deleting the organisation are its owners' decisions alone. Admins cannot:
 * the data belongs to the group, and an export is exactly what an attacker with an admin session wants.
 */
export const canDisposeOrg = (v: Viewer | null, org: { id: string; visibility: Visibility }): Decision => {
  if (!v) return deny(401, "sign_in");
  if (membershipIn(v, org.id)?.role === "owner") return allow;
  return canViewOrg(v, org).ok ? deny(403, "not_owner") : deny(404, "not_found");
};

/**
 * Admins and analysts see every hidden group and the unsuppressed figures, so in production their
 * accounts must have two-step sign-in: a phished password alone must not open that door. Until they turn
 * it on they may sign in, but only reach what turning it on needs (`allowedBeforeSecondFactor`). Local
 * development (the demo admin and analyst) signs in with the password alone.
 */
export const needsSecondFactor = (
  v: Pick<Viewer, "platformRole" | "twoFactor"> | null,
  env: { SANAD_ENV?: string },
) =>
  !!v &&
  env.SANAD_ENV === "production" &&
  (v.platformRole === "admin" || v.platformRole === "analyst") &&
  !v.twoFactor;

/**
 * What an account that still needs its second factor may use: the security page and its forms (turning
 * two-step sign-in on, and also changing the password and signing other devices out, so a person who
 * fears a break-in can act at once), who am I, and signing out. Static assets never ask who is asking.
 */
const BEFORE_SECOND_FACTOR = [
  /^\/me\/security$/,
  /^\/me\/2fa(\/.*)?$/,
  /^\/me\/password$/,
  /^\/me\/sessions(\/.*)?$/,
  /^\/logout$/,
  /^\/api\/v1\/me$/,
  /^\/api\/v1\/me\/2fa(\/.*)?$/,
  /^\/api\/v1\/me\/password$/,
  /^\/api\/v1\/me\/sessions(\/.*)?$/,
  /^\/api\/v1\/auth\/logout$/,
];
export const allowedBeforeSecondFactor = (path: string) => BEFORE_SECOND_FACTOR.some((re) => re.test(path));

/**
 * Narrowing the equity report to one funder (or one of its calls). Analysts, admins and the funder's own
 * members see all of it ("all"); anyone may ask for a public funder's account ("public": the report then
 * leaves out what the funder gives in confidence, see README "Public accounting per funder"). A hidden or
 * funders-only funder, a draft or confidential call, and an id that does not exist all answer null alike,
 * so the refusal does not reveal that they exist.
 */
export const reportFilterScope = (
  v: Viewer | null,
  funder: { id: string; visibility: Visibility } | null,
  call: { status: string; confidential: boolean } | null = null,
): "all" | "public" | null => {
  // Analysts and admins keep their answer for any id (an unknown or deleted funder's is an empty report).
  if (v?.platformRole === "analyst" || isAdmin(v)) return "all";
  if (!funder) return null;
  if (membershipIn(v, funder.id)) return "all";
  if (funder.visibility !== "public") return null;
  return !call || (call.status !== "draft" && !call.confidential) ? "public" : null;
};

/** Only admins change verification and reference data. */
export const canAdminister = (v: Viewer | null): Decision =>
  !v ? deny(401, "sign_in") : isAdmin(v) ? allow : deny(403, "admin_only");

/** Profile fields a CSO must fill in before it can apply to a call (API.md). */
export const CSO_REQUIRED_FOR_APPLYING = ["country", "setting", "legalStatus", "annualBudget"] as const;

/**
 * Funding calls are run by the members of the funder organisation that posted them (and admins); a
 * civil-society group's owners may post non-cash offers (what a group may post: domain/offers.ts).
 */
export const canCreateCallFor = (
  v: Viewer | null,
  funderOrgId: string,
  fundingType?: FundingType,
): Decision => {
  if (!v) return deny(401, "sign_in");
  const m = membershipIn(v, funderOrgId);
  const offersHelp = fundingType === "non_cash" && m?.role === "owner";
  return m?.orgKind === "funder" || offersHelp || isAdmin(v) ? allow : deny(403, "not_funder_member");
};

/** Drafts are seen only by the funder's members and admins; for anyone else they do not exist. */
export const canViewCall = (v: Viewer | null, call: { funderOrgId: string; status: string }): Decision =>
  call.status !== "draft" || membershipIn(v, call.funderOrgId) || isAdmin(v) ? allow : deny(404, "not_found");

export const canManageCall = (v: Viewer | null, call: { funderOrgId: string; status: string }): Decision => {
  if (!canViewCall(v, call).ok) return deny(404, "not_found");
  if (!v) return deny(401, "sign_in");
  return membershipIn(v, call.funderOrgId) || isAdmin(v) ? allow : deny(403, "not_funder_member");
};

/** What only the call's funder may do (the review list): its members, not admins browsing. */
export const canActForCallFunder = (
  v: Viewer | null,
  call: { funderOrgId: string; status: string },
): Decision => {
  if (!canViewCall(v, call).ok) return deny(404, "not_found");
  if (!v) return deny(401, "sign_in");
  return membershipIn(v, call.funderOrgId) ? allow : deny(403, "not_funder_member");
};

/**
 * Reaching out to groups — ranking eligible organisations, inviting them, publishing a call they will
 * answer — needs a funder the platform verified; until then a funder can only draft.
 */
export const canReachOutForCall = (
  v: Viewer | null,
  call: { funderOrgId: string; status: string },
): Decision => {
  const act = canActForCallFunder(v, call);
  if (!act.ok) return act;
  return membershipIn(v, call.funderOrgId)!.orgVerified ? allow : deny(403, "funder_not_verified");
};

/** What only an organisation's own members may do: its matches, its list of applications (API.md). */
export const canActForOrg = (v: Viewer | null, org: { id: string; visibility: Visibility }): Decision => {
  if (!v) return canViewOrg(v, org).ok ? deny(401, "sign_in") : deny(404, "not_found");
  if (membershipIn(v, org.id)) return allow;
  return canViewOrg(v, org).ok ? deny(403, "not_member") : deny(404, "not_found");
};

/** `partners`: a consortium application's partner organisations (they read it, never change it). */
type AppRef = { orgId: string; submittedAt: string | null; partners?: readonly { orgId: string }[] };
type CallRef = { funderOrgId: string };

/**
 * An application is seen by the applying organisation's members, its consortium partners' members, by
 * the call's funder once it has been submitted (never a draft), and by admins. For anyone else it does
 * not exist.
 */
export const canViewApplication = (v: Viewer | null, app: AppRef, call: CallRef): Decision => {
  if (!v) return deny(401, "sign_in");
  if (membershipIn(v, app.orgId) || isAdmin(v)) return allow;
  if (app.partners?.some((p) => membershipIn(v, p.orgId))) return allow;
  if (app.submittedAt && membershipIn(v, call.funderOrgId)) return allow;
  return deny(404, "not_found");
};

/** Answers, amount, submission and withdrawal belong to the applying organisation's members. */
export const canEditApplication = (v: Viewer | null, app: AppRef, call: CallRef): Decision => {
  const view = canViewApplication(v, app, call);
  if (!view.ok) return view;
  return membershipIn(v, app.orgId) ? allow : deny(403, "not_applicant");
};

/**
 * A partner's consent is given (and taken back) by that partner organisation's owners: it commits the
 * group to a role and a share of the money. Others who may read the application get 403.
 */
export const canConsentAsPartner = (
  v: Viewer | null,
  app: AppRef,
  call: CallRef,
  partnerOrgId: string,
): Decision => {
  const view = canViewApplication(v, app, call);
  if (!view.ok) return view;
  return membershipIn(v, partnerOrgId)?.role === "owner" ? allow : deny(403, "not_owner");
};

/** Reviews and decisions belong to the members of the funder that posted the call. */
export const canReviewApplication = (v: Viewer | null, app: AppRef, call: CallRef): Decision => {
  const view = canViewApplication(v, app, call);
  if (!view.ok) return view;
  return app.submittedAt && membershipIn(v, call.funderOrgId) ? allow : deny(403, "not_funder_member");
};

/**
 * A review assignment exists only for the person it is assigned to: the funder, the applicant, admins and
 * other reviewers get 404 (which applications a panelist reviews is theirs to know).
 */
export const canReviewAssignment = (v: Viewer | null, a: { reviewerId: string } | null): Decision => {
  if (!v) return deny(401, "sign_in");
  return a && a.reviewerId === v.userId ? allow : deny(404, "not_found");
};

type PledgeRef = { pledgerUserId: string; funderOrgId: string | null; recipientOrgId: string };

/** Pledging as a funder organisation needs membership of it; anyone signed in may pledge as themselves. */
export const canPledgeAs = (v: Viewer | null, funderOrgId: string | null): Decision => {
  if (!v) return deny(401, "sign_in");
  if (funderOrgId === null) return allow;
  return membershipIn(v, funderOrgId)?.orgKind === "funder" ? allow : deny(403, "not_funder_member");
};

const isPledger = (v: Viewer | null, p: PledgeRef) =>
  v?.userId === p.pledgerUserId || (p.funderOrgId !== null && !!membershipIn(v, p.funderOrgId));

/** A pledge is seen by who made it (the person, their funder organisation), the recipient's members and admins. */
export const canViewPledge = (v: Viewer | null, p: PledgeRef): Decision => {
  if (!v) return deny(401, "sign_in");
  return isPledger(v, p) || membershipIn(v, p.recipientOrgId) || isAdmin(v) ? allow : deny(404, "not_found");
};

/** Only the pledger stops a pledge (admins too, for support); the recipient cannot. */
export const canCancelPledge = (v: Viewer | null, p: PledgeRef): Decision => {
  const view = canViewPledge(v, p);
  if (!view.ok) return view;
  return isPledger(v, p) || isAdmin(v) ? allow : deny(403, "not_pledger");
};

/** Whether the public ledger may show who gave: always to the pledger, the recipient's members and admins. */
export const seesAnonymousPledger = (v: Viewer | null, p: PledgeRef) =>
  isPledger(v, p) || !!membershipIn(v, p.recipientOrgId) || isAdmin(v);

/**
 * Who gave, as this viewer may read it (null: "anonymous" / "a funder"). The pledger and admins always
 * see it; a funder organisation's name follows that organisation's own visibility, for everyone (a
 * hidden funder is not named on a grantee's public ledger); an anonymous pledge is named only to the
 * recipient's members.
 */
export const pledgerShownTo = (
  v: Viewer | null,
  p: PledgeRef & { anonymous: boolean },
  funderVisibility: Visibility | null,
  name: string | null,
) => {
  if (isPledger(v, p) || isAdmin(v)) return name;
  if (
    p.funderOrgId !== null &&
    !canViewOrg(v, { id: p.funderOrgId, visibility: funderVisibility ?? "hidden" }).ok
  )
    return null;
  return !p.anonymous || membershipIn(v, p.recipientOrgId) ? name : null;
};

/**
 * Anonymous feedback sent to a group is read by its owners alone: not its other members (a message may be
 * about one of them), not admins (a channel the platform reads would not feel anonymous to those writing).
 */
export const canReadFeedback = canManageMembers;

/**
 * Rating a funder, on behalf of a group one belongs to. Whether that group applied to the funder is a
 * fact in the data, checked after this; a funder the viewer may not see does not exist for them.
 */
export const canRateFunder = (
  v: Viewer | null,
  funder: { id: string; visibility: Visibility },
  ratingOrgId: string,
): Decision => {
  if (!canViewOrg(v, funder).ok) return deny(404, "not_found");
  if (!v) return deny(401, "sign_in");
  return membershipIn(v, ratingOrgId) ? allow : deny(403, "not_member");
};

type AwardRef = { orgId: string; funderOrgId: string };

/**
 * An award and its money (plan, disbursements, receipts) are seen by the group that got it, the funder
 * that gave it, and admins. For anyone else it does not exist: an award names a group and its funder.
 */
export const canViewAward = (v: Viewer | null, a: AwardRef): Decision => {
  if (!v) return deny(401, "sign_in");
  return membershipIn(v, a.orgId) || membershipIn(v, a.funderOrgId) || isAdmin(v)
    ? allow
    : deny(404, "not_found");
};

/**
 * The plan and the money sent are the funder's own statements: its members record them, not admins and
 * not the group. A funder the platform has not verified cannot, as it cannot publish or reach out.
 */
export const canDisburse = (v: Viewer | null, a: AwardRef): Decision => {
  const view = canViewAward(v, a);
  if (!view.ok) return view;
  const m = membershipIn(v, a.funderOrgId);
  if (!m) return deny(403, "not_funder_member");
  return m.orgVerified ? allow : deny(403, "funder_not_verified");
};

/** Who paid a disbursement: the award's funder, or for pooled pledge money the pledge's pledger. */
type DisbursementRef = { orgId: string; payerOrgId: string | null; pledgerUserId: string | null };

/** A disbursement is seen by the receiving group, whoever paid it, and admins. */
export const canViewDisbursement = (v: Viewer | null, d: DisbursementRef): Decision => {
  if (!v) return deny(401, "sign_in");
  const payer = (d.payerOrgId !== null && !!membershipIn(v, d.payerOrgId)) || v.userId === d.pledgerUserId;
  return membershipIn(v, d.orgId) || payer || isAdmin(v) ? allow : deny(404, "not_found");
};

/** Only the receiving group says what arrived: neither the payer nor an admin can confirm it for them. */
export const canConfirmReceipt = (v: Viewer | null, d: DisbursementRef): Decision => {
  const view = canViewDisbursement(v, d);
  if (!view.ok) return view;
  return membershipIn(v, d.orgId) ? allow : deny(403, "not_recipient");
};

/**
 * Uploading files: a signed-in person whose e-mail address is verified (storage is paid for, and an
 * address nobody proved to own is how throwaway accounts would fill it).
 */
export const canUpload = (v: Viewer | null): Decision =>
  !v ? deny(401, "sign_in") : v.emailVerified ? allow : deny(403, "email_unverified");

/**
 * An uploaded file is read by whoever uploaded it, by admins, and by the members of the organisations that
 * what it is attached to lets read it (`readers`, one entry per attachment, e.g. a report's group and
 * funders). For anyone else it does not exist (404): a file id must not reveal that a report or photo
 * exists.
 */
export const canReadUpload = (
  v: Viewer | null,
  upload: { uploaderId: string },
  readers: readonly { orgIds: readonly string[] }[],
): Decision => {
  if (!v) return deny(401, "sign_in");
  if (v.userId === upload.uploaderId || isAdmin(v)) return allow;
  return readers.some((r) => r.orgIds.some((orgId) => membershipIn(v, orgId)))
    ? allow
    : deny(404, "not_found");
};

/** A light report: its group, whether it was sent, and the funders it is for (its award's, and shared). */
type ReportRef = { orgId: string; status: string; funderOrgIds: readonly string[] };

/**
 * A report is the group's own until it is sent; then the funder of its award, the funders of the awards it
 * was shared with, and admins read it too. For anyone else (a draft, to a funder) it does not exist.
 */
export const canReadReport = (v: Viewer | null, r: ReportRef): Decision => {
  if (!v) return deny(401, "sign_in");
  if (membershipIn(v, r.orgId)) return allow;
  if (r.status !== "submitted") return deny(404, "not_found");
  return isAdmin(v) || r.funderOrgIds.some((id) => membershipIn(v, id)) ? allow : deny(404, "not_found");
};

/** The group's members write and send its reports; a funder who may read one cannot change it. */
export const canWriteReport = (v: Viewer | null, r: ReportRef): Decision => {
  const read = canReadReport(v, r);
  if (!read.ok) return read;
  return membershipIn(v, r.orgId) ? allow : deny(403, "not_grantee");
};

/**
 * Sharing shows the group's words to another funder: a decision that exposes the group, so its owners
 * take it (like visibility), not every member.
 */
export const canShareReport = (v: Viewer | null, r: ReportRef): Decision => {
  const write = canWriteReport(v, r);
  if (!write.ok) return write;
  return membershipIn(v, r.orgId)?.role === "owner" ? allow : deny(403, "not_owner");
};
