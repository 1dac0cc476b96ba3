// Hostile input against every route: random and malformed bodies, query strings, path ids and content
// types, huge strings, deep JSON, invalid UTF-8, bidirectional overrides and zero-width characters.
// Whatever arrives: never a 5xx, a problem document (API) or a page (HTML), and a refused request stores
// nothing.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, test } from "vitest";
import fc from "fast-check";
import { Client } from "../helpers/client";
import { orgOwner, funderFields, PASSWORD } from "../helpers/world";
import { funderWithCall } from "../helpers/calls";
import { assignment, openReview, panelCallWithApplications, reviewers } from "../helpers/reviews";
import { applicantGroup, closeCall, firstAssignment, panelOf, reviewedCall } from "../helpers/panel";
import { jpegWithMetadata, pngWithMetadata, webpWithMetadata, PDF, MP3 } from "../helpers/uploads";
import { createApp } from "../../worker/app";
import { libraryPoster, resourceBody } from "../helpers/resources";

const ROUTES = createApp()
  .routes.filter((r) => r.method !== "ALL" && !r.path.startsWith("/assets/"))
  .map((r) => ({ method: r.method, path: r.path }));
/** Cases per run: ten thousand, about 3 ms each in workerd (tests/helpers/client.ts says why calls are that cheap). */
const RUNS = 10_000;
const unique = [...new Map(ROUTES.map((r) => [`${r.method} ${r.path}`, r])).values()];

/**
 * Posts a body as a hostile client might (any JSON, or a string sent raw): never a 5xx, and every refusal
 * is problem+json. Returns the response, its body already read.
 */
const postHostile = async (client: Client, path: string, b: unknown) => {
  const res = await client.fetch(path, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: "http://localhost" },
    body: typeof b === "string" ? b : JSON.stringify(b),
  });
  const text = await res.text();
  expect(res.status, `${path} ${JSON.stringify(b).slice(0, 300)} → ${text.slice(0, 300)}`).toBeLessThan(500);
  if (res.status >= 400) expect(res.headers.get("content-type") ?? "").toContain("application/problem+json");
  return Object.assign(res, { text });
};

/** Tables whose row counts must not move when a request is refused. */
const TABLES = [
  "users",
  "orgs",
  "memberships",
  "invitations",
  "calls",
  "applications",
  "reviews",
  "awards",
  "pledges",
  "payments",
  "api_tokens",
  "fx_rates",
  "notifications",
  "stripe_events",
  "uploads",
  "tranches",
  "disbursements",
  "receipts",
  "org_feedback",
  "funder_ratings",
  "award_reports",
  "report_uploads",
  "report_shares",
  "call_panelists",
  "review_assignments",
  "partner_posts",
  "application_partners",
  "resources",
];
const census = async () => {
  const [row] = (
    await env.DB.prepare(
      `SELECT ${TABLES.map((t) => `(SELECT count(*) FROM ${t}) AS ${t}`).join(", ")}`,
    ).all()
  ).results;
  return row;
};

// Text that has broken parsers and people before.
const nasty = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom(
    "\u202Eevil\u202C",
    "a\u200Db\u200Cc\uFEFF",
    "\u0000",
    "'; DROP TABLE orgs; --",
    "<script>alert(1)</script>",
    "../../etc/passwd",
    "%00",
    "١٢٣٤٥",
    "𝕏".repeat(50),
    "\uD800",
    "null",
    "-1",
    "1e309",
    "NaN",
  ),
  fc.integer({ min: 10_000, max: 60_000 }).map((n) => "x".repeat(n)),
);
const deep = fc.integer({ min: 50, max: 2000 }).map((d) => "[".repeat(d) + "]".repeat(d));
const jsonish = fc.oneof(
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.object().map((v) => JSON.stringify(v)),
  deep,
  nasty,
  fc.constant("{"),
  fc.constant('{"version": 1, "amount": {"amount": 1e400}}'),
);
const contentType = fc.constantFrom(
  "application/json",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "text/plain",
  "application/xml",
  "",
  "application/json; charset=latin1",
);

const invalidUtf8 = new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d]);

let client: Client & { email: string };
let ids: Record<string, string>;

beforeAll(async () => {
  const funder = await funderWithCall();
  const cso = await orgOwner();
  await orgOwner(funderFields);
  client = cso;
  ids = { id: cso.org.id, code: "SN" };
  void funder;
});

/** A path for a route pattern: its parameters filled with a real id, or with hostile text. */
const fill = (path: string, text: string | null) =>
  path.replace(/:(\w+)/g, (_, name) => pct(text ?? ids[name] ?? "x"));
/** Percent-encoding that also sends lone surrogates, as the invalid UTF-8 bytes a hostile client would. */
const pct = (s: string) => {
  try {
    return encodeURIComponent(s);
  } catch {
    return s
      .split("")
      .map((ch) => (/[\uD800-\uDFFF]/.test(ch) ? "%ED%A0%80" : encodeURIComponent(ch)))
      .join("");
  }
};

