// The money after an award over HTTP: the default plan and the funder's own, disbursements by the funder
// (and by admins from pooled pledge money), receipts confirmed once by the receiving group, the loss on
// the way at each date's rate, overdue tranches and unconfirmed disbursements, and who may do what.
import { env } from "cloudflare:workers";
import { describe, expect, test } from "vitest";
import { Client } from "../helpers/client";
import {
  signUp,
  userWithRole,
  orgOwner,
  csoFields,
  funderFields,
  addMember,
  markVerified,
} from "../helpers/world";
import { funderWithCall } from "../helpers/calls";

const today = () => new Date().toISOString().slice(0, 10);
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const paths = (body: { errors?: { path: string }[] }) => (body.errors ?? []).map((e) => e.path).sort();
type Money = { amount: number; currency: string };
const usd = (amount: number): Money => ({ amount, currency: "USD" });
const xof = (amount: number): Money => ({ amount, currency: "XOF" });

/**
 * A funder's call, a CSO's application submitted and awarded `amount` (USD unless the call says
 * otherwise): the funder's owner, the group's owner, the award id.
 */
const awarded = async (over: Record<string, unknown> = {}, amount = usd(1_000_000)) => {
  const funder = await funderWithCall(over);
  const cso = await orgOwner(csoFields);
  const call = funder.call;
  const appId = await submitted(cso, call.id, amount);
  const decided = await funder.post(`/api/v1/applications/${appId}/decision`, { decision: "award", amount });
  if (decided.status !== 200) throw new Error(`award: ${JSON.stringify(decided.body)}`);
  return { funder, cso, call, appId, decided, awardId: decided.body.awardId as string };
};

/** The group's application to the call, answered and submitted. */
const submitted = async (cso: Client & { org: { id: string } }, callId: string, amount: Money) => {
  const app = (await cso.post(`/api/v1/calls/${callId}/applications`, { orgId: cso.org.id })).body;
  const questions = (await cso.get(`/api/v1/calls/${callId}`)).body.questions as { id: string }[];
  await cso.patch(`/api/v1/applications/${app.id}`, {
    version: app.version,
    answers: Object.fromEntries(questions.map((q) => [q.id, "Our literacy circles."])),
    requestedAmount: amount,
  });
  const res = await cso.post(`/api/v1/applications/${app.id}/submit`);
  if (res.status !== 200) throw new Error(`submit: ${JSON.stringify(res.body)}`);
  return app.id as string;
};

/**
 * Moves an award (and what is planned from it) back to `date`, as if it had been made then: the default
 * plan stored with the decision goes, and the read's fallback plans again from the new date.
 */
const backdate = (awardId: string, date: string) =>
  env.DB.batch([
    env.DB.prepare("DELETE FROM tranches WHERE award_id = ?").bind(awardId),
    env.DB.prepare("UPDATE awards SET award_date = ? WHERE id = ?").bind(date, awardId),
  ]);

const setRate = async (admin: Client, currency: string, asOf: string, usdPerUnit: number) => {
  const res = await admin.json("PUT", "/api/v1/fx-rates", { currency, asOf, usdPerUnit, source: "test" });
  if (res.status !== 200) throw new Error(`rate: ${res.status} ${JSON.stringify(res.body)}`);
};

const bankTransfer = (over: Record<string, unknown> = {}) => ({
  amount: usd(400_000),
  sentOn: today(),
  rail: "bank",
  reference: "UBA/2026/778812",
  ...over,
});

