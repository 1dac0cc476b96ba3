// Shapes for the map: organisations, awards or money per country, every cell under k suppressed.
import { z } from "@hono/zod-openapi";

export const MAP_METRICS = ["orgs", "awards", "amount"] as const;
export type MapMetric = (typeof MAP_METRICS)[number];

export const MapQuery = z.object({
  metric: z.enum(MAP_METRICS).default("orgs").openapi({
    description:
      "orgs: public CSOs per country; awards: awards to them; amount: the US-dollar value (US cents) of their cash awards",
  }),
  lang: z.string().optional(),
});

export const MapCell = z
  .object({
    country: z.string().openapi({ description: "ISO 3166-1 alpha-2", example: "KE" }),
    value: z.number().int().nullable().openapi({ description: "null when suppressed" }),
    suppressed: z.boolean().openapi({ description: "The cell covers fewer than k organisations" }),
  })
  .openapi("MapCell");

export const MapView = z
  .object({
    metric: z.enum(MAP_METRICS),
    k: z.number().int().openapi({ description: "Minimum number of organisations behind a published cell" }),
    items: z.array(MapCell),
  })
  .openapi("Map");
export type MapViewT = z.infer<typeof MapView>;
