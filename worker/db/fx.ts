// The dated FX table, read whole: it holds a few rows per currency.
import { fxRates } from "../../schema";
import type { Db } from "./client";
import { fxTable } from "../domain/fx";

export const loadFxTable = async (db: Db) =>
  fxTable(await db.select({ currency: fxRates.currency, asOf: fxRates.asOf, usdPerUnit: fxRates.usdPerUnit }).from(fxRates).all());
