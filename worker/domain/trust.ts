// The trust ladder, derived from evidence and never typed in. Pure: the data layer gathers the facts.
//   0 new · 1 every member's e-mail verified · 2 vouched for by two trusted peers nearby · 3 confirmed
//   by a coordinator of its country chapter · 4 verified by the platform.
// Level 2 also needs level 1 (a group whose members are not even reachable cannot be vouched into
// trust); levels 3 and 4 rest on a person's check and stand on their own.

export const TRUST_LEVELS = [0, 1, 2, 3, 4] as const;
export type TrustLevel = (typeof TRUST_LEVELS)[number];

/** Vouches count from organisations at this level or above (chapter-confirmed or platform-verified). */
export const VOUCHER_MIN_LEVEL = 3;
export const VOUCHES_NEEDED = 2;
export const VOUCH_TTL_MS = 365 * 24 * 3600 * 1000;
/** A vouch answered by a vouch back within this long is a ring, not evidence. */
export const RETURN_WINDOW_MS = 7 * 24 * 3600 * 1000;

export type VouchFact = {
  id: string;
  voucherOrgId: string;
  voucherLevel: number;
  voucherCountry: string;
  voucherRegion: string | null;
  /** The voucher and the vouchee have a person in common. */
  sharesMember: boolean;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  /** When the vouchee vouched for this voucher in return (its newest such vouch), if ever. */
  returnedAt: string | null;
};

export type TrustFacts = {
  org: {
    country: string;
    region: string | null;
    platformVerified: boolean;
    members: number;
    verifiedMembers: number;
  };
  confirmations: { at: string; coordinatorUserId: string; method: string }[];
  vouches: VouchFact[];
};

export type VouchStanding =
  | "counts"
  | "expired"
  | "revoked"
  | "voucher_not_trusted"
  | "shares_member"
  | "returned"
  | "too_far";

/** Why a vouch does or does not count, in order of what a person can do about it. */
export const vouchStanding = (v: VouchFact, org: TrustFacts["org"], now: Date): VouchStanding => {
  if (v.revokedAt) return "revoked";
  if (Date.parse(v.expiresAt) <= now.getTime()) return "expired";
  if (v.sharesMember) return "shares_member";
  if (v.returnedAt && Math.abs(Date.parse(v.returnedAt) - Date.parse(v.createdAt)) < RETURN_WINDOW_MS)
    return "returned";
  if (v.voucherLevel < VOUCHER_MIN_LEVEL) return "voucher_not_trusted";
  const near =
    v.voucherCountry === org.country || (v.voucherRegion !== null && v.voucherRegion === org.region);
  return near ? "counts" : "too_far";
};

export const deriveTrustLevel = (f: TrustFacts, now: Date): TrustLevel => {
  if (f.org.platformVerified) return 4;
  if (f.confirmations.length > 0) return 3;
  const level1 = f.org.members > 0 && f.org.verifiedMembers === f.org.members;
  if (!level1) return 0;
  const counting = new Set(
    f.vouches.filter((v) => vouchStanding(v, f.org, now) === "counts").map((v) => v.voucherOrgId),
  );
  return counting.size >= VOUCHES_NEEDED ? 2 : 1;
};
