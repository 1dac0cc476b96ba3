// Anonymous community feedback to a funded group: anyone who may see the group sends it, nothing about
// the sender is stored, only its owners read it, hidden groups stay hidden, and each address may send a
// few a minute. The HTML form works without JavaScript, in every language.
import { env } from "cloudflare:workers";
import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { Client, ORIGIN, refusal } from "../helpers/client";
import { signUp, userWithRole, orgOwner, csoFields, funderFields, addMember } from "../helpers/world";
import { awardedGroup, pledgedGroup } from "../helpers/feedback";

const rowsOf = async (orgId: string) =>
  (
    await env.DB.prepare("SELECT * FROM org_feedback WHERE org_id = ? ORDER BY rowid")
      .bind(orgId)
      .all<Record<string, unknown>>()
  ).results;
const count = async (table: string) =>
  (await env.DB.prepare(`SELECT count(*) AS n FROM ${table}`).first<{ n: number }>())!.n;

describe("sending feedback (POST /api/v1/orgs/:id/feedback)", () => {
  test("anyone sends a funded group a message; the row holds the text and the day, nothing about the sender", async () => {
    const { cso } = await awardedGroup();
    const stranger = await signUp({ name: "Fatou Stranger" });
    const auditBefore = await count("audit_log");

    const anon = await new Client().post(`/api/v1/orgs/${cso.org.id}/feedback`, {
      text: "The literacy circle taught my mother to read.",
    });
    expect(anon.status).toBe(202);
    expect(anon.body).toEqual({ status: "received" });
    const signedIn = await stranger.post(`/api/v1/orgs/${cso.org.id}/feedback`, {
      text: "  Please hold the meetings after the harvest.  ",
    });
    expect(signedIn.status).toBe(202);

    const rows = await rowsOf(cso.org.id);
    expect(rows).toHaveLength(2);
    // The table has no column for a sender, and nothing about the signed-in sender is in the row.
    expect(Object.keys(rows[0]).sort()).toEqual(["created_at", "id", "org_id", "text"]);
    expect(rows[1].text).toBe("Please hold the meetings after the harvest.");
    for (const row of rows) {
      expect(row.created_at).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const stored = JSON.stringify(row);
      for (const trace of [stranger.userId, stranger.email, "Fatou", stranger.ip])
        expect(stored).not.toContain(trace);
    }
    // Not audited either: an audit entry would name the account that sent it.
    expect(await count("audit_log")).toBe(auditBefore);
  });

  test("control characters and bidirectional overrides are removed before the length is checked", async () => {
    const { cso } = await awardedGroup();
    const res = await new Client().post(`/api/v1/orgs/${cso.org.id}/feedback`, {
      text: "\u0000 Shukran\u0007 \u202Eli-l-jamiʿa\u202C\r\nسند \u200F! \u2066ok\u2069\u009B ",
    });
    expect(res.status).toBe(202);
    expect((await rowsOf(cso.org.id))[0].text).toBe("Shukran li-l-jamiʿa\nسند \u200F! ok");

    const onlyControls = await new Client().post(`/api/v1/orgs/${cso.org.id}/feedback`, {
      text: "\u0000\u0001\u202E \u0008",
    });
    expect(onlyControls.status).toBe(400);
    expect(onlyControls.body.errors).toEqual([{ path: "text", message: expect.any(String) }]);
  });

  test("bad input is a problem naming the field, and nothing is stored", async () => {
    const { cso } = await awardedGroup();
    const url = `/api/v1/orgs/${cso.org.id}/feedback`;
    // A fresh connection each time: refused posts count against the per-address limit too.
    for (const [body, path] of [
      [{ text: "" }, "text"],
      [{ text: "   " }, "text"],
      [{ text: "x".repeat(1001) }, "text"],
      [{ text: 42 }, "text"],
      [{}, "text"],
      [{ text: "Fine.", from: "me" }, "from"],
    ] as const) {
      const res = await new Client().post(url, body);
      expect(res.status, JSON.stringify(body).slice(0, 40)).toBe(400);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    expect((await new Client().json("POST", url, "{not json")).status).toBe(400);
    expect(
      (
        await new Client().fetch(url, {
          method: "POST",
          headers: { "Content-Type": "text/plain", Origin: ORIGIN },
          body: "hello",
        })
      ).status,
    ).toBe(415);
    expect((await new Client().post(url, { text: "x".repeat(1000) })).status).toBe(202);
    expect(await rowsOf(cso.org.id)).toHaveLength(1);
  });

  test("only funded groups: an award or a paid pledge counts, a pledge with nothing paid does not (422)", async () => {
    const funder = await orgOwner(funderFields);
    const paid = await pledgedGroup(funder);
    expect(
      (await new Client().post(`/api/v1/orgs/${paid.org.id}/feedback`, { text: "Thanks!" })).status,
    ).toBe(202);
    const unpaid = await pledgedGroup(funder, { paid: false });
    const refused = await new Client().post(`/api/v1/orgs/${unpaid.org.id}/feedback`, { text: "Thanks!" });
    expect(refused.status).toBe(422);
    expect(refused.body.detail).toMatch(/received funding/);
    expect(refused.body.errors).toEqual([{ path: "id", message: refused.body.detail }]);
    const unfunded = await orgOwner(csoFields);
    expect(
      (await new Client().post(`/api/v1/orgs/${unfunded.org.id}/feedback`, { text: "Thanks!" })).status,
    ).toBe(422);
    expect(await rowsOf(unpaid.org.id)).toEqual([]);
  });

  test("a hidden group answers 404 to whoever may not see it, exactly as an id that does not exist", async () => {
    const { cso } = await awardedGroup({ visibility: "hidden" });
    const stranger = await signUp();
    const verifiedFunder = await orgOwner(funderFields);
    const text = { text: "Are you still running the clinic?" };
    const unknown = await new Client().post("/api/v1/orgs/no-such-group/feedback", text);
    expect(unknown.status).toBe(404);
    for (const who of [new Client(), stranger, verifiedFunder]) {
      const res = await who.post(`/api/v1/orgs/${cso.org.id}/feedback`, text);
      expect(res.status).toBe(404);
      expect(refusal(res.body)).toEqual(refusal(unknown.body));
    }
    expect(await rowsOf(cso.org.id)).toEqual([]);
    // Its own members may see it, so they may write to it.
    expect((await cso.post(`/api/v1/orgs/${cso.org.id}/feedback`, text)).status).toBe(202);
  });

  test("a funders-only group takes feedback from verified funders' members, not from the public", async () => {
    const { cso } = await awardedGroup({ visibility: "funders_only" });
    const text = { text: "Your report on the floods helped us." };
    expect((await new Client().post(`/api/v1/orgs/${cso.org.id}/feedback`, text)).status).toBe(404);
    expect((await (await signUp()).post(`/api/v1/orgs/${cso.org.id}/feedback`, text)).status).toBe(404);
    const funder = await orgOwner(funderFields);
    expect((await funder.post(`/api/v1/orgs/${cso.org.id}/feedback`, text)).status).toBe(202);
  });

  test("each address may send a few a minute: then 429 with Retry-After, and other people are not affected", async () => {
    const { cso } = await awardedGroup();
    const flooder = new Client();
    const statuses: number[] = [];
    // 5 a minute: 12 cannot all fit, even across a minute's edge.
    for (let i = 0; i < 12; i++)
      statuses.push(
        (await flooder.post(`/api/v1/orgs/${cso.org.id}/feedback`, { text: `Message ${i}` })).status,
      );
    expect(statuses.filter((s) => s !== 202 && s !== 429)).toEqual([]);
    expect(statuses.filter((s) => s === 202).length).toBeLessThanOrEqual(10);
    const limited = await flooder.post(`/api/v1/orgs/${cso.org.id}/feedback`, { text: "One more" });
    if (limited.status === 429) {
      expect(limited.headers.get("retry-after")).toBe("60");
      expect(limited.headers.get("content-type")).toContain("application/problem+json");
    }
    expect(statuses).toContain(429);
    // The HTML form from the same connection counts against the same limit; a neighbour is not limited.
    expect([200, 429]).toContain(
      (await flooder.form(`/orgs/${cso.org.id}/feedback`, { text: "Form" })).status,
    );
    expect((await new Client().post(`/api/v1/orgs/${cso.org.id}/feedback`, { text: "Hello" })).status).toBe(
      202,
    );
    // Nothing refused was stored: as many rows as 202s (and the neighbour's, and maybe the form's).
    const stored = (await rowsOf(cso.org.id)).length;
    const accepted = statuses.filter((s) => s === 202).length + (limited.status === 202 ? 1 : 0) + 1;
    expect([accepted, accepted + 1]).toContain(stored);
  });
});

describe("hostile texts to a funded group", () => {
  test("whatever is sent: never a 5xx; what is stored has no control characters and fits the limit", {
    timeout: 60_000,
  }, async () => {
    const { cso } = await awardedGroup();
    const url = `/api/v1/orgs/${cso.org.id}/feedback`;
    const text = fc.oneof(
      fc.string({ unit: "grapheme", maxLength: 60 }),
      fc.string({ unit: "binary", maxLength: 60 }),
      fc.constantFrom(
        "\u202Eevil\u202C",
        "a\u200Db\u200Cc\uFEFF",
        "\u0000",
        "\uD800",
        "<script>alert(1)</script>",
        "'; DROP TABLE org_feedback; --",
        "١٢٣٤٥",
        "x".repeat(1001),
      ),
    );
    await fc.assert(
      fc.asyncProperty(text, async (t) => {
        const before = (await rowsOf(cso.org.id)).length;
        // A fresh connection each time, so the per-address limit does not decide the outcome.
        const res = await new Client().post(url, { text: t });
        expect([202, 400]).toContain(res.status);
        const rows = await rowsOf(cso.org.id);
        if (res.status === 400) return void expect(rows).toHaveLength(before);
        const stored = rows.at(-1)!.text as string;
        expect(stored).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/);
        expect(stored.length).toBeGreaterThan(0);
        expect(stored.length).toBeLessThanOrEqual(1000);
        expect(stored).toBe(stored.trim());
      }),
      { numRuns: 100, seed: 20261130 },
    );
  });
});

