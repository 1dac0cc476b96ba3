// Panel calls under review for tests: applications submitted by distinct groups, review opened and
// scores written straight into review_assignments (as opening review and scoring would leave them).
import { env } from "cloudflare:workers";
import { funderWithCall, expireCall } from "./calls";
import { orgOwner, csoFields, signUp } from "./world";

let n = 0;

/** A funder's panel call and `count` groups that applied to it, each with a name no other test uses. */
export const panelCallWithApplications = async (count: number, over: Record<string, unknown> = {}) => {
  const funder = await funderWithCall({ review: { mode: "panel", reviewsPerApplication: 3 }, ...over });
  const callId = funder.call.id as string;
  const questions = funder.call.questions as { id: string }[];
  const applicants = [];
  for (let i = 0; i < count; i++) {
    const name = `Tally Group ${Date.now().toString(36)}-${++n}`;
    const cso = await orgOwner({ ...csoFields, name });
    const app = (await cso.post(`/api/v1/calls/${callId}/applications`, { orgId: cso.org.id })).body;
    const saved = await cso.patch(`/api/v1/applications/${app.id}`, {
      version: app.version,
      answers: Object.fromEntries(questions.map((q) => [q.id, "Literacy circles for forty women."])),
      requestedAmount: { amount: 1_000_000, currency: "USD" },
    });
    if (saved.status !== 200) throw new Error(`save failed: ${JSON.stringify(saved.body)}`);
    const submitted = await cso.post(`/api/v1/applications/${app.id}/submit`);
    if (submitted.status !== 200) throw new Error(`submit failed: ${JSON.stringify(submitted.body)}`);
    applicants.push(Object.assign(cso, { appId: app.id as string, orgName: name }));
  }
  return { funder, callId, applicants };
};

/** What closing a panel call does to the call row: review opens, with the secret that keys the refs. */
export const openReview = async (callId: string, salt = `salt-${crypto.randomUUID()}`) => {
  await expireCall(callId);
  await env.DB.prepare("UPDATE calls SET review_opened_at = ?, review_salt = ? WHERE id = ?")
    .bind(new Date().toISOString(), salt, callId)
    .run();
  return salt;
};

/** People who review (no organisation needed: a panel's members are invited by e-mail). */
export const reviewers = async (count: number) => {
  const people = [];
  for (let i = 0; i < count; i++) people.push(await signUp({ name: `Panelist ${i + 1}` }));
  return people.map((p) => p.userId);
};

/** One assignment row: scored (`done`), still open (`assigned`, no score) or handed back (`conflict`). */
export const assignment = (
  callId: string,
  applicationId: string,
  reviewerId: string,
  score: number | null,
  status: "done" | "assigned" | "conflict" = "done",
) =>
  env.DB.prepare(
    `INSERT INTO review_assignments (id, call_id, application_id, reviewer_id, reviewer_org_id, status, score, comment, created_at, reviewed_at)
     VALUES (?, ?, ?, ?, NULL, ?, ?, NULL, ?, ?)`,
  )
    .bind(
      crypto.randomUUID(),
      callId,
      applicationId,
      reviewerId,
      status,
      score,
      new Date().toISOString(),
      status === "done" ? new Date().toISOString() : null,
    )
    .run();
