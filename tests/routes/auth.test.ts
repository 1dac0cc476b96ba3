// Accounts over HTTP: signup, login, logout, me, throttling, tokens, sessions.
import { env } from "cloudflare:workers";
import { describe, expect, test } from "vitest";
import { Client } from "../helpers/client";
import { signUp, uniqueEmail, PASSWORD, latestMail, mailedToken } from "../helpers/world";

describe("signup, login, logout, me", () => {
  test("a new user signs up (202, no session yet), follows the mailed link, is signed in, logs out, logs back in", async () => {
    const client = new Client();
    const email = uniqueEmail();
    const signup = await client.post("/api/v1/auth/signup", {
      email,
      password: PASSWORD,
      name: "Amina",
      locale: "ar",
    });
    expect(signup.status).toBe(202);
    expect(signup.body).toEqual({ status: "verification_sent" });
    expect(signup.headers.get("set-cookie")).toBeNull();
    expect((await client.get("/api/v1/me")).status).toBe(401);
    // Not before the address is verified: a fresh link is mailed instead.
    const early = await client.post("/api/v1/auth/login", { email, password: PASSWORD });
    expect(early.status).toBe(403);
    expect(early.body.errors[0].path).toBe("email");

    const mail = await latestMail(email);
    expect(mail.kind).toBe("verify_email");
    expect(mail.subject).toBe((await import("../../worker/i18n/ar")).ar["mail.verify.subject"]); // in the user's language
    const verified = await client.post("/api/v1/auth/verify", { token: await mailedToken(email) });
    expect(verified.status).toBe(200);
    expect(verified.body.user).toMatchObject({ email, name: "Amina", locale: "ar", platformRole: "user" });
    const cookie = verified.headers.get("set-cookie")!;
    expect(cookie).toMatch(/sanad_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i); // plain-http localhost only

    const me = await client.get("/api/v1/me");
    expect(me.status).toBe(200);
    expect(me.body).toEqual({ user: verified.body.user, memberships: [], twoFactor: false });

    const logout = await client.post("/api/v1/auth/logout");
    expect(logout.status).toBe(204);
    // A shared phone keeps no offline draft answers after signing out.
    expect(logout.headers.get("clear-site-data")).toBe('"storage"');
    expect((await client.get("/api/v1/me")).status).toBe(401);

    const login = await client.post("/api/v1/auth/login", { email: email.toUpperCase(), password: PASSWORD });
    expect(login.status).toBe(200);
    expect((await client.get("/api/v1/me")).body.user.email).toBe(email);
  });

  test("cookies are Secure outside localhost", async () => {
    const { exports } = await import("cloudflare:workers");
    const email = uniqueEmail();
    const post = (path: string, body: unknown) =>
      (exports as any).default.fetch(
        new Request(`https://sanad.example${path}`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify(body),
        }),
      );
    expect((await post("/api/v1/auth/signup", { email, password: PASSWORD, name: "S" })).status).toBe(202);
    const token = await mailedToken(email);
    expect((await latestMail(email)).text).toContain("https://sanad.example/verify?token="); // links point where the person is
    const res = await post("/api/v1/auth/verify", { token });
    expect(res.status).toBe(200);
    expect(res.headers.get("set-cookie")).toMatch(/Secure/);
    expect(res.headers.get("strict-transport-security")).toMatch(/max-age=/);
  });

  test("signing up with a taken address answers exactly as for a new one; the owner is mailed, the account untouched", async () => {
    const first = await signUp({ name: "First Owner" });
    const again = await new Client().post("/api/v1/auth/signup", {
      email: first.email,
      password: "another password 123",
      name: "Again",
    });
    const fresh = await new Client().post("/api/v1/auth/signup", {
      email: uniqueEmail(),
      password: "another password 123",
      name: "Fresh",
    });
    expect([again.status, again.body]).toEqual([fresh.status, fresh.body]);
    expect(again.status).toBe(202);
    const mail = await latestMail(first.email);
    expect(mail.kind).toBe("account_exists");
    expect(mail.text).toContain("/reset?token=");
    // The existing account keeps its password and name.
    expect(
      (
        await new Client().post("/api/v1/auth/login", {
          email: first.email,
          password: "another password 123",
        })
      ).status,
    ).toBe(401);
    expect((await first.get("/api/v1/me")).body.user.name).toBe("First Owner");
  });

  test("parallel sign-ups with one e-mail create one account, and every answer is the same", async () => {
    const email = uniqueEmail();
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        new Client().post("/api/v1/auth/signup", { email, password: PASSWORD, name: "Race" }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(202));
    const row = await env.DB.prepare("SELECT count(*) AS n FROM users WHERE email = ?")
      .bind(email)
      .first<{ n: number }>();
    expect(row!.n).toBe(1);
  });

  test("a wrong password is 401 with the same answer as an unknown e-mail", async () => {
    const user = await signUp();
    const wrong = await new Client().post("/api/v1/auth/login", {
      email: user.email,
      password: "not the password at all",
    });
    const unknown = await new Client().post("/api/v1/auth/login", {
      email: uniqueEmail(),
      password: "not the password at all",
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.title).toBe(unknown.body.title);
    expect(wrong.body.errors).toEqual(unknown.body.errors);
  });

  test("the 6th failure within 15 minutes is 429 with Retry-After, even with the right password; the window ends", async () => {
    const user = await signUp();
    const attacker = new Client();
    for (let i = 0; i < 5; i++)
      expect(
        (await attacker.post("/api/v1/auth/login", { email: user.email, password: `wrong guess ${i}` }))
          .status,
      ).toBe(401);
    const sixth = await attacker.post("/api/v1/auth/login", { email: user.email, password: PASSWORD });
    expect(sixth.status).toBe(429);
    const retry = Number(sixth.headers.get("retry-after"));
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(15 * 60);

    // Not locked out forever: once the window has passed, the owner can log in again.
    await env.DB.prepare("UPDATE login_throttle SET window_start = ? WHERE email = ?")
      .bind(new Date(Date.now() - 16 * 60 * 1000).toISOString(), user.email)
      .run();
    expect(
      (await new Client().post("/api/v1/auth/login", { email: user.email, password: PASSWORD })).status,
    ).toBe(200);
  });

  test("malformed JSON and missing fields are 400 problems naming the fields", async () => {
    const c = new Client();
    const bad = await c.json("POST", "/api/v1/auth/signup", "{not json", {
      "Content-Type": "application/json",
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get("content-type")).toMatch(/problem\+json/);
    expect(bad.body.errors[0].path).toBe("body");

    const missing = await c.post("/api/v1/auth/signup", { email: "not-an-email" });
    expect(missing.status).toBe(400);
    const paths = missing.body.errors.map((e: { path: string }) => e.path).sort();
    expect(paths).toEqual(["email", "name", "password"]);

    const short = await c.post("/api/v1/auth/signup", { email: uniqueEmail(), password: "short", name: "X" });
    expect(short.body.errors).toEqual([
      { path: "password", message: "The password must be at least 10 characters long." },
    ]);

    const common = await c.post("/api/v1/auth/signup", {
      email: uniqueEmail(),
      password: "password123",
      name: "X",
    });
    expect(common.status).toBe(400);
    expect(common.body.errors[0].path).toBe("password");
  });

  test("error messages follow the caller's language", async () => {
    const c = new Client();
    c.lang = "fr";
    const res = await c.post("/api/v1/auth/signup", { email: uniqueEmail(), password: "short", name: "X" });
    expect(res.body.errors[0].message).toBe((await import("../../worker/i18n/fr")).fr["err.password_short"]);
  });

  test("the session id rotates at login and the old one stops working", async () => {
    const user = await signUp();
    const before = user.cookies.get("sanad_session");
    const stolen = new Client();
    stolen.cookies.set("sanad_session", before!);
    expect((await stolen.get("/api/v1/me")).status).toBe(200);

    expect((await user.post("/api/v1/auth/login", { email: user.email, password: PASSWORD })).status).toBe(
      200,
    );
    const after = user.cookies.get("sanad_session");
    expect(after).toBeTruthy();
    expect(after).not.toBe(before);
    expect((await user.get("/api/v1/me")).status).toBe(200);
    expect((await stolen.get("/api/v1/me")).status).toBe(401);
  });

  test("session ids carry at least 128 bits and only their hash is stored", async () => {
    const user = await signUp();
    const secret = user.cookies.get("sanad_session")!;
    expect(secret.length).toBeGreaterThanOrEqual(22);
    const row = await env.DB.prepare("SELECT count(*) AS n FROM sessions WHERE id_hash = ?")
      .bind(secret)
      .first<{ n: number }>();
    expect(row!.n).toBe(0);
  });

  test("an idle session expires", async () => {
    const user = await signUp();
    await env.DB.prepare("UPDATE sessions SET last_seen_at = ?")
      .bind(new Date(Date.now() - 8 * 24 * 3600 * 1000).toISOString())
      .run();
    expect((await user.get("/api/v1/me")).status).toBe(401);
  });
});

describe("personal API tokens", () => {
  test("a token is shown once, stored hashed, usable as Bearer, and revocable", async () => {
    const user = await signUp();
    const created = await user.post("/api/v1/tokens", { name: "reporting script" });
    expect(created.status).toBe(201);
    const token = created.body.token as string;
    expect(token).toMatch(/^sanad_/);

    const stored = await env.DB.prepare("SELECT token_hash FROM api_tokens WHERE id = ?")
      .bind(created.body.id)
      .first<{ token_hash: string }>();
    expect(stored!.token_hash).not.toContain(token);
    expect(stored!.token_hash).toMatch(/^[0-9a-f]{64}$/);

    const script = new Client();
    script.token = token;
    const me = await script.get("/api/v1/me");
    expect(me.status).toBe(200);
    expect(me.body.user.email).toBe(user.email);

    const list = await user.get("/api/v1/tokens");
    expect(list.body.items).toEqual([
      expect.objectContaining({ id: created.body.id, name: "reporting script" }),
    ]);
    expect(JSON.stringify(list.body)).not.toContain(token);

    expect((await user.json("DELETE", `/api/v1/tokens/${created.body.id}`)).status).toBe(204);
    expect((await script.get("/api/v1/me")).status).toBe(401);
  });

  test("a wrong bearer token is 401, and tokens need a signed-in user to create", async () => {
    const c = new Client();
    c.token = "sanad_nope";
    expect((await c.get("/api/v1/me")).status).toBe(401);
    expect((await new Client().post("/api/v1/tokens", { name: "x" })).status).toBe(401);
  });
});
