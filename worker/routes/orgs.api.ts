// JSON API: organisations (create, read, edit with version, list), members and invitations.
import { mailerFor } from "../http/mail";
import { createRoute, z } from "@hono/zod-openapi";
import { createApi, json, jsonBody, pick, security } from "../http/openapi";
import {
  Org,
  OrgCreate,
  OrgPatch,
  OrgListQuery,
  MemberInvite,
  Member,
  InviteResult,
  MemberList,
  MyInvitation,
  MemberRolePatch,
  InviteAccepted,
  OrgMemberParams,
  OrgInvitationParams,
  VerifyBody,
} from "../../schema/api/orgs";
import { IdParam, listOf } from "../../schema/api/common";
import { createOrg, viewOrg, updateOrg, inviteMember, verifyOrg } from "../actions/orgs";
import {
  memberList,
  revokeInvite,
  myInvitations,
  acceptInvite,
  declineInvite,
  changeMemberRole,
  removeMember,
} from "../actions/members";
import { listOrgs } from "../db/orgs";
import { visibleLevels } from "../domain/permissions";
import { requireViewer, viewerOf } from "../http/guards";
import { OrgExport, OrgDelete, OrgDeleted } from "../../schema/api/org-data";
import { exportOrgData, deleteOrg } from "../actions/org-data";
import { providersFor } from "../payments/registry";

