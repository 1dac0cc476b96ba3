// The HTML side: forms without JavaScript, CSRF, languages and right-to-left, error pages.
import { describe, expect, test } from "vitest";
import { env } from "cloudflare:workers";
import { createExecutionContext } from "cloudflare:test";
import { createApp } from "../../worker/app";
import { Client } from "../helpers/client";
import { signUp, orgOwner, uniqueEmail, PASSWORD, csoFields, mailedToken } from "../helpers/world";

describe("sign up, log in, log out with HTML forms", () => {
  test("the whole cycle works with plain form posts", async () => {
    const c = new Client();
    expect((await c.page("/signup")).html).toContain('action="/signup"');
    const email = uniqueEmail();
    const signup = await c.form("/signup", { name: "Fatou", email, password: PASSWORD, locale: "fr" });
    expect(signup.status).toBe(202);
    expect(signup.html).toContain(email); // "check your e-mail"
    const verified = await c.form("/verify", { token: await mailedToken(email) });
    expect(verified.status).toBe(303);
    expect(verified.headers.get("location")).toBe("/me");
    const me = await c.page("/me");
    expect(me.status).toBe(200);
    expect(me.html).toContain(email);
    expect(me.html).toContain('lang="fr"'); // the saved locale applies

    expect((await c.form("/logout", {})).status).toBe(303);
    expect((await c.page("/me")).status).toBe(401);

    const login = await c.form("/login?next=/orgs/new", { email, password: PASSWORD });
    expect(login.status).toBe(303);
    expect(login.headers.get("location")).toBe("/orgs/new");

    // Forgotten password, by the forms alone: request → mailed link → new password → sign in.
    expect((await c.form("/logout", {})).status).toBe(303);
    expect((await c.form("/forgot", { email })).status).toBe(202);
    const reset = await c.form("/reset", {
      token: await mailedToken(email, "/reset"),
      password: "a brand new passphrase",
    });
    expect(reset.status).toBe(303);
    expect((await c.page(reset.headers.get("location")!)).html).toContain("form");
    expect((await c.form("/login", { email, password: "a brand new passphrase" })).status).toBe(303);
  });

  test("form errors come back next to the fields, with the values kept (password excepted)", async () => {
    const c = new Client();
    const res = await c.form("/signup", { name: "", email: "amina@", password: "short" });
    expect(res.status).toBe(400);
    expect(res.html).toContain('id="email-error"');
    expect(res.html).toContain('id="password-error"');
    expect(res.html).toContain('aria-invalid="true"');
    expect(res.html).toContain('value="amina@"');
    expect(res.html).toContain('role="alert"');

    const wrong = await c.form("/login", { email: uniqueEmail(), password: "wrong password here" });
    expect(wrong.status).toBe(401);
    expect(wrong.html).toContain("password-error");
  });

  test("an open redirect after login is refused", async () => {
    const user = await signUp();
    const c = new Client();
    const res = await c.form("/login?next=//evil.example/x", { email: user.email, password: PASSWORD });
    expect(res.headers.get("location")).toBe("/me");
    // A tab (or a backslash) that the browser strips or turns into "/" makes the path protocol-relative.
    for (const next of ["/%09/evil.example", "/%5Cevil.example", "/%0A/evil.example", "https:evil.example"]) {
      const tricked = await new Client().form(`/login?next=${next}`, {
        email: user.email,
        password: PASSWORD,
      });
      expect(tricked.headers.get("location"), next).toBe("/me");
    }
    expect(
      (
        await new Client().form("/login?next=/orgs/new%3Fx%3D1", { email: user.email, password: PASSWORD })
      ).headers.get("location"),
    ).toBe("/orgs/new?x=1");
  });

  test("a cross-site form post is refused (CSRF) and changes nothing", async () => {
    const user = await signUp();
    const res = await user.form("/me/settings", { name: "Hijacked" }, "https://evil.example");
    expect(res.status).toBe(403);
    expect((await user.get("/api/v1/me")).body.user.name).toBe("Test User");
  });
});

