// Rapid response for the people who send and decide requests: the promised decision date over the API and
// on the applicant's page, overdue requests first and flagged on the funder's list and account page (for
// the funder's members only), and "Leave quickly" with no-store on every rapid-response page.
import { env } from "cloudflare:workers";
import { describe, expect, test } from "vitest";
import { Client } from "../helpers/client";
import { callBody, funderWithCall } from "../helpers/calls";
import { orgOwner, csoFields, funderFields, signUp, addMember } from "../helpers/world";
import { leaveQuicklyHref, leaveQuicklyJs } from "../../web/islands/leave-quickly";
import { NEUTRAL_SITE_URL } from "../../web/components/neutral-site";

const DAY = 86_400_000;

const rapid = (over: Record<string, unknown> = {}) => ({
  kind: "rapid",
  deadline: undefined,
  decisionWithinDays: 7,
  title: `Emergency support ${crypto.randomUUID().slice(0, 8)}`,
  questions: [{ id: "need", label: "What happened, and what do you need now?", maxChars: 600 }],
  ...over,
});

/** A new CSO (named `name`) starts an application to the call; submitted unless `draft`. */
const request = async (callId: string, name: string, opts: { draft?: boolean; answers?: object } = {}) => {
  const cso = await orgOwner({ ...csoFields, name });
  const started = await cso.post(`/api/v1/calls/${callId}/applications`, { orgId: cso.org.id });
  expect(started.status).toBe(201);
  const id = started.body.id as string;
  const saved = await cso.patch(`/api/v1/applications/${id}`, {
    version: started.body.version,
    answers: opts.answers ?? { need: "Our office was raided; we need safe housing for two staff." },
    requestedAmount: { amount: 1_000_000, currency: "USD" },
  });
  expect(saved.status).toBe(200);
  if (!opts.draft) expect((await cso.post(`/api/v1/applications/${id}/submit`)).status).toBe(200);
  return Object.assign(cso, { appId: id });
};

/** As if the request had been sent `days` ago (the API never lets anyone backdate a submission). */
const submittedDaysAgo = (appId: string, days: number) =>
  env.DB.prepare("UPDATE applications SET submitted_at = ? WHERE id = ?")
    .bind(new Date(Date.now() - days * DAY).toISOString(), appId)
    .run();

