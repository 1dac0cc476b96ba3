// Uploading a file and reading it back. The kind is read from the bytes, a name or type that says
// otherwise is refused, photos lose their metadata before they are stored (worker/uploads/), and the
// R2 key is random — the sender's file name is never stored. Reading is for the uploader, admins, and
// whoever what the file is attached to lets read it (ATTACHMENT_READERS); for anyone else it does not exist.
import type { Db } from "../db/client";
import { findUpload, readUploadObject, reportUploadReaders, storeUpload, uploadsSince } from "../db/uploads";
import { isPublishedResourceFile } from "../db/resources";
import { newId } from "../security/random";
import { canReadUpload, canUpload, type Viewer } from "../domain/permissions";
import { Problem } from "../core/problem";
import { authorize, enforce } from "../core/authorize";
import type { Translate } from "../i18n";
import { MAX_UPLOAD_BYTES } from "../../schema/api/uploads";
import { sniffKind } from "../uploads/sniff";
import { labelAgrees } from "../uploads/labels";
import { bytesToStore } from "../uploads/clean";
import { UPLOAD_MEDIA } from "../uploads/kinds";

/** Files one person may upload in a rolling hour: a report's photos and receipts fit many times over. */
export const UPLOADS_PER_HOUR = 30;
const HOUR_MS = 3_600_000;

/** A refusal about the file, named `file` so forms and API clients put the message beside it. */
const fileProblem = (
  status: number,
  message: string,
  extra?: Record<string, unknown>,
  headers?: Record<string, string>,
) => new Problem(status, message, [{ path: "file", message }], extra, headers);

export const tooLarge = (t: Translate) =>
  fileProblem(413, t("err.upload_too_large", { max: MAX_UPLOAD_BYTES / (1024 * 1024) }));

/**
 * Refuses whoever may not upload (401 signed out, 403 with a sentence for an unverified address). The
 * route calls it before reading the body, so a refused caller's megabytes are never buffered.
 */
export function assertMayUpload(viewer: Viewer | null, t: Translate): asserts viewer is Viewer {
  const decision = canUpload(viewer);
  if (!decision.ok && decision.reason === "email_unverified")
    throw new Problem(403, t("err.upload_unverified"));
  authorize(viewer, decision, t);
}

/** What the sender sent: the bytes, and what it said they were (kept only to compare, never stored). */
export type IncomingFile = { name: string; type: string; bytes: Uint8Array };

const refuseIfBusy = async (db: Db, t: Translate, userId: string) => {
  const now = Date.now();
  const recent = await uploadsSince(db, userId, new Date(now - HOUR_MS).toISOString());
  if (recent.count < UPLOADS_PER_HOUR) return;
  const wait = recent.first
    ? Math.max(60, Math.ceil((Date.parse(recent.first) + HOUR_MS - now) / 1000))
    : 3600;
  throw fileProblem(
    429,
    t("err.upload_quota", { count: recent.count }),
    { retryAfter: wait },
    {
      "Retry-After": String(wait),
    },
  );
};

export const createUpload = async (
  db: Db,
  bucket: R2Bucket,
  t: Translate,
  viewer: Viewer | null,
  file: IncomingFile,
) => {
  assertMayUpload(viewer, t);
  if (file.bytes.length === 0) throw fileProblem(400, t("err.upload_empty"));
  if (file.bytes.length > MAX_UPLOAD_BYTES) throw tooLarge(t);
  await refuseIfBusy(db, t, viewer.userId);
  const kind = sniffKind(file.bytes);
  if (!kind) throw fileProblem(415, t("err.upload_kind"));
  if (!labelAgrees(kind, file))
    throw fileProblem(415, t("err.upload_mislabelled", { kind: UPLOAD_MEDIA[kind].label }));
  const stored = bytesToStore(kind, file.bytes);
  if (!stored) throw fileProblem(422, t("err.upload_malformed"));
  const id = newId();
  await storeUpload(
    db,
    bucket,
    { id, uploaderId: viewer.userId, kind, r2Key: newId(), contentType: UPLOAD_MEDIA[kind].type },
    stored,
  );
  return { id, kind, bytes: stored.length };
};

/**
 * Who else may read a file, one lookup per kind of thing a file can be attached to, each answering the
 * organisations whose members may read it. Light reports are the first; a kind of attachment added later
 * (a disbursement's receipt) adds its lookup here, and canReadUpload needs no change.
 */
export const ATTACHMENT_READERS: readonly ((db: Db, uploadId: string) => Promise<{ orgIds: string[] }>)[] = [
  async (db, uploadId) => ({ orgIds: await reportUploadReaders(db, uploadId) }),
];

const attachmentReaders = (db: Db, uploadId: string) =>
  Promise.all(ATTACHMENT_READERS.map((readers) => readers(db, uploadId)));

/** The file's row and its bytes, for those who may read it; 401 signed out, 404 for everyone else. */
export const readUpload = async (db: Db, bucket: R2Bucket, viewer: Viewer | null, id: string) => {
  // A published library resource's file is everyone's, signed in or not (it says nothing about other ids).
  const published = await isPublishedResourceFile(db, id);
  // Signed out is 401 whether or not the id exists, so the answer says nothing about the id.
  if (!viewer && !published) throw new Problem(401);
  const upload = await findUpload(db, id);
  if (!upload) throw new Problem(404);
  const own = published ? { ok: true as const } : canReadUpload(viewer, upload, []);
  enforce(own.ok ? own : canReadUpload(viewer, upload, await attachmentReaders(db, upload.id)));
  const object = await readUploadObject(bucket, upload.r2Key);
  if (!object) throw new Problem(404);
  return { upload, object };
};
