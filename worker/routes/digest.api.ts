// JSON API: a member's weekly digest of new calls for one of their organisations (that member only).
import { createRoute } from "@hono/zod-openapi";
import { createApi, json, jsonBody, pick, security } from "../http/openapi";
import { IdParam } from "../../schema/api/common";
import { DigestState, DigestToggle } from "../../schema/api/digest";
import { digestState, setDigest } from "../actions/digest";
import { viewerOf } from "../http/guards";

const tags = ["Digest"];

export const digestApi = createApi()
  .openapi(
    createRoute({
      method: "get",
      path: "/orgs/{id}/digest",
      tags,
      summary: "Whether I receive this organisation's weekly digest (its members)",
      security,
      request: { params: IdParam },
      responses: { 200: json(DigestState, "Mine"), ...pick(401, 403, 404, 422) },
    }),
    async (c) =>
      c.json(await digestState(c.get("db"), c.get("t"), viewerOf(c), c.req.valid("param").id), 200),
  )
  .openapi(
    createRoute({
      method: "put",
      path: "/orgs/{id}/digest",
      tags,
      summary: "Turn my weekly digest of new matching calls on or off (members of a CSO)",
      security,
      request: { params: IdParam, ...jsonBody(DigestToggle) },
      responses: { 200: json(DigestState, "Saved"), ...pick(400, 401, 403, 404, 422) },
    }),
    async (c) =>
      c.json(
        await setDigest(
          c.get("db"),
          c.get("t"),
          viewerOf(c),
          c.req.valid("param").id,
          c.req.valid("json").on,
        ),
        200,
      ),
  );
