// Confidential calls (the default for rapid response to groups under threat): their applications and
// awards exist only for the two sides — the group's members and the funder's members — and admins. Every
// public or named output leaves them out entirely (not even an anonymised line: one confidential grant of a
// funder with an amount and a date identifies it); the equity report counts them in aggregates only.
import { canViewAward, type Viewer } from "./permissions";

/** Whether a row about an award (or its money) may be shown to this viewer. */
export const awardShownTo = (
  viewer: Viewer | null,
  a: { confidential: boolean | number | null; orgId: string; funderOrgId: string | null },
) =>
  !a.confidential ||
  (!!a.funderOrgId && canViewAward(viewer, { orgId: a.orgId, funderOrgId: a.funderOrgId }).ok);

/** The funder dimension's key for confidential awards and applications: one folded group, never a funder's. */
export const CONFIDENTIAL_KEY = "confidential";
