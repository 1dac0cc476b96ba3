// JSON API: uploading a file (multipart/form-data, field `file`) and reading it back. The app's 256 KB
// body limit skips POST /api/v1/uploads (worker/app.ts); this route sets its own, after checking who asks.
import { createRoute } from "@hono/zod-openapi";
import { createMiddleware } from "hono/factory";
import { bodyLimit } from "hono/body-limit";
import type { Context } from "hono";
import type { AppEnv } from "../env";
import type { MessageKey } from "../i18n";
import { createApi, json, pick, security } from "../http/openapi";
import { requireViewer, viewerOf } from "../http/guards";
import { Problem } from "../core/problem";
import { IdParam, Problem as ProblemSchema } from "../../schema/api/common";
import { MAX_UPLOAD_BYTES, MULTIPART_OVERHEAD_BYTES, Upload, UploadForm } from "../../schema/api/uploads";
import { assertMayUpload, createUpload, readUpload, tooLarge, type IncomingFile } from "../actions/uploads";
import { servingHeaders, UPLOAD_MEDIA } from "../uploads/kinds";

const tags = ["Uploads"];

/** The path the app-wide body limit leaves to this route. */
export const UPLOADS_PATH = "/api/v1/uploads";

/**
 * Before the body is read: the caller (401, or 403 for an unverified address), then the size, from
 * Content-Length when the request states it and by counting the bytes as they arrive when it does not.
 */
const uploadGate = createMiddleware<AppEnv>(async (c, next) => {
  const t = c.get("t");
  assertMayUpload(requireViewer(c), t);
  return bodyLimit({
    maxSize: MAX_UPLOAD_BYTES + MULTIPART_OVERHEAD_BYTES,
    onError: () => {
      throw tooLarge(t);
    },
  })(c, next);
});

const fileError = (c: Context<AppEnv>, status: number, key: MessageKey) => {
  const message = c.get("t")(key);
  return new Problem(status, message, [{ path: "file", message }]);
};

/** The one file of the multipart body, with what the sender called it; every refusal names `file`. */
const readFile = async (c: Context<AppEnv>): Promise<IncomingFile> => {
  if (!/^multipart\/form-data\s*;/i.test(c.req.header("content-type") ?? ""))
    throw fileError(c, 415, "err.upload_multipart");
  let form: FormData;
  try {
    form = await c.req.formData();
  } catch {
    throw fileError(c, 400, "err.malformed_body");
  }
  const unknown = [...new Set(form.keys())].filter((k) => k !== "file");
  if (unknown.length)
    throw new Problem(
      400,
      undefined,
      unknown.map((path) => ({ path, message: c.get("t")("err.unknown_field") })),
    );
  const files = form.getAll("file");
  if (files.length > 1) throw fileError(c, 400, "err.upload_one");
  const file = files[0];
  if (!file || typeof file === "string") throw fileError(c, 400, "err.upload_missing");
  return { name: file.name, type: file.type, bytes: new Uint8Array(await file.arrayBuffer()) };
};

const problem = (description: string) => ({
  content: { "application/problem+json": { schema: ProblemSchema } },
  description,
});
const binary = { schema: { type: "string" as const, format: "binary" } };

export const uploadsApi = createApi()
  .openapi(
    createRoute({
      method: "post",
      path: "/uploads",
      tags,
      security,
      middleware: [uploadGate] as const,
      summary:
        "Upload one file (≤ 5 MB): a JPEG, PNG or WebP photo (its metadata removed before storing), a PDF, or an MP3, OGG or M4A voice note",
      description:
        "The kind is read from the bytes. Signed-in people with a verified e-mail address only; at most 30 files an hour each.",
      request: {
        body: { required: true, content: { "multipart/form-data": { schema: UploadForm } } },
      },
      responses: {
        201: json(Upload, "Stored"),
        ...pick(400, 401, 403, 422, 429),
        413: problem("The file (or the request) is over 5 MB; `errors` names `file`"),
        415: problem(
          "Not multipart, not an accepted kind, or a name or type that disagrees with the bytes; `errors` names `file`",
        ),
      },
    }),
    async (c) => {
      const file = await readFile(c);
      return c.json(await createUpload(c.get("db"), c.env.UPLOADS, c.get("t"), viewerOf(c), file), 201);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/uploads/{id}",
      tags,
      security,
      summary:
        "The file's bytes (its uploader, admins, and those who may see what it is attached to); photos inline, the rest as a download",
      request: { params: IdParam },
      responses: {
        200: {
          content: Object.fromEntries(Object.values(UPLOAD_MEDIA).map((m) => [m.type, binary])),
          description: "The stored bytes, with the Content-Type of their kind",
        },
        ...pick(401, 404),
      },
    }),
    async (c) => {
      const { upload, object } = await readUpload(
        c.get("db"),
        c.env.UPLOADS,
        viewerOf(c),
        c.req.valid("param").id,
      );
      return c.body(object.body, 200, servingHeaders(upload.kind, upload.id, object.size));
    },
  );
