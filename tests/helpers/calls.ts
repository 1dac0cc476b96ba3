// Calls for tests: a valid body with every field, and a funder that has posted one.
import { env } from "cloudflare:workers";
import { orgOwner, funderFields } from "./world";

export const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

export const callBody = (funderOrgId: string, over: Record<string, unknown> = {}) => ({
  funderOrgId,
  title: "Core support for rural women-led groups",
  summary: "Two years of flexible core funding for small women-led groups.",
  languages: ["ar", "fr"],
  themes: ["womens_rights", "livelihoods"],
  eligibility: {
    countries: ["EG", "TN", "SN"],
    globalSouthOnly: true,
    legalStatuses: ["unregistered", "movement"],
    maxAnnualBudget: { amount: 5_000_000, currency: "USD" },
    requiredLedBy: ["women"],
  },
  priorities: { ledBy: ["youth"], settings: ["rural"], themes: ["womens_rights"] },
  grant: { min: { amount: 500_000, currency: "USD" }, max: { amount: 2_500_000, currency: "USD" } },
  fundingType: "core",
  durationMonths: 24,
  deadline: inDays(30),
  questions: [
    { id: "change", label: "What change do you want to see?", maxChars: 800 },
    { label: "How would you use core funding?", maxChars: 600 },
  ],
  ...over,
});

/** A funder owner with a call (published unless `draft`). */
export const funderWithCall = async (over: Record<string, unknown> = {}, opts: { draft?: boolean } = {}) => {
  const funder = await orgOwner(funderFields);
  const created = await funder.post("/api/v1/calls", callBody(funder.org.id, over));
  if (created.status !== 201)
    throw new Error(`call create failed: ${created.status} ${JSON.stringify(created.body)}`);
  if (!opts.draft) {
    const published = await funder.post(`/api/v1/calls/${created.body.id}/publish`);
    if (published.status !== 200) throw new Error(`publish failed: ${published.status}`);
  }
  return Object.assign(funder, {
    call: created.body as { id: string; version: number } & Record<string, any>,
  });
};

/** Moves a call's deadline into the past without going through the API (which refuses it). */
export const expireCall = (callId: string) =>
  env.DB.prepare("UPDATE calls SET deadline = ? WHERE id = ?")
    .bind(new Date(Date.now() - 60_000).toISOString(), callId)
    .run();
