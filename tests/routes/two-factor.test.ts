// Two-step sign-in (TOTP, RFC 6238) over HTTP: enrolment, login with a code (once each), recovery codes,
// turning it off, the forms without JavaScript (Arabic too), the recommendation for people in hidden or
// funders-only groups, and the production rule for admins and analysts. Codes are computed here with the
// same library an app would use, from the otpauth:// URI the server hands out.
import { env } from "cloudflare:workers";
import { describe, expect, test } from "vitest";
import { URI, TOTP } from "otpauth/slim";
import { Client, refusal, workerWith } from "../helpers/client";
import { signUp, userWithRole, orgOwner, csoFields, PASSWORD, uniqueEmail } from "../helpers/world";
import { en } from "../../worker/i18n/en";
import { ar } from "../../worker/i18n/ar";

type Person = Client & { email: string; userId: string };

/** What an authenticator app shows for this URI, `steps` periods from now. */
const appCode = (otpauthUrl: string, steps = 0) =>
  (URI.parse(otpauthUrl) as TOTP).generate({ timestamp: Date.now() + steps * 30_000 });
const urlOf = (secret: string) =>
  `otpauth://totp/Sanad:account?issuer=Sanad&secret=${secret}&algorithm=SHA1&digits=6&period=30`;
/** Six digits that are no code of this key anywhere near now. */
const notACode = (otpauthUrl: string) => {
  const near = new Set([-3, -2, -1, 0, 1, 2, 3].map((s) => appCode(otpauthUrl, s)));
  for (let n = 0; ; n++) {
    const c = String(n).padStart(6, "0");
    if (!near.has(c)) return c;
  }
};
/** As if a couple of minutes went by: the last accepted step moves back, so the current code is fresh again. */
const timePasses = (userId: string) =>
  env.DB.prepare("UPDATE users SET totp_last_step = totp_last_step - 4 WHERE id = ?").bind(userId).run();

/** Turns two-step sign-in on through the API, as the page's user would with an app. */
const enrol = async (c: Client) => {
  const started = await c.post("/api/v1/me/2fa");
  expect(started.status).toBe(200);
  const enrolCode = appCode(started.body.otpauthUrl);
  const confirmed = await c.post("/api/v1/me/2fa/confirm", { code: enrolCode });
  expect(confirmed.status).toBe(200);
  return {
    otpauthUrl: started.body.otpauthUrl as string,
    enrolCode,
    recoveryCodes: confirmed.body.recoveryCodes as string[],
  };
};

const login = (email: string, password: string, code?: string) =>
  new Client().post(
    "/api/v1/auth/login",
    code === undefined ? { email, password } : { email, password, code },
  );

