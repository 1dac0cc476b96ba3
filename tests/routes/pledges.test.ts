// Pledges through the manual (bank transfer) provider, the ledger, and who may see and do what.
import { env } from "cloudflare:workers";
import { describe, expect, test } from "vitest";
import { Client } from "../helpers/client";
import { signUp, userWithRole, orgOwner, csoFields, funderFields, addMember } from "../helpers/world";
import { createDb } from "../../worker/db/client";
import { refreshStatus } from "../../worker/db/pledges";
import { pledgeStatus } from "../../worker/domain/pledges";
import { pledges } from "../../schema";
import { eq } from "drizzle-orm";

const world = async (recipientVisibility = "public") => {
  const [cso, funder, admin, stranger] = await Promise.all([
    orgOwner({ ...csoFields, visibility: recipientVisibility }),
    orgOwner(funderFields),
    userWithRole("admin"),
    signUp(),
  ]);
  return { cso, funder, admin, stranger };
};

type W = Awaited<ReturnType<typeof world>>;
const pledge = (w: W, body: Record<string, unknown> = {}) =>
  w.funder.post("/api/v1/pledges", {
    recipientOrgId: w.cso.org.id,
    funderOrgId: w.funder.org.id,
    amount: { amount: 50_000, currency: "USD" },
    interval: "month",
    installments: 12,
    ...body,
  });
const confirm = (admin: Client, id: string, body: Record<string, unknown> = {}) =>
  admin.post(`/api/v1/pledges/${id}/payments`, {
    amount: { amount: 50_000, currency: "USD" },
    receivedAt: "2026-11-20",
    reference: `BANK-${crypto.randomUUID().slice(0, 8)}`,
    ...body,
  });

