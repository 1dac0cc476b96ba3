// Observability: one structured log line per request (route pattern, status, duration, request id and
// nothing personal), and the same request id in the X-Request-Id header, every problem document and
// every error page, so a user can quote it.
import { afterEach, describe, expect, test, vi } from "vitest";
import { Client, workerWith, type Json } from "../helpers/client";
import { orgOwner, signUp, uniqueEmail, PASSWORD } from "../helpers/world";
import { funderWithCall } from "../helpers/calls";
import { describeError, requestIdOf } from "../../worker/middleware/request-log";
import type { Bindings } from "../../worker/env";

type Line = {
  level: string;
  requestId: string;
  method: string;
  route: string | null;
  status: number;
  ms: number;
  colo?: string;
  error?: { name: string; message?: string; stack?: string[] };
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The request-log lines written from now on (the tests call the Worker in this isolate). */
const captureLog = () => {
  const spy = vi.spyOn(console, "log").mockImplementation(() => {});
  return () =>
    spy.mock.calls
      .filter((args) => typeof args[0] === "object" && args[0] !== null && "requestId" in args[0])
      .map((args) => {
        expect(args).toHaveLength(1);
        return args[0] as Line;
      });
};
afterEach(() => vi.restoreAllMocks());

const lineFor = (lines: Line[], id: string | null) => {
  const mine = lines.filter((l) => l.requestId === id);
  expect(mine, `log lines for ${id}`).toHaveLength(1);
  return mine[0];
};

describe("the request id", () => {
  test("every response carries one: success, API problem, 404 page, static asset", async () => {
    const c = new Client();
    const ok = await c.get("/api/v1/calls");
    expect(ok.status).toBe(200);
    expect(ok.headers.get("x-request-id")).toMatch(UUID);
    const home = await c.page("/");
    const css = home.html.match(/href="(\/assets\/[^"]+\.css)"/)?.[1];
    expect(css).toBeDefined();
    const asset = await c.fetch(css!);
    expect(asset.status).toBe(200);
    expect(asset.headers.get("x-request-id")).toMatch(UUID);
    const ids = [ok, home, asset].map((r) => r.headers.get("x-request-id"));
    expect(new Set(ids).size).toBe(3);
  });

  test("Cloudflare's Ray ID is the request id when it has its shape; anything else a client sends is ignored", async () => {
    const c = new Client();
    const ray = "8c3f1a2b3c4d5e6f-LHR";
    const viaCloudflare = await c.json("GET", "/api/v1/nowhere", undefined, { "CF-Ray": ray });
    expect(viaCloudflare.headers.get("x-request-id")).toBe(ray);
    expect(viaCloudflare.body.requestId).toBe(ray);
    for (const forged of [
      "<script>alert(1)</script>",
      "x".repeat(300),
      "8c3f1a2b3c4d5e6f-LHR level=error",
      "",
    ]) {
      const res = await c.json("GET", "/api/v1/nowhere", undefined, { "CF-Ray": forged });
      expect(res.headers.get("x-request-id")).toMatch(UUID);
      expect(res.body.requestId).toBe(res.headers.get("x-request-id"));
    }
    expect(requestIdOf(new Request("http://x/", { headers: { "cf-ray": "8c3f1a2b3c4d5e6f" } }))).toBe(
      "8c3f1a2b3c4d5e6f",
    );
  });

  test("every problem document names the request: `instance` and `requestId` match the header", async () => {
    const anonymous = new Client();
    const owner = await orgOwner();
    const funder = await funderWithCall();
    const stranger = await signUp();
    await owner.patch(`/api/v1/orgs/${owner.org.id}`, { version: 1, volunteerCount: 20 });
    const cases: [number, Promise<{ status: number; body: Json; headers: Headers }>][] = [
      [
        400,
        anonymous.json("POST", "/api/v1/auth/login", "{not json", { "Content-Type": "application/json" }),
      ],
      [400, anonymous.post("/api/v1/auth/login", { email: "not an address" })],
      [401, anonymous.get("/api/v1/me")],
      [403, stranger.post(`/api/v1/calls/${funder.call.id}/close`)],
      [404, anonymous.get("/api/v1/nowhere")],
      [404, anonymous.get("/api/v1/orgs/no-such-org")],
      [409, owner.patch(`/api/v1/orgs/${owner.org.id}`, { version: 1, volunteerCount: 99 })],
      [
        413,
        anonymous.json("POST", "/api/v1/auth/signup", JSON.stringify({ name: "x".repeat(300_000) }), {
          "Content-Type": "application/json",
        }),
      ],
      [415, anonymous.json("POST", "/api/v1/auth/login", "email=a", { "Content-Type": "text/csv" })],
      [422, funder.post(`/api/v1/calls/${funder.call.id}/publish`)],
    ];
    for (const [status, pending] of cases) {
      const res = await pending;
      expect(res.status).toBe(status);
      expect(res.headers.get("content-type")).toMatch(/application\/problem\+json/);
      const id = res.headers.get("x-request-id");
      expect(id).toMatch(UUID);
      expect(res.body).toMatchObject({ status, requestId: id, instance: `urn:sanad:request:${id}` });
    }
  });

  test("the OpenAPI document's Problem schema has both members", async () => {
    const doc = await new Client().get("/api/v1/openapi.json");
    expect(Object.keys(doc.body.components.schemas.Problem.properties)).toEqual(
      expect.arrayContaining(["instance", "requestId"]),
    );
  });

  test("error pages show the reference to quote, in the viewer's language", async () => {
    const c = new Client();
    const page = await c.page("/nowhere");
    expect(page.status).toBe(404);
    const id = page.headers.get("x-request-id")!;
    expect(page.html).toContain("Reference:");
    expect(page.html).toContain(`<code dir="ltr">${id}</code>`);
    c.lang = "ar";
    const ar = await c.page("/nowhere");
    expect(ar.html).toContain("المرجع:");
    expect(ar.html).toContain(`<code dir="ltr">${ar.headers.get("x-request-id")}</code>`);
    // A page that worked has no reference on it.
    expect((await c.page("/")).html).not.toContain("المرجع:");
  });
});

