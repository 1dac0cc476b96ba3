// The dated FX table, read whole: it holds a few rows per currency.
import { and, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { fxRates, awards, payments, pledges, orgs } from "../../schema";
import type { Db } from "./client";
import { fxTable } from "../domain/fx";
import { minorUnitExponent } from "../domain/money";

export const loadFxTable = async (db: Db) =>
  fxTable(
    await db
      .select({ currency: fxRates.currency, asOf: fxRates.asOf, usdPerUnit: fxRates.usdPerUnit })
      .from(fxRates)
      .all(),
  );

/**
 * Adds or corrects a dated rate, then re-converts every award, payment and pledge in that currency with
 * the rate now in force on its date (and the recipients' funding totals), in one batch. Reports read
 * the stored US-cent values, so they stay fast and follow the corrected table.
 */
export const upsertFxRate = async (
  db: Db,
  r: { currency: string; asOf: string; usdPerUnit: number; source: string },
  extra: BatchItem<"sqlite">[] = [],
) => {
  await db
    .insert(fxRates)
    .values(r)
    .onConflictDoUpdate({
      target: [fxRates.currency, fxRates.asOf],
      set: { usdPerUnit: r.usdPerUnit, source: r.source },
    });
  const list = (await loadFxTable(db)).get(r.currency) ?? [];
  const exp = minorUnitExponent(r.currency);
  const statements: BatchItem<"sqlite">[] = [...extra];
  list.forEach((rate, i) => {
    // The earliest rate also applies before the table starts (as rateOn does).
    const lo = i === 0 ? null : rate.asOf;
    const hi = list[i + 1]?.asOf ?? null;
    const cents = (rate.usdPerUnit * 100) / 10 ** exp;
    const within = (day: SQL) => and(lo ? gte(day, lo) : undefined, hi ? lt(day, hi) : undefined);
    statements.push(
      db
        .update(awards)
        .set({ amountUsd: sql`CAST(round(${awards.amount} * ${cents}) AS INTEGER)` })
        .where(and(eq(awards.currency, r.currency), within(sql`${awards.awardDate}`))),
      db
        .update(payments)
        .set({ amountUsd: sql`CAST(round(${payments.amount} * ${cents}) AS INTEGER)` })
        .where(and(eq(payments.currency, r.currency), within(sql`substr(${payments.at}, 1, 10)`))),
      db
        .update(pledges)
        .set({ amountUsd: sql`CAST(round(${pledges.amount} * ${cents}) AS INTEGER)` })
        .where(and(eq(pledges.currency, r.currency), within(sql`substr(${pledges.createdAt}, 1, 10)`))),
    );
  });
  statements.push(
    db
      .update(orgs)
      .set({
        // Confidential calls' awards stay out of it, as when they were made (worker/db/applications.ts).
        fundingReceivedUsd: sql`coalesce((SELECT sum(amount_usd) FROM awards WHERE awards.org_id = orgs.id AND awards.call_id NOT IN (SELECT id FROM calls WHERE confidential = 1)), 0) + coalesce((SELECT sum(amount_usd) FROM payments WHERE payments.recipient_org_id = orgs.id), 0)`,
      })
      .where(
        sql`${orgs.id} IN (SELECT org_id FROM awards WHERE currency = ${r.currency} UNION SELECT recipient_org_id FROM payments WHERE currency = ${r.currency})`,
      ),
  );
  await db.batch(statements as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]]);
};

export const listFxRates = (db: Db) =>
  db.select().from(fxRates).orderBy(fxRates.currency, fxRates.asOf).all();
