// The equity report after the award: disbursed and received as shares of what was awarded, what was lost
// on the way, and how long groups waited for their first money — per group and overall, each amount in
// USD at its own date's rate, against hand-computed values; withheld with the rest of a suppressed group;
// a filtered report counts the filtered awards only. Rows are written straight into D1 (the disbursement
// and receipt routes are tested where they live).
import { env } from "cloudflare:workers";
import { describe, expect, test } from "vitest";
import { Client, workerWith } from "../helpers/client";
import { userWithRole } from "../helpers/world";
import { funderWithCall } from "../helpers/calls";
import { insertOrg, decided } from "../helpers/equity";
import { createDb } from "../../worker/db/client";
import { loadFxTable } from "../../worker/db/fx";
import { toUsdCents } from "../../worker/domain/fx";

type Group = Record<string, any> & { key: string; suppressed: boolean };
const groupsOf = (body: Record<string, any>) =>
  Object.fromEntries((body.groups as Group[]).map((g) => [g.key, g]));
const withK = (k: number) => new Client(workerWith({ EQUITY_K: String(k) }));
const AFTER = [
  "disbursedShare",
  "receivedShare",
  "lossShare",
  "medianDaysToFirstDisbursement",
  "awaitingDisbursement",
] as const;
const nulls = Object.fromEntries(AFTER.map((k) => [k, null]));

let seq = 0;
const at = () => new Date().toISOString();

/** Rates on three dates of `year` for XOF (no minor unit) and one for KES, through the admin's API. */
const rates = async (year: string) => {
  const admin = await userWithRole("admin");
  for (const [currency, asOf, usdPerUnit] of [
    ["XOF", `${year}-01-01`, 0.0016],
    ["XOF", `${year}-03-01`, 0.0015],
    ["XOF", `${year}-05-01`, 0.0014],
    ["KES", `${year}-01-01`, 0.0075],
  ] as const)
    expect(
      (await admin.json("PUT", "/api/v1/fx-rates", { currency, asOf, usdPerUnit, source: "test" })).status,
    ).toBe(200);
};

/** US cents for `amount` minor units on `date`, as the disbursement and receipt routes store them. */
const usd = async (amount: number, currency: string, date: string) =>
  toUsdCents({ amount, currency }, await loadFxTable(createDb(env.DB)), date);

const awardOf = async (appId: string) =>
  (await env.DB.prepare("SELECT id, org_id FROM awards WHERE application_id = ?")
    .bind(appId)
    .first<{ id: string; org_id: string }>())!;

const disburse = async (
  award: { id: string; org_id: string },
  by: string,
  sent: { amount: number; currency: string; on: string },
  received?: { amount: number; currency: string; on: string },
) => {
  const id = `disb-${++seq}-${award.id}`;
  await env.DB.prepare(
    "INSERT INTO disbursements (id, award_id, org_id, amount, currency, amount_usd, sent_on, rail, reference, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'mobile_money', ?, ?, ?)",
  )
    .bind(
      id,
      award.id,
      award.org_id,
      sent.amount,
      sent.currency,
      await usd(sent.amount, sent.currency, sent.on),
      sent.on,
      `REF-${seq}`,
      by,
      at(),
    )
    .run();
  if (received)
    await env.DB.prepare(
      "INSERT INTO receipts (disbursement_id, amount, currency, amount_usd, received_on, confirmed_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
    )
      .bind(
        id,
        received.amount,
        received.currency,
        await usd(received.amount, received.currency, received.on),
        received.on,
        by,
        at(),
      )
      .run();
};

/**
 * Two groups in 2042. Small, rural, unregistered, women-led (budget 20,000 USD): U1 awarded 2,000,000 XOF
 * on 01-10 (× 0.0016 = 3,200 USD), U2 1,000,000 XOF on 01-20 (1,600 USD). Large, registered (900,000
 * USD): R1 10,000 USD on 01-05, R2 5,000 USD on 02-01 and nothing sent yet.
 */
