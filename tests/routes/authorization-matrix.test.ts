// Every route × every kind of caller → the expected outcome, run against the real app. The table must
// list every route the app has: a new route fails this test until someone decides who may use it.
//
// Outcomes: "ok" = the caller got past authorization (2xx, 3xx, or a rule the request broke: 400, 409,
// 422); 401 / 403 / 404 = refused. Each route runs on fresh fixtures so one caller's change does not
// decide the next caller's outcome.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, test } from "vitest";
import { Client, ORIGIN } from "../helpers/client";
import { MINIMAL_PNG, uploadForm } from "../helpers/uploads";
import {
  signUp,
  userWithRole,
  csoFields,
  funderFields,
  PASSWORD,
  markVerified,
  addMember,
} from "../helpers/world";
import { callBody } from "../helpers/calls";
import { libraryFixture, postResource, resourceBody } from "../helpers/resources";
import { createApp } from "../../worker/app";

const CALLERS = ["anon", "otherCso", "ownCso", "otherFunder", "ownFunder", "analyst", "admin"] as const;
type Caller = (typeof CALLERS)[number];
type Outcome = "ok" | 401 | 403 | 404 | 400;

/** Shorthands for rows of the table. */
const all = (o: Outcome): Outcome[] => CALLERS.map(() => o);
const signedIn = (o: Outcome = "ok"): Outcome[] => [401, o, o, o, o, o, o];
//                               anon otherCso ownCso otherFunder ownFunder analyst admin
const csoMembers: Outcome[] = [401, 403, "ok", 403, 403, 403, 403];
const csoMembersOrAdmin: Outcome[] = [401, 403, "ok", 403, 403, 403, "ok"];
const funderMembers: Outcome[] = [401, 403, 403, 403, "ok", 403, 403];
const funderMembersOrAdmin: Outcome[] = [401, 403, 403, 403, "ok", 403, "ok"];
const adminOnly: Outcome[] = [401, 403, 403, 403, 403, 403, "ok"];
/** Exporting, deleting, inviting: the organisation's owners alone, not even admins. */
const csoOwners: Outcome[] = [401, 403, "ok", 403, 403, 403, 403];
/** A draft call exists only for its funder's members and admins: 404 for everyone else, signed in or not. */
const draftCallManagers: Outcome[] = [404, 404, 404, 404, "ok", 404, "ok"];
/** Pages ask anonymous visitors to sign in before anything else. */
const draftCallPages: Outcome[] = [401, 404, 404, 404, "ok", 404, "ok"];
/** A consortium's partner consents by its owners; others who may read the draft (admins) get 403. */
const partnerOwners: Outcome[] = [401, 404, "ok", 404, 404, 404, 403];

type Fx = {
  cso: string;
  funder: string;
  call: string;
  app: string;
  draft: string;
  draftCall: string;
  pledge: string;
  token: string;
  invitation: string;
  member: string;
  user: string;
  award: string;
  disbursement: string;
  upload: string;
  report: string;
  reportDraft: string;
  libraryOrg: string;
  resource: string;
  resourcePending: string;
  /** A draft consortium application of a group outside the callers, naming `cso` as its partner. */
  consortium: string;
  /** `cso`'s "looking for partners" post on `call`. */
  partnerPost: string;
};
type Row = {
  route: string;
  expect: Outcome[];
  path: (f: Fx) => string;
  body?: (f: Fx) => unknown;
  form?: (f: Fx) => Record<string, string>;
};

const json = (route: string, expect: Outcome[], path: (f: Fx) => string, body?: (f: Fx) => unknown): Row => ({
  route,
  expect,
  path,
  body,
});
const form = (
  route: string,
  expect: Outcome[],
  path: (f: Fx) => string,
  fields: (f: Fx) => Record<string, string> = () => ({}),
): Row => ({ route, expect, path, form: fields });
const usd = (amount: number) => ({ amount, currency: "USD" });
/** The new-call form as a browser posts it, complete and valid. */
const callForm = (funderOrgId: string) => ({
  funderOrgId,
  title: "Matrix call",
  summary: "A call posted by the matrix.",
  languages: "en",
  grantMin: "1000",
  grantMax: "5000",
  grantCurrency: "USD",
  fundingType: "core",
  durationMonths: "12",
  deadline: new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 16),
  q1_label: "Why?",
  q1_max: "500",
});

