// Participatory review fixtures: panel and peer calls, panelists who accepted, applicant groups with
// names of their own, closing, and the assignment rows as stored.
import { env, exports } from "cloudflare:workers";
import { funderWithCall } from "./calls";
import { apply } from "./feedback";
import { csoFields, signUp } from "./world";
import type { Client } from "./client";

export type Funder = Awaited<ReturnType<typeof funderWithCall>>;
export type Person = Awaited<ReturnType<typeof signUp>>;

/** A published call any group may apply to, reviewed as asked (a panel of 2 reviews by default). */
export const reviewedCall = (mode: "panel" | "peer" = "panel", perApplication = 2) =>
  funderWithCall({ eligibility: {}, review: { mode, reviewsPerApplication: perApplication } });

/** The funder invites `person`, who finds the panel invitation and accepts it. */
export const joinPanel = async (funder: Funder, person: Person) => {
  const invited = await funder.post(`/api/v1/calls/${funder.call.id}/panelists`, { email: person.email });
  if (invited.status !== 202)
    throw new Error(`panel invite: ${invited.status} ${JSON.stringify(invited.body)}`);
  const mine = await person.get("/api/v1/invitations");
  const inv = (mine.body.items as { id: string; kind: string; call?: { id: string } }[]).find(
    (i) => i.kind === "panel" && i.call?.id === funder.call.id,
  );
  if (!inv) throw new Error(`no panel invitation for ${person.email}: ${JSON.stringify(mine.body)}`);
  const accepted = await person.post(`/api/v1/invitations/${inv.id}/accept`);
  if (accepted.status !== 200) throw new Error(`panel accept: ${accepted.status}`);
  return person;
};

/** `n` new people on the call's panel. */
export const panelOf = async (funder: Funder, n: number) => {
  const people: Person[] = [];
  for (let i = 0; i < n; i++)
    people.push(await joinPanel(funder, await signUp({ name: `Panelist ${i + 1}` })));
  return people;
};

/** A group (owner named `ownerName`) that applied to the call; returns the owner with org and application. */
export const applicantGroup = async (funder: Funder, name: string, ownerName = `Owner of ${name}`) => {
  const owner = await signUp({ name: ownerName });
  const org = await owner.post("/api/v1/orgs", { ...csoFields, name });
  if (org.status !== 201) throw new Error(`org: ${org.status} ${JSON.stringify(org.body)}`);
  const cso = Object.assign(owner, {
    org: org.body as { id: string; version: number } & Record<string, unknown>,
  });
  const applicationId = await apply(funder, cso);
  return Object.assign(cso, { applicationId });
};

export const closeCall = async (funder: Funder) => {
  const res = await funder.post(`/api/v1/calls/${funder.call.id}/close`);
  if (res.status !== 200) throw new Error(`close: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
};

/** What the cron does every 15 minutes, run now. */
export const runCron = () =>
  (
    exports as unknown as {
      default: { scheduled: (c: { scheduledTime: number; cron: string }) => Promise<void> };
    }
  ).default.scheduled({ scheduledTime: Date.now(), cron: "*/15 * * * *" });

export type AssignmentRow = {
  id: string;
  application_id: string;
  reviewer_id: string;
  reviewer_org_id: string | null;
  status: string;
  score: number | null;
};

export const assignmentRows = async (callId: string) =>
  (
    await env.DB.prepare(
      "SELECT id, application_id, reviewer_id, reviewer_org_id, status, score FROM review_assignments WHERE call_id = ? ORDER BY application_id, reviewer_id",
    )
      .bind(callId)
      .all<AssignmentRow>()
  ).results;

/** Reviews per application and per reviewer, counting what is still assigned or done (not conflicts). */
export const loads = (rows: AssignmentRow[]) => {
  const live = rows.filter((r) => r.status !== "conflict");
  const count = (key: (r: AssignmentRow) => string) => {
    const m = new Map<string, number>();
    for (const r of live) m.set(key(r), (m.get(key(r)) ?? 0) + 1);
    return m;
  };
  return { perApp: count((r) => r.application_id), perReviewer: count((r) => r.reviewer_id) };
};

/** The reviewer's first assignment id (API). */
export const firstAssignment = async (reviewer: Client) =>
  ((await reviewer.get("/api/v1/me/reviews")).body.items as { id: string }[])[0]?.id;
