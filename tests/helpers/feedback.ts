// Groups that applied to a funder and groups that were funded: the fixtures feedback and rating tests need.
import { orgOwner, csoFields, userWithRole } from "./world";
import { funderWithCall } from "./calls";
import type { Client } from "./client";

type Owner = Awaited<ReturnType<typeof orgOwner>>;
type Funder = Awaited<ReturnType<typeof funderWithCall>>;

/** A funder with an open call any group may apply to (no eligibility rules). */
export const openFunder = (over: Record<string, unknown> = {}) =>
  funderWithCall({ eligibility: {}, ...over });

/** Starts an application of `cso` to the funder's call and (unless `draft`) submits it; returns its id. */
export const apply = async (funder: Funder, cso: Owner, opts: { draft?: boolean } = {}) => {
  const started = await cso.post(`/api/v1/calls/${funder.call.id}/applications`, { orgId: cso.org.id });
  if (started.status !== 201) throw new Error(`apply: ${started.status} ${JSON.stringify(started.body)}`);
  if (opts.draft) return started.body.id as string;
  const questions = (await cso.get(`/api/v1/calls/${funder.call.id}`)).body.questions as { id: string }[];
  await cso.patch(`/api/v1/applications/${started.body.id}`, {
    version: started.body.version,
    answers: Object.fromEntries(questions.map((q) => [q.id, "Our literacy circles need a room."])),
    requestedAmount: { amount: 1_000_000, currency: "USD" },
  });
  const submitted = await cso.post(`/api/v1/applications/${started.body.id}/submit`);
  if (submitted.status !== 200)
    throw new Error(`submit: ${submitted.status} ${JSON.stringify(submitted.body)}`);
  return started.body.id as string;
};

/** A new group (its owner signed in) that submitted an application to the funder's call. */
export const applicant = async (funder: Funder, fields: Record<string, unknown> = {}) => {
  const cso = await orgOwner({ ...csoFields, ...fields });
  const applicationId = await apply(funder, cso);
  return Object.assign(cso, { applicationId });
};

/** A group funded through a call: it applied and the funder awarded it. */
export const awardedGroup = async (fields: Record<string, unknown> = {}) => {
  const funder = await openFunder();
  const cso = await applicant(funder, fields);
  const decided = await funder.post(`/api/v1/applications/${cso.applicationId}/decision`, {
    decision: "award",
    amount: { amount: 1_000_000, currency: "USD" },
  });
  if (decided.status !== 200) throw new Error(`award: ${decided.status} ${JSON.stringify(decided.body)}`);
  return { cso, funder };
};

/** A group funded by a pledge whose bank transfer an admin recorded (`paid: false`: pledged, nothing paid). */
export const pledgedGroup = async (funder: Client, opts: { paid?: boolean } = {}) => {
  const cso = await orgOwner(csoFields);
  const pledged = await funder.post("/api/v1/pledges", {
    recipientOrgId: cso.org.id,
    amount: { amount: 5000, currency: "USD" },
    interval: "once",
  });
  if (pledged.status !== 201) throw new Error(`pledge: ${pledged.status} ${JSON.stringify(pledged.body)}`);
  if (opts.paid ?? true) {
    const admin = await userWithRole("admin");
    const paid = await admin.post(`/api/v1/pledges/${pledged.body.pledge.id}/payments`, {
      amount: { amount: 5000, currency: "USD" },
      receivedAt: new Date().toISOString().slice(0, 10),
      reference: `BANK-${crypto.randomUUID().slice(0, 8)}`,
    });
    if (paid.status !== 201) throw new Error(`payment: ${paid.status} ${JSON.stringify(paid.body)}`);
  }
  return cso;
};