const TABLE: Row[] = [
  // Public reading.
  json("GET /", all("ok"), () => "/"),
  json("GET /api/v1/health", all("ok"), () => "/api/v1/health"),
  json("GET /api/v1/openapi.json", all("ok"), () => "/api/v1/openapi.json"),
  json("GET /api/v1/docs", all("ok"), () => "/api/v1/docs"),
  json("GET /api/v1/countries", all("ok"), () => "/api/v1/countries"),
  json("GET /api/v1/themes", all("ok"), () => "/api/v1/themes"),
  json("GET /api/v1/fx-rates", all("ok"), () => "/api/v1/fx-rates"),
  json("GET /api/v1/calls", all("ok"), () => "/api/v1/calls"),
  json("GET /api/v1/calls/:id", all("ok"), (f) => `/api/v1/calls/${f.call}`),
  json("GET /api/v1/orgs", all("ok"), () => "/api/v1/orgs"),
  json("GET /api/v1/orgs/:id", all("ok"), (f) => `/api/v1/orgs/${f.cso}`),
  json("GET /api/v1/orgs/:id/calls", all("ok"), (f) => `/api/v1/orgs/${f.funder}/calls`),
  json("GET /api/v1/orgs/:id/ledger", all("ok"), (f) => `/api/v1/orgs/${f.cso}/ledger`),
  json("GET /api/v1/reports/equity", all("ok"), () => "/api/v1/reports/equity"),
  json("GET /api/v1/reports/equity.csv", all("ok"), () => "/api/v1/reports/equity.csv"),
  json("GET /api/v1/exports/360giving.json", all("ok"), () => "/api/v1/exports/360giving.json"),
  json("GET /calls", all("ok"), () => "/calls"),
  json("GET /calls/:id", all("ok"), (f) => `/calls/${f.call}`),
  // Open feeds and the anonymous eligibility check (issue 21): anyone; the weekly digest: the CSO's members.
  json("GET /calls.atom", all("ok"), () => "/calls.atom"),
  json("GET /calls.json", all("ok"), () => "/calls.json"),
  json("GET /check", all("ok"), () => "/check"),
  form(
    "POST /check",
    all("ok"),
    () => "/check",
    () => ({ country: "EG", ledBy: "women" }),
  ),
  json(
    "POST /api/v1/eligibility-check",
    all("ok"),
    () => "/api/v1/eligibility-check",
    () => ({ country: "EG", ledBy: ["women"] }),
  ),
  json("GET /api/v1/orgs/:id/digest", csoMembers, (f) => `/api/v1/orgs/${f.cso}/digest`),
  json(
    "PUT /api/v1/orgs/:id/digest",
    csoMembers,
    (f) => `/api/v1/orgs/${f.cso}/digest`,
    () => ({ on: true }),
  ),
  form(
    "POST /me/digest",
    csoMembers,
    () => "/me/digest",
    (f) => ({ orgId: f.cso, on: "true" }),
  ),
  json("GET /orgs", all("ok"), () => "/orgs"),
  json("GET /orgs/:id", all("ok"), (f) => `/orgs/${f.cso}`),
  json("GET /orgs/:id/ledger", all("ok"), (f) => `/orgs/${f.cso}/ledger`),
  json("GET /reports", all("ok"), () => "/reports"),
  json("GET /map", all("ok"), () => "/map?metric=awards"),
  json("GET /api/v1/map", all("ok"), () => "/api/v1/map?metric=amount"),
  json("GET /login", all("ok"), () => "/login"),
  json("GET /signup", all("ok"), () => "/signup"),
  // Accounts.
  json(
    "POST /api/v1/auth/signup",
    all("ok"),
    () => "/api/v1/auth/signup",
    () => ({ email: `m-${crypto.randomUUID()}@example.org`, password: PASSWORD, name: "New" }),
  ),
  json(
    "POST /api/v1/auth/login",
    all("ok"),
    () => "/api/v1/auth/login",
    () => ({ email: "matrix-login@example.org", password: PASSWORD }),
  ),
  json("POST /api/v1/auth/logout", all("ok"), () => "/api/v1/auth/logout"),
  json("GET /api/v1/me", signedIn(), () => "/api/v1/me"),
  json(
    "PATCH /api/v1/me",
    signedIn(),
    () => "/api/v1/me",
    () => ({ name: "Renamed" }),
  ),
  json("GET /api/v1/tokens", signedIn(), () => "/api/v1/tokens"),
  json(
    "POST /api/v1/tokens",
    signedIn(),
    () => "/api/v1/tokens",
    () => ({ name: "matrix" }),
  ),
  json("DELETE /api/v1/tokens/:id", [401, 404, "ok", 404, 404, 404, 404], (f) => `/api/v1/tokens/${f.token}`),
  // Mail links and passwords: a bogus token is refused alike for everyone (400), a wrong current password too.
  json(
    "POST /api/v1/auth/verify",
    all(400),
    () => "/api/v1/auth/verify",
    () => ({ token: "matrix-token-that-was-never-mailed" }),
  ),
  json(
    "POST /api/v1/auth/password-reset",
    all("ok"),
    () => "/api/v1/auth/password-reset",
    () => ({ email: `reset-${crypto.randomUUID()}@example.org` }),
  ),
  json(
    "POST /api/v1/auth/password-reset/confirm",
    all(400),
    () => "/api/v1/auth/password-reset/confirm",
    () => ({ token: "matrix-token-that-was-never-mailed", password: PASSWORD }),
  ),
  json(
    "POST /api/v1/me/password",
    signedIn(400),
    () => "/api/v1/me/password",
    () => ({ current: "not the password", password: "a new passphrase 42" }),
  ),
  json("GET /api/v1/me/sessions", signedIn(), () => "/api/v1/me/sessions"),
  json("DELETE /api/v1/me/sessions/:id", signedIn(404), () => "/api/v1/me/sessions/not-a-session-of-yours"),
  json("DELETE /api/v1/me/sessions", signedIn(), () => "/api/v1/me/sessions"),
  // Two-step sign-in: one's own. Start (a pending key), then a code that cannot be right (400); turning
  // off is refused as "already off" (409, past authorization) without counting a login attempt.
  json("POST /api/v1/me/2fa", signedIn(), () => "/api/v1/me/2fa"),
  json(
    "POST /api/v1/me/2fa/confirm",
    signedIn(400),
    () => "/api/v1/me/2fa/confirm",
    () => ({ code: "12345" }),
  ),
  json(
    "DELETE /api/v1/me/2fa",
    signedIn(),
    () => "/api/v1/me/2fa",
    () => ({ code: "12345" }),
  ),
  form("POST /me/2fa", signedIn(), () => "/me/2fa"),
  form(
    "POST /me/2fa/confirm",
    signedIn(400),
    () => "/me/2fa/confirm",
    () => ({ code: "12345" }),
  ),
  form(
    "POST /me/2fa/disable",
    signedIn(),
    () => "/me/2fa/disable",
    () => ({ code: "12345" }),
  ),
  json("GET /api/v1/dev/mail", all("ok"), () => "/api/v1/dev/mail"),
  json("GET /verify", all("ok"), () => "/verify?token=x"),
  form(
    "POST /verify",
    all(400),
    () => "/verify",
    () => ({ token: "matrix-token-that-was-never-mailed" }),
  ),
  json("GET /forgot", all("ok"), () => "/forgot"),
  form(
    "POST /forgot",
    all("ok"),
    () => "/forgot",
    () => ({ email: `reset-${crypto.randomUUID()}@example.org` }),
  ),
  json("GET /reset", all("ok"), () => "/reset?token=x"),
  form(
    "POST /reset",
    all(400),
    () => "/reset",
    () => ({ token: "matrix-token-that-was-never-mailed", password: PASSWORD }),
  ),
  json("GET /me/security", signedIn(), () => "/me/security"),
  form(
    "POST /me/password",
    signedIn(400),
    () => "/me/password",
    () => ({ current: "not the password", password: "a new passphrase 42" }),
  ),
  form("POST /me/sessions/end-others", signedIn(), () => "/me/sessions/end-others"),
  form("POST /me/sessions/:id/end", signedIn(404), () => "/me/sessions/not-a-session-of-yours/end"),
  json("GET /dev/mail", all("ok"), () => "/dev/mail"),
  json("GET /api/v1/invitations", signedIn(), () => "/api/v1/invitations"),
  json(
    "POST /api/v1/invitations/:id/accept",
    [401, 404, 404, 404, 404, 404, 404],
    (f) => `/api/v1/invitations/${f.invitation}/accept`,
  ),
  form(
    "POST /signup",
    all("ok"),
    () => "/signup",
    () => ({ name: "New", email: `m-${crypto.randomUUID()}@example.org`, password: PASSWORD }),
  ),
  form(
    "POST /login",
    all("ok"),
    () => "/login",
    () => ({ email: "matrix-login@example.org", password: PASSWORD }),
  ),
  form("POST /logout", all("ok"), () => "/logout"),
  json("GET /me", signedIn(), () => "/me"),
  form(
    "POST /me/settings",
    signedIn(),
    () => "/me/settings",
    () => ({ locale: "fr" }),
  ),
  form(
    "POST /me/tokens",
    signedIn(),
    () => "/me/tokens",
    () => ({ token_name: "matrix" }),
  ),
  form(
    "POST /me/tokens/:id/revoke",
    [401, 404, "ok", 404, 404, 404, 404],
    (f) => `/me/tokens/${f.token}/revoke`,
  ),
  form(
    "POST /me/invitations/:id/accept",
    [401, 404, 404, 404, 404, 404, 404],
    (f) => `/me/invitations/${f.invitation}/accept`,
  ),
  // Only the invited person (verified address) answers an invitation; none of the callers is invited.
  json(
    "POST /api/v1/invitations/:id/decline",
    [401, 404, 404, 404, 404, 404, 404],
    (f) => `/api/v1/invitations/${f.invitation}/decline`,
  ),
  form(
    "POST /me/invitations/:id/decline",
    [401, 404, 404, 404, 404, 404, 404],
    (f) => `/me/invitations/${f.invitation}/decline`,
  ),
  // Organisations.
  json(
    "POST /api/v1/orgs",
    signedIn(),
    () => "/api/v1/orgs",
    () => ({ ...csoFields, name: "Another group" }),
  ),
  json(
    "PATCH /api/v1/orgs/:id",
    csoMembersOrAdmin,
    (f) => `/api/v1/orgs/${f.cso}`,
    () => ({ version: 1, volunteerCount: 3 }),
  ),
  json("GET /api/v1/orgs/:id/members", csoMembersOrAdmin, (f) => `/api/v1/orgs/${f.cso}/members`),
  json(
    "POST /api/v1/orgs/:id/members",
    csoOwners,
    (f) => `/api/v1/orgs/${f.cso}/members`,
    () => ({ email: `inv-${crypto.randomUUID()}@example.org`, role: "member" }),
  ),
  // Roles, removal and revoking are the owners' (f.member: a second, non-owner member of f.cso, not a caller).
  json(
    "PATCH /api/v1/orgs/:id/members/:userId",
    csoOwners,
    (f) => `/api/v1/orgs/${f.cso}/members/${f.member}`,
    () => ({ role: "member" }),
  ),
  json(
    "DELETE /api/v1/orgs/:id/members/:userId",
    csoOwners,
    (f) => `/api/v1/orgs/${f.cso}/members/${f.member}`,
  ),
  json(
    "DELETE /api/v1/orgs/:id/invitations/:invitationId",
    csoOwners,
    (f) => `/api/v1/orgs/${f.cso}/invitations/${f.invitation}`,
  ),
  json("GET /orgs/:id/members", csoMembersOrAdmin, (f) => `/orgs/${f.cso}/members`),
  form(
    "POST /orgs/:id/members/:userId/role",
    csoOwners,
    (f) => `/orgs/${f.cso}/members/${f.member}/role`,
    () => ({ role: "member" }),
  ),
  form(
    "POST /orgs/:id/members/:userId/remove",
    csoOwners,
    (f) => `/orgs/${f.cso}/members/${f.member}/remove`,
  ),
  form(
    "POST /orgs/:id/invitations/:invitationId/revoke",
    csoOwners,
    (f) => `/orgs/${f.cso}/invitations/${f.invitation}/revoke`,
  ),
  json(
    "POST /api/v1/orgs/:id/verify",
    adminOnly,
    (f) => `/api/v1/orgs/${f.cso}/verify`,
    () => ({ verified: true }),
  ),
  json("GET /api/v1/orgs/:id/matches", csoMembers, (f) => `/api/v1/orgs/${f.cso}/matches`),
  json("GET /api/v1/orgs/:id/applications", csoMembers, (f) => `/api/v1/orgs/${f.cso}/applications`),
  json("GET /api/v1/orgs/:id/export", csoOwners, (f) => `/api/v1/orgs/${f.cso}/export`),
  json(
    "DELETE /api/v1/orgs/:id",
    csoOwners,
    (f) => `/api/v1/orgs/${f.cso}`,
    () => ({ confirmName: csoFields.name }),
  ),
  json("GET /orgs/:id/delete", csoOwners, (f) => `/orgs/${f.cso}/delete`),
  form(
    "POST /orgs/:id/delete",
    csoOwners,
    (f) => `/orgs/${f.cso}/delete`,
    () => ({ confirmName: csoFields.name }),
  ),
  json("GET /orgs/new", signedIn(), () => "/orgs/new"),
  form(
    "POST /orgs/new",
    signedIn(),
    () => "/orgs/new",
    () => ({ kind: "cso", name: "Form group", country: "SN" }),
  ),
  json("GET /orgs/:id/edit", csoMembersOrAdmin, (f) => `/orgs/${f.cso}/edit`),
  form(
    "POST /orgs/:id/edit",
    csoMembersOrAdmin,
    (f) => `/orgs/${f.cso}/edit`,
    () => ({ version: "1", kind: "cso", name: "Renamed group", country: "EG" }),
  ),
  form(
    "POST /orgs/:id/members",
    csoOwners,
    (f) => `/orgs/${f.cso}/members`,
    () => ({ email: `inv-${crypto.randomUUID()}@example.org`, role: "member" }),
  ),
  form(
    "POST /orgs/:id/verify",
    adminOnly,
    (f) => `/orgs/${f.cso}/verify`,
    () => ({ verified: "true" }),
  ),
  json("GET /orgs/:id/matches", csoMembers, (f) => `/orgs/${f.cso}/matches`),
  json("GET /orgs/:id/applications", csoMembers, (f) => `/orgs/${f.cso}/applications`),
  // Calls.
  json(
    "POST /api/v1/calls",
    funderMembersOrAdmin,
    (f) => "/api/v1/calls",
    (f) => callBody(f.funder),
  ),
  json(
    "PATCH /api/v1/calls/:id",
    draftCallManagers,
    (f) => `/api/v1/calls/${f.draftCall}`,
    () => ({ version: 1, title: "Retitled" }),
  ),
  // Analysts come after the funder in the row, when the call is already published (open: 403, not 404).
  json(
    "POST /api/v1/calls/:id/publish",
    [404, 404, 404, 404, "ok", 403, "ok"],
    (f) => `/api/v1/calls/${f.draftCall}/publish`,
  ),
  json("POST /api/v1/calls/:id/close", funderMembersOrAdmin, (f) => `/api/v1/calls/${f.call}/close`),
  json(
    "POST /api/v1/calls/:id/invitations",
    funderMembers,
    (f) => `/api/v1/calls/${f.call}/invitations`,
    (f) => ({ orgId: f.cso }),
  ),
  json("GET /api/v1/calls/:id/matches", funderMembers, (f) => `/api/v1/calls/${f.call}/matches`),
  json("GET /api/v1/calls/:id/applications", funderMembers, (f) => `/api/v1/calls/${f.call}/applications`),
  // The review tally (f.call is a fresh panel call under review, tally unpublished, for each of these rows):
  // the funder's working document until published, 404 to everyone else; publishing is 409 for the admin,
  // who comes after the funder published (past authorization all the same). After publication: review-tally.test.ts.
  json("GET /api/v1/calls/:id/tally", draftCallManagers, (f) => `/api/v1/calls/${f.call}/tally`),
  json(
    "POST /api/v1/calls/:id/tally/publish",
    funderMembersOrAdmin,
    (f) => `/api/v1/calls/${f.call}/tally/publish`,
  ),
  json("GET /calls/:id/tally", draftCallManagers, (f) => `/calls/${f.call}/tally`),
  form("POST /calls/:id/tally/publish", funderMembersOrAdmin, (f) => `/calls/${f.call}/tally/publish`),
  // Participatory review. Inviting to a panel is the funder's members' (not admins': they join no one);
  // f.call reviews alone, so the funder's request is a 422 naming `email` — past authorization.
  json(
    "POST /api/v1/calls/:id/panelists",
    funderMembers,
    (f) => `/api/v1/calls/${f.call}/panelists`,
    () => ({ email: `panel-${crypto.randomUUID()}@example.org` }),
  ),
  form(
    "POST /calls/:id/panelists",
    funderMembers,
    (f) => `/calls/${f.call}/panelists`,
    () => ({ email: `panel-${crypto.randomUUID()}@example.org` }),
  ),
  json("GET /api/v1/me/reviews", signedIn(), () => "/api/v1/me/reviews"),
  json("GET /reviews", signedIn(), () => "/reviews"),
  // An assignment exists only for its reviewer, and none of the callers reviews anything: 404 for all
  // (the assignee's own access, and the applicant's and funder's 404, are in review-panel.test.ts).
  json("GET /api/v1/reviews/:assignmentId", signedIn(404), () => "/api/v1/reviews/not-an-assignment"),
  json(
    "POST /api/v1/reviews/:assignmentId",
    signedIn(404),
    () => "/api/v1/reviews/not-an-assignment",
    () => ({ score: 3 }),
  ),
  json("GET /reviews/:assignmentId", signedIn(404), () => "/reviews/not-an-assignment"),
  form(
    "POST /reviews/:assignmentId",
    signedIn(404),
    () => "/reviews/not-an-assignment",
    () => ({ score: "3" }),
  ),
  // The new-call form: members of any funder, and owners of a verified group (non-cash offers only) —
  // ownCso's group was verified by the "POST /api/v1/orgs/:id/verify" row above; otherCso's never is.
  json("GET /calls/new", [401, 403, "ok", "ok", "ok", 403, 403], () => "/calls/new"),
  form(
    "POST /calls/new",
    funderMembersOrAdmin,
    () => "/calls/new",
    (f) => callForm(f.funder),
  ),
  json("GET /calls/:id/edit", draftCallPages, (f) => `/calls/${f.draftCall}/edit`),
  form(
    "POST /calls/:id/edit",
    draftCallPages,
    (f) => `/calls/${f.draftCall}/edit`,
    (f) => ({ ...callForm(f.funder), version: "1" }),
  ),
  form(
    "POST /calls/:id/publish",
    [401, 404, 404, 404, "ok", 403, "ok"],
    (f) => `/calls/${f.draftCall}/publish`,
  ),
  form("POST /calls/:id/close", funderMembersOrAdmin, (f) => `/calls/${f.call}/close`),
  form(
    "POST /calls/:id/invitations",
    funderMembers,
    (f) => `/calls/${f.call}/invitations`,
    (f) => ({ orgId: f.cso }),
  ),
  json("GET /calls/:id/matches", funderMembers, (f) => `/calls/${f.call}/matches`),
  json("GET /calls/:id/applications", funderMembers, (f) => `/calls/${f.call}/applications`),
  json("GET /calls/:id/apply", signedIn(), (f) => `/calls/${f.call}/apply`),
  form(
    "POST /calls/:id/apply",
    csoMembers,
    (f) => `/calls/${f.call}/apply`,
    (f) => ({ orgId: f.cso }),
  ),
  // Applications: the applicant's members; the call's funder once submitted; admins read.
  json(
    "POST /api/v1/calls/:id/applications",
    csoMembers,
    (f) => `/api/v1/calls/${f.call}/applications`,
    (f) => ({ orgId: f.cso }),
  ),
  json(
    "GET /api/v1/applications/:id",
    [401, 404, "ok", 404, "ok", 404, "ok"],
    (f) => `/api/v1/applications/${f.app}`,
  ),
  json(
    "PATCH /api/v1/applications/:id",
    [401, 404, "ok", 404, 404, 404, 403],
    (f) => `/api/v1/applications/${f.draft}`,
    () => ({ version: 1, answers: {} }),
  ),
  json(
    "POST /api/v1/applications/:id/submit",
    [401, 404, "ok", 404, 404, 404, 403],
    (f) => `/api/v1/applications/${f.draft}/submit`,
  ),
  json(
    "POST /api/v1/applications/:id/withdraw",
    [401, 404, "ok", 404, 404, 404, 403],
    (f) => `/api/v1/applications/${f.draft}/withdraw`,
  ),
  json(
    "GET /api/v1/applications/:id/reviews",
    [401, 404, 403, 404, "ok", 404, 403],
    (f) => `/api/v1/applications/${f.app}/reviews`,
  ),
  json(
    "POST /api/v1/applications/:id/reviews",
    [401, 404, 403, 404, "ok", 404, 403],
    (f) => `/api/v1/applications/${f.app}/reviews`,
    () => ({ score: 4 }),
  ),
  json(
    "POST /api/v1/applications/:id/decision",
    [401, 404, 403, 404, "ok", 404, 403],
    (f) => `/api/v1/applications/${f.app}/decision`,
    () => ({ decision: "decline", reasons: ["other"] }),
  ),
  json("GET /applications/:id", [401, 404, "ok", 404, "ok", 404, "ok"], (f) => `/applications/${f.app}`),
  // Partners: posts on a call, and consortium applications (the partner's owners consent; admins may
  // read the application but not consent for a group).
  json(
    "POST /api/v1/calls/:id/partner-posts",
    csoMembers,
    (f) => `/api/v1/calls/${f.call}/partner-posts`,
    (f) => ({ orgId: f.cso, message: "Looking for a partner in the matrix." }),
  ),
  json("GET /api/v1/calls/:id/partner-posts", signedIn(), (f) => `/api/v1/calls/${f.call}/partner-posts`),
  json(
    "POST /api/v1/partner-posts/:id/close",
    csoMembers,
    (f) => `/api/v1/partner-posts/${f.partnerPost}/close`,
  ),
  form(
    "POST /calls/:id/partner-posts",
    csoMembers,
    (f) => `/calls/${f.call}/partner-posts`,
    (f) => ({ orgId: f.cso, message: "Looking for a partner in the matrix." }),
  ),
  form("POST /partner-posts/:id/close", csoMembers, (f) => `/partner-posts/${f.partnerPost}/close`),
  json(
    "POST /api/v1/applications/:id/partners/:orgId/consent",
    partnerOwners,
    (f) => `/api/v1/applications/${f.consortium}/partners/${f.cso}/consent`,
  ),
  json(
    "DELETE /api/v1/applications/:id/partners/:orgId/consent",
    partnerOwners,
    (f) => `/api/v1/applications/${f.consortium}/partners/${f.cso}/consent`,
  ),
  form(
    "POST /applications/:id/partners/:orgId/consent",
    partnerOwners,
    (f) => `/applications/${f.consortium}/partners/${f.cso}/consent`,
  ),
  form(
    "POST /applications/:id/partners/:orgId/withdraw-consent",
    partnerOwners,
    (f) => `/applications/${f.consortium}/partners/${f.cso}/withdraw-consent`,
  ),
  form(
    "POST /applications/:id/partners",
    [401, 404, "ok", 404, 404, 404, 403],
    (f) => `/applications/${f.draft}/partners`,
    (f) => ({ version: "1", partner: f.cso, role: "Training", share: "10" }),
  ),
  form(
    "POST /applications/:id/partners/:orgId/remove",
    [401, 404, "ok", 404, 404, 404, 403],
    (f) => `/applications/${f.draft}/partners/${f.cso}/remove`,
    () => ({ version: "1" }),
  ),
  form(
    "POST /applications/:id",
    [401, 404, "ok", 404, 404, 404, 403],
    (f) => `/applications/${f.draft}`,
    () => ({ version: "1", action: "save" }),
  ),
  form(
    "POST /applications/:id/withdraw",
    [401, 404, "ok", 404, 404, 404, 403],
    (f) => `/applications/${f.draft}/withdraw`,
  ),
  form(
    "POST /applications/:id/reviews",
    [401, 404, 403, 404, "ok", 404, 403],
    (f) => `/applications/${f.app}/reviews`,
    () => ({ score: "4" }),
  ),
  form(
    "POST /applications/:id/decision",
    [401, 404, 403, 404, "ok", 404, 403],
    (f) => `/applications/${f.app}/decision`,
    () => ({ decision: "decline", reasons: "other" }),
  ),
  // Pledges: the pledger (and its funder's members), the recipient's members, admins.
  json(
    "POST /api/v1/pledges",
    [401, "ok", "ok", "ok", "ok", "ok", "ok"],
    () => "/api/v1/pledges",
    (f) => ({ recipientOrgId: f.cso, amount: usd(5000), interval: "once" }),
  ),
  json(
    "GET /api/v1/pledges/:id",
    [401, 404, "ok", 404, "ok", 404, "ok"],
    (f) => `/api/v1/pledges/${f.pledge}`,
  ),
  json(
    "POST /api/v1/pledges/:id/cancel",
    [401, 404, 403, 404, "ok", 404, "ok"],
    (f) => `/api/v1/pledges/${f.pledge}/cancel`,
  ),
  json(
    "POST /api/v1/pledges/:id/payments",
    adminOnly,
    (f) => `/api/v1/pledges/${f.pledge}/payments`,
    () => ({ amount: usd(5000), receivedAt: "2026-11-01", reference: `R-${crypto.randomUUID()}` }),
  ),
  // After the award: seen by the group, the funder and admins; the plan and the money sent are the funder's
  // members' (admins send pooled pledge money: 422 here, nothing paid in); only the group confirms a receipt
  // (ownCso first, so later callers are judged on a confirmed one: authorization still comes first).
  json("GET /api/v1/awards/:id", [401, 404, "ok", 404, "ok", 404, "ok"], (f) => `/api/v1/awards/${f.award}`),
  json(
    "PUT /api/v1/awards/:id/tranches",
    [401, 404, 403, 404, "ok", 404, 403],
    (f) => `/api/v1/awards/${f.award}/tranches`,
    () => ({ tranches: [{ dueOn: "2027-01-01", amount: usd(1_000_000) }] }),
  ),
  json(
    "POST /api/v1/awards/:id/disbursements",
    [401, 404, 403, 404, "ok", 404, 403],
    (f) => `/api/v1/awards/${f.award}/disbursements`,
    () => ({
      amount: usd(1000),
      sentOn: new Date().toISOString().slice(0, 10),
      rail: "bank",
      reference: "MX-1",
    }),
  ),
  json(
    "POST /api/v1/pledges/:id/disbursements",
    adminOnly,
    (f) => `/api/v1/pledges/${f.pledge}/disbursements`,
    () => ({
      amount: usd(1000),
      sentOn: new Date().toISOString().slice(0, 10),
      rail: "bank",
      reference: "MX-2",
    }),
  ),
  json(
    "POST /api/v1/disbursements/:id/receipt",
    [401, 404, "ok", 404, 403, 404, 403],
    (f) => `/api/v1/disbursements/${f.disbursement}/receipt`,
    () => ({ received: usd(1000), receivedOn: new Date().toISOString().slice(0, 10) }),
  ),
  // The award page: its public accounting for everyone who may see the (public) group; the forms are the
  // same sides' as the API's, refused before what was posted is read.
  json("GET /awards/:id", all("ok"), (f) => `/awards/${f.award}`),
  form(
    "POST /awards/:id/tranches",
    [401, 404, 403, 404, "ok", 404, 403],
    (f) => `/awards/${f.award}/tranches`,
    () => ({ "tranches.0.dueOn": "2027-01-01", "tranches.0.amount": "10000" }),
  ),
  form(
    "POST /awards/:id/disbursements",
    [401, 404, 403, 404, "ok", 404, 403],
    (f) => `/awards/${f.award}/disbursements`,
    () => ({
      amount: "10",
      currency: "USD",
      sentOn: new Date().toISOString().slice(0, 10),
      rail: "bank",
      reference: "MX-3",
    }),
  ),
  form(
    "POST /disbursements/:id/receipt",
    [401, 404, "ok", 404, 403, 404, 403],
    (f) => `/disbursements/${f.disbursement}/receipt`,
    (f) => ({
      [`${f.disbursement}-amount`]: "1000",
      [`${f.disbursement}-currency`]: "USD",
      [`${f.disbursement}-receivedOn`]: new Date().toISOString().slice(0, 10),
    }),
  ),
  json("GET /orgs/:id/pledge", [401, "ok", "ok", "ok", "ok", "ok", "ok"], (f) => `/orgs/${f.cso}/pledge`),
  form(
    "POST /orgs/:id/pledge",
    [401, "ok", "ok", "ok", "ok", "ok", "ok"],
    (f) => `/orgs/${f.cso}/pledge`,
    () => ({ amount: "50", currency: "USD", interval: "once" }),
  ),
  json("GET /pledges/:id", [401, 404, "ok", 404, "ok", 404, "ok"], (f) => `/pledges/${f.pledge}`),
  form(
    "POST /pledges/:id/disbursements",
    adminOnly,
    (f) => `/pledges/${f.pledge}/disbursements`,
    () => ({
      "out-amount": "10",
      "out-currency": "USD",
      "out-sentOn": new Date().toISOString().slice(0, 10),
      "out-rail": "bank",
      "out-reference": "MX-4",
    }),
  ),
  form(
    "POST /pledges/:id/cancel",
    [401, 404, 403, 404, "ok", 404, "ok"],
    (f) => `/pledges/${f.pledge}/cancel`,
  ),
  form(
    "POST /pledges/:id/payments",
    adminOnly,
    (f) => `/pledges/${f.pledge}/payments`,
    () => ({
      amount: "50",
      currency: "USD",
      receivedAt: "2026-11-01",
      reference: `R-${crypto.randomUUID()}`,
    }),
  ),
  json(
    "POST /api/v1/webhooks/stripe",
    all(400),
    () => "/api/v1/webhooks/stripe",
    () => ({ id: "evt_x", type: "invoice.paid" }),
  ),
  // The trust ladder: evidence is public as the organisation is; vouching needs a trusted organisation's owners
  // (ownFunder's is verified but its stored level predates that: 422, past authorization); chapters are run by admins.
  json("GET /api/v1/orgs/:id/trust", all("ok"), (f) => `/api/v1/orgs/${f.cso}/trust`),
  json("GET /api/v1/orgs/:id/vouches", all("ok"), (f) => `/api/v1/orgs/${f.cso}/vouches`),
  json(
    "POST /api/v1/orgs/:id/vouches",
    [401, 404, 404, 404, "ok", 404, 404],
    (f) => `/api/v1/orgs/${f.cso}/vouches`,
    (f) => ({
      voucherOrgId: f.funder,
      relationship: "funded",
      statement: "We funded their literacy circles in 2025.",
    }),
  ),
  json("DELETE /api/v1/vouches/:id", signedIn(404), () => "/api/v1/vouches/no-such-vouch"),
  json(
    "POST /api/v1/orgs/:id/vouch-requests",
    csoOwners,
    (f) => `/api/v1/orgs/${f.cso}/vouch-requests`,
    (f) => ({ toOrgId: f.funder }),
  ),
  json(
    "POST /api/v1/orgs/:id/confirmation-request",
    csoOwners,
    (f) => `/api/v1/orgs/${f.cso}/confirmation-request`,
  ),
  json(
    "POST /api/v1/orgs/:id/confirmations",
    signedIn(403),
    (f) => `/api/v1/orgs/${f.cso}/confirmations`,
    () => ({ method: "visit", note: "Met them." }),
  ),
  json("DELETE /api/v1/orgs/:id/confirmations", adminOnly, (f) => `/api/v1/orgs/${f.cso}/confirmations`),
  json("GET /api/v1/chapters", all("ok"), () => "/api/v1/chapters"),
  json("GET /api/v1/chapters/:country", all("ok"), () => "/api/v1/chapters/EG"),
  json(
    "PUT /api/v1/chapters/:country/coordinators/:userId",
    adminOnly,
    (f) => `/api/v1/chapters/SN/coordinators/${f.user}`,
  ),
  // Runs after the row above appointed that person.
  json(
    "DELETE /api/v1/chapters/:country/coordinators/:userId",
    adminOnly,
    (f) => `/api/v1/chapters/SN/coordinators/${f.user}`,
  ),
  // The trust ladder's pages (forms) follow the same rules. No caller owns an organisation that may vouch for
  // f.funder unless an earlier row verified f.cso (either way ownCso is past authorization: 303 or 422); nobody
  // coordinates Egypt, and f.cso is public, so confirming is 403 for everyone signed in.
  json("GET /chapters", all("ok"), () => "/chapters"),
  json("GET /chapters/:country", all("ok"), () => "/chapters/EG"),
  form(
    "POST /orgs/:id/vouches",
    [401, 404, "ok", 404, 404, 404, 404],
    (f) => `/orgs/${f.funder}/vouches`,
    (f) => ({
      voucherOrgId: f.cso,
      relationship: "worked_together",
      statement: "We ran a literacy programme together in 2025.",
    }),
  ),
  form("POST /vouches/:id/revoke", signedIn(404), () => "/vouches/no-such-vouch/revoke"),
  form(
    "POST /orgs/:id/vouch-requests",
    csoOwners,
    (f) => `/orgs/${f.cso}/vouch-requests`,
    (f) => ({ toOrgId: f.funder }),
  ),
  form("POST /orgs/:id/confirmation-request", csoOwners, (f) => `/orgs/${f.cso}/confirmation-request`),
  form(
    "POST /chapters/:country/confirm/:orgId",
    signedIn(403),
    (f) => `/chapters/EG/confirm/${f.cso}`,
    (f) => ({ [`method-${f.cso}`]: "visit", [`note-${f.cso}`]: "Met them." }),
  ),
  form(
    "POST /chapters/:country/coordinators",
    adminOnly,
    () => "/chapters/SN/coordinators",
    () => ({ email: "matrix-login@example.org" }),
  ),
  // f.user was appointed and removed by the API rows above: the admin gets past authorization to "no such coordinator".
  form(
    "POST /chapters/:country/coordinators/:userId/remove",
    [401, 403, 403, 403, 403, 403, 404],
    (f) => `/chapters/SN/coordinators/${f.user}/remove`,
  ),
  // Feedback and ratings. Anyone who may see a group may send it a message (f.cso is not funded yet: 422 for
  // everyone, past authorization; a hidden group's 404 is in tests/routes/feedback.test.ts); its owners alone
  // read them. f.cso applied to f.funder's call, so its members rate f.funder on its behalf; nobody else can.
  json(
    "POST /api/v1/orgs/:id/feedback",
    all("ok"),
    (f) => `/api/v1/orgs/${f.cso}/feedback`,
    () => ({ text: "Thank you for the literacy circles." }),
  ),
  json("GET /api/v1/orgs/:id/feedback", csoOwners, (f) => `/api/v1/orgs/${f.cso}/feedback`),
  form(
    "POST /orgs/:id/feedback",
    all("ok"),
    (f) => `/orgs/${f.cso}/feedback`,
    () => ({ text: "Thank you for the literacy circles." }),
  ),
  json("GET /orgs/:id/feedback", csoOwners, (f) => `/orgs/${f.cso}/feedback`),
  json(
    "POST /api/v1/funders/:id/ratings",
    csoMembers,
    (f) => `/api/v1/funders/${f.funder}/ratings`,
    (f) => ({ orgId: f.cso, easeOfApplying: 4, respect: 5, speed: 3 }),
  ),
  json("GET /api/v1/funders/:id/ratings", all("ok"), (f) => `/api/v1/funders/${f.funder}/ratings`),
  json("GET /funders/:id/rate", csoMembers, (f) => `/funders/${f.funder}/rate`),
  form(
    "POST /funders/:id/rate",
    csoMembers,
    (f) => `/funders/${f.funder}/rate`,
    (f) => ({ orgId: f.cso, easeOfApplying: "4", respect: "5", speed: "3" }),
  ),
  // Light reports: the group writes, saves and sends (owners share; the same award is 422, past authorization);
  // sent reports are read by the award's funder and admins too, drafts by the group alone (404 to the funder
  // until sent, 403 once sent: it may read, not change). Submit runs ownCso first: later callers meet a sent one.
  json(
    "POST /api/v1/awards/:id/reports",
    [401, 404, "ok", 404, 403, 404, 403],
    (f) => `/api/v1/awards/${f.award}/reports`,
    () => ({ answers: {}, language: "en" }),
  ),
  json(
    "GET /api/v1/awards/:id/reports",
    [401, 404, "ok", 404, "ok", 404, "ok"],
    (f) => `/api/v1/awards/${f.award}/reports`,
  ),
  json(
    "GET /api/v1/reports/:id",
    [401, 404, "ok", 404, "ok", 404, "ok"],
    (f) => `/api/v1/reports/${f.report}`,
  ),
  json(
    "PATCH /api/v1/reports/:id",
    [401, 404, "ok", 404, 404, 404, 404],
    (f) => `/api/v1/reports/${f.reportDraft}`,
    () => ({ version: 1, answers: { next: "Later." } }),
  ),
  json(
    "POST /api/v1/reports/:id/submit",
    [401, 404, "ok", 404, 403, 404, 403],
    (f) => `/api/v1/reports/${f.reportDraft}/submit`,
  ),
  json(
    "POST /api/v1/reports/:id/share",
    [401, 404, "ok", 404, 403, 404, 403],
    (f) => `/api/v1/reports/${f.report}/share`,
    (f) => ({ awardId: f.award }),
  ),
  // The report pages: the same sides as the API's (the form saves a draft: still the group's alone after).
  json(
    "GET /awards/:id/reports/new",
    [401, 404, "ok", 404, 403, 404, 403],
    (f) => `/awards/${f.award}/reports/new`,
  ),
  form(
    "POST /awards/:id/reports",
    [401, 404, "ok", 404, 403, 404, 403],
    (f) => `/awards/${f.award}/reports`,
    () => ({ "answers.changed": "Forty read now.", language: "en", intent: "draft" }),
  ),
  json("GET /reports/:id", [401, 404, "ok", 404, "ok", 404, "ok"], (f) => `/reports/${f.report}`),
  form(
    "POST /reports/:id",
    [401, 404, "ok", 404, 404, 404, 404],
    (f) => `/reports/${f.reportDraft}`,
    () => ({ version: "1", "answers.next": "Later.", language: "en", intent: "draft" }),
  ),
  // Uploads: anyone signed in with a verified address uploads (a JSON body is 415, past authorization); a file
  // is read by its uploader (ownCso) and admins, and a 404 answers everyone else, so its id reveals nothing.
  json("POST /api/v1/uploads", signedIn(), () => "/api/v1/uploads"),
  json(
    "GET /api/v1/uploads/:id",
    [401, 404, "ok", 404, 404, 404, "ok"],
    (f) => `/api/v1/uploads/${f.upload}`,
  ),
  // The library: published resources are everyone's; a pending one exists for its group's members, admins and
  // its country's coordinators (none among these callers); members of verified organisations post (ownFunder's
  // funder is verified: it may open the form); admins and coordinators moderate, the posting group may not.
  json("GET /api/v1/resources", all("ok"), () => "/api/v1/resources"),
  json(
    "GET /api/v1/resources/:id",
    [404, 404, "ok", 404, 404, 404, "ok"],
    (f) => `/api/v1/resources/${f.resourcePending}`,
  ),
  json(
    "POST /api/v1/resources",
    csoMembers,
    () => "/api/v1/resources",
    (f) => resourceBody(f.libraryOrg),
  ),
  json(
    "POST /api/v1/resources/:id/publish",
    [401, 404, 403, 404, 404, 404, "ok"],
    (f) => `/api/v1/resources/${f.resourcePending}/publish`,
  ),
  json(
    "POST /api/v1/resources/:id/reject",
    [401, 404, 403, 404, 404, 404, "ok"],
    (f) => `/api/v1/resources/${f.resourcePending}/reject`,
  ),
  json("GET /resources", all("ok"), () => "/resources"),
  json("GET /resources/new", [401, 403, "ok", 403, "ok", 403, 403], () => "/resources/new"),
  form(
    "POST /resources",
    csoMembers,
    () => "/resources",
    (f) => ({
      orgId: f.libraryOrg,
      title: "Matrix guide",
      summary: "Posted by the matrix through the form.",
      language: "en",
      licence: "cc_by",
      url: "https://example.org/matrix.pdf",
    }),
  ),
  json("GET /resources/:id", all("ok"), (f) => `/resources/${f.resource}`),
  form(
    "POST /resources/:id/publish",
    [401, 404, 403, 404, 404, 404, "ok"],
    (f) => `/resources/${f.resourcePending}/publish`,
  ),
  form(
    "POST /resources/:id/reject",
    [401, 404, 403, 404, 404, 404, "ok"],
    (f) => `/resources/${f.resourcePending}/reject`,
  ),
  // Administration and reference data.
  json("GET /admin", adminOnly, () => "/admin"),
  form(
    "POST /admin/countries/:code",
    adminOnly,
    () => "/admin/countries/SN",
    () => ({
      civicSpace: "repressed",
      civicSpaceAsOf: "2026-11",
      incomeGroup: "LMC",
      odaGroup: "LDC",
      globalSouth: "true",
    }),
  ),
  form(
    "POST /admin/fx-rates",
    adminOnly,
    () => "/admin/fx-rates",
    () => ({ currency: "XAF", asOf: "2026-11-01", usdPerUnit: "0.0017", source: "matrix" }),
  ),
  json(
    "PATCH /api/v1/countries/:code",
    adminOnly,
    () => "/api/v1/countries/SN",
    () => ({ civicSpace: "repressed" }),
  ),
  json(
    "PUT /api/v1/fx-rates",
    adminOnly,
    () => "/api/v1/fx-rates",
    () => ({ currency: "XAF", asOf: "2026-11-02", usdPerUnit: 0.0017, source: "matrix" }),
  ),
];

