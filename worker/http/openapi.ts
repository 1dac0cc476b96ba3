// Helpers for declaring API routes once: zod validation, OpenAPI documentation, one error shape.
import { OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../env";
import { Problem, zodFieldErrors } from "../core/problem";
import { Problem as ProblemSchema } from "../../schema/api/common";

/** Every API sub-app validates with the same hook: invalid input becomes a 400 problem naming the fields. */
export const createApi = () =>
  new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) throw new Problem(400, undefined, zodFieldErrors(result.error, c.get("t")));
    },
  });

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  body: { required: true, content: { "application/json": { schema } } },
});

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { "application/json": { schema } },
  description,
});

const problem = (description: string) => ({
  content: { "application/problem+json": { schema: ProblemSchema } },
  description,
});

/** The error responses most routes share, for the OpenAPI document. */
export const errors = {
  400: problem("Invalid input; `errors` names each field"),
  401: problem("Not signed in"),
  403: problem("Not allowed"),
  404: problem("Not found (or not visible to the caller)"),
  409: problem("Conflict"),
  422: problem("Breaks a rule"),
  429: problem("Too many attempts"),
} as const;

export const pick = <K extends keyof typeof errors>(...keys: K[]) =>
  Object.fromEntries(keys.map((k) => [k, errors[k]])) as Pick<typeof errors, K>;

export const security: Record<string, string[]>[] = [{ cookie: [] }, { bearer: [] }];
