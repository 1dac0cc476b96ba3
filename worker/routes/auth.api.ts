// JSON API: sign up, log in, log out, who am I, personal API tokens.
import { createRoute, z } from "@hono/zod-openapi";
import { createApi, jsonBody, json, pick, security } from "../http/openapi";
import { SignupBody, LoginBody, MeResponse, MePatch, TokenBody, TokenCreated, TokenSummary } from "../../schema/api/accounts";
import { IdParam } from "../../schema/api/common";
import { signup, login, publicUser, createApiToken, revokeApiToken } from "../actions/accounts";
import { startSession, endSession } from "../middleware/session";
import { requireViewer } from "../http/guards";
import { updateUser } from "../db/users";
import { listTokens } from "../db/tokens";

const UserEnvelope = z.object({ user: MeResponse.shape.user });

export const authApi = createApi()
  .openapi(
    createRoute({
      method: "post", path: "/auth/signup", tags: ["Accounts"], summary: "Create an account and sign in",
      request: jsonBody(SignupBody),
      responses: { 201: json(UserEnvelope, "Signed up; the session cookie is set"), ...pick(400, 409) },
    }),
    async (c) => {
      const body = c.req.valid("json");
      const user = await signup(c.get("db"), c.env.PASSWORD_PEPPER, c.get("t"), { ...body, locale: body.locale ?? c.get("locale") });
      await startSession(c, user.id);
      return c.json({ user: publicUser(user) }, 201);
    },
  )
  .openapi(
    createRoute({
      method: "post", path: "/auth/login", tags: ["Accounts"], summary: "Sign in",
      request: jsonBody(LoginBody),
      responses: { 200: json(UserEnvelope, "Signed in; a new session cookie is set"), ...pick(400, 401, 429) },
    }),
    async (c) => {
      const user = await login(c.get("db"), c.env.PASSWORD_PEPPER, c.get("t"), c.req.valid("json"));
      await startSession(c, user.id);
      return c.json({ user: publicUser(user) }, 200);
    },
  )
  .openapi(
    createRoute({ method: "post", path: "/auth/logout", tags: ["Accounts"], summary: "Sign out", responses: { 204: { description: "Signed out" } } }),
    async (c) => {
      await endSession(c);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({ method: "get", path: "/me", tags: ["Accounts"], summary: "The signed-in user and memberships", security, responses: { 200: json(MeResponse, "The caller"), ...pick(401) } }),
    (c) => {
      const v = requireViewer(c);
      return c.json({ user: publicUser({ id: v.userId, ...v }), memberships: v.memberships }, 200);
    },
  )
  .openapi(
    createRoute({ method: "patch", path: "/me", tags: ["Accounts"], summary: "Change name or saved language", security, request: jsonBody(MePatch), responses: { 200: json(MeResponse, "Updated"), ...pick(400, 401) } }),
    async (c) => {
      const v = requireViewer(c);
      const u = await updateUser(c.get("db"), v.userId, c.req.valid("json"));
      return c.json({ user: publicUser(u!), memberships: v.memberships }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post", path: "/tokens", tags: ["Accounts"], summary: "Create a personal API token (shown once)", security,
      request: jsonBody(TokenBody), responses: { 201: json(TokenCreated, "The token; only its hash is stored"), ...pick(400, 401) },
    }),
    async (c) => {
      return c.json(await createApiToken(c.get("db"), requireViewer(c).userId, c.req.valid("json").name), 201);
    },
  )
  .openapi(
    createRoute({ method: "get", path: "/tokens", tags: ["Accounts"], summary: "List my tokens (without secrets)", security, responses: { 200: json(z.object({ items: z.array(TokenSummary) }), "Tokens"), ...pick(401) } }),
    async (c) => c.json({ items: await listTokens(c.get("db"), requireViewer(c).userId) }, 200),
  )
  .openapi(
    createRoute({ method: "delete", path: "/tokens/{id}", tags: ["Accounts"], summary: "Revoke a token", security, request: { params: IdParam }, responses: { 204: { description: "Revoked" }, ...pick(401, 404) } }),
    async (c) => {
      await revokeApiToken(c.get("db"), requireViewer(c).userId, c.req.valid("param").id);
      return c.body(null, 204);
    },
  );