describe("an award and its plan", () => {
  test("the decision's answer and every application list carry awardId; a decline carries null", async () => {
    const w = await awarded();
    expect(w.decided.body).toMatchObject({ status: "awarded", awardId: expect.any(String) });
    const read = await w.cso.get(`/api/v1/applications/${w.appId}`);
    expect(read.body.awardId).toBe(w.awardId);
    const mine = await w.cso.get(`/api/v1/orgs/${w.cso.org.id}/applications`);
    expect(mine.body.items.find((a: { id: string }) => a.id === w.appId)).toMatchObject({
      awardId: w.awardId,
      decision: { amount: usd(1_000_000) },
    });
    const forCall = await w.funder.get(`/api/v1/calls/${w.call.id}/applications`);
    expect(forCall.body.items[0].awardId).toBe(w.awardId);

    const other = await orgOwner({ ...csoFields, name: "Second group" });
    const declined = await w.funder.post(
      `/api/v1/applications/${await submitted(other, w.call.id, usd(1_000_000))}/decision`,
      { decision: "decline", reasons: ["other"] },
    );
    expect(declined.body).toMatchObject({ status: "declined", awardId: null });
  });

  test("a 36-month core award of 10,000 USD starts with three yearly tranches that add up exactly", async () => {
    const w = await awarded({ fundingType: "core", durationMonths: 36 });
    await backdate(w.awardId, "2026-01-15");
    const res = await w.funder.get(`/api/v1/awards/${w.awardId}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: w.awardId,
      applicationId: w.appId,
      callId: w.call.id,
      orgId: w.cso.org.id,
      funderOrgId: w.funder.org.id,
      amount: usd(1_000_000),
      awardedAt: "2026-01-15",
      fundingType: "core",
      durationMonths: 36,
      disbursements: [],
      disbursed: usd(0),
      received: usd(0),
      reports: [],
    });
    // 1,000,000 cents ÷ 3 = 333,333 rest 1, the odd cent first; the first is due on the award date.
    expect(res.body.tranches.map((t: any) => [t.dueOn, t.amount.amount, t.afterReport, t.overdue])).toEqual([
      ["2026-01-15", 333_334, false, true],
      ["2027-01-15", 333_333, false, false],
      ["2028-01-15", 333_333, false, false],
    ]);
    // Reading again gives the same plan (the same ids): the default is stored once.
    const again = await w.cso.get(`/api/v1/awards/${w.awardId}`);
    expect(again.body.tranches.map((t: any) => t.id)).toEqual(res.body.tranches.map((t: any) => t.id));
  });

  test("a project award is one tranche on the award date", async () => {
    const w = await awarded({ fundingType: "project", durationMonths: 24 });
    const res = await w.cso.get(`/api/v1/awards/${w.awardId}`);
    expect(res.body.tranches).toEqual([
      expect.objectContaining({ dueOn: today(), amount: usd(1_000_000), overdue: false }),
    ]);
  });

  test("seen by the group's members, the funder's members and admins; 404 for everyone else", async () => {
    const w = await awarded();
    const [member, stranger, otherFunder, analyst, admin] = await Promise.all([
      signUp(),
      orgOwner({ ...csoFields, name: "Elsewhere" }),
      orgOwner(funderFields),
      userWithRole("analyst"),
      userWithRole("admin"),
    ]);
    await addMember(w.cso, w.cso.org.id, member);
    const status = async (c: Client) => (await c.get(`/api/v1/awards/${w.awardId}`)).status;
    expect(await status(w.cso)).toBe(200);
    expect(await status(member)).toBe(200);
    expect(await status(w.funder)).toBe(200);
    expect(await status(admin)).toBe(200);
    expect(await status(stranger)).toBe(404);
    expect(await status(otherFunder)).toBe(404);
    expect(await status(analyst)).toBe(404);
    expect(await status(new Client())).toBe(401);
    expect((await w.cso.get("/api/v1/awards/no-such-award")).status).toBe(404);
  });
});

describe("the funder's plan", () => {
  test("tranches must add up to the award in its currency; a good plan is stored in due order", async () => {
    const w = await awarded();
    const put = (c: Client, tranches: unknown[]) =>
      c.json("PUT", `/api/v1/awards/${w.awardId}/tranches`, { tranches });
    const short = await put(w.funder, [
      { dueOn: inDays(10), amount: usd(400_000) },
      { dueOn: inDays(200), amount: usd(599_999) },
    ]);
    expect(short.status).toBe(422);
    expect(short.headers.get("content-type")).toContain("application/problem+json");
    expect(paths(short.body)).toEqual(["tranches"]);
    expect(short.body.errors[0].message).toMatch(/USD\s9,999\.99.*USD\s10,000/);

    const euros = await put(w.funder, [
      { dueOn: inDays(10), amount: usd(400_000) },
      { dueOn: inDays(200), amount: { amount: 600_000, currency: "EUR" } },
      { dueOn: "2020-01-01", amount: usd(0) },
    ]);
    expect(euros.status).toBe(422);
    expect(paths(euros.body)).toEqual([
      "tranches.1.amount.currency",
      "tranches.2.amount.amount",
      "tranches.2.dueOn",
    ]);
    expect((await put(w.funder, [])).status).toBe(422);
    expect((await put(w.funder, [{ dueOn: "soon", amount: usd(1_000_000) }])).status).toBe(400);

    const good = await put(w.funder, [
      { dueOn: inDays(200), amount: usd(600_000), afterReport: true },
      { dueOn: inDays(10), amount: usd(400_000) },
    ]);
    expect(good.status).toBe(200);
    expect(good.body.tranches.map((t: any) => [t.dueOn, t.amount.amount, t.afterReport])).toEqual([
      [inDays(10), 400_000, false],
      [inDays(200), 600_000, true],
    ]);
    const audit = await env.DB.prepare(
      "SELECT count(*) AS n FROM audit_log WHERE action = 'award.tranches_set' AND subject_id = ?",
    )
      .bind(w.awardId)
      .first<{ n: number }>();
    expect(audit?.n).toBe(1);
  });

  test("only the funder's members set it: the group and admins 403, others 404, an unverified funder 403 with why", async () => {
    const w = await awarded();
    const admin = await userWithRole("admin");
    const stranger = await orgOwner({ ...csoFields, name: "Elsewhere" });
    const plan = { tranches: [{ dueOn: inDays(1), amount: usd(1_000_000) }] };
    const put = (c: Client) => c.json("PUT", `/api/v1/awards/${w.awardId}/tranches`, plan);
    expect((await put(w.cso)).status).toBe(403);
    expect((await put(admin)).status).toBe(403);
    expect((await put(stranger)).status).toBe(404);
    expect((await put(new Client())).status).toBe(401);
    await markVerified(w.funder.org.id, false);
    const unverified = await put(w.funder);
    expect(unverified.status).toBe(403);
    expect(unverified.body.detail).toMatch(/verif/i);
    await markVerified(w.funder.org.id, true);
    expect((await put(w.funder)).status).toBe(200);
  });

  test("replaced freely until money is sent against a tranche; then 409 and the plan stays", async () => {
    const w = await awarded({ fundingType: "core", durationMonths: 24 });
    const plan = (await w.funder.get(`/api/v1/awards/${w.awardId}`)).body.tranches;
    // Money that names no tranche does not freeze the plan.
    expect((await w.funder.post(`/api/v1/awards/${w.awardId}/disbursements`, bankTransfer())).status).toBe(
      201,
    );
    const replan = { tranches: [{ dueOn: today(), amount: usd(1_000_000) }] };
    const replaced = await w.funder.json("PUT", `/api/v1/awards/${w.awardId}/tranches`, replan);
    expect(replaced.status).toBe(200);
    const only = replaced.body.tranches[0].id;
    expect(plan.map((t: any) => t.id)).not.toContain(only);
    const linked = await w.funder.post(
      `/api/v1/awards/${w.awardId}/disbursements`,
      bankTransfer({ amount: usd(100_000), trancheId: only }),
    );
    expect(linked.status).toBe(201);
    const refused = await w.funder.json("PUT", `/api/v1/awards/${w.awardId}/tranches`, replan);
    expect(refused.status).toBe(409);
    expect(paths(refused.body)).toEqual(["tranches"]);
    expect((await w.funder.get(`/api/v1/awards/${w.awardId}`)).body.tranches.map((t: any) => t.id)).toEqual([
      only,
    ]);
  });
});

describe("disbursements", () => {
  test("the funder's member records one: 201, USD fixed at the day's rate, an audit entry, a neutral notice to the group", async () => {
    const w = await awarded();
    const res = await w.funder.post(
      `/api/v1/awards/${w.awardId}/disbursements`,
      bankTransfer({ rail: "mobile_money", via: "M-Pesa", reference: "QK7Z2M9XA1" }),
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      awardId: w.awardId,
      pledgeId: null,
      orgId: w.cso.org.id,
      amount: usd(400_000),
      amountUsd: 400_000,
      sentOn: today(),
      rail: "mobile_money",
      via: "M-Pesa",
      reference: "QK7Z2M9XA1",
      trancheId: null,
      receipt: null,
      unconfirmed: false,
    });
    const notice = await env.DB.prepare(
      "SELECT kind, data FROM notifications WHERE org_id = ? AND kind = 'disbursement.sent'",
    )
      .bind(w.cso.org.id)
      .first<{ kind: string; data: string }>();
    expect(JSON.parse(notice!.data)).toMatchObject({ applicationId: w.appId, awardId: w.awardId });
    expect(notice!.data).not.toContain(funderFields.name);
    const audit = await env.DB.prepare(
      "SELECT count(*) AS n FROM audit_log WHERE action = 'disbursement.recorded' AND subject_id = ?",
    )
      .bind(w.awardId)
      .first<{ n: number }>();
    expect(audit?.n).toBe(1);
    const view = (await w.cso.get(`/api/v1/awards/${w.awardId}`)).body;
    expect(view.disbursed).toEqual(usd(400_000));
    expect(view.disbursements.map((d: any) => d.id)).toEqual([res.body.id]);
  });

  test("by the group 403, by an admin 403, by anyone else 404, anonymous 401; nothing stored", async () => {
    const w = await awarded();
    const admin = await userWithRole("admin");
    const stranger = await orgOwner({ ...csoFields, name: "Elsewhere" });
    const otherFunder = await orgOwner(funderFields);
    const send = (c: Client) => c.post(`/api/v1/awards/${w.awardId}/disbursements`, bankTransfer());
    expect((await send(w.cso)).status).toBe(403);
    expect((await send(admin)).status).toBe(403);
    expect((await send(stranger)).status).toBe(404);
    expect((await send(otherFunder)).status).toBe(404);
    expect((await send(new Client())).status).toBe(401);
    const n = await env.DB.prepare("SELECT count(*) AS n FROM disbursements WHERE award_id = ?")
      .bind(w.awardId)
      .first<{ n: number }>();
    expect(n?.n).toBe(0);
  });

  test("every rule, named: operator, reference per rail, the future, before the award, too much, another currency, a foreign tranche", async () => {
    const w = await awarded();
    const other = await awarded();
    const foreign = (await other.funder.get(`/api/v1/awards/${other.awardId}`)).body.tranches[0].id;
    const send = (over: Record<string, unknown>) =>
      w.funder.post(`/api/v1/awards/${w.awardId}/disbursements`, bankTransfer(over));
    const momo = await send({ rail: "mobile_money", reference: "no spaces allowed" });
    expect(momo.status).toBe(422);
    expect(paths(momo.body)).toEqual(["reference", "via"]);
    const host = await send({ rail: "fiscal_host", reference: "V-2026-118" });
    expect(paths(host.body)).toEqual(["via"]);
    expect(paths((await send({ sentOn: inDays(3) })).body)).toEqual(["sentOn"]);
    expect(paths((await send({ sentOn: "2020-01-01" })).body)).toEqual(["sentOn"]);
    expect(paths((await send({ amount: usd(1_000_001) })).body)).toEqual(["amount.amount"]);
    expect(paths((await send({ amount: usd(0) })).body)).toEqual(["amount.amount"]);
    expect(paths((await send({ amount: { amount: 500, currency: "KES" } })).body)).toEqual([
      "amount.currency",
    ]);
    expect(paths((await send({ trancheId: foreign })).body)).toEqual(["trancheId"]);
    expect((await send({ rail: "carrier_pigeon" })).status).toBe(400);
    expect((await send({ sentOn: "2026-13-01" })).status).toBe(400);
    expect((await send({ surprise: true })).status).toBe(400);
    // The whole award in two, then nothing more.
    expect((await send({ amount: usd(600_000) })).status).toBe(201);
    expect((await send({ amount: usd(400_000) })).status).toBe(201);
    const over = await send({ amount: usd(1) });
    expect(over.status).toBe(422);
    expect(over.body.errors[0].message).toMatch(/USD\s0\b/);
  });

  test("sent at once by several members, never more than the award", async () => {
    const w = await awarded();
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        w.funder.post(`/api/v1/awards/${w.awardId}/disbursements`, bankTransfer({ amount: usd(400_000) })),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(2);
    expect(results.every((r) => r.status === 201 || r.status === 422)).toBe(true);
    expect((await w.funder.get(`/api/v1/awards/${w.awardId}`)).body.disbursed).toEqual(usd(800_000));
  });
});

describe("receipts", () => {
  test("a member of the receiving group confirms once; the funder 403, others 404; a second confirmation 409", async () => {
    const w = await awarded();
    const member = await signUp();
    await addMember(w.cso, w.cso.org.id, member);
    const admin = await userWithRole("admin");
    const stranger = await orgOwner({ ...csoFields, name: "Elsewhere" });
    const d = (await w.funder.post(`/api/v1/awards/${w.awardId}/disbursements`, bankTransfer())).body;
    const body = { received: usd(395_000), receivedOn: today(), note: "Bank fee deducted." };
    const confirm = (c: Client, b: unknown = body) => c.post(`/api/v1/disbursements/${d.id}/receipt`, b);
    expect((await confirm(w.funder)).status).toBe(403);
    expect((await confirm(admin)).status).toBe(403);
    expect((await confirm(stranger)).status).toBe(404);
    expect((await confirm(new Client())).status).toBe(401);
    expect((await confirm(member, { ...body, receivedOn: inDays(3) })).status).toBe(422);
    expect(paths((await confirm(member, { ...body, receivedOn: "2020-01-01" })).body)).toEqual([
      "receivedOn",
    ]);
    expect(paths((await confirm(member, { ...body, received: usd(0) })).body)).toEqual(["received.amount"]);

    const ok = await confirm(member);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      id: d.id,
      receipt: {
        amount: usd(395_000),
        amountUsd: 395_000,
        receivedOn: today(),
        note: "Bank fee deducted.",
        lossUsd: 5_000,
        lossShare: 0.0125,
      },
      unconfirmed: false,
    });
    const again = await confirm(w.cso, { ...body, received: usd(400_000) });
    expect(again.status).toBe(409);
    expect(paths(again.body)).toEqual(["receipt"]);
    const view = (await w.funder.get(`/api/v1/awards/${w.awardId}`)).body;
    expect(view.disbursements[0].receipt.amount).toEqual(usd(395_000));
    expect(view).toMatchObject({ received: usd(395_000), lost: usd(5_000) });
  });

  test("confirmed at once from two devices: exactly one wins", async () => {
    const w = await awarded();
    const d = (await w.funder.post(`/api/v1/awards/${w.awardId}/disbursements`, bankTransfer())).body;
    const body = { received: usd(400_000), receivedOn: today() };
    const results = await Promise.all(
      Array.from({ length: 4 }, () => w.cso.post(`/api/v1/disbursements/${d.id}/receipt`, body)),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
    const audits = await env.DB.prepare(
      "SELECT count(*) AS n FROM audit_log WHERE action = 'receipt.confirmed' AND subject_id = ?",
    )
      .bind(d.id)
      .first<{ n: number }>();
    expect(audits?.n).toBe(1);
  });
});

describe("the loss on the way, each side at its own date's rate", () => {
  test("XOF sent in January, XOF received in February at a lower rate; USD sent, KES received", async () => {
    const admin = await userWithRole("admin");
    await setRate(admin, "XOF", "2026-01-01", 0.0016);
    await setRate(admin, "XOF", "2026-02-01", 0.00155);
    await setRate(admin, "KES", "2026-03-01", 0.0077);

    const x = await awarded(
      { grant: { min: xof(100_000), max: xof(10_000_000) }, fundingType: "project" },
      xof(2_000_000),
    );
    await backdate(x.awardId, "2026-01-05");
    const sent = await x.funder.post(
      `/api/v1/awards/${x.awardId}/disbursements`,
      bankTransfer({ amount: xof(1_000_000), sentOn: "2026-01-10" }),
    );
    expect(sent.status).toBe(201);
    // 1,000,000 XOF × 0.0016 = 1,600.00 USD.
    expect(sent.body.amountUsd).toBe(160_000);
    const got = await x.cso.post(`/api/v1/disbursements/${sent.body.id}/receipt`, {
      received: xof(985_000),
      receivedOn: "2026-02-20",
    });
    expect(got.status).toBe(200);
    // 985,000 XOF × 0.00155 = 1,526.75 USD; lost 160,000 − 152,675 = 7,325 cents, 7,325 ÷ 160,000.
    expect(got.body.receipt).toMatchObject({ amountUsd: 152_675, lossUsd: 7_325, lossShare: 0.04578125 });

    const k = await awarded({ fundingType: "project" });
    await backdate(k.awardId, "2026-02-15");
    const dollars = await k.funder.post(
      `/api/v1/awards/${k.awardId}/disbursements`,
      bankTransfer({ amount: usd(100_000), sentOn: "2026-03-01" }),
    );
    const shillings = await k.cso.post(`/api/v1/disbursements/${dollars.body.id}/receipt`, {
      received: { amount: 12_500_000, currency: "KES" },
      receivedOn: "2026-03-05",
    });
    // 125,000.00 KES × 0.0077 = 962.50 USD; lost 100,000 − 96,250 = 3,750 cents.
    expect(shillings.body.receipt).toMatchObject({
      amount: { amount: 12_500_000, currency: "KES" },
      amountUsd: 96_250,
      lossUsd: 3_750,
      lossShare: 0.0375,
    });
    expect((await k.funder.get(`/api/v1/awards/${k.awardId}`)).body).toMatchObject({
      disbursed: usd(100_000),
      received: usd(96_250),
      lost: usd(3_750),
      usdComplete: true,
    });
  });

  test("a receipt in a currency without a rate is refused, naming the currency", async () => {
    const w = await awarded();
    const d = (await w.funder.post(`/api/v1/awards/${w.awardId}/disbursements`, bankTransfer())).body;
    const res = await w.cso.post(`/api/v1/disbursements/${d.id}/receipt`, {
      received: { amount: 1000, currency: "FJD" },
      receivedOn: today(),
    });
    expect(res.status).toBe(422);
    expect(paths(res.body)).toEqual(["received.currency"]);
  });
});

describe("flags: overdue tranches and unconfirmed disbursements", () => {
  test("a past tranche not covered is overdue until money naming it covers it; 31 days without a receipt is flagged", async () => {
    const w = await awarded();
    await backdate(w.awardId, "2026-01-01");
    const planned = await w.funder.json("PUT", `/api/v1/awards/${w.awardId}/tranches`, {
      tranches: [
        { dueOn: "2026-03-01", amount: usd(500_000) },
        { dueOn: inDays(90), amount: usd(500_000), afterReport: true },
      ],
    });
    expect(planned.body.tranches.map((t: any) => t.overdue)).toEqual([true, false]);
    const [first, second] = planned.body.tranches.map((t: any) => t.id);

    // Half of the first tranche, sent long ago and never confirmed.
    const old = await w.funder.post(
      `/api/v1/awards/${w.awardId}/disbursements`,
      bankTransfer({ amount: usd(250_000), sentOn: "2026-03-05", trancheId: first }),
    );
    expect(old.body.unconfirmed).toBe(true);
    let view = (await w.cso.get(`/api/v1/awards/${w.awardId}`)).body;
    expect(view.tranches[0]).toMatchObject({ disbursed: usd(250_000), overdue: true });

    // The rest of it, sent today: covered, and a fresh disbursement is not flagged.
    const fresh = await w.funder.post(
      `/api/v1/awards/${w.awardId}/disbursements`,
      bankTransfer({ amount: usd(250_000), trancheId: first }),
    );
    expect(fresh.body.unconfirmed).toBe(false);
    view = (await w.cso.get(`/api/v1/awards/${w.awardId}`)).body;
    expect(view.tranches.map((t: any) => [t.id, t.overdue])).toEqual([
      [first, false],
      [second, false],
    ]);
    expect(view.disbursements.map((d: any) => d.unconfirmed)).toEqual([true, false]);

    // Both sides see the flag; confirming clears it.
    expect((await w.funder.get(`/api/v1/awards/${w.awardId}`)).body.disbursements[0].unconfirmed).toBe(true);
    await w.cso.post(`/api/v1/disbursements/${old.body.id}/receipt`, {
      received: usd(250_000),
      receivedOn: "2026-04-20",
    });
    view = (await w.funder.get(`/api/v1/awards/${w.awardId}`)).body;
    expect(view.disbursements[0]).toMatchObject({ unconfirmed: false, receipt: { lossUsd: 0 } });
  });
});

describe("pooled pledge money", () => {
  const world = async () => {
    const [cso, funder, admin, stranger] = await Promise.all([
      orgOwner(csoFields),
      orgOwner(funderFields),
      userWithRole("admin"),
      orgOwner({ ...csoFields, name: "Elsewhere" }),
    ]);
    const pledge = (
      await funder.post("/api/v1/pledges", {
        recipientOrgId: cso.org.id,
        funderOrgId: funder.org.id,
        amount: usd(50_000),
        interval: "once",
      })
    ).body.pledge;
    return { cso, funder, admin, stranger, pledge };
  };

  test("admins only; refused while nothing was paid in; at most what was paid in; the recipient confirms", async () => {
    const w = await world();
    const send = (c: Client, over: Record<string, unknown> = {}) =>
      c.post(`/api/v1/pledges/${w.pledge.id}/disbursements`, bankTransfer({ amount: usd(30_000), ...over }));
    const unpaid = await send(w.admin);
    expect(unpaid.status).toBe(422);
    expect(paths(unpaid.body)).toEqual(["status"]);
    expect((await send(w.funder)).status).toBe(403);
    expect((await send(w.cso)).status).toBe(403);
    expect((await send(new Client())).status).toBe(401);
    expect((await send(w.admin, { trancheId: "x" })).status).toBe(400);
    expect((await w.admin.post("/api/v1/pledges/no-such-pledge/disbursements", bankTransfer())).status).toBe(
      404,
    );

    const paid = await w.admin.post(`/api/v1/pledges/${w.pledge.id}/payments`, {
      amount: usd(50_000),
      receivedAt: today(),
      reference: "BANK-55120",
    });
    expect(paid.status).toBe(201);
    const sent = await send(w.admin);
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({
      pledgeId: w.pledge.id,
      awardId: null,
      orgId: w.cso.org.id,
      amount: usd(30_000),
      amountUsd: 30_000,
    });
    const more = await send(w.admin);
    expect(more.status).toBe(422);
    expect(paths(more.body)).toEqual(["amount.amount"]);
    expect((await send(w.admin, { amount: usd(20_000) })).status).toBe(201);

    const body = { received: usd(29_000), receivedOn: today() };
    const confirm = (c: Client) => c.post(`/api/v1/disbursements/${sent.body.id}/receipt`, body);
    expect((await confirm(w.funder)).status).toBe(403);
    expect((await confirm(w.admin)).status).toBe(403);
    expect((await confirm(w.stranger)).status).toBe(404);
    const ok = await confirm(w.cso);
    expect(ok.status).toBe(200);
    expect(ok.body.receipt).toMatchObject({ lossUsd: 1_000, lossShare: 1_000 / 30_000 });
  });
});

describe("the contract", () => {
  test("the OpenAPI document lists the routes, the Award shape and the Application's awardId", async () => {
    const doc = (await new Client().get("/api/v1/openapi.json")).body;
    for (const [path, method] of [
      ["/api/v1/awards/{id}", "get"],
      ["/api/v1/awards/{id}/tranches", "put"],
      ["/api/v1/awards/{id}/disbursements", "post"],
      ["/api/v1/pledges/{id}/disbursements", "post"],
      ["/api/v1/disbursements/{id}/receipt", "post"],
    ])
      expect(doc.paths[path]?.[method], `${method} ${path}`).toBeDefined();
    expect(Object.keys(doc.components.schemas.Award.properties)).toEqual(
      expect.arrayContaining(["tranches", "disbursements", "disbursed", "received", "reports"]),
    );
    expect(doc.components.schemas.Application.properties.awardId).toBeDefined();
    expect(doc.components.schemas.DisbursementCreate.properties.rail.enum).toEqual([
      "bank",
      "mobile_money",
      "fiscal_host",
      "cash_agent",
      "other",
    ]);
  });
});
