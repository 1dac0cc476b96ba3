// The map as anyone may read it: one grouped query, then disclosure control, so no figure covering fewer
// than k organisations leaves this function. Public by design: it locates public organisations only.
import type { Db } from "../db/client";
import { mapRows } from "../db/map";
import { suppressCells } from "../domain/map";
import type { MapMetric, MapViewT } from "../../schema/api/map";

export const countryMap = async (db: Db, metric: MapMetric, k: number): Promise<MapViewT> => ({
  metric,
  k,
  items: suppressCells(await mapRows(db, metric), k),
});
