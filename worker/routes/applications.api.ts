// JSON API: applications (start, save drafts with versions, submit, withdraw), reviews, decisions, lists.
import { createRoute, z } from "@hono/zod-openapi";
import { createApi, json, jsonBody, pick, security } from "../http/openapi";
import {
  Application,
  ApplicationCreate,
  ApplicationPatch,
  ReviewBody,
  DecisionBody,
  ReviewedApplication,
  OrgApplication,
  Review,
} from "../../schema/api/applications";
import { IdParam } from "../../schema/api/common";
import {
  loadApplication,
  startApplication,
  saveDraft,
  submitApplication,
  withdrawApplication,
  reviewApplication,
  reviewsOf,
  decideOn,
  applicationsForCall,
  applicationsOfOrg,
} from "../actions/applications";
import { viewerOf } from "../http/guards";

const tags = ["Applications"];
const Reviews = z
  .object({ reviews: z.array(Review), averageScore: z.number().nullable() })
  .openapi("Reviews");

export const applicationsApi = createApi()
  .openapi(
    createRoute({
      method: "post",
      path: "/calls/{id}/applications",
      tags,
      summary: "Start an application (a draft) for one of your organisations",
      security,
      request: { params: IdParam, ...jsonBody(ApplicationCreate) },
      responses: { 201: json(Application, "Draft created"), ...pick(400, 401, 403, 404, 409, 422) },
    }),
    async (c) =>
      c.json(
        await startApplication(
          c.get("db"),
          c.get("t"),
          viewerOf(c),
          c.req.valid("param").id,
          c.req.valid("json").orgId,
        ),
        201,
      ),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/calls/{id}/applications",
      tags,
      summary: "Submitted applications with profile snapshots and review averages (the call's funder)",
      security,
      request: { params: IdParam },
      responses: {
        200: json(z.object({ items: z.array(ReviewedApplication) }), "Applications"),
        ...pick(401, 403, 404),
      },
    }),
    async (c) =>
      c.json(
        { items: (await applicationsForCall(c.get("db"), viewerOf(c), c.req.valid("param").id)).items },
        200,
      ),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/applications/{id}",
      tags,
      summary: "One application (the applicants; the funder once submitted)",
      security,
      request: { params: IdParam },
      responses: { 200: json(Application, "The application"), ...pick(401, 404) },
    }),
    async (c) => c.json((await loadApplication(c.get("db"), viewerOf(c), c.req.valid("param").id)).app, 200),
  )
  .openapi(
    createRoute({
      method: "patch",
      path: "/applications/{id}",
      tags,
      summary: "Save a draft; send the version you read (409 with the current copy if stale)",
      security,
      request: { params: IdParam, ...jsonBody(ApplicationPatch) },
      responses: { 200: json(Application, "Saved"), ...pick(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => {
      const { version, ...patch } = c.req.valid("json");
      return c.json(
        await saveDraft(c.get("db"), c.get("t"), viewerOf(c), c.req.valid("param").id, version, patch),
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/applications/{id}/submit",
      tags,
      summary: "Submit; 422 names every problem at once",
      security,
      request: { params: IdParam },
      responses: { 200: json(Application, "Submitted"), ...pick(401, 403, 404, 422) },
    }),
    async (c) =>
      c.json(
        await submitApplication(
          c.get("db"),
          c.get("t"),
          c.get("locale"),
          viewerOf(c),
          c.req.valid("param").id,
        ),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/applications/{id}/withdraw",
      tags,
      summary: "Withdraw before a decision",
      security,
      request: { params: IdParam },
      responses: { 200: json(Application, "Withdrawn"), ...pick(401, 403, 404, 422) },
    }),
    async (c) =>
      c.json(await withdrawApplication(c.get("db"), c.get("t"), viewerOf(c), c.req.valid("param").id), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/applications/{id}/reviews",
      tags,
      summary: "Reviews and their average (the call's funder)",
      security,
      request: { params: IdParam },
      responses: { 200: json(Reviews, "Reviews"), ...pick(401, 403, 404) },
    }),
    async (c) => c.json(await reviewsOf(c.get("db"), viewerOf(c), c.req.valid("param").id), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/applications/{id}/reviews",
      tags,
      summary: "Score 1–5 with a comment (funder members; one review per reviewer, replaced when sent again)",
      security,
      request: { params: IdParam, ...jsonBody(ReviewBody) },
      responses: { 201: json(Reviews, "Reviewed"), ...pick(400, 401, 403, 404, 422) },
    }),
    async (c) => {
      const { score, comment } = c.req.valid("json");
      return c.json(
        await reviewApplication(
          c.get("db"),
          c.get("t"),
          viewerOf(c),
          c.req.valid("param").id,
          score,
          comment ?? null,
        ),
        201,
      );
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/applications/{id}/decision",
      tags,
      summary: "Award (amount within the call's range) or decline (with reasons); one decision only",
      security,
      request: { params: IdParam, ...jsonBody(DecisionBody) },
      responses: { 200: json(Application, "Decided"), ...pick(400, 401, 403, 404, 409, 422) },
    }),
    async (c) =>
      c.json(
        await decideOn(c.get("db"), c.get("t"), viewerOf(c), c.req.valid("param").id, c.req.valid("json")),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/orgs/{id}/applications",
      tags,
      summary: "The organisation's own applications (its members)",
      security,
      request: { params: IdParam },
      responses: {
        200: json(z.object({ items: z.array(OrgApplication) }), "Applications"),
        ...pick(401, 403, 404),
      },
    }),
    async (c) =>
      c.json(
        { items: (await applicationsOfOrg(c.get("db"), viewerOf(c), c.req.valid("param").id)).items },
        200,
      ),
  );
