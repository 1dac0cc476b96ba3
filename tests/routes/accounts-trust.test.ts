// Accounts people in closed civic spaces can rely on: mail that really goes out (outbox → Queue →
// send_email), sign-up that reveals nothing, verified addresses, a way back in (reset) and out (change,
// sessions), atomic login throttling, and the development mail viewer.
import { env } from "cloudflare:workers";
import { describe, expect, test } from "vitest";
import { Client, workerWith } from "../helpers/client";
import {
  signUp,
  uniqueEmail,
  PASSWORD,
  latestMail,
  mailedToken,
  orgOwner,
  csoFields,
} from "../helpers/world";
import { createDb } from "../../worker/db/client";
import { outboxInsert } from "../../worker/db/outbox";
import { deliverOne } from "../../worker/mail/delivery";
import { newMail } from "../../worker/mail/compose";

const mailsTo = async (email: string) =>
  (await new Client().get(`/api/v1/dev/mail?to=${encodeURIComponent(email)}`)).body.items as {
    kind: string;
    sentAt: string | null;
    subject: string;
    text: string;
  }[];

describe("mail goes out through the queue and the Email Service binding", () => {
  test("a sign-up's mail is written to the outbox and sent by the queue consumer, once", async () => {
    const email = uniqueEmail("queued");
    await new Client().post("/api/v1/auth/signup", { email, password: PASSWORD, name: "Queued" });
    let sentAt: string | null = null;
    for (let i = 0; i < 60 && !sentAt; i++) {
      await new Promise((r) => setTimeout(r, 200));
      sentAt = (await latestMail(email)).sentAt;
    }
    expect(sentAt).not.toBeNull();
    const row = await env.DB.prepare("SELECT attempts, sent_at FROM outbox WHERE to_email = ?")
      .bind(email)
      .first<{ attempts: number; sent_at: string }>();
    expect(row!.attempts).toBe(1);
  });

  test("a failed send releases the mail for the retry; a second delivery of a sent mail sends nothing", async () => {
    const db = createDb(env.DB);
    const mail = newMail("password_changed", uniqueEmail("retry"), "fr", {
      name: "Awa",
      link: "http://localhost/forgot",
    });
    await outboxInsert(db, mail);
    const down = {
      email: {
        send: async () => {
          throw new Error("provider down");
        },
      } as unknown as SendEmail,
      from: "no-reply@sanad.example",
    };
    await expect(deliverOne(db, down, mail.id)).rejects.toThrow("provider down");
    const failed = await env.DB.prepare(
      "SELECT sent_at, claimed_at, attempts, last_error FROM outbox WHERE id = ?",
    )
      .bind(mail.id)
      .first();
    expect(failed).toMatchObject({
      sent_at: null,
      claimed_at: null,
      attempts: 1,
      last_error: "provider down",
    });
    let sends = 0;
    const up = {
      email: {
        send: async (m: unknown) => {
          sends++;
          return (env as unknown as { EMAIL: SendEmail }).EMAIL.send(m as never);
        },
      } as unknown as SendEmail,
      from: "no-reply@sanad.example",
    };
    await deliverOne(db, up, mail.id);
    await deliverOne(db, up, mail.id);
    expect(sends).toBe(1);
    expect(
      (await env.DB.prepare("SELECT sent_at FROM outbox WHERE id = ?")
        .bind(mail.id)
        .first<{ sent_at: string }>())!.sent_at,
    ).toBeTruthy();
  });

  test("the cron queues mail that lost its queue message, and deletes sent mail after 30 days", async () => {
    const db = createDb(env.DB);
    const lost = newMail("password_changed", uniqueEmail("lost"), "en", {
      name: "Lost",
      link: "http://localhost/forgot",
    });
    const old = newMail("password_changed", uniqueEmail("old"), "en", {
      name: "Old",
      link: "http://localhost/forgot",
    });
    await outboxInsert(db, lost);
    await outboxInsert(db, old);
    await env.DB.prepare("UPDATE outbox SET created_at = ? WHERE id = ?")
      .bind(new Date(Date.now() - 20 * 60_000).toISOString(), lost.id)
      .run();
    await env.DB.prepare("UPDATE outbox SET created_at = ?, sent_at = ? WHERE id = ?")
      .bind(
        new Date(Date.now() - 40 * 86_400_000).toISOString(),
        new Date(Date.now() - 31 * 86_400_000).toISOString(),
        old.id,
      )
      .run();
    const { exports } = await import("cloudflare:workers");
    await (
      exports as unknown as {
        default: { scheduled: (c: { scheduledTime: number; cron: string }) => Promise<void> };
      }
    ).default.scheduled({ scheduledTime: Date.now(), cron: "*/15 * * * *" });
    expect(await env.DB.prepare("SELECT id FROM outbox WHERE id = ?").bind(old.id).first()).toBeNull();
    let sent: string | null = null;
    for (let i = 0; i < 60 && !sent; i++) {
      await new Promise((r) => setTimeout(r, 200));
      sent = (await env.DB.prepare("SELECT sent_at FROM outbox WHERE id = ?")
        .bind(lost.id)
        .first<{ sent_at: string | null }>())!.sent_at;
    }
    expect(sent).not.toBeNull();
  });

  test("mail is in the recipient's language, and no subject or body names an organisation", async () => {
    const owner = await orgOwner({ ...csoFields, name: "Cercle Discret de Minya", visibility: "hidden" });
    const invitee = uniqueEmail("invitee");
    await owner.post(`/api/v1/orgs/${owner.org.id}/members`, { email: invitee, role: "member" });
    const invitation = await latestMail(invitee);
    expect(invitation.kind).toBe("invitation");
    expect(invitation.text).toContain("/login?next=/me");
    const fr = uniqueEmail("fr");
    await new Client().post("/api/v1/auth/signup", {
      email: fr,
      password: PASSWORD,
      name: "Awa",
      locale: "fr",
    });
    expect((await latestMail(fr)).subject).toBe(
      (await import("../../worker/i18n/fr")).fr["mail.verify.subject"],
    );
    const all = (await new Client().get("/api/v1/dev/mail")).body.items as {
      to: string;
      subject: string;
      text: string;
    }[];
    for (const m of all) {
      expect(m.subject).not.toContain("Cercle Discret");
      expect(m.text).not.toContain("Cercle Discret");
    }
  });

  test("an address cannot be flooded through the sign-up form: at most 5 mails an hour", async () => {
    const victim = await signUp();
    for (let i = 0; i < 8; i++)
      expect(
        (
          await new Client().post("/api/v1/auth/signup", {
            email: victim.email,
            password: PASSWORD,
            name: "Flood",
          })
        ).status,
      ).toBe(202);
    expect((await mailsTo(victim.email)).length).toBe(5); // the sign-up's own verification mail + 4
  });

  test("the mail viewer exists only in development", async () => {
    expect((await new Client().get("/api/v1/dev/mail")).status).toBe(200);
    expect((await new Client().page("/dev/mail")).status).toBe(200);
    const prod = new Client(workerWith({ SANAD_ENV: "production" }));
    const api = await prod.get("/api/v1/dev/mail");
    expect(api.status).toBe(404);
    expect(api.headers.get("content-type")).toContain("application/problem+json");
    expect((await prod.page("/dev/mail")).status).toBe(404);
  });
});