describe("turning it on", () => {
  test("start → a pending key (restarting replaces it) → a right code turns it on, with ten recovery codes shown once", async () => {
    const user = await signUp();
    const first = await user.post("/api/v1/me/2fa");
    expect(first.status).toBe(200);
    expect(first.headers.get("cache-control")).toBe("no-store");
    expect(first.body.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(first.body.otpauthUrl).toBe(urlOf(first.body.secret));
    expect(first.body.otpauthUrl).not.toContain(encodeURIComponent(user.email));
    // Pending is not on: the password alone still signs in.
    expect((await login(user.email, PASSWORD)).status).toBe(200);
    expect((await user.get("/api/v1/me")).body.twoFactor).toBe(false);

    const second = await user.post("/api/v1/me/2fa");
    expect(second.body.secret).not.toBe(first.body.secret);
    const stale = await user.post("/api/v1/me/2fa/confirm", { code: appCode(first.body.otpauthUrl) });
    expect(stale.status).toBe(400);
    expect(stale.body.errors).toEqual([{ path: "code", message: en["err.code_wrong"] }]);
    expect((await user.post("/api/v1/me/2fa/confirm", { code: "12" })).body.errors[0].path).toBe("code");
    expect((await user.post("/api/v1/me/2fa/confirm", {})).body.errors[0].path).toBe("code");

    const on = await user.post("/api/v1/me/2fa/confirm", { code: appCode(second.body.otpauthUrl) });
    expect(on.status).toBe(200);
    expect(on.headers.get("cache-control")).toBe("no-store");
    const codes = on.body.recoveryCodes as string[];
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^\d{5}-\d{5}-\d{5}-\d{5}$/);
    expect((await user.get("/api/v1/me")).body.twoFactor).toBe(true);

    // Already on: neither a new key nor a second confirmation.
    expect((await user.post("/api/v1/me/2fa")).status).toBe(409);
    expect(
      (await user.post("/api/v1/me/2fa/confirm", { code: appCode(second.body.otpauthUrl, 1) })).status,
    ).toBe(409);

    // Stored: the key sealed (not readable from the database alone), recovery codes only as hashes.
    const row = await env.DB.prepare(
      "SELECT totp_secret, totp_pending_secret, totp_enabled_at FROM users WHERE id = ?",
    )
      .bind(user.userId)
      .first<Record<string, string | null>>();
    expect(row!.totp_enabled_at).toBeTruthy();
    expect(row!.totp_pending_secret).toBeNull();
    expect(row!.totp_secret).not.toContain(second.body.secret);
    const hashes = (
      await env.DB.prepare("SELECT code_hash FROM recovery_codes WHERE user_id = ?")
        .bind(user.userId)
        .all<{ code_hash: string }>()
    ).results.map((r) => r.code_hash);
    expect(hashes).toHaveLength(10);
    for (const c of codes) expect(hashes.join(" ")).not.toContain(c.replaceAll("-", ""));
  });

  test("two confirmations racing with the same code leave one set of recovery codes that work", async () => {
    const user = await signUp();
    const started = await user.post("/api/v1/me/2fa");
    const code = appCode(started.body.otpauthUrl);
    const results = await Promise.all([
      user.post("/api/v1/me/2fa/confirm", { code }),
      user.post("/api/v1/me/2fa/confirm", { code }),
    ]);
    const winners = results.filter((r) => r.status === 200);
    expect(winners).toHaveLength(1);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(
      await env.DB.prepare("SELECT count(*) AS n FROM recovery_codes WHERE user_id = ?")
        .bind(user.userId)
        .first("n"),
    ).toBe(10);
    expect((await login(user.email, PASSWORD, winners[0].body.recoveryCodes[0])).status).toBe(200);
  });
});

describe("signing in with it on", () => {
  test("no code → 401 naming code; wrong → 401; right → 200; the same code again (replay) → 401", async () => {
    const user = await signUp();
    const { otpauthUrl } = await enrol(user);

    const missing = await login(user.email, PASSWORD);
    expect(missing.status).toBe(401);
    expect(missing.headers.get("content-type")).toContain("application/problem+json");
    expect(missing.body.errors).toEqual([{ path: "code", message: en["err.code_needed"] }]);
    expect(missing.headers.get("set-cookie") ?? "").not.toContain("sanad_session=");

    const wrong = await login(user.email, PASSWORD, notACode(otpauthUrl));
    expect(wrong.status).toBe(401);
    expect(wrong.body.errors).toEqual([{ path: "code", message: en["err.code_wrong"] }]);

    // The enrolment used this step's code: a session needs the next one (within the one-step drift).
    const code = appCode(otpauthUrl, 1);
    const right = await login(user.email, PASSWORD, code);
    expect(right.status).toBe(200);
    expect(right.headers.get("set-cookie")).toContain("sanad_session=");

    const replay = await login(user.email, PASSWORD, code);
    expect(replay.status).toBe(401);
    expect(replay.body.errors[0].path).toBe("code");
    // An earlier step is refused too, even within the drift window.
    expect((await login(user.email, PASSWORD, appCode(otpauthUrl, 0))).status).toBe(401);

    // Codes as apps and keyboards show them: "123 456", or in Arabic-Indic digits.
    await timePasses(user.userId);
    const spaced = appCode(otpauthUrl).replace(/^(\d{3})/, "$1 ");
    expect((await login(user.email, PASSWORD, spaced)).status).toBe(200);
    await timePasses(user.userId);
    const arabicIndic = appCode(otpauthUrl).replace(/\d/g, (d) => String.fromCharCode(0x660 + Number(d)));
    expect((await login(user.email, PASSWORD, arabicIndic)).status).toBe(200);
  });

  test("two logins racing with one code: one session", async () => {
    const user = await signUp();
    const { otpauthUrl } = await enrol(user);
    const code = appCode(otpauthUrl, 1);
    const results = await Promise.all([
      login(user.email, PASSWORD, code),
      login(user.email, PASSWORD, code),
      login(user.email, PASSWORD, code),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 401, 401]);
  });

  test("a recovery code signs in once, instead of an app code", async () => {
    const user = await signUp();
    const { recoveryCodes } = await enrol(user);
    expect((await login(user.email, PASSWORD, recoveryCodes[0])).status).toBe(200);
    const again = await login(user.email, PASSWORD, recoveryCodes[0]);
    expect(again.status).toBe(401);
    expect(again.body.errors[0].path).toBe("code");
    // Typed without dashes, with spaces: the same code.
    expect((await login(user.email, PASSWORD, recoveryCodes[1].replaceAll("-", " "))).status).toBe(200);
    // Another account's code is no code here.
    const other = await signUp();
    const theirs = await enrol(other);
    expect((await login(user.email, PASSWORD, theirs.recoveryCodes[0])).status).toBe(401);
    expect(
      await env.DB.prepare("SELECT count(*) AS n FROM recovery_codes WHERE user_id = ? AND used_at IS NULL")
        .bind(user.userId)
        .first("n"),
    ).toBe(8);
  });

  test("a wrong password never reveals that two-step sign-in is on: the same answer as any account's", async () => {
    const withCode = await signUp();
    const { otpauthUrl } = await enrol(withCode);
    const without = await signUp();
    const a = await login(withCode.email, "not the password");
    const b = await login(without.email, "not the password");
    const c = await login(withCode.email, "not the password", appCode(otpauthUrl, 1));
    const d = await login(uniqueEmail("nobody"), "not the password", "123456");
    for (const r of [a, b, c, d]) {
      expect(r.status).toBe(401);
      expect(refusal(r.body)).toEqual(refusal(b.body));
      expect(JSON.stringify(r.body)).not.toMatch(/code/i);
    }
  });

  test("missing and wrong codes count in the account's login throttle, like wrong passwords", async () => {
    const user = await signUp();
    const { otpauthUrl } = await enrol(user);
    await login(user.email, PASSWORD);
    for (let i = 0; i < 4; i++)
      expect((await login(user.email, PASSWORD, notACode(otpauthUrl))).status).toBe(401);
    const locked = await login(user.email, PASSWORD, appCode(otpauthUrl, 1));
    expect(locked.status).toBe(429);
    expect(locked.headers.get("retry-after")).toBeTruthy();
  });
});

