// The anonymous eligibility check: the same ranking and reasons as a saved organisation's matches,
// nothing stored (every table's row count unchanged), bad answers named field by field, and a /check
// page that works without JavaScript and keeps nothing.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, test } from "vitest";
import { Client } from "../helpers/client";
import { checkProfile, orgOwner, csoFields } from "../helpers/world";
import { funderWithCall } from "../helpers/calls";

/** Every table's row count (the FTS shadow tables follow their table). */
const census = async () => {
  const tables = (
    await env.DB.prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name NOT LIKE '%fts_%'",
    ).all<{ name: string }>()
  ).results.map((r) => r.name);
  const counts: Record<string, number> = {};
  for (const name of tables)
    counts[name] = (await env.DB.prepare(`SELECT count(*) AS n FROM "${name}"`).first<{ n: number }>())!.n;
  return counts;
};

const profile = checkProfile;

const gzippedSize = async (html: string) => {
  const stream = new Blob([html]).stream().pipeThrough(new CompressionStream("gzip"));
  return (await new Response(stream).arrayBuffer()).byteLength;
};

describe("POST /api/v1/eligibility-check", () => {
  let fits: Awaited<ReturnType<typeof funderWithCall>>;
  let kenyaOnly: Awaited<ReturnType<typeof funderWithCall>>;
  beforeAll(async () => {
    fits = await funderWithCall();
    kenyaOnly = await funderWithCall({
      title: "Only for groups in Kenya",
      eligibility: { countries: ["KE"] },
    });
  });

  test("anonymous: the same items, scores and reasons as GET /orgs/:id/matches for the same profile", async () => {
    const owner = await orgOwner(csoFields);
    const trustLevel = (await owner.get(`/api/v1/orgs/${owner.org.id}`)).body.trustLevel as number;
    const saved = await owner.get(`/api/v1/orgs/${owner.org.id}/matches?limit=100`);
    expect(saved.status).toBe(200);
    const anon = new Client();
    const checked = await anon.post("/api/v1/eligibility-check?limit=100", { ...profile, trustLevel });
    expect(checked.status).toBe(200);
    expect(checked.headers.get("cache-control")).toBe("no-store");
    expect(checked.headers.get("set-cookie")).toBeNull();
    const expected = saved.body.items.map(({ invited: _, ...m }: Record<string, unknown>) => m);
    expect(checked.body.items).toEqual(expected);
    const byId = new Map(checked.body.items.map((m: any) => [m.call.id, m]));
    expect(byId.get(fits.call.id)).toMatchObject({ eligible: true });
    const kenya = byId.get(kenyaOnly.call.id) as {
      eligible: boolean;
      reasons: { criterion: string; met: boolean }[];
    };
    expect(kenya.eligible).toBe(false);
    expect(kenya.reasons).toContainEqual(expect.objectContaining({ criterion: "country", met: false }));
  });

  test("reasons are in the caller's language", async () => {
    const anon = new Client();
    const res = await anon.json("POST", "/api/v1/eligibility-check", profile, { "Accept-Language": "ar" });
    const kenya = res.body.items.find((m: any) => m.call.id === kenyaOnly.call.id);
    expect(kenya.reasons.find((r: any) => r.criterion === "country").detail).toMatch(/[\u0600-\u06FF]/);
  });

  test("nothing is stored: every table's row count is the same before and after (API and page)", async () => {
    const before = await census();
    const anon = new Client();
    for (let i = 0; i < 3; i++)
      expect((await anon.post("/api/v1/eligibility-check", profile)).status).toBe(200);
    expect((await anon.post("/api/v1/eligibility-check", { country: "1X" })).status).toBe(400);
    const signedIn = await orgOwner(csoFields);
    const afterSetup = await census();
    expect((await signedIn.post("/api/v1/eligibility-check", profile)).status).toBe(200);
    const page = await anon.form("/check", {
      country: "EG",
      setting: "rural",
      ledBy: "women",
      languages: "ar",
    });
    expect(page.status).toBe(200);
    expect(await census()).toEqual(afterSetup);
    // The anonymous requests before the sign-up stored nothing either: only sign-up's own rows appeared.
    const grew = Object.keys(afterSetup).filter((k) => afterSetup[k] !== before[k]);
    expect(
      grew.every((k) =>
        [
          "users",
          "orgs",
          "memberships",
          "sessions",
          "outbox",
          "email_tokens",
          "audit_log",
          "trust_events",
          // Derived from orgs by triggers: the new group's matching profile.
          "org_match",
        ].includes(k),
      ),
      grew.join(),
    ).toBe(true);
  });

  test("bad answers: a problem naming each field", async () => {
    const anon = new Client();
    const res = await anon.post("/api/v1/eligibility-check", {
      country: "1X",
      ledBy: ["aliens"],
      annualBudget: { amount: -5, currency: "USD" },
      themes: ["womens_rights", "womens_rights"],
    });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    const paths = res.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(["country", "ledBy.0", "annualBudget.amount", "themes"]));
    const unknown = await anon.post("/api/v1/eligibility-check", { country: "QQ" });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ path: "country" })]);
    const notJson = await anon.fetch("/api/v1/eligibility-check", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{not json",
    });
    expect(notJson.status).toBe(400);
  });
});

describe("the /check page", () => {
  test("a form without script, in Arabic right to left, small, not cached", async () => {
    const anon = new Client();
    const res = await anon.fetch("/check?lang=ar");
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain('<form class="stack" method="post" action="/check"');
    expect(html).not.toMatch(/<script(?![^>]*src=)/);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await gzippedSize(html)).toBeLessThan(30_000);
  });

  test("posting the answers shows the calls with reasons, sets no cookie, keeps the answers only in the page", async () => {
    const fits = await funderWithCall({ title: "Check page call for rural women" });
    const anon = new Client();
    const res = await anon.form("/check", {
      country: "EG",
      setting: "rural",
      legalStatus: "unregistered",
      budgetAmount: "8000",
      budgetCurrency: "USD",
      ledBy: "women",
      themes: ["womens_rights", "livelihoods"],
      languages: "ar, en",
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("set-cookie")).toBeNull();
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.html).toContain("Check page call for rural women");
    expect(res.html).toContain(`/calls/${fits.call.id}`);
    expect(res.html).toMatch(/fit your group/);
    expect(await gzippedSize(res.html)).toBeLessThan(30_000);
  });

  test("a wrong answer is shown next to its field", async () => {
    const res = await new Client().form("/check", {
      country: "",
      budgetAmount: "lots",
      budgetCurrency: "USD",
    });
    expect(res.status).toBe(400);
    expect(res.html).toContain('aria-invalid="true"');
    expect(res.html).toMatch(
      /id="budgetAmount"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="budgetAmount"/,
    );
  });
});
