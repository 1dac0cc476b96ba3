// Large result sets cross from D1 packed as JSON cells of at most ROWS_PER_CELL rows (D1 refuses
// strings over 2 MB): more rows than one cell holds must all arrive, once each, decoded as drizzle would.
import { env } from "cloudflare:workers";
import { describe, expect, test } from "vitest";
import { createDb } from "../../worker/db/client";
import { eq, like } from "drizzle-orm";
import { countries, orgs } from "../../schema";
import { profileColumns, toProfile, type ProfileRow } from "../../worker/db/matching";
import { packed, ROWS_PER_CELL, runPacked } from "../../worker/db/packed";

const N = ROWS_PER_CELL * 2 + 345;

describe("packed results", () => {
  test(`${N} organisation profiles arrive in ${Math.ceil(N / ROWS_PER_CELL)} cells, each once, with booleans and nulls decoded`, async () => {
    const tag = `pk${Date.now().toString(36)}`;
    const now = new Date().toISOString();
    const values = Array.from(
      { length: N },
      (_, i) =>
        `('${tag}-${i}', 'cso', 'Packed ${i}', 'BO', ${i % 2 ? "'rural'" : "NULL"}, 'movement', ${i % 3 ? 100000 : "NULL"}, ${i % 3 ? "'USD'" : "NULL"}, 1, 2, '[]', 'public', '${now}', '${now}')`,
    );
    for (let i = 0; i < values.length; i += 500) {
      await env.DB.prepare(
        `INSERT INTO orgs (id, kind, name, country, setting, legal_status, annual_budget_amount, annual_budget_currency, led_by, themes, languages, visibility, created_at, updated_at) VALUES ${values.slice(i, i + 500).join(", ")}`,
      ).run();
    }
    const db = createDb(env.DB);
    const rows = packed<ProfileRow>(profileColumns);
    const cells = await runPacked(
      db,
      db
        .select({ j: rows.row })
        .from(orgs)
        .leftJoin(countries, eq(countries.code, orgs.country))
        .where(like(orgs.id, `${tag}-%`)),
    );
    expect(cells.length).toBe(Math.ceil(N / ROWS_PER_CELL));
    const found = rows.decode(cells).map(toProfile);
    expect(found.length).toBe(N);
    expect(new Set(found.map((p) => p.id)).size).toBe(N);
    const one = found.find((p) => p.id === `${tag}-1`)!;
    expect(one).toMatchObject({
      country: "BO",
      setting: "rural",
      legalStatus: "movement",
      annualBudget: { amount: 100000, currency: "USD" },
      ledBy: ["women"],
      themes: ["youth"],
      languages: [],
    });
    expect(one.countryFacts?.globalSouth).toBe(true);
    expect(found.find((p) => p.id === `${tag}-0`)).toMatchObject({ setting: null, annualBudget: null });
  });
});