const world2042 = async () => {
  await rates("2042");
  const funder = await funderWithCall();
  const base = { funderOrgId: funder.org.id, userId: funder.userId, callId: funder.call.id };
  const small = () =>
    insertOrg({ country: "SN", legalStatus: "unregistered", ledBy: ["women"], budgetUsd: 20_000 });
  const large = () => insertOrg({ country: "SN", legalStatus: "registered", budgetUsd: 900_000 });
  const award = async (orgId: string, amount: number, currency: string, date: string) => {
    const cents = await usd(amount, currency, date);
    return awardOf(await decided({ ...base, orgId, award: { amount, currency, date, usd: cents } }));
  };
  expect(await usd(2_000_000, "XOF", "2042-01-10")).toBe(320_000);
  const u1 = await award(await small(), 2_000_000, "XOF", "2042-01-10");
  const u2 = await award(await small(), 1_000_000, "XOF", "2042-01-20");
  const r1 = await award(await large(), 1_000_000, "USD", "2042-01-05");
  await award(await large(), 500_000, "USD", "2042-02-01");
  const by = funder.userId;
  // U1: 1,000,000 XOF sent 03-11 (60 days; × 0.0015 = 1,500 USD), 950,000 arrive 05-02 (× 0.0014 =
  // 1,330 USD: 170 USD lost to fees and the falling rate); another 1,000,000 XOF sent 05-10 (1,400 USD),
  // not confirmed yet.
  await disburse(
    u1,
    by,
    { amount: 1_000_000, currency: "XOF", on: "2042-03-11" },
    { amount: 950_000, currency: "XOF", on: "2042-05-02" },
  );
  await disburse(u1, by, { amount: 1_000_000, currency: "XOF", on: "2042-05-10" });
  // U2: 1,000,000 XOF sent 04-20 (90 days; 1,500 USD), all of it arrives 04-25 at the same rate.
  await disburse(
    u2,
    by,
    { amount: 1_000_000, currency: "XOF", on: "2042-04-20" },
    { amount: 1_000_000, currency: "XOF", on: "2042-04-25" },
  );
  // R1: 6,000 USD sent 01-15 (10 days), arriving as 780,000 KES (× 0.0075 = 5,850 USD); then 4,000 USD whole.
  await disburse(
    r1,
    by,
    { amount: 600_000, currency: "USD", on: "2042-01-15" },
    { amount: 78_000_000, currency: "KES", on: "2042-01-18" },
  );
  expect(await usd(78_000_000, "KES", "2042-01-18")).toBe(585_000);
  await disburse(
    r1,
    by,
    { amount: 400_000, currency: "USD", on: "2042-03-01" },
    { amount: 400_000, currency: "USD", on: "2042-03-04" },
  );
};

const Y2042 = "from=2042-01-01&to=2042-12-31";
// Built once for the file (its tests share one database), whichever test runs first.
let built: Promise<void> | undefined;
const ready = () => (built ??= world2042());