describe("hostile input", () => {
  test("thousands of random requests: never a 5xx, always a problem or a page, nothing stored when refused", {
    timeout: 240_000,
  }, async () => {
    let cases = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...unique),
        fc.option(nasty, { nil: null }),
        fc.oneof(jsonish, fc.constant("__invalid_utf8__")),
        contentType,
        fc.dictionary(
          fc.string({ maxLength: 10 }),
          nasty.map((s) => s.slice(0, 2000)),
          { maxKeys: 4 },
        ),
        fc.boolean(),
        async (route, pathText, body, type, query, signedIn) => {
          cases++;
          // A case that signed the client out (logout routes) must not turn every later case anonymous.
          if (signedIn && !client.cookies.size)
            await client.post("/api/v1/auth/login", { email: client.email, password: PASSWORD });
          const who = signedIn ? client : new Client();
          const url = `${fill(route.path, pathText && pathText.slice(0, 500))}?${Object.entries(query)
            .map(([k, v]) => `${pct(k)}=${pct(v)}`)
            .join("&")}`;
          const hasBody = route.method !== "GET" && route.method !== "HEAD";
          const before = hasBody ? await census() : null;
          const res = await who.fetch(url, {
            method: route.method,
            headers: { ...(type ? { "Content-Type": type } : {}), Origin: "http://localhost" },
            body: hasBody ? (body === "__invalid_utf8__" ? invalidUtf8 : body) : undefined,
          });
          const text = await res.text();
          expect(res.status, `${route.method} ${url.slice(0, 200)} → ${text.slice(0, 300)}`).toBeLessThan(
            500,
          );
          const ct = res.headers.get("content-type") ?? "";
          if (res.status >= 400) {
            if (url.startsWith("/api/")) expect(ct).toContain("application/problem+json");
            else expect(ct).toMatch(/text\/html|application\/problem\+json/);
            if (before) expect(await census()).toEqual(before);
          }
        },
      ),
      { numRuns: RUNS, seed: 20261123 },
    );
    expect(cases).toBe(RUNS);
  });
});

