// Uploaded files (report photos, voice notes, receipts): the upload form and the stored file's summary.
import { z } from "@hono/zod-openapi";
import { UPLOAD_KINDS } from "../enums";

/** The largest file accepted, in bytes (5 MB): a phone photo or a few minutes of voice note. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
/** What a multipart body may add around the file (boundaries, part headers, a long file name). */
export const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

/**
 * The request body, for the OpenAPI document only: a plain schema object, so the framework does not parse
 * the body itself (the route reads it, to name `file` in every refusal).
 */
export const UploadForm = {
  type: "object" as const,
  required: ["file"],
  properties: {
    file: {
      type: "string" as const,
      format: "binary",
      description:
        "One file of at most 5 MB: JPEG, PNG or WebP (metadata such as GPS position removed before storing), PDF, or an MP3, OGG or M4A voice note. Its kind is read from its bytes; a name or Content-Type that disagrees is refused (415).",
    },
  },
};

export const Upload = z
  .object({
    id: z.string(),
    kind: z.enum(UPLOAD_KINDS),
    bytes: z.number().int().openapi({ description: "Size as stored (after image metadata was removed)" }),
  })
  .openapi("Upload");
export type UploadView = z.infer<typeof Upload>;
