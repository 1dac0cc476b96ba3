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
import { createApp } from "../../worker/app";

const ROUTES = createApp()
  .routes.filter((r) => r.method !== "ALL" && !r.path.startsWith("/assets/"))
  .map((r) => ({ method: r.method, path: r.path }));
/** Cases per run: ten thousand, about 3 ms each in workerd (tests/helpers/client.ts says why calls are that cheap). */
const RUNS = 10_000;
const unique = [...new Map(ROUTES.map((r) => [`${r.method} ${r.path}`, r])).values()];

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