describe("organisation forms", () => {
  test("create an unregistered, women-led rural group from the form, then edit it", async () => {
    const c = await signUp();
    const created = await c.form("/orgs/new", {
      kind: "cso",
      name: "Minya Women Savers",
      country: "EG",
      area: "Minya",
      setting: "rural",
      legalStatus: "unregistered",
      budgetAmount: "8 000",
      budgetCurrency: "usd",
      ledBy: ["women"],
      themes: ["livelihoods", "womens_rights"],
      languages: "ar, en",
      visibility: "funders_only",
      foundedYear: "2019",
      staffCount: "",
      volunteerCount: "12",
    });
    expect(created.status).toBe(303);
    const id = created.headers.get("location")!.split("/").pop()!;
    const org = (await c.get(`/api/v1/orgs/${id}`)).body;
    expect(org).toMatchObject({
      setting: "rural",
      legalStatus: "unregistered",
      ledBy: ["women"],
      annualBudget: { amount: 800000, currency: "USD" },
      languages: ["ar", "en"],
      visibility: "funders_only",
      staffCount: null,
      volunteerCount: 12,
    });

    const edit = await c.page(`/orgs/${id}/edit`);
    expect(edit.html).toContain('name="version" value="1"');
    expect(edit.html).toContain('value="8000"');
    const saved = await c.form(`/orgs/${id}/edit`, {
      version: "1",
      name: "Minya Women Savers",
      country: "EG",
      budgetAmount: "9000",
      budgetCurrency: "USD",
      visibility: "funders_only",
    });
    expect(saved.status).toBe(200);
    expect((await c.get(`/api/v1/orgs/${id}`)).body).toMatchObject({
      version: 2,
      annualBudget: { amount: 900000, currency: "USD" },
    });
  });

  test("an unreadable amount is reported on the amount field, nothing saved", async () => {
    const owner = await orgOwner();
    const res = await owner.form(`/orgs/${owner.org.id}/edit`, {
      version: "1",
      name: "X group",
      country: "EG",
      budgetAmount: "lots",
      budgetCurrency: "USD",
    });
    expect(res.status).toBe(400);
    expect(res.html).toContain('id="budgetAmount-error"');
    expect((await owner.get(`/api/v1/orgs/${owner.org.id}`)).body.version).toBe(1);
  });

  test("a conflicting edit shows both versions and keeps the user's text", async () => {
    const owner = await orgOwner();
    await owner.patch(`/api/v1/orgs/${owner.org.id}`, { version: 1, area: "Assiut" });
    const res = await owner.form(`/orgs/${owner.org.id}/edit`, {
      version: "1",
      name: "My unsaved new name",
      country: "EG",
      visibility: "public",
    });
    expect(res.status).toBe(409);
    expect(res.html).toContain("Assiut"); // their version
    expect(res.html).toContain('value="My unsaved new name"'); // my version, still in the form
    expect(res.html).toContain('name="version" value="2"');
    expect((await owner.get(`/api/v1/orgs/${owner.org.id}`)).body.name).toBe(csoFields.name);
  });
});

describe("languages", () => {
  test.each([
    ["ar", 'lang="ar" dir="rtl"'],
    ["fr", 'lang="fr" dir="ltr"'],
    ["es", 'lang="es" dir="ltr"'],
    ["en", 'lang="en" dir="ltr"'],
  ])("pages render in %s from Accept-Language", async (lang, marker) => {
    const c = new Client();
    c.lang = lang;
    for (const path of ["/", "/signup", "/login", "/orgs"]) {
      const res = await c.page(path);
      expect(res.status).toBe(200);
      expect(res.html).toContain(`<html ${marker}>`);
    }
  });

  test("?lang= switches and is remembered; country names come from Intl", async () => {
    const c = new Client();
    const res = await c.page("/orgs?lang=ar");
    expect(res.html).toContain('<html lang="ar" dir="rtl">');
    expect(res.html).toContain("مصر"); // Egypt in the country filter, from Intl.DisplayNames
    expect((await c.page("/orgs")).html).toContain('dir="rtl"');
    expect((await c.page("/orgs?lang=es")).html).toContain("Egipto");
  });

  test("the Arabic page has no English interface text left", async () => {
    const c = new Client();
    c.lang = "ar";
    const html = (await c.page("/signup")).html;
    for (const english of ["Create your account", "Password", "Log in", "Sign up", "Organisations"])
      expect(html).not.toContain(english);
  });
});

