// Read replicas: every request runs on one D1 session (`withSession`), started from the bookmark the
// client brought back (header or cookie), so a person's own writes are visible on their next request.
// Locally there is one database and no replica, so these tests put a recording, lagging stand-in in front
// of the real binding: it notes where each session starts, and refuses to serve a session that starts
// before the newest write, as a replica that has not caught up would serve old data.
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, test, vi } from "vitest";
import { Client, workerWith } from "../helpers/client";
import { checkProfile, csoFields, mailedToken, orgOwner, PASSWORD, uniqueEmail } from "../helpers/world";
import worker from "../../worker/index";
import { isWriteSql } from "../../worker/db/client";
import type { Bindings } from "../../worker/env";

const HEADER = "x-sanad-bookmark";
const COOKIE = "sanad_bookmark";
/** What D1 (and miniflare) bookmarks look like. */
const BOOKMARK = /^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{32}$/;

afterEach(() => vi.restoreAllMocks());

/**
 * The real D1 binding behind a stand-in that records each session's start and models replica lag: a
 * session that starts at the nearest replica, or from a bookmark older than the newest write made through
 * the stand-in, fails its first statement (a real replica would answer with data from before that write).
 * Bookmarks of one database compare as strings (fixed-width hex).
 */
const laggingReplicas = () => {
  const real = env.DB as D1Database;
  const starts: string[] = [];
  const written: D1DatabaseSession[] = [];
  const newestWrite = () =>
    written
      .map((s) => s.getBookmark() ?? "")
      .sort()
      .at(-1) ?? "";
  const binding = {
    withSession(start: string) {
      starts.push(start);
      const session = real.withSession(start);
      const floor = newestWrite();
      const behind =
        start === "first-unconstrained" ? floor !== "" : start !== "first-primary" && start < floor;
      return {
        prepare(sql: string) {
          if (behind) throw new Error("replica has not caught up with the newest write");
          if (isWriteSql(sql) && !written.includes(session)) written.push(session);
          return session.prepare(sql);
        },
        batch: (statements: D1PreparedStatement[]) => session.batch(statements),
        getBookmark: () => session.getBookmark(),
      };
    },
  } as unknown as D1Database;
  return { starts, target: workerWith({ DB: binding }) };
};

/** The bookmark cookie a response set, with its attributes, or undefined. */
const bookmarkCookie = (res: { headers: Headers }) =>
  res.headers.getSetCookie().find((c) => c.startsWith(`${COOKIE}=`));

const quietErrors = () => {
  vi.spyOn(console, "error").mockImplementation(() => {});
  vi.spyOn(console, "log").mockImplementation(() => {});
};

