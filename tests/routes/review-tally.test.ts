// The review tally of a panel call: values against hand computation, who sees it when, publishing once,
// and decisions that depart from the ranking having to say why (published with the tally).
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, test } from "vitest";
import { Client } from "../helpers/client";
import { orgOwner, funderFields, userWithRole, csoFields, signUp } from "../helpers/world";
import { funderWithCall } from "../helpers/calls";
import { assignment, openReview, panelCallWithApplications, reviewers } from "../helpers/reviews";
import { reviewRef } from "../../worker/domain/anonymise";
import { TALLY_METHOD } from "../../worker/domain/review-tally";

const usd = (amount: number) => ({ amount, currency: "USD" });
const NOTE_MESSAGE =
  "This decision departs from the panel's ranking: say why in the note; it is published with the tally.";

type World = Awaited<ReturnType<typeof panelCallWithApplications>> & {
  salt: string;
  A: string;
  B: string;
  C: string;
  D: string;
  E: string;
};

/**
 * Five applications A–E, three reviewers, scores (E: one open assignment and one conflict, no score):
 *
 *        A  B  C  D
 *   R1   5  4  3  2   mean 3.5, deviations ±1.5 ±0.5, variance (2.25+0.25+0.25+2.25)/4 = 1.25,
 *                     sd √1.25 = 1.118034 → z A +1.341641, B +0.447214, C −0.447214, D −1.341641
 *   R2   3  3  1  1   mean 2, deviations ±1, variance 1, sd 1 → z A +1, B +1, C −1, D −1
 *   R3   2  4  2  4   mean 3, deviations ±1, variance 1, sd 1 → z A −1, B +1, C −1, D +1
 *
 * standardised (mean of z over 3 reviews):
 *   A (1.341641 + 1 − 1) / 3 = 0.447214 → 0.447      raw (5+3+2)/3 = 3.333 → 3.33
 *   B (0.447214 + 1 + 1) / 3 = 0.815738 → 0.816      raw (4+3+4)/3 = 3.667 → 3.67
 *   C (−0.447214 − 1 − 1) / 3 = −0.815738 → −0.816   raw (3+1+2)/3 = 2
 *   D (−1.341641 − 1 + 1) / 3 = −0.447214 → −0.447   raw (2+1+4)/3 = 2.333 → 2.33
 *   E no finished review → last, nulls
 * ranks: B 1, A 2, D 3, C 4, E 5.
 */
const SCORES: Record<string, [number, number, number]> = {
  A: [5, 3, 2],
  B: [4, 3, 4],
  C: [3, 1, 2],
  D: [2, 1, 4],
};
const EXPECTED = [
  { key: "B", reviews: 3, meanScore: 3.67, standardisedScore: 0.816, rank: 1 },
  { key: "A", reviews: 3, meanScore: 3.33, standardisedScore: 0.447, rank: 2 },
  { key: "D", reviews: 3, meanScore: 2.33, standardisedScore: -0.447, rank: 3 },
  { key: "C", reviews: 3, meanScore: 2, standardisedScore: -0.816, rank: 4 },
  { key: "E", reviews: 0, meanScore: null, standardisedScore: null, rank: 5 },
] as const;

const build = async (): Promise<World> => {
  const world = await panelCallWithApplications(5);
  const [A, B, C, D, E] = world.applicants.map((a) => a.appId) as [string, string, string, string, string];
  const salt = await openReview(world.callId);
  const [r1, r2, r3] = (await reviewers(3)) as [string, string, string];
  const ids: Record<string, string> = { A, B, C, D };
  for (const [key, scores] of Object.entries(SCORES))
    for (const [i, reviewer] of [r1, r2, r3].entries())
      await assignment(world.callId, ids[key]!, reviewer, scores[i]!);
  await assignment(world.callId, E, r1, null, "assigned");
  await assignment(world.callId, E, r2, null, "conflict");
  return { ...world, salt, A, B, C, D, E };
};

const tallyOf = (who: Client, callId: string) => who.get(`/api/v1/calls/${callId}/tally`);

