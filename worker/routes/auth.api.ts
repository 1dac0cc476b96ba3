// JSON API: sign up with a verified address, log in, passwords, sessions, who am I, personal API tokens,
// and the development mail viewer.
import { createRoute, z } from "@hono/zod-openapi";
import { createApi, jsonBody, json, pick, security } from "../http/openapi";
import {
  SignupBody,
  LoginBody,
  MeResponse,
  MePatch,
  TokenBody,
  TokenCreated,
  TokenSummary,
  SignupAccepted,
  VerifyBody,
  ResetRequestBody,
  ResetConfirmBody,
  PasswordChangeBody,
  SessionSummary,
  DevMail,
  TwoFactorStarted,
  TwoFactorCodeBody,
  RecoveryCodes,
} from "../../schema/api/accounts";
import { IdParam } from "../../schema/api/common";
import { signup, login, verifyEmail, publicUser, createApiToken, revokeApiToken } from "../actions/accounts";
import { requestPasswordReset, confirmPasswordReset, changePassword } from "../actions/passwords";
import { sessionsOf, endSessionById, endOtherSessions } from "../actions/sessions";
import { startTwoFactor, confirmTwoFactor, disableTwoFactor } from "../actions/two-factor";
import { mailerFor, devMailEnabled } from "../http/mail";
import { listMail } from "../db/outbox";
import { Problem } from "../core/problem";
import { startSession, endSession } from "../middleware/session";
import { requireViewer } from "../http/guards";
import { updateUser } from "../db/users";
import { listTokens } from "../db/tokens";

const UserEnvelope = z.object({ user: MeResponse.shape.user });