describe("pledging by bank transfer (no Stripe key: the local default)", () => {
  test("a funder pledges monthly for 12 months, sees instructions and a reference; an admin confirms; the ledger shows it", async () => {
    const w = await world();
    const res = await pledge(w);
    expect(res.status).toBe(201);
    const p = res.body.pledge;
    expect(p).toMatchObject({
      status: "pending",
      provider: "manual",
      recipientOrgId: w.cso.org.id,
      funderOrgId: w.funder.org.id,
      amount: { amount: 50_000, currency: "USD" },
      interval: "month",
      installments: 12,
      paymentsCount: 0,
    });
    expect(res.body.checkoutUrl).toBeUndefined();
    expect(res.body.instructions).toMatchObject({
      reference: p.reference,
      amount: { amount: 50_000, currency: "USD" },
    });
    expect(res.body.instructions.payTo).toContain("IBAN");
    expect(p.reference).toMatch(/^SND-[A-Z2-9]{8}$/);

    // Nothing pledged on the ledger until money arrives (a pending pledge commits nothing).
    expect((await new Client().get(`/api/v1/orgs/${w.cso.org.id}/ledger`)).body.totals).toEqual([]);

    const paid = await confirm(w.admin, p.id, { reference: "UBA-778812" });
    expect(paid.status).toBe(201);
    expect(paid.body).toMatchObject({
      pledgeId: p.id,
      kind: "payment",
      amount: { amount: 50_000, currency: "USD" },
      provider: "manual",
      reference: "UBA-778812",
    });

    const after = await w.funder.get(`/api/v1/pledges/${p.id}`);
    expect(after.body).toMatchObject({
      status: "active",
      paymentsCount: 1,
      paid: { amount: 50_000, currency: "USD" },
      refunded: { amount: 0, currency: "USD" },
    });

    const ledger = (await new Client().get(`/api/v1/orgs/${w.cso.org.id}/ledger`)).body;
    expect(ledger.totals).toEqual([{ currency: "USD", pledged: 600_000, paid: 50_000, refunded: 0 }]);
    expect(ledger.totalsUsd).toEqual({ pledged: 600_000, paid: 50_000, refunded: 0, complete: true });
    expect(ledger.entries.map((e: { kind: string }) => e.kind).sort()).toEqual(["payment", "pledge"]);
    expect(ledger.entries.every((e: { funder: string }) => e.funder === "Open Horizons Fund")).toBe(true);

    // The payment also counts as funding received (it lowers the equity boost in matching).
    const row = await env.DB.prepare("SELECT funding_received_usd AS f FROM orgs WHERE id = ?")
      .bind(w.cso.org.id)
      .first<{ f: number }>();
    expect(row!.f).toBe(50_000);
  });

  test("the last installment completes the pledge; a once pledge completes with its payment", async () => {
    const w = await world();
    const two = (await pledge(w, { installments: 2 })).body.pledge;
    await confirm(w.admin, two.id);
    expect((await confirm(w.admin, two.id)).status).toBe(201);
    expect((await w.funder.get(`/api/v1/pledges/${two.id}`)).body.status).toBe("completed");
    const once = (
      await pledge(w, {
        interval: "once",
        installments: undefined,
        amount: { amount: 500_000, currency: "XOF" },
      })
    ).body.pledge;
    expect(once).toMatchObject({ interval: "once", installments: 1 });
    await confirm(w.admin, once.id, { amount: { amount: 500_000, currency: "XOF" } });
    expect((await w.funder.get(`/api/v1/pledges/${once.id}`)).body.status).toBe("completed");
  });

  test("only admins confirm; once per bank reference; the pledge's currency; no future dates", async () => {
    const w = await world();
    const p = (await pledge(w)).body.pledge;
    for (const who of [w.funder, w.cso, w.stranger]) expect((await confirm(who, p.id)).status).toBe(403);
    expect((await confirm(new Client(), p.id)).status).toBe(401);
    expect((await confirm(w.admin, p.id, { reference: "DUP-1" })).status).toBe(201);
    const dup = await confirm(w.admin, p.id, { reference: "dup-1" });
    expect(dup.status).toBe(409);
    expect(dup.body.errors[0].path).toBe("reference");
    const wrong = await confirm(w.admin, p.id, {
      amount: { amount: 100, currency: "EUR" },
      receivedAt: "2999-01-01",
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      "amount.currency",
      "receivedAt",
    ]);
    const bad = await confirm(w.admin, p.id, {
      amount: { amount: -5, currency: "USD" },
      receivedAt: "yesterday",
      reference: "",
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get("content-type")).toContain("application/problem+json");
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      "amount.amount",
      "receivedAt",
      "reference",
    ]);
    expect((await w.admin.get(`/api/v1/pledges/${p.id}`)).body.paymentsCount).toBe(1);
  });

  test("bad pledges are refused naming the field, and nothing is stored", async () => {
    const w = await world();
    const before = await env.DB.prepare("SELECT count(*) AS n FROM pledges").first<{ n: number }>();
    const r1 = await pledge(w, { interval: "once", installments: 3 });
    expect(r1.status).toBe(422);
    expect(r1.body.errors).toEqual([{ path: "installments", message: expect.any(String) }]);
    const r2 = await pledge(w, { amount: { amount: 0, currency: "USD" } });
    expect(r2.status).toBe(422);
    expect(r2.body.errors[0].path).toBe("amount.amount");
    const r3 = await pledge(w, { amount: { amount: 100, currency: "ZZZ" }, interval: "weekly" });
    expect(r3.status).toBe(400);
    expect(r3.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      "amount.currency",
      "interval",
    ]);
    // Pledging to a funder, to one's own organisation, or as a funder one does not belong to.
    const other = await orgOwner(funderFields);
    expect((await pledge(w, { recipientOrgId: other.org.id })).body.errors[0].path).toBe("recipientOrgId");
    expect(
      (
        await w.cso.post("/api/v1/pledges", {
          recipientOrgId: w.cso.org.id,
          amount: { amount: 1000, currency: "USD" },
          interval: "once",
        })
      ).body.errors[0].path,
    ).toBe("recipientOrgId");
    const as = await w.stranger.post("/api/v1/pledges", {
      recipientOrgId: w.cso.org.id,
      funderOrgId: w.funder.org.id,
      amount: { amount: 1000, currency: "USD" },
      interval: "once",
    });
    expect(as.status).toBe(403);
    expect(as.body.errors[0].path).toBe("funderOrgId");
    const after = await env.DB.prepare("SELECT count(*) AS n FROM pledges").first<{ n: number }>();
    expect(after!.n).toBe(before!.n);
  });

  test("a person giving as themselves is anonymous to the public unless they choose to be named", async () => {
    const w = await world();
    const quiet = await signUp({ name: "Quiet Giver" });
    const named = await signUp({ name: "Named Giver" });
    const a = (
      await quiet.post("/api/v1/pledges", {
        recipientOrgId: w.cso.org.id,
        amount: { amount: 1500, currency: "USD" },
        interval: "once",
      })
    ).body.pledge;
    const b = (
      await named.post("/api/v1/pledges", {
        recipientOrgId: w.cso.org.id,
        amount: { amount: 1500, currency: "USD" },
        interval: "once",
        anonymous: false,
      })
    ).body.pledge;
    expect([a.anonymous, b.anonymous]).toEqual([true, false]);
    for (const p of [a, b]) await confirm(w.admin, p.id, { amount: { amount: 1500, currency: "USD" } });
    const names = (await new Client().get(`/api/v1/orgs/${w.cso.org.id}/ledger`)).body.entries.map(
      (e: { funder: string | null }) => e.funder,
    );
    expect(names).toContain("Named Giver");
    expect(names).not.toContain("Quiet Giver");
    // The form starts anonymous for someone without a funder organisation.
    expect((await quiet.page(`/orgs/${w.cso.org.id}/pledge`)).html).toMatch(
      /name="anonymous" value="on" checked/,
    );
  });

  test("a hidden or funders-only funder is never named on a grantee's public ledger, nor on its public calls", async () => {
    const w = await world();
    const hidden = await orgOwner({
      ...funderFields,
      name: "Discreet Fund For Defenders",
      visibility: "hidden",
    });
    const shy = await orgOwner({ ...funderFields, name: "Funders Circle Only", visibility: "funders_only" });
    for (const f of [hidden, shy]) {
      const p = (
        await f.post("/api/v1/pledges", {
          recipientOrgId: w.cso.org.id,
          funderOrgId: f.org.id,
          amount: { amount: 5000, currency: "USD" },
          interval: "once",
        })
      ).body.pledge;
      await confirm(w.admin, p.id, { amount: { amount: 5000, currency: "USD" } });
    }
    const names = (who: Client) =>
      who
        .get(`/api/v1/orgs/${w.cso.org.id}/ledger`)
        .then((r) => r.body.entries.map((e: { funder: string | null }) => e.funder));
    for (const who of [new Client(), w.stranger, w.cso]) {
      const seen = await names(who);
      expect(seen).not.toContain("Discreet Fund For Defenders");
      expect(seen).not.toContain("Funders Circle Only");
      const html = (await who.page(`/orgs/${w.cso.org.id}/ledger`)).html;
      expect(html).not.toContain("Discreet Fund");
      expect(html).not.toContain("Funders Circle");
    }
    // A verified funder may see funders-only organisations, so it reads that one's name; the hidden one stays "a funder".
    expect(await names(w.funder)).toContain("Funders Circle Only");
    expect(await names(w.funder)).not.toContain("Discreet Fund For Defenders");
    expect(await names(hidden)).toContain("Discreet Fund For Defenders");
    expect(await names(w.admin)).toEqual(
      expect.arrayContaining(["Discreet Fund For Defenders", "Funders Circle Only"]),
    );

    const call = (
      await hidden.post("/api/v1/calls", (await import("../helpers/calls")).callBody(hidden.org.id))
    ).body;
    expect((await hidden.post(`/api/v1/calls/${call.id}/publish`)).status).toBe(200);
    expect((await new Client().get(`/api/v1/calls/${call.id}`)).body.funderName).toBeNull();
    expect(JSON.stringify((await new Client().get("/api/v1/calls?limit=100")).body)).not.toContain(
      "Discreet Fund",
    );
    for (const path of ["/calls", `/calls/${call.id}`]) {
      const html = (await new Client().page(path)).html;
      expect(html).not.toContain("Discreet Fund");
      expect(html).toContain("A funder");
    }
    expect(
      JSON.stringify((await w.cso.get(`/api/v1/orgs/${w.cso.org.id}/matches?limit=100`)).body),
    ).not.toContain("Discreet Fund");
  });

  test("anyone signed in may pledge as themselves, anonymously to the public", async () => {
    const w = await world();
    const person = await signUp({ name: "Amina Diallo" });
    const p = (
      await person.post("/api/v1/pledges", {
        recipientOrgId: w.cso.org.id,
        amount: { amount: 2000, currency: "EUR" },
        interval: "year",
        anonymous: true,
      })
    ).body.pledge;
    expect(p).toMatchObject({ funderOrgId: null, anonymous: true, installments: null });
    await confirm(w.admin, p.id, { amount: { amount: 2000, currency: "EUR" } });
    const publicView = (await new Client().get(`/api/v1/orgs/${w.cso.org.id}/ledger`)).body;
    expect(publicView.entries.length).toBe(2);
    expect(publicView.entries.every((e: { funder: string | null }) => e.funder === null)).toBe(true);
    const html = await new Client().page(`/orgs/${w.cso.org.id}/ledger`);
    expect(html.html).not.toContain("Amina Diallo");
    // Open-ended yearly: one year's installment counts as pledged.
    expect(publicView.totals).toEqual([{ currency: "EUR", pledged: 2000, paid: 2000, refunded: 0 }]);
    for (const who of [w.cso, w.admin, person]) {
      const seen = (await who.get(`/api/v1/orgs/${w.cso.org.id}/ledger`)).body;
      expect(seen.entries.every((e: { funder: string | null }) => e.funder === "Amina Diallo")).toBe(true);
    }
  });
});

