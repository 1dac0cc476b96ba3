// HTML pages for organisations: list, profile, create, edit (409-safe), invite, verify.
import { Hono, type Context } from "hono";
import type { AppEnv } from "../env";
import { renderPage } from "../http/render";
import { readForm, str, parseWith, problemErrors, type Parsed } from "../http/forms";
import type { z } from "zod";
import { orgFormValues, orgInputFromValues, orgToFormValues, ORG_FORM_FIELDS } from "../http/org-form";
import { OrgListPage, OrgPage, OrgNewPage, OrgEditPage } from "../../web/pages/Orgs";
import type { OrgFormValues } from "../../web/components/OrgForm";
import { OrgCreate, OrgPatch, OrgListQuery, MemberInvite } from "../../schema/api/orgs";
import { createOrg, viewOrg, editableOrg, updateOrg, inviteMember, verifyOrg } from "../actions/orgs";
import { countriesFor } from "../actions/reference";
import { listOrgs, listMembers, type Org } from "../db/orgs";
import { canDisposeOrg, canEditOrg, canManageMembers, isAdmin, membershipIn, visibleLevels } from "../domain/permissions";
import { OrgDeletePage } from "../../web/pages/OrgDelete";
import { OrgDelete } from "../../schema/api/org-data";
import { deleteOrg, ownedOrg } from "../actions/org-data";
import { stripeFor } from "../http/payments";
import { callsOfFunder } from "../actions/calls";
import { requireViewer } from "../http/guards";
import { Problem } from "../http/problem";

const disposableOrg = (c: Context<AppEnv>) => ownedOrg(c.get("db"), c.get("viewer"), c.req.param("id")!);

const countries = (c: Context<AppEnv>) => countriesFor(c.get("db"), c.get("locale"));

/** Validates the form as the API would; an unreadable amount is reported on its own field. */
const parseOrgForm = <S extends typeof OrgCreate | typeof OrgPatch>(c: Context<AppEnv>, schema: S, values: OrgFormValues): Parsed<z.infer<S>> => {
  const { input, amountError } = orgInputFromValues(values);
  const parsed = parseWith(c, schema, input, ORG_FORM_FIELDS);
  if (amountError) {
    const errors = { ...(parsed.ok ? {} : parsed.errors), budgetAmount: c.get("t")("err.amount") };
    return { ok: false as const, errors };
  }
  return parsed as Parsed<z.infer<S>>;
};

const showOrg = async (c: Context<AppEnv>, org: Org, extra: { notice?: string; errors?: Record<string, string> } = {}, status = 200) => {
  const v = c.get("viewer");
  const canEdit = canEditOrg(v, org).ok;
  const [members, calls] = await Promise.all([
    canEdit ? listMembers(c.get("db"), org.id) : null,
    org.kind === "funder" ? callsOfFunder(c.get("db"), v, org.id) : null,
  ]);
  const isMember = !!membershipIn(v, org.id);
  return renderPage(c, <OrgPage org={org} members={members} calls={calls} isMember={isMember} canEdit={canEdit} canManage={canManageMembers(v, org).ok} canDispose={canDisposeOrg(v, org).ok} isAdmin={isAdmin(v)} canPledge={!!v && org.kind === "cso" && !isMember} {...extra} />, status);
};

