// Shapes shared by every API area: money, problem documents, list envelopes, ids.
import { z } from "@hono/zod-openapi";

const MAX_MINOR = 1e15; // comfortably above any grant; keeps arithmetic within safe integers

export const CurrencyCode = z
  .string()
  .regex(/^[A-Z]{3}$/, { error: "err.currency" })
  .refine((c) => Intl.supportedValuesOf("currency").includes(c), { error: "err.currency" })
  .openapi({ example: "USD", description: "ISO 4217 code" });

export const Money = z
  .object({
    amount: z
      .number()
      .int()
      .min(0)
      .max(MAX_MINOR)
      .openapi({ description: "Integer amount in the currency's minor unit" }),
    currency: CurrencyCode,
  })
  .openapi("Money", { example: { amount: 1000000, currency: "USD" } });

export const Id = z.string().min(1).max(64).openapi({ description: "Opaque id" });
export const IdParam = z.object({ id: Id.openapi({ param: { name: "id", in: "path" } }) });

export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    instance: z.string().optional().openapi({
      description: "This occurrence: urn:sanad:request:<requestId>",
      example: "urn:sanad:request:8c3f1a2b3c4d5e6f-LHR",
    }),
    requestId: z
      .string()
      .optional()
      .openapi({ description: "The request's id (also in the X-Request-Id header): quote it to support" }),
  })
  .openapi("Problem", { description: "RFC 9457 problem document (application/problem+json)" });

export const ListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(200).optional(),
});

export const listOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const IsoTime = z.string().openapi({ format: "date-time", example: "2026-11-23T10:00:00.000Z" });

/** A list of distinct values (a set, as JSON arrays carry sets). */
export const uniqueList = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .refine((a) => new Set(a).size === a.length, { error: "err.duplicates" });

export const CountryCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, { error: "err.country" })
  .openapi({ example: "SN", description: "ISO 3166-1 alpha-2" });

export const LanguageTag = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { error: "err.language" });
