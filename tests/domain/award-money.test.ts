// The money after an award, as pure rules: default plans that add up exactly, plan validation, overdue
// tranches, the loss on the way at each date's rate, the 30-day flag. Expected values are worked out by
// hand in the comments.
import { describe, expect, test } from "vitest";
import {
  defaultTranches,
  splitEvenly,
  trancheProblems,
  trancheCoverage,
  inDueOrder,
  MAX_TRANCHES,
  type AwardTerms,
} from "../../worker/domain/tranches";
import {
  disbursementProblems,
  receiptProblems,
  lossOnTheWay,
  unconfirmedSince,
  moneyTotals,
} from "../../worker/domain/disbursements";
import { addMonths, daysBetween, isCalendarDate, latestPresentDate } from "../../worker/domain/calendar-date";
import { fxTable, toUsdCents } from "../../worker/domain/fx";
import {
  canViewAward,
  canDisburse,
  canConfirmReceipt,
  type Viewer,
  type Membership,
} from "../../worker/domain/permissions";

const sum = (xs: { amount: { amount: number } }[]) => xs.reduce((s, x) => s + x.amount.amount, 0);

describe("default tranches", () => {
  test("a 36-month core award of 100,000 USD: three yearly tranches from the award date, adding up exactly", () => {
    const plan = defaultTranches({
      amount: { amount: 10_000_000, currency: "USD" },
      awardDate: "2026-03-15",
      fundingType: "core",
      durationMonths: 36,
    });
    // 10,000,000 cents ÷ 3 = 3,333,333 rest 1; the odd cent goes to the first tranche.
    expect(plan).toEqual([
      { dueOn: "2026-03-15", amount: { amount: 3_333_334, currency: "USD" }, afterReport: false },
      { dueOn: "2027-03-15", amount: { amount: 3_333_333, currency: "USD" }, afterReport: false },
      { dueOn: "2028-03-15", amount: { amount: 3_333_333, currency: "USD" }, afterReport: false },
    ]);
    expect(sum(plan)).toBe(10_000_000);
  });

  test("10,001 XOF in three: 3,335 + 3,333 + 3,333; a 29 February award falls due on 28 February", () => {
    const plan = defaultTranches({
      amount: { amount: 10_001, currency: "XOF" },
      awardDate: "2024-02-29",
      fundingType: "core",
      durationMonths: 36,
    });
    expect(plan.map((t) => [t.dueOn, t.amount.amount])).toEqual([
      ["2024-02-29", 3335],
      ["2025-02-28", 3333],
      ["2026-02-28", 3333],
    ]);
    expect(sum(plan)).toBe(10_001);
  });

  const terms = (fundingType: "core" | "project", durationMonths: number): AwardTerms => ({
    amount: { amount: 1_000_000, currency: "EUR" },
    awardDate: "2026-11-30",
    fundingType,
    durationMonths,
  });

  test.each([
    ["core", 12, 1],
    ["core", 13, 2],
    ["core", 18, 2],
    ["core", 24, 2],
    ["core", 120, 10],
    ["project", 36, 1],
    ["project", 6, 1],
  ] as const)("%s over %i months → %i tranche(s), all adding up to the award", (type, months, count) => {
    const plan = defaultTranches(terms(type, months));
    expect(plan).toHaveLength(count);
    expect(plan[0].dueOn).toBe("2026-11-30");
    expect(sum(plan)).toBe(1_000_000);
    expect(trancheProblems(plan, terms(type, months))).toEqual([]);
  });

  test("splitting: every share but the first is the floor; the shares always add up", () => {
    expect(splitEvenly(7, 3)).toEqual([3, 2, 2]);
    expect(splitEvenly(2, 3)).toEqual([2, 0, 0]);
    expect(splitEvenly(999, 1)).toEqual([999]);
    for (const [total, parts] of [
      [1, 20],
      [123_456_789, 7],
      [10_001, 3],
    ])
      expect(splitEvenly(total, parts).reduce((a, b) => a + b, 0)).toBe(total);
  });
});

