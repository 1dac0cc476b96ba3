// HTML forms that carry one optional file next to their text fields, posted without JavaScript as
// multipart/form-data: the gate that lets them past the app's 256 KB limit (signed in first, then the
// upload's own size), reading the fields and the file, and storing the file as the viewer's upload.
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { bodyLimit } from "hono/body-limit";
import type { AppEnv } from "../env";
import { MAX_UPLOAD_BYTES, MULTIPART_OVERHEAD_BYTES } from "../../schema/api/uploads";
import { createUpload, tooLarge } from "../actions/uploads";
import { Problem } from "../core/problem";
import { problemErrors, type FormBody } from "./forms";
import { requireViewer, viewerOf } from "./guards";

/** Room for the text fields beside the file. */
const TEXT_ALLOWANCE = 128 * 1024;

/** Signed in first (a refused caller's megabytes are never read), then the size. */
export const fileFormGate = createMiddleware<AppEnv>(async (c, next) => {
  requireViewer(c);
  const t = c.get("t");
  return bodyLimit({
    maxSize: MAX_UPLOAD_BYTES + MULTIPART_OVERHEAD_BYTES + TEXT_ALLOWANCE,
    onError: () => {
      throw tooLarge(t);
    },
  })(c, next);
});

/** The text fields (a field named `file` is never text) and the one non-empty file, if any. */
export const readFileForm = async (c: Context<AppEnv>) => {
  let raw: Record<string, unknown>;
  try {
    raw = (await c.req.parseBody({ all: true })) as Record<string, unknown>;
  } catch {
    throw new Problem(400, c.get("t")("err.malformed_body"), [
      { path: "body", message: c.get("t")("err.malformed_body") },
    ]);
  }
  const fields: FormBody = {};
  for (const [k, v] of Object.entries(raw))
    if (k !== "file") {
      const values = [v].flat().filter((x): x is string => typeof x === "string");
      fields[k] = values.length === 1 ? values[0] : values;
    }
  const file = [raw.file].flat().find((x): x is File => x instanceof File && x.size > 0);
  return { fields, file };
};

/** Stores the file as the viewer's upload: its id, or the form's errors naming `file` and the refusal's status. */
export const storeFormFile = async (c: Context<AppEnv>, file: File) => {
  try {
    const stored = await createUpload(c.get("db"), c.env.UPLOADS, c.get("t"), viewerOf(c), {
      name: file.name,
      type: file.type,
      bytes: new Uint8Array(await file.arrayBuffer()),
    });
    return { id: stored.id };
  } catch (e) {
    return { errors: problemErrors(e), status: e instanceof Problem ? e.status : 422 };
  }
};