/** Hashed asset paths change with their content; they are public and listed by prefix. */
const ASSET = /^GET \/assets\//;

/** The seven callers, each remembering its e-mail so a row that signs it out can sign it back in. */
type Person = Client & { email?: string };
const newPeople = async (): Promise<Record<Caller, Person>> => {
  const [otherCso, ownCso, otherFunder, ownFunder, analyst, admin] = await Promise.all([
    signUp(),
    signUp(),
    signUp(),
    signUp(),
    userWithRole("analyst"),
    userWithRole("admin"),
  ]);
  await otherCso.post("/api/v1/orgs", { ...csoFields, name: "Other CSO" });
  await otherFunder.post("/api/v1/orgs", { ...funderFields, name: "Other funder" });
  return { anon: new Client(), otherCso, ownCso, otherFunder, ownFunder, analyst, admin };
};
/** After a row that signs in, out or up: everyone back to who they were (a fresh session each). */
const restore = async (c: Record<Caller, Person>) => {
  c.anon.cookies.clear();
  for (const who of CALLERS) {
    const p = c[who];
    if (!p.email) continue;
    p.cookies.clear();
    const res = await p.post("/api/v1/auth/login", { email: p.email, password: PASSWORD });
    if (res.status !== 200) throw new Error(`restore ${who}: ${res.status}`);
  }
};
const IDENTITY = /logout|login|signup/;
/** Rows that would change a resource later rows rely on get their own copy of it. */
const OWN_DRAFT_CALL = /calls\/:id\/(edit|publish)|PATCH \/api\/v1\/calls/;
const OWN_TOKEN = /tokens\/:id/;
/** Tally rows: a fresh panel call whose review has opened (as closing it would leave it), so publishing is judged on an unpublished one. */
const OWN_TALLY = /\/tally/;
/** Rows that save or send a draft report: a fresh draft each, so the group's send is judged on a draft. */
const OWN_REPORT_DRAFT = /^PATCH \/api\/v1\/reports\/:id$|reports\/:id\/submit|^POST \/reports\/:id$/;
/** Rows that remove a member or revoke an invitation: a fresh one each, so the owner's success is not judged on a gone one. */
const OWN_MEMBER = /members\/:userId/;
const OWN_INVITATION = /invitations\/:invitationId/;
/** Moderation rows: a fresh pending resource each, so the admin's success is judged on one still pending. */
const OWN_PENDING_RESOURCE = /resources\/:id\/(publish|reject)/;
/** Rows that delete the organisation: each caller gets a fresh one, so a refusal is judged on a live organisation. */
const DELETES_ORG = /^DELETE \/api\/v1\/orgs\/:id$|^POST \/orgs\/:id\/delete$/;