describe("a plan set by the funder", () => {
  const award: AwardTerms = {
    amount: { amount: 500_000, currency: "USD" },
    awardDate: "2026-06-01",
    fundingType: "project",
    durationMonths: 12,
  };
  const usd = (amount: number) => ({ amount, currency: "USD" });

  test("tranches that add up to the award, on real dates from the award date on, pass", () => {
    expect(
      trancheProblems(
        [
          { dueOn: "2026-06-01", amount: usd(200_000), afterReport: false },
          { dueOn: "2027-01-15", amount: usd(300_000), afterReport: true },
        ],
        award,
      ),
    ).toEqual([]);
  });

  test("a sum that is off by one cent is refused, naming `tranches` with both amounts", () => {
    expect(
      trancheProblems(
        [
          { dueOn: "2026-06-01", amount: usd(200_000), afterReport: false },
          { dueOn: "2027-01-15", amount: usd(299_999), afterReport: false },
        ],
        award,
      ),
    ).toEqual([
      { path: "tranches", key: "err.tranche_sum", params: { planned: usd(499_999), awarded: usd(500_000) } },
    ]);
  });

  test("every problem at once: a date that does not exist, one before the award, another currency, zero", () => {
    expect(
      trancheProblems(
        [
          { dueOn: "2026-02-30", amount: usd(100_000), afterReport: false },
          { dueOn: "2026-05-31", amount: usd(0), afterReport: false },
          { dueOn: "2026-07-01", amount: { amount: 400_000, currency: "EUR" }, afterReport: false },
        ],
        award,
      ),
    ).toEqual([
      { path: "tranches.0.dueOn", key: "err.date" },
      { path: "tranches.1.dueOn", key: "err.tranche_before_award", params: { date: "2026-06-01" } },
      { path: "tranches.1.amount.amount", key: "err.amount_positive" },
      { path: "tranches.2.amount.currency", key: "err.disbursement_currency", params: { currency: "USD" } },
    ]);
  });

  test("no tranche, or more than 20, is refused as a whole", () => {
    const many = Array.from({ length: MAX_TRANCHES + 1 }, () => ({
      dueOn: "2026-07-01",
      amount: usd(1),
      afterReport: false,
    }));
    for (const plan of [[], many])
      expect(trancheProblems(plan, award)).toEqual([
        { path: "tranches", key: "err.tranche_count", params: { max: 20 } },
      ]);
  });

  test("stored in due order; equal dates keep the funder's order", () => {
    const plan = [
      { dueOn: "2027-01-01", n: 1 },
      { dueOn: "2026-07-01", n: 2 },
      { dueOn: "2027-01-01", n: 3 },
    ];
    expect(inDueOrder(plan).map((t) => t.n)).toEqual([2, 1, 3]);
  });
});

describe("overdue tranches", () => {
  const plan = [
    { id: "paid", dueOn: "2026-05-31", amount: 100 },
    { id: "short", dueOn: "2026-05-31", amount: 100 },
    { id: "due-today", dueOn: "2026-06-01", amount: 100 },
    { id: "later", dueOn: "2027-06-01", amount: 100 },
  ];
  const sent = [
    { trancheId: "paid", amount: 60 },
    { trancheId: "paid", amount: 40 },
    { trancheId: "short", amount: 50 },
    // Money that names no tranche covers none.
    { trancheId: null, amount: 1000 },
  ];

  test("past due and not covered by the disbursements naming it → overdue; due today → not yet", () => {
    const c = trancheCoverage(plan, sent, "2026-06-01");
    expect(Object.fromEntries([...c].map(([id, v]) => [id, v]))).toEqual({
      paid: { disbursed: 100, overdue: false },
      short: { disbursed: 50, overdue: true },
      "due-today": { disbursed: 0, overdue: false },
      later: { disbursed: 0, overdue: false },
    });
    expect(trancheCoverage(plan, sent, "2026-06-02").get("due-today")?.overdue).toBe(true);
  });
});

