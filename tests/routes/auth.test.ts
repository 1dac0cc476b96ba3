// Accounts over HTTP: signup, login, logout, me, throttling, tokens, sessions.
import { env } from "cloudflare:workers";
import { describe, expect, test } from "vitest";
import { Client } from "../helpers/client";
import { signUp, uniqueEmail, PASSWORD } from "../helpers/world";

describe("signup, login, logout, me", () => {
  test("a new user signs up, is signed in, logs out, logs back in", async () => {
    const client = new Client();
    const email = uniqueEmail();
    const signup = await client.post("/api/v1/auth/signup", { email, password: PASSWORD, name: "Amina", locale: "ar" });
    expect(signup.status).toBe(201);
    expect(signup.body.user).toMatchObject({ email, name: "Amina", locale: "ar", platformRole: "user" });
    const cookie = signup.headers.get("set-cookie")!;
    expect(cookie).toMatch(/sanad_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i); // plain-http localhost only

    const me = await client.get("/api/v1/me");
    expect(me.status).toBe(200);
    expect(me.body).toEqual({ user: signup.body.user, memberships: [] });

    expect((await client.post("/api/v1/auth/logout")).status).toBe(204);
    expect((await client.get("/api/v1/me")).status).toBe(401);

    const login = await client.post("/api/v1/auth/login", { email: email.toUpperCase(), password: PASSWORD });
    expect(login.status).toBe(200);
    expect((await client.get("/api/v1/me")).body.user.email).toBe(email);
  });

  test("cookies are Secure outside localhost", async () => {
    const { exports } = await import("cloudflare:workers");
    const res = await (exports as any).default.fetch(
      new Request("https://sanad.example/api/v1/auth/signup", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ email: uniqueEmail(), password: PASSWORD, name: "S" }) }),
    );
    expect(res.status).toBe(201);
    expect(res.headers.get("set-cookie")).toMatch(/Secure/);
    expect(res.headers.get("strict-transport-security")).toMatch(/max-age=/);
  });

  test("a duplicate e-mail is 409 naming the field", async () => {
    const first = await signUp();
    const res = await new Client().post("/api/v1/auth/signup", { email: first.email, password: PASSWORD, name: "Again" });
    expect(res.status).toBe(409);
    expect(res.headers.get("content-type")).toMatch(/application\/problem\+json/);
    expect(res.body.errors).toEqual([{ path: "email", message: expect.any(String) }]);
  });

  test("parallel sign-ups with one e-mail create one account", async () => {
    const email = uniqueEmail();
    const results = await Promise.all(Array.from({ length: 10 }, () => new Client().post("/api/v1/auth/signup", { email, password: PASSWORD, name: "Race" })));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(9);
    const row = await env.DB.prepare("SELECT count(*) AS n FROM users WHERE email = ?").bind(email).first<{ n: number }>();
    expect(row!.n).toBe(1);
  });

  test("a wrong password is 401 with the same answer as an unknown e-mail", async () => {
    const user = await signUp();
    const wrong = await new Client().post("/api/v1/auth/login", { email: user.email, password: "not the password at all" });
    const unknown = await new Client().post("/api/v1/auth/login", { email: uniqueEmail(), password: "not the password at all" });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.title).toBe(unknown.body.title);
    expect(wrong.body.errors).toEqual(unknown.body.errors);
  });

  test("the 6th failure within 15 minutes is 429 with Retry-After, even with the right password; the window ends", async () => {
    const user = await signUp();
    const attacker = new Client();
    for (let i = 0; i < 5; i++) expect((await attacker.post("/api/v1/auth/login", { email: user.email, password: `wrong guess ${i}` })).status).toBe(401);
    const sixth = await attacker.post("/api/v1/auth/login", { email: user.email, password: PASSWORD });
    expect(sixth.status).toBe(429);
    const retry = Number(sixth.headers.get("retry-after"));
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(15 * 60);

    // Not locked out forever: once the window has passed, the owner can log in again.
    await env.DB.prepare("UPDATE login_throttle SET window_start = ? WHERE email = ?").bind(new Date(Date.now() - 16 * 60 * 1000).toISOString(), user.email).run();
    expect((await new Client().post("/api/v1/auth/login", { email: user.email, password: PASSWORD })).status).toBe(200);
  });

  test("malformed JSON and missing fields are 400 problems naming the fields", async () => {
    const c = new Client();
    const bad = await c.json("POST", "/api/v1/auth/signup", "{not json", { "Content-Type": "application/json" });
    expect(bad.status).toBe(400);
    expect(bad.headers.get("content-type")).toMatch(/problem\+json/);
    expect(bad.body.errors[0].path).toBe("body");

    const missing = await c.post("/api/v1/auth/signup", { email: "not-an-email" });
    expect(missing.status).toBe(400);
    const paths = missing.body.errors.map((e: { path: string }) => e.path).sort();
    expect(paths).toEqual(["email", "name", "password"]);

    const short = await c.post("/api/v1/auth/signup", { email: uniqueEmail(), password: "short", name: "X" });
    expect(short.body.errors).toEqual([{ path: "password", message: "The password must be at least 10 characters long." }]);

    const common = await c.post("/api/v1/auth/signup", { email: uniqueEmail(), password: "password123", name: "X" });
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

    expect((await user.post("/api/v1/auth/login", { email: user.email, password: PASSWORD })).status).toBe(200);
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
    const row = await env.DB.prepare("SELECT count(*) AS n FROM sessions WHERE id_hash = ?").bind(secret).first<{ n: number }>();
    expect(row!.n).toBe(0);
  });

  test("an idle session expires", async () => {
    const user = await signUp();
    await env.DB.prepare("UPDATE sessions SET last_seen_at = ?").bind(new Date(Date.now() - 8 * 24 * 3600 * 1000).toISOString()).run();
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

    const stored = await env.DB.prepare("SELECT token_hash FROM api_tokens WHERE id = ?").bind(created.body.id).first<{ token_hash: string }>();
    expect(stored!.token_hash).not.toContain(token);
    expect(stored!.token_hash).toMatch(/^[0-9a-f]{64}$/);

    const script = new Client();
    script.token = token;
    const me = await script.get("/api/v1/me");
    expect(me.status).toBe(200);
    expect(me.body.user.email).toBe(user.email);

    const list = await user.get("/api/v1/tokens");
    expect(list.body.items).toEqual([expect.objectContaining({ id: created.body.id, name: "reporting script" })]);
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
