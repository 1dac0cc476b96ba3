// The map page: a GET with ?metric=, drawn on the server; an unknown metric answers 400 with the
// organisations' map and the error, never a 5xx.
import { Hono } from "hono";
import type { AppEnv } from "../env";
import { renderPage } from "../http/render";
import { parseWith } from "../http/forms";
import { reportK } from "../http/report-query";
import { MapQuery } from "../../schema/api/map";
import { countryMap } from "../actions/map";
import { classify } from "../domain/map";
import { MapPage } from "../../web/pages/map/MapPage";

export const mapPages = new Hono<AppEnv>().get("/map", async (c) => {
  const parsed = parseWith(c, MapQuery, c.req.query());
  const metric = parsed.ok ? parsed.data.metric : "orgs";
  const view = await countryMap(c.get("db"), metric, reportK(c.env));
  const { cells, bins } = classify(view.items);
  return renderPage(
    c,
    <MapPage
      metric={metric}
      k={view.k}
      cells={cells}
      bins={bins}
      errors={parsed.ok ? undefined : parsed.errors}
    />,
    parsed.ok ? 200 : 400,
  );
});
