// HTML pages for the library: search and filters, one resource, the posting form, and the moderation
// queue (/resources?status=pending) with Publish and Reject as plain POST forms. No JavaScript.
import { Hono, type Context } from "hono";
import type { AppEnv } from "../env";
import { renderPage } from "../http/render";
import { list, parseWith, problemErrors, str } from "../http/forms";
import { fileFormGate, readFileForm, storeFormFile } from "../http/file-form";
import { requireViewer, viewerOf } from "../http/guards";
import { Problem } from "../core/problem";
import { ResourceCreate, ResourceListQuery } from "../../schema/api/resources";
import {
  browseResources,
  createResource,
  moderate,
  moderatedCountries,
  postingOrgs,
  viewResource,
} from "../actions/resources";
import type { Viewer } from "../domain/permissions";
import { ResourceListPage } from "../../web/pages/resources/List";
import { ResourceViewPage } from "../../web/pages/resources/View";
import { ResourceNewPage, type ResourceFormValues } from "../../web/pages/resources/New";

/** The posting form carries a file: the app-wide 256 KB limit skips it (worker/app.ts), fileFormGate sets its own. */
export const RESOURCE_FORM_POST = "/resources";

/** Sentences a redirect may ask for by name (?notice=…); anything else shows nothing. */
const NOTICES = {
  posted: "resource.notice_posted",
  published: "resource.notice_published",
  rejected: "resource.notice_rejected",
} as const;
const noticeOf = (c: Context<AppEnv>) => {
  const key = NOTICES[c.req.query("notice") as keyof typeof NOTICES];
  return key ? c.get("t")(key) : undefined;
};

/** The viewer's organisations that may post; none is a 403 saying what it takes. */
const formOrgs = async (c: Context<AppEnv>, viewer: Viewer) => {
  const orgs = await postingOrgs(c.get("db"), viewer);
  if (!orgs.length) throw new Problem(403, c.get("t")("resource.need_verified_org"));
  return orgs;
};

const moderateForm = (to: "published" | "rejected") => async (c: Context<AppEnv>) => {
  requireViewer(c);
  await moderate(c.get("db"), c.get("t"), viewerOf(c), c.req.param("id")!, to);
  return c.redirect(`/resources?status=pending&notice=${to}`, 303);
};

export const resourcesPages = new Hono<AppEnv>()
  .get("/resources", async (c) => {
    const db = c.get("db");
    const viewer = viewerOf(c);
    const raw = c.req.query();
    // A page never refuses a search it cannot read: an over-long query is cut, other bad filters dropped.
    const parsed = ResourceListQuery.safeParse({ ...raw, q: raw.q?.slice(0, 500) });
    const filters = parsed.success
      ? parsed.data
      : ResourceListQuery.parse({ status: raw.status === "pending" ? "pending" : undefined });
    const queue = filters.status === "pending";
    if (queue) requireViewer(c);
    const page = await browseResources(db, viewer, filters);
    const mod = await moderatedCountries(db, viewer);
    const shown = Object.fromEntries(
      Object.entries({
        q: filters.q,
        theme: filters.theme,
        language: filters.language,
        status: filters.status,
      }).filter(([, x]) => x),
    ) as Record<string, string>;
    return renderPage(
      c,
      <ResourceListPage
        items={page.items}
        nextCursor={page.nextCursor}
        filters={shown}
        queue={queue}
        moderator={!!viewer && (mod === undefined || mod.length > 0)}
        notice={noticeOf(c)}
      />,
    );
  })
  .get("/resources/new", async (c) => {
    const viewer = requireViewer(c);
    const orgs = await formOrgs(c, viewer);
    const values: ResourceFormValues = {
      orgId: orgs[0].id,
      title: "",
      summary: "",
      language: c.get("locale"),
      themes: [],
      licence: "cc_by",
      url: "",
    };
    return renderPage(c, <ResourceNewPage orgs={orgs} values={values} />);
  })
  .post("/resources", fileFormGate, async (c) => {
    const viewer = requireViewer(c);
    // Who may not post learns nothing from what they sent: the refusal comes before the form is read.
    const orgs = await formOrgs(c, viewer);
    const { fields: f, file } = await readFileForm(c);
    const values: ResourceFormValues = {
      orgId: str(f, "orgId"),
      title: str(f, "title"),
      summary: str(f, "summary"),
      language: str(f, "language"),
      themes: list(f, "themes"),
      licence: str(f, "licence"),
      url: str(f, "url"),
    };
    const again = (errors: Record<string, string>, status: number) =>
      renderPage(c, <ResourceNewPage orgs={orgs} values={values} errors={errors} />, status);
    // The file is stored only once everything else is valid; until then a stand-in id says "a file".
    const parsed = parseWith(c, ResourceCreate, {
      ...values,
      url: values.url || undefined,
      uploadId: file ? "file" : undefined,
    });
    if (!parsed.ok) return again(parsed.errors, 400);
    let uploadId: string | undefined;
    if (file) {
      const stored = await storeFormFile(c, file);
      if (stored.errors) return again(stored.errors, stored.status);
      uploadId = stored.id;
    }
    try {
      const r = await createResource(c.get("db"), c.get("t"), viewer, { ...parsed.data, uploadId });
      return c.redirect(`/resources/${r.id}?notice=posted`, 303);
    } catch (e) {
      const errors = problemErrors(e);
      return again(errors, e instanceof Problem ? e.status : 422);
    }
  })
  .get("/resources/:id", async (c) => {
    const { resource, canModerate } = await viewResource(c.get("db"), viewerOf(c), c.req.param("id"));
    return renderPage(c, <ResourceViewPage r={resource} canModerate={canModerate} notice={noticeOf(c)} />);
  })
  .post("/resources/:id/publish", moderateForm("published"))
  .post("/resources/:id/reject", moderateForm("rejected"));
