// Rapid-response calls (rolling, short, decided within promised days, confidential by default) and the
// review mode a call chooses: what the API accepts, refuses and shows.
import { describe, it, expect } from "vitest";
import { callBody, funderWithCall, inDays } from "../helpers/calls";
import { orgOwner, funderFields, csoFields } from "../helpers/world";
import { Client } from "../helpers/client";

const rapid = (over: Record<string, unknown> = {}) => ({
  kind: "rapid",
  deadline: undefined,
  decisionWithinDays: 7,
  questions: [{ id: "need", label: "What happened, and what do you need now?", maxChars: 600 }],
  ...over,
});

const fieldsOf = (body: { errors?: { path: string }[] }) => (body.errors ?? []).map((e) => e.path).sort();

describe("rapid-response calls", () => {
  it("are always open: no deadline shown, the promised decision time, confidential unless said otherwise", async () => {
    const funder = await funderWithCall(rapid());
    expect(funder.call).toMatchObject({
      kind: "rapid",
      deadline: null,
      decisionWithinDays: 7,
      confidential: true,
    });
    const anon = new Client();
    const shown = await anon.get(`/api/v1/calls/${funder.call.id}`);
    expect(shown.status).toBe(200);
    expect(shown.body).toMatchObject({ status: "open", deadline: null, kind: "rapid" });
    const listed = await anon.get(
      `/api/v1/calls?q=${encodeURIComponent("Core support for rural")}&limit=100`,
    );
    const item = listed.body.items.find((c: { id: string }) => c.id === funder.call.id);
    expect(item).toMatchObject({ deadline: null, kind: "rapid", decisionWithinDays: 7 });
    const page = await anon.fetch(`/calls/${funder.call.id}`);
    const html = await page.text();
    expect(html).toContain("Always open");
    expect(html).toContain("decision within 7 days");
  });

  it("may be made public by the funder, and a standard call is public by default", async () => {
    const open = await funderWithCall(rapid({ confidential: false }));
    expect(open.call.confidential).toBe(false);
    const standard = await funderWithCall();
    expect(standard.call).toMatchObject({ kind: "standard", confidential: false, decisionWithinDays: null });
    expect(standard.call.review).toMatchObject({ mode: "funder", reviewsPerApplication: 3 });
  });

  it("refuse a deadline, a fourth question, a missing decision time and a panel, naming each field at once", async () => {
    const funder = await orgOwner(funderFields);
    const questions = [1, 2, 3, 4].map((n) => ({ label: `Question number ${n}?`, maxChars: 300 }));
    const res = await funder.post(
      "/api/v1/calls",
      callBody(funder.org.id, {
        kind: "rapid",
        deadline: inDays(10),
        questions,
        review: { mode: "panel", reviewsPerApplication: 3 },
      }),
    );
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(fieldsOf(res.body)).toEqual(["deadline", "decisionWithinDays", "questions", "review.mode"]);
  });

  it("a standard call still needs its deadline, and takes no decision time", async () => {
    const funder = await orgOwner(funderFields);
    const res = await funder.post(
      "/api/v1/calls",
      callBody(funder.org.id, { deadline: undefined, decisionWithinDays: 5 }),
    );
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toEqual(["deadline", "decisionWithinDays"]);
  });

  it("a draft can change kind by an edit, and the merged call is checked whole", async () => {
    const funder = await funderWithCall({}, { draft: true });
    const toRapid = await funder.patch(`/api/v1/calls/${funder.call.id}`, {
      version: funder.call.version,
      kind: "rapid",
      decisionWithinDays: 3,
    });
    // The draft's deadline is still there: a rapid call may not keep one.
    expect(toRapid.status).toBe(400);
    expect(fieldsOf(toRapid.body)).toEqual(["deadline"]);
    const rapidDraft = await funderWithCall(rapid(), { draft: true });
    const back = await rapidDraft.patch(`/api/v1/calls/${rapidDraft.call.id}`, {
      version: rapidDraft.call.version,
      kind: "standard",
    });
    expect(back.status).toBe(400);
    expect(fieldsOf(back.body)).toEqual(["deadline", "decisionWithinDays"]);
    const fixed = await rapidDraft.patch(`/api/v1/calls/${rapidDraft.call.id}`, {
      version: rapidDraft.call.version,
      decisionWithinDays: 14,
      confidential: false,
    });
    expect(fixed.status).toBe(200);
    expect(fixed.body).toMatchObject({
      kind: "rapid",
      decisionWithinDays: 14,
      confidential: false,
      deadline: null,
    });
  });
});

describe("review modes", () => {
  it("a call states who reviews and how many reviews each application gets", async () => {
    const funder = await funderWithCall({ review: { mode: "peer", reviewsPerApplication: 2 } });
    expect(funder.call.review).toEqual({
      mode: "peer",
      reviewsPerApplication: 2,
      openedAt: null,
      tallyPublishedAt: null,
    });
    const org = await orgOwner(funderFields);
    const bad = await org.post(
      "/api/v1/calls",
      callBody(org.org.id, { review: { mode: "jury", reviewsPerApplication: 0 } }),
    );
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual(["review.mode", "review.reviewsPerApplication"]);
  });
});

describe("applying to a call reviewed by others", () => {
  it("the draft page tells the group its answers are read without its name, and how to stay anonymous", async () => {
    const panel = await funderWithCall({ review: { mode: "panel", reviewsPerApplication: 2 } });
    const standard = await funderWithCall();
    const cso = await orgOwner(csoFields);
    const draftPage = async (callId: string) => {
      const app = (await cso.post(`/api/v1/calls/${callId}/applications`, { orgId: cso.org.id })).body;
      return (await cso.fetch(`/applications/${app.id}`)).text();
    };
    const hint = "To stay anonymous to them, do not name your group";
    expect(await draftPage(panel.call.id)).toContain(hint);
    expect(await draftPage(standard.call.id)).not.toContain(hint);
  });
});
