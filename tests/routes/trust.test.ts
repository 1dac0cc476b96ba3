// The trust ladder over HTTP: levels derived from real evidence (verified addresses, vouches, a chapter's
// confirmation, the platform's verification), re-derived when evidence changes, who may do what, and
// hidden vouchers never named.
import { env } from "cloudflare:workers";
import { describe, expect, test } from "vitest";
import { Client } from "../helpers/client";
import { signUp, orgOwner, userWithRole, csoFields, funderFields, addMember } from "../helpers/world";

const statement = "We organised two village savings groups together in 2025.";
const admin = () => userWithRole("admin");

/** An organisation the platform verified (level 4), owned by the returned client. */
const trusted = async (fields: Record<string, unknown> = {}) => {
  const owner = await orgOwner({
    ...csoFields,
    name: `Trusted ${Math.random().toString(36).slice(2, 7)}`,
    ...fields,
  });
  expect((await (await admin()).post(`/api/v1/orgs/${owner.org.id}/verify`, { verified: true })).status).toBe(
    200,
  );
  return owner;
};
const levelOf = async (orgId: string) =>
  (await new Client().get(`/api/v1/orgs/${orgId}`)).body.trustLevel as number;
const vouch = (voucher: Awaited<ReturnType<typeof trusted>>, voucheeId: string) =>
  voucher.post(`/api/v1/orgs/${voucheeId}/vouches`, {
    voucherOrgId: voucher.org.id,
    relationship: "worked_together",
    statement,
  });

