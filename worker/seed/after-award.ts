// Demo money after the award: every demo award gets its default plan; Open Horizons Fund's 2025 core grant
// to the Minya group (so funder@ and cso@ can open an award) with a bank transfer that arrived in Egyptian
// pounds weeks later, less than was sent; a grant-history award paid by M-Pesa and confirmed with the
// agent's fee taken; another paid by bank 45 days ago and never confirmed (flagged to both sides).
// Seeded once: skipped entirely when the Minya award exists.
// (The Minya award's light report with a photo is seeded beside this one, in reports.ts.)
import { and, asc, eq, like, lte, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { applications, awards, calls, disbursements, receipts, tranches } from "../../schema";
import type { Db } from "../db/client";
import { nowIso } from "../db/client";
import { loadFxTable } from "../db/fx";
import { defaultPlanInsertsIf } from "../db/award-money";
import { toUsdCents, type FxTable } from "../domain/fx";
import { defaultTranches } from "../domain/tranches";
import { addDays, todayUtc } from "../domain/calendar-date";
import type { Money } from "../domain/money";
import type { PayoutRailKind } from "../../schema/enums";

export const DEMO_AWARD = "demo-award-minya";
const MINYA = "demo-cso-minya";
const CALL = "demo-call-2025-core";
const FUNDER = "demo-funder-horizons";

type Sent = {
  id: string;
  award: { id: string; orgId: string };
  trancheId: string | null;
  amount: Money;
  sentOn: string;
  rail: PayoutRailKind;
  via: string | null;
  reference: string;
  by: string;
};

const sentRow = (s: Sent, fx: FxTable, now: string) => ({
  id: s.id,
  awardId: s.award.id,
  trancheId: s.trancheId,
  orgId: s.award.orgId,
  amount: s.amount.amount,
  currency: s.amount.currency,
  amountUsd: toUsdCents(s.amount, fx, s.sentOn),
  sentOn: s.sentOn,
  rail: s.rail,
  via: s.via,
  reference: s.reference,
  createdBy: s.by,
  createdAt: now,
});

/**
 * `share` of what was sent, in `currency` at `receivedOn`'s rate: a different day's rate and the fees make
 * the loss. Falls back to US dollars when the table has no rate for `currency`.
 */
const arrived = (
  sentUsd: number,
  share: number,
  currency: string,
  receivedOn: string,
  fx: FxTable,
): Money => {
  const perMillion = toUsdCents({ amount: 1_000_000, currency }, fx, receivedOn);
  if (!perMillion) return { amount: Math.floor(sentUsd * share), currency: "USD" };
  return { amount: Math.floor((sentUsd * share * 1_000_000) / perMillion), currency };
};

export const seedDemoAfterAward = async (db: Db, now = Date.now()) => {
  if (await db.select({ id: awards.id }).from(awards).where(eq(awards.id, DEMO_AWARD)).get()) return 0;
  const fx = await loadFxTable(db);
  const stamp = nowIso();
  const today = todayUtc(now);
  const call = await db.select().from(calls).where(eq(calls.id, CALL)).get();
  if (!call) return 0;
  const awardDate = "2025-06-15";
  const amount = { amount: 1_200_000, currency: "USD" };
  const minya = { id: DEMO_AWARD, orgId: MINYA };
  const statements: BatchItem<"sqlite">[] = [
    db
      .insert(applications)
      .values({
        id: "demo-app-minya-2025",
        callId: CALL,
        orgId: MINYA,
        status: "awarded",
        answers: JSON.stringify({ q1: "محو الأمية لنساء القرية، ودخل صغير من الخياطة." }),
        snapshot: null,
        submittedAt: "2025-03-20T10:00:00.000Z",
        decision: "award",
        decisionReasons: "[]",
        decidedAt: `${awardDate}T12:00:00.000Z`,
        decidedBy: "demo-user-funder",
        createdBy: "demo-user-cso",
        createdAt: stamp,
        updatedAt: stamp,
      })
      .onConflictDoNothing(),
    db
      .insert(awards)
      .values({
        id: DEMO_AWARD,
        applicationId: "demo-app-minya-2025",
        callId: CALL,
        orgId: MINYA,
        funderOrgId: FUNDER,
        amount: amount.amount,
        currency: amount.currency,
        amountUsd: toUsdCents(amount, fx, awardDate),
        awardDate,
        fundingType: call.fundingType,
        durationMonths: call.durationMonths,
        createdAt: stamp,
      })
      .onConflictDoNothing(),
  ];
  // The Minya plan with known ids, so its first tranche can be paid below.
  defaultTranches({
    amount,
    awardDate,
    fundingType: call.fundingType,
    durationMonths: call.durationMonths,
  }).forEach((t, i) =>
    statements.push(
      db
        .insert(tranches)
        .values({
          id: `demo-tranche-minya-${i + 1}`,
          awardId: DEMO_AWARD,
          seq: i + 1,
          dueOn: t.dueOn,
          amount: t.amount.amount,
          currency: t.amount.currency,
          afterReport: i > 0,
          createdAt: stamp,
        })
        .onConflictDoNothing(),
    ),
  );
  // Bank transfer for the first tranche; it arrived in Egyptian pounds twelve days later, 3% short.
  const bank: Sent = {
    id: "demo-disb-minya-1",
    award: minya,
    trancheId: "demo-tranche-minya-1",
    amount: { amount: 600_000, currency: "USD" },
    sentOn: "2025-06-20",
    rail: "bank",
    via: null,
    reference: "NBE/2025/061977",
    by: "demo-user-funder",
  };
  const bankRow = sentRow(bank, fx, stamp);
  const got = arrived(bankRow.amountUsd ?? 600_000, 0.97, "EGP", "2025-07-02", fx);
  statements.push(
    db.insert(disbursements).values(bankRow).onConflictDoNothing(),
    db
      .insert(receipts)
      .values({
        disbursementId: bank.id,
        amount: got.amount,
        currency: got.currency,
        amountUsd: toUsdCents(got, fx, "2025-07-02"),
        receivedOn: "2025-07-02",
        note: "وصل المبلغ بالجنيه بعد خصم رسوم البنك المراسل.",
        confirmedBy: "demo-user-cso",
        createdAt: stamp,
      })
      .onConflictDoNothing(),
  );
  // Two grant-history awards old enough for money sent 45 days ago: one by M-Pesa (confirmed, the agent's
  // fee taken), one by bank never confirmed.
  const history = await db
    .select({ id: awards.id, orgId: awards.orgId, amount: awards.amount, awardDate: awards.awardDate })
    .from(awards)
    .where(and(like(awards.id, "demo-gen-award-%"), lte(awards.awardDate, addDays(today, -60))))
    .orderBy(asc(awards.id))
    .limit(2)
    .all();
  const [mpesaAward, quietAward] = history;
  if (mpesaAward) {
    const sentOn = addDays(mpesaAward.awardDate, 14);
    const mpesa: Sent = {
      id: "demo-disb-gen-mpesa",
      award: mpesaAward,
      trancheId: null,
      amount: { amount: Math.round(mpesaAward.amount / 2), currency: "USD" },
      sentOn,
      rail: "mobile_money",
      via: "M-Pesa",
      reference: "QFT7Y2K9LM",
      by: "demo-user-funder",
    };
    const row = sentRow(mpesa, fx, stamp);
    const received = arrived(row.amountUsd ?? mpesa.amount.amount, 0.985, "KES", addDays(sentOn, 3), fx);
    statements.push(
      db.insert(disbursements).values(row).onConflictDoNothing(),
      db
        .insert(receipts)
        .values({
          disbursementId: mpesa.id,
          amount: received.amount,
          currency: received.currency,
          amountUsd: toUsdCents(received, fx, addDays(sentOn, 3)),
          receivedOn: addDays(sentOn, 3),
          note: "Agent fee taken at cash-out.",
          confirmedBy: "demo-user-admin",
          createdAt: stamp,
        })
        .onConflictDoNothing(),
    );
  }
  if (quietAward)
    statements.push(
      db
        .insert(disbursements)
        .values(
          sentRow(
            {
              id: "demo-disb-gen-unconfirmed",
              award: quietAward,
              trancheId: null,
              amount: { amount: Math.round(quietAward.amount / 4), currency: "USD" },
              sentOn: addDays(today, -45),
              rail: "bank",
              via: null,
              reference: "SCB/2026/004512",
              by: "demo-user-funder",
            },
            fx,
            stamp,
          ),
        )
        .onConflictDoNothing(),
    );
  await db.batch(statements as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]]);
  // Every other demo award planned as a decision would have planned it (one batch; awards with a plan keep it).
  const unplanned = await db
    .select()
    .from(awards)
    .where(
      and(
        like(awards.id, "demo-%"),
        sql`NOT EXISTS (SELECT 1 FROM tranches t WHERE t.award_id = ${awards.id})`,
      ),
    )
    .all();
  const plans = unplanned.flatMap((a) =>
    defaultPlanInsertsIf(
      db,
      a.id,
      defaultTranches({
        amount: { amount: a.amount, currency: a.currency },
        awardDate: a.awardDate,
        fundingType: a.fundingType,
        durationMonths: a.durationMonths,
      }),
      sql`1 = 1`,
    ),
  );
  const [first, ...rest] = plans;
  if (first) await db.batch([first, ...rest]);
  return 1;
};