describe("sign-up and verification", () => {
  test("a verification link works once, and not after 24 hours", async () => {
    const email = uniqueEmail();
    await new Client().post("/api/v1/auth/signup", { email, password: PASSWORD, name: "Once" });
    const token = await mailedToken(email);
    expect((await new Client().post("/api/v1/auth/verify", { token })).status).toBe(200);
    const again = await new Client().post("/api/v1/auth/verify", { token });
    expect(again.status).toBe(400);
    expect(again.body.errors[0].path).toBe("token");

    const late = uniqueEmail();
    await new Client().post("/api/v1/auth/signup", { email: late, password: PASSWORD, name: "Late" });
    const lateToken = await mailedToken(late);
    await env.DB.prepare(
      "UPDATE email_tokens SET expires_at = ? WHERE user_id = (SELECT id FROM users WHERE email = ?)",
    )
      .bind(new Date(Date.now() - 1000).toISOString(), late)
      .run();
    expect((await new Client().post("/api/v1/auth/verify", { token: lateToken })).status).toBe(400);
    expect(
      (await new Client().post("/api/v1/auth/verify", { token: "not a token" })).body.errors[0].path,
    ).toBe("token");
  });

  test("whoever signs up first with an invited address gains nothing: no sign-in, no invitation, and the real owner takes the account back by mail", async () => {
    const owner = await orgOwner({ ...csoFields, name: "Hidden circle", visibility: "hidden" });
    const victim = uniqueEmail("activist");
    await owner.post(`/api/v1/orgs/${owner.org.id}/members`, { email: victim, role: "member" });
    // The squatter registers the victim's address with their own password: the address is never verified.
    const squatter = new Client();
    expect(
      (
        await squatter.post("/api/v1/auth/signup", {
          email: victim,
          password: "squatter password 99",
          name: "Squatter",
        })
      ).status,
    ).toBe(202);
    const tried = await squatter.post("/api/v1/auth/login", {
      email: victim,
      password: "squatter password 99",
    });
    expect(tried.status).toBe(403);
    expect((await squatter.get("/api/v1/invitations")).status).toBe(401);
    expect(JSON.stringify(tried.body)).not.toContain("Hidden circle");

    // The activist signs up too: the answer is the same, and their mailbox gets the way in.
    const activist = new Client();
    expect(
      (await activist.post("/api/v1/auth/signup", { email: victim, password: PASSWORD, name: "Activist" }))
        .status,
    ).toBe(202);
    expect((await latestMail(victim)).kind).toBe("account_exists");
    expect(
      (
        await activist.post("/api/v1/auth/password-reset/confirm", {
          token: await mailedToken(victim, "/reset"),
          password: PASSWORD,
        })
      ).status,
    ).toBe(200);
    expect((await activist.post("/api/v1/auth/login", { email: victim, password: PASSWORD })).status).toBe(
      200,
    );
    expect(
      (await new Client().post("/api/v1/auth/login", { email: victim, password: "squatter password 99" }))
        .status,
    ).toBe(401);
    const invitations = (await activist.get("/api/v1/invitations")).body.items as { orgId: string }[];
    expect(invitations.map((i) => i.orgId)).toEqual([owner.org.id]);
  });

  test("the HTML forms: sign up → check your e-mail → the link's page → confirm → signed in, in Arabic too", async () => {
    const c = new Client();
    c.lang = "ar";
    const email = uniqueEmail("html");
    const res = await c.form("/signup", { name: "Nour", email, password: PASSWORD, locale: "ar" });
    expect(res.status).toBe(202);
    expect(res.html).toContain('dir="rtl"');
    expect(res.html).toContain(email);
    expect(c.cookies.has("sanad_session")).toBe(false);
    const token = await mailedToken(email);
    const page = await c.page(`/verify?token=${token}`);
    expect(page.html).toContain('action="/verify"');
    expect((await c.page(`/verify?token=${token}`)).status).toBe(200); // viewing the page uses nothing up
    const done = await c.form("/verify", { token });
    expect(done.status).toBe(303);
    expect(done.headers.get("location")).toBe("/me");
    expect((await c.page("/me")).status).toBe(200);
    expect((await new Client().form("/verify", { token })).status).toBe(400);
  });
});

