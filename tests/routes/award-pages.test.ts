// The award page over HTTP, as each side and outsiders see it: the two sides see the plan, the money with
// its references and their forms; anyone who may see the group sees its public accounting only; a hidden
// group's award does not exist for outsiders; a funder is named only to those who may see it. The forms
// work without JavaScript and come back with the failing field named.
import { env } from "cloudflare:workers";
import { describe, expect, test } from "vitest";
import { Client } from "../helpers/client";
import { orgOwner, csoFields, signUp, userWithRole } from "../helpers/world";
import { funderWithCall } from "../helpers/calls";

const today = () => new Date().toISOString().slice(0, 10);
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
type Money = { amount: number; currency: string };
const usd = (amount: number): Money => ({ amount, currency: "USD" });

/** A published call, the group's submitted application and the funder's award of 10,000 USD. */
const awarded = async () => {
  const funder = await funderWithCall();
  const cso = await orgOwner(csoFields);
  const callId = funder.call.id;
  const app = (await cso.post(`/api/v1/calls/${callId}/applications`, { orgId: cso.org.id })).body;
  const questions = (await cso.get(`/api/v1/calls/${callId}`)).body.questions as { id: string }[];
  await cso.patch(`/api/v1/applications/${app.id}`, {
    version: app.version,
    answers: Object.fromEntries(questions.map((q) => [q.id, "Our literacy circles."])),
    requestedAmount: usd(1_000_000),
  });
  await cso.post(`/api/v1/applications/${app.id}/submit`);
  const decided = await funder.post(`/api/v1/applications/${app.id}/decision`, {
    decision: "award",
    amount: usd(1_000_000),
  });
  if (decided.status !== 200) throw new Error(`award: ${JSON.stringify(decided.body)}`);
  const awardId = decided.body.awardId as string;
  // Made 60 days ago, so money can be sent on earlier days and a receipt can be overdue; the plan the
  // decision stored goes, and the first read plans again from that date.
  await env.DB.batch([
    env.DB.prepare("DELETE FROM tranches WHERE award_id = ?").bind(awardId),
    env.DB.prepare("UPDATE awards SET award_date = ? WHERE id = ?").bind(daysAgo(60), awardId),
  ]);
  return { funder, cso, awardId, callTitle: funder.call.title as string };
};

const setVisibility = (orgId: string, visibility: string) =>
  env.DB.prepare("UPDATE orgs SET visibility = ? WHERE id = ?").bind(visibility, orgId).run();

/** 4,000 USD by bank 40 days ago (unconfirmed, so flagged), and 1,500 USD by M-Pesa received with a loss. */
const withMoney = async () => {
  const w = await awarded();
  const bank = await w.funder.post(`/api/v1/awards/${w.awardId}/disbursements`, {
    amount: usd(400_000),
    sentOn: daysAgo(40),
    rail: "bank",
    reference: "UBA/2026/778812",
  });
  const mpesa = await w.funder.post(`/api/v1/awards/${w.awardId}/disbursements`, {
    amount: usd(150_000),
    sentOn: daysAgo(10),
    rail: "mobile_money",
    via: "M-Pesa",
    reference: "QFT7Y2K9LM",
  });
  if (bank.status !== 201 || mpesa.status !== 201) throw new Error(JSON.stringify([bank.body, mpesa.body]));
  const receipt = await w.cso.post(`/api/v1/disbursements/${mpesa.body.id}/receipt`, {
    received: usd(142_500),
    receivedOn: daysAgo(8),
    note: "Agent fee taken in Gulu",
  });
  if (receipt.status !== 200) throw new Error(JSON.stringify(receipt.body));
  return { ...w, bankId: bank.body.id as string, mpesaId: mpesa.body.id as string };
};

const gzippedSize = async (html: string) => {
  const stream = new Blob([html]).stream().pipeThrough(new CompressionStream("gzip"));
  return (await new Response(stream).arrayBuffer()).byteLength;
};

