// Demo grant history, so the equity report has something to show locally: two closed 2025–26 calls,
// 48 small community groups in 18 countries (two of them hidden), their applications and awards.
// Deterministic (no randomness), written once: skipped when the first generated organisation exists.
// Registered groups are awarded more often here on purpose, so the report's adverse-impact flag shows.
import { eq, like, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { orgs, calls, applications, awards } from "../../schema";
import type { Db } from "../db/client";
import { nowIso } from "../db/client";
import { callValues, type CallFields } from "../db/calls";
import { loadFxTable } from "../db/fx";
import { toUsdCents } from "../domain/fx";
import { orgRow, type DemoOrg } from "./demo";
import type { LedBy, Theme, LegalStatus } from "../../schema/enums";

const PLACES: [string, string, "urban" | "peri_urban" | "rural"][] = [
  ["KE", "Kisumu", "rural"],
  ["KE", "Nakuru", "peri_urban"],
  ["UG", "Lira", "rural"],
  ["SN", "Kolda", "rural"],
  ["SN", "Ziguinchor", "peri_urban"],
  ["NG", "Kano", "urban"],
  ["GH", "Tamale", "rural"],
  ["BD", "Sylhet", "rural"],
  ["NP", "Dang", "rural"],
  ["PH", "Samar", "rural"],
  ["CO", "Nariño", "rural"],
  ["GT", "Huehuetenango", "rural"],
  ["BO", "Potosí", "rural"],
  ["JO", "Mafraq", "peri_urban"],
  ["MA", "Tiznit", "rural"],
  ["IN", "Odisha", "rural"],
  ["ZA", "Soweto", "urban"],
  ["MX", "Oaxaca", "rural"],
];
const KINDS: [string, LedBy[], Theme[]][] = [
  ["Women's Savings Circle", ["women"], ["womens_rights", "livelihoods"]],
  ["Youth Climate Club", ["youth"], ["climate_environment", "youth"]],
  ["Farmers' Collective", [], ["livelihoods", "climate_environment"]],
  ["Disability Rights Network", ["disabled_people"], ["disability_inclusion", "human_rights_defence"]],
  ["Community Radio Group", ["youth", "women"], ["digital_rights", "local_governance"]],
  ["Indigenous Water Committee", ["indigenous"], ["water_sanitation", "health"]],
];
const LEGAL: LegalStatus[] = ["unregistered", "registered", "movement", "fiscally_sponsored", "registered"];
const BUDGETS_USD = [8_000, 22_000, 45_000, 90_000, 240_000, 600_000];

const closedCall = (title: string, fundingType: "core" | "project", deadline: string): CallFields => ({
  title,
  summary: "A closed call kept for the grant history.",
  languages: ["en"],
  themes: ["womens_rights", "livelihoods", "climate_environment"],
  eligibility: { globalSouthOnly: true },
  priorities: {},
  grant: { min: { amount: 500_000, currency: "USD" }, max: { amount: 6_000_000, currency: "USD" } },
  fundingType,
  durationMonths: fundingType === "core" ? 24 : 12,
  deadline,
  questions: [{ id: "q1", label: "What will you do?", maxChars: 800 }],
});

const CALLS = [
  {
    id: "demo-call-2025-core",
    funder: "demo-funder-horizons",
    fields: closedCall("Core grants 2025", "core", "2025-03-31T23:59:00.000Z"),
    month: (i: number) => 4 + (i % 6),
    year: 2025,
  },
  {
    id: "demo-call-2026-projects",
    funder: "demo-funder-sahel",
    fields: closedCall("Community projects 2026", "project", "2026-02-28T23:59:00.000Z"),
    month: (i: number) => 3 + (i % 5),
    year: 2026,
  },
];

export const seedDemoGrantHistory = async (db: Db) => {
  if (await db.select({ id: orgs.id }).from(orgs).where(eq(orgs.id, "demo-gen-0")).get()) return 0;
  const fx = await loadFxTable(db);
  const now = nowIso();
  const statements: BatchItem<"sqlite">[] = CALLS.map((c) =>
    db
      .insert(calls)
      .values(callValues(c.id, c.funder, c.fields, now, "closed"))
      .onConflictDoNothing(),
  );
  for (let i = 0; i < 48; i++) {
    const [country, place, setting] = PLACES[i % PLACES.length];
    const [kind, ledBy, themes] = KINDS[i % KINDS.length];
    const legalStatus = LEGAL[i % LEGAL.length];
    const org: DemoOrg = {
      id: `demo-gen-${i}`,
      owner: "demo-user-admin",
      kind: "cso",
      name: `${place} ${kind}`,
      description: `A community group in ${place}.`,
      country,
      area: place,
      setting,
      legalStatus,
      foundedYear: 2010 + (i % 14),
      budget: [BUDGETS_USD[(i * 7) % BUDGETS_USD.length] * 100, "USD"],
      ledBy,
      themes,
      languages: ["en"],
      visibility: i % 24 === 5 ? "hidden" : "public",
    };
    statements.push(db.insert(orgs).values(orgRow(org, now)).onConflictDoNothing());
    CALLS.forEach((c, n) => {
      if ((i + n) % 3 === 2) return; // not everyone applies to both
      const awarded = legalStatus === "registered" ? (i + n) % 4 !== 0 : (i + n) % 3 === 0;
      const day = `${c.year}-${String(c.month(i)).padStart(2, "0")}-${String(1 + (i % 27)).padStart(2, "0")}`;
      const appId = `demo-gen-app-${i}-${n}`;
      statements.push(
        db
          .insert(applications)
          .values({
            id: appId,
            callId: c.id,
            orgId: org.id,
            status: awarded ? "awarded" : "declined",
            answers: "{}",
            snapshot: null,
            submittedAt: `${c.year}-0${n ? 2 : 3}-1${i % 10}T10:00:00.000Z`,
            decision: awarded ? "award" : "decline",
            decisionReasons: awarded ? "[]" : '["competition"]',
            decidedAt: `${day}T12:00:00.000Z`,
            decidedBy: "demo-user-admin",
            createdBy: "demo-user-admin",
            createdAt: now,
            updatedAt: now,
          })
          .onConflictDoNothing(),
      );
      if (awarded) {
        const amount = {
          amount:
            (c.fields.fundingType === "core" ? 5_000 + (i % 5) * 4_000 : 10_000 + (i % 7) * 7_000) *
            100 *
            (legalStatus === "registered" ? 2 : 1),
          currency: "USD",
        };
        statements.push(
          db
            .insert(awards)
            .values({
              id: `demo-gen-award-${i}-${n}`,
              applicationId: appId,
              callId: c.id,
              orgId: org.id,
              funderOrgId: c.funder,
              amount: amount.amount,
              currency: amount.currency,
              amountUsd: toUsdCents(amount, fx, day),
              awardDate: day,
              fundingType: c.fields.fundingType,
              durationMonths: c.fields.durationMonths,
              createdAt: now,
            })
            .onConflictDoNothing(),
        );
      }
    });
  }
  // What they received lowers their equity boost in matching, as a real award would.
  statements.push(
    db
      .update(orgs)
      .set({
        fundingReceivedUsd: sql`coalesce((SELECT sum(amount_usd) FROM awards WHERE awards.org_id = orgs.id), 0)`,
      })
      .where(like(orgs.id, "demo-gen-%")),
  );
  await db.batch(statements as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]]);
  return 48;
};
