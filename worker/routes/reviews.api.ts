// JSON API: participatory review — panel invitations, the reviewer's queue of anonymised applications,
// scores and declared conflicts.
import { createRoute } from "@hono/zod-openapi";
import { createApi, json, jsonBody, pick, security } from "../http/openapi";
import { IdParam } from "../../schema/api/common";
import {
  AssignmentParam,
  PanelInvite,
  PanelInvited,
  ReviewItem,
  ReviewList,
  ReviewScore,
} from "../../schema/api/reviews";
import { invitePanelist, myReviews, submitReview, viewReview } from "../actions/reviews";
import { mailerFor } from "../http/mail";
import { viewerOf } from "../http/guards";

const tags = ["Review"];

export const reviewsApi = createApi()
  .openapi(
    createRoute({
      method: "post",
      path: "/calls/{id}/panelists",
      tags,
      security,
      summary:
        "Invite someone by e-mail to review a panel call (the funder's members); the same answer for every address",
      request: { params: IdParam, ...jsonBody(PanelInvite) },
      responses: {
        202: json(PanelInvited, "Invited (or already invited)"),
        ...pick(400, 401, 403, 404, 422),
      },
    }),
    async (c) => {
      const r = await invitePanelist(
        c.get("db"),
        c.get("t"),
        viewerOf(c),
        c.req.valid("param").id,
        c.req.valid("json").email,
        mailerFor(c),
      );
      return c.json(r, 202);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/me/reviews",
      tags,
      security,
      summary:
        "The caller's review assignments, pending first, each with its application anonymised (no organisation name, members or contact)",
      responses: { 200: json(ReviewList, "Assignments"), ...pick(401) },
    }),
    async (c) => c.json({ items: await myReviews(c.get("db"), viewerOf(c)) }, 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/reviews/{assignmentId}",
      tags,
      security,
      summary: "One assignment (its reviewer only; 404 for everyone else)",
      request: { params: AssignmentParam },
      responses: { 200: json(ReviewItem, "The assignment"), ...pick(401, 404) },
    }),
    async (c) => c.json(await viewReview(c.get("db"), viewerOf(c), c.req.valid("param").assignmentId), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/reviews/{assignmentId}",
      tags,
      security,
      summary:
        "Score 1–5 with an optional comment (again to replace it, until the tally is published: then 409), or declare a conflict of interest, which reassigns the application",
      request: { params: AssignmentParam, ...jsonBody(ReviewScore) },
      responses: { 201: json(ReviewItem, "Recorded"), ...pick(400, 401, 404, 409) },
    }),
    async (c) =>
      c.json(
        await submitReview(
          c.get("db"),
          c.get("t"),
          viewerOf(c),
          c.req.valid("param").assignmentId,
          c.req.valid("json"),
        ),
        201,
      ),
  );