describe("who sees and does what", () => {
  test("a pledge is seen by the pledger, the funder's members, the recipient's members and admins; 404 to others", async () => {
    const w = await world();
    const p = (await pledge(w)).body.pledge;
    const colleague = await signUp();
    await addMember(w.funder, w.funder.org.id, colleague);
    const relogged = new Client();
    await relogged.post("/api/v1/auth/login", {
      email: colleague.email,
      password: "correct horse battery staple",
    });
    for (const who of [w.funder, w.cso, w.admin])
      expect((await who.get(`/api/v1/pledges/${p.id}`)).status).toBe(200);
    expect((await w.stranger.get(`/api/v1/pledges/${p.id}`)).status).toBe(404);
    expect((await (await orgOwner(funderFields)).get(`/api/v1/pledges/${p.id}`)).status).toBe(404);
    expect((await new Client().get(`/api/v1/pledges/${p.id}`)).status).toBe(401);
    expect((await w.stranger.get(`/pledges/${p.id}`)).status).toBe(404);
    expect((await w.stranger.get(`/api/v1/pledges/nope`)).status).toBe(404);
  });

  test("the pledger cancels; the recipient and strangers cannot; a cancelled pledge stays on the ledger with what was paid", async () => {
    const w = await world();
    const p = (await pledge(w)).body.pledge;
    await confirm(w.admin, p.id);
    expect((await w.cso.post(`/api/v1/pledges/${p.id}/cancel`)).status).toBe(403);
    expect((await w.stranger.post(`/api/v1/pledges/${p.id}/cancel`)).status).toBe(404);
    expect((await new Client().post(`/api/v1/pledges/${p.id}/cancel`)).status).toBe(401);
    const cancelled = await w.funder.post(`/api/v1/pledges/${p.id}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe("cancelled");
    expect((await w.funder.post(`/api/v1/pledges/${p.id}/cancel`)).status).toBe(422);
    const ledger = (await new Client().get(`/api/v1/orgs/${w.cso.org.id}/ledger`)).body;
    expect(ledger.totals).toEqual([{ currency: "USD", pledged: 50_000, paid: 50_000, refunded: 0 }]);
  });

  test("ledger visibility follows the organisation's: hidden → 404 to all but members and admins; funders-only → funders", async () => {
    const hidden = await world("hidden");
    for (const who of [new Client(), hidden.stranger, hidden.funder])
      expect((await who.get(`/api/v1/orgs/${hidden.cso.org.id}/ledger`)).status).toBe(404);
    expect((await new Client().page(`/orgs/${hidden.cso.org.id}/ledger`)).status).toBe(404);
    for (const who of [hidden.cso, hidden.admin])
      expect((await who.get(`/api/v1/orgs/${hidden.cso.org.id}/ledger`)).status).toBe(200);
    // Funders cannot pledge to a hidden organisation they cannot see.
    expect((await pledge(hidden)).status).toBe(404);

    const fo = await world("funders_only");
    expect((await new Client().get(`/api/v1/orgs/${fo.cso.org.id}/ledger`)).status).toBe(404);
    expect((await fo.stranger.get(`/api/v1/orgs/${fo.cso.org.id}/ledger`)).status).toBe(404);
    expect((await fo.funder.get(`/api/v1/orgs/${fo.cso.org.id}/ledger`)).status).toBe(200);
  });

  test("the admin page lists bank-transfer pledges waiting for money; others cannot open it", async () => {
    const w = await world();
    const p = (await pledge(w)).body.pledge;
    const page = await w.admin.page("/admin");
    expect(page.html).toContain(`/pledges/${p.id}`);
    expect((await w.funder.page("/admin")).status).toBe(403);
  });
});

describe("pages without JavaScript", () => {
  test("pledge form → bank instructions page → admin records the transfer → ledger page", async () => {
    const w = await world();
    const form = await w.funder.page(`/orgs/${w.cso.org.id}/pledge`);
    expect(form.status).toBe(200);
    expect(form.html).toContain('name="amount"');
    expect(form.html).toContain("Open Horizons Fund");
    const bad = await w.funder.form(`/orgs/${w.cso.org.id}/pledge`, {
      funderOrgId: w.funder.org.id,
      amount: "12,5,0",
      currency: "USD",
      interval: "month",
      installments: "24",
    });
    expect(bad.status).toBe(400);
    expect(bad.html).toContain('id="amount-error"');
    expect(bad.html).toContain('value="24"');
    const ok = await w.funder.form(`/orgs/${w.cso.org.id}/pledge`, {
      funderOrgId: w.funder.org.id,
      amount: "250.00",
      currency: "usd",
      interval: "month",
      installments: "24",
      anonymous: "on",
    });
    expect(ok.status).toBe(303);
    const location = ok.headers.get("location")!;
    expect(location).toMatch(/^\/pledges\/[\w-]+$/);
    const shown = await w.funder.page(location);
    expect(shown.html).toContain("IBAN");
    expect(shown.html).toMatch(/SND-[A-Z2-9]{8}/);
    expect(shown.html).not.toContain("Record payment");

    const recorded = await w.admin.form(`${location}/payments`, {
      amount: "250",
      currency: "USD",
      receivedAt: "2026-11-21",
      reference: "CBAO-1",
    });
    expect(recorded.status).toBe(201);
    expect(recorded.html).toContain("Payment recorded");
    const again = await w.admin.form(`${location}/payments`, {
      amount: "250",
      currency: "USD",
      receivedAt: "2026-11-21",
      reference: "CBAO-1",
    });
    expect(again.status).toBe(422);
    expect(again.html).toContain('id="reference-error"');

    const ledger = await new Client().page(`/orgs/${w.cso.org.id}/ledger`);
    expect(ledger.html).toMatch(/<td><bdi>USD\s6,000<\/bdi><\/td>/); // 24 × 250 pledged
    expect(ledger.html).toMatch(/<td><bdi>USD\s250<\/bdi><\/td>/);
    expect(ledger.html).not.toContain("Open Horizons Fund"); // anonymous to the public

    const ar = new Client();
    ar.lang = "ar";
    const arLedger = await ar.page(`/orgs/${w.cso.org.id}/ledger`);
    expect(arLedger.html).toContain('dir="rtl"');
    expect(arLedger.html).toContain("سجل الدعم الأساسي");
  });

  test("anonymous visitors are asked to sign in before pledging; the org page links to pledge and ledger", async () => {
    const w = await world();
    expect((await new Client().page(`/orgs/${w.cso.org.id}/pledge`)).status).toBe(401);
    const org = await w.funder.page(`/orgs/${w.cso.org.id}`);
    expect(org.html).toContain(`/orgs/${w.cso.org.id}/pledge`);
    expect(org.html).toContain(`/orgs/${w.cso.org.id}/ledger`);
    const own = await w.cso.page(`/orgs/${w.cso.org.id}`);
    expect(own.html).not.toContain(`/orgs/${w.cso.org.id}/pledge`);
  });
});

test("the SQL status rule agrees with the pure one for every combination of facts", async () => {
  const w = await world();
  const db = createDb(env.DB);
  const p = (await pledge(w, { installments: 2 })).body.pledge;
  const combos: {
    paid: number;
    checkout: boolean;
    ended: boolean;
    cancelled: boolean;
    installments: number | null;
    interval: "once" | "month";
  }[] = [];
  for (const interval of ["once", "month"] as const)
    for (const installments of interval === "once" ? [1] : [2, null])
      for (const paid of [0, 1, 2])
        for (const checkout of [false, true])
          for (const ended of [false, true])
            for (const cancelled of [false, true])
              combos.push({ paid, checkout, ended, cancelled, installments, interval });
  for (const c of combos) {
    await env.DB.prepare("DELETE FROM payments WHERE pledge_id = ?").bind(p.id).run();
    for (let i = 0; i < c.paid; i++)
      await env.DB.prepare(
        "INSERT INTO payments (id, pledge_id, recipient_org_id, kind, amount, currency, at, provider, external_id, created_at) VALUES (?, ?, ?, 'payment', 1, 'USD', 'x', 'manual', ?, 'x')",
      )
        .bind(crypto.randomUUID(), p.id, w.cso.org.id, crypto.randomUUID())
        .run();
    await db
      .update(pledges)
      .set({
        interval: c.interval,
        installments: c.installments,
        checkoutCompletedAt: c.checkout ? "x" : null,
        endedAt: c.ended ? "x" : null,
        cancelledAt: c.cancelled ? "x" : null,
      })
      .where(eq(pledges.id, p.id));
    await refreshStatus(db, p.id);
    const row = await db.select({ status: pledges.status }).from(pledges).where(eq(pledges.id, p.id)).get();
    expect(row!.status, JSON.stringify(c)).toBe(
      pledgeStatus({
        interval: c.interval,
        installments: c.installments,
        paidCount: c.paid,
        checkoutCompleted: c.checkout,
        ended: c.ended,
        cancelled: c.cancelled,
      }),
    );
  }
  expect(combos.length).toBe(72);
});
