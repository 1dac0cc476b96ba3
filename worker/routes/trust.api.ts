// JSON API: the trust ladder — evidence, vouches and requests for them, country chapters, confirmations.
import { createRoute, z } from "@hono/zod-openapi";
import { createApi, json, jsonBody, pick, security } from "../http/openapi";
import { IdParam } from "../../schema/api/common";
import {
  VouchBody,
  Vouch,
  VouchRequestBody,
  ConfirmationBody,
  Trust,
  CountryParam,
  CoordinatorParam,
  ChapterSummary,
  Chapter,
} from "../../schema/api/trust";
import {
  vouchFor,
  revokeVouch,
  askForVouch,
  trustOf,
  vouchesOf,
  appoint,
  dismiss,
  confirmOrg,
  unconfirmOrg,
  askForConfirmation,
  chapterOf,
} from "../actions/trust";
import { viewOrg } from "../actions/orgs";
import { chapterList } from "../db/trust";
import { viewerOf } from "../http/guards";

const tags = ["Trust"];

export const trustApi = createApi()
  .openapi(
    createRoute({
      method: "get",
      path: "/orgs/{id}/trust",
      tags,
      summary:
        "The organisation's trust level and the evidence behind it (vouchers the caller may not see are unnamed)",
      request: { params: IdParam },
      responses: { 200: json(Trust, "Level and evidence"), ...pick(404) },
    }),
    async (c) => {
      const v = viewerOf(c);
      const org = await viewOrg(c.get("db"), v, c.req.valid("param").id);
      return c.json(await trustOf(c.get("db"), v, org.id), 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/orgs/{id}/vouches",
      tags,
      summary: "Vouches for the organisation (as its visibility allows)",
      request: { params: IdParam },
      responses: { 200: json(z.object({ items: z.array(Vouch) }), "Vouches"), ...pick(404) },
    }),
    async (c) => c.json({ items: await vouchesOf(c.get("db"), viewerOf(c), c.req.valid("param").id) }, 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/orgs/{id}/vouches",
      tags,
      security,
      summary: "Vouch for the organisation (owners of an organisation at level 3 or 4); lasts 12 months",
      request: { params: IdParam, ...jsonBody(VouchBody) },
      responses: {
        201: json(z.object({ id: z.string(), expiresAt: z.string() }), "Vouched"),
        ...pick(400, 401, 403, 404, 409, 422),
      },
    }),
    async (c) => {
      const v = await vouchFor(
        c.get("db"),
        c.get("t"),
        viewerOf(c),
        c.req.valid("param").id,
        c.req.valid("json"),
      );
      return c.json({ id: v.id, expiresAt: v.expiresAt }, 201);
    },
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/vouches/{id}",
      tags,
      security,
      summary: "Take a vouch back (the voucher's owners)",
      request: { params: IdParam },
      responses: { 204: { description: "Revoked" }, ...pick(401, 403, 404) },
    }),
    async (c) => {
      await revokeVouch(c.get("db"), c.get("t"), viewerOf(c), c.req.valid("param").id);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/orgs/{id}/vouch-requests",
      tags,
      security,
      summary: "Ask a trusted organisation to vouch for this one (owners); it may vouch or ignore it",
      request: { params: IdParam, ...jsonBody(VouchRequestBody) },
      responses: {
        202: json(z.object({ status: z.literal("asked") }), "Asked"),
        ...pick(400, 401, 403, 404, 422),
      },
    }),
    async (c) => {
      await askForVouch(
        c.get("db"),
        c.get("t"),
        viewerOf(c),
        c.req.valid("param").id,
        c.req.valid("json").toOrgId,
      );
      return c.json({ status: "asked" as const }, 202);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/orgs/{id}/confirmation-request",
      tags,
      security,
      summary: "Ask the country chapter to confirm the organisation (owners)",
      request: { params: IdParam },
      responses: {
        202: json(z.object({ status: z.literal("asked") }), "In the chapter's queue"),
        ...pick(401, 403, 404),
      },
    }),
    async (c) => {
      await askForConfirmation(c.get("db"), c.get("t"), viewerOf(c), c.req.valid("param").id);
      return c.json({ status: "asked" as const }, 202);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/orgs/{id}/confirmations",
      tags,
      security,
      summary: "Confirm the organisation (a coordinator of its country's chapter): level 3",
      request: { params: IdParam, ...jsonBody(ConfirmationBody) },
      responses: {
        201: json(z.object({ level: z.number().int() }), "Confirmed"),
        ...pick(400, 401, 403, 404),
      },
    }),
    async (c) =>
      c.json(
        {
          level: (await confirmOrg(
            c.get("db"),
            c.get("t"),
            viewerOf(c),
            c.req.valid("param").id,
            c.req.valid("json"),
          ))!,
        },
        201,
      ),
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/orgs/{id}/confirmations",
      tags,
      security,
      summary: "Withdraw the chapter's confirmation (its coordinators, admins)",
      request: { params: IdParam },
      responses: { 204: { description: "Withdrawn" }, ...pick(401, 403, 404) },
    }),
    async (c) => {
      await unconfirmOrg(c.get("db"), viewerOf(c), c.req.valid("param").id);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/chapters",
      tags,
      summary: "Country chapters with their number of coordinators and listed organisations",
      responses: { 200: json(z.object({ items: z.array(ChapterSummary) }), "Chapters") },
    }),
    async (c) => c.json({ items: await chapterList(c.get("db")) }, 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/chapters/{country}",
      tags,
      summary:
        "A chapter: coordinators, listed organisations, open calls for the country; the confirmation queue for its coordinators",
      request: { params: CountryParam },
      responses: { 200: json(Chapter, "The chapter"), ...pick(404) },
    }),
    async (c) => c.json(await chapterOf(c.get("db"), viewerOf(c), c.req.valid("param").country), 200),
  )
  .openapi(
    createRoute({
      method: "put",
      path: "/chapters/{country}/coordinators/{userId}",
      tags,
      security,
      summary: "Appoint a coordinator (admins)",
      request: { params: CoordinatorParam },
      responses: { 204: { description: "Appointed" }, ...pick(401, 403, 404) },
    }),
    async (c) => {
      const { country, userId } = c.req.valid("param");
      await appoint(c.get("db"), c.get("t"), viewerOf(c), country, userId);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/chapters/{country}/coordinators/{userId}",
      tags,
      security,
      summary: "Remove a coordinator (admins)",
      request: { params: CoordinatorParam },
      responses: { 204: { description: "Removed" }, ...pick(401, 403, 404) },
    }),
    async (c) => {
      const { country, userId } = c.req.valid("param");
      await dismiss(c.get("db"), viewerOf(c), country, userId);
      return c.body(null, 204);
    },
  );
