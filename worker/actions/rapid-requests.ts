// Rapid-response requests waiting for the viewer's funder organisations, per call, for the account page.
// Only the funder's own members are asked about (their memberships), and no applicant is named.
import type { Db } from "../db/client";
import { listRapidWaiting } from "../db/applications";
import { waitingByCall } from "../domain/rapid";
import type { Viewer } from "../domain/permissions";

export const rapidRequestsWaiting = async (db: Db, viewer: Viewer, now = new Date()) =>
  waitingByCall(
    await listRapidWaiting(
      db,
      viewer.memberships.filter((m) => m.orgKind === "funder").map((m) => m.orgId),
    ),
    now,
  );
