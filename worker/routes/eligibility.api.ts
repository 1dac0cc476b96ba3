// JSON API: the anonymous eligibility check (anyone, no account). The answers are neither stored nor
// logged, and the response is not kept by caches either.
import { createRoute } from "@hono/zod-openapi";
import { createApi, json, jsonBody, pick } from "../http/openapi";
import { MatchQuery } from "../../schema/api/calls";
import { EligibilityCheck, EligibilityResult } from "../../schema/api/eligibility";
import { checkEligibility } from "../actions/eligibility";

export const eligibilityApi = createApi().openapi(
  createRoute({
    method: "post",
    path: "/eligibility-check",
    tags: ["Matching"],
    summary:
      "Which open calls fit this profile, and why (anyone, without an account; nothing is stored). Same ranking and reasons as GET /orgs/{id}/matches",
    request: { query: MatchQuery, ...jsonBody(EligibilityCheck) },
    responses: { 200: json(EligibilityResult, "Ranked open calls"), ...pick(400, 429) },
  }),
  async (c) => {
    const result = await checkEligibility(
      c.get("db"),
      c.get("t"),
      c.get("locale"),
      c.req.valid("json"),
      c.req.valid("query"),
    );
    c.header("Cache-Control", "no-store");
    return c.json(result, 200);
  },
);