describe("the request log", () => {
  test("one line per request, with the matched route's pattern, never the URL", async () => {
    const owner = await orgOwner();
    const lines = captureLog();
    const anonymous = new Client();
    const requests = [
      [await anonymous.fetch(`/api/v1/orgs/${owner.org.id}?q=Ahmed`), "GET", `/api/v1/orgs/:id`, 200],
      [await anonymous.fetch(`/orgs/${owner.org.id}`), "GET", "/orgs/:id", 200],
      [await anonymous.fetch("/api/v1/calls?q=women"), "GET", "/api/v1/calls", 200],
      [await anonymous.fetch("/nowhere/at/all"), "GET", null, 404],
      [await anonymous.fetch("/api/v1/me"), "GET", "/api/v1/me", 401],
    ] as const;
    const logged = lines();
    expect(logged).toHaveLength(requests.length);
    for (const [res, method, route, status] of requests) {
      const line = lineFor(logged, res.headers.get("x-request-id"));
      expect(line).toMatchObject({ method, route, status, level: status >= 400 ? "warn" : "info" });
      expect(line.ms).toBeGreaterThanOrEqual(0);
      expect(Object.keys(line).sort()).toEqual(["level", "method", "ms", "requestId", "route", "status"]);
    }
    const text = JSON.stringify(logged);
    for (const secret of [owner.org.id, "Ahmed", "women", "nowhere"]) expect(text).not.toContain(secret);
  });

  test("a middleware's refusal is logged under the route the request was for", async () => {
    const lines = captureLog();
    const res = await new Client().json("POST", "/api/v1/auth/login", "email=a", {
      "Content-Type": "text/csv",
    });
    expect(res.status).toBe(415);
    expect(lineFor(lines(), res.headers.get("x-request-id"))).toMatchObject({
      route: "/api/v1/auth/login",
      status: 415,
    });
  });

  test("no e-mail, password, answer or name from the request reaches the log", async () => {
    const email = uniqueEmail("private-person");
    const marker = `secret-answer-${crypto.randomUUID()}`;
    const lines = captureLog();
    const c = new Client();
    await c.post("/api/v1/auth/login", { email, password: `${PASSWORD}-${marker}` });
    await c.form("/login", { email, password: marker });
    await c.post("/api/v1/auth/signup", { email, password: PASSWORD, name: marker, locale: "en" });
    const owner = await orgOwner();
    await owner.patch(`/api/v1/orgs/${owner.org.id}`, { version: 1, description: marker });
    await owner.form(`/orgs/${owner.org.id}/edit`, { description: marker });
    const text = JSON.stringify(lines());
    expect(lines().length).toBeGreaterThanOrEqual(5);
    for (const secret of [email, marker, PASSWORD, "private-person", owner.org.id, c.ip])
      expect(text).not.toContain(secret);
  });

  test("an unexpected error: a 500 problem and page with the id, logged once at level error without the message's data", async () => {
    const secret = "leaked@example.org";
    // A database that fails on any use, with input in its message as some errors carry it.
    const broken = new Proxy(
      {},
      {
        get: () => {
          throw new Error(`D1_ERROR: no such row for '${secret}' "${secret}"`);
        },
      },
    ) as unknown as D1Database;
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const lines = captureLog();
    const c = new Client(workerWith({ DB: broken } as Partial<Bindings>));
    const api = await c.get("/api/v1/calls");
    expect(api.status).toBe(500);
    const id = api.headers.get("x-request-id");
    expect(api.body).toMatchObject({ status: 500, requestId: id, instance: `urn:sanad:request:${id}` });
    const page = await c.page("/calls");
    expect(page.status).toBe(500);
    expect(page.html).toContain(`<code dir="ltr">${page.headers.get("x-request-id")}</code>`);
    expect(page.html).not.toContain(secret);

    const logged = lines();
    expect(logged).toHaveLength(2);
    const line = lineFor(logged, id);
    expect(line).toMatchObject({ level: "error", status: 500, route: "/api/v1/calls", method: "GET" });
    expect(line.error).toMatchObject({ name: "Error", message: expect.stringContaining("D1_ERROR") });
    expect(line.error?.stack?.length).toBeGreaterThan(0);
    expect(lineFor(logged, page.headers.get("x-request-id"))).toMatchObject({
      level: "error",
      route: "/calls",
    });
    expect(JSON.stringify(logged)).not.toContain(secret);
    // The one line is the record: no second, unstructured one.
    expect(errors).not.toHaveBeenCalled();
  });

  test("describeError keeps code locations and drops quoted input and anything after the first line", () => {
    const e = new Error(`Unexpected token 'x', "x-secret" is not valid JSON\nparams: secret@example.org`);
    const d = describeError(e);
    expect(d.name).toBe("Error");
    expect(d.message).toBe("Unexpected token …, … is not valid JSON");
    expect(JSON.stringify(d)).not.toContain("secret");
    expect(d.stack?.every((f) => f.startsWith("at "))).toBe(true);
    expect(describeError("a string thrown")).toEqual({ name: "string" });
  });
});