/** The money after an award needs a real award, disbursement and pledge to get past 404: hostile bodies there. */
describe("hostile input after the award", () => {
  const MONEY_TABLES = ["tranches", "disbursements", "receipts", "audit_log", "notifications"];
  const moneyCensus = async () =>
    (
      await env.DB.prepare(
        `SELECT ${MONEY_TABLES.map((t) => `(SELECT count(*) FROM ${t}) AS ${t}`).join(", ")}`,
      ).all()
    ).results[0];

  test("plans, disbursements and receipts: never a 5xx, a problem naming what is wrong, nothing stored when refused", {
    timeout: 120_000,
  }, async () => {
    const funder = await funderWithCall({ fundingType: "core", durationMonths: 36 });
    const cso = await orgOwner();
    const callId = funder.call.id as string;
    const app = (await cso.post(`/api/v1/calls/${callId}/applications`, { orgId: cso.org.id })).body;
    const questions = (await cso.get(`/api/v1/calls/${callId}`)).body.questions as { id: string }[];
    const amount = { amount: 1_000_000, currency: "USD" };
    await cso.patch(`/api/v1/applications/${app.id}`, {
      version: app.version,
      answers: Object.fromEntries(questions.map((q) => [q.id, "Literacy circles."])),
      requestedAmount: amount,
    });
    await cso.post(`/api/v1/applications/${app.id}/submit`);
    const awardId = (
      await funder.post(`/api/v1/applications/${app.id}/decision`, { decision: "award", amount })
    ).body.awardId;
    const trancheId = (await funder.get(`/api/v1/awards/${awardId}`)).body.tranches[0].id;
    const disbursementId = (
      await funder.post(`/api/v1/awards/${awardId}/disbursements`, {
        amount: { amount: 1000, currency: "USD" },
        sentOn: new Date().toISOString().slice(0, 10),
        rail: "bank",
        reference: "HOSTILE-1",
      })
    ).body.id;
    const pledgeId = (
      await funder.post("/api/v1/pledges", {
        recipientOrgId: cso.org.id,
        amount: { amount: 5000, currency: "USD" },
        interval: "once",
      })
    ).body.pledge.id;

    // Mostly well-formed bodies with hostile parts, so most cases reach the rules past the schema.
    const often = <T, U>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<U>) =>
      fc.oneof({ weight: 5, arbitrary: good }, { weight: 1, arbitrary: bad });
    const day = often(
      fc.oneof(
        fc.constant(new Date().toISOString().slice(0, 10)),
        fc
          .date({ min: new Date("2025-01-01"), max: new Date("2027-12-31"), noInvalidDate: true })
          .map((d) => d.toISOString().slice(0, 10)),
      ),
      nasty,
    );
    const money = often(
      fc.record({
        amount: fc.integer({ min: 0, max: 1_200_000 }),
        currency: fc.constantFrom("USD", "USD", "USD", "XOF", "KES", "FJD"),
      }),
      fc.oneof(nasty, fc.record({ amount: fc.oneof(fc.double(), nasty), currency: nasty })),
    );
    const text = (good: string[], max: number) =>
      often(
        fc.constantFrom(...good),
        nasty.map((x) => x.slice(0, max)),
      );
    const rail = often(fc.constantFrom("bank", "mobile_money", "fiscal_host", "cash_agent", "other"), nasty);
    const sent = {
      amount: money,
      sentOn: day,
      rail,
      via: text(["M-Pesa", "Kenya Community Fund"], 200),
      reference: text(["UBA/2026/1", "QK7Z2M9XA1", "V-2026-118"], 150),
    };
    const required = { requiredKeys: ["amount", "sentOn", "rail", "reference"] as never[] };
    const bodies: Record<string, fc.Arbitrary<unknown>> = {
      tranches: fc.record({
        tranches: fc.array(
          fc.record(
            { dueOn: day, amount: money, afterReport: fc.boolean() },
            { requiredKeys: ["dueOn", "amount"] },
          ),
          { maxLength: 25 },
        ),
      }),
      awardDisbursements: fc.record({ ...sent, trancheId: text([trancheId, disbursementId], 80) }, required),
      pledgeDisbursements: fc.record(sent, required),
      receipt: fc.record(
        { received: money, receivedOn: day, note: nasty.map((x) => x.slice(0, 1200)) },
        { requiredKeys: ["received", "receivedOn"] },
      ),
    };
    const route = fc.constantFrom(
      ["PUT", `/api/v1/awards/${awardId}/tranches`, "tranches"],
      ["POST", `/api/v1/awards/${awardId}/disbursements`, "awardDisbursements"],
      ["POST", `/api/v1/pledges/${pledgeId}/disbursements`, "pledgeDisbursements"],
      ["POST", `/api/v1/disbursements/${disbursementId}/receipt`, "receipt"],
    );
    const caseOf = route.chain(([method, path, kind]) =>
      fc.tuple(fc.constant([method, path] as const), often(bodies[kind], jsonish)),
    );
    await fc.assert(
      fc.asyncProperty(caseOf, fc.boolean(), async ([[method, path], b], asFunder) => {
        const who = asFunder ? funder : cso;
        const before = await moneyCensus();
        const res = await who.fetch(path, {
          method,
          headers: { "Content-Type": "application/json", Origin: "http://localhost" },
          body: typeof b === "string" ? b : JSON.stringify(b),
        });
        const text = await res.text();
        expect(
          res.status,
          `${method} ${path} ${JSON.stringify(b).slice(0, 300)} → ${text.slice(0, 300)}`,
        ).toBeLessThan(500);
        if (res.status >= 400) {
          expect(res.headers.get("content-type") ?? "").toContain("application/problem+json");
          expect(await moneyCensus()).toEqual(before);
        }
      }),
      { numRuns: 1500, seed: 20261130 },
    );
  });
});

