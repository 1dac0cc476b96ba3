// Uploaded files: the row in D1 (kind, size, uploader, R2 key) and the bytes in R2, and who may read a
// file because of what it is attached to.
import { and, count, eq, gte, min } from "drizzle-orm";
import { awardReports, awards, reportShares, reportUploads, uploads } from "../../schema";
import type { UploadKind } from "../../schema/enums";
import type { Db } from "./client";
import { nowIso } from "./client";

export type UploadRow = typeof uploads.$inferSelect;

/**
 * Stores the bytes under `r2Key`, then the row. If the row cannot be written the object is removed again,
 * so R2 holds nothing that no row points to.
 */
export const storeUpload = async (
  db: Db,
  bucket: R2Bucket,
  row: { id: string; uploaderId: string; kind: UploadKind; r2Key: string; contentType: string },
  bytes: Uint8Array,
) => {
  await bucket.put(row.r2Key, bytes, { httpMetadata: { contentType: row.contentType } });
  try {
    await db.insert(uploads).values({
      id: row.id,
      uploaderId: row.uploaderId,
      kind: row.kind,
      bytes: bytes.length,
      r2Key: row.r2Key,
      createdAt: nowIso(),
    });
  } catch (e) {
    await bucket.delete(row.r2Key);
    throw e;
  }
};

export const findUpload = (db: Db, id: string) => db.select().from(uploads).where(eq(uploads.id, id)).get();

export const readUploadObject = (bucket: R2Bucket, r2Key: string) => bucket.get(r2Key);

/** How many files this person uploaded since `since` (ISO time), and when the first of them was. */
export const uploadsSince = async (db: Db, uploaderId: string, since: string) => {
  const row = await db
    .select({ n: count(), first: min(uploads.createdAt) })
    .from(uploads)
    .where(and(eq(uploads.uploaderId, uploaderId), gte(uploads.createdAt, since)))
    .get();
  return { count: row?.n ?? 0, first: row?.first ?? null };
};

/**
 * Organisations whose members may read a file attached to light reports: the reporting group always; once
 * the report is submitted, also the funder of the award it reports on and the funders of the awards it was
 * shared with (a draft's photos are the group's until it sends the report).
 */
export const reportUploadReaders = async (db: Db, uploadId: string): Promise<string[]> => {
  const attached = eq(reportUploads.uploadId, uploadId);
  const sent = and(attached, eq(awardReports.status, "submitted"));
  const group = db
    .select({ orgId: awardReports.orgId })
    .from(reportUploads)
    .innerJoin(awardReports, eq(awardReports.id, reportUploads.reportId))
    .where(attached);
  const funder = db
    .select({ orgId: awards.funderOrgId })
    .from(reportUploads)
    .innerJoin(awardReports, eq(awardReports.id, reportUploads.reportId))
    .innerJoin(awards, eq(awards.id, awardReports.awardId))
    .where(sent);
  const sharedWith = db
    .select({ orgId: awards.funderOrgId })
    .from(reportUploads)
    .innerJoin(awardReports, eq(awardReports.id, reportUploads.reportId))
    .innerJoin(reportShares, eq(reportShares.reportId, awardReports.id))
    .innerJoin(awards, eq(awards.id, reportShares.awardId))
    .where(sent);
  return (await group.union(funder).union(sharedWith)).map((r) => r.orgId);
};
