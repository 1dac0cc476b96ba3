// The funders the equity report's funder select offers: those with an award from a call that is not
// confidential (an account of nothing is no use, and the page names no funder for its confidential awards
// alone, whoever reads it) — public ones for everyone, every one for analysts and admins — and the
// viewer's own funders.
import { and, asc, eq, exists, inArray, isNull, or, sql } from "drizzle-orm";
import { awards, calls, orgs } from "../../schema";
import type { Db } from "./client";

/** `all`: funders of any visibility (analysts, admins); `memberOf`: the viewer's own organisations, listed whatever they gave. */
export const reportFunders = (db: Db, opts: { all: boolean; memberOf: string[] }) => {
  const awardedInPublic = exists(
    db
      .select({ one: sql`1` })
      .from(awards)
      .innerJoin(calls, eq(calls.id, awards.callId))
      .where(and(eq(awards.funderOrgId, orgs.id), eq(calls.confidential, false))),
  );
  return db
    .select({ id: orgs.id, name: orgs.name })
    .from(orgs)
    .where(
      and(
        eq(orgs.kind, "funder"),
        isNull(orgs.deletedAt),
        or(
          and(opts.all ? undefined : eq(orgs.visibility, "public"), awardedInPublic),
          opts.memberOf.length ? inArray(orgs.id, opts.memberOf) : undefined,
        ),
      ),
    )
    .orderBy(asc(orgs.name))
    .all();
};
