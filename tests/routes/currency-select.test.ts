// Currency fields are lists: USD and the organisation's own currency first, every other currency named
// in the reader's language; the no-JS form posts the code and the server still checks it.
import { env } from "cloudflare:workers";
import { describe, expect, test } from "vitest";
import { Client } from "../helpers/client";
import { signUp, orgOwner, csoFields, funderFields, markVerified } from "../helpers/world";
import { funderWithCall } from "../helpers/calls";
import { stripeWorker } from "../helpers/stripe";
import { FX_TABLE_CURRENCIES, STRIPE_CURRENCIES, currenciesFor } from "../../worker/domain/currencies";

/** A signed-in owner of a new organisation whose pages are in `locale`. */
const owner = async (fields: Record<string, unknown>, locale = "en") => {
  const client = await signUp({ locale });
  const res = await client.post("/api/v1/orgs", fields);
  if (res.status !== 201) throw new Error(`org create failed: ${res.status}`);
  if (fields.kind === "funder") await markVerified(res.body.id);
  return Object.assign(client, { org: res.body as { id: string; version: number } });
};

/** The select named `name`: its option codes in order, and each option's label. */
const select = (html: string, name: string) => {
  const m = html.match(new RegExp(`<select[^>]*name="${name}"[^>]*>([\\s\\S]*?)</select>`));
  if (!m) throw new Error(`no select named ${name}`);
  const options = [...m[1]!.matchAll(/<option value="([A-Z]{3})"( selected)?[^>]*>([^<]*)<\/option>/g)].map(
    (o) => ({ code: o[1]!, selected: !!o[2], label: o[3]! }),
  );
  return { options, codes: options.map((o) => o.code), selected: options.find((o) => o.selected)?.code };
};

/** The name part of "XOF — West African CFA Franc" (the code when the runtime has no name for it). */
const nameOf = (o: { code: string; label: string }) => o.label.split(" — ")[1] ?? o.code;

const gzippedSize = async (html: string) => {
  const stream = new Blob([html]).stream().pipeThrough(new CompressionStream("gzip"));
  return (await new Response(stream).arrayBuffer()).byteLength;
};

describe("the lists", () => {
  test("the FX-table list is exactly the currencies of the migrated fx_rates table", async () => {
    const rows = await env.DB.prepare("SELECT DISTINCT currency FROM fx_rates ORDER BY currency").all<{
      currency: string;
    }>();
    expect([...FX_TABLE_CURRENCIES].sort()).toEqual(rows.results.map((r) => r.currency));
  });

  test("a Stripe pledge offers only currencies Stripe charges and the FX table converts", () => {
    const stripe = currenciesFor("stripe");
    expect(stripe.every((c) => STRIPE_CURRENCIES.has(c) && FX_TABLE_CURRENCIES.includes(c))).toBe(true);
    expect(stripe).toContain("XOF");
    expect(stripe).not.toContain("SYP"); // in the FX table, not at Stripe
    expect(currenciesFor("fx")).toContain("SYP");
  });
});