export const orgsPages = new Hono<AppEnv>()
  .get("/orgs", async (c) => {
    const q = OrgListQuery.safeParse(c.req.query());
    const filters = q.success ? q.data : OrgListQuery.parse({});
    const v = c.get("viewer");
    const page = await listOrgs(c.get("db"), { ...filters, visibleLevels: visibleLevels(v), memberOf: v?.memberships.map((m) => m.orgId) ?? [] });
    const shown = Object.fromEntries(Object.entries({ q: filters.q, kind: filters.kind, country: filters.country, theme: filters.theme }).filter(([, x]) => x)) as Record<string, string>;
    return renderPage(c, <OrgListPage items={page.items} nextCursor={page.nextCursor} filters={shown} countries={await countries(c)} />);
  })
  .get("/orgs/new", async (c) => {
    requireViewer(c);
    return renderPage(c, <OrgNewPage values={{ kind: c.req.query("kind") === "funder" ? "funder" : "cso", visibility: "public", budgetCurrency: "USD" }} countries={await countries(c)} />);
  })
  .post("/orgs/new", async (c) => {
    const viewer = requireViewer(c);
    const values = orgFormValues(await readForm(c));
    const parsed = parseOrgForm(c, OrgCreate, values);
    if (!parsed.ok) return renderPage(c, <OrgNewPage values={values} errors={parsed.errors} countries={await countries(c)} />, 400);
    const { kind, ...fields } = parsed.data;
    try {
      const org = await createOrg(c.get("db"), c.get("t"), viewer, kind, fields);
      return c.redirect(`/orgs/${org.id}`, 303);
    } catch (e) {
      return renderPage(c, <OrgNewPage values={values} errors={problemErrors(e)} countries={await countries(c)} />, 400);
    }
  })
  .get("/orgs/:id", async (c) => showOrg(c, await viewOrg(c.get("db"), c.get("viewer"), c.req.param("id"))))
  .get("/orgs/:id/edit", async (c) => {
    requireViewer(c);
    const org = await editableOrg(c.get("db"), c.get("viewer"), c.req.param("id"));
    return renderPage(c, <OrgEditPage org={org} values={orgToFormValues(org)} countries={await countries(c)} />);
  })
  .post("/orgs/:id/edit", async (c) => {
    requireViewer(c);
    const org = await editableOrg(c.get("db"), c.get("viewer"), c.req.param("id"));
    const values = orgFormValues(await readForm(c));
    const parsed = parseOrgForm(c, OrgPatch, values);
    if (!parsed.ok) return renderPage(c, <OrgEditPage org={org} values={values} errors={parsed.errors} countries={await countries(c)} />, 400);
    const { version, ...fields } = parsed.data;
    try {
      const updated = await updateOrg(c.get("db"), c.get("t"), c.get("viewer"), org.id, version, fields);
      return showOrg(c, updated, { notice: c.get("t")("org.saved") });
    } catch (e) {
      if (e instanceof Problem && e.status === 409) {
        const current = e.extra?.current as Org;
        // Keep what the user typed; the next save is made against the version they have now seen.
        return renderPage(c, <OrgEditPage org={current} values={{ ...values, version: String(current.version) }} countries={await countries(c)} conflict={current} />, 409);
      }
      return renderPage(c, <OrgEditPage org={org} values={values} errors={problemErrors(e)} countries={await countries(c)} />, 400);
    }
  })
  .post("/orgs/:id/members", async (c) => {
    requireViewer(c);
    const org = await viewOrg(c.get("db"), c.get("viewer"), c.req.param("id"));
    const form = await readForm(c);
    const parsed = parseWith(c, MemberInvite, { email: str(form, "email"), role: str(form, "role") || "member" });
    if (!parsed.ok) return showOrg(c, org, { errors: parsed.errors }, 400);
    await inviteMember(c.get("db"), c.get("t"), c.get("viewer"), org.id, parsed.data.email, parsed.data.role);
    return showOrg(c, org, { notice: c.get("t")("org.invited", { email: parsed.data.email }) });
  })
  .get("/orgs/:id/delete", async (c) => {
    requireViewer(c);
    return renderPage(c, <OrgDeletePage org={await disposableOrg(c)} />);
  })
  .post("/orgs/:id/delete", async (c) => {
    requireViewer(c);
    const org = await disposableOrg(c);
    const typed = str(await readForm(c), "confirmName");
    const parsed = parseWith(c, OrgDelete, { confirmName: typed });
    if (!parsed.ok) return renderPage(c, <OrgDeletePage org={org} value={typed} errors={parsed.errors} />, 400);
    try {
      await deleteOrg(c.get("db"), c.get("t"), c.get("viewer"), org.id, parsed.data.confirmName, stripeFor(c.env));
    } catch (e) {
      if (e instanceof Problem && e.status === 422) return renderPage(c, <OrgDeletePage org={org} value={typed} errors={problemErrors(e)} />, 422);
      throw e;
    }
    return c.redirect("/me?notice=org_deleted", 303);
  })
  .post("/orgs/:id/verify", async (c) => {
    requireViewer(c);
    const org = await verifyOrg(c.get("db"), c.get("viewer"), c.req.param("id"), str(await readForm(c), "verified") === "true");
    return c.redirect(`/orgs/${org.id}`, 303);
  });