describe("hostile light reports", () => {
  const REPORT_TABLES = ["award_reports", "report_uploads", "report_shares"];
  const reportCensus = async () =>
    (
      await env.DB.prepare(
        `SELECT ${REPORT_TABLES.map((t) => `(SELECT count(*) FROM ${t}) AS ${t}`).join(", ")}`,
      ).all()
    ).results[0];

  test("writing, saving and sharing reports: never a 5xx, a problem when refused, nothing stored then", {
    timeout: 120_000,
  }, async () => {
    const funder = await funderWithCall();
    const cso = await orgOwner();
    const callId = funder.call.id as string;
    const app = (await cso.post(`/api/v1/calls/${callId}/applications`, { orgId: cso.org.id })).body;
    const questions = (await cso.get(`/api/v1/calls/${callId}`)).body.questions as { id: string }[];
    const amount = { amount: 1_000_000, currency: "USD" };
    await cso.patch(`/api/v1/applications/${app.id}`, {
      version: app.version,
      answers: Object.fromEntries(questions.map((q) => [q.id, "Literacy circles."])),
      requestedAmount: amount,
    });
    await cso.post(`/api/v1/applications/${app.id}/submit`);
    const awardId = (
      await funder.post(`/api/v1/applications/${app.id}/decision`, { decision: "award", amount })
    ).body.awardId;
    const draft = (await cso.post(`/api/v1/awards/${awardId}/reports`, { answers: {}, language: "en" })).body;
    const often = <T, U>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<U>) =>
      fc.oneof({ weight: 5, arbitrary: good }, { weight: 1, arbitrary: bad });
    const answer = often(
      fc.oneof(
        fc.string({ maxLength: 60 }),
        fc.string({ unit: "grapheme", minLength: 990, maxLength: 1010 }),
      ),
      nasty,
    );
    const answers = fc.record({ changed: answer, hard: answer, next: answer }, { requiredKeys: [] });
    const language = often(fc.constantFrom("en", "fr", "es", "ar"), nasty);
    const ids = fc.array(often(fc.constantFrom(draft.id, awardId, "x"), nasty), { maxLength: 7 });
    const bodies: Record<string, fc.Arbitrary<unknown>> = {
      create: fc.record(
        { answers, language, uploadIds: ids, submit: fc.boolean() },
        { requiredKeys: ["answers", "language"] },
      ),
      patch: fc.record(
        { version: often(fc.integer({ min: 0, max: 3 }), nasty), answers, language, uploadIds: ids },
        { requiredKeys: ["version"] },
      ),
      share: fc.record({ awardId: often(fc.constantFrom(awardId, draft.id), nasty) }),
    };
    const route = fc.constantFrom(
      ["POST", `/api/v1/awards/${awardId}/reports`, "create"],
      ["PATCH", `/api/v1/reports/${draft.id}`, "patch"],
      ["POST", `/api/v1/reports/${draft.id}/share`, "share"],
    );
    const caseOf = route.chain(([method, path, kind]) =>
      fc.tuple(fc.constant([method, path] as const), often(bodies[kind], jsonish)),
    );
    await fc.assert(
      fc.asyncProperty(caseOf, fc.boolean(), async ([[method, path], b], asFunder) => {
        const who = asFunder ? funder : cso;
        const before = await reportCensus();
        const res = await who.fetch(path, {
          method,
          headers: { "Content-Type": "application/json", Origin: "http://localhost" },
          body: typeof b === "string" ? b : JSON.stringify(b),
        });
        const text = await res.text();
        expect(
          res.status,
          `${method} ${path} ${JSON.stringify(b).slice(0, 300)} → ${text.slice(0, 300)}`,
        ).toBeLessThan(500);
        if (res.status >= 400) {
          expect(res.headers.get("content-type") ?? "").toContain("application/problem+json");
          expect(await reportCensus()).toEqual(before);
        }
      }),
      { numRuns: 800, seed: 20261130 },
    );
  });
});

/**
 * Uploads need a real multipart body to get past the parser: damaged and flipped images, lying names and
 * types, hostile file names, extra fields. Never a 5xx; a refusal is a problem naming a field and stores
 * nothing (no row, no R2 object); what is stored never carries the sender's file name.
 */
describe("hostile uploads", () => {
  const objects = async () => (await env.UPLOADS.list()).objects.length;

  test("damaged files, lying labels, hostile names: 4xx naming the field, or stored under a random key", {
    timeout: 120_000,
  }, async () => {
    const uploader = await orgOwner();
    const valid = [jpegWithMetadata(), pngWithMetadata(), webpWithMetadata(), PDF, MP3];
    const damaged = fc
      .tuple(
        fc.constantFrom(...valid),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }),
        fc.option(fc.nat(), { nil: null }),
      )
      .map(([file, flips, cut]) => {
        const b = file.slice();
        for (const [at, value] of flips) b[at % b.length] = value;
        return cut === null ? b : b.subarray(0, cut % (b.length + 1));
      });
    const bytes = fc.oneof(damaged, fc.uint8Array({ maxLength: 2048 }));
    // workerd's FormData itself refuses names ending in a backslash: no client could send those.
    const sendable = (s: string) => !s.endsWith("\\");
    const name = fc.oneof(
      nasty.map((s) => s.slice(0, 300)).filter(sendable),
      fc.constantFrom(
        "../../etc/passwd.jpg",
        "photo.jpg\u0000.html",
        "\u202Egpj.exe",
        `${"a".repeat(5000)}.png`,
      ),
    );
    const type = fc.oneof(
      fc.constantFrom(
        "image/jpeg",
        "image/png",
        "application/pdf",
        "text/html",
        "image/svg+xml",
        "",
        "x/y;;",
      ),
      nasty.map((s) => s.slice(0, 100)),
    );
    const extra = fc.option(fc.tuple(fc.string({ minLength: 1, maxLength: 20 }).filter(sendable), nasty), {
      nil: null,
    });
    await fc.assert(
      fc.asyncProperty(bytes, name, type, extra, async (file, fileName, declared, field) => {
        const before = { rows: await census(), objects: await objects() };
        const form = new FormData();
        form.append("file", new File([file], fileName, { type: declared.replace(/[^\x20-\x7e]/g, "") }));
        if (field) form.append(field[0], field[1]);
        const res = await uploader.fetch("/api/v1/uploads", {
          method: "POST",
          body: form,
          headers: { Origin: "http://localhost" },
        });
        const body = await res.text();
        expect(res.status, body.slice(0, 300)).toBeLessThan(500);
        if (res.status === 201) {
          const { id } = JSON.parse(body) as { id: string };
          const row = await env.DB.prepare("SELECT * FROM uploads WHERE id = ?")
            .bind(id)
            .first<Record<string, string>>();
          expect(row?.r2_key).toMatch(/^[A-Za-z0-9_-]{22}$/);
          if (fileName.length > 3) expect(JSON.stringify(row)).not.toContain(fileName);
          // Stay under the hourly quota: what was stored is checked, then forgotten.
          await env.UPLOADS.delete(row!.r2_key);
          await env.DB.prepare("DELETE FROM uploads WHERE id = ?").bind(id).run();
          return;
        }
        expect(res.headers.get("content-type")).toContain("application/problem+json");
        expect((JSON.parse(body) as { errors?: unknown[] }).errors?.length).toBeGreaterThan(0);
        expect({ rows: await census(), objects: await objects() }).toEqual(before);
      }),
      { numRuns: 400, seed: 20261130 },
    );
  });
});