describe("the review tally", () => {
  let w: World;
  let admin: Client;
  let otherFunder: Client;
  let anon: Client;
  beforeAll(async () => {
    w = await build();
    admin = await userWithRole("admin");
    otherFunder = await orgOwner({ ...funderFields, name: "Another Fund" });
    anon = new Client();
  }, 60_000);
  const key = (id: string) => ["A", "B", "C", "D", "E"][[w.A, w.B, w.C, w.D, w.E].indexOf(id)];

  test("matches the hand-computed values: means, standardised scores, ranks; unfinished reviews do not count", async () => {
    const res = await tallyOf(w.funder, w.callId);
    expect(res.status).toBe(200);
    expect(res.body.method).toBe(TALLY_METHOD);
    expect(res.body.publishedAt).toBeNull();
    const byKey = { A: w.A, B: w.B, C: w.C, D: w.D, E: w.E };
    expect(res.body.items).toEqual(
      await Promise.all(
        EXPECTED.map(async ({ key: k, ...values }) => ({
          application: await reviewRef(byKey[k], w.salt),
          applicationId: byKey[k],
          ...values,
          decision: null,
          departs: false,
          note: null,
        })),
      ),
    );
  });

  test("ties in the standardised score are broken by application id", async () => {
    // R1: P 5, Q 1 → z +1, −1; R2: P 1, Q 5 → z −1, +1. Both mean z 0 and raw 3: a tie, by id.
    const tie = await panelCallWithApplications(2);
    await openReview(tie.callId);
    const [r1, r2] = (await reviewers(2)) as [string, string];
    const [p, q] = tie.applicants.map((a) => a.appId) as [string, string];
    await assignment(tie.callId, p, r1, 5);
    await assignment(tie.callId, q, r1, 1);
    await assignment(tie.callId, p, r2, 1);
    await assignment(tie.callId, q, r2, 5);
    const items = (await tallyOf(tie.funder, tie.callId)).body.items as Record<string, unknown>[];
    expect(items.map((i) => [i.applicationId, i.meanScore, i.standardisedScore, i.rank])).toEqual([
      [[p, q].sort()[0], 3, 0, 1],
      [[p, q].sort()[1], 3, 0, 2],
    ]);
  });

  test("before review opens: 409 for the funder (with a reason), 404 for everyone else", async () => {
    const early = await funderWithCall({ review: { mode: "panel", reviewsPerApplication: 2 } });
    const res = await tallyOf(early, early.call.id);
    expect(res.status).toBe(409);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(res.body.errors[0].path).toBe("review");
    expect((await tallyOf(anon, early.call.id)).status).toBe(404);
    expect((await tallyOf(otherFunder, early.call.id)).status).toBe(404);
    expect((await early.post(`/api/v1/calls/${early.call.id}/tally/publish`)).status).toBe(409);
    // No link on the call page to a tally that does not exist yet.
    expect(await (await early.fetch(`/calls/${early.call.id}`)).text()).not.toContain("/tally");
  });

  test("a call the funder reviews alone has no tally: 404 to read, 422 to publish", async () => {
    const plain = await funderWithCall();
    expect((await tallyOf(plain, plain.call.id)).status).toBe(404);
    const published = await plain.post(`/api/v1/calls/${plain.call.id}/tally/publish`);
    expect(published.status).toBe(422);
    expect(published.body.errors[0].path).toBe("review");
  });

  test("before publication: the applicant, another funder's member and anonymous get 404, API and page", async () => {
    const applicant = w.applicants[0]!;
    for (const who of [anon, otherFunder, applicant]) {
      expect((await tallyOf(who, w.callId)).status).toBe(404);
      expect((await who.fetch(`/calls/${w.callId}/tally`)).status).toBe(404);
      expect(await (await who.fetch(`/calls/${w.callId}`)).text()).not.toContain(`/calls/${w.callId}/tally`);
    }
  });

  test("admins read it before publication, by refs only: never the application ids", async () => {
    const res = await tallyOf(admin, w.callId);
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(5);
    for (const item of res.body.items) expect(item).not.toHaveProperty("applicationId");
    const bytes = JSON.stringify(res.body);
    for (const a of w.applicants) expect(bytes).not.toContain(a.appId);
  });

  test("the funder's page: the table, the method in words, links to the applications and a Publish button", async () => {
    const html = await (await w.funder.fetch(`/calls/${w.callId}/tally`)).text();
    expect(html).toContain("Publish the tally");
    expect(html).toContain(`action="/calls/${w.callId}/tally/publish"`);
    for (const a of w.applicants) expect(html).toContain(`/applications/${a.appId}`);
    expect(html).toContain("how many standard deviations");
    expect(html).toContain(await reviewRef(w.B, w.salt));
    expect(await (await w.funder.fetch(`/calls/${w.callId}`)).text()).toContain(`/calls/${w.callId}/tally`);
    // Arabic, right to left.
    const ar = await (await w.funder.fetch(`/calls/${w.callId}/tally?lang=ar`)).text();
    expect(ar).toContain('dir="rtl"');
    expect(ar).toContain("نشر النتيجة");
    await w.funder.fetch(`/calls/${w.callId}/tally?lang=en`); // the switch is remembered: back to English
  });

  test("the decision form shows the panel's rank and mean, and that a departure needs a public note", async () => {
    const html = await (await w.funder.fetch(`/applications/${w.A}`)).text();
    expect(html).toContain("The panel ranks this application 2 of 5, mean score 3.33 from 3 reviews.");
    expect(html).toContain("the note is shown publicly with the tally");
    expect(html).toContain("Note (required if this decision departs from the ranking");
  });

  test("a decision that follows the ranking needs no note; one that departs does (422 naming note), then goes through with it", async () => {
    // B (rank 1) declined first: nothing is awarded below it, so it follows the ranking. Its note is the
    // applicant's alone and must never be published.
    const declineB = await w.funder.post(`/api/v1/applications/${w.B}/decision`, {
      decision: "decline",
      reasons: ["competition"],
      note: "Private words for group B only.",
    });
    expect(declineB.status).toBe(200);
    // A (rank 2) awarded with B declined above it: departs.
    const bare = await w.funder.post(`/api/v1/applications/${w.A}/decision`, {
      decision: "award",
      amount: usd(1_000_000),
    });
    expect(bare.status).toBe(422);
    expect(bare.headers.get("content-type")).toContain("application/problem+json");
    expect(bare.body.errors).toEqual([{ path: "note", message: NOTE_MESSAGE }]);
    const blank = await w.funder.post(`/api/v1/applications/${w.A}/decision`, {
      decision: "award",
      amount: usd(1_000_000),
      note: "   ",
    });
    expect(blank.status).toBe(422);
    // The page says so next to the field, and nothing was decided.
    const page = await w.funder.form(`/applications/${w.A}/decision`, { decision: "award", amount: "10000" });
    expect(page.status).toBe(422);
    expect(page.html).toContain(NOTE_MESSAGE);
    expect((await w.funder.get(`/api/v1/applications/${w.A}`)).body.decision).toBeNull();
    const withNote = await w.funder.post(`/api/v1/applications/${w.A}/decision`, {
      decision: "award",
      amount: usd(1_000_000),
      note: "B already holds our core grant this year.",
    });
    expect(withNote.status).toBe(200);
    // D (rank 3) declined with A awarded above it: in line, no note needed.
    const declineD = await w.funder.post(`/api/v1/applications/${w.D}/decision`, {
      decision: "decline",
      reasons: ["budget"],
    });
    expect(declineD.status).toBe(200);
    // C (rank 4) awarded below two declines: departs; with its note it goes through.
    expect(
      (
        await w.funder.post(`/api/v1/applications/${w.C}/decision`, {
          decision: "award",
          amount: usd(500_000),
        })
      ).status,
    ).toBe(422);
    const awardC = await w.funder.post(`/api/v1/applications/${w.C}/decision`, {
      decision: "award",
      amount: usd(500_000),
      note: "The only group working in the southern villages.",
    });
    expect(awardC.status).toBe(200);
  });

  test("publishing: not by the applicant (403); once by the funder (200, audited); a second time 409", async () => {
    expect((await w.applicants[0]!.post(`/api/v1/calls/${w.callId}/tally/publish`)).status).toBe(403);
    expect((await anon.post(`/api/v1/calls/${w.callId}/tally/publish`)).status).toBe(401);
    const first = await w.funder.post(`/api/v1/calls/${w.callId}/tally/publish`);
    expect(first.status).toBe(200);
    expect(first.body.publishedAt).toEqual(expect.any(String));
    expect(first.body.items).toHaveLength(5);
    const again = await w.funder.post(`/api/v1/calls/${w.callId}/tally/publish`);
    expect(again.status).toBe(409);
    expect(again.body.publishedAt).toBe(first.body.publishedAt);
    expect((await admin.post(`/api/v1/calls/${w.callId}/tally/publish`)).status).toBe(409);
    const audit = await env.DB.prepare(
      "SELECT count(*) AS n FROM audit_log WHERE action = 'call.tally_published' AND subject_id = ?",
    )
      .bind(w.callId)
      .first<{ n: number }>();
    expect(audit?.n).toBe(1);
    expect((await w.funder.get(`/api/v1/calls/${w.callId}`)).body.review.tallyPublishedAt).toBe(
      first.body.publishedAt,
    );
  });

  test("once published everyone reads it, anonymised: no application id or group name in any byte", async () => {
    const applicant = w.applicants[0]!;
    for (const who of [anon, otherFunder, applicant, admin]) {
      const res = await tallyOf(who, w.callId);
      expect(res.status).toBe(200);
      const page = await who.fetch(`/calls/${w.callId}/tally`);
      expect(page.status).toBe(200);
      const html = await page.text();
      const bytes = JSON.stringify(res.body);
      for (const a of w.applicants) {
        expect(bytes).not.toContain(a.appId);
        expect(html).not.toContain(a.appId);
        expect(bytes).not.toContain(a.orgName);
        expect(html).not.toContain(a.orgName);
      }
      expect(html).not.toContain("Publish the tally");
      expect(await (await who.fetch(`/calls/${w.callId}`)).text()).toContain(`/calls/${w.callId}/tally`);
    }
    expect(JSON.stringify((await tallyOf(anon, w.callId)).body)).not.toContain(csoFields.name);
  });

  test("the published tally marks departures and shows the note of each decision that departed when taken", async () => {
    const res = await tallyOf(anon, w.callId);
    const refs = Object.fromEntries(
      await Promise.all([w.A, w.B, w.C, w.D, w.E].map(async (id) => [await reviewRef(id, w.salt), key(id)])),
    );
    const shown = Object.fromEntries(
      res.body.items.map((i: { application: string; decision: string; departs: boolean; note: string }) => [
        refs[i.application],
        [i.decision, i.departs, i.note],
      ]),
    );
    // Every end of an inversion departs: B (declined above awarded A, C), A, D (declined above awarded C), C.
    // Only A and C departed when taken (B and D fell in line then), so only their notes are published.
    expect(shown).toEqual({
      A: ["award", true, "B already holds our core grant this year."],
      B: ["decline", true, null],
      C: ["award", true, "The only group working in the southern villages."],
      D: ["decline", true, null],
      E: [null, false, null],
    });
    const html = await (await anon.fetch(`/calls/${w.callId}/tally`)).text();
    expect(html).toContain("Departs from the ranking");
    expect(html).toContain("The only group working in the southern villages.");
    expect(html).not.toContain("Private words for group B only.");
    expect(JSON.stringify(res.body)).not.toContain("Private words for group B only.");
    // The funder's members still get the ids to open the applications.
    const funderView = await tallyOf(w.funder, w.callId);
    expect(funderView.body.items.map((i: { applicationId: string }) => i.applicationId).sort()).toEqual(
      [w.A, w.B, w.C, w.D, w.E].sort(),
    );
  });

  test("the page's Publish form redirects to the tally, and a second click lands there too", async () => {
    const other = await panelCallWithApplications(1);
    await openReview(other.callId);
    const first = await other.funder.form(`/calls/${other.callId}/tally/publish`, {});
    expect(first.status).toBe(303);
    expect(first.headers.get("location")).toBe(`/calls/${other.callId}/tally`);
    const second = await other.funder.form(`/calls/${other.callId}/tally/publish`, {});
    expect(second.status).toBe(303);
    const html = await (await new Client().fetch(`/calls/${other.callId}/tally`)).text();
    expect(html).toContain("Published on");
    expect((await other.applicants[0]!.form(`/calls/${other.callId}/tally/publish`, {})).status).toBe(403);
  });
});

