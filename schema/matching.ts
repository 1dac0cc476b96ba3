// The matching profile of every organisation a funder may be shown (a CSO, not hidden, not deleted): the
// columns ranking reads, narrow enough that one call is ranked against 100,000 of them inside SQLite, with
// only a page of ids crossing into the Worker (worker/db/match-rank.ts). Kept current by triggers on orgs
// and countries (migrations/0021_match_profiles.sql), inside the same transaction as each change, like
// org_equity. Money stays in its own currency: the budget is converted at the day's rate when ranking,
// because rates change without the organisation changing.
import { sqliteTable, text, integer, index } from "drizzle-orm/sqlite-core";

export const orgMatch = sqliteTable(
  "org_match",
  {
    /** orgs.id (no foreign key: the triggers remove the row before the organisation can go). */
    orgId: text("org_id").primaryKey(),
    country: text("country").notNull(),
    /** From countries: 1/0, NULL when the country is unknown there (then no fact counts). */
    globalSouth: integer("global_south"),
    incomeGroup: text("income_group"),
    civicSpace: text("civic_space"),
    legalStatus: text("legal_status"),
    setting: text("setting"),
    ledBy: integer("led_by").notNull(),
    themes: integer("themes").notNull(),
    /** Primary language subtags, lower case, between commas (",ar,fr,"): matched with instr(). */
    languages: text("languages").notNull(),
    budgetAmount: integer("budget_amount"),
    budgetCurrency: text("budget_currency"),
    fundingReceivedUsd: integer("funding_received_usd").notNull(),
    trustLevel: integer("trust_level").notNull(),
  },
  (t) => [index("org_match_country_idx").on(t.country)],
);