describe("forms", () => {
  test("the pledge form: a select named currency, USD then the group's own currency, names in English", async () => {
    const cso = await orgOwner({ ...csoFields, country: "SN", annualBudget: null });
    const funder = await owner(funderFields);
    const page = await funder.page(`/orgs/${cso.org.id}/pledge`);
    expect(page.status).toBe(200);
    const s = select(page.html, "currency");
    expect(s.codes.slice(0, 2)).toEqual(["USD", "XOF"]);
    expect(s.selected).toBe("USD");
    expect(s.options[1]!.label).toBe("XOF — West African CFA Franc");
    expect(page.html).not.toContain("<datalist");
    expect(page.html).not.toMatch(/<input[^>]*name="currency"/);
    // Sorted by name after the first two: "Afghan Afghani" before "Algerian Dinar" before "Zambian Kwacha".
    const rest = s.options.slice(2).map(nameOf);
    expect(rest).toEqual([...rest].sort((a, b) => a.localeCompare(b, "en")));
    expect(await gzippedSize(page.html)).toBeLessThan(30 * 1024);
  });

  test("through Stripe, the pledge form lists only currencies Stripe charges (no Syrian pound)", async () => {
    const cso = await orgOwner({ ...csoFields, country: "SY", annualBudget: null });
    const funder = await owner(funderFields);
    const bank = select((await funder.page(`/orgs/${cso.org.id}/pledge`)).html, "currency");
    expect(bank.codes.slice(0, 2)).toEqual(["USD", "SYP"]);
    funder.target = stripeWorker;
    const page = await funder.page(`/orgs/${cso.org.id}/pledge`);
    expect(page.html).toContain("Stripe");
    const s = select(page.html, "currency");
    expect(s.codes).not.toContain("SYP");
    expect([...s.codes].sort()).toEqual([...currenciesFor("stripe")].sort());
    // Posted by hand anyway: the currency field's error, nothing stored, nothing sent to Stripe.
    const posted = await funder.form(`/orgs/${cso.org.id}/pledge`, {
      amount: "50000",
      currency: "SYP",
      interval: "once",
    });
    expect(posted.status).toBe(422);
    expect(posted.html).toMatch(/id="currency-error">Card payments through Stripe are not available/);
    expect(select(posted.html, "currency").selected).toBe("SYP");
  });

  test("in French and Arabic the names are the reader's, sorted in the reader's language", async () => {
    const cso = await orgOwner({ ...csoFields, country: "SN", annualBudget: null });
    const fr = await owner(funderFields, "fr");
    const frSelect = select((await fr.page(`/orgs/${cso.org.id}/pledge`)).html, "currency");
    expect(frSelect.options[1]!.label).toBe("XOF — franc CFA (BCEAO)");
    const frRest = frSelect.options.slice(2).map(nameOf);
    expect(frRest).toEqual([...frRest].sort(new Intl.Collator("fr").compare));

    const ar = await owner(funderFields, "ar");
    const arPage = (await ar.page(`/orgs/${cso.org.id}/pledge`)).html;
    const arSelect = select(arPage, "currency");
    expect(arSelect.codes.slice(0, 2)).toEqual(["USD", "XOF"]);
    expect(arSelect.options[0]!.label).toMatch(/^USD — [\u0600-\u06FF]/);
    expect(arPage).toContain('label="كل العملات"');
  });

  test("the call form: both currency selects list USD, then the funder's own currency (Kenya → KES)", async () => {
    const funder = await owner({ ...funderFields, country: "KE" });
    const page = await funder.page("/calls/new");
    expect(page.status).toBe(200);
    for (const name of ["grantCurrency", "maxBudgetCurrency"]) {
      const s = select(page.html, name);
      expect(s.codes.slice(0, 2)).toEqual(["USD", "KES"]);
      expect(s.codes.length).toBe(FX_TABLE_CURRENCIES.length);
    }
    expect(await gzippedSize(page.html)).toBeLessThan(30 * 1024);
  });

  test("the application form: the requested amount is in the call's currency, named on the label (nothing to choose)", async () => {
    const funder = await funderWithCall({
      grant: { min: { amount: 100_000, currency: "XOF" }, max: { amount: 900_000, currency: "XOF" } },
    });
    const cso = await orgOwner(csoFields);
    const app = await cso.post(`/api/v1/calls/${funder.call.id}/applications`, { orgId: cso.org.id });
    const page = await cso.page(`/applications/${app.body.id}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain("Amount requested (XOF)");
    expect(page.html).not.toMatch(/name="\w*[cC]urrency"/);
  });

  test("the organisation form and the anonymous check: the budget currency lists the country's currency second", async () => {
    const cso = await owner({ ...csoFields, country: "UG" });
    const edit = await cso.page(`/orgs/${cso.org.id}/edit`);
    expect(select(edit.html, "budgetCurrency").codes.slice(0, 2)).toEqual(["USD", "UGX"]);
    const check = await new Client().fetch("/check", { headers: { "Accept-Language": "es" } });
    const html = await check.text();
    expect(select(html, "budgetCurrency").codes[0]).toBe("USD");
    expect(html).toContain("XOF — franco CFA de África Occidental");
    expect(await gzippedSize(html)).toBeLessThan(30 * 1024);
  });
});

describe("posting the form", () => {
  test("a chosen code is saved (the organisation's budget in XOF); an unknown code gets the field's error", async () => {
    const cso = await owner({ ...csoFields, country: "SN" });
    const fields = {
      version: "1",
      kind: "cso",
      name: csoFields.name,
      country: "SN",
      languages: "fr",
      visibility: "public",
      budgetAmount: "5000000",
    };
    const bad = await cso.form(`/orgs/${cso.org.id}/edit`, { ...fields, budgetCurrency: "ZZZ" });
    expect(bad.status).toBe(400);
    expect(bad.html).toContain('id="budgetCurrency-error"');
    expect((await cso.get(`/api/v1/orgs/${cso.org.id}`)).body.annualBudget).toEqual({
      amount: 800000,
      currency: "USD",
    });

    const ok = await cso.form(`/orgs/${cso.org.id}/edit`, { ...fields, budgetCurrency: "XOF" });
    expect(ok.status).toBe(200);
    expect((await cso.get(`/api/v1/orgs/${cso.org.id}`)).body.annualBudget).toEqual({
      amount: 5_000_000,
      currency: "XOF",
    });
    // Shown again, XOF is the selected option.
    expect(select((await cso.page(`/orgs/${cso.org.id}/edit`)).html, "budgetCurrency").selected).toBe("XOF");
  });
});
