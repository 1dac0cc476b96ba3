// What the organisation page's "Trust" section needs for this viewer: the level and its evidence as the
// viewer may read it (vouchers it may not see stay unnamed), the vouch form and "take back" for owners of
// trusted organisations, the ladder's next steps for the group's own owners, and the vouch requests
// addressed to a trusted organisation (for its owners).
import type { Db } from "../db/client";
import { findOrg, type Org } from "../db/orgs";
import { trustOf, vouchesOf } from "../actions/trust";
import { coordinatorsOf, trustedOrgsNear, vouchRequestsTo } from "../db/trust";
import { canViewOrg, membershipIn, visibleLevels, type Viewer } from "../domain/permissions";
import { VOUCHER_MIN_LEVEL } from "../domain/trust";
import type { TrustPanel } from "../../web/components/Trust";

export const trustPanel = async (
  db: Db,
  viewer: Viewer | null,
  org: Org,
  now = new Date(),
): Promise<TrustPanel> => {
  const [trust, vouches] = await Promise.all([
    trustOf(db, viewer, org.id, now),
    vouchesOf(db, viewer, org.id),
  ]);
  // The statement of each named vouch, matched to its evidence (one active vouch per pair: voucher + date is unique).
  const statements = new Map(
    vouches
      .filter((v) => v.voucher && !v.revokedAt)
      .map((v) => [`${v.voucher!.orgId}|${v.createdAt}`, v.statement]),
  );
  const evidence = trust.evidence.map((e) => ({
    ...e,
    statement: e.kind === "vouch" && e.by ? (statements.get(`${e.by.orgId}|${e.at}`) ?? null) : null,
  }));

  const owned = viewer?.memberships.filter((m) => m.role === "owner").map((m) => m.orgId) ?? [];
  const ownsThis = owned.includes(org.id);

  // Owners of a trusted organisation looking at another one: vouch, or take their vouch back.
  let vouch: TrustPanel["vouch"] = null;
  if (viewer && !membershipIn(viewer, org.id) && owned.length) {
    const mine = vouches
      .filter(
        (v) =>
          v.voucher &&
          owned.includes(v.voucher.orgId) &&
          !v.revokedAt &&
          Date.parse(v.expiresAt) > now.getTime(),
      )
      .map((v) => ({ id: v.id, voucherName: v.voucher!.name, createdAt: v.createdAt }));
    const vouching = new Set(
      vouches
        .filter((v) => v.voucher && !v.revokedAt && Date.parse(v.expiresAt) > now.getTime())
        .map((v) => v.voucher!.orgId),
    );
    const trusted = (await Promise.all(owned.map((id) => findOrg(db, id)))).filter(
      (o): o is Org => !!o && o.trustLevel >= VOUCHER_MIN_LEVEL,
    );
    const options = trusted.filter((o) => !vouching.has(o.id)).map((o) => ({ id: o.id, name: o.name }));
    if (options.length || mine.length) vouch = { options, mine };
  }

  // The group's own owners, below level 3: ask the chapter, ask trusted organisations nearby.
  let own: TrustPanel["own"] = null;
  if (viewer && ownsThis && org.kind === "cso" && trust.level < 3) {
    const [coordinators, candidates] = await Promise.all([
      coordinatorsOf(db, org.country),
      // A hidden group cannot be vouched for: nobody outside it can see it.
      org.visibility === "hidden"
        ? Promise.resolve([])
        : trustedOrgsNear(
            db,
            org,
            visibleLevels(viewer),
            viewer.memberships.map((m) => m.orgId),
          ),
    ]);
    own = { chapter: coordinators.length > 0, candidates };
  }

  // A trusted organisation's owners: the groups asking it for a vouch (those they may see: the others could not be vouched for).
  const requests =
    ownsThis && trust.level >= VOUCHER_MIN_LEVEL
      ? (await vouchRequestsTo(db, [org.id])).filter(
          (r) => canViewOrg(viewer, { id: r.fromOrgId, visibility: r.fromVisibility }).ok,
        )
      : [];

  return { level: trust.level, evidence, vouch, own, requests };
};