describe("what was lost on the way, each side at its own date's rate", () => {
  const fx = fxTable([
    { currency: "XOF", asOf: "2026-01-01", usdPerUnit: 0.0016 },
    { currency: "XOF", asOf: "2026-02-01", usdPerUnit: 0.00155 },
    { currency: "KES", asOf: "2026-03-01", usdPerUnit: 0.0077 },
  ]);

  test("XOF sent, XOF received later at another rate", () => {
    // Sent 1,000,000 XOF on 10 January at 0.0016 → 1,600.00 USD = 160,000 cents.
    const sentUsd = toUsdCents({ amount: 1_000_000, currency: "XOF" }, fx, "2026-01-10");
    // Received 985,000 XOF on 20 February at 0.00155 → 1,526.75 USD = 152,675 cents.
    const receivedUsd = toUsdCents({ amount: 985_000, currency: "XOF" }, fx, "2026-02-20");
    expect([sentUsd, receivedUsd]).toEqual([160_000, 152_675]);
    // 160,000 − 152,675 = 7,325 cents; 7,325 ÷ 160,000 = 0.04578125.
    expect(lossOnTheWay(sentUsd, receivedUsd)).toEqual({ lossUsd: 7_325, share: 0.04578125 });
  });

  test("USD sent, KES received", () => {
    // Sent 1,000.00 USD = 100,000 cents; received 125,000.00 KES at 0.0077 → 962.50 USD = 96,250 cents.
    const receivedUsd = toUsdCents({ amount: 12_500_000, currency: "KES" }, fx, "2026-03-05");
    expect(receivedUsd).toBe(96_250);
    // 100,000 − 96,250 = 3,750 cents; 3,750 ÷ 100,000 = 0.0375.
    expect(lossOnTheWay(100_000, receivedUsd)).toEqual({ lossUsd: 3_750, share: 0.0375 });
  });

  test("a favourable rate is a negative loss; no rate, no figure", () => {
    expect(lossOnTheWay(10_000, 10_250)).toEqual({ lossUsd: -250, share: -0.025 });
    expect(lossOnTheWay(null, 10_000)).toBeNull();
    expect(lossOnTheWay(10_000, null)).toBeNull();
  });

  test("an award's totals: sent in its currency, received and lost in US cents over confirmed ones", () => {
    expect(
      moneyTotals("XOF", [
        { amount: 1_000_000, amountUsd: 160_000, receipt: { amountUsd: 152_675 } },
        { amount: 500_000, amountUsd: 80_000, receipt: null },
      ]),
    ).toEqual({
      disbursed: { amount: 1_500_000, currency: "XOF" },
      received: { amount: 152_675, currency: "USD" },
      lost: { amount: 7_325, currency: "USD" },
      complete: true,
    });
    expect(moneyTotals("XOF", [{ amount: 1, amountUsd: 1, receipt: { amountUsd: null } }]).complete).toBe(
      false,
    );
  });
});

describe("unconfirmed after 30 days", () => {
  test.each([
    ["2026-01-30", 29, null],
    ["2026-01-31", 30, null],
    ["2026-02-01", 31, "2026-01-01"],
  ])("sent 2026-01-01, today %s (%i days): flagged since %s", (today, days, flagged) => {
    expect(daysBetween("2026-01-01", today)).toBe(days);
    expect(unconfirmedSince("2026-01-01", false, today)).toBe(flagged);
  });

  test("a confirmed disbursement is never flagged", () => {
    expect(unconfirmedSince("2026-01-01", true, "2026-12-31")).toBeNull();
  });
});

describe("recording money sent and received", () => {
  const source = { currency: "USD", since: "2026-06-01", remaining: 100_000 };
  const ok = { amount: { amount: 100_000, currency: "USD" }, sentOn: "2026-06-01", rail: "bank" as const };

  test("within what remains, on a day between the award and today, passes", () => {
    expect(disbursementProblems(ok, source, "2026-11-30")).toEqual([]);
  });

  test("more than remains, in another currency, in the future, before the award", () => {
    expect(
      disbursementProblems({ ...ok, amount: { amount: 100_001, currency: "USD" } }, source, "2026-11-30"),
    ).toEqual([
      {
        path: "amount.amount",
        key: "err.disbursement_exceeds",
        params: { remaining: { amount: 100_000, currency: "USD" } },
      },
    ]);
    expect(
      disbursementProblems({ ...ok, amount: { amount: 5, currency: "KES" } }, source, "2026-11-30"),
    ).toEqual([{ path: "amount.currency", key: "err.disbursement_currency", params: { currency: "USD" } }]);
    expect(disbursementProblems({ ...ok, sentOn: "2026-12-01" }, source, "2026-11-30")).toEqual([
      { path: "sentOn", key: "err.future_date" },
    ]);
    expect(disbursementProblems({ ...ok, sentOn: "2026-05-31" }, source, "2026-11-30")).toEqual([
      { path: "sentOn", key: "err.sent_too_early", params: { date: "2026-06-01" } },
    ]);
  });

  test("mobile money names its operator, a fiscal host its host", () => {
    expect(disbursementProblems({ ...ok, rail: "mobile_money", via: "  " }, source, "2026-11-30")).toEqual([
      { path: "via", key: "err.via_operator" },
    ]);
    expect(disbursementProblems({ ...ok, rail: "fiscal_host" }, source, "2026-11-30")).toEqual([
      { path: "via", key: "err.via_host" },
    ]);
    expect(
      disbursementProblems({ ...ok, rail: "mobile_money", via: "M-Pesa" }, source, "2026-11-30"),
    ).toEqual([]);
  });

  test("a receipt: something arrived, not before it was sent, not in the future", () => {
    const kes = { amount: 12_500_000, currency: "KES" };
    expect(receiptProblems({ received: kes, receivedOn: "2026-03-05" }, "2026-03-01", "2026-11-30")).toEqual(
      [],
    );
    expect(receiptProblems({ received: kes, receivedOn: "2026-02-28" }, "2026-03-01", "2026-11-30")).toEqual([
      { path: "receivedOn", key: "err.received_before_sent", params: { date: "2026-03-01" } },
    ]);
    expect(
      receiptProblems(
        { received: { ...kes, amount: 0 }, receivedOn: "2026-12-01" },
        "2026-03-01",
        "2026-11-30",
      ),
    ).toEqual([
      { path: "received.amount", key: "err.amount_positive" },
      { path: "receivedOn", key: "err.future_date" },
    ]);
  });
});