/** Intl's no-break spaces ("5 jours") made plain so sentences can be searched. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

const html = async (client: Client, path: string) => {
  const res = await client.fetch(path);
  return { res, text: plain(await res.text()) };
};

const gzippedSize = async (text: string) => {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream("gzip"));
  return (await new Response(stream).arrayBuffer()).byteLength;
};

describe("the promised decision date", () => {
  test("is submission + decisionWithinDays on the applicant's and funder's API views; null for drafts and standard calls", async () => {
    const funder = await funderWithCall(rapid());
    const draft = await request(funder.call.id, "Draft Group", { draft: true });
    const mine = await draft.get(`/api/v1/applications/${draft.appId}`);
    expect(mine.body).toMatchObject({ status: "draft", decideBy: null, overdue: null });

    const sent = await request(funder.call.id, "Sent Group");
    const view = await sent.get(`/api/v1/applications/${sent.appId}`);
    expect(view.status).toBe(200);
    expect(view.body.decideBy).toBe(new Date(Date.parse(view.body.submittedAt) + 7 * DAY).toISOString());
    expect(view.body.overdue).toBe(false);
    const listed = await sent.get(`/api/v1/orgs/${sent.org.id}/applications`);
    expect(listed.body.items[0]).toMatchObject({
      id: sent.appId,
      decideBy: view.body.decideBy,
      overdue: false,
    });

    const standard = await funderWithCall();
    const cso = await orgOwner(csoFields);
    const app = await cso.post(`/api/v1/calls/${standard.call.id}/applications`, { orgId: cso.org.id });
    await cso.patch(`/api/v1/applications/${app.body.id}`, {
      version: 1,
      answers: { change: "Girls finish school.", q1: "Rent." },
      requestedAmount: { amount: 1_500_000, currency: "USD" },
    });
    const submitted = await cso.post(`/api/v1/applications/${app.body.id}/submit`);
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ decideBy: null, overdue: null });
    const theirs = await standard.get(`/api/v1/calls/${standard.call.id}/applications`);
    expect(theirs.body.items[0]).toMatchObject({ decideBy: null, overdue: null });
  });

  test("becomes overdue once passed while undecided, and stops being overdue once decided", async () => {
    const funder = await funderWithCall(rapid({ decisionWithinDays: 3 }));
    const cso = await request(funder.call.id, "Late Group");
    await submittedDaysAgo(cso.appId, 4);
    const late = await cso.get(`/api/v1/applications/${cso.appId}`);
    expect(late.body.overdue).toBe(true);
    expect(Date.parse(late.body.decideBy)).toBeLessThan(Date.now() - 0.9 * DAY);
    const decided = await funder.post(`/api/v1/applications/${cso.appId}/decision`, {
      decision: "decline",
      reasons: ["outside_focus"],
    });
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({ status: "declined", overdue: false, decideBy: late.body.decideBy });
  });
});

describe("the funder's list of requests", () => {
  const fourRequests = async () => {
    const funder = await funderWithCall(rapid());
    const due = await request(funder.call.id, "Due Soon Group");
    const late2 = await request(funder.call.id, "Two Days Late Group");
    const late5 = await request(funder.call.id, "Five Days Late Group");
    const decided = await request(funder.call.id, "Decided Group");
    await submittedDaysAgo(due.appId, 4); // due in 3 days
    await submittedDaysAgo(late2.appId, 8.5); // overdue by 1.5 days: "2 days"
    await submittedDaysAgo(late5.appId, 11.5); // "5 days"
    await submittedDaysAgo(decided.appId, 30);
    const award = await funder.post(`/api/v1/applications/${decided.appId}/decision`, {
      decision: "award",
      amount: { amount: 1_000_000, currency: "USD" },
    });
    expect(award.status).toBe(200);
    return { funder, due, late2, late5, decided };
  };

  test("orders undecided requests by time left (most overdue first), decided ones after, overdue flagged", async () => {
    const { funder, due, late2, late5, decided } = await fourRequests();
    const res = await funder.get(`/api/v1/calls/${funder.call.id}/applications`);
    expect(res.status).toBe(200);
    const items = res.body.items as { id: string; overdue: boolean; decideBy: string }[];
    expect(items.map((a) => a.id)).toEqual([late5.appId, late2.appId, due.appId, decided.appId]);
    expect(items.map((a) => a.overdue)).toEqual([true, true, false, false]);

    const page = await html(funder, `/calls/${funder.call.id}/applications`);
    expect(page.res.status).toBe(200);
    expect(page.res.headers.get("cache-control")).toBe("no-store");
    const t = page.text;
    expect(t).toContain("Decide by");
    const at = (s: string) => t.indexOf(s);
    expect(at("Five Days Late Group")).toBeGreaterThan(0);
    expect(at("Five Days Late Group")).toBeLessThan(at("Two Days Late Group"));
    expect(at("Two Days Late Group")).toBeLessThan(at("Due Soon Group"));
    expect(at("Due Soon Group")).toBeLessThan(at("Decided Group"));
    expect(t).toContain("Overdue by 5 days");
    expect(t).toContain("Overdue by 2 days");
    expect(t.match(/Overdue by/g)).toHaveLength(2);

    for (const [lang, words] of [
      ["fr", "En retard de 5 jours"],
      ["es", "Con 5 días de retraso"],
      ["ar", "متأخر بمقدار"],
    ] as const) {
      const localised = await html(funder, `/calls/${funder.call.id}/applications?lang=${lang}`);
      expect(localised.text).toContain(words);
    }
  });

  test("only the funder's members see it: anonymous 401, other funders and the applicants 403; a member sees the flags", async () => {
    const { funder, late5 } = await fourRequests();
    const path = `/api/v1/calls/${funder.call.id}/applications`;
    expect((await new Client().get(path)).status).toBe(401);
    const other = await orgOwner({ ...funderFields, name: "Another Fund" });
    expect((await other.get(path)).status).toBe(403);
    expect((await late5.get(path)).status).toBe(403);
    expect((await other.fetch(`/calls/${funder.call.id}/applications`)).status).toBe(403);
    const member = await signUp();
    await addMember(funder, funder.org.id, member);
    const seen = await member.get(path);
    expect(seen.status).toBe(200);
    expect(seen.body.items[0]).toMatchObject({ id: late5.appId, overdue: true });
  });

  test("the account page lists waiting requests per rapid call, most urgent first, naming no applicant", async () => {
    const { funder } = await fourRequests();
    const calmer = await funderWithCall(rapid({ decisionWithinDays: 30 }));
    // A second call of the same funder, not yet due: listed after the overdue one.
    const second = await funder.post(
      "/api/v1/calls",
      callBody(funder.org.id, rapid({ decisionWithinDays: 30, title: "Second rapid window" })),
    );
    expect(second.status).toBe(201);
    expect((await funder.post(`/api/v1/calls/${second.body.id}/publish`)).status).toBe(200);
    await request(second.body.id, "Patient Group");
    await request(calmer.call.id, "Someone Else's Request");

    const me = await html(funder, "/me");
    const t = /<section aria-labelledby="rapid-waiting">.*?<\/section>/s.exec(me.text)?.[0] ?? "";
    expect(t).toContain("Rapid requests waiting");
    const first = t.indexOf(funder.call.title as string);
    expect(first).toBeGreaterThan(0);
    expect(t.match(/<li>/g)).toHaveLength(2);
    expect(first).toBeLessThan(t.indexOf("Second rapid window"));
    expect(t).toContain("requests waiting: 3");
    expect(t).toContain("requests waiting: 1");
    expect(t).toContain("Overdue by 5 days");
    expect(t).toContain(`/calls/${funder.call.id}/applications`);
    for (const name of ["Five Days Late Group", "Two Days Late Group", "Due Soon Group", "Patient Group"])
      expect(t).not.toContain(name);
    expect(t).not.toContain(calmer.call.title as string);

    const stranger = await orgOwner({ ...funderFields, name: "Stranger Fund" });
    const theirs = await html(stranger, "/me");
    expect(theirs.text).not.toContain("Rapid requests waiting");
    expect(theirs.text).not.toContain(funder.call.title as string);
  });
});

describe("the applicant's page", () => {
  test("shows the promised date in English and Arabic, and says plainly when it is late", async () => {
    const funder = await funderWithCall(rapid());
    const cso = await request(funder.call.id, "Waiting Group");
    const view = (await cso.get(`/api/v1/applications/${cso.appId}`)).body;
    const en = await html(cso, `/applications/${cso.appId}?lang=en`);
    const enDate = plain(
      new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" }).format(new Date(view.decideBy)),
    );
    expect(en.text).toContain(`A decision is promised by ${enDate}.`);
    const ar = await html(cso, `/applications/${cso.appId}?lang=ar`);
    const arDate = plain(
      new Intl.DateTimeFormat("ar", { dateStyle: "medium", timeZone: "UTC" }).format(new Date(view.decideBy)),
    );
    expect(ar.text).toContain('dir="rtl"');
    expect(ar.text).toContain("وُعدتم بقرار بحلول");
    expect(ar.text).toContain(arDate);

    await submittedDaysAgo(cso.appId, 10);
    const late = await html(cso, `/applications/${cso.appId}?lang=en`);
    expect(late.text).toContain("is now overdue. There is nothing more you need to do");
    expect(late.text).not.toContain("A decision is promised by");
    const lateAr = await html(cso, `/applications/${cso.appId}?lang=ar`);
    expect(lateAr.text).toContain("وقد تأخّر");
  });
});

describe("leave quickly", () => {
  const leaveLink = `<a id="leave-quickly" class="button" href="${NEUTRAL_SITE_URL}" rel="noreferrer">`;

  test("is at the top of the rapid call, apply, draft and application pages, which are not stored", async () => {
    const funder = await funderWithCall(rapid());
    const applicant = await orgOwner({ ...csoFields, name: "Apply Page Group" });
    const sent = await request(funder.call.id, "Sent Page Group");
    const draft = await request(funder.call.id, "Draft Page Group", { draft: true });
    const pages: [Client, string][] = [
      [new Client(), `/calls/${funder.call.id}`],
      [applicant, `/calls/${funder.call.id}`],
      [funder, `/calls/${funder.call.id}`],
      [applicant, `/calls/${funder.call.id}/apply`],
      [draft, `/applications/${draft.appId}`],
      [sent, `/applications/${sent.appId}`],
    ];
    for (const [client, path] of pages)
      for (const lang of ["en", "ar"]) {
        const { res, text } = await html(client, `${path}?lang=${lang}`);
        expect(res.status, path).toBe(200);
        expect(res.headers.get("cache-control"), path).toBe("no-store");
        expect(text, path).toContain(leaveLink);
        expect(text, path).toContain(`<script src="${leaveQuicklyHref}" defer>`);
        // At the top: before the page's heading.
        expect(text.indexOf('id="leave-quickly"'), path).toBeLessThan(text.indexOf("<h1"));
        expect(text, path).toContain(lang === "ar" ? "مغادرة سريعة" : "Leave quickly");
        expect(await gzippedSize(text), path).toBeLessThan(30 * 1024);
      }
    const form = (await html(draft, `/applications/${draft.appId}`)).text;
    expect(form).toMatch(
      /<form[^>]*data-autosave[^>]*autocomplete="off"|<form[^>]*autocomplete="off"[^>]*data-autosave/,
    );
  });

  test("Back from the neutral site lands on the apply page, which does not forward to the typed request", async () => {
    const funder = await funderWithCall(rapid());
    const draft = await request(funder.call.id, "Back Button Group", { draft: true });
    const { res, text } = await html(draft, `/calls/${funder.call.id}/apply`);
    expect(res.status).toBe(200);
    expect(text).toContain(`href="/applications/${draft.appId}"`);
    expect(text).not.toContain("Our office was raided");
    // A standard call still goes straight to the one application already started.
    const standard = await funderWithCall();
    const cso = await orgOwner(csoFields);
    await cso.post(`/api/v1/calls/${standard.call.id}/applications`, { orgId: cso.org.id });
    expect((await cso.fetch(`/calls/${standard.call.id}/apply`)).status).toBe(303);
  });

  test("a re-rendered rapid form (a failed submit) is not stored either", async () => {
    const funder = await funderWithCall(rapid());
    const draft = await request(funder.call.id, "Retry Group", { draft: true, answers: { need: "" } });
    const version = (await draft.get(`/api/v1/applications/${draft.appId}`)).body.version;
    const res = await draft.form(`/applications/${draft.appId}`, {
      version: String(version),
      answer_need: "",
      amount: "10000",
      action: "submit",
    });
    expect(res.status).toBe(422);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.html).toContain('id="leave-quickly"');
  });

  test("is absent from a standard call's pages, which keep the default caching and autocomplete", async () => {
    const funder = await funderWithCall();
    const cso = await orgOwner(csoFields);
    const app = await cso.post(`/api/v1/calls/${funder.call.id}/applications`, { orgId: cso.org.id });
    for (const path of [`/calls/${funder.call.id}`, `/applications/${app.body.id}`]) {
      const { res, text } = await html(cso, path);
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).not.toBe("no-store");
      expect(text).not.toContain("leave-quickly");
      expect(text).not.toContain('autocomplete="off"');
    }
  });

  test("the island replaces the page (no history entry), empties the forms first, and is served cacheable", async () => {
    const res = await new Client().fetch(leaveQuicklyHref);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/javascript");
    const js = await res.text();
    expect(js).toBe(leaveQuicklyJs);
    expect(js).toContain("location.replace(a.href)");
    expect(js.indexOf('el.value=""')).toBeLessThan(js.indexOf("location.replace"));
    expect(js).toContain("Escape");
    expect(NEUTRAL_SITE_URL).toMatch(/^https:\/\//);
  });
});