describe("a write, then a read in the next request", () => {
  test("API: the bookmark from the write's response, sent back in the header, reads the write", async () => {
    const owner = await orgOwner();
    const lag = laggingReplicas();
    owner.target = lag.target;
    const saved = await owner.patch(`/api/v1/orgs/${owner.org.id}`, { version: 1, volunteerCount: 41 });
    expect(saved.status).toBe(200);
    const bookmark = saved.headers.get(HEADER)!;
    expect(bookmark).toMatch(BOOKMARK);
    expect(lag.starts.at(-1)).toBe("first-primary");

    // The API client keeps the header, not cookies.
    owner.cookies.delete(COOKIE);
    const read = await owner.json("GET", `/api/v1/orgs/${owner.org.id}`, undefined, { [HEADER]: bookmark });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ version: 2, volunteerCount: 41 });
    expect(lag.starts.at(-1)).toBe(bookmark);
    expect(read.headers.get(HEADER)! >= bookmark).toBe(true);

    // Without it the read goes to the nearest replica, which (in this model) is behind.
    quietErrors();
    expect((await owner.get(`/api/v1/orgs/${owner.org.id}`)).status).toBe(500);
    expect(lag.starts.at(-1)).toBe("first-unconstrained");
  });

  test("browser: saving the profile form sets the bookmark cookie, and the next page shows the save", async () => {
    const owner = await orgOwner();
    const lag = laggingReplicas();
    owner.target = lag.target;
    const marker = `Read-your-writes ${crypto.randomUUID()}`;
    const saved = await owner.form(`/orgs/${owner.org.id}/edit`, {
      version: "1",
      kind: "cso",
      name: csoFields.name,
      description: marker,
      country: csoFields.country,
      languages: "ar",
      visibility: "public",
    });
    expect(saved.status).toBe(200);
    const cookie = bookmarkCookie(saved)!;
    expect(cookie).toBeDefined();
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).toMatch(/; Max-Age=900\b/);
    const value = owner.cookies.get(COOKIE)!;
    expect(value).toBe(saved.headers.get(HEADER));

    const page = await owner.page(`/orgs/${owner.org.id}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain(marker);
    expect(lag.starts.at(-1)).toBe(value);
  });
});

describe("which session each request starts", () => {
  test("reads start at the nearest replica, or from the caller's bookmark (header before cookie)", async () => {
    const spy = vi.spyOn(env.DB as D1Database, "withSession");
    const anon = new Client();
    expect((await anon.page("/calls")).status).toBe(200);
    expect(spy).toHaveBeenLastCalledWith("first-unconstrained");

    const older = "00000000-00000001-00000000-00000000000000000000000000000000";
    const newer = "00000000-00000002-00000000-00000000000000000000000000000000";
    expect((await anon.fetch("/calls", { headers: { [HEADER]: older } })).status).toBe(200);
    expect(spy).toHaveBeenLastCalledWith(older);
    anon.cookies.set(COOKIE, newer);
    expect((await anon.fetch("/calls")).status).toBe(200);
    expect(spy).toHaveBeenLastCalledWith(newer);
    expect((await anon.fetch("/calls", { headers: { [HEADER]: older } })).status).toBe(200);
    expect(spy).toHaveBeenLastCalledWith(older);
  });

  test("writes start at the primary, bookmark or not", async () => {
    const owner = await orgOwner();
    const spy = vi.spyOn(env.DB as D1Database, "withSession");
    const bookmark = "00000000-00000001-00000000-00000000000000000000000000000000";
    const res = await owner.json(
      "PATCH",
      `/api/v1/orgs/${owner.org.id}`,
      { version: 1, staffCount: 2 },
      { [HEADER]: bookmark },
    );
    expect(res.status).toBe(200);
    expect(spy).toHaveBeenLastCalledWith("first-primary");
  });

  test("the cron and the mail queue's consumer start at the primary", async () => {
    const spy = vi.spyOn(env.DB as D1Database, "withSession");
    const bindings = env as unknown as Bindings;
    await worker.scheduled({ scheduledTime: Date.now(), cron: "*/15 * * * *", noRetry() {} }, bindings);
    await worker.queue(
      { queue: "mail", messages: [], ackAll() {}, retryAll() {} } as unknown as MessageBatch<unknown>,
      bindings,
    );
    expect(spy.mock.calls.length).toBe(2);
    expect(spy.mock.calls.every(([start]) => start === "first-primary")).toBe(true);
    // The cron really ran on that session (its statements carried it forward).
    expect(spy.mock.results[0]!.value.getBookmark()).toMatch(BOOKMARK);
  });
});

describe("the bookmark on responses, and who gets the cookie", () => {
  test("every response that used the database carries the header; anonymous readers get no cookie", async () => {
    const anon = new Client();
    for (const path of ["/calls", "/api/v1/calls", "/calls.atom"]) {
      const res = await anon.fetch(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get(HEADER), path).toMatch(BOOKMARK);
      expect(bookmarkCookie(res), path).toBeUndefined();
    }
    expect(anon.cookies.size).toBe(0);
  });

  test("an anonymous write (sign-up) sets none; signing in, a write, does", async () => {
    const person = new Client();
    const email = uniqueEmail("replica");
    const signup = await person.post("/api/v1/auth/signup", { email, password: PASSWORD, name: "R" });
    expect(signup.status).toBe(202);
    expect(signup.headers.get(HEADER)).toMatch(BOOKMARK);
    expect(signup.headers.get("set-cookie")).toBeNull();
    const verified = await person.post("/api/v1/auth/verify", { token: await mailedToken(email) });
    expect(verified.status).toBe(200);
    expect(person.cookies.has("sanad_session")).toBe(true);
    expect(person.cookies.get(COOKIE)).toBe(verified.headers.get(HEADER));
  });

  test("the eligibility check (API and page) sets no cookie at all", async () => {
    const anon = new Client();
    const api = await anon.post("/api/v1/eligibility-check", checkProfile);
    expect(api.status).toBe(200);
    expect(api.headers.get(HEADER)).toMatch(BOOKMARK);
    expect(api.headers.get("set-cookie")).toBeNull();
    const page = await anon.form("/check", {
      country: "EG",
      setting: "rural",
      legalStatus: "unregistered",
      budgetAmount: "8000",
      budgetCurrency: "USD",
      ledBy: "women",
      themes: ["womens_rights"],
      languages: "ar",
    });
    expect(page.status).toBe(200);
    expect(page.headers.get("set-cookie")).toBeNull();
  });

  test("a browser that has the cookie keeps it current on reads, except on responses shared caches keep", async () => {
    const reader = new Client();
    const old = "00000000-00000001-00000000-00000000000000000000000000000000";
    reader.cookies.set(COOKIE, old);
    const page = await reader.fetch("/calls");
    expect(page.status).toBe(200);
    expect(bookmarkCookie(page)).toBeDefined();
    expect(reader.cookies.get(COOKIE)).toBe(page.headers.get(HEADER));
    expect(reader.cookies.get(COOKIE)! > old).toBe(true);

    const feed = await reader.fetch("/calls.atom");
    expect(feed.headers.get("cache-control")).toMatch(/public/);
    expect(feed.headers.get("set-cookie")).toBeNull();
    // A conditional request still answers 304, with the header.
    const again = await reader.fetch("/calls.atom", {
      headers: { "If-None-Match": feed.headers.get("etag")! },
    });
    expect(again.status).toBe(304);
    expect(again.headers.get(HEADER)).toMatch(BOOKMARK);
  });
});

describe("bad bookmarks are ignored, never a 5xx", () => {
  const bad = [
    "garbage",
    "'; DROP TABLE orgs; --",
    "00000000-0000zzzz-00000000-00000000000000000000000000000000",
    "00000000",
    `00000000-${"0".repeat(200)}`,
    `${"00000000-".repeat(40)}0`,
    "ملف-تعريف",
    "%00%ff",
  ];

  test.each(bad)("header %s", async (value) => {
    const spy = vi.spyOn(env.DB as D1Database, "withSession");
    const res = await new Client().fetch("/api/v1/calls", { headers: { [HEADER]: encodeURI(value) } });
    expect(res.status).toBe(200);
    expect(spy).toHaveBeenLastCalledWith("first-unconstrained");
  });

  test.each(bad)("cookie %s", async (value) => {
    const spy = vi.spyOn(env.DB as D1Database, "withSession");
    const reader = new Client();
    reader.cookies.set(COOKIE, encodeURIComponent(value));
    const res = await reader.fetch("/calls");
    expect(res.status).toBe(200);
    expect(spy).toHaveBeenLastCalledWith("first-unconstrained");
    // An ignored cookie is not refreshed either: the reader is treated as one who never wrote.
    expect(bookmarkCookie(res)).toBeUndefined();
  });
});

describe("telling writes from reads", () => {
  test.each([
    ["select * from orgs", false],
    ['SELECT "delete" FROM t', false],
    ["select action from audit_log where action = 'org.delete'", false],
    ["WITH x AS (SELECT 1) SELECT * FROM x", false],
    ["with recursive t(n) as (select 1 union all select n + 1 from t) select n from t", false],
    ["(select 1)", false],
    ["insert into orgs (id) values (?)", true],
    ['update "orgs" set "name" = ?', true],
    ["delete from sessions where id_hash = ?", true],
    ["WITH x AS (SELECT id FROM orgs) DELETE FROM sessions WHERE id IN x", true],
    ["replace into t values (1)", true],
    ["/* comment */ INSERT INTO t VALUES (1)", true],
    ["PRAGMA foreign_keys = ON", true],
  ])("%s → %s", (sql, write) => {
    expect(isWriteSql(sql)).toBe(write);
  });
});
