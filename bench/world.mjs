// The people and things the benchmark acts as, created through the API like real users: a CSO member,
// a funder member with a broad open call, one draft per concurrent client to save, a pool of complete
// drafts to submit, and a chapter coordinator (appointed by the seeded admin) who sees the queue.
import { signup, login, visit } from "./lib.mjs";

const profile = (name) => ({
  kind: "cso",
  name,
  country: "EG",
  setting: "rural",
  legalStatus: "unregistered",
  annualBudget: { amount: 800_000, currency: "USD" },
  ledBy: ["women"],
  themes: ["womens_rights"],
  languages: ["ar", "en"],
});
const deadline = () => new Date(Date.now() + 60 * 86_400_000).toISOString();
const broadCall = (funderOrgId, title) => ({
  funderOrgId,
  title,
  summary: "Open to most organisations.",
  languages: ["en", "fr", "ar"],
  themes: ["womens_rights", "youth"],
  eligibility: { globalSouthOnly: true },
  priorities: { ledBy: ["women"], settings: ["rural"] },
  grant: { min: { amount: 100_000, currency: "USD" }, max: { amount: 1_000_000, currency: "USD" } },
  fundingType: "core",
  durationMonths: 12,
  deadline: deadline(),
  questions: [{ label: "Why?", maxChars: 800 }],
});

const ok = async (res, what) => {
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(`${what}: HTTP ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
  return body;
};
const send = (method) => (as, path, body) =>
  visit(as.base + path, {
    method,
    headers: { "Content-Type": "application/json", Cookie: as.cookie },
    body: JSON.stringify(body),
  });

const patch = send("PATCH");
const put = send("PUT");

/**
 * `drafts`: one per concurrent client (saved over and over); `submittable`: complete drafts to submit once
 * each; `chapter`: the country whose coordinator the benchmark acts as.
 */
export const benchWorld = async (base, { clients, submittable, chapter }) => {
  const tag = Date.now().toString(36);
  const cso = Object.assign(await signup(base, `bench-cso-${tag}@example.org`), { base });
  const funder = Object.assign(await signup(base, `bench-funder-${tag}@example.org`), { base });
  const csoOrg = await ok(await cso("/api/v1/orgs", profile("Bench CSO")), "create CSO");
  const funderOrg = await ok(
    await funder("/api/v1/orgs", { kind: "funder", name: "Bench Funder", country: "NL" }),
    "create funder",
  );
  // Only a funder the platform verified may publish and match: the seeded admin verifies it.
  const admin = await login(base, "admin@sanad.example", "sanad-demo-2026");
  await ok(
    await admin(`/api/v1/orgs/${funderOrg.id}/verify`, {
      verified: true,
      checks: {
        website: "https://bench-funder.example.org",
        registration: "Bench register 1",
        contact: "Bench contact by phone",
      },
    }),
    "verify funder",
  );
  const coordinator = Object.assign(await signup(base, `bench-coordinator-${tag}@example.org`), { base });
  const { user } = await ok(await coordinator("/api/v1/me"), "who is the coordinator");
  const appointed = await put(
    Object.assign(admin, { base }),
    `/api/v1/chapters/${chapter}/coordinators/${user.id}`,
  );
  if (appointed.status !== 204) throw new Error(`appoint coordinator: HTTP ${appointed.status}`);
  const calls = [];
  const perCall = 50;
  for (let i = 0; i < Math.max(1, Math.ceil(submittable / perCall)); i++) {
    const call = await ok(
      await funder("/api/v1/calls", broadCall(funderOrg.id, `Broad Global South call ${i}`)),
      "create call",
    );
    await ok(await funder(`/api/v1/calls/${call.id}/publish`, {}), "publish");
    calls.push(call);
  }
  const answers = (call) =>
    Object.fromEntries(
      call.questions.map((q) => [q.id, "Our members decide together; core money pays rent and transport."]),
    );
  const draftFor = async (orgId, call, complete) => {
    const app = await ok(await cso(`/api/v1/calls/${call.id}/applications`, { orgId }), "start application");
    if (!complete) return { id: app.id, version: app.version };
    const saved = await ok(
      await patch(cso, `/api/v1/applications/${app.id}`, {
        version: app.version,
        answers: answers(call),
        requestedAmount: { amount: 500_000, currency: "USD" },
      }),
      "save draft",
    );
    return { id: saved.id, version: saved.version };
  };
  // Drafts to save: one organisation per client, so saves never conflict with each other.
  const drafts = [];
  for (let w = 0; w < clients; w++) {
    const org = await ok(await cso("/api/v1/orgs", profile(`Bench CSO saver ${w}`)), "create saver");
    drafts.push(await draftFor(org.id, calls[0], false));
  }
  // Complete drafts to submit: up to 50 organisations × the calls.
  const pool = [];
  for (let k = 0; pool.length < submittable; k++) {
    const org = await ok(await cso("/api/v1/orgs", profile(`Bench CSO submitter ${k}`)), "create submitter");
    for (const call of calls) if (pool.length < submittable) pool.push(await draftFor(org.id, call, true));
  }
  return {
    cso,
    funder,
    csoOrg,
    funderOrg,
    coordinator,
    call: calls[0],
    drafts,
    pool,
    patch: (path, body) => patch(cso, path, body),
  };
};
