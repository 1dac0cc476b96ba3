// JSON API: the resource library — search and read, post (members of verified organisations), and
// moderate (admins and the chapter coordinators of the posting organisation's country).
import { createRoute } from "@hono/zod-openapi";
import { createApi, json, jsonBody, pick, security } from "../http/openapi";
import { viewerOf } from "../http/guards";
import { IdParam } from "../../schema/api/common";
import { Resource, ResourceCreate, ResourceList, ResourceListQuery } from "../../schema/api/resources";
import { browseResources, createResource, moderate, viewResource } from "../actions/resources";

const tags = ["Library"];

const moderation = (path: string, summary: string) =>
  createRoute({
    method: "post",
    path,
    tags,
    security,
    summary,
    request: { params: IdParam },
    responses: { 200: json(Resource, "Moderated"), ...pick(401, 403, 404, 409) },
  });

export const resourcesApi = createApi()
  .openapi(
    createRoute({
      method: "get",
      path: "/resources",
      tags,
      summary:
        "Published resources: full-text search over titles and summaries (every word, as a prefix; Arabic diacritics and letter forms ignored), by theme and language",
      request: { query: ResourceListQuery },
      responses: { 200: json(ResourceList, "A page of resources"), ...pick(400, 401, 403) },
    }),
    async (c) => c.json(await browseResources(c.get("db"), viewerOf(c), c.req.valid("query")), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/resources/{id}",
      tags,
      summary:
        "One resource (pending or rejected ones only to the posting organisation's members, admins and its country's coordinators)",
      request: { params: IdParam },
      responses: { 200: json(Resource, "The resource"), ...pick(404) },
    }),
    async (c) =>
      c.json((await viewResource(c.get("db"), viewerOf(c), c.req.valid("param").id)).resource, 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/resources",
      tags,
      security,
      summary:
        "Post a resource, a link or your own uploaded file, pending moderation (members of organisations verified by the platform or confirmed by their chapter)",
      request: jsonBody(ResourceCreate),
      responses: { 201: json(Resource, "Posted, pending moderation"), ...pick(400, 401, 403, 404, 422) },
    }),
    async (c) => c.json(await createResource(c.get("db"), c.get("t"), viewerOf(c), c.req.valid("json")), 201),
  )
  .openapi(
    moderation(
      "/resources/{id}/publish",
      "Publish a pending resource (admins, coordinators of the posting organisation's country)",
    ),
    async (c) =>
      c.json(await moderate(c.get("db"), c.get("t"), viewerOf(c), c.req.valid("param").id, "published"), 200),
  )
  .openapi(
    moderation(
      "/resources/{id}/reject",
      "Turn down a pending resource (admins, coordinators of the posting organisation's country)",
    ),
    async (c) =>
      c.json(await moderate(c.get("db"), c.get("t"), viewerOf(c), c.req.valid("param").id, "rejected"), 200),
  );