describe("levels from evidence", () => {
  test("a new group whose owner verified their address is level 1; an unverified member brings it to 0", async () => {
    const group = await orgOwner();
    expect(group.org.trustLevel).toBe(1);
    expect(await levelOf(group.org.id)).toBe(1);
    // A member who joined and then lost verification (as before this address was proven) pulls it down.
    const member = await signUp();
    await addMember(group, group.org.id, member);
    await env.DB.prepare("UPDATE users SET email_verified_at = NULL WHERE id = ?").bind(member.userId).run();
    await (await import("../../worker/actions/trust")).recomputeTrust(
      (await import("../../worker/db/client")).createDb(env.DB),
      group.org.id,
    );
    expect(await levelOf(group.org.id)).toBe(0);
  });

  test("two trusted organisations nearby vouch → level 2; one takes it back → level 1; the audit log has each change", async () => {
    const group = await orgOwner({ ...csoFields, name: "Newly vouched" });
    const [a, b] = [await trusted(), await trusted({ country: "TN" })];
    expect((await vouch(a, group.org.id)).status).toBe(201);
    expect(await levelOf(group.org.id)).toBe(1);
    const second = await vouch(b, group.org.id);
    expect(second.status).toBe(201);
    expect(await levelOf(group.org.id)).toBe(2);
    expect((await vouch(b, group.org.id)).status).toBe(409); // one active vouch per pair
    expect((await b.json("DELETE", `/api/v1/vouches/${second.body.id}`)).status).toBe(204);
    expect(await levelOf(group.org.id)).toBe(1);
    const changes = await env.DB.prepare(
      "SELECT data FROM audit_log WHERE action = 'trust.level_changed' AND subject_id = ? ORDER BY id",
    )
      .bind(group.org.id)
      .all<{ data: string }>();
    expect(changes.results.map((r) => JSON.parse(r.data))).toEqual([
      { from: 0, to: 1 },
      { from: 1, to: 2 },
      { from: 2, to: 1 },
    ]);
  });

  test("rings never count: a voucher sharing a member, or a vouch returned within the week", async () => {
    const group = await orgOwner({ ...csoFields, name: "Ring member" });
    const [a, b] = [await trusted(), await trusted()];
    await addMember(a, a.org.id, group); // the group's owner also sits in voucher A
    await vouch(a, group.org.id);
    await vouch(b, group.org.id);
    expect(await levelOf(group.org.id)).toBe(1);
    const evidence = (await group.get(`/api/v1/orgs/${group.org.id}/trust`)).body.evidence as {
      kind: string;
      detail?: string;
      counts: boolean;
    }[];
    expect(
      evidence
        .filter((e) => e.kind === "vouch")
        .map((e) => e.detail)
        .sort(),
    ).toEqual(["counts", "shares_member"]);

    // Two trusted organisations vouching for each other within days gain nothing from it either.
    const [c, d] = [await trusted(), await trusted()];
    await vouch(c, d.org.id);
    await vouch(d, c.org.id);
    const standing = (await c.get(`/api/v1/orgs/${c.org.id}/trust`)).body.evidence.find(
      (e: { kind: string }) => e.kind === "vouch",
    );
    expect(standing).toMatchObject({ detail: "returned", counts: false });
  });

  test("a vouch from another region does not count; one from the same sub-region does", async () => {
    const group = await orgOwner({ ...csoFields, name: "Far vouched" });
    const far = await trusted({ country: "KE" });
    await vouch(far, group.org.id);
    const near = await trusted({ country: "MA" });
    await vouch(near, group.org.id);
    expect(await levelOf(group.org.id)).toBe(1);
    const standings = (await group.get(`/api/v1/orgs/${group.org.id}/trust`)).body.evidence
      .filter((e: { kind: string }) => e.kind === "vouch")
      .map((e: { detail: string }) => e.detail)
      .sort();
    expect(standings).toEqual(["counts", "too_far"]);
  });

  test("when a voucher loses its own level, the groups it vouched for are re-derived at once", async () => {
    const group = await orgOwner({ ...csoFields, name: "Leaning on a voucher" });
    const [a, b] = [await trusted(), await trusted()];
    await vouch(a, group.org.id);
    await vouch(b, group.org.id);
    expect(await levelOf(group.org.id)).toBe(2);
    expect((await (await admin()).post(`/api/v1/orgs/${a.org.id}/verify`, { verified: false })).status).toBe(
      200,
    );
    expect(await levelOf(a.org.id)).toBe(1);
    expect(await levelOf(group.org.id)).toBe(1);
  });

  test("vouches expire after 12 months: the cron re-derives the groups standing on them", async () => {
    const group = await orgOwner({ ...csoFields, name: "Expiring vouches" });
    const [a, b] = [await trusted(), await trusted()];
    await vouch(a, group.org.id);
    await vouch(b, group.org.id);
    expect(await levelOf(group.org.id)).toBe(2);
    const expiry = (await group.get(`/api/v1/orgs/${group.org.id}/vouches`)).body.items[0]
      .expiresAt as string;
    expect(Date.parse(expiry) - Date.now()).toBeGreaterThan(364 * 86_400_000);
    await env.DB.prepare("UPDATE vouches SET expires_at = ? WHERE vouchee_org_id = ?")
      .bind(new Date(Date.now() - 1000).toISOString(), group.org.id)
      .run();
    const { exports } = await import("cloudflare:workers");
    await (
      exports as unknown as {
        default: { scheduled: (c: { scheduledTime: number; cron: string }) => Promise<void> };
      }
    ).default.scheduled({ scheduledTime: Date.now(), cron: "*/15 * * * *" });
    expect(await levelOf(group.org.id)).toBe(1);
    // An expired vouch no longer blocks a new one from the same organisation.
    expect((await vouch(a, group.org.id)).status).toBe(201);
  });
});