describe("a way back in and a way out", () => {
  test("password reset: the same answer for any address; the link works once and ends every session", async () => {
    const user = await signUp();
    const other = new Client();
    await other.post("/api/v1/auth/login", { email: user.email, password: PASSWORD });
    const known = await new Client().post("/api/v1/auth/password-reset", { email: user.email });
    const unknown = await new Client().post("/api/v1/auth/password-reset", { email: uniqueEmail("nobody") });
    expect([known.status, known.body]).toEqual([unknown.status, unknown.body]);
    expect(known.status).toBe(202);
    const token = await mailedToken(user.email, "/reset");
    const weak = await new Client().post("/api/v1/auth/password-reset/confirm", { token, password: "short" });
    expect(weak.body.errors[0].path).toBe("password");
    // A refused password did not use the link up? It did: links are single use, whatever follows.
    await new Client().post("/api/v1/auth/password-reset", { email: user.email });
    const fresh = await mailedToken(user.email, "/reset");
    expect(
      (
        await new Client().post("/api/v1/auth/password-reset/confirm", {
          token: fresh,
          password: "a brand new passphrase",
        })
      ).status,
    ).toBe(200);
    expect((await user.get("/api/v1/me")).status).toBe(401);
    expect((await other.get("/api/v1/me")).status).toBe(401);
    expect(
      (
        await new Client().post("/api/v1/auth/password-reset/confirm", {
          token: fresh,
          password: "yet another passphrase",
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await new Client().post("/api/v1/auth/login", {
          email: user.email,
          password: "a brand new passphrase",
        })
      ).status,
    ).toBe(200);
  });

  test("the reset link expires after 30 minutes, and only the newest one works", async () => {
    const user = await signUp();
    await new Client().post("/api/v1/auth/password-reset", { email: user.email });
    const first = await mailedToken(user.email, "/reset");
    await new Client().post("/api/v1/auth/password-reset", { email: user.email });
    const second = await mailedToken(user.email, "/reset");
    expect(
      (
        await new Client().post("/api/v1/auth/password-reset/confirm", {
          token: first,
          password: "a brand new passphrase",
        })
      ).status,
    ).toBe(400);
    await env.DB.prepare("UPDATE email_tokens SET expires_at = ? WHERE used_at IS NULL AND user_id = ?")
      .bind(new Date(Date.now() - 1000).toISOString(), user.userId)
      .run();
    expect(
      (
        await new Client().post("/api/v1/auth/password-reset/confirm", {
          token: second,
          password: "a brand new passphrase",
        })
      ).status,
    ).toBe(400);
  });

  test("changing the password needs the current one, ends the other sessions, keeps this one, and mails the owner", async () => {
    const user = await signUp();
    const phone = new Client();
    await phone.post("/api/v1/auth/login", { email: user.email, password: PASSWORD });
    const wrong = await user.post("/api/v1/me/password", {
      current: "not my password",
      password: "a brand new passphrase",
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0].path).toBe("current");
    expect(
      (await user.post("/api/v1/me/password", { current: PASSWORD, password: "a brand new passphrase" }))
        .status,
    ).toBe(200);
    expect((await user.get("/api/v1/me")).status).toBe(200);
    expect((await phone.get("/api/v1/me")).status).toBe(401);
    expect((await latestMail(user.email)).kind).toBe("password_changed");
    expect(
      (await new Client().post("/api/v1/auth/login", { email: user.email, password: PASSWORD })).status,
    ).toBe(401);
  });

  test("sessions: listed with the current one marked; one signed out, or all the others; nobody else's", async () => {
    const user = await signUp();
    const phone = new Client();
    await phone.fetch("/api/v1/auth/login", {
      method: "POST",
      headers: { "Content-Type": "application/json", "User-Agent": "Cheap phone browser" },
      body: JSON.stringify({ email: user.email, password: PASSWORD }),
    });
    const laptop = new Client();
    await laptop.post("/api/v1/auth/login", { email: user.email, password: PASSWORD });
    const list = (await user.get("/api/v1/me/sessions")).body.items as {
      id: string;
      current: boolean;
      userAgent: string | null;
    }[];
    expect(list).toHaveLength(3);
    expect(list.filter((s) => s.current)).toHaveLength(1);
    expect(JSON.stringify(list)).not.toContain(user.cookies.get("sanad_session"));
    const phoneSession = list.find((s) => s.userAgent === "Cheap phone browser")!;
    const stranger = await signUp();
    expect((await stranger.json("DELETE", `/api/v1/me/sessions/${phoneSession.id}`)).status).toBe(404);
    expect((await user.json("DELETE", `/api/v1/me/sessions/${phoneSession.id}`)).status).toBe(204);
    expect((await phone.get("/api/v1/me")).status).toBe(401);
    expect((await laptop.get("/api/v1/me")).status).toBe(200);
    expect((await user.json("DELETE", "/api/v1/me/sessions")).status).toBe(204);
    expect((await laptop.get("/api/v1/me")).status).toBe(401);
    expect((await user.get("/api/v1/me")).status).toBe(200);
    // The same from the page, without JavaScript.
    const page = await user.page("/me/security");
    expect(page.html).toContain('action="/me/password"');
  });

  test("ten parallel guesses get five tries, not ten (the attempt is counted before the password is checked)", async () => {
    const user = await signUp();
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        new Client().post("/api/v1/auth/login", { email: user.email, password: `wrong guess ${i}` }),
      ),
    );
    expect(results.filter((r) => r.status === 401).length).toBeLessThanOrEqual(5);
    expect(results.filter((r) => r.status === 429).length).toBeGreaterThanOrEqual(5);
    expect(
      (await new Client().post("/api/v1/auth/login", { email: user.email, password: PASSWORD })).status,
    ).toBe(429);
  });
});

