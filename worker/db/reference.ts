// Reference data: countries (with their classifications) and the theme taxonomy.
import { asc, count, eq, inArray } from "drizzle-orm";
import { countries } from "../../schema";
import type { Db } from "./client";
import { nowIso } from "./client";

export type CountryRow = typeof countries.$inferSelect;

export const listCountries = (db: Db) => db.select().from(countries).orderBy(asc(countries.code)).all();

export const findCountry = (db: Db, code: string) =>
  db.select().from(countries).where(eq(countries.code, code)).get();

/** Which of these codes are known countries. */
export const knownCountryCodes = async (db: Db, codes: string[]) =>
  new Set(
    (
      await db.select({ code: countries.code }).from(countries).where(inArray(countries.code, codes)).all()
    ).map((r) => r.code),
  );

/** Admin corrections of a country's classifications; returns the updated row or null if unknown. */
export const updateCountry = (
  db: Db,
  code: string,
  patch: Partial<
    Pick<CountryRow, "wbIncomeGroup" | "dacOdaGroup" | "globalSouth" | "civicSpace" | "civicSpaceAsOf">
  >,
) =>
  db
    .update(countries)
    .set({ ...patch, updatedAt: nowIso() })
    .where(eq(countries.code, code))
    .returning()
    .get();

/** Used by the health check: a real query that fails if the database or its migrations are missing. */
export const countCountries = async (db: Db) =>
  (await db.select({ n: count() }).from(countries).get())?.n ?? 0;