describe("calendar dates", () => {
  test("real days only; months added without slipping into the next month", () => {
    expect(["2024-02-29", "2026-12-31"].map(isCalendarDate)).toEqual([true, true]);
    expect(["2026-02-29", "2026-13-01", "2026-1-01", "2026-04-31"].map(isCalendarDate)).toEqual([
      false,
      false,
      false,
      false,
    ]);
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2026-11-30", 12)).toBe("2027-11-30");
  });

  test("the latest date that is not in the future anywhere: today in UTC+14", () => {
    expect(latestPresentDate(Date.parse("2026-11-30T09:59:59Z"))).toBe("2026-11-30");
    expect(latestPresentDate(Date.parse("2026-11-30T10:00:00Z"))).toBe("2026-12-01");
  });
});

describe("who may see and move an award's money", () => {
  const viewer = (
    memberships: Partial<Membership>[],
    platformRole: Viewer["platformRole"] = "user",
  ): Viewer => ({
    userId: "u1",
    email: "u1@example.org",
    emailVerified: true,
    name: "U",
    locale: "en",
    timeZone: null,
    platformRole,
    twoFactor: false,
    memberships: memberships.map((m) => ({
      orgId: "x",
      orgKind: "cso",
      role: "member",
      orgVerified: false,
      ...m,
    })),
  });
  const award = { orgId: "group", funderOrgId: "fund" };
  const group = viewer([{ orgId: "group" }]);
  const funder = viewer([{ orgId: "fund", orgKind: "funder", orgVerified: true }]);
  const unverified = viewer([{ orgId: "fund", orgKind: "funder", orgVerified: false }]);
  const admin = viewer([], "admin");
  const stranger = viewer([{ orgId: "elsewhere" }]);
  const status = (d: { ok: boolean; status?: number }) => (d.ok ? "ok" : d.status);

  test("seeing: the group, the funder, admins; 404 for others, 401 signed out", () => {
    expect(
      [group, funder, unverified, admin, stranger, null].map((v) => status(canViewAward(v, award))),
    ).toEqual(["ok", "ok", "ok", "ok", 404, 401]);
  });

  test("planning and sending: the verified funder's members only", () => {
    expect(
      [group, funder, unverified, admin, stranger, null].map((v) => status(canDisburse(v, award))),
    ).toEqual([403, "ok", 403, 403, 404, 401]);
    expect(canDisburse(unverified, award)).toMatchObject({ reason: "funder_not_verified" });
  });

  test("confirming a receipt: the receiving group only; the payer (or a pledger) and admins 403", () => {
    const fromAward = { orgId: "group", payerOrgId: "fund", pledgerUserId: null };
    const fromPledge = { orgId: "group", payerOrgId: null, pledgerUserId: "u1" };
    expect(
      [group, funder, admin, stranger, null].map((v) => status(canConfirmReceipt(v, fromAward))),
    ).toEqual(["ok", 403, 403, 404, 401]);
    // The person who pledged (u1, no organisation) sees it but cannot confirm it.
    expect(status(canConfirmReceipt(viewer([]), fromPledge))).toBe(403);
    expect(status(canConfirmReceipt(viewer([{ orgId: "group" }]), fromPledge))).toBe("ok");
  });
});