/** Fresh resources owned by ownCso and ownFunder: a CSO, a funder with an open call and a draft call, a submitted application and a draft, a pledge, a token, an invitation. */
const fixtures = async (c: Record<Caller, Client>): Promise<Fx> => {
  const cso = (await c.ownCso.post("/api/v1/orgs", csoFields)).body.id;
  const funder = (await c.ownFunder.post("/api/v1/orgs", funderFields)).body.id;
  await markVerified(funder); // otherFunder's stays unverified: it may draft, not reach out
  const call = (
    await c.ownFunder.post("/api/v1/calls", callBody(funder, { eligibility: {}, requiredLedBy: [] }))
  ).body.id;
  await c.ownFunder.post(`/api/v1/calls/${call}/publish`);
  const other = (await c.ownFunder.post("/api/v1/calls", callBody(funder, { eligibility: {} }))).body.id;
  await c.ownFunder.post(`/api/v1/calls/${other}/publish`);
  const draftCall = (await c.ownFunder.post("/api/v1/calls", callBody(funder))).body.id;
  const a = (await c.ownCso.post(`/api/v1/calls/${call}/applications`, { orgId: cso })).body;
  const q = (await c.ownCso.get(`/api/v1/calls/${call}`)).body.questions as { id: string }[];
  await c.ownCso.patch(`/api/v1/applications/${a.id}`, {
    version: a.version,
    answers: Object.fromEntries(q.map((x) => [x.id, "An answer."])),
    requestedAmount: usd(1_000_000),
  });
  const submitted = await c.ownCso.post(`/api/v1/applications/${a.id}/submit`);
  if (submitted.status !== 200) throw new Error(`fixture submit: ${JSON.stringify(submitted.body)}`);
  const draft = (await c.ownCso.post(`/api/v1/calls/${other}/applications`, { orgId: cso })).body.id;
  const pledge = (
    await c.ownFunder.post("/api/v1/pledges", {
      recipientOrgId: cso,
      funderOrgId: funder,
      amount: usd(5000),
      interval: "month",
    })
  ).body.pledge.id;
  const token = (await c.ownCso.post("/api/v1/tokens", { name: "fixture" })).body.id;
  const invitation =
    (
      await c.ownCso.post(`/api/v1/orgs/${cso}/members`, {
        email: `nobody-${crypto.randomUUID()}@example.org`,
        role: "member",
      })
    ).body.invitationId ?? "no-such-invitation";
  const member = await newMember(c.ownCso, cso);
  const { award, disbursement } = await awardWithDisbursement(c, funder, cso);
  const uploaded = await c.ownCso.fetch("/api/v1/uploads", {
    method: "POST",
    body: uploadForm(MINIMAL_PNG),
    headers: { Origin: ORIGIN },
  });
  if (uploaded.status !== 201) throw new Error(`fixture upload: ${uploaded.status}`);
  const upload = ((await uploaded.json()) as { id: string }).id;
  return {
    cso,
    funder,
    call,
    app: a.id,
    draft,
    draftCall,
    pledge,
    token,
    invitation,
    member,
    user: (c.ownCso as Client & { userId: string }).userId,
    award,
    disbursement,
    upload,
    ...(await reportsOf(c, award)),
    ...(await libraryFixture(c.ownCso as Client & { email: string })),
    consortium: await consortiumNaming(cso, call),
    partnerPost: (
      await c.ownCso.post(`/api/v1/calls/${call}/partner-posts`, {
        orgId: cso,
        message: "Seeking a partner for the matrix.",
      })
    ).body.id,
  };
};

