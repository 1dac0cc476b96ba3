// The trust ladder's rules, one by one: each level's evidence, rings, expiry, revocation, distance,
// and a voucher that is no longer trusted.
import { describe, expect, test } from "vitest";
import { deriveTrustLevel, vouchStanding, type TrustFacts, type VouchFact } from "../../worker/domain/trust";

const NOW = new Date("2027-03-01T12:00:00Z");
const days = (n: number) => new Date(NOW.getTime() + n * 86_400_000).toISOString();
const org = {
  country: "EG",
  region: "Northern Africa",
  platformVerified: false,
  members: 2,
  verifiedMembers: 2,
};
let n = 0;
const vouch = (over: Partial<VouchFact> = {}): VouchFact => ({
  id: `v${++n}`,
  voucherOrgId: `org${n}`,
  voucherLevel: 3,
  voucherCountry: "EG",
  voucherRegion: "Northern Africa",
  sharesMember: false,
  createdAt: days(-30),
  expiresAt: days(335),
  revokedAt: null,
  returnedAt: null,
  ...over,
});
const facts = (over: Partial<TrustFacts> = {}): TrustFacts => ({
  org,
  confirmations: [],
  vouches: [],
  ...over,
});

describe("levels", () => {
  test("0: a member has not verified their address; 1: every member has", () => {
    expect(deriveTrustLevel(facts({ org: { ...org, verifiedMembers: 1 } }), NOW)).toBe(0);
    expect(deriveTrustLevel(facts({ org: { ...org, members: 0, verifiedMembers: 0 } }), NOW)).toBe(0);
    expect(deriveTrustLevel(facts(), NOW)).toBe(1);
  });

  test("2: two trusted organisations nearby vouch; one is not enough, nor two vouches from the same one", () => {
    expect(deriveTrustLevel(facts({ vouches: [vouch()] }), NOW)).toBe(1);
    expect(deriveTrustLevel(facts({ vouches: [vouch(), vouch()] }), NOW)).toBe(2);
    const same = vouch();
    expect(deriveTrustLevel(facts({ vouches: [same, { ...same, id: "again" }] }), NOW)).toBe(1);
    // Vouches do not lift a group whose members are unreachable.
    expect(
      deriveTrustLevel(facts({ org: { ...org, verifiedMembers: 1 }, vouches: [vouch(), vouch()] }), NOW),
    ).toBe(0);
  });

  test("3: a chapter coordinator confirmed it; 4: the platform verified it", () => {
    const confirmation = { at: days(-1), coordinatorUserId: "u", method: "visit" };
    expect(deriveTrustLevel(facts({ confirmations: [confirmation] }), NOW)).toBe(3);
    expect(deriveTrustLevel(facts({ org: { ...org, platformVerified: true } }), NOW)).toBe(4);
  });
});

describe("which vouches count", () => {
  test.each([
    ["an expired vouch", { expiresAt: days(-1) }, "expired"],
    ["a revoked vouch", { revokedAt: days(-2) }, "revoked"],
    ["a voucher below level 3 (or that dropped below it)", { voucherLevel: 2 }, "voucher_not_trusted"],
    ["a voucher sharing a member (a ring)", { sharesMember: true }, "shares_member"],
    ["a vouch returned within the week (a ring)", { returnedAt: days(-27) }, "returned"],
    ["a vouch returned before, within the week", { returnedAt: days(-33) }, "returned"],
    ["a voucher in another region", { voucherCountry: "KE", voucherRegion: "Sub-Saharan Africa" }, "too_far"],
  ] as const)("%s does not count", (_, over, standing) => {
    const v = vouch(over);
    expect(vouchStanding(v, org, NOW)).toBe(standing);
    expect(deriveTrustLevel(facts({ vouches: [v, vouch()] }), NOW)).toBe(1);
  });

  test("a vouch from the same sub-region counts, and one returned months later is not a ring", () => {
    expect(vouchStanding(vouch({ voucherCountry: "TN" }), org, NOW)).toBe("counts");
    expect(vouchStanding(vouch({ returnedAt: days(-1) }), org, NOW)).toBe("counts");
  });
});
