// JSON API: organisations, awards or money per country for the map; cells under k suppressed.
import { createRoute } from "@hono/zod-openapi";
import { createApi, json, pick } from "../http/openapi";
import { MapQuery, MapView } from "../../schema/api/map";
import { countryMap } from "../actions/map";
import { reportK } from "../http/report-query";

export const mapApi = createApi().openapi(
  createRoute({
    method: "get",
    path: "/map",
    tags: ["Reports"],
    summary:
      "Per country: public CSOs, awards to them or their cash awards in US cents (confidential calls never counted); cells under k organisations suppressed",
    request: { query: MapQuery },
    responses: { 200: json(MapView, "The map's cells, by country code"), ...pick(400) },
  }),
  async (c) => c.json(await countryMap(c.get("db"), c.req.valid("query").metric, reportK(c.env)), 200),
);
