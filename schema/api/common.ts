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
    amount: z.number().int().min(0).max(MAX_MINOR).openapi({ description: "Integer amount in the currency's minor unit" }),
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
  })
  .openapi("Problem", { description: "RFC 9457 problem document (application/problem+json)" });

export const ListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(200).optional(),
});

export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const IsoTime = z.string().openapi({ format: "date-time", example: "2026-11-23T10:00:00.000Z" });
