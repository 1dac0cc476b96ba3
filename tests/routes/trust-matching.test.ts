// A call's minimum trust level over HTTP: matching explains it like any criterion (in the reader's
// language, from the group's level and the vouches that count), submission refuses a group below it,
// the SQL prefilter and the explained path agree, and funders narrow their list by level.
import { env } from "cloudflare:workers";
import { describe, expect, test } from "vitest";
import { Client } from "../helpers/client";
import { orgOwner, csoFields } from "../helpers/world";
import { funderWithCall } from "../helpers/calls";

type Reason = { criterion: string; met: boolean; detail: string };
type Match = { eligible: boolean; score: number; reasons: Reason[]; invited: boolean };
type CallMatch = Match & { call: { id: string } };
type OrgMatch = Match & { org: { id: string; name: string; trustLevel: number } };

const statement = "We ran a women's savings group together in Minya for two years.";
const answers = {
  change: "Girls finish school in our villages.",
  q1: "Rent, transport and a part-time coordinator.",
};
const setLevel = (orgId: string, level: number) =>
  env.DB.prepare("UPDATE orgs SET trust_level = ? WHERE id = ?").bind(level, orgId).run();
const levelOf = async (orgId: string) =>
  (await new Client().get(`/api/v1/orgs/${orgId}`)).body.trustLevel as number;

/** The group's view of one call: eligible or not, and its trust reason. */
const seenBy = async (group: Client & { org: { id: string } }, callId: string) => {
  const res = await group.get(`/api/v1/orgs/${group.org.id}/matches?limit=100`);
  expect(res.status).toBe(200);
  const m = (res.body.items as CallMatch[]).find((x) => x.call.id === callId)!;
  return { eligible: m.eligible, trust: m.reasons.find((r) => r.criterion === "trust_level") };
};

/** An organisation the chapter confirmed (level 3, set directly here), owned by the returned client. */
const trustedPeer = async (country = "EG") => {
  const peer = await orgOwner({
    ...csoFields,
    name: `Trusted peer ${crypto.randomUUID().slice(0, 6)}`,
    country,
  });
  await setLevel(peer.org.id, 3);
  return peer;
};