describe("reading feedback (GET /api/v1/orgs/:id/feedback)", () => {
  test("the group's owners read it, newest first, with the day only", async () => {
    const { cso } = await awardedGroup();
    for (const text of ["First message", "Second message", "Third message"])
      expect((await new Client().post(`/api/v1/orgs/${cso.org.id}/feedback`, { text })).status).toBe(202);
    const res = await cso.get(`/api/v1/orgs/${cso.org.id}/feedback`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: { text: string }) => i.text)).toEqual([
      "Third message",
      "Second message",
      "First message",
    ]);
    const today = new Date().toISOString().slice(0, 10);
    for (const item of res.body.items)
      expect(item).toEqual({ id: expect.any(String), text: item.text, createdAt: today });

    // A second owner reads the same; a plain member does not.
    const coOwner = await signUp();
    await addMember(cso, cso.org.id, coOwner, "owner");
    expect((await coOwner.get(`/api/v1/orgs/${cso.org.id}/feedback`)).body.items).toHaveLength(3);
  });

  test("members who are not owners, other people and admins are refused; anonymous callers must sign in", async () => {
    const { cso, funder } = await awardedGroup();
    await new Client().post(`/api/v1/orgs/${cso.org.id}/feedback`, { text: "Private to the owners." });
    const member = await signUp();
    await addMember(cso, cso.org.id, member, "member");
    const [stranger, admin] = await Promise.all([signUp(), userWithRole("admin")]);
    const url = `/api/v1/orgs/${cso.org.id}/feedback`;
    const refusedMember = await member.get(url);
    expect(refusedMember.status).toBe(403);
    expect(refusedMember.body.detail).toMatch(/owners/);
    for (const who of [stranger, admin, funder]) {
      const res = await who.get(url);
      expect(res.status).toBe(403);
      expect(JSON.stringify(res.body)).not.toContain("Private to the owners");
    }
    expect((await new Client().get(url)).status).toBe(401);
  });

  test("a hidden group's feedback is 404 to those who may not see it (admins, who may, are refused with 403)", async () => {
    const { cso } = await awardedGroup({ visibility: "hidden" });
    const url = `/api/v1/orgs/${cso.org.id}/feedback`;
    expect((await (await signUp()).get(url)).status).toBe(404);
    expect((await (await orgOwner(funderFields)).get(url)).status).toBe(404);
    expect((await (await userWithRole("admin")).get(url)).status).toBe(403);
    expect((await new Client().get(url)).status).toBe(401);
    expect((await cso.get(url)).status).toBe(200);
  });
});

