// Equity-report fixtures written straight into D1 (the award path itself is tested in applications):
// organisations with the attributes that matter, and decided applications with their awards.
import { env } from "cloudflare:workers";
import { LED_BY } from "../../schema/enums";

let n = 0;
const id = (p: string) => `${p}-${Date.now().toString(36)}-${++n}`;
const now = () => new Date().toISOString();

export type FixtureOrg = {
  name?: string;
  country: string;
  legalStatus?: string;
  ledBy?: string[];
  visibility?: string;
  budgetUsd?: number;
  kind?: "cso" | "funder";
};

export const insertOrg = async (o: FixtureOrg) => {
  const orgId = id("org");
  const ledBy = (o.ledBy ?? []).reduce((m, x) => m | (1 << LED_BY.indexOf(x as (typeof LED_BY)[number])), 0);
  await env.DB.prepare(
    "INSERT INTO orgs (id, kind, name, country, setting, legal_status, annual_budget_amount, annual_budget_currency, led_by, themes, languages, visibility, verified, funding_received_usd, version, created_at, updated_at) VALUES (?, ?, ?, ?, 'rural', ?, ?, 'USD', ?, 1, '[]', ?, 0, 0, 1, ?, ?)",
  )
    .bind(
      orgId,
      o.kind ?? "cso",
      o.name ?? `Org ${orgId}`,
      o.country,
      o.legalStatus ?? "registered",
      o.budgetUsd === undefined ? 2_000_000 : o.budgetUsd * 100,
      ledBy,
      o.visibility ?? "public",
      now(),
      now(),
    )
    .run();
  return orgId;
};

/** A submitted application, decided as given; an award (amount in minor units) when awarded. */
export const decided = async (p: {
  callId: string;
  orgId: string;
  funderOrgId: string;
  award?: {
    amount: number;
    currency?: string;
    date: string;
    usd?: number | null;
    fundingType?: "core" | "project";
  };
  declinedOn?: string;
  userId: string;
}) => {
  const appId = id("app");
  const status = p.award ? "awarded" : p.declinedOn ? "declined" : "submitted";
  const submitted = `${p.award?.date ?? p.declinedOn ?? "2030-01-01"}T09:00:00.000Z`;
  await env.DB.prepare(
    "INSERT INTO applications (id, call_id, org_id, status, answers, version, submitted_at, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, '{}', 1, ?, ?, ?, ?)",
  )
    .bind(appId, p.callId, p.orgId, status, submitted, p.userId, now(), now())
    .run();
  if (p.award) {
    const a = p.award;
    await env.DB.prepare(
      "INSERT INTO awards (id, application_id, call_id, org_id, funder_org_id, amount, currency, amount_usd, award_date, funding_type, duration_months, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 12, ?)",
    )
      .bind(
        id("award"),
        appId,
        p.callId,
        p.orgId,
        p.funderOrgId,
        a.amount,
        a.currency ?? "USD",
        a.usd === undefined ? a.amount : a.usd,
        a.date,
        a.fundingType ?? "core",
        now(),
      )
      .run();
  }
  return appId;
};