describe("who may vouch, confirm and verify", () => {
  test("only owners of an organisation at level 3 or 4 vouch; members, untrusted owners and strangers cannot", async () => {
    const group = await orgOwner({ ...csoFields, name: "Wants vouches" });
    const untrusted = await orgOwner({ ...csoFields, name: "Level one" });
    const refused = await vouch(untrusted as Awaited<ReturnType<typeof trusted>>, group.org.id);
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0].path).toBe("voucherOrgId");
    const a = await trusted();
    const member = await signUp();
    await addMember(a, a.org.id, member, "member");
    expect(
      (
        await member.post(`/api/v1/orgs/${group.org.id}/vouches`, {
          voucherOrgId: a.org.id,
          relationship: "other",
          statement,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await (
          await signUp()
        ).post(`/api/v1/orgs/${group.org.id}/vouches`, {
          voucherOrgId: a.org.id,
          relationship: "other",
          statement,
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await new Client().post(`/api/v1/orgs/${group.org.id}/vouches`, {
          voucherOrgId: a.org.id,
          relationship: "other",
          statement,
        })
      ).status,
    ).toBe(401);
    const short = await a.post(`/api/v1/orgs/${group.org.id}/vouches`, {
      voucherOrgId: a.org.id,
      relationship: "other",
      statement: "Too short",
    });
    expect(short.status).toBe(400);
    expect(short.body.errors[0].path).toBe("statement");
    expect(
      (
        await a.post(`/api/v1/orgs/${a.org.id}/vouches`, {
          voucherOrgId: a.org.id,
          relationship: "other",
          statement,
        })
      ).status,
    ).toBe(422);
    // Only the voucher's owners take it back.
    const made = await vouch(a, group.org.id);
    expect((await group.json("DELETE", `/api/v1/vouches/${made.body.id}`)).status).toBe(404);
    expect((await member.json("DELETE", `/api/v1/vouches/${made.body.id}`)).status).toBe(403);
  });

  test("admins appoint coordinators; a coordinator confirms groups of their own country (level 3), hidden ones too, never elsewhere", async () => {
    const coordinator = await signUp();
    const adm = await admin();
    expect(
      (await coordinator.json("PUT", `/api/v1/chapters/EG/coordinators/${coordinator.userId}`)).status,
    ).toBe(403);
    expect((await adm.json("PUT", `/api/v1/chapters/EG/coordinators/${coordinator.userId}`)).status).toBe(
      204,
    );
    expect((await adm.json("PUT", "/api/v1/chapters/QQ/coordinators/x")).status).toBe(404); // no such country
    expect((await adm.json("PUT", "/api/v1/chapters/egypt/coordinators/x")).status).toBe(400);

    const hidden = await orgOwner({ ...csoFields, name: "Quiet Minya circle", visibility: "hidden" });
    expect((await hidden.post(`/api/v1/orgs/${hidden.org.id}/confirmation-request`)).status).toBe(202);
    const chapter = (await coordinator.get("/api/v1/chapters/EG")).body;
    expect(chapter.queue.map((q: { orgId: string }) => q.orgId)).toContain(hidden.org.id);
    expect(chapter.coordinators.map((c: { userId: string }) => c.userId)).toContain(coordinator.userId);
    // Nobody else learns of the hidden group from the chapter.
    const publicChapter = (await new Client().get("/api/v1/chapters/EG")).body;
    expect(publicChapter.queue).toBeNull();
    expect(JSON.stringify(publicChapter)).not.toContain("Quiet Minya circle");

    const confirmed = await coordinator.post(`/api/v1/orgs/${hidden.org.id}/confirmations`, {
      method: "visit",
      note: "Met the members in Minya.",
    });
    expect(confirmed.status).toBe(201);
    expect(confirmed.body.level).toBe(3);
    expect((await coordinator.get(`/api/v1/orgs/${hidden.org.id}`)).status).toBe(404); // confirming grants no view
    const kenyan = await orgOwner({ ...csoFields, country: "KE" });
    expect(
      (
        await coordinator.post(`/api/v1/orgs/${kenyan.org.id}/confirmations`, {
          method: "call",
          note: "A call.",
        })
      ).status,
    ).toBe(403);
    expect(
      (await kenyan.post(`/api/v1/orgs/${kenyan.org.id}/confirmations`, { method: "call", note: "Myself." }))
        .status,
    ).toBe(403);
    const bad = await coordinator.post(`/api/v1/orgs/${hidden.org.id}/confirmations`, {
      method: "rumour",
      note: "",
    });
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(["method", "note"]);

    expect((await coordinator.json("DELETE", `/api/v1/orgs/${hidden.org.id}/confirmations`)).status).toBe(
      204,
    );
    expect((await hidden.get(`/api/v1/orgs/${hidden.org.id}`)).body.trustLevel).toBe(1);
    expect((await adm.json("DELETE", `/api/v1/chapters/EG/coordinators/${coordinator.userId}`)).status).toBe(
      204,
    );
    expect(
      (
        await coordinator.post(`/api/v1/orgs/${hidden.org.id}/confirmations`, {
          method: "visit",
          note: "Again.",
        })
      ).status,
    ).toBe(404);
  });

  test("only admins verify (level 4), funders included", async () => {
    const funder = await orgOwner(funderFields, { verified: false });
    expect((await funder.post(`/api/v1/orgs/${funder.org.id}/verify`, { verified: true })).status).toBe(403);
    const checks = {
      website: "https://fund.example.org",
      registration: "NL-KvK 1234",
      contact: "Director, by phone",
    };
    expect(
      (await (await admin()).post(`/api/v1/orgs/${funder.org.id}/verify`, { verified: true, checks })).body
        .trustLevel,
    ).toBe(4);
  });
});

describe("who learns what", () => {
  test("a hidden voucher is shown as a verified organisation, its statement withheld; its own members see it", async () => {
    const group = await orgOwner({ ...csoFields, name: "Public vouchee" });
    const secret = await trusted({ name: "Secret Defenders Network", visibility: "hidden" });
    await vouch(secret, group.org.id);
    for (const who of [new Client(), group, await orgOwner(funderFields)]) {
      const trust = (await who.get(`/api/v1/orgs/${group.org.id}/trust`)).body;
      expect(JSON.stringify(trust)).not.toContain("Secret Defenders");
      expect(trust.evidence.find((e: { kind: string }) => e.kind === "vouch").by).toBeNull();
      const listed = (await who.get(`/api/v1/orgs/${group.org.id}/vouches`)).body.items[0];
      expect(listed).toMatchObject({ voucher: null, statement: null });
      expect(JSON.stringify((await who.page(`/orgs/${group.org.id}`)).html)).not.toContain(
        "Secret Defenders",
      );
    }
    expect(
      (await secret.get(`/api/v1/orgs/${group.org.id}/trust`)).body.evidence.find(
        (e: { kind: string }) => e.kind === "vouch",
      ).by,
    ).toMatchObject({ name: expect.stringContaining("Secret Defenders") });
  });

  test("asking for a vouch: owners only, to a trusted organisation the group can see", async () => {
    const group = await orgOwner({ ...csoFields, name: "Asking group" });
    const a = await trusted();
    const untrusted = await orgOwner();
    expect(
      (await group.post(`/api/v1/orgs/${group.org.id}/vouch-requests`, { toOrgId: a.org.id })).status,
    ).toBe(202);
    expect(
      (await group.post(`/api/v1/orgs/${group.org.id}/vouch-requests`, { toOrgId: a.org.id })).status,
    ).toBe(202); // twice is harmless
    expect(
      (await group.post(`/api/v1/orgs/${group.org.id}/vouch-requests`, { toOrgId: untrusted.org.id })).status,
    ).toBe(422);
    const hiddenTrusted = await trusted({ visibility: "hidden" });
    expect(
      (await group.post(`/api/v1/orgs/${group.org.id}/vouch-requests`, { toOrgId: hiddenTrusted.org.id }))
        .status,
    ).toBe(404);
    expect((await a.post(`/api/v1/orgs/${group.org.id}/vouch-requests`, { toOrgId: a.org.id })).status).toBe(
      403,
    );
    const open = await env.DB.prepare(
      "SELECT count(*) AS n FROM vouch_requests WHERE from_org_id = ? AND answered_at IS NULL",
    )
      .bind(group.org.id)
      .first<{ n: number }>();
    expect(open!.n).toBe(1);
    await vouch(a, group.org.id); // vouching answers the request
    const after = await env.DB.prepare(
      "SELECT count(*) AS n FROM vouch_requests WHERE from_org_id = ? AND answered_at IS NULL",
    )
      .bind(group.org.id)
      .first<{ n: number }>();
    expect(after!.n).toBe(0);
  });
});

describe("leaving Sanad", () => {
  test("deleting a voucher ends its vouches (statements erased) and its vouchees fall back at once", async () => {
    const group = await orgOwner({ ...csoFields, name: "Vouched then orphaned" });
    const [a, b] = [await trusted({ name: "Leaving voucher" }), await trusted()];
    await vouch(a, group.org.id);
    await vouch(b, group.org.id);
    expect(await levelOf(group.org.id)).toBe(2);
    expect(
      (await a.json("DELETE", `/api/v1/orgs/${a.org.id}`, { confirmName: "Leaving voucher" })).status,
    ).toBe(200);
    expect(await levelOf(group.org.id)).toBe(1);
    const row = await env.DB.prepare("SELECT statement, revoked_at FROM vouches WHERE voucher_org_id = ?")
      .bind(a.org.id)
      .first<{ statement: string; revoked_at: string }>();
    expect(row).toMatchObject({ statement: "" });
    expect(row!.revoked_at).toBeTruthy();
  });
});