/** Scores, comments and conflicts on a real assignment, and panel invitations on a real panel call. */
describe("hostile reviews", () => {
  const reviewState = async () =>
    (
      await env.DB.prepare(
        "SELECT (SELECT group_concat(id || ':' || status || ':' || ifnull(score, '-') || ':' || length(ifnull(comment, '')), ',') FROM review_assignments) AS rows, (SELECT count(*) FROM invitations) AS invitations",
      ).all()
    ).results[0];

  test("never a 5xx, a problem naming what is wrong, nothing stored when refused, scores 1..5 only", {
    timeout: 120_000,
  }, async () => {
    const funder = await reviewedCall("panel", 1);
    const panel = await panelOf(funder, 2);
    await applicantGroup(funder, "Hostile Review Group");
    await closeCall(funder);
    const mine = await Promise.all(panel.map(firstAssignment));
    const often = <T, U>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<U>) =>
      fc.oneof({ weight: 5, arbitrary: good }, { weight: 1, arbitrary: bad });
    const score = often(fc.integer({ min: -2, max: 8 }), fc.oneof(nasty, fc.double(), fc.constant(null)));
    const comment = often(fc.string({ unit: "grapheme", maxLength: 1010 }), nasty);
    const review = fc.record(
      { score, comment, conflict: often(fc.constant(false), fc.oneof(fc.boolean(), nasty)) },
      { requiredKeys: [] },
    );
    const invite = fc.record({ email: often(fc.emailAddress(), nasty) }, { requiredKeys: [] });
    const caseOf = fc.oneof(
      fc.tuple(
        fc.constantFrom(...mine.filter(Boolean).map((id) => `/api/v1/reviews/${id}`)),
        often(review, jsonish),
      ),
      fc.tuple(fc.constant(`/api/v1/calls/${funder.call.id}/panelists`), often(invite, jsonish)),
    );
    await fc.assert(
      fc.asyncProperty(caseOf, fc.constantFrom(0, 1), async ([path, b], who) => {
        const client = path.includes("/panelists") ? funder : panel[who]!;
        const before = await reviewState();
        const res = await postHostile(client, path, b);
        if (res.status >= 400) expect(await reviewState()).toEqual(before);
        const bad = await env.DB.prepare(
          "SELECT count(*) AS n FROM review_assignments WHERE (score IS NOT NULL AND (score < 1 OR score > 5 OR score <> CAST(score AS INTEGER))) OR length(comment) > 1000",
        ).first<{ n: number }>();
        expect(bad!.n).toBe(0);
      }),
      { numRuns: 600, seed: 20261130 },
    );
  });
});

/**
 * Decisions on a panel call under review, where every decision on the middle application departs from the
 * ranking and so needs a note: hostile notes (blank, zero-width, huge, bidi) and bodies, and publishing the
 * tally with whatever arrives. Never a 5xx; a refusal stores nothing; nothing is decided without a note.
 */