export const orgsApi = createApi()
  .openapi(
    createRoute({
      method: "post",
      path: "/orgs",
      tags: ["Organisations"],
      summary: "Create an organisation; the caller becomes its owner",
      security,
      request: jsonBody(OrgCreate),
      responses: { 201: json(Org, "Created"), ...pick(400, 401) },
    }),
    async (c) => {
      const { kind, ...fields } = c.req.valid("json");
      return c.json(await createOrg(c.get("db"), c.get("t"), requireViewer(c), kind, fields), 201);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/orgs",
      tags: ["Organisations"],
      summary: "Organisations visible to the caller",
      request: { query: OrgListQuery },
      responses: { 200: json(listOf(Org), "A page of organisations"), ...pick(400) },
    }),
    async (c) => {
      const v = viewerOf(c);
      const q = c.req.valid("query");
      return c.json(
        await listOrgs(c.get("db"), {
          ...q,
          visibleLevels: visibleLevels(v),
          memberOf: v?.memberships.map((m) => m.orgId) ?? [],
        }),
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/orgs/{id}",
      tags: ["Organisations"],
      summary: "One organisation, respecting its visibility",
      request: { params: IdParam },
      responses: { 200: json(Org, "The organisation"), ...pick(404) },
    }),
    async (c) => c.json(await viewOrg(c.get("db"), viewerOf(c), c.req.valid("param").id), 200),
  )
  .openapi(
    createRoute({
      method: "patch",
      path: "/orgs/{id}",
      tags: ["Organisations"],
      summary: "Edit (members and admins); send the version you read",
      security,
      request: { params: IdParam, ...jsonBody(OrgPatch) },
      responses: { 200: json(Org, "Updated"), ...pick(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const { version, ...fields } = c.req.valid("json");
      return c.json(
        await updateOrg(c.get("db"), c.get("t"), viewerOf(c), c.req.valid("param").id, version, fields),
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/orgs/{id}/export",
      tags: ["Organisations"],
      summary: "Everything held about the organisation, as one JSON document (owners)",
      security,
      request: { params: IdParam },
      responses: { 200: json(OrgExport, "The export"), ...pick(401, 403, 404) },
    }),
    async (c) => {
      const id = c.req.valid("param").id;
      const data = await exportOrgData(c.get("db"), viewerOf(c), id);
      c.header("Content-Disposition", `attachment; filename="sanad-organisation-${id}.json"`);
      c.header("Cache-Control", "no-store");
      return c.json(data, 200);
    },
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/orgs/{id}",
      tags: ["Organisations"],
      security,
      request: { params: IdParam, ...jsonBody(OrgDelete) },
      summary:
        "Delete the organisation (owners; type its name to confirm): personal data and texts erased, awards kept anonymised, running pledges cancelled",
      responses: { 200: json(OrgDeleted, "Deleted"), ...pick(400, 401, 403, 404, 422) },
    }),
    async (c) => {
      const id = c.req.valid("param").id;
      const summary = await deleteOrg(
        c.get("db"),
        c.get("t"),
        viewerOf(c),
        id,
        c.req.valid("json").confirmName,
        providersFor(c.env),
        c.env.UPLOADS,
      );
      return c.json({ id, deleted: true as const, ...summary }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/orgs/{id}/members",
      tags: ["Organisations"],
      security,
      request: { params: IdParam },
      summary:
        "Members (members and admins); owners also see members' e-mail addresses and the pending invitations",
      responses: { 200: json(MemberList, "Members"), ...pick(401, 403, 404) },
    }),
    async (c) => {
      const { items, invitations } = await memberList(c.get("db"), viewerOf(c), c.req.valid("param").id);
      return c.json({ items, invitations }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "patch",
      path: "/orgs/{id}/members/{userId}",
      tags: ["Organisations"],
      security,
      request: { params: OrgMemberParams, ...jsonBody(MemberRolePatch) },
      summary: "Change a member's role (owners); the last owner cannot be demoted (422)",
      responses: {
        200: json(Member.pick({ userId: true, role: true }), "Changed"),
        ...pick(400, 401, 403, 404, 422),
      },
    }),
    async (c) => {
      const { id, userId } = c.req.valid("param");
      return c.json(
        await changeMemberRole(c.get("db"), c.get("t"), viewerOf(c), id, userId, c.req.valid("json").role),
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/orgs/{id}/members/{userId}",
      tags: ["Organisations"],
      security,
      request: { params: OrgMemberParams },
      summary:
        "Remove a member (owners), or leave (the member themselves); the last owner cannot be removed (422)",
      responses: { 204: { description: "Removed" }, ...pick(401, 403, 404, 422) },
    }),
    async (c) => {
      const { id, userId } = c.req.valid("param");
      await removeMember(c.get("db"), c.get("t"), viewerOf(c), id, userId);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/orgs/{id}/invitations/{invitationId}",
      tags: ["Organisations"],
      security,
      request: { params: OrgInvitationParams },
      summary: "Revoke a pending invitation (owners); it can no longer be accepted",
      responses: { 204: { description: "Revoked" }, ...pick(401, 403, 404) },
    }),
    async (c) => {
      const { id, invitationId } = c.req.valid("param");
      await revokeInvite(c.get("db"), c.get("t"), viewerOf(c), id, invitationId);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/orgs/{id}/members",
      tags: ["Organisations"],
      summary:
        "Invite a member by e-mail (owners); the same answer whether or not the address has an account",
      security,
      request: { params: IdParam, ...jsonBody(MemberInvite) },
      responses: {
        202: json(InviteResult, "Invited: the person joins only by accepting"),
        ...pick(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const { email, role } = c.req.valid("json");
      return c.json(
        await inviteMember(
          c.get("db"),
          c.get("t"),
          viewerOf(c),
          c.req.valid("param").id,
          email,
          role,
          mailerFor(c),
        ),
        202,
      );
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/orgs/{id}/verify",
      tags: ["Organisations"],
      summary: "Set verification (admins): level 4; a funder needs `checks` (website, registration, contact)",
      security,
      request: { params: IdParam, ...jsonBody(VerifyBody) },
      responses: { 200: json(Org, "Updated"), ...pick(400, 401, 403, 404) },
    }),
    async (c) => {
      const { verified, checks } = c.req.valid("json");
      return c.json(
        await verifyOrg(c.get("db"), c.get("t"), viewerOf(c), c.req.valid("param").id, verified, checks),
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/invitations",
      tags: ["Organisations"],
      security,
      summary: "Pending invitations for the caller's e-mail address, once it is verified (empty until then)",
      responses: { 200: json(z.object({ items: z.array(MyInvitation) }), "Invitations"), ...pick(401) },
    }),
    async (c) => c.json({ items: await myInvitations(c.get("db"), requireViewer(c)) }, 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/invitations/{id}/accept",
      tags: ["Organisations"],
      security,
      request: { params: IdParam },
      summary:
        "Accept an invitation sent to the caller's verified e-mail address (404 for anyone else, and once it is answered, revoked or expired)",
      responses: { 200: json(InviteAccepted, "Now a member"), ...pick(401, 404) },
    }),
    async (c) => c.json(await acceptInvite(c.get("db"), viewerOf(c), c.req.valid("param").id), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/invitations/{id}/decline",
      tags: ["Organisations"],
      security,
      request: { params: IdParam },
      summary: "Decline an invitation sent to the caller's verified e-mail address (404 for anyone else)",
      responses: { 204: { description: "Declined" }, ...pick(401, 404) },
    }),
    async (c) => {
      await declineInvite(c.get("db"), viewerOf(c), c.req.valid("param").id);
      return c.body(null, 204);
    },
  );
