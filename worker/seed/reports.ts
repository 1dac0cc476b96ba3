// The demo light report: the Minya group's answer to its 2025 core grant, sent, with a photo, so the
// funder (funder@) can read it from the award page and the group (cso@) sees what it sent.
// Seeded once: skipped when the report exists, or when there is no award to report on or no bucket to
// hold the photo (the seed's callers without R2).
import { eq } from "drizzle-orm";
import { awardReports, awards, uploads } from "../../schema";
import type { Db } from "../db/client";
import { insertReport } from "../db/award-reports";
import { storeUpload } from "../db/uploads";
import { newId } from "../security/random";
import { bytesToStore } from "../uploads/clean";
import { UPLOAD_MEDIA } from "../uploads/kinds";
import { demoPhotoJpeg } from "./demo-photo";
import { DEMO_AWARD } from "./after-award";

export const DEMO_REPORT = "demo-report-minya-1";
const PHOTO = "demo-upload-minya-photo";
/** cso@, the Minya group's owner: the one who writes its reports. */
const WRITER = "demo-user-cso";

export const seedDemoReport = async (db: Db, bucket: R2Bucket) => {
  if (
    await db.select({ id: awardReports.id }).from(awardReports).where(eq(awardReports.id, DEMO_REPORT)).get()
  )
    return 0;
  const award = await db.select({ orgId: awards.orgId }).from(awards).where(eq(awards.id, DEMO_AWARD)).get();
  if (!award) return 0;
  // A run that stored the photo but failed before the report keeps that photo rather than adding another.
  if (!(await db.select({ id: uploads.id }).from(uploads).where(eq(uploads.id, PHOTO)).get())) {
    const photo = bytesToStore("jpeg", demoPhotoJpeg());
    if (!photo) throw new Error("The demo photo does not walk as a JPEG.");
    await storeUpload(
      db,
      bucket,
      { id: PHOTO, uploaderId: WRITER, kind: "jpeg", r2Key: newId(), contentType: UPLOAD_MEDIA.jpeg.type },
      photo,
    );
  }
  await insertReport(db, {
    id: DEMO_REPORT,
    awardId: DEMO_AWARD,
    orgId: award.orgId,
    language: "ar",
    answers: {
      changed: "أربعون امرأة أنهين دروس محو الأمية، وبدأت اثنتا عشرة منهن العمل في ورشة الخياطة.",
      hard: "وصل المال متأخرًا وأقل مما أُرسل، فأجّلنا شراء ماكينتين.",
      next: "فصل ثانٍ في قرية مجاورة، وبيع الملابس في سوق المدينة.",
    },
    submitted: true,
    createdBy: WRITER,
    uploadIds: [PHOTO],
  });
  return 1;
};