describe("turning it off", () => {
  test("needs a valid app code or an unused recovery code (400 naming code otherwise); then the password alone signs in", async () => {
    const user = await signUp();
    const { otpauthUrl, recoveryCodes, enrolCode } = await enrol(user);
    for (const code of ["12", notACode(otpauthUrl), enrolCode]) {
      const refused = await user.json("DELETE", "/api/v1/me/2fa", { code });
      expect(refused.status).toBe(400);
      expect(refused.body.errors).toEqual([{ path: "code", message: en["err.code_wrong"] }]);
    }
    expect((await user.json("DELETE", "/api/v1/me/2fa", { code: appCode(otpauthUrl, 1) })).status).toBe(204);
    expect((await user.get("/api/v1/me")).body.twoFactor).toBe(false);
    expect((await login(user.email, PASSWORD)).status).toBe(200);
    expect((await user.json("DELETE", "/api/v1/me/2fa", { code: recoveryCodes[0] })).status).toBe(409);
    expect(
      await env.DB.prepare("SELECT count(*) AS n FROM recovery_codes WHERE user_id = ?")
        .bind(user.userId)
        .first("n"),
    ).toBe(0);

    // On again (a new key, new recovery codes), off with a recovery code.
    const again = await enrol(user);
    expect(again.otpauthUrl).not.toBe(otpauthUrl);
    expect((await user.json("DELETE", "/api/v1/me/2fa", { code: recoveryCodes[1] })).status).toBe(400); // the old set is gone
    expect((await user.json("DELETE", "/api/v1/me/2fa", { code: again.recoveryCodes[3] })).status).toBe(204);
  });

  test("a stolen session cannot guess its way to turning it off: guesses are throttled", async () => {
    const user = await signUp();
    const { otpauthUrl } = await enrol(user);
    for (let i = 0; i < 5; i++)
      expect((await user.json("DELETE", "/api/v1/me/2fa", { code: notACode(otpauthUrl) })).status).toBe(400);
    expect((await user.json("DELETE", "/api/v1/me/2fa", { code: appCode(otpauthUrl, 1) })).status).toBe(429);
  });
});