describe("after the award, against hand-computed values", () => {
  test("per group and overall: disbursed, received, lost on the way, median wait, awards waiting", async () => {
    await ready();
    const r = await withK(2).get(`/api/v1/reports/equity?${Y2042}&groupBy=legalStatus`);
    expect(r.status).toBe(200);
    const g = groupsOf(r.body);
    // Unregistered: awarded 4,800 USD; sent 1,500 + 1,400 + 1,500 = 4,400; received 1,330 + 1,500 = 2,830;
    // over confirmed receipts 3,000 sent, 2,830 received; waits 60 and 90 days.
    expect(g.unregistered.suppressed).toBe(false);
    expect(g.unregistered.disbursedShare).toBeCloseTo(4_400 / 4_800, 12);
    expect(g.unregistered.receivedShare).toBeCloseTo(2_830 / 4_800, 12);
    expect(g.unregistered.lossShare).toBeCloseTo(170 / 3_000, 12);
    expect(g.unregistered.medianDaysToFirstDisbursement).toBe(75);
    expect(g.unregistered.awaitingDisbursement).toBe(0);
    // Registered: awarded 15,000 USD; sent 10,000; received 5,850 + 4,000; one award waiting, not in the median.
    expect(g.registered.disbursedShare).toBeCloseTo(10_000 / 15_000, 12);
    expect(g.registered.receivedShare).toBeCloseTo(9_850 / 15_000, 12);
    expect(g.registered.lossShare).toBeCloseTo(150 / 10_000, 12);
    expect(g.registered.medianDaysToFirstDisbursement).toBe(10);
    expect(g.registered.awaitingDisbursement).toBe(1);
    // The small unregistered groups lost more on the way and waited longer.
    expect(g.unregistered.lossShare).toBeGreaterThan(g.registered.lossShare);
    // Overall: awarded 19,800; sent 14,400; received 12,680; confirmed 13,000 sent, 12,680 received;
    // the median of 10, 60 and 90 days.
    expect(r.body.totals).toMatchObject({ amount: 1_980_000, awards: 4, suppressed: false });
    expect(r.body.totals.disbursedShare).toBeCloseTo(14_400 / 19_800, 12);
    expect(r.body.totals.receivedShare).toBeCloseTo(12_680 / 19_800, 12);
    expect(r.body.totals.lossShare).toBeCloseTo(320 / 13_000, 12);
    expect(r.body.totals.medianDaysToFirstDisbursement).toBe(60);
    expect(r.body.totals.awaitingDisbursement).toBe(1);

    // The same awards grouped by an event property (year) and by an overlapping dimension (led by).
    const byYear = groupsOf((await withK(2).get(`/api/v1/reports/equity?${Y2042}&groupBy=year`)).body);
    for (const key of AFTER) expect(byYear["2042"][key], key).toBe(r.body.totals[key]);
    const byLead = groupsOf((await withK(2).get(`/api/v1/reports/equity?${Y2042}&groupBy=ledBy`)).body);
    for (const key of AFTER) {
      expect(byLead.women[key], key).toBe(g.unregistered[key]);
      expect(byLead.none[key], key).toBe(g.registered[key]);
    }

    // The CSV has the same figures in its own columns.
    const lines = (
      await (await withK(2).fetch(`/api/v1/reports/equity.csv?${Y2042}&groupBy=legalStatus`)).text()
    )
      .trim()
      .split("\r\n");
    const header = lines[0].split(",");
    const row = lines.find((l) => l.startsWith("legalStatus,registered,"))!.split(",");
    const cell = (name: string) => row[header.indexOf(name)];
    expect(header).toEqual(
      expect.arrayContaining([
        "disbursed_share",
        "received_share",
        "loss_share",
        "median_days_to_first_disbursement",
        "awaiting_disbursement",
      ]),
    );
    expect(Number(cell("loss_share"))).toBeCloseTo(0.015, 12);
    expect(cell("median_days_to_first_disbursement")).toBe("10");
    expect(cell("awaiting_disbursement")).toBe("1");

    // The page shows them overall and per group, in the reader's language.
    const page = await withK(2).page(`/reports?${Y2042}&groupBy=legalStatus`);
    expect(page.status).toBe(200);
    expect(page.html).toContain("After the award");
    expect(page.html).toContain("Lost on the way ÷ sent");
    expect(page.html).toContain("<td>5.7%</td>"); // 170 ÷ 3,000
    expect(page.html).toContain("<td>75</td>");
    const ar = await withK(2).page(`/reports?${Y2042}&groupBy=legalStatus&lang=ar`);
    expect(ar.html).toContain("بعد المنحة");
    expect(ar.html).toContain("وسيط عدد الأيام حتى أول صرف");
  });

  test("a report filtered by period counts only its awards, whenever their money moved", async () => {
    // From 01-15: U2 (01-20) and R2 (02-01) only. R1's disbursement on 01-15 is inside the period but its
    // award is not, so it is left out; so is U1's second one in May.
    await ready();
    const r = await withK(2).get("/api/v1/reports/equity?from=2042-01-15&to=2042-12-31&groupBy=legalStatus");
    expect(r.body.totals).toMatchObject({
      amount: 660_000,
      awards: 2,
      medianDaysToFirstDisbursement: 90,
      awaitingDisbursement: 1,
      lossShare: 0,
      suppressed: false,
    });
    expect(r.body.totals.disbursedShare).toBeCloseTo(1_500 / 6_600, 12);
    expect(r.body.totals.receivedShare).toBeCloseTo(1_500 / 6_600, 12);
    // One organisation per group, under k = 2: both withheld, the new figures with the rest.
    for (const g of r.body.groups as Group[])
      expect(g).toMatchObject({ ...nulls, amount: null, suppressed: true });
  });

  test("suppression below k, complementary suppression, and the rollup answering like the events", async () => {
    await ready();
    const funder = await funderWithCall();
    const base = { funderOrgId: funder.org.id, userId: funder.userId, callId: funder.call.id };
    // 2043: two unregistered groups, two registered, one movement; each 1,000 USD sent 30 days after a
    // 2,000 USD award, all of it received.
    for (const legalStatus of ["unregistered", "unregistered", "registered", "registered", "movement"]) {
      const orgId = await insertOrg({ country: "UG", legalStatus, budgetUsd: 30_000 });
      const award = await awardOf(
        await decided({ ...base, orgId, award: { amount: 200_000, currency: "USD", date: "2043-02-01" } }),
      );
      await disburse(
        award,
        funder.userId,
        { amount: 100_000, currency: "USD", on: "2043-03-03" },
        { amount: 100_000, currency: "USD", on: "2043-03-05" },
      );
    }
    const q = "/api/v1/reports/equity?from=2043-01-01&to=2043-12-31&groupBy=legalStatus";
    const g = groupsOf((await withK(2).get(q)).body);
    // The movement (one organisation) is under k; alone it could be recovered from the totals, so the
    // smaller of the other groups (a tie, broken by key: registered) goes with it.
    expect(g.movement).toMatchObject({ ...nulls, suppressed: true });
    expect(g.registered).toMatchObject({ ...nulls, suppressed: true });
    expect(g.unregistered).toMatchObject({
      disbursedShare: 0.5,
      receivedShare: 0.5,
      lossShare: 0,
      medianDaysToFirstDisbursement: 30,
      awaitingDisbursement: 0,
      suppressed: false,
    });
    // A report covering fewer than k organisations shows nothing, overall included.
    const all = (await withK(6).get(q)).body;
    expect(all.totals).toMatchObject({ ...nulls, suppressed: true });
    for (const x of all.groups as Group[]) expect(x).toMatchObject({ ...nulls, suppressed: true });

    // Unfiltered, the denominators come from the rollup; over every date, from the events: the same figures.
    const pick = (b: Record<string, any>) => ({
      totals: Object.fromEntries(AFTER.map((k) => [k, b.totals[k]])),
      groups: (b.groups as Group[]).map((x) => [x.key, ...AFTER.map((k) => x[k])]),
    });
    const rollup = pick((await withK(2).get("/api/v1/reports/equity?groupBy=legalStatus")).body);
    const events = pick(
      (await withK(2).get("/api/v1/reports/equity?from=1900-01-01&to=2999-12-31&groupBy=legalStatus")).body,
    );
    expect(rollup).toEqual(events);
    expect(rollup.totals.awaitingDisbursement).toBe(1); // R2, in 2042
  });
});
