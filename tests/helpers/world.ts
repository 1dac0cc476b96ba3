// Builds the people and organisations a test needs: signed-in clients for every role.
import { env } from "cloudflare:workers";
import { Client } from "./client";
import { createDb } from "../../worker/db/client";
import { insertUser } from "../../worker/db/users";
import { hashPassword } from "../../worker/security/password";
import type { PlatformRole } from "../../schema/accounts";

export const PASSWORD = "correct horse battery staple";
let n = 0;
export const uniqueEmail = (prefix = "user") => `${prefix}-${Date.now().toString(36)}-${++n}@example.org`;

/** The newest mail the app wrote to `email` (through the development mail API, as a person would read it). */
export const latestMail = async (email: string) => {
  const res = await new Client().get(`/api/v1/dev/mail?to=${encodeURIComponent(email)}`);
  const mail = res.body.items?.[0] as
    | { id: string; subject: string; text: string; kind: string; sentAt: string | null }
    | undefined;
  if (!mail) throw new Error(`no mail to ${email}`);
  return mail;
};

/** The token in the newest mailed link to `path` ("/verify", "/reset"). */
export const mailedToken = async (email: string, path = "/verify") => {
  const { text } = await latestMail(email);
  const token = new RegExp(`${path}\\?token=([A-Za-z0-9_-]+)`).exec(text)?.[1];
  if (!token) throw new Error(`no ${path} link in the mail to ${email}: ${text}`);
  return token;
};

/** Signs up as a person does: the form's 202, the link from the mail, verified and signed in. */
export const signUp = async (opts: { email?: string; name?: string; locale?: string } = {}) => {
  const client = new Client();
  const email = opts.email ?? uniqueEmail();
  const res = await client.post("/api/v1/auth/signup", {
    email,
    password: PASSWORD,
    name: opts.name ?? "Test User",
    locale: opts.locale,
  });
  if (res.status !== 202) throw new Error(`signup failed: ${res.status} ${JSON.stringify(res.body)}`);
  const verified = await client.post("/api/v1/auth/verify", { token: await mailedToken(email) });
  if (verified.status !== 200)
    throw new Error(`verify failed: ${verified.status} ${JSON.stringify(verified.body)}`);
  return Object.assign(client, { email, userId: verified.body.user.id as string });
};

/** Platform analysts and admins are never created through the API; tests insert them as the seed does. */
export const userWithRole = async (platformRole: PlatformRole) => {
  const email = uniqueEmail(platformRole);
  const db = createDb(env.DB);
  const pepper = (env as unknown as { PASSWORD_PEPPER: string }).PASSWORD_PEPPER;
  const user = await insertUser(db, {
    id: crypto.randomUUID(),
    email,
    name: platformRole,
    locale: "en",
    passwordHash: await hashPassword(PASSWORD, pepper),
    platformRole,
    emailVerifiedAt: new Date().toISOString(),
  });
  const client = new Client();
  const res = await client.post("/api/v1/auth/login", { email, password: PASSWORD });
  if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
  return Object.assign(client, { email, userId: user!.id });
};

export const csoFields = {
  kind: "cso",
  name: "Tadamon Women's Collective",
  country: "EG",
  area: "Minya",
  setting: "rural",
  legalStatus: "unregistered",
  foundedYear: 2019,
  annualBudget: { amount: 800000, currency: "USD" },
  staffCount: 0,
  volunteerCount: 14,
  ledBy: ["women"],
  themes: ["womens_rights", "livelihoods"],
  languages: ["ar"],
  visibility: "public",
};

/** What the anonymous eligibility check asks: the matching facts of csoFields, without a name. */
export const checkProfile = {
  country: csoFields.country,
  setting: csoFields.setting,
  legalStatus: csoFields.legalStatus,
  annualBudget: csoFields.annualBudget,
  ledBy: csoFields.ledBy,
  themes: csoFields.themes,
  languages: csoFields.languages,
};

export const funderFields = {
  kind: "funder",
  name: "Open Horizons Fund",
  country: "NL",
  visibility: "public",
};

/** What an admin's `POST /orgs/:id/verify` does, without needing an admin client in every test. */
export const markVerified = (orgId: string, verified = true) =>
  env.DB.prepare("UPDATE orgs SET verified = ? WHERE id = ?")
    .bind(verified ? 1 : 0, orgId)
    .run();

/**
 * A signed-in member (owner) of a new organisation. Funders come verified by the platform unless
 * `verified: false` (a real funder is, before it may publish, match or see funders-only groups).
 */
export const orgOwner = async (
  fields: Record<string, unknown> = csoFields,
  opts: { verified?: boolean } = {},
) => {
  const client = await signUp();
  const res = await client.post("/api/v1/orgs", fields);
  if (res.status !== 201) throw new Error(`org create failed: ${res.status} ${JSON.stringify(res.body)}`);
  const verified = opts.verified ?? fields.kind === "funder";
  if (verified) await markVerified(res.body.id);
  return Object.assign(client, {
    org: { ...res.body, verified } as unknown as { id: string; version: number } & Record<string, unknown>,
  });
};

/** An owner invites someone, who accepts: the only way into an organisation. */
export const addMember = async (
  owner: Client,
  orgId: string,
  person: Client & { email: string },
  role: "owner" | "member" = "member",
) => {
  const invited = await owner.post(`/api/v1/orgs/${orgId}/members`, { email: person.email, role });
  if (invited.status !== 202)
    throw new Error(`invite failed: ${invited.status} ${JSON.stringify(invited.body)}`);
  const accepted = await person.post(`/api/v1/invitations/${invited.body.invitationId}/accept`);
  if (accepted.status !== 200)
    throw new Error(`accept failed: ${accepted.status} ${JSON.stringify(accepted.body)}`);
};