describe("feedback pages (no JavaScript)", () => {
  test("a funded group's page has the anonymous form; posting it answers with a thank-you and stores the text", async () => {
    const { cso } = await awardedGroup();
    const visitor = new Client();
    const page = await visitor.page(`/orgs/${cso.org.id}`);
    expect(page.html).toContain(`action="/orgs/${cso.org.id}/feedback"`);
    expect(page.html).toContain("Send this group a message (anonymous)");
    expect(page.html).not.toContain(`href="/orgs/${cso.org.id}/feedback"`);

    const sent = await visitor.form(`/orgs/${cso.org.id}/feedback`, { text: "We loved the open day." });
    expect(sent.status).toBe(200);
    expect(sent.html).toContain('role="status"');
    expect(sent.html).toContain("Your message was sent to the group");
    expect((await rowsOf(cso.org.id)).map((r) => r.text)).toEqual(["We loved the open day."]);

    const empty = await visitor.form(`/orgs/${cso.org.id}/feedback`, { text: "   " });
    expect(empty.status).toBe(400);
    expect(empty.html).toContain('aria-invalid="true"');
    expect(empty.html).toContain('role="alert"');
    // A post from another site is refused before anything is read.
    expect(
      (await visitor.form(`/orgs/${cso.org.id}/feedback`, { text: "x" }, "https://evil.example")).status,
    ).toBe(403);
    expect(await rowsOf(cso.org.id)).toHaveLength(1);
  });

  test("an unfunded group's page has no form; the owners' page links to the messages, which they read on a page", async () => {
    const unfunded = await orgOwner(csoFields);
    expect((await new Client().page(`/orgs/${unfunded.org.id}`)).html).not.toContain("/feedback");

    const { cso } = await awardedGroup();
    await new Client().form(`/orgs/${cso.org.id}/feedback`, { text: "<b>Bold</b> & thanks" });
    const own = await cso.page(`/orgs/${cso.org.id}`);
    expect(own.html).toContain(`href="/orgs/${cso.org.id}/feedback"`);
    expect(own.html).not.toContain(`action="/orgs/${cso.org.id}/feedback"`);
    const list = await cso.page(`/orgs/${cso.org.id}/feedback`);
    expect(list.status).toBe(200);
    expect(list.html).toContain("&lt;b>Bold&lt;/b> &amp; thanks");
    const member = await signUp();
    await addMember(cso, cso.org.id, member);
    expect((await member.page(`/orgs/${cso.org.id}/feedback`)).status).toBe(403);
    expect((await new Client().page(`/orgs/${cso.org.id}/feedback`)).status).toBe(401);
  });

  test("in Arabic the pages are right-to-left and the form speaks Arabic", async () => {
    const { cso } = await awardedGroup();
    const visitor = new Client();
    visitor.lang = "ar";
    const page = await visitor.page(`/orgs/${cso.org.id}`);
    expect(page.html).toContain('<html lang="ar" dir="rtl">');
    expect(page.html).toContain("أرسل رسالة إلى هذه المجموعة");
    const sent = await visitor.form(`/orgs/${cso.org.id}/feedback`, { text: "شكرًا على حلقات محو الأمية" });
    expect(sent.html).toContain('<html lang="ar" dir="rtl">');
    expect(sent.html).toContain("أُرسلت رسالتك");
    // The owner's saved language is English: the language switch wins over it.
    const list = await cso.page(`/orgs/${cso.org.id}/feedback?lang=ar`);
    expect(list.html).toContain('<html lang="ar" dir="rtl">');
    expect(list.html).toContain("شكرًا على حلقات محو الأمية");
  });
});