describe("a call asking for trust level 2", () => {
  test("a level-1 group sees why it is not eligible and cannot submit (422 naming the criterion); vouched to level 2 it is eligible and submits", async () => {
    const funder = await funderWithCall({ eligibility: { countries: ["EG"], minTrustLevel: 2 } });
    expect(funder.call.eligibility).toMatchObject({ countries: ["EG"], minTrustLevel: 2 });
    const group = await orgOwner({ ...csoFields, name: "Minya savings group" });
    expect(await levelOf(group.org.id)).toBe(1);

    expect(await seenBy(group, funder.call.id)).toEqual({
      eligible: false,
      trust: {
        criterion: "trust_level",
        met: false,
        detail:
          "Your group is at level 1 (every member's e-mail verified); this call needs level 2: ask two trusted organisations nearby to vouch for you, or your country chapter to confirm you",
      },
    });

    // A complete application: the only thing missing is the level.
    const app = (await group.post(`/api/v1/calls/${funder.call.id}/applications`, { orgId: group.org.id }))
      .body;
    expect(
      (
        await group.patch(`/api/v1/applications/${app.id}`, {
          version: app.version,
          answers,
          requestedAmount: { amount: 1_000_000, currency: "USD" },
        })
      ).status,
    ).toBe(200);
    const refused = await group.post(`/api/v1/applications/${app.id}/submit`);
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([
      {
        path: "eligibility.trust_level",
        message:
          "Your group is at level 1 (every member's e-mail verified); this call needs level 2: ask two trusted organisations nearby to vouch for you, or your country chapter to confirm you",
      },
    ]);

    // One trusted organisation nearby vouches: still level 1, and the sentence counts it.
    const [a, b] = [await trustedPeer(), await trustedPeer("TN")];
    expect(
      (
        await a.post(`/api/v1/orgs/${group.org.id}/vouches`, {
          voucherOrgId: a.org.id,
          relationship: "worked_together",
          statement,
        })
      ).status,
    ).toBe(201);
    expect(await levelOf(group.org.id)).toBe(1);
    expect((await seenBy(group, funder.call.id)).trust!.detail).toBe(
      "Your group is at level 1 (every member's e-mail verified) and one trusted organisation nearby vouches for it; this call needs level 2: ask one more to vouch for you, or your country chapter to confirm you",
    );

    // A second one (Tunisia: same region) brings it to level 2, derived from the evidence.
    expect(
      (
        await b.post(`/api/v1/orgs/${group.org.id}/vouches`, {
          voucherOrgId: b.org.id,
          relationship: "same_network",
          statement,
        })
      ).status,
    ).toBe(201);
    expect(await levelOf(group.org.id)).toBe(2);
    expect(await seenBy(group, funder.call.id)).toEqual({
      eligible: true,
      trust: {
        criterion: "trust_level",
        met: true,
        detail: "Vouched for by 2 organisations (level 2) — this call needs level 2",
      },
    });
    const submitted = await group.post(`/api/v1/applications/${app.id}/submit`);
    expect(submitted.status).toBe(200);
    expect(submitted.body.status).toBe("submitted");
  });

  test("the reason comes in the member's language, and the HTML page shows it", async () => {
    const funder = await funderWithCall({ eligibility: { countries: ["EG"], minTrustLevel: 3 } });
    const group = await orgOwner({ ...csoFields, name: "Groupe de Minya" });
    expect((await group.patch("/api/v1/me", { locale: "fr" })).status).toBe(200);
    expect((await seenBy(group, funder.call.id)).trust).toEqual({
      criterion: "trust_level",
      met: false,
      detail:
        "Votre groupe est au niveau 1 (adresse e-mail de chaque membre vérifiée) ; cet appel demande le niveau 3 : demandez à votre section nationale de vous confirmer",
    });
    expect((await group.patch("/api/v1/me", { locale: "es" })).status).toBe(200);
    expect((await seenBy(group, funder.call.id)).trust!.detail).toBe(
      "Su grupo está en el nivel 1 (correo de cada miembro verificado); esta convocatoria pide el nivel 3: pidan a su capítulo nacional que los confirme",
    );
    const page = await group.page(`/orgs/${group.org.id}/matches?lang=ar`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('dir="rtl"');
    expect(page.html).toContain("تطلب هذه الدعوة المستوى 3: اطلبوا من فرع بلدكم تأكيدكم");
    // The call page states the rule before anyone applies.
    expect((await new Client().page(`/calls/${funder.call.id}?lang=en`)).html).toContain(
      "Trust level 3 or above (confirmed by the country chapter)",
    );
  });

  test("a call without a minimum says nothing about trust", async () => {
    const funder = await funderWithCall({ eligibility: { countries: ["EG"] } });
    const group = await orgOwner({ ...csoFields, name: "No level asked" });
    await setLevel(group.org.id, 0);
    expect(await seenBy(group, funder.call.id)).toEqual({ eligible: true, trust: undefined });
  });
});

describe("funders and trust levels", () => {
  /** Five groups in a country only one test uses, one at each level 0–4. */
  const ladder = async (country: string) => {
    const groups = [];
    for (let level = 0; level <= 4; level++) {
      const g = await orgOwner({ ...csoFields, name: `${country} level ${level}`, country });
      await setLevel(g.org.id, level);
      groups.push(g);
    }
    return groups;
  };

  test("the SQL prefilter and the explained path agree: the funder's list holds exactly the groups that see themselves eligible", async () => {
    const groups = await ladder("LY");
    const funder = await funderWithCall({ eligibility: { countries: ["LY"], minTrustLevel: 2 } });
    const listed = (await funder.get(`/api/v1/calls/${funder.call.id}/matches?limit=100`)).body
      .items as OrgMatch[];
    const eligibleThemselves = [];
    for (const g of groups) if ((await seenBy(g, funder.call.id)).eligible) eligibleThemselves.push(g.org.id);
    expect(listed.map((m) => m.org.id).sort()).toEqual(eligibleThemselves.sort());
    expect(listed.map((m) => m.org.trustLevel).sort()).toEqual([2, 3, 4]);
    // Every listed group's trust reason is met, in words that name its evidence.
    const details = Object.fromEntries(
      listed.map((m) => [m.org.trustLevel, m.reasons.find((r) => r.criterion === "trust_level")!]),
    );
    expect(Object.values(details).every((r) => r.met)).toBe(true);
    expect(details[3].detail).toBe("Confirmed by the country chapter (level 3) — this call needs level 2");
    expect(details[4].detail).toBe("Verified by the platform (level 4) — this call needs level 2");
    // Level 2 set directly, with no vouch behind it: the sentence does not invent a count.
    expect(details[2].detail).toBe(
      "Vouched for by two trusted organisations nearby (level 2) — this call needs level 2",
    );
  });

  test("GET /calls/:id/matches?minLevel=N narrows the list, each match shows the level; the page has the same select, without JavaScript", async () => {
    await ladder("MR");
    const funder = await funderWithCall({ eligibility: { countries: ["MR"] } });
    const path = `/api/v1/calls/${funder.call.id}/matches`;
    const all = (await funder.get(`${path}?limit=100`)).body.items as OrgMatch[];
    expect(all.map((m) => m.org.trustLevel).sort()).toEqual([0, 1, 2, 3, 4]);
    expect(all.every((m) => !m.reasons.some((r) => r.criterion === "trust_level"))).toBe(true);
    const narrowed = await funder.get(`${path}?limit=100&minLevel=3`);
    expect(narrowed.status).toBe(200);
    expect((narrowed.body.items as OrgMatch[]).map((m) => m.org.trustLevel).sort()).toEqual([3, 4]);
    // Paging keeps the filter.
    const first = await funder.get(`${path}?limit=1&minLevel=2`);
    const second = await funder.get(`${path}?limit=1&minLevel=2&cursor=${first.body.nextCursor}`);
    const third = await funder.get(`${path}?limit=1&minLevel=2&cursor=${second.body.nextCursor}`);
    expect(
      [first, second, third].flatMap((r) => (r.body.items as OrgMatch[]).map((m) => m.org.trustLevel)).sort(),
    ).toEqual([2, 3, 4]);
    expect(third.body.nextCursor).toBeNull();
    // On a call that asks for level 2, the funder's filter can only narrow further.
    const asking = await funderWithCall({ eligibility: { countries: ["MR"], minTrustLevel: 2 } });
    expect(
      ((await asking.get(`/api/v1/calls/${asking.call.id}/matches?minLevel=1`)).body.items as OrgMatch[])
        .map((m) => m.org.trustLevel)
        .sort(),
    ).toEqual([2, 3, 4]);
    const bad = await funder.get(`${path}?minLevel=7`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe("minLevel");

    const page = await funder.page(`/calls/${funder.call.id}/matches?minLevel=3&lang=en`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('<form method="get" action="/calls/');
    expect(page.html).toMatch(
      /<select id="minLevel" name="minLevel"[^>]*><option value(="")?>Any level<\/option>/,
    );
    expect(page.html).toContain(
      '<option value="3" selected>Level 3: confirmed by the country chapter</option>',
    );
    expect(page.html).toContain("MR level 3");
    expect(page.html).toContain("MR level 4");
    expect(page.html).not.toContain("MR level 2");
    expect(page.html).toContain("<p>Level 4: verified by the platform</p>");
    // Inviting from the filtered page keeps the filter.
    expect(page.html).toContain(`action="/calls/${funder.call.id}/invitations?minLevel=3"`);
  });
});
