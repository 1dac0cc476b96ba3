// The workflow table against the running app: every status × every action taken over the API (allowed
// ones succeed and land where the table says, refused ones change nothing), the wrong side refused, and
// the pages offering exactly the buttons the table allows. The table alone: tests/domain/.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, test } from "vitest";
import { APPLICATION_STATUSES, type ApplicationStatus } from "../../schema/enums";
import { actionsFor, nextStatus, type Side, type SideAction } from "../../worker/domain/application-workflow";
import { orgOwner, csoFields } from "../helpers/world";
import { funderWithCall } from "../helpers/calls";
import type { Client } from "../helpers/client";

type World = { funder: Client; cso: Client; appId: string };
let w: World;

beforeAll(async () => {
  const funder = await funderWithCall();
  const cso = await orgOwner(csoFields);
  const started = await cso.post(`/api/v1/calls/${funder.call.id}/applications`, { orgId: cso.org.id });
  // A draft that would pass submission, so "submit" is refused only by the status.
  const ready = await cso.patch(`/api/v1/applications/${started.body.id}`, {
    version: started.body.version,
    answers: { change: "Girls in our villages finish school.", q1: "Rent for our literacy room." },
    requestedAmount: { amount: 1_500_000, currency: "USD" },
  });
  expect(ready.status).toBe(200);
  w = { funder, cso, appId: started.body.id };
});

/** Puts the application in `status` as if it had got there, with no decision, award or review yet. */
const force = (status: ApplicationStatus) =>
  env.DB.batch([
    // The award's plan goes with it (the decision stores one).
    env.DB.prepare(
      "DELETE FROM tranches WHERE award_id IN (SELECT id FROM awards WHERE application_id = ?)",
    ).bind(w.appId),
    env.DB.prepare("DELETE FROM awards WHERE application_id = ?").bind(w.appId),
    env.DB.prepare("DELETE FROM reviews WHERE application_id = ?").bind(w.appId),
    env.DB.prepare(
      `UPDATE applications SET status = ?, submitted_at = ?, decision = NULL, decision_reasons = NULL,
       decision_note = NULL, decided_at = NULL, decided_by = NULL, decision_token = NULL WHERE id = ?`,
    ).bind(status, status === "draft" ? null : new Date().toISOString(), w.appId),
  ]);

const statusNow = async () =>
  (
    await env.DB.prepare("SELECT status FROM applications WHERE id = ?")
      .bind(w.appId)
      .first<{ status: string }>()
  )?.status;

/** Each action as its side takes it over the API, the other side taking it when `by` says so. */
const take = async (action: SideAction, by: "own" | "other" = "own") => {
  const applicant = by === "own" ? w.cso : w.funder;
  const funder = by === "own" ? w.funder : w.cso;
  const path = `/api/v1/applications/${w.appId}`;
  switch (action) {
    case "save": {
      const { version } = (await env.DB.prepare("SELECT version FROM applications WHERE id = ?")
        .bind(w.appId)
        .first<{ version: number }>())!;
      return applicant.patch(path, { version, answers: { change: "Girls in our villages finish school." } });
    }
    case "submit":
      return applicant.post(`${path}/submit`);
    case "withdraw":
      return applicant.post(`${path}/withdraw`);
    case "review":
      return funder.post(`${path}/reviews`, { score: 4 });
    case "award":
      return funder.post(`${path}/decision`, {
        decision: "award",
        amount: { amount: 1_200_000, currency: "USD" },
      });
    case "decline":
      return funder.post(`${path}/decision`, { decision: "decline", reasons: ["budget"] });
  }
};

const SIDE_ACTIONS: SideAction[] = ["save", "submit", "withdraw", "review", "award", "decline"];

describe("every cell, over the API", () => {
  const cells = APPLICATION_STATUSES.flatMap((status) => SIDE_ACTIONS.map((action) => ({ status, action })));
  test.each(cells)("$status × $action", async ({ status, action }) => {
    await force(status);
    const res = await take(action);
    const next = nextStatus(status, action);
    if (next === null) {
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(await statusNow()).toBe(status);
    } else {
      expect(res.status).toBeLessThan(300);
      expect(await statusNow()).toBe(next);
    }
  });
});

describe("each action belongs to one side", () => {
  test.each(SIDE_ACTIONS)("the other side cannot %s a submitted application", async (action) => {
    await force("submitted");
    expect((await take(action, "other")).status).toBe(403);
    expect(await statusNow()).toBe("submitted");
  });
});

describe("the pages offer the buttons the table allows", () => {
  const has = (html: string, action: SideAction) =>
    html.includes(
      {
        save: 'name="action" value="save"',
        submit: 'name="action" value="submit"',
        withdraw: `action="/applications/${w.appId}/withdraw"`,
        review: `action="/applications/${w.appId}/reviews"`,
        award: 'name="decision" value="award"',
        decline: 'name="decision" value="decline"',
      }[action],
    );

  test.each(APPLICATION_STATUSES)("%s", async (status) => {
    await force(status);
    const pages: [Side, Client][] = [["applicant", w.cso]];
    // The funder never sees a draft.
    if (status !== "draft") pages.push(["funder", w.funder]);
    for (const [side, client] of pages) {
      const res = await client.fetch(`/applications/${w.appId}`);
      expect(res.status).toBe(200);
      const html = await res.text();
      const shown = SIDE_ACTIONS.filter((a) => has(html, a));
      expect(shown, `${side} page`).toEqual(actionsFor(status, side));
    }
  });
});