describe("the pages, without JavaScript", () => {
  test("in Arabic: turn on (key in blocks of four, otpauth link, code form) → recovery codes once → sign in with a code → turn off", async () => {
    const user = (await signUp({ locale: "ar" })) as Person;
    user.lang = "ar";
    const page = await user.page("/me/security");
    expect(page.status).toBe(200);
    expect(page.html).toContain('dir="rtl"');
    expect(page.html).toContain(ar["me.2fa_title"]);
    expect(page.html).toContain('action="/me/2fa"');

    const started = await user.form("/me/2fa", {});
    expect(started.status).toBe(200);
    expect(started.headers.get("cache-control")).toBe("no-store");
    const grouped = /<code class="secret" dir="ltr">([A-Z2-7]{4}(?: [A-Z2-7]{4}){7})<\/code>/.exec(
      started.html,
    )?.[1];
    expect(grouped).toBeTruthy();
    const secret = grouped!.replaceAll(" ", "");
    expect(started.html).toContain(`href="${urlOf(secret).replaceAll("&", "&amp;")}"`);
    expect(started.html).toContain('action="/me/2fa/confirm"');
    expect(started.html).toMatch(
      /<input[^>]*name="code"[^>]*inputmode="numeric"|<input[^>]*inputmode="numeric"[^>]*name="code"/,
    );
    expect(started.html).toContain('autocomplete="one-time-code"');
    expect(started.html).not.toContain("<script>");

    const wrong = await user.form("/me/2fa/confirm", { code: notACode(urlOf(secret)) });
    expect(wrong.status).toBe(400);
    expect(wrong.html).toContain(ar["err.code_wrong"]);
    expect(wrong.html).toContain('aria-invalid="true"');
    expect(wrong.html).toContain(grouped!); // the same key again, to try once more

    const on = await user.form("/me/2fa/confirm", { code: appCode(urlOf(secret)) });
    expect(on.status).toBe(200);
    expect(on.html).toContain(ar["me.2fa_on_notice"]);
    const codes = on.html.match(/\d{5}-\d{5}-\d{5}-\d{5}/g)!;
    expect(new Set(codes).size).toBe(10);
    expect(on.headers.get("cache-control")).toBe("no-store");
    // Shown once: the page afterwards offers turning it off, and no codes.
    const after = await user.page("/me/security");
    expect(after.html).not.toMatch(/\d{5}-\d{5}-\d{5}-\d{5}/);
    expect(after.html).toContain('action="/me/2fa/disable"');

    // The login form always has the optional code field; without a code the error is next to it.
    const phone = new Client();
    phone.lang = "ar";
    const form = await phone.page("/login");
    expect(form.html).toMatch(/<input[^>]*name="code"/);
    expect(form.html).toContain('autocomplete="one-time-code"');
    const noCode = await phone.form("/login", { email: user.email, password: PASSWORD });
    expect(noCode.status).toBe(401);
    expect(noCode.html).toContain('dir="rtl"');
    expect(noCode.html).toMatch(
      new RegExp(
        `<span class="error" id="code-error">${ar["err.code_needed"].replace(/[()]/g, "\\$&")}</span>`,
      ),
    );
    expect(noCode.html).toContain(`value="${user.email}"`);
    expect(noCode.html).not.toContain(PASSWORD);
    expect(phone.cookies.has("sanad_session")).toBe(false);
    const signedIn = await phone.form("/login", {
      email: user.email,
      password: PASSWORD,
      code: appCode(urlOf(secret), 1),
    });
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.get("location")).toBe("/me");
    expect((await phone.page("/me")).status).toBe(200);

    const badOff = await user.form("/me/2fa/disable", { code: "1" });
    expect(badOff.status).toBe(400);
    expect(badOff.html).toContain(ar["err.code_wrong"]);
    const off = await user.form("/me/2fa/disable", { code: codes[4] });
    expect(off.status).toBe(200);
    expect(off.html).toContain(ar["me.2fa_off_notice"]);
    expect(off.html).toContain('action="/me/2fa"');
  });

  test("members of hidden or funders-only groups are told to turn it on, on /me and /me/security; others are not", async () => {
    const hidden = await orgOwner({ ...csoFields, name: "Quiet circle", visibility: "hidden" });
    const fundersOnly = await orgOwner({ ...csoFields, name: "Careful circle", visibility: "funders_only" });
    const open = await orgOwner({ ...csoFields, name: "Open circle", visibility: "public" });
    for (const person of [hidden, fundersOnly]) {
      expect((await person.page("/me")).html).toContain(en["me.2fa_recommended"]);
      expect((await person.page("/me")).html).toContain('href="/me/security#two-step"');
      expect((await person.page("/me/security")).html).toContain(en["me.2fa_recommended"]);
    }
    expect((await open.page("/me")).html).not.toContain(en["me.2fa_recommended"]);
    expect((await open.page("/me/security")).html).not.toContain(en["me.2fa_recommended"]);
    await enrol(hidden);
    expect((await hidden.page("/me")).html).not.toContain(en["me.2fa_recommended"]);
    expect((await hidden.page("/me/security")).html).not.toContain(en["me.2fa_recommended"]);
  });
});

