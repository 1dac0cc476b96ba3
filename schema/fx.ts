// Dated exchange rates to the basis currency (USD). Shipped by migration, updatable by an admin.
import { sqliteTable, text, real, primaryKey } from "drizzle-orm/sqlite-core";

export const fxRates = sqliteTable(
  "fx_rates",
  {
    currency: text("currency").notNull(), // ISO 4217
    /** The day the rate applies from (YYYY-MM-DD); a conversion uses the latest rate on or before its date. */
    asOf: text("as_of").notNull(),
    /** US dollars for one unit (not minor unit) of the currency. A rate is a ratio, so a float is right here. */
    usdPerUnit: real("usd_per_unit").notNull(),
    source: text("source").notNull(),
  },
  (t) => [primaryKey({ columns: [t.currency, t.asOf] })],
);