describe("the plan at award time", () => {
  test("the decision stores the default plan in its batch, before anyone opens the award", async () => {
    const funder = await funderWithCall({ fundingType: "core", durationMonths: 24 });
    const cso = await orgOwner(csoFields);
    const app = (await cso.post(`/api/v1/calls/${funder.call.id}/applications`, { orgId: cso.org.id })).body;
    const questions = (await cso.get(`/api/v1/calls/${funder.call.id}`)).body.questions as { id: string }[];
    await cso.patch(`/api/v1/applications/${app.id}`, {
      version: app.version,
      answers: Object.fromEntries(questions.map((q) => [q.id, "Our literacy circles."])),
      requestedAmount: usd(1_000_001),
    });
    await cso.post(`/api/v1/applications/${app.id}/submit`);
    const decided = await funder.post(`/api/v1/applications/${app.id}/decision`, {
      decision: "award",
      amount: usd(1_000_001),
    });
    const rows = await env.DB.prepare("SELECT due_on, amount FROM tranches WHERE award_id = ? ORDER BY seq")
      .bind(decided.body.awardId)
      .all<{ due_on: string; amount: number }>();
    const year = Number(today().slice(0, 4));
    expect(rows.results.map((r) => [r.due_on, r.amount])).toEqual([
      [today(), 500_001],
      [`${year + 1}${today().slice(4)}`, 500_000],
    ]);
  });
});