describe("admins and analysts need it in production", () => {
  const production = () => new Client(workerWith({ SANAD_ENV: "production" }));
  const signInTo = async (c: Client, email: string, code?: string) => {
    const res = await c.post(
      "/api/v1/auth/login",
      code ? { email, password: PASSWORD, code } : { email, password: PASSWORD },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("set-cookie")).toMatch(/Secure/);
    return c;
  };

  test("an admin without it signs in but reaches only the security page until it is on", async () => {
    const owner = await orgOwner({ ...csoFields, name: "Hidden from phished admins", visibility: "hidden" });
    const { email } = await userWithRole("admin");
    const admin = await signInTo(production(), email);

    const adminPage = await admin.page("/admin");
    expect(adminPage.status).toBe(403);
    expect(adminPage.html).toContain(en["err.two_factor_required"]);
    const hiddenOrg = await admin.get(`/api/v1/orgs/${owner.org.id}`);
    expect(hiddenOrg.status).toBe(403);
    expect(hiddenOrg.headers.get("content-type")).toContain("application/problem+json");
    expect(hiddenOrg.body.detail).toBe(en["err.two_factor_required"]);
    expect(JSON.stringify(hiddenOrg.body)).not.toContain("Hidden from phished admins");
    expect((await admin.get("/api/v1/orgs")).status).toBe(403);
    expect((await admin.page("/me")).status).toBe(403);

    const security = await admin.page("/me/security");
    expect(security.status).toBe(200);
    expect(security.html).toContain(en["me.2fa_required"]);
    expect((await admin.get("/api/v1/me")).status).toBe(200);

    // The login form takes them straight to where they can turn it on.
    const browser = production();
    const viaForm = await browser.form("/login", { email, password: PASSWORD });
    expect(viaForm.status).toBe(303);
    expect(viaForm.headers.get("location")).toBe("/me/security");

    const { otpauthUrl } = await enrol(admin);
    expect((await admin.page("/admin")).status).toBe(200);
    expect((await admin.get(`/api/v1/orgs/${owner.org.id}`)).status).toBe(200);
    expect((await browser.page("/admin")).status).toBe(200); // every session of the account, at once
    // And signing in from now on needs the code.
    expect((await production().post("/api/v1/auth/login", { email, password: PASSWORD })).status).toBe(401);
    await signInTo(production(), email, appCode(otpauthUrl, 1));
  });

  test("an analyst without it gets the explained 403 even on reports anyone may read; signing out still works", async () => {
    const { email } = await userWithRole("analyst");
    const analyst = await signInTo(production(), email);
    const report = await analyst.get("/api/v1/reports/equity");
    expect(report.status).toBe(403);
    expect(report.body.detail).toBe(en["err.two_factor_required"]);
    expect(
      (await new Client(workerWith({ SANAD_ENV: "production" })).get("/api/v1/reports/equity")).status,
    ).toBe(200); // anonymous: public figures
    expect((await analyst.post("/api/v1/auth/logout")).status).toBe(204);
    expect((await analyst.get("/api/v1/reports/equity")).status).toBe(200);
  });

  test("locally (development) the demo admin and analyst sign in with the password alone", async () => {
    const admin = await userWithRole("admin");
    expect((await admin.page("/admin")).status).toBe(200);
    const analyst = await userWithRole("analyst");
    expect((await analyst.get("/api/v1/reports/equity")).status).toBe(200);
    // Ordinary people are never required to have it, in production either.
    const person = await signUp();
    const prod = await signInTo(production(), person.email);
    expect((await prod.page("/me")).status).toBe(200);
  });
});