describe("per-client limits (Workers Rate Limiting)", () => {
  test("a flood of log-in or sign-up posts from one connection gets 429 with Retry-After; other people are not affected", async () => {
    const flooder = new Client();
    const results = await Promise.all(
      Array.from({ length: 62 }, (_, i) =>
        flooder.post("/api/v1/auth/login", {
          email: `nobody-${i}-${crypto.randomUUID()}@example.org`,
          password: "not the password",
        }),
      ),
    );
    const limited = results.filter((r) => r.status === 429);
    expect(limited.length).toBeGreaterThan(0); // 30 a minute: 62 cannot all fit, even across a minute's edge
    expect(limited[0].headers.get("retry-after")).toBe("60");
    expect(limited[0].headers.get("content-type")).toContain("application/problem+json");
    expect(limited[0].body.detail).toMatch(/Too many requests/);
    expect(results.every((r) => r.status === 401 || r.status === 429)).toBe(true);
    // The HTML form from the same connection is limited too; someone else signs up as usual.
    const form = await flooder.form("/signup", { name: "X", email: uniqueEmail(), password: PASSWORD });
    expect([202, 429]).toContain(form.status);
    expect(
      (
        await new Client().post("/api/v1/auth/signup", {
          email: uniqueEmail(),
          password: PASSWORD,
          name: "Neighbour",
        })
      ).status,
    ).toBe(202);
  });

  test("the reports and exports anyone may ask for are limited per connection", async () => {
    const scraper = new Client();
    const statuses: number[] = [];
    for (let i = 0; i < 122 && !statuses.includes(429); i++)
      statuses.push(
        (await scraper.fetch(i % 2 ? "/api/v1/reports/equity" : "/api/v1/exports/360giving.json?limit=1"))
          .status,
      );
    expect(statuses).toContain(429);
    expect(statuses.filter((s) => s !== 200 && s !== 429)).toEqual([]);
    expect((await new Client().fetch("/api/v1/reports/equity")).status).toBe(200);
  });
});