describe("hostile decisions against the review tally", () => {
  const DECISION_TABLES = ["awards", "tranches", "audit_log", "notifications"];
  const decisionCensus = async () =>
    (
      await env.DB.prepare(
        `SELECT ${DECISION_TABLES.map((t) => `(SELECT count(*) FROM ${t}) AS ${t}`).join(", ")}, (SELECT count(*) FROM applications WHERE decision IS NOT NULL) AS decided, (SELECT count(*) FROM calls WHERE tally_published_at IS NOT NULL) AS published`,
      ).all()
    ).results[0];

  test("notes, decisions and publishing: never a 5xx, a problem when refused, a departure never without its note", {
    timeout: 120_000,
  }, async () => {
    // Scores rank top (5, 5) above middle (3, 3) above bottom (1, 1); top declined, bottom awarded (with a
    // note): awarding or declining middle departs either way.
    const { funder, callId, applicants } = await panelCallWithApplications(3);
    const [top, middle, bottom] = applicants.map((a) => a.appId) as [string, string, string];
    await openReview(callId);
    const [r1, r2] = (await reviewers(2)) as [string, string];
    for (const [id, score] of [
      [top, 5],
      [middle, 3],
      [bottom, 1],
    ] as const)
      for (const r of [r1, r2]) await assignment(callId, id, r, score);
    const usd = (amount: number) => ({ amount, currency: "USD" });
    expect(
      (
        await funder.post(`/api/v1/applications/${top}/decision`, {
          decision: "decline",
          reasons: ["budget"],
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await funder.post(`/api/v1/applications/${bottom}/decision`, {
          decision: "award",
          amount: usd(1_000_000),
          note: "Set up for the test.",
        })
      ).status,
    ).toBe(200);
    /** Puts middle back before any decision, so every case meets the rule (not "already decided"). */
    const undecide = () =>
      env.DB.batch([
        env.DB.prepare(
          "DELETE FROM tranches WHERE award_id IN (SELECT id FROM awards WHERE application_id = ?)",
        ).bind(middle),
        env.DB.prepare("DELETE FROM awards WHERE application_id = ?").bind(middle),
        env.DB.prepare(
          "UPDATE applications SET status = 'submitted', decision = NULL, decision_reasons = NULL, decision_note = NULL, decided_at = NULL, decided_by = NULL, decision_token = NULL WHERE id = ?",
        ).bind(middle),
      ]);

    const often = <T, U>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<U>) =>
      fc.oneof({ weight: 5, arbitrary: good }, { weight: 1, arbitrary: bad });
    const note = fc.oneof(
      fc.constant(undefined),
      fc.constantFrom("", "   ", "\n\t", "\u200B", "\u202E", "Our board chose a rural group."),
      nasty.map((x) => x.slice(0, 2100)),
    );
    const decisionBody = fc.record(
      {
        decision: often(fc.constantFrom("award", "decline"), nasty),
        amount: often(
          fc.constant(usd(1_000_000)),
          fc.oneof(nasty, fc.record({ amount: fc.double(), currency: nasty })),
        ),
        reasons: often(fc.constant(["competition"]), fc.array(nasty, { maxLength: 3 })),
        note,
      },
      { requiredKeys: ["decision"] },
    );
    const caseOf = fc.oneof(
      { weight: 8, arbitrary: often(decisionBody, jsonish).map((b) => ["decide", b] as const) },
      { weight: 1, arbitrary: fc.oneof(jsonish, fc.constant("{}")).map((b) => ["publish", b] as const) },
    );
    await fc.assert(
      fc.asyncProperty(caseOf, fc.boolean(), async ([kind, b], asFunder) => {
        const who = asFunder ? funder : applicants[1]!;
        const path =
          kind === "decide"
            ? `/api/v1/applications/${middle}/decision`
            : `/api/v1/calls/${callId}/tally/publish`;
        const before = await decisionCensus();
        const res = await postHostile(who, path, b);
        if (res.status >= 400) {
          expect(await decisionCensus()).toEqual(before);
          return;
        }
        if (kind === "decide") {
          // It went through: only with a note that says something, and that note is what was stored.
          const sent = (b as { note?: string }).note;
          expect(sent?.trim()).toBeTruthy();
          await undecide();
        }
      }),
      { numRuns: 600, seed: 20261130 },
    );
    // The tally still reads, whatever happened to it.
    expect((await funder.get(`/api/v1/calls/${callId}/tally`)).status).toBe(200);
  });
});

/** The map's one parameter: whatever arrives as `metric`, a figure for a known metric or a 400 naming it. */
describe("hostile map metrics", () => {
  test("never a 5xx; the API names `metric`, the page says so and still draws the map", {
    timeout: 60_000,
  }, async () => {
    const metric = fc.oneof(
      nasty.map((s) => s.slice(0, 3000)),
      fc.constantFrom("orgs", "awards", "amount"),
    );
    await fc.assert(
      fc.asyncProperty(metric, fc.integer({ min: 1, max: 3 }), async (m, times) => {
        // Repeated too (`?metric=a&metric=a`): the API reads an array there and refuses it; the page reads one.
        const query = Array.from({ length: times }, () => `metric=${pct(m)}`).join("&");
        const known = ["orgs", "awards", "amount"].includes(m);
        const api = await new Client().fetch(`/api/v1/map?${query}`);
        const body = await api.text();
        const accepted = known && times === 1;
        expect(api.status, `${query.slice(0, 200)} → ${body.slice(0, 300)}`).toBe(accepted ? 200 : 400);
        if (!accepted) {
          expect(api.headers.get("content-type")).toContain("application/problem+json");
          expect(JSON.parse(body).errors.map((e: { path: string }) => e.path)).toContain("metric");
        }
        const page = await new Client().fetch(`/map?${query}`);
        const html = await page.text();
        expect(page.status).toBe(known ? 200 : 400);
        expect(html).toContain('<svg class="map"');
        expect(html).not.toContain("<script>alert");
      }),
      { numRuns: 300, seed: 20261130 },
    );
  });
});

/**
 * The anonymous eligibility check and the digest switch (issue 21): hostile profiles and bodies. The check
 * stores nothing, ever (accepted or refused); a refused switch changes no subscription.
 */
describe("hostile eligibility checks and digest switches", () => {
  const stored = async () => ({
    ...(await census()),
    digests: (await env.DB.prepare("SELECT count(*) AS n FROM digest_subscriptions").first<{ n: number }>())!
      .n,
    outbox: (await env.DB.prepare("SELECT count(*) AS n FROM outbox").first<{ n: number }>())!.n,
  });

  test("never a 5xx, a problem naming what is wrong, nothing stored by the check", {
    timeout: 120_000,
  }, async () => {
    const owner = await orgOwner();
    const often = <T, U>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<U>) =>
      fc.oneof({ weight: 4, arbitrary: good }, { weight: 1, arbitrary: bad });
    const profile = fc.record(
      {
        country: often(fc.constantFrom("EG", "SN", "KE", "QQ", "eg"), nasty),
        setting: often(fc.constantFrom("rural", "urban", null), nasty),
        legalStatus: often(fc.constantFrom("unregistered", "registered_ngo", null), nasty),
        annualBudget: often(
          fc.record({
            amount: fc.integer({ min: -5, max: 1e12 }),
            currency: fc.constantFrom("USD", "EGP", "XXX"),
          }),
          fc.oneof(nasty, fc.constant(null), fc.double()),
        ),
        ledBy: often(fc.subarray(["women", "youth", "women"]), fc.array(nasty, { maxLength: 3 })),
        themes: often(fc.subarray(["womens_rights", "livelihoods"]), nasty),
        languages: often(fc.subarray(["ar", "fr", "en-GB"]), fc.array(nasty, { maxLength: 3 })),
        trustLevel: often(fc.integer({ min: -1, max: 5 }), nasty),
      },
      { requiredKeys: [] },
    );
    const caseOf = fc.oneof(
      fc.tuple(fc.constant("POST"), fc.constant("/api/v1/eligibility-check"), often(profile, jsonish)),
      fc.tuple(
        fc.constant("PUT"),
        fc.constant(`/api/v1/orgs/${owner.org.id}/digest`),
        often(fc.record({ on: often(fc.boolean(), nasty) }, { requiredKeys: [] }), jsonish),
      ),
    );
    await fc.assert(
      fc.asyncProperty(caseOf, async ([method, path, b]) => {
        const before = await stored();
        const res = await owner.fetch(path, {
          method,
          headers: { "Content-Type": "application/json", Origin: "http://localhost" },
          body: typeof b === "string" ? b : JSON.stringify(b),
        });
        const text = await res.text();
        expect(
          res.status,
          `${method} ${path} ${JSON.stringify(b).slice(0, 200)} → ${text.slice(0, 200)}`,
        ).toBeLessThan(500);
        if (res.status >= 400) {
          expect(res.headers.get("content-type") ?? "").toContain("application/problem+json");
          if (res.status !== 429) expect(JSON.parse(text).errors?.length ?? 0).toBeGreaterThan(0);
        }
        const after = await stored();
        if (method === "POST" || res.status >= 400) expect(after).toEqual(before);
      }),
      { numRuns: 400, seed: 20261130 },
    );
  });
});