describe("errors, headers, documents", () => {
  test("unknown pages and API routes are 404 in the right format", async () => {
    const c = new Client();
    const page = await c.page("/nowhere");
    expect(page.status).toBe(404);
    expect(page.headers.get("content-type")).toMatch(/text\/html/);
    const api = await c.get("/api/v1/nowhere");
    expect(api.status).toBe(404);
    expect(api.headers.get("content-type")).toMatch(/application\/problem\+json/);
  });

  test("oversized bodies are 413; wrong content types 415; never a 5xx", async () => {
    const c = new Client();
    const big = await c.json("POST", "/api/v1/auth/signup", JSON.stringify({ name: "x".repeat(300_000) }), {
      "Content-Type": "application/json",
    });
    expect(big.status).toBe(413);
    const wrongType = await c.json("POST", "/api/v1/auth/login", "email=a", { "Content-Type": "text/csv" });
    expect(wrongType.status).toBe(415);
  });

  test("security headers: strict CSP, no framing, no sniffing", async () => {
    const res = await new Client().page("/");
    const csp = res.headers.get("content-security-policy")!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(res.headers.get("strict-transport-security")).toBeNull(); // localhost
  });

  test("pages carry no inline style or script, which the CSP (style-src/script-src 'self') would refuse", async () => {
    const { insertOrg, decided } = await import("../helpers/equity");
    const { funderWithCall } = await import("../helpers/calls");
    // Enough recipients (two groups of k = 5) that /reports draws its bar charts.
    const funder = await funderWithCall();
    for (let i = 0; i < 10; i++) {
      const orgId = await insertOrg({
        country: "SN",
        legalStatus: i % 2 ? "registered" : "unregistered",
        budgetUsd: 20_000,
      });
      await decided({
        funderOrgId: funder.org.id,
        userId: funder.userId,
        callId: funder.call.id,
        orgId,
        award: { amount: 100_000, date: "2036-03-15", fundingType: "project" },
      });
    }
    for (const path of [
      "/",
      "/calls",
      `/calls/${funder.call.id}`,
      "/signup",
      "/login",
      "/reports?groupBy=legalStatus",
      "/reports?groupBy=legalStatus&lang=ar",
    ]) {
      const { html, status } = await new Client().page(path);
      expect(status, path).toBe(200);
      // The bars are HTML (issue 23): their widths are classes, never an inline style.
      if (path.startsWith("/reports")) expect(html, path).toContain('class="chart hbars"');
      expect(html, path).not.toMatch(/<[^>]+\sstyle=/);
      expect(html, path).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
      expect(html, path).not.toMatch(/<[^>]+\son[a-z]+=/);
    }
  });

  test("the stylesheet has a content hash in its name and is cached for a year", async () => {
    const html = (await new Client().page("/")).html;
    const href = /href="(\/assets\/app\.[a-z0-9]+\.css)"/.exec(html)![1];
    const css = await new Client().fetch(href);
    expect(css.status).toBe(200);
    expect(css.headers.get("cache-control")).toContain("immutable");
    expect(await css.text()).toContain("margin-inline");
  });

  test("health runs a real query; the OpenAPI document and reference page describe the API", async () => {
    const c = new Client();
    expect((await c.get("/api/v1/health")).body).toEqual({ ok: true, db: "ok" });
    const doc = (await c.get("/api/v1/openapi.json")).body;
    expect(doc.openapi).toBe("3.1.0");
    for (const path of [
      "/api/v1/auth/signup",
      "/api/v1/auth/login",
      "/api/v1/me",
      "/api/v1/tokens",
      "/api/v1/orgs",
      "/api/v1/orgs/{id}",
      "/api/v1/orgs/{id}/members",
      "/api/v1/themes",
      "/api/v1/countries",
    ]) {
      expect(doc.paths[path], path).toBeDefined();
    }
    expect(doc.components.schemas.Org.properties.annualBudget).toBeDefined();
    const ref = await c.page("/api/v1/docs");
    expect(ref.status).toBe(200);
    expect(ref.html).toContain("/api/v1/orgs/{id}");
  });

  test(`reference data: themes in the caller's language, countries with classifications`, async () => {
    const c = new Client();
    c.lang = "es";
    const themes = await c.get("/api/v1/themes");
    expect(themes.body.items).toHaveLength(15);
    expect(themes.body.items[0]).toEqual({ id: "womens_rights", name: expect.any(String) });
    const countries = (await c.get("/api/v1/countries")).body.items;
    expect(countries).toHaveLength(249);
    const af = countries.find((x: { code: string }) => x.code === "AF");
    expect(af).toMatchObject({
      name: "Afganistán",
      region: "Asia",
      globalSouth: true,
      incomeGroup: "LIC",
      civicSpace: "closed",
    });
    // Unknown stays unknown: Ethiopia has no FY26 income group in the source.
    expect(countries.find((x: { code: string }) => x.code === "ET").incomeGroup).toBeNull();
  });

  test("only admins correct a country's classifications", async () => {
    const { userWithRole } = await import("../helpers/world");
    const user = await signUp();
    expect(
      (await user.patch("/api/v1/countries/PE", { civicSpace: "repressed", civicSpaceAsOf: "2026-10" }))
        .status,
    ).toBe(403);
    const admin = await userWithRole("admin");
    const res = await admin.patch("/api/v1/countries/PE", {
      civicSpace: "repressed",
      civicSpaceAsOf: "2026-10",
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ code: "PE", civicSpace: "repressed", civicSpaceAsOf: "2026-10" });
    expect((await admin.patch("/api/v1/countries/PE", { civicSpace: "sunny" })).status).toBe(400);
  });
});

