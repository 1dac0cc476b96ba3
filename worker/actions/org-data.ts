// An owner takes the organisation's data away (one JSON document) or deletes the organisation: personal
// data and texts erased, awards kept anonymised for the equity record, running pledges stopped.
import { voucheesOf } from "../db/trust";
import { recomputeMany } from "./trust";
import type { Db } from "../db/client";
import { nowIso } from "../db/client";
import { findOrg, listMembers } from "../db/orgs";
import { listOrgApplications } from "../db/applications";
import { listFunderCalls } from "../db/calls";
import { pledgesBy } from "../db/pledges";
import { auditInsertIf } from "../db/audit";
import {
  invitationsOf,
  awardsOf,
  notificationsOf,
  auditOf,
  runningPledgesOf,
  eraseOrg,
  reportFilesOf,
  uploadsGone,
  erasedAt,
  keptRecords,
} from "../db/org-erasure";
import { canDisposeOrg, type Viewer } from "../domain/permissions";
import { bandBudget, confirmsName, type ErasureSummary } from "../domain/org-erasure";
import { loadFxTable } from "../db/fx";
import { ledgerOf, stopCollecting } from "./pledges";
import type { PaymentProviders } from "../payments/registry";
import { Problem } from "../core/problem";
import { enforce } from "../core/authorize";
import type { Translate } from "../i18n";

/** The organisation, if the viewer is one of its owners (401/403/404 otherwise, existence not revealed). */
export const ownedOrg = async (db: Db, viewer: Viewer | null, id: string) => {
  const org = await findOrg(db, id);
  if (!org) throw new Problem(viewer ? 404 : 401);
  enforce(canDisposeOrg(viewer, org));
  return org;
};

/** Everything Sanad holds about the organisation that its owners may see, in one document. */
export const exportOrgData = async (db: Db, viewer: Viewer | null, id: string) => {
  const org = await ownedOrg(db, viewer, id);
  const [members, invitations, applications, awards, { ledger }, calls, pledgesMade, notifications, audit] =
    await Promise.all([
      listMembers(db, id),
      invitationsOf(db, id),
      listOrgApplications(db, id),
      awardsOf(db, id),
      ledgerOf(db, viewer, id),
      org.kind === "funder" ? listFunderCalls(db, id) : [],
      org.kind === "funder" ? pledgesBy(db, null, [id]) : [],
      notificationsOf(db, id),
      auditOf(db, id),
    ]);
  return {
    format: "sanad-organisation-export/1" as const,
    exportedAt: nowIso(),
    organisation: org,
    members,
    invitations,
    applications,
    awards,
    ledger,
    calls,
    pledgesMade: pledgesMade.map(({ pledge: p, recipientName }) => ({
      id: p.id,
      recipientOrgId: p.recipientOrgId,
      recipientName,
      amount: { amount: p.amount, currency: p.currency },
      interval: p.interval,
      installments: p.installments,
      status: p.status,
      createdAt: p.createdAt,
    })),
    notifications: notifications.map((n) => ({ ...n, data: JSON.parse(n.data) as Record<string, unknown> })),
    audit: audit.map((a) => ({ ...a, data: JSON.parse(a.data) as Record<string, unknown> })),
  };
};

/**
 * Deletes the organisation. Running pledges are stopped at their providers first (if one fails, nothing
 * here has changed and the owner can try again); then one batch erases and anonymises. What is kept, and
 * in what form (bands rather than figures, no people in the audit trail), is explained in
 * worker/domain/org-erasure.ts.
 */
export const deleteOrg = async (
  db: Db,
  t: Translate,
  viewer: Viewer | null,
  id: string,
  confirmName: string,
  providers: PaymentProviders,
  /** Where uploaded files live: the group's report photos and voice notes are removed from it too. */
  files?: R2Bucket,
): Promise<ErasureSummary> => {
  const org = await ownedOrg(db, viewer, id);
  if (!confirmsName(org.name, confirmName))
    throw new Problem(422, t("err.confirm_name"), [{ path: "confirmName", message: t("err.confirm_name") }]);
  const running = await runningPledgesOf(db, id);
  for (const p of running) await stopCollecting(t, providers, p);
  const at = nowIso();
  const cancelled = running.map((p) => p.id);
  // The size band the equity report gives the budget today (latest rates), kept as a representative amount.
  const keptBudget = bandBudget(org.annualBudget ?? null, await loadFxTable(db));
  // Groups that stood on its vouches are re-derived once they no longer count.
  const vouchees = await voucheesOf(db, id);
  const reportFiles = await reportFilesOf(db, id);
  await db.batch(
    eraseOrg(
      db,
      id,
      at,
      keptBudget,
      cancelled,
      [
        // No actor: like every other entry about the group, this one does not say who (it would name an owner).
        auditInsertIf(
          db,
          {
            actorUserId: null,
            action: "org.deleted",
            subjectType: "org",
            subjectId: id,
            data: { kind: org.kind, pledgesCancelled: cancelled },
          },
          erasedAt(id, at),
        ),
      ],
      reportFiles.map((f) => f.id),
    ),
  );
  // After the rows: a file whose row is gone can no longer be served; its bytes go now if this request
  // erased the group (a failure leaves unreachable bytes, never a reachable file of an erased group).
  if (files && reportFiles.length) {
    const gone = await uploadsGone(
      db,
      reportFiles.map((f) => f.id),
    );
    await files.delete(reportFiles.filter((f) => gone.has(f.id)).map((f) => f.r2Key)).catch(() => {});
  }
  await recomputeMany(db, vouchees);
  return { pledgesCancelled: cancelled.length, ...(await keptRecords(db, id)) };
};
