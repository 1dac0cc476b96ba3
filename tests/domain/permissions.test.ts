import { describe, expect, test } from "vitest";
import {
  canViewOrg,
  canEditOrg,
  canManageMembers,
  canChangeVisibility,
  canDisposeOrg,
  canReachOutForCall,
  visibleLevels,
  type Viewer,
} from "../../worker/domain/permissions";
import { toMask, fromMask } from "../../worker/domain/bitmask";
import { LED_BY } from "../../schema/enums";

const viewer = (over: Partial<Viewer> = {}): Viewer => ({
  userId: "u",
  email: "u@x",
  emailVerified: true,
  name: "U",
  locale: "en",
  timeZone: null,
  platformRole: "user",
  memberships: [],
  twoFactor: false,
  ...over,
});
const cso = viewer({
  memberships: [{ orgId: "other-cso", orgKind: "cso", role: "owner", orgVerified: false }],
});
const funder = viewer({
  memberships: [{ orgId: "f", orgKind: "funder", role: "member", orgVerified: true }],
});
/** Anyone can create a funder organisation; the platform has not verified this one. */
const unverifiedFunder = viewer({
  memberships: [{ orgId: "f2", orgKind: "funder", role: "owner", orgVerified: false }],
});
const admin = viewer({ platformRole: "admin" });
const analyst = viewer({ platformRole: "analyst" });
const member = viewer({
  memberships: [{ orgId: "org", orgKind: "cso", role: "member", orgVerified: false }],
});

describe("organisation visibility", () => {
  test.each([
    ["public", null, true],
    ["public", cso, true],
    ["public", funder, true],
    ["public", admin, true],
    ["funders_only", null, false],
    ["funders_only", cso, false],
    ["funders_only", analyst, false],
    ["funders_only", funder, true],
    ["funders_only", unverifiedFunder, false],
    ["funders_only", admin, true],
    ["funders_only", member, true],
    ["hidden", null, false],
    ["hidden", cso, false],
    ["hidden", funder, false],
    ["hidden", analyst, false],
    ["hidden", admin, true],
    ["hidden", member, true],
  ] as const)("%s organisation seen by %o → %s", (visibility, v, expected) => {
    const d = canViewOrg(v, { id: "org", visibility });
    expect(d.ok).toBe(expected);
    if (!d.ok) expect(d.status).toBe(404);
  });

  test("visible levels by role", () => {
    expect(visibleLevels(null)).toEqual(["public"]);
    expect(visibleLevels(funder)).toEqual(["public", "funders_only"]);
    expect(visibleLevels(unverifiedFunder)).toEqual(["public"]);
    expect(visibleLevels(admin)).toEqual(["public", "funders_only", "hidden"]);
  });

  test("editing: members and admins; others 403 if they can see it, 404 if not; anonymous 401", () => {
    expect(canEditOrg(member, { id: "org", visibility: "hidden" }).ok).toBe(true);
    expect(canEditOrg(admin, { id: "org", visibility: "hidden" }).ok).toBe(true);
    expect(canEditOrg(cso, { id: "org", visibility: "public" })).toMatchObject({ ok: false, status: 403 });
    expect(canEditOrg(cso, { id: "org", visibility: "hidden" })).toMatchObject({ ok: false, status: 404 });
    expect(canEditOrg(null, { id: "org", visibility: "public" })).toMatchObject({ ok: false, status: 401 });
  });

  test("only owners manage members and visibility; not members, not admins", () => {
    expect(canManageMembers(member, { id: "org", visibility: "public" })).toMatchObject({
      ok: false,
      status: 403,
      reason: "not_owner",
    });
    expect(canManageMembers(admin, { id: "org", visibility: "hidden" })).toMatchObject({
      ok: false,
      status: 403,
    });
    expect(canChangeVisibility(member, { id: "org", visibility: "hidden" })).toMatchObject({
      ok: false,
      status: 403,
    });
    expect(
      canManageMembers(
        viewer({ memberships: [{ orgId: "org", orgKind: "cso", role: "owner", orgVerified: false }] }),
        { id: "org", visibility: "public" },
      ).ok,
    ).toBe(true);
  });

  test("exporting and deleting: owners only, not members and not admins; a hidden group stays unfindable", () => {
    const owner = viewer({
      memberships: [{ orgId: "org", orgKind: "cso", role: "owner", orgVerified: false }],
    });
    expect(canDisposeOrg(owner, { id: "org", visibility: "hidden" }).ok).toBe(true);
    expect(canDisposeOrg(member, { id: "org", visibility: "hidden" })).toMatchObject({
      ok: false,
      status: 403,
    });
    expect(canDisposeOrg(admin, { id: "org", visibility: "hidden" })).toMatchObject({
      ok: false,
      status: 403,
    });
    expect(canDisposeOrg(cso, { id: "org", visibility: "hidden" })).toMatchObject({ ok: false, status: 404 });
    expect(canDisposeOrg(cso, { id: "org", visibility: "public" })).toMatchObject({ ok: false, status: 403 });
    expect(canDisposeOrg(null, { id: "org", visibility: "public" })).toMatchObject({
      ok: false,
      status: 401,
    });
  });
});

describe("reaching out to groups", () => {
  test("ranking, inviting and publishing need a verified funder; drafting does not", () => {
    const call = (funderOrgId: string) => ({ funderOrgId, status: "draft" });
    expect(canReachOutForCall(funder, call("f")).ok).toBe(true);
    expect(canReachOutForCall(unverifiedFunder, call("f2"))).toMatchObject({
      ok: false,
      status: 403,
      reason: "funder_not_verified",
    });
    expect(canReachOutForCall(funder, call("f2"))).toMatchObject({ ok: false, status: 404 });
    expect(canReachOutForCall(admin, call("f"))).toMatchObject({ ok: false, status: 403 });
  });
});

describe("bitmasks", () => {
  test("round-trip in taxonomy order", () => {
    const mask = toMask(["youth", "women"], LED_BY);
    expect(mask).toBe(0b11);
    expect(fromMask(mask, LED_BY)).toEqual(["women", "youth"]);
    expect(fromMask(0, LED_BY)).toEqual([]);
  });
});
