// JSON API: the review tally of a panel or peer call, and publishing it.
import { createRoute } from "@hono/zod-openapi";
import { createApi, json, pick, security } from "../http/openapi";
import { IdParam } from "../../schema/api/common";
import { Tally } from "../../schema/api/tally";
import { viewTally, publishTally } from "../actions/review-tally";
import { viewerOf } from "../http/guards";

const tags = ["Review"];

export const tallyApi = createApi()
  .openapi(
    createRoute({
      method: "get",
      path: "/calls/{id}/tally",
      tags,
      security,
      summary:
        "The review tally, anonymised: the funder's members and admins once review opens (409 before), everyone once published (404 otherwise); `applicationId` for the funder's members only",
      request: { params: IdParam },
      responses: { 200: json(Tally, "The tally"), ...pick(404, 409) },
    }),
    async (c) =>
      c.json((await viewTally(c.get("db"), c.get("t"), viewerOf(c), c.req.valid("param").id)).tally, 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/calls/{id}/tally/publish",
      tags,
      security,
      summary:
        "Publish the tally (the funder's members, admins): ends review and shows it to everyone; once only (409 after, and before review opens)",
      request: { params: IdParam },
      responses: { 200: json(Tally, "Published"), ...pick(401, 403, 404, 409, 422) },
    }),
    async (c) =>
      c.json((await publishTally(c.get("db"), c.get("t"), viewerOf(c), c.req.valid("param").id)).tally, 200),
  );