/** A group none of the callers belongs to starts a draft on the call naming `cso` as a partner. */
const consortiumNaming = async (cso: string, call: string) => {
  const lead = await signUp();
  const org = (await lead.post("/api/v1/orgs", { ...csoFields, name: "Consortium lead" })).body.id;
  const draft = (await lead.post(`/api/v1/calls/${call}/applications`, { orgId: org })).body;
  const named = await lead.patch(`/api/v1/applications/${draft.id}`, {
    version: draft.version,
    partners: [{ orgId: cso, role: "Training", share: 30 }],
  });
  if (named.status !== 200) throw new Error(`fixture consortium: ${JSON.stringify(named.body)}`);
  return draft.id as string;
};

/** A published panel call of the funder's, its review opened (the row the close would write). */
const panelCallUnderReview = async (owner: Client, funder: string) => {
  const call = (
    await owner.post(
      "/api/v1/calls",
      callBody(funder, { review: { mode: "panel", reviewsPerApplication: 2 } }),
    )
  ).body.id as string;
  await owner.post(`/api/v1/calls/${call}/publish`);
  await env.DB.prepare("UPDATE calls SET review_opened_at = ?, review_salt = ? WHERE id = ?")
    .bind(new Date().toISOString(), crypto.randomUUID(), call)
    .run();
  return call;
};

