// A test client that talks to the real app over fetch, keeping its own cookies like a browser would.
import { env } from "cloudflare:workers";
import { createExecutionContext } from "cloudflare:test";
import worker from "../../worker/index";
import type { Bindings } from "../../worker/env";

export const ORIGIN = "http://localhost";
/**
 * The same Worker with some bindings changed (e.g. Stripe keys): the production entry point called with
 * the test environment plus `overrides`, as wrangler would call it with those variables set.
 */
export const workerWith = (overrides: Partial<Bindings>) => ({
  fetch: async (r: Request) =>
    worker.fetch(r, { ...(env as unknown as Bindings), ...overrides }, createExecutionContext()),
});

/**
 * The production entry point (worker/index.ts) with the test bindings. Tests call it directly rather
 * than through the `exports.default` self-binding: in this runtime version every call through that
 * binding gets slower the more calls came before it (2.8 ms → 59 ms per request over 500 requests,
 * measured), which made long suites quadratic. The app and the entry point are the same either way.
 */
const app = workerWith({});

export type Json = Record<string, unknown> & { [k: string]: any };

export class Client {
  constructor(public target: { fetch: (r: Request) => Promise<Response> } = app) {}
  cookies = new Map<string, string>();
  token?: string;
  lang?: string;
  /** Each client is a different person on a different connection, as Cloudflare would report it. */
  ip = `2001:db8::${[...crypto.getRandomValues(new Uint16Array(3))].map((n) => n.toString(16)).join(":")}`;

  async fetch(path: string, init: RequestInit = {}) {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set("Cookie", [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    if (this.token) headers.set("Authorization", `Bearer ${this.token}`);
    if (this.lang && !headers.has("Accept-Language")) headers.set("Accept-Language", this.lang);
    if (!headers.has("CF-Connecting-IP")) headers.set("CF-Connecting-IP", this.ip);
    const res = await this.target.fetch(new Request(ORIGIN + path, { ...init, headers, redirect: "manual" }));
    for (const c of res.headers.getSetCookie()) {
      const [pair, ...attrs] = c.split(";");
      const [name, ...rest] = pair.split("=");
      const value = rest.join("=");
      const expired = attrs.some((a) => /max-age=0\b/i.test(a.trim()) || /expires=Thu, 01 Jan 1970/i.test(a));
      if (expired || value === "") this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
    return res;
  }

  /** JSON request; returns status and parsed body (problem documents included). */
  async json(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const res = await this.fetch(path, {
      method,
      headers: body === undefined ? headers : { "Content-Type": "application/json", ...headers },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: Json = {};
    try {
      parsed = text ? JSON.parse(text) : {};
    } catch {
      parsed = { raw: text };
    }
    return { status: res.status, body: parsed, headers: res.headers };
  }

  get = (path: string) => this.json("GET", path);
  post = (path: string, body?: unknown) => this.json("POST", path, body ?? {});
  patch = (path: string, body: unknown) => this.json("PATCH", path, body);

  /** An HTML form post from our own pages (same Origin, as a browser sends it). */
  async form(path: string, fields: Record<string, string | string[]>, origin = ORIGIN) {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(fields))
      for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
    const res = await this.fetch(path, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: origin },
      body,
    });
    return { status: res.status, html: await res.text(), headers: res.headers };
  }

  async page(path: string) {
    const res = await this.fetch(path);
    return { status: res.status, html: await res.text(), headers: res.headers };
  }
}

/** A problem document without what names its occurrence (request id, instance), to compare two refusals. */
export const refusal = (body: unknown) => {
  const { instance: _i, requestId: _r, ...rest } = body as Record<string, unknown>;
  return rest;
};