describe("transfer", () => {
  test("text responses are marked gzip for clients that accept it (the runtime then compresses), plain otherwise", async () => {
    // Called on the Hono app itself: across the runtime's fetch boundary the encoding is applied and
    // transparently undone, header included, so the header can only be seen here (or over real HTTP,
    // which the browser tests measure).
    const app = createApp();
    const ctx = createExecutionContext();
    // As on Cloudflare: the Worker sees a rewritten Accept-Encoding; the client's own is in cf.clientAcceptEncoding.
    const get = (path: string, clientAcceptEncoding: string) =>
      app.fetch(
        new Request(`http://localhost${path}`, {
          headers: { "Accept-Encoding": "br, gzip" },
          cf: { clientAcceptEncoding },
        } as RequestInit),
        env,
        ctx,
      );
    const gz = await get("/calls", "gzip, deflate");
    expect(gz.headers.get("content-encoding")).toBe("gzip");
    expect(gz.headers.get("vary")).toContain("Accept-Encoding");
    expect((await get("/calls", "")).headers.get("content-encoding")).toBeNull();
    expect((await get("/api/v1/calls", "gzip")).headers.get("content-encoding")).toBe("gzip");
  });
  test("static assets have hashed names and are cached for a year", async () => {
    const html = await (await new Client().fetch("/calls")).text();
    const css = html.match(/href="(\/assets\/app\.[a-z0-9]+\.css)"/)![1];
    const res = await new Client().fetch(css);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
  });
});
