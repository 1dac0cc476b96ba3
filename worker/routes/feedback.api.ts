// JSON API: anonymous feedback to a funded group (its owners read it) and anonymous ratings of funders by
// the groups that applied to them (published in aggregate over at least k groups). The per-address limit
// on sending feedback is applied in worker/app.ts.
import { createRoute } from "@hono/zod-openapi";
import { createApi, json, jsonBody, pick, security } from "../http/openapi";
import { IdParam } from "../../schema/api/common";
import {
  FeedbackCreate,
  FeedbackReceived,
  FeedbackList,
  RatingCreate,
  RatingSaved,
  FunderRatings,
} from "../../schema/api/feedback";
import { sendFeedback, readFeedback } from "../actions/feedback";
import { rateFunder, funderRatings } from "../actions/funder-ratings";
import { reportK } from "../http/report-query";
import { viewerOf } from "../http/guards";

const tags = ["Feedback and ratings"];

export const feedbackApi = createApi()
  .openapi(
    createRoute({
      method: "post",
      path: "/orgs/{id}/feedback",
      tags,
      summary:
        "Send a funded group anonymous feedback (anyone who may see it; nothing about the sender is stored; a few a minute per address)",
      request: { params: IdParam, ...jsonBody(FeedbackCreate) },
      responses: {
        202: json(FeedbackReceived, "Received"),
        ...pick(400, 404, 422, 429),
      },
    }),
    async (c) => {
      await sendFeedback(
        c.get("db"),
        c.get("t"),
        viewerOf(c),
        c.req.valid("param").id,
        c.req.valid("json").text,
      );
      return c.json({ status: "received" as const }, 202);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/orgs/{id}/feedback",
      tags,
      security,
      summary: "The group's anonymous feedback, newest first, with the day only (its owners)",
      request: { params: IdParam },
      responses: { 200: json(FeedbackList, "Feedback"), ...pick(401, 403, 404) },
    }),
    async (c) => {
      const { items } = await readFeedback(c.get("db"), c.get("t"), viewerOf(c), c.req.valid("param").id);
      return c.json({ items }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/funders/{id}/ratings",
      tags,
      security,
      summary:
        "Rate a funder on behalf of a group you belong to that applied to it (anonymous; a second rating replaces the first)",
      request: { params: IdParam, ...jsonBody(RatingCreate) },
      responses: {
        201: json(RatingSaved, "Rated"),
        200: json(RatingSaved, "The group's earlier rating replaced"),
        ...pick(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const saved = await rateFunder(
        c.get("db"),
        c.get("t"),
        viewerOf(c),
        c.req.valid("param").id,
        c.req.valid("json"),
        c.env.PASSWORD_PEPPER,
      );
      return saved.replaced ? c.json(saved, 200) : c.json(saved, 201);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/funders/{id}/ratings",
      tags,
      summary:
        "How groups that applied rate the funder: means and comments once at least k groups rated, nothing (not even the count) below",
      request: { params: IdParam },
      responses: { 200: json(FunderRatings, "The aggregate"), ...pick(404) },
    }),
    async (c) =>
      c.json(await funderRatings(c.get("db"), viewerOf(c), c.req.valid("param").id, reportK(c.env)), 200),
  );