export const authApi = createApi()
  .openapi(
    createRoute({
      method: "post",
      path: "/auth/signup",
      tags: ["Accounts"],
      summary:
        "Create an account: a link to verify the address is mailed (the same answer whether or not the address already has an account)",
      request: jsonBody(SignupBody),
      responses: { 202: json(SignupAccepted, "Check your e-mail"), ...pick(400, 429) },
    }),
    async (c) => {
      const body = c.req.valid("json");
      return c.json(
        await signup(
          c.get("db"),
          c.env.PASSWORD_PEPPER,
          c.get("t"),
          { ...body, locale: body.locale ?? c.get("locale") },
          mailerFor(c),
        ),
        202,
      );
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/auth/verify",
      tags: ["Accounts"],
      summary: "Verify the address with the token from the mailed link, and sign in",
      request: jsonBody(VerifyBody),
      responses: {
        200: json(UserEnvelope, "Verified and signed in; the session cookie is set"),
        ...pick(400),
      },
    }),
    async (c) => {
      const user = await verifyEmail(c.get("db"), c.get("t"), c.req.valid("json").token);
      await startSession(c, user.id);
      return c.json({ user: publicUser(user) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/auth/login",
      tags: ["Accounts"],
      summary:
        "Sign in (a verified address is needed; an unverified one is sent a new link). With two-step sign-in on, a right password without `code`, or with a wrong one, is a 401 naming `code`",
      request: jsonBody(LoginBody),
      responses: {
        200: json(UserEnvelope, "Signed in; a new session cookie is set"),
        ...pick(400, 401, 403, 429),
      },
    }),
    async (c) => {
      const user = await login(
        c.get("db"),
        c.env.PASSWORD_PEPPER,
        c.get("t"),
        c.req.valid("json"),
        mailerFor(c),
      );
      await startSession(c, user.id);
      return c.json({ user: publicUser(user) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/auth/password-reset",
      tags: ["Accounts"],
      summary: "Mail a link to set a new password (always 202)",
      request: jsonBody(ResetRequestBody),
      responses: {
        202: json(
          z.object({ status: z.literal("sent_if_known") }),
          "A mail goes out if the address has an account",
        ),
        ...pick(400, 429),
      },
    }),
    async (c) => {
      await requestPasswordReset(c.get("db"), c.env.PASSWORD_PEPPER, c.req.valid("json").email, mailerFor(c));
      return c.json({ status: "sent_if_known" as const }, 202);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/auth/password-reset/confirm",
      tags: ["Accounts"],
      summary: "Set a new password with the mailed token; every session of the account ends",
      request: jsonBody(ResetConfirmBody),
      responses: {
        200: json(z.object({ status: z.literal("password_reset") }), "Done; sign in with the new password"),
        ...pick(400),
      },
    }),
    async (c) => {
      const { token, password } = c.req.valid("json");
      await confirmPasswordReset(c.get("db"), c.env.PASSWORD_PEPPER, c.get("t"), token, password);
      return c.json({ status: "password_reset" as const }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/me/password",
      tags: ["Accounts"],
      summary: "Change the password (needs the current one); the account's other sessions end",
      security,
      request: jsonBody(PasswordChangeBody),
      responses: {
        200: json(z.object({ status: z.literal("password_changed") }), "Changed"),
        ...pick(400, 401),
      },
    }),
    async (c) => {
      await changePassword(
        c.get("db"),
        c.env.PASSWORD_PEPPER,
        c.get("t"),
        requireViewer(c),
        c.get("sessionIdHash"),
        c.req.valid("json"),
        mailerFor(c),
      );
      return c.json({ status: "password_changed" as const }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/me/2fa",
      tags: ["Accounts"],
      security,
      summary:
        "Start turning on two-step sign-in: a new key for an authenticator app, pending until confirmed (calling again replaces it); 409 if it is already on",
      responses: {
        200: json(TwoFactorStarted, "The key; confirm with a code from the app"),
        ...pick(401, 409),
      },
    }),
    async (c) => {
      const started = await startTwoFactor(c.get("db"), c.env.PASSWORD_PEPPER, c.get("t"), requireViewer(c));
      c.header("Cache-Control", "no-store");
      return c.json(started, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/me/2fa/confirm",
      tags: ["Accounts"],
      security,
      summary:
        "Turn two-step sign-in on with the app's current code; answers ten one-time recovery codes, shown once",
      request: jsonBody(TwoFactorCodeBody),
      responses: { 200: json(RecoveryCodes, "On"), ...pick(400, 401, 409) },
    }),
    async (c) => {
      const codes = await confirmTwoFactor(
        c.get("db"),
        c.env.PASSWORD_PEPPER,
        c.get("t"),
        requireViewer(c),
        c.req.valid("json").code,
      );
      c.header("Cache-Control", "no-store");
      return c.json(codes, 200);
    },
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/me/2fa",
      tags: ["Accounts"],
      security,
      summary:
        "Turn two-step sign-in off with an app code or an unused recovery code (400 naming `code` otherwise; attempts count in the login throttle)",
      request: jsonBody(TwoFactorCodeBody),
      responses: { 204: { description: "Off" }, ...pick(400, 401, 409, 429) },
    }),
    async (c) => {
      await disableTwoFactor(
        c.get("db"),
        c.env.PASSWORD_PEPPER,
        c.get("t"),
        requireViewer(c),
        c.req.valid("json").code,
      );
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/me/sessions",
      tags: ["Accounts"],
      summary: "The caller's signed-in devices",
      security,
      responses: { 200: json(z.object({ items: z.array(SessionSummary) }), "Sessions"), ...pick(401) },
    }),
    async (c) =>
      c.json({ items: await sessionsOf(c.get("db"), requireViewer(c), c.get("sessionIdHash")) }, 200),
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/me/sessions/{id}",
      tags: ["Accounts"],
      summary: "Sign one device out",
      security,
      request: { params: IdParam },
      responses: { 204: { description: "Signed out" }, ...pick(401, 404) },
    }),
    async (c) => {
      await endSessionById(c.get("db"), requireViewer(c), c.req.valid("param").id);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/me/sessions",
      tags: ["Accounts"],
      summary: "Sign out everywhere else (every session but this one)",
      security,
      responses: { 204: { description: "Signed out elsewhere" }, ...pick(401) },
    }),
    async (c) => {
      await endOtherSessions(c.get("db"), requireViewer(c), c.get("sessionIdHash"));
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/dev/mail",
      tags: ["Development"],
      summary: "Local development only (404 elsewhere): every mail the app wrote, newest first",
      request: { query: z.object({ to: z.string().max(254).optional() }) },
      responses: { 200: json(z.object({ items: z.array(DevMail) }), "Mail"), ...pick(404) },
    }),
    async (c) => {
      if (!devMailEnabled(c)) throw new Problem(404);
      const items = await listMail(c.get("db"), c.req.valid("query").to);
      return c.json({ items: items.map(({ html: _html, ...m }) => m) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/auth/logout",
      tags: ["Accounts"],
      summary: "Sign out",
      responses: { 204: { description: "Signed out" } },
    }),
    async (c) => {
      await endSession(c);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/me",
      tags: ["Accounts"],
      summary: "The signed-in user and memberships",
      security,
      responses: { 200: json(MeResponse, "The caller"), ...pick(401) },
    }),
    (c) => {
      const v = requireViewer(c);
      return c.json(
        { user: publicUser({ id: v.userId, ...v }), memberships: v.memberships, twoFactor: v.twoFactor },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: "patch",
      path: "/me",
      tags: ["Accounts"],
      summary: "Change name or saved language",
      security,
      request: jsonBody(MePatch),
      responses: { 200: json(MeResponse, "Updated"), ...pick(400, 401) },
    }),
    async (c) => {
      const v = requireViewer(c);
      const u = await updateUser(c.get("db"), v.userId, c.req.valid("json"));
      return c.json({ user: publicUser(u!), memberships: v.memberships, twoFactor: v.twoFactor }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/tokens",
      tags: ["Accounts"],
      summary: "Create a personal API token (shown once)",
      security,
      request: jsonBody(TokenBody),
      responses: { 201: json(TokenCreated, "The token; only its hash is stored"), ...pick(400, 401) },
    }),
    async (c) => {
      return c.json(
        await createApiToken(c.get("db"), requireViewer(c).userId, c.req.valid("json").name),
        201,
      );
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/tokens",
      tags: ["Accounts"],
      summary: "List my tokens (without secrets)",
      security,
      responses: { 200: json(z.object({ items: z.array(TokenSummary) }), "Tokens"), ...pick(401) },
    }),
    async (c) => c.json({ items: await listTokens(c.get("db"), requireViewer(c).userId) }, 200),
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/tokens/{id}",
      tags: ["Accounts"],
      summary: "Revoke a token",
      security,
      request: { params: IdParam },
      responses: { 204: { description: "Revoked" }, ...pick(401, 404) },
    }),
    async (c) => {
      await revokeApiToken(c.get("db"), requireViewer(c).userId, c.req.valid("param").id);
      return c.body(null, 204);
    },
  );
