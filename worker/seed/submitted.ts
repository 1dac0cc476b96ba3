// A demo application as it is once submitted: answers in the group's language, an amount in US dollars,
// the group's profile as the funder was shown it, and dates relative to the seeding.
import { applications } from "../../schema";
import type { Db } from "../db/client";
import { findOrg } from "../db/orgs";

export const daysAgo = (days: number, now: number) => new Date(now - days * 86_400_000).toISOString();

export type DemoApplication = {
  id: string;
  callId: string;
  orgId: string;
  createdBy: string;
  submittedDaysAgo: number;
  dollars: number;
  /** By the call's question ids. */
  answers: Record<string, string>;
};

/** The group's profile at seeding, as the funder is shown it from submission on. */
export const snapshotOf = async (db: Db, orgId: string) => JSON.stringify(await findOrg(db, orgId));

/** The insert, skipped when the row exists (a query to batch: awaiting it here would run it). */
export const submittedApplicationInsert = (db: Db, a: DemoApplication, snapshot: string, now: number) =>
  db
    .insert(applications)
    .values({
      id: a.id,
      callId: a.callId,
      orgId: a.orgId,
      status: "submitted",
      answers: JSON.stringify(a.answers),
      requestedAmount: a.dollars * 100,
      requestedCurrency: "USD",
      snapshot,
      submittedAt: daysAgo(a.submittedDaysAgo, now),
      createdBy: a.createdBy,
      createdAt: daysAgo(a.submittedDaysAgo + 1, now),
      updatedAt: daysAgo(a.submittedDaysAgo, now),
    })
    .onConflictDoNothing();