describe("the tally of a confidential call", () => {
  test("once published, only those who took part read it: the funder and the call's reviewers, not the public", async () => {
    const world = await panelCallWithApplications(2, { confidential: true });
    const [a, b] = world.applicants.map((x) => x.appId) as [string, string];
    await openReview(world.callId);
    const panel = [
      await signUp({ name: "Confidential panelist" }),
      await signUp({ name: "Second panelist" }),
    ];
    await assignment(world.callId, a, panel[0]!.userId, 4);
    await assignment(world.callId, b, panel[1]!.userId, 2);
    expect((await world.funder.post(`/api/v1/calls/${world.callId}/tally/publish`)).status).toBe(200);
    for (const insider of [world.funder, ...panel]) {
      const res = await tallyOf(insider, world.callId);
      expect(res.status).toBe(200);
      expect(res.body.items).toHaveLength(2);
    }
    const outsider = await signUp({ name: "Not on the panel" });
    for (const who of [new Client(), outsider, world.applicants[0]!]) {
      expect((await tallyOf(who, world.callId)).status).toBe(404);
      expect((await who.fetch(`/calls/${world.callId}/tally`)).status).toBe(404);
      expect(await (await who.fetch(`/calls/${world.callId}`)).text()).not.toContain(
        `/calls/${world.callId}/tally`,
      );
    }
  });
});