/** Partners need a real call, a lead's draft and partner groups to get past 404: hostile bodies there. */
describe("hostile input on partners and consortia", () => {
  const PARTNER_TABLES = ["partner_posts", "application_partners", "notifications", "audit_log"];
  const partnerCensus = async () =>
    (
      await env.DB.prepare(
        `SELECT ${PARTNER_TABLES.map((t) => `(SELECT count(*) FROM ${t}) AS ${t}`).join(", ")}`,
      ).all()
    ).results[0];

  test("posts, partner lists and consents: never a 5xx, a problem naming the field, nothing stored when refused", {
    timeout: 120_000,
  }, async () => {
    const funder = await funderWithCall({ eligibility: {} });
    const lead = await orgOwner();
    const partner = await orgOwner();
    const hidden = await orgOwner({ ...funderFields, kind: "cso", name: "Hidden", visibility: "hidden" });
    const callId = funder.call.id as string;
    const draft = (await lead.post(`/api/v1/calls/${callId}/applications`, { orgId: lead.org.id })).body;
    const often = <T, U>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<U>) =>
      fc.oneof({ weight: 5, arbitrary: good }, { weight: 1, arbitrary: bad });
    const orgId = often(fc.constantFrom(lead.org.id, partner.org.id, hidden.org.id, funder.org.id), nasty);
    const post = often(
      fc.record(
        { orgId, message: often(fc.string({ minLength: 10, maxLength: 200 }), nasty) },
        { requiredKeys: [] },
      ),
      jsonish,
    );
    const partners = often(
      fc.array(
        fc.record({
          orgId,
          role: often(fc.string({ minLength: 2, maxLength: 100 }), nasty),
          share: often(fc.integer({ min: 1, max: 99 }), fc.oneof(fc.double(), nasty, fc.integer())),
        }),
        { maxLength: 7 },
      ),
      nasty,
    );
    const caseOf = fc.oneof(
      fc.tuple(fc.constant("POST"), fc.constant(`/api/v1/calls/${callId}/partner-posts`), post),
      fc.tuple(fc.constant("PATCH"), fc.constant(`/api/v1/applications/${draft.id}`), partners),
      fc.tuple(
        fc.constantFrom("POST", "DELETE"),
        orgId.map((o) => `/api/v1/applications/${draft.id}/partners/${pct(String(o))}/consent`),
        fc.constant(undefined),
      ),
    );
    await fc.assert(
      fc.asyncProperty(caseOf, async ([method, path, b]) => {
        // A partner list goes with the draft's current version, so most cases reach the rules.
        const body =
          method === "PATCH"
            ? { version: (await lead.get(`/api/v1/applications/${draft.id}`)).body.version, partners: b }
            : b;
        const before = await partnerCensus();
        const res = await lead.fetch(path, {
          method,
          headers: { "Content-Type": "application/json", Origin: "http://localhost" },
          body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
        });
        const text = await res.text();
        expect(
          res.status,
          `${method} ${path} ${JSON.stringify(body)?.slice(0, 200)} → ${text.slice(0, 200)}`,
        ).toBeLessThan(500);
        if (res.status >= 400) {
          expect(res.headers.get("content-type") ?? "").toContain("application/problem+json");
          if (res.status === 400 || res.status === 422)
            expect(JSON.parse(text).errors?.length ?? 0).toBeGreaterThan(0);
          expect(await partnerCensus()).toEqual(before);
        }
      }),
      { numRuns: 300, seed: 20261130 },
    );
  });
});

