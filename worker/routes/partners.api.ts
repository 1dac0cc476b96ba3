// JSON API: "looking for partners" posts on a call, and partners' consent to consortium applications
// (the partner list itself is part of the application's draft: PATCH /applications/{id}).
import { createRoute, z } from "@hono/zod-openapi";
import { createApi, json, jsonBody, pick, security } from "../http/openapi";
import { IdParam } from "../../schema/api/common";
import {
  ApplicationPartner,
  OrgPartnerParam,
  PartnerPost,
  PartnerPostCreate,
} from "../../schema/api/partners";
import { closePost, partnerPostsOf, postPartnerPost } from "../actions/partners";
import { givePartnerConsent } from "../actions/partner-consent";
import { viewerOf } from "../http/guards";

const tags = ["Partners"];
const Partners = z.object({ items: z.array(ApplicationPartner) }).openapi("ApplicationPartners");

const consentRoute = (method: "post" | "delete", summary: string) =>
  createRoute({
    method,
    path: "/applications/{id}/partners/{orgId}/consent",
    tags,
    summary,
    security,
    request: { params: OrgPartnerParam },
    responses: { 200: json(Partners, "The partners and their consent"), ...pick(401, 403, 404, 422) },
  });

export const partnersApi = createApi()
  .openapi(
    createRoute({
      method: "post",
      path: "/calls/{id}/partner-posts",
      tags,
      summary: "Say your group looks for partners on an open call (members of a public or funders-only CSO)",
      security,
      request: { params: IdParam, ...jsonBody(PartnerPostCreate) },
      responses: { 201: json(PartnerPost, "Posted"), ...pick(400, 401, 403, 404, 422) },
    }),
    async (c) =>
      c.json(
        await postPartnerPost(
          c.get("db"),
          c.get("t"),
          viewerOf(c),
          c.req.valid("param").id,
          c.req.valid("json"),
        ),
        201,
      ),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/calls/{id}/partner-posts",
      tags,
      summary: "Groups looking for partners on the call (signed in; only organisations you may see)",
      security,
      request: { params: IdParam },
      responses: { 200: json(z.object({ items: z.array(PartnerPost) }), "Open posts"), ...pick(401, 404) },
    }),
    async (c) =>
      c.json({ items: await partnerPostsOf(c.get("db"), viewerOf(c), c.req.valid("param").id) }, 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/partner-posts/{id}/close",
      tags,
      summary: "Close a post (the posting organisation's members)",
      security,
      request: { params: IdParam },
      responses: { 200: json(PartnerPost, "Closed"), ...pick(401, 403, 404) },
    }),
    async (c) => c.json(await closePost(c.get("db"), viewerOf(c), c.req.valid("param").id), 200),
  )
  .openapi(
    consentRoute("post", "Consent as a partner (the partner organisation's owners; drafts)"),
    async (c) => {
      const { id, orgId } = c.req.valid("param");
      return c.json(
        { items: await givePartnerConsent(c.get("db"), c.get("t"), viewerOf(c), id, orgId, true) },
        200,
      );
    },
  )
  .openapi(consentRoute("delete", "Take a partner's consent back (its owners; drafts)"), async (c) => {
    const { id, orgId } = c.req.valid("param");
    return c.json(
      { items: await givePartnerConsent(c.get("db"), c.get("t"), viewerOf(c), id, orgId, false) },
      200,
    );
  });