describe("the award page per role", () => {
  test("the funder's members see the plan, references, the flag and both funder forms; no receipt form", async () => {
    const w = await withMoney();
    const page = await w.funder.page(`/awards/${w.awardId}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain("UBA/2026/778812");
    expect(page.html).toContain("QFT7Y2K9LM");
    expect(page.html).toContain("M-Pesa");
    expect(page.html).toContain("Not confirmed after 30 days");
    expect(page.html).toContain("Agent fee taken in Gulu");
    expect(page.html).toContain(`action="/awards/${w.awardId}/tranches"`);
    expect(page.html).toContain(`action="/awards/${w.awardId}/disbursements"`);
    expect(page.html).not.toContain(`/receipt"`);
    // Committed → disbursed → received (USD is worth 1 USD at every date) → lost on the way.
    expect(page.html).toContain("USD\u00a010,000");
    expect(page.html).toContain("USD\u00a05,500");
    expect(page.html).toContain("USD\u00a01,425");
    expect(page.html).toMatch(
      /Lost on the way \(fees and exchange, in US dollars\)<\/dt><dd><bdi>USD\u00a075<\/bdi>/,
    );
    // The plan: the current row plus two empty ones to add more without script.
    const stored = (await w.funder.get(`/api/v1/awards/${w.awardId}`)).body.tranches.length as number;
    expect(page.html).toContain('name="tranches.0.dueOn"');
    expect(page.html).toContain(`name="tranches.${stored + 1}.dueOn"`);
    expect(page.html).not.toContain(`name="tranches.${stored + 2}.dueOn"`);
  });

  test("the group's members see references and a receipt form for the unconfirmed disbursement only", async () => {
    const w = await withMoney();
    const page = await w.cso.page(`/awards/${w.awardId}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain("UBA/2026/778812");
    expect(page.html).toContain(`action="/disbursements/${w.bankId}/receipt"`);
    expect(page.html).not.toContain(`action="/disbursements/${w.mpesaId}/receipt"`);
    expect(page.html).not.toContain(`/tranches"`);
    expect(page.html).not.toContain(`action="/awards/${w.awardId}/disbursements"`);
    expect(page.html).toContain(`/awards/${w.awardId}/reports/new`);
  });

  test("outsiders see the public accounting: totals and dates, no references, notes or forms", async () => {
    const w = await withMoney();
    for (const outsider of [new Client(), await signUp()]) {
      const page = await outsider.page(`/awards/${w.awardId}`);
      expect(page.status).toBe(200);
      expect(page.html).toContain("USD\u00a010,000");
      expect(page.html).toContain("USD\u00a05,500");
      expect(page.html).toContain("USD\u00a01,425");
      expect(page.html).toContain("Open Horizons Fund");
      for (const secret of [
        "UBA/2026/778812",
        "QFT7Y2K9LM",
        "Agent fee taken in Gulu",
        '<form method="post" action="/awards',
      ])
        expect(page.html).not.toContain(secret);
    }
  });

  test("a hidden group's award is 404 to outsiders, and a hidden funder is 'a funder' to them", async () => {
    const w = await withMoney();
    await setVisibility(w.funder.org.id, "hidden");
    const anon = await new Client().page(`/awards/${w.awardId}`);
    expect(anon.status).toBe(200);
    expect(anon.html).not.toContain("Open Horizons Fund");
    expect(anon.html).toContain("A funder");
    // The funder's own members still see their name.
    expect((await w.funder.page(`/awards/${w.awardId}`)).html).toContain("Open Horizons Fund");

    await setVisibility(w.cso.org.id, "hidden");
    expect((await new Client().page(`/awards/${w.awardId}`)).status).toBe(404);
    expect((await (await signUp()).page(`/awards/${w.awardId}`)).status).toBe(404);
    expect((await w.cso.page(`/awards/${w.awardId}`)).status).toBe(200);
    expect((await new Client().page("/awards/no-such-award")).status).toBe(404);
  });

  test("outsiders' posts are refused before their fields are read", async () => {
    const w = await withMoney();
    const stranger = await signUp();
    expect((await stranger.form(`/awards/${w.awardId}/disbursements`, {})).status).toBe(404);
    expect((await stranger.form(`/awards/${w.awardId}/tranches`, {})).status).toBe(404);
    expect((await stranger.form(`/disbursements/${w.bankId}/receipt`, {})).status).toBe(404);
    expect((await w.cso.form(`/awards/${w.awardId}/disbursements`, {})).status).toBe(403);
    expect((await w.funder.form(`/disbursements/${w.bankId}/receipt`, {})).status).toBe(403);
    expect((await new Client().form(`/awards/${w.awardId}/tranches`, {})).status).toBe(401);
  });
});

describe("the forms without JavaScript", () => {
  test("the funder records money sent, the group confirms it: post → redirect → the figures show", async () => {
    const w = await awarded();
    const sent = await w.funder.form(`/awards/${w.awardId}/disbursements`, {
      amount: "2500",
      currency: "USD",
      sentOn: daysAgo(5),
      rail: "mobile_money",
      via: "M-Pesa",
      reference: "QFT7Y2K9LN",
      trancheId: "",
    });
    expect(sent.status).toBe(303);
    expect(sent.headers.get("location")).toBe(`/awards/${w.awardId}?done=disbursed#disbursements`);
    const after = await w.cso.page(`/awards/${w.awardId}?done=disbursed`);
    expect(after.html).toContain("USD\u00a02,500");
    expect(after.html).toContain("QFT7Y2K9LN");
    const id = /action="\/disbursements\/([^/]+)\/receipt"/.exec(after.html)![1];

    const confirmed = await w.cso.form(`/disbursements/${id}/receipt`, {
      [`${id}-amount`]: "2400",
      [`${id}-currency`]: "USD",
      [`${id}-receivedOn`]: daysAgo(3),
      [`${id}-note`]: "Fee at the agent",
    });
    expect(confirmed.status).toBe(303);
    const api = await w.cso.get(`/api/v1/awards/${w.awardId}`);
    expect(api.body.received).toEqual(usd(240_000));
    expect(api.body.lost).toEqual(usd(10_000));
    const page = await w.funder.page(`/awards/${w.awardId}?done=received`);
    expect(page.html).toContain("Thank you: the receipt was recorded.");
    expect(page.html).toContain("USD\u00a02,400");
    expect(page.html).toContain("4%");
  });

  test("the funder replaces the plan with rows; an empty row is dropped", async () => {
    const w = await awarded();
    const res = await w.funder.form(`/awards/${w.awardId}/tranches`, {
      "tranches.0.dueOn": today(),
      "tranches.0.amount": "6000",
      "tranches.1.dueOn": "",
      "tranches.1.amount": "",
      "tranches.2.dueOn": "2031-06-30",
      "tranches.2.amount": "4000",
      "tranches.2.afterReport": "on",
    });
    expect(res.status).toBe(303);
    const api = await w.funder.get(`/api/v1/awards/${w.awardId}`);
    expect(api.body.tranches.map((t: any) => [t.dueOn, t.amount.amount, t.afterReport])).toEqual([
      [today(), 600_000, false],
      ["2031-06-30", 400_000, true],
    ]);
    const page = await w.funder.page(`/awards/${w.awardId}`);
    expect(page.html).toContain("After a report");
  });

  test("errors come back next to the field that failed, with what was typed", async () => {
    const w = await awarded();
    const missing = await w.funder.form(`/awards/${w.awardId}/disbursements`, {
      amount: "25x",
      currency: "USD",
      sentOn: today(),
      rail: "mobile_money",
      via: "",
      reference: "",
    });
    expect(missing.status).toBe(400);
    expect(missing.html).toContain('id="amount-error"');
    expect(missing.html).toContain('id="reference-error"');
    expect(missing.html).toContain('value="25x"');
    expect(missing.html).toContain('role="alert"');

    const noOperator = await w.funder.form(`/awards/${w.awardId}/disbursements`, {
      amount: "25",
      currency: "USD",
      sentOn: today(),
      rail: "mobile_money",
      via: "",
      reference: "QFT7Y2K9LP",
    });
    expect(noOperator.status).toBe(422);
    expect(noOperator.html).toContain('id="via-error"');

    const badSum = await w.funder.form(`/awards/${w.awardId}/tranches`, {
      "tranches.0.dueOn": today(),
      "tranches.0.amount": "6000",
      "tranches.1.dueOn": "",
      "tranches.1.amount": "",
    });
    expect(badSum.status).toBe(422);
    expect(badSum.html).toContain('id="tranches-error"');
    expect(badSum.html).toContain('value="6000"');

    const early = await w.funder.form(`/awards/${w.awardId}/tranches`, {
      "tranches.0.dueOn": "2001-01-01",
      "tranches.0.amount": "10000",
    });
    expect(early.status).toBe(422);
    expect(early.html).toContain('id="tranches.0.dueOn-error"');

    const sent = await w.funder.post(`/api/v1/awards/${w.awardId}/disbursements`, {
      amount: usd(1000),
      sentOn: today(),
      rail: "bank",
      reference: "UBA/1",
    });
    const future = await w.cso.form(`/disbursements/${sent.body.id}/receipt`, {
      [`${sent.body.id}-amount`]: "10",
      [`${sent.body.id}-currency`]: "USD",
      [`${sent.body.id}-receivedOn`]: "2999-01-01",
    });
    expect(future.status).toBe(422);
    expect(future.html).toContain(`id="${sent.body.id}-receivedOn-error"`);
  });
});

describe("the org ledger: pledged → paid in → disbursed → received", () => {
  /** The award's money (5,500 USD sent, 1,425 received) and pooled pledge money: 500 pledged and paid, 300 sent, 290 arrived. */
  const ledgerWorld = async () => {
    const w = await withMoney();
    const admin = await userWithRole("admin");
    const pledged = await w.funder.post("/api/v1/pledges", {
      recipientOrgId: w.cso.org.id,
      funderOrgId: w.funder.org.id,
      amount: usd(50_000),
      interval: "once",
    });
    const pledgeId = pledged.body.pledge.id as string;
    await admin.post(`/api/v1/pledges/${pledgeId}/payments`, {
      amount: usd(50_000),
      receivedAt: today(),
      reference: `BANK-${crypto.randomUUID().slice(0, 8)}`,
    });
    const pooled = await admin.post(`/api/v1/pledges/${pledgeId}/disbursements`, {
      amount: usd(30_000),
      sentOn: today(),
      rail: "bank",
      reference: `POOL/${crypto.randomUUID().slice(0, 8)}`,
    });
    expect(pooled.status).toBe(201);
    const got = await w.cso.post(`/api/v1/disbursements/${pooled.body.id}/receipt`, {
      received: usd(29_000),
      receivedOn: today(),
    });
    expect(got.status).toBe(200);
    return { ...w, admin, pledgeId };
  };

  test("the totals add up to hand-computed figures and each movement is an entry", async () => {
    const w = await ledgerWorld();
    const ledger = (await new Client().get(`/api/v1/orgs/${w.cso.org.id}/ledger`)).body;
    expect(ledger.totals).toEqual([{ currency: "USD", pledged: 50_000, paid: 50_000, refunded: 0 }]);
    // Disbursed: 4,000 + 1,500 (award) + 300 (pooled) = 5,800 USD; received: 1,425 + 290 = 1,715 USD.
    expect(ledger.moneyOut).toEqual({
      totals: [{ currency: "USD", disbursed: 580_000, received: 171_500 }],
      usd: { disbursed: 580_000, received: 171_500, complete: true },
    });
    const kinds = ledger.entries.map((e: { kind: string }) => e.kind).sort();
    expect(kinds).toEqual([
      "disbursement",
      "disbursement",
      "disbursement",
      "payment",
      "pledge",
      "receipt",
      "receipt",
    ]);
    const award = ledger.entries.filter((e: { awardId?: string }) => e.awardId === w.awardId);
    expect(award).toHaveLength(3);
    expect(award.every((e: { funder: string }) => e.funder === "Open Horizons Fund")).toBe(true);
    // No references or notes in the public ledger.
    expect(JSON.stringify(ledger)).not.toContain("UBA/2026/778812");
    expect(JSON.stringify(ledger)).not.toContain("Agent fee");

    const page = await new Client().page(`/orgs/${w.cso.org.id}/ledger`);
    expect(page.html).toContain("USD\u00a05,800");
    expect(page.html).toContain("USD\u00a01,715");
    expect(page.html).toContain(`href="/awards/${w.awardId}"`);
  });

  test("an admin sends pooled pledge money from the pledge page; the ledger shows it", async () => {
    const w = await ledgerWorld();
    const before = await w.admin.page(`/pledges/${w.pledgeId}`);
    expect(before.html).toContain(`action="/pledges/${w.pledgeId}/disbursements"`);
    expect((await w.funder.page(`/pledges/${w.pledgeId}`)).html).not.toContain('/disbursements"');
    const tooMuch = await w.admin.form(`/pledges/${w.pledgeId}/disbursements`, {
      "out-amount": "300",
      "out-currency": "USD",
      "out-sentOn": today(),
      "out-rail": "bank",
      "out-reference": "POOL/TOO/MUCH",
    });
    // 300 of 500 was already sent: 300 more is over what was paid in.
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.html).toContain('id="out-amount-error"');
    const sent = await w.admin.form(`/pledges/${w.pledgeId}/disbursements`, {
      "out-amount": "150",
      "out-currency": "USD",
      "out-sentOn": today(),
      "out-rail": "mobile_money",
      "out-via": "M-Pesa",
      "out-reference": "QFT7Y2K9LQ",
    });
    expect(sent.status).toBe(303);
    const ledger = (await new Client().get(`/api/v1/orgs/${w.cso.org.id}/ledger`)).body;
    expect(ledger.moneyOut.usd.disbursed).toBe(580_000 + 15_000);
  });

  test("a hidden funder is never named in the ledger, not for its award nor for its pledge", async () => {
    const w = await ledgerWorld();
    await setVisibility(w.funder.org.id, "hidden");
    for (const viewer of [new Client(), w.cso]) {
      const ledger = (await viewer.get(`/api/v1/orgs/${w.cso.org.id}/ledger`)).body;
      expect(ledger.entries.every((e: { funder: string | null }) => e.funder === null)).toBe(true);
      expect((await viewer.page(`/orgs/${w.cso.org.id}/ledger`)).html).not.toContain("Open Horizons Fund");
    }
  });
});

describe("My account: awards that need attention", () => {
  test("both sides see the overdue tranche and the unconfirmed disbursement, linked; nobody else does", async () => {
    const w = await withMoney();
    // The backdated award is planned again when first read (as an award older than plans at decision time).
    await w.funder.get(`/api/v1/awards/${w.awardId}`);
    for (const side of [w.funder, w.cso]) {
      const me = await side.page("/me");
      expect(me.html).toContain("Awards that need attention");
      expect(me.html).toContain(`href="/awards/${w.awardId}"`);
      expect(me.html).toContain("overdue tranches: 1");
      expect(me.html).toContain("awaiting confirmation: 1");
    }
    expect((await (await signUp()).page("/me")).html).not.toContain(`/awards/${w.awardId}`);
    // Confirmed, the flag goes; the tranche stays overdue (the money sent named no tranche).
    await w.cso.post(`/api/v1/disbursements/${w.bankId}/receipt`, {
      received: usd(400_000),
      receivedOn: daysAgo(1),
    });
    const after = await w.funder.page("/me");
    expect(after.html).toContain("overdue tranches: 1");
    expect(after.html).not.toContain("awaiting confirmation:");
  });
});

describe("languages and weight", () => {
  test("Arabic is right-to-left and translated; the page stays under 30 KB gzipped", async () => {
    const w = await withMoney();
    const page = await w.funder.page(`/awards/${w.awardId}?lang=ar`);
    expect(page.html).toContain('dir="rtl"');
    expect(page.html).toContain("خطة الدفعات");
    expect(page.html).toContain("لم يُؤكَّد بعد 30 يومًا");
    for (const client of [w.funder, w.cso, new Client()]) {
      const html = (await client.page(`/awards/${w.awardId}?lang=en`)).html;
      expect(await gzippedSize(html)).toBeLessThan(30 * 1024);
    }
  });
});
