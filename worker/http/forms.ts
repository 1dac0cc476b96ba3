// Reading HTML form posts: flatten the body, validate with zod, and map problems to field names.
import type { Context } from "hono";
import type { z } from "zod";
import type { AppEnv } from "../env";
import { Problem, zodFieldErrors, type FieldError } from "../core/problem";
import { safeRedirectPath } from "../domain/redirects";

export type FormBody = Record<string, string | string[]>;

/** Text fields only (files are not accepted anywhere); repeated names become arrays. */
export const readForm = async (c: Context<AppEnv>): Promise<FormBody> => {
  let raw: Awaited<ReturnType<typeof c.req.parseBody>>;
  try {
    raw = await c.req.parseBody({ all: true });
  } catch {
    // A malformed multipart body (bad boundary, invalid bytes) is the sender's fault, not a server error.
    throw new Problem(400, c.get("t")("err.malformed_body"), [
      { path: "body", message: c.get("t")("err.malformed_body") },
    ]);
  }
  const out: FormBody = {};
  for (const [k, v] of Object.entries(raw)) {
    const values = (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === "string");
    out[k] = values.length === 1 ? values[0] : values;
  }
  return out;
};

export const str = (f: FormBody, k: string) => {
  const v = f[k];
  return (Array.isArray(v) ? v[0] : v)?.trim() ?? "";
};
export const list = (f: FormBody, k: string) => {
  const v = f[k];
  return (Array.isArray(v) ? v : v === undefined || v === "" ? [] : [v]).map((s) => s.trim()).filter(Boolean);
};
/** Empty → undefined (not given); digits → number; anything else is passed on for zod to reject. */
export const int = (f: FormBody, k: string): number | string | undefined => {
  const s = str(f, k);
  if (s === "") return undefined;
  return /^\d+$/.test(s) ? Number(s) : s;
};

export const errorMap = (errors: FieldError[], rename: Record<string, string> = {}) =>
  Object.fromEntries(errors.map((e) => [rename[e.path] ?? e.path, e.message]));

export type Parsed<T> = { ok: true; data: T } | { ok: false; errors: Record<string, string> };

export const parseWith = <S extends z.ZodType>(
  c: Context<AppEnv>,
  schema: S,
  input: unknown,
  rename?: Record<string, string>,
): Parsed<z.infer<S>> => {
  const r = schema.safeParse(input);
  return r.success
    ? { ok: true, data: r.data }
    : { ok: false, errors: errorMap(zodFieldErrors(r.error, c.get("t")), rename) };
};

/** A Problem carrying field errors (from a use case) as a form error map; other problems propagate. */
export const problemErrors = (e: unknown, rename?: Record<string, string>) => {
  if (e instanceof Problem && e.errors?.length && e.status < 500) return errorMap(e.errors, rename);
  throw e;
};

/** The `next` query parameter, kept only when it is a path on this request's own origin. */
export const safeNext = (c: Context<AppEnv>) =>
  safeRedirectPath(c.req.query("next"), new URL(c.req.url).origin);
