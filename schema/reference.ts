// Reference data: countries (loaded by migration from schema/data/countries.csv) and the theme taxonomy.
import { sqliteTable, text, integer } from "drizzle-orm/sqlite-core";

export const countries = sqliteTable("countries", {
  code: text("code").primaryKey(), // ISO 3166-1 alpha-2
  iso3: text("iso3").notNull(),
  m49: text("m49").notNull(),
  // Empty cells of the source stay NULL: unknown is not "no".
  unRegion: text("un_region"),
  unSubregion: text("un_subregion"),
  wbIncomeGroup: text("wb_income_group"), // LIC | LMC | UMC | HIC
  wbFy: text("wb_fy"),
  dacOdaGroup: text("dac_oda_group"), // LDC | OLIC | LMIC | UMIC
  globalSouth: integer("global_south", { mode: "boolean" }).notNull(),
  civicSpace: text("civicus_rating"), // open | narrowed | obstructed | repressed | closed
  civicSpaceAsOf: text("civicus_as_of"),
  updatedAt: text("updated_at"),
});

/** The fixed theme taxonomy; `bit` is the theme's position in organisations' and calls' theme bitmasks. */
export const themes = sqliteTable("themes", {
  id: text("id").primaryKey(),
  bit: integer("bit").notNull().unique(),
});
