// Request and response shapes for the resource library: toolkits, templates, guides and lessons learned.
import { z } from "@hono/zod-openapi";
import { LICENCES, RESOURCE_STATUSES, THEMES, UPLOAD_KINDS } from "../enums";
import { Id, IsoTime, LanguageTag, uniqueList } from "./common";

/** Links lead people out of Sanad: only over HTTPS, so nobody on the path can change where they land. */
const HttpsUrl = z
  .string()
  .trim()
  .max(2000)
  .refine(
    (s) => {
      try {
        const u = new URL(s);
        return u.protocol === "https:" && u.hostname.length > 0;
      } catch {
        return false;
      }
    },
    { error: "err.url" },
  )
  .openapi({ example: "https://example.org/toolkit.pdf" });

export const ResourceCreate = z
  .object({
    orgId: Id.openapi({ description: "The verified organisation posting it (you must be a member)" }),
    title: z.string().trim().min(3).max(200),
    summary: z.string().trim().min(10).max(2000),
    language: LanguageTag.openapi({ description: "BCP 47 code of the resource's language", example: "ar" }),
    themes: uniqueList(z.enum(THEMES), THEMES.length),
    licence: z.enum(LICENCES),
    url: HttpsUrl.optional(),
    uploadId: Id.optional().openapi({
      description: "A file you uploaded (POST /uploads): PDF, picture or recording",
    }),
  })
  .strict()
  .superRefine((r, ctx) => {
    // One place to fetch it from: a link, or a file kept here.
    if ((r.url === undefined) === (r.uploadId === undefined))
      ctx.addIssue({ code: "custom", path: ["url"], message: "resource.err_url_or_file" });
  })
  .openapi("ResourceCreate");
export type ResourceInput = z.infer<typeof ResourceCreate>;

export const Resource = z
  .object({
    id: z.string(),
    title: z.string(),
    summary: z.string(),
    language: z.string(),
    themes: z.array(z.enum(THEMES)),
    licence: z.enum(LICENCES),
    url: z.string().nullable(),
    file: z
      .object({ id: z.string(), kind: z.enum(UPLOAD_KINDS), bytes: z.number().int() })
      .nullable()
      .openapi({
        description: "The file kept here (download at GET /uploads/{id}); its size, to know before",
      }),
    org: z.object({ id: z.string(), name: z.string() }).nullable().openapi({
      description: "Who posted it; null when that organisation is not public (a member organisation)",
    }),
    status: z.enum(RESOURCE_STATUSES),
    publishedAt: IsoTime.nullable(),
    createdAt: IsoTime,
  })
  .openapi("Resource");
export type ResourceView = z.infer<typeof Resource>;

export const ResourceListQuery = z.object({
  q: z
    .string()
    .max(500)
    .optional()
    .openapi({ description: "Words to find in titles and summaries (all of them, as prefixes)" }),
  theme: z.enum(THEMES).optional(),
  language: LanguageTag.optional().openapi({ description: "A language, its regional variants included" }),
  status: z.enum(RESOURCE_STATUSES).optional().openapi({
    description:
      "published (the default, for everyone); pending or rejected: admins and chapter coordinators (their countries' organisations)",
  }),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z
    .string()
    .regex(/^\d{1,6}$/)
    .optional()
    .openapi({ description: "Opaque position in the list" }),
});
export type ResourceFilter = z.infer<typeof ResourceListQuery>;

export const ResourceList = z
  .object({ items: z.array(Resource), nextCursor: z.string().nullable() })
  .openapi("ResourceList");