/** An award of 10,000 USD to the CSO through a call of its own, and 1,000 USD sent for it. */
const awardWithDisbursement = async (c: Record<Caller, Client>, funder: string, cso: string) => {
  const call = (
    await c.ownFunder.post("/api/v1/calls", callBody(funder, { eligibility: {}, requiredLedBy: [] }))
  ).body.id;
  await c.ownFunder.post(`/api/v1/calls/${call}/publish`);
  const a = (await c.ownCso.post(`/api/v1/calls/${call}/applications`, { orgId: cso })).body;
  const q = (await c.ownCso.get(`/api/v1/calls/${call}`)).body.questions as { id: string }[];
  await c.ownCso.patch(`/api/v1/applications/${a.id}`, {
    version: a.version,
    answers: Object.fromEntries(q.map((x) => [x.id, "An answer."])),
    requestedAmount: usd(1_000_000),
  });
  await c.ownCso.post(`/api/v1/applications/${a.id}/submit`);
  const award = (
    await c.ownFunder.post(`/api/v1/applications/${a.id}/decision`, {
      decision: "award",
      amount: usd(1_000_000),
    })
  ).body.awardId;
  const sent = await c.ownFunder.post(`/api/v1/awards/${award}/disbursements`, {
    amount: usd(100_000),
    sentOn: new Date().toISOString().slice(0, 10),
    rail: "bank",
    reference: "FIXTURE-1",
  });
  if (sent.status !== 201) throw new Error(`fixture disbursement: ${JSON.stringify(sent.body)}`);
  return { award: award as string, disbursement: sent.body.id as string };
};

