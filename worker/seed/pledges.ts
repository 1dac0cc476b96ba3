// Demo pledges for local development: a running multi-year pledge paid by bank transfer, an anonymous
// open-ended one, and one waiting for its transfer (for the admin to confirm). Written through the same
// statements the app uses, so statuses and funding totals come out as they would in use. Seeded once:
// skipped entirely when the first demo pledge exists (payment credits must not be applied twice).
import { eq } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { pledges } from "../../schema";
import type { Db } from "../db/client";
import { nowIso } from "../db/client";
import { recordPayment, refreshStatus } from "../db/pledges";
import { loadFxTable } from "../db/fx";
import { toUsdCents } from "../domain/fx";
import type { Money } from "../domain/money";
import type { PledgeInterval } from "../../schema/enums";

type DemoPledge = {
  id: string;
  recipient: string;
  funderOrg: string | null;
  pledger: string;
  anonymous: boolean;
  amount: Money;
  interval: PledgeInterval;
  installments: number | null;
  reference: string;
  paymentsDaysAgo: number[];
};

const DEMO_PLEDGES: DemoPledge[] = [
  {
    id: "demo-pledge-thies",
    recipient: "demo-cso-thies",
    funderOrg: "demo-funder-horizons",
    pledger: "demo-user-funder",
    anonymous: false,
    amount: { amount: 150_000, currency: "XOF" },
    interval: "month",
    installments: 24,
    reference: "SND-DEMOTH1S",
    paymentsDaysAgo: [75, 45, 15],
  },
  {
    id: "demo-pledge-gulu",
    recipient: "demo-cso-gulu",
    funderOrg: null,
    pledger: "demo-user-lucia",
    anonymous: true,
    amount: { amount: 50_000, currency: "USD" },
    interval: "year",
    installments: null,
    reference: "SND-DEMOGULU",
    paymentsDaysAgo: [30],
  },
  {
    id: "demo-pledge-minya",
    recipient: "demo-cso-minya",
    funderOrg: "demo-funder-sahel",
    pledger: "demo-user-fatou",
    anonymous: false,
    amount: { amount: 200_000, currency: "EUR" },
    interval: "once",
    installments: 1,
    reference: "SND-DEMOMNYA",
    paymentsDaysAgo: [],
  },
];

export const seedDemoPledges = async (db: Db) => {
  if (await db.select({ id: pledges.id }).from(pledges).where(eq(pledges.id, DEMO_PLEDGES[0].id)).get())
    return 0;
  const fx = await loadFxTable(db);
  const day = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
  const statements: BatchItem<"sqlite">[] = [];
  for (const p of DEMO_PLEDGES) {
    const created = day((p.paymentsDaysAgo[0] ?? 2) + 1);
    statements.push(
      db
        .insert(pledges)
        .values({
          id: p.id,
          recipientOrgId: p.recipient,
          funderOrgId: p.funderOrg,
          pledgerUserId: p.pledger,
          anonymous: p.anonymous,
          amount: p.amount.amount,
          currency: p.amount.currency,
          amountUsd: toUsdCents(p.amount, fx, created.slice(0, 10)),
          interval: p.interval,
          installments: p.installments,
          provider: "manual",
          reference: p.reference,
          createdAt: created,
          updatedAt: nowIso(),
        })
        .onConflictDoNothing(),
    );
    p.paymentsDaysAgo.forEach((ago, i) => {
      const at = day(ago);
      statements.push(
        ...recordPayment(db, {
          id: `${p.id}-payment-${i + 1}`,
          pledgeId: p.id,
          recipientOrgId: p.recipient,
          amount: p.amount,
          amountUsd: toUsdCents(p.amount, fx, at.slice(0, 10)),
          at,
          provider: "manual",
          externalId: `${p.reference}-${i + 1}`,
          reference: `${p.reference}-${i + 1}`,
          confirmedBy: "demo-user-admin",
        }),
      );
    });
    statements.push(refreshStatus(db, p.id));
  }
  await db.batch(statements as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]]);
  return DEMO_PLEDGES.length;
};