describe("hostile library searches and posts", () => {
  const resourceCount = async () =>
    (await env.DB.prepare("SELECT count(*) AS n FROM resources").first<{ n: number }>())?.n;

  test("any words and filters: never a 5xx; any body from a verified group's member: stored only when valid", {
    timeout: 120_000,
  }, async () => {
    const poster = await libraryPoster();
    const searches = fc.record(
      {
        q: nasty.map((s) => s.slice(0, 600)),
        theme: fc.oneof(fc.constantFrom("youth", "livelihoods"), nasty),
        language: fc.oneof(fc.constantFrom("ar", "fr", "es-CO"), nasty),
        status: fc.oneof(fc.constantFrom("pending", "published", "rejected"), nasty),
        cursor: fc.oneof(fc.constantFrom("0", "20", "999999"), nasty),
        limit: fc.oneof(fc.constantFrom("1", "100"), nasty),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(searches, fc.boolean(), fc.boolean(), async (query, api, signedIn) => {
        const qs = Object.entries(query)
          .map(([k, v]) => `${k}=${pct(v)}`)
          .join("&");
        const res = await (signedIn ? poster : new Client()).fetch(`${api ? "/api/v1" : ""}/resources?${qs}`);
        const text = await res.text();
        expect(res.status, `${qs.slice(0, 300)} → ${text.slice(0, 300)}`).toBeLessThan(500);
      }),
      { numRuns: 600, seed: 20261130 },
    );
    const often = <T, U>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<U>) =>
      fc.oneof({ weight: 4, arbitrary: good }, { weight: 1, arbitrary: bad });
    const body = fc.record(
      {
        orgId: often(fc.constant(poster.org.id), nasty),
        title: often(fc.string({ minLength: 3, maxLength: 200 }), nasty),
        summary: often(fc.string({ minLength: 10, maxLength: 300 }), nasty),
        language: often(fc.constantFrom("ar", "en", "fr-SN"), nasty),
        themes: often(fc.constant(["youth"]), fc.anything()),
        licence: often(fc.constantFrom("cc0", "cc_by", "other"), nasty),
        url: often(fc.constant("https://example.org/a.pdf"), nasty),
        uploadId: fc.oneof(nasty, fc.anything()),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(body, fc.jsonValue()), async (b) => {
        const before = await resourceCount();
        const res = await postHostile(poster, "/api/v1/resources", b);
        if (res.status >= 400) expect(await resourceCount()).toEqual(before);
        else expect(res.status).toBe(201);
      }),
      { numRuns: 600, seed: 20261130 },
    );
    // A valid post still works after all that.
    expect((await poster.post("/api/v1/resources", resourceBody(poster.org.id))).status).toBe(201);
  });
});
