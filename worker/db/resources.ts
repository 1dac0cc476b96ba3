// The library's rows: writing a resource, reading one or a page of them (full-text through resources_fts),
// moderating, and whether a file belongs to a published resource.
import { and, desc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { orgs, resources, uploads } from "../../schema";
import { THEMES, type ResourceStatus } from "../../schema/enums";
import { fromMask } from "../domain/bitmask";
import { auditInsertIf } from "./audit";
import type { Db } from "./client";
import { nowIso } from "./client";

/**
 * The FTS5 index (migration 0020), declared here only so queries can name it: drizzle-kit reads schema/,
 * never this file, so it will not try to create it as a plain table.
 */
const resourcesFts = sqliteTable("resources_fts", {
  rowid: integer("rowid"),
  searchText: text("search_text"),
});

const columns = {
  r: resources,
  orgName: orgs.name,
  orgVisibility: orgs.visibility,
  orgCountry: orgs.country,
  fileKind: uploads.kind,
  fileBytes: uploads.bytes,
};

const withOrgAndFile = (db: Db) =>
  db
    .select(columns)
    .from(resources)
    .innerJoin(orgs, eq(orgs.id, resources.orgId))
    .leftJoin(uploads, eq(uploads.id, resources.uploadId));

type Joined = {
  r: typeof resources.$inferSelect;
  orgName: string;
  orgVisibility: string;
  orgCountry: string;
  fileKind: (typeof uploads.$inferSelect)["kind"] | null;
  fileBytes: number | null;
};

/** The API's Resource; the organisation is named only when it is public (else "a member organisation"). */
const toResource = ({ r, orgName, orgVisibility, fileKind, fileBytes }: Joined) => ({
  id: r.id,
  title: r.title,
  summary: r.summary,
  language: r.language,
  themes: fromMask(r.themes, THEMES),
  licence: r.licence,
  url: r.url,
  file:
    r.uploadId && fileKind && fileBytes !== null
      ? { id: r.uploadId, kind: fileKind, bytes: fileBytes }
      : null,
  org: orgVisibility === "public" ? { id: r.orgId, name: orgName } : null,
  status: r.status,
  publishedAt: r.publishedAt,
  createdAt: r.createdAt,
});

export type ResourceRow = typeof resources.$inferInsert;

export const insertResource = (db: Db, row: Omit<ResourceRow, "createdAt" | "updatedAt" | "status">) => {
  const now = nowIso();
  return db.insert(resources).values({ ...row, status: "pending", createdAt: now, updatedAt: now });
};

/** A resource of a live organisation, with what the rules need (its status, organisation, country). */
export const findResource = async (db: Db, id: string) => {
  const row = await withOrgAndFile(db)
    .where(and(eq(resources.id, id), isNull(orgs.deletedAt)))
    .get();
  return row ? { view: toResource(row), orgId: row.r.orgId, country: row.orgCountry } : null;
};

export type ResourceQuery = {
  /** A safe FTS5 MATCH expression (worker/domain/search-text.ts ftsQuery), or null for no search. */
  match: string | null;
  theme?: (typeof THEMES)[number];
  language?: string;
  status: ResourceStatus;
  /** Only organisations in these countries (a coordinator's queue); undefined = every country. */
  countries?: string[];
  limit: number;
  offset: number;
};

/**
 * A page of resources. With words, the FTS5 index finds them and bm25 ranks them (then newest first);
 * without, newest first. Offset paging: a ranked list has no stable key to continue from.
 */
export const listResources = async (db: Db, f: ResourceQuery) => {
  const conds: (SQL | undefined)[] = [eq(resources.status, f.status), isNull(orgs.deletedAt)];
  if (f.theme) conds.push(sql`(${resources.themes} & ${1 << THEMES.indexOf(f.theme)}) != 0`);
  if (f.language)
    conds.push(
      sql`(${resources.language} = ${f.language} OR ${resources.language} LIKE ${`${f.language.replace(/[%_\\]/g, "")}-%`})`,
    );
  if (f.countries) conds.push(f.countries.length ? inArray(orgs.country, f.countries) : sql`0`);
  const newest = [desc(sql`coalesce(${resources.publishedAt}, ${resources.createdAt})`), desc(resources.id)];
  const base = f.match
    ? withOrgAndFile(db)
        .innerJoin(resourcesFts, sql`"resources_fts"."rowid" = "resources"."rowid"`)
        .where(and(sql`"resources_fts" MATCH ${f.match}`, ...conds))
        .orderBy(sql`bm25("resources_fts")`, ...newest)
    : withOrgAndFile(db)
        .where(and(...conds))
        .orderBy(...newest);
  const rows = await base
    .limit(f.limit + 1)
    .offset(f.offset)
    .all();
  return {
    items: rows.slice(0, f.limit).map(toResource),
    nextCursor: rows.length > f.limit ? String(f.offset + f.limit) : null,
  };
};

/**
 * Moves a pending resource to `status`, with its audit entry in the same batch, written only if this
 * request's change won (two moderators at once: one publishes, the other gets 409). True if it moved.
 */
export const moderateResource = async (db: Db, id: string, status: "published" | "rejected", by: string) => {
  const now = nowIso();
  const [moved] = await db.batch([
    db
      .update(resources)
      .set({
        status,
        moderatedBy: by,
        moderatedAt: now,
        publishedAt: status === "published" ? now : null,
        updatedAt: now,
      })
      .where(and(eq(resources.id, id), eq(resources.status, "pending")))
      .returning({ id: resources.id }),
    auditInsertIf(
      db,
      {
        actorUserId: by,
        action: status === "published" ? "resource.published" : "resource.rejected",
        subjectType: "resource",
        subjectId: id,
      },
      sql`changes() > 0`,
    ),
  ]);
  return moved.length > 0;
};

/** Whether the file is attached to a published resource of a live organisation (then anyone may download it). */
export const isPublishedResourceFile = async (db: Db, uploadId: string) =>
  !!(await db
    .select({ id: resources.id })
    .from(resources)
    .innerJoin(orgs, eq(orgs.id, resources.orgId))
    .where(and(eq(resources.uploadId, uploadId), eq(resources.status, "published"), isNull(orgs.deletedAt)))
    .limit(1)
    .get());
