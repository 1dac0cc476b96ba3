// JSON API: funding calls (create, edit drafts, publish, close, browse), matching both ways, invitations.
import { createRoute, z } from "@hono/zod-openapi";
import { createApi, json, jsonBody, pick, security } from "../http/openapi";
import {
  Call,
  CallCreate,
  CallPatch,
  CallListQuery,
  CallSummary,
  CallMatch,
  OrgMatch,
  MatchQuery,
  OrgMatchQuery,
  CallInviteBody,
} from "../../schema/api/calls";
import { IdParam, listOf } from "../../schema/api/common";
import {
  createCall,
  viewCall,
  updateCall,
  publishCall,
  closeCall,
  browseCalls,
  callsOfFunder,
} from "../actions/calls";
import { matchesForOrg, matchesForCall, inviteToCall } from "../actions/matching";
import { viewOrg } from "../actions/orgs";
import { viewerOf } from "../http/guards";

const tags = ["Calls"];

export const callsApi = createApi()
  .openapi(
    createRoute({
      method: "post",
      path: "/calls",
      tags,
      summary: "Create a call as a draft (members of the funder organisation)",
      security,
      request: jsonBody(CallCreate),
      responses: { 201: json(Call, "Created as a draft"), ...pick(400, 401, 403, 422) },
    }),
    async (c) => {
      const { funderOrgId, ...fields } = c.req.valid("json");
      return c.json(await createCall(c.get("db"), c.get("t"), viewerOf(c), funderOrgId, fields), 201);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/calls",
      tags,
      summary: "Open calls, soonest deadline first",
      request: { query: CallListQuery },
      responses: { 200: json(listOf(CallSummary), "A page of open calls"), ...pick(400) },
    }),
    async (c) => c.json(await browseCalls(c.get("db"), c.req.valid("query")), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/calls/{id}",
      tags,
      summary: "One call (drafts only to the funder's members)",
      request: { params: IdParam },
      responses: { 200: json(Call, "The call"), ...pick(404) },
    }),
    async (c) => c.json(await viewCall(c.get("db"), viewerOf(c), c.req.valid("param").id), 200),
  )
  .openapi(
    createRoute({
      method: "patch",
      path: "/calls/{id}",
      tags,
      summary: "Edit a draft; send the version you read",
      security,
      request: { params: IdParam, ...jsonBody(CallPatch) },
      responses: { 200: json(Call, "Updated"), ...pick(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => {
      const { version, ...patch } = c.req.valid("json");
      return c.json(
        await updateCall(c.get("db"), c.get("t"), viewerOf(c), c.req.valid("param").id, version, patch),
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/calls/{id}/publish",
      tags,
      summary: "Publish a draft (status open)",
      security,
      request: { params: IdParam },
      responses: { 200: json(Call, "Published"), ...pick(401, 403, 404, 422) },
    }),
    async (c) =>
      c.json(await publishCall(c.get("db"), c.get("t"), viewerOf(c), c.req.valid("param").id), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/calls/{id}/close",
      tags,
      summary: "Close a call",
      security,
      request: { params: IdParam },
      responses: { 200: json(Call, "Closed"), ...pick(401, 403, 404, 409) },
    }),
    async (c) => c.json(await closeCall(c.get("db"), c.get("t"), viewerOf(c), c.req.valid("param").id), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/orgs/{id}/calls",
      tags,
      summary: "A funder's calls (drafts to its members only)",
      request: { params: IdParam },
      responses: { 200: json(z.object({ items: z.array(Call) }), "Calls"), ...pick(404) },
    }),
    async (c) => {
      const org = await viewOrg(c.get("db"), viewerOf(c), c.req.valid("param").id);
      return c.json({ items: await callsOfFunder(c.get("db"), viewerOf(c), org.id) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/orgs/{id}/matches",
      tags: ["Matching"],
      summary: "Open calls for this CSO, eligible first, with reasons (members only)",
      security,
      request: { params: IdParam, query: MatchQuery },
      responses: { 200: json(listOf(CallMatch), "Ranked calls"), ...pick(400, 401, 403, 404, 422) },
    }),
    async (c) => {
      const { items, nextCursor } = await matchesForOrg(
        c.get("db"),
        c.get("t"),
        c.get("locale"),
        viewerOf(c),
        c.req.valid("param").id,
        c.req.valid("query"),
      );
      return c.json({ items, nextCursor }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/calls/{id}/matches",
      tags: ["Matching"],
      summary:
        "Eligible CSOs for this call, ranked, with reasons and each one's trust level (the call's funder only); minLevel narrows to a trust level or above",
      security,
      request: { params: IdParam, query: OrgMatchQuery },
      responses: { 200: json(listOf(OrgMatch), "Ranked organisations"), ...pick(400, 401, 403, 404) },
    }),
    async (c) => {
      const { items, nextCursor } = await matchesForCall(
        c.get("db"),
        c.get("t"),
        c.get("locale"),
        viewerOf(c),
        c.req.valid("param").id,
        c.req.valid("query"),
      );
      return c.json({ items, nextCursor }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/calls/{id}/invitations",
      tags: ["Matching"],
      summary: "Invite an organisation to apply (the call's funder)",
      security,
      request: { params: IdParam, ...jsonBody(CallInviteBody) },
      responses: {
        201: json(z.object({ callId: z.string(), orgId: z.string() }), "Invited"),
        ...pick(400, 401, 403, 404, 422),
      },
    }),
    async (c) =>
      c.json(
        await inviteToCall(
          c.get("db"),
          c.get("t"),
          viewerOf(c),
          c.req.valid("param").id,
          c.req.valid("json").orgId,
        ),
        201,
      ),
  );
