// Mixed load for 60 s on loopback against a fresh app started as `npm start` starts it: browsing calls,
// matching, saving drafts and Stripe webhook deliveries, from CONCURRENCY parallel clients. Prints
// throughput, p50/p99 per kind of request and the error count, then counts rows to prove no write was
// lost (every acknowledged draft save is in the version number, every acknowledged webhook is a payment).
// Run: npm run bench:load   (LOAD_SECONDS=… CONCURRENCY=…)
import Stripe from "stripe";
import { freshApp } from "../scripts/fresh-app.mjs";
import { signup, visit } from "./lib.mjs";

const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 16);
const SECRET = "whsec_load_test_not_a_secret";

const app = freshApp("sanad-load-");
app.env.STRIPE_WEBHOOK_SECRET = SECRET;
try {
  const base = await app.start();
  const json = async (res) => ({ status: res.status, body: await res.json().catch(() => ({})) });

  // One CSO per client, each with its own draft on the demo call, so saves never race each other.
  const clients = [];
  for (let i = 0; i < CONCURRENCY; i++) {
    const as = await signup(base, `load-${i}-${Date.now()}@example.org`);
    const org = (
      await json(
        await as("/api/v1/orgs", {
          kind: "cso",
          name: `Load group ${i}`,
          country: "SN",
          setting: "rural",
          legalStatus: "unregistered",
          annualBudget: { amount: 2_000_000, currency: "USD" },
          ledBy: ["women"],
          themes: ["womens_rights"],
          languages: ["fr"],
        }),
      )
    ).body;
    const draft = (
      await json(await as("/api/v1/calls/demo-call-rural-women/applications", { orgId: org.id }))
    ).body;
    const pledge = (
      await json(
        await as("/api/v1/pledges", {
          recipientOrgId: "demo-cso-thies",
          amount: { amount: 100_000, currency: "USD" },
          interval: "month",
        }),
      )
    ).body.pledge;
    clients.push({ as, org, draft, version: draft.version, saves: 0, pledge, webhooks: 0 });
  }

  const times = { browse: [], matches: [], save: [], webhook: [] };
  let errors = 0;
  const errorSamples = [];
  const kinds = ["browse", "matches", "save", "webhook"];
  const deadline = Date.now() + SECONDS * 1000;
  const started = Date.now();
  let n = 0;

  const once = async (c, kind) => {
    const t = performance.now();
    let res;
    if (kind === "browse") res = await visit(`${base}/calls?theme=womens_rights`);
    else if (kind === "matches") res = await c.as(`/api/v1/orgs/${c.org.id}/matches`);
    else if (kind === "save") {
      res = await visit(`${base}/api/v1/applications/${c.draft.id}`, {
        method: "PATCH",
        headers: { "Content-Type": "application/json", Cookie: c.as.cookie },
        body: JSON.stringify({ version: c.version, answers: { q1: `Save number ${c.saves + 1}` } }),
      });
      if (res.ok) {
        c.version++;
        c.saves++;
      }
    } else {
      const payload = JSON.stringify({
        id: `evt_load_${++n}_${Date.now()}`,
        object: "event",
        type: "checkout.session.completed",
        created: Math.floor(Date.now() / 1000),
        data: {
          object: {
            id: `cs_load_${n}`,
            object: "checkout.session",
            mode: "payment",
            payment_status: "paid",
            client_reference_id: c.pledge.id,
            metadata: {},
            amount_total: 100_000,
            currency: "usd",
            payment_intent: `pi_load_${n}_${Date.now()}`,
            subscription: null,
            customer: null,
          },
        },
      });
      res = await visit(`${base}/api/v1/webhooks/stripe`, {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          "Stripe-Signature": Stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET }),
        },
        body: payload,
      });
      if (res.ok) c.webhooks++;
    }
    await res.arrayBuffer();
    times[kind].push(performance.now() - t);
    if (!res.ok) {
      errors++;
      if (errorSamples.length < 5) errorSamples.push(`${kind}: HTTP ${res.status}`);
    }
  };
  await Promise.all(
    clients.map(async (c, i) => {
      for (let k = i; Date.now() < deadline; k++) await once(c, kinds[k % kinds.length]);
    }),
  );
  const elapsed = (Date.now() - started) / 1000;

  // No lost writes: the server's version of each draft counts every acknowledged save, and the ledger has one payment per acknowledged webhook.
  let lostSaves = 0;
  let lostPayments = 0;
  for (const c of clients) {
    const app = (await json(await c.as(`/api/v1/applications/${c.draft.id}`))).body;
    if (app.version !== c.draft.version + c.saves)
      lostSaves += Math.abs(c.draft.version + c.saves - app.version);
    const pledge = (await json(await c.as(`/api/v1/pledges/${c.pledge.id}`))).body;
    if (pledge.paymentsCount !== c.webhooks) lostPayments += Math.abs(c.webhooks - pledge.paymentsCount);
  }

  const pct = (list, p) =>
    list.length
      ? [...list]
          .sort((a, b) => a - b)
          [Math.min(list.length - 1, Math.floor((p / 100) * list.length))].toFixed(1)
      : "-";
  const total = Object.values(times).reduce((s, l) => s + l.length, 0);
  console.log(`\nLoad — ${SECONDS} s, ${CONCURRENCY} concurrent clients, loopback to wrangler dev --local\n`);
  console.log("| requests | count | p50 ms | p99 ms |\n| --- | ---: | ---: | ---: |");
  for (const [kind, list] of Object.entries(times))
    console.log(`| ${kind} | ${list.length} | ${pct(list, 50)} | ${pct(list, 99)} |`);
  console.log(
    `| all | ${total} (${(total / elapsed).toFixed(1)} req/s) | ${pct(Object.values(times).flat(), 50)} | ${pct(Object.values(times).flat(), 99)} |`,
  );
  console.log(
    `\nerrors: ${errors}${errorSamples.length ? ` (${errorSamples.join("; ")})` : ""}; lost draft saves: ${lostSaves}; lost webhook payments: ${lostPayments}`,
  );
  if (errors || lostSaves || lostPayments) process.exitCode = 1;
} finally {
  app.cleanup();
}
