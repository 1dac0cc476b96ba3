// JSON API: light reports — the group writes (draft or sent), saves drafts by version, sends and shares
// them; the award's funder and the funders it was shared with read what was sent.
import { createRoute } from "@hono/zod-openapi";
import { createApi, json, jsonBody, pick, security } from "../http/openapi";
import { IdParam } from "../../schema/api/common";
import { Report, ReportCreate, ReportList, ReportPatch, ReportShare } from "../../schema/api/award-reports";
import {
  createReport,
  listAwardReports,
  saveReport,
  sendReport,
  shareReportWith,
  viewReport,
} from "../actions/award-reports";
import { viewerOf } from "../http/guards";

const tags = ["Reports"];

export const awardReportsApi = createApi()
  .openapi(
    createRoute({
      method: "post",
      path: "/awards/{id}/reports",
      tags,
      security,
      summary:
        "Write a light report on the award (the group's members): a draft, or sent at once with `submit: true` (every answer required, ≤ 1,000 characters each)",
      request: { params: IdParam, ...jsonBody(ReportCreate) },
      responses: { 201: json(Report, "Written"), ...pick(400, 401, 403, 404, 422) },
    }),
    async (c) =>
      c.json(
        await createReport(
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
      path: "/awards/{id}/reports",
      tags,
      security,
      summary:
        "The award's reports, its own and those shared with it (the group's members see drafts too; the funder's members and admins see sent ones)",
      request: { params: IdParam },
      responses: { 200: json(ReportList, "The reports"), ...pick(401, 404) },
    }),
    async (c) => c.json(await listAwardReports(c.get("db"), viewerOf(c), c.req.valid("param").id), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/reports/{id}",
      tags,
      security,
      summary:
        "A report (the group's members; once sent, the award's funder, the funders it was shared with, admins)",
      request: { params: IdParam },
      responses: { 200: json(Report, "The report"), ...pick(401, 404) },
    }),
    async (c) => c.json(await viewReport(c.get("db"), viewerOf(c), c.req.valid("param").id), 200),
  )
  .openapi(
    createRoute({
      method: "patch",
      path: "/reports/{id}",
      tags,
      security,
      summary:
        "Save a draft (the group's members) if still at `version`; a stale version is refused (409) with the server copy as `current`",
      request: { params: IdParam, ...jsonBody(ReportPatch) },
      responses: { 200: json(Report, "Saved"), ...pick(400, 401, 403, 404, 409, 422) },
    }),
    async (c) =>
      c.json(
        await saveReport(c.get("db"), c.get("t"), viewerOf(c), c.req.valid("param").id, c.req.valid("json")),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/reports/{id}/submit",
      tags,
      security,
      summary: "Send a draft (the group's members): every answer given, none over 1,000 characters",
      request: { params: IdParam },
      responses: { 200: json(Report, "Sent"), ...pick(401, 403, 404, 409, 422) },
    }),
    async (c) => c.json(await sendReport(c.get("db"), c.get("t"), viewerOf(c), c.req.valid("param").id), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/reports/{id}/share",
      tags,
      security,
      summary:
        "Share the report with another award of the same group (the group's owners): that award's funder reads it once sent, with its files",
      request: { params: IdParam, ...jsonBody(ReportShare) },
      responses: { 200: json(Report, "Shared"), ...pick(400, 401, 403, 404, 422) },
    }),
    async (c) =>
      c.json(
        await shareReportWith(
          c.get("db"),
          c.get("t"),
          viewerOf(c),
          c.req.valid("param").id,
          c.req.valid("json").awardId,
        ),
        200,
      ),
  );