const REPORT_ANSWERS = { changed: "Forty read now.", hard: "The rains.", next: "A second circle." };
/** A sent light report on the award, and a complete draft (sent by the first caller allowed to). */
const reportsOf = async (c: Record<Caller, Client>, award: string) => {
  const write = (submit: boolean) =>
    c.ownCso.post(`/api/v1/awards/${award}/reports`, { answers: REPORT_ANSWERS, language: "en", submit });
  const [sent, draft] = [await write(true), await write(false)];
  if (sent.status !== 201 || draft.status !== 201)
    throw new Error(`fixture report: ${JSON.stringify(sent.body)}`);
  return { report: sent.body.id as string, reportDraft: draft.body.id as string };
};

/** A second member of the CSO (not one of the callers): a verified address, invited by its owner, accepted. */
const newMember = async (owner: Client, cso: string) => {
  const person = await signUp();
  await env.DB.prepare("UPDATE users SET email_verified_at = ? WHERE id = ?")
    .bind(new Date().toISOString(), person.userId)
    .run();
  await addMember(owner, cso, person);
  return person.userId;
};

const outcome = (status: number): Outcome =>
  status === 401 || status === 403 || status === 404 || status === 400
    ? status
    : status < 500
      ? "ok"
      : (status as Outcome);

describe("authorization matrix", () => {
  test("every route of the app is in the table (new routes must be classified)", () => {
    const routes = new Set(
      createApp()
        .routes.filter((r) => r.method !== "ALL")
        .map((r) => `${r.method} ${r.path}`),
    );
    const listed = new Set(TABLE.map((r) => r.route));
    const missing = [...routes].filter((r) => !listed.has(r) && !ASSET.test(r));
    const stale = [...listed].filter((r) => !routes.has(r));
    expect({ missing, stale }).toEqual({ missing: [], stale: [] });
  });

  let c: Record<Caller, Person>;
  let shared: Fx;
  beforeAll(async () => {
    await signUp({ email: "matrix-login@example.org" });
    c = await newPeople();
    shared = await fixtures(c);
  }, 60_000);

  test.each(TABLE.map((r) => [r.route, r] as const))("%s", async (_, row) => {
    const fx = { ...shared };
    if (OWN_DRAFT_CALL.test(row.route))
      fx.draftCall = (await c.ownFunder.post("/api/v1/calls", callBody(fx.funder))).body.id;
    if (OWN_TALLY.test(row.route)) fx.call = await panelCallUnderReview(c.ownFunder, fx.funder);
    if (OWN_TOKEN.test(row.route))
      fx.token = (await c.ownCso.post("/api/v1/tokens", { name: "row" })).body.id;
    if (OWN_MEMBER.test(row.route)) fx.member = await newMember(c.ownCso, fx.cso);
    if (OWN_REPORT_DRAFT.test(row.route)) fx.reportDraft = (await reportsOf(c, fx.award)).reportDraft;
    if (OWN_PENDING_RESOURCE.test(row.route))
      fx.resourcePending = await postResource(c.ownCso, fx.libraryOrg);
    if (OWN_INVITATION.test(row.route))
      fx.invitation = (
        await c.ownCso.post(`/api/v1/orgs/${fx.cso}/members`, {
          email: `row-${crypto.randomUUID()}@example.org`,
          role: "member",
        })
      ).body.invitationId;
    const got: Record<string, Outcome> = {};
    for (const who of CALLERS) {
      if (DELETES_ORG.test(row.route)) fx.cso = (await c.ownCso.post("/api/v1/orgs", csoFields)).body.id;
      const [method, ...rest] = row.route.split(" ");
      void rest;
      const path = row.path(fx);
      let status: number;
      if (row.form) status = (await c[who].form(path, row.form(fx))).status;
      else if (method === "GET") status = (await c[who].fetch(path)).status;
      else
        status = (
          await c[who].json(method, path, row.body ? row.body(fx) : method === "DELETE" ? undefined : {})
        ).status;
      got[who] = outcome(status);
    }
    if (IDENTITY.test(row.route)) await restore(c);
    expect(got).toEqual(Object.fromEntries(CALLERS.map((who, i) => [who, row.expect[i]])));
  });
});
