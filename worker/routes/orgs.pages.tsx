// HTML pages for organisations: list, profile, create, edit (409-safe), members (invite, roles, remove,
// leave, revoke invitations), verify.
import { FunderChecks } from "../../schema/api/orgs";
import { mailerFor } from "../http/mail";
import { Hono, type Context } from "hono";
import type { AppEnv } from "../env";
import { renderPage } from "../http/render";
import { readForm, str, parseWith, problemErrors, type Parsed } from "../http/forms";
import type { z } from "zod";
import { orgFormValues, orgInputFromValues, orgToFormValues, ORG_FORM_FIELDS } from "../http/org-form";
import { OrgListPage } from "../../web/pages/orgs/List";
import { OrgPage } from "../../web/pages/orgs/View";
import { OrgNewPage } from "../../web/pages/orgs/New";
import { OrgEditPage } from "../../web/pages/orgs/Edit";
import type { OrgFormValues } from "../../web/components/OrgForm";
import type { VouchFormValues } from "../../web/components/Trust";
import { trustPanel } from "../http/trust-panel";
import { feedbackPanel } from "../http/feedback-panel";
import { reportK } from "../http/report-query";
import { OrgCreate, OrgPatch, OrgListQuery, MemberInvite, MemberRolePatch } from "../../schema/api/orgs";
import { createOrg, viewOrg, editableOrg, updateOrg, inviteMember, verifyOrg } from "../actions/orgs";
import { countriesFor } from "../actions/reference";
import { listOrgs, type Org } from "../db/orgs";
import {
  canDisposeOrg,
  canEditOrg,
  canManageMembers,
  canViewMembers,
  isAdmin,
  membershipIn,
  visibleLevels,
} from "../domain/permissions";
import { memberList, changeMemberRole, removeMember, revokeInvite } from "../actions/members";
import { MembersPage, roleField, removeField, LEAVE_FIELD } from "../../web/pages/Members";
import { OrgDeletePage } from "../../web/pages/OrgDelete";
import { OrgDelete } from "../../schema/api/org-data";
import { deleteOrg, ownedOrg } from "../actions/org-data";
import { providersFor } from "../payments/registry";
import { callsOfFunder } from "../actions/calls";
import { requireViewer, viewerOf } from "../http/guards";
import { enforce } from "../core/authorize";
import { Problem } from "../core/problem";

const disposableOrg = (c: Context<AppEnv>) => ownedOrg(c.get("db"), viewerOf(c), c.req.param("id")!);

const countries = (c: Context<AppEnv>) => countriesFor(c.get("db"), c.get("locale"));

/** Validates the form as the API would; an unreadable amount is reported on its own field. */
const parseOrgForm = <S extends typeof OrgCreate | typeof OrgPatch>(
  c: Context<AppEnv>,
  schema: S,
  values: OrgFormValues,
): Parsed<z.infer<S>> => {
  const { input, amountError } = orgInputFromValues(values);
  const parsed = parseWith(c, schema, input, ORG_FORM_FIELDS);
  if (amountError) {
    const errors = { ...(parsed.ok ? {} : parsed.errors), budgetAmount: c.get("t")("err.amount") };
    return { ok: false as const, errors };
  }
  return parsed as Parsed<z.infer<S>>;
};

/** The organisation's page; `trustErrors`/`trustValues`: a trust form (vouch, ask for a vouch) that came back with problems. */
export const showOrg = async (
  c: Context<AppEnv>,
  org: Org,
  extra: { notice?: string; trustErrors?: Record<string, string>; trustValues?: VouchFormValues } = {},
  status = 200,
) => {
  const v = viewerOf(c);
  const [calls, trust, feedback] = await Promise.all([
    org.kind === "funder" ? callsOfFunder(c.get("db"), v, org.id) : null,
    trustPanel(c.get("db"), v, org),
    feedbackPanel(c.get("db"), v, org, reportK(c.env)),
  ]);
  const isMember = !!membershipIn(v, org.id);
  return renderPage(
    c,
    <OrgPage
      org={org}
      calls={calls}
      isMember={isMember}
      canEdit={canEditOrg(v, org).ok}
      seesMembers={canViewMembers(v, org).ok}
      canDispose={canDisposeOrg(v, org).ok}
      isAdmin={isAdmin(v)}
      canPledge={!!v && org.kind === "cso" && !isMember}
      trust={trust}
      feedback={feedback}
      {...extra}
    />,
    status,
  );
};

/** Notices a redirect to an organisation's page may ask for by name (never free text from the query string). */
const ORG_NOTICES = {
  vouched: "trust.vouched",
  vouch_revoked: "trust.vouch_revoked",
  vouch_asked: "trust.vouch_asked",
  confirmation_asked: "trust.confirmation_asked",
} as const;

/** Notices a redirect to the members page may ask for by name (never free text from the query string). */
const MEMBER_NOTICES = {
  role_changed: "members.role_changed",
  removed: "members.removed",
  revoked: "members.revoked",
} as const;

type MembersExtra = {
  notice?: string;
  errors?: Record<string, string>;
  values?: { email?: string; role?: string };
};
const showMembers = async (c: Context<AppEnv>, orgId: string, extra: MembersExtra = {}, status = 200) => {
  const { org, owner, items, invitations } = await memberList(c.get("db"), viewerOf(c), orgId);
  return renderPage(
    c,
    <MembersPage org={org} items={items} invitations={invitations} isOwner={owner} {...extra} />,
    status,
  );
};
const membersUrl = (orgId: string, notice: keyof typeof MEMBER_NOTICES) =>
  `/orgs/${orgId}/members?notice=${notice}`;

/** Owners only, checked before a form is read (a refusal is the same whatever was typed). */
const ownersOrg = async (c: Context<AppEnv>) => {
  const org = await viewOrg(c.get("db"), viewerOf(c), c.req.param("id")!);
  enforce(canManageMembers(viewerOf(c), org), c.get("t"));
  return org;
};

/** A rule the request broke (422: the last owner) is shown next to the form it came from. */
const brokenRule = (e: unknown, field: string) => {
  if (e instanceof Problem && e.status === 422) return { [field]: e.detail ?? "" };
  throw e;
};

export const orgsPages = new Hono<AppEnv>()
  .get("/orgs", async (c) => {
    const q = OrgListQuery.safeParse(c.req.query());
    const filters = q.success ? q.data : OrgListQuery.parse({});
    const v = viewerOf(c);
    const page = await listOrgs(c.get("db"), {
      ...filters,
      visibleLevels: visibleLevels(v),
      memberOf: v?.memberships.map((m) => m.orgId) ?? [],
    });
    const shown = Object.fromEntries(
      Object.entries({
        q: filters.q,
        kind: filters.kind,
        country: filters.country,
        theme: filters.theme,
      }).filter(([, x]) => x),
    ) as Record<string, string>;
    return renderPage(
      c,
      <OrgListPage
        items={page.items}
        nextCursor={page.nextCursor}
        filters={shown}
        countries={await countries(c)}
      />,
    );
  })
  .get("/orgs/new", async (c) => {
    requireViewer(c);
    return renderPage(
      c,
      <OrgNewPage
        values={{
          kind: c.req.query("kind") === "funder" ? "funder" : "cso",
          visibility: "public",
          budgetCurrency: "USD",
        }}
        countries={await countries(c)}
      />,
    );
  })
  .post("/orgs/new", async (c) => {
    const viewer = requireViewer(c);
    const values = orgFormValues(await readForm(c));
    const parsed = parseOrgForm(c, OrgCreate, values);
    if (!parsed.ok)
      return renderPage(
        c,
        <OrgNewPage values={values} errors={parsed.errors} countries={await countries(c)} />,
        400,
      );
    const { kind, ...fields } = parsed.data;
    try {
      const org = await createOrg(c.get("db"), c.get("t"), viewer, kind, fields);
      return c.redirect(`/orgs/${org.id}`, 303);
    } catch (e) {
      return renderPage(
        c,
        <OrgNewPage values={values} errors={problemErrors(e)} countries={await countries(c)} />,
        400,
      );
    }
  })
  .get("/orgs/:id", async (c) => {
    const org = await viewOrg(c.get("db"), viewerOf(c), c.req.param("id"));
    const notice = ORG_NOTICES[c.req.query("notice") as keyof typeof ORG_NOTICES];
    return showOrg(c, org, notice ? { notice: c.get("t")(notice) } : {});
  })
  .get("/orgs/:id/edit", async (c) => {
    requireViewer(c);
    const org = await editableOrg(c.get("db"), viewerOf(c), c.req.param("id"));
    return renderPage(
      c,
      <OrgEditPage org={org} values={orgToFormValues(org)} countries={await countries(c)} />,
    );
  })
  .post("/orgs/:id/edit", async (c) => {
    requireViewer(c);
    const org = await editableOrg(c.get("db"), viewerOf(c), c.req.param("id"));
    const values = orgFormValues(await readForm(c));
    const parsed = parseOrgForm(c, OrgPatch, values);
    if (!parsed.ok)
      return renderPage(
        c,
        <OrgEditPage org={org} values={values} errors={parsed.errors} countries={await countries(c)} />,
        400,
      );
    const { version, ...fields } = parsed.data;
    try {
      const updated = await updateOrg(c.get("db"), c.get("t"), viewerOf(c), org.id, version, fields);
      return showOrg(c, updated, { notice: c.get("t")("org.saved") });
    } catch (e) {
      if (e instanceof Problem && e.status === 409) {
        const current = e.extra?.current as Org;
        // Keep what the user typed; the next save is made against the version they have now seen.
        return renderPage(
          c,
          <OrgEditPage
            org={current}
            values={{ ...values, version: String(current.version) }}
            countries={await countries(c)}
            conflict={current}
          />,
          409,
        );
      }
      return renderPage(
        c,
        <OrgEditPage org={org} values={values} errors={problemErrors(e)} countries={await countries(c)} />,
        400,
      );
    }
  })
  .get("/orgs/:id/members", async (c) => {
    requireViewer(c);
    const notice = MEMBER_NOTICES[c.req.query("notice") as keyof typeof MEMBER_NOTICES];
    return showMembers(c, c.req.param("id"), notice ? { notice: c.get("t")(notice) } : {});
  })
  .post("/orgs/:id/members", async (c) => {
    requireViewer(c);
    const org = await ownersOrg(c);
    const form = await readForm(c);
    const values = { email: str(form, "email"), role: str(form, "role") || "member" };
    const parsed = parseWith(c, MemberInvite, values);
    if (!parsed.ok) return showMembers(c, org.id, { errors: parsed.errors, values }, 400);
    await inviteMember(
      c.get("db"),
      c.get("t"),
      viewerOf(c),
      org.id,
      parsed.data.email,
      parsed.data.role,
      mailerFor(c),
    );
    return showMembers(c, org.id, { notice: c.get("t")("org.invited", { email: parsed.data.email }) });
  })
  .post("/orgs/:id/members/:userId/role", async (c) => {
    requireViewer(c);
    const org = await ownersOrg(c);
    const userId = c.req.param("userId");
    const field = roleField(userId);
    const parsed = parseWith(c, MemberRolePatch, { role: str(await readForm(c), "role") }, { role: field });
    if (!parsed.ok) return showMembers(c, org.id, { errors: parsed.errors }, 400);
    try {
      await changeMemberRole(c.get("db"), c.get("t"), viewerOf(c), org.id, userId, parsed.data.role);
    } catch (e) {
      return showMembers(c, org.id, { errors: brokenRule(e, field) }, 422);
    }
    return c.redirect(membersUrl(org.id, "role_changed"), 303);
  })
  .post("/orgs/:id/members/:userId/remove", async (c) => {
    const v = requireViewer(c);
    const orgId = c.req.param("id");
    const userId = c.req.param("userId");
    let left: boolean;
    try {
      ({ left } = await removeMember(c.get("db"), c.get("t"), v, orgId, userId));
    } catch (e) {
      return showMembers(
        c,
        orgId,
        { errors: brokenRule(e, userId === v.userId ? LEAVE_FIELD : removeField(userId)) },
        422,
      );
    }
    // Someone who left may no longer see the group (a hidden one answers 404): back to their account.
    return c.redirect(left ? "/me" : membersUrl(orgId, "removed"), 303);
  })
  .post("/orgs/:id/invitations/:invitationId/revoke", async (c) => {
    requireViewer(c);
    const org = await ownersOrg(c);
    await revokeInvite(c.get("db"), c.get("t"), viewerOf(c), org.id, c.req.param("invitationId"));
    return c.redirect(membersUrl(org.id, "revoked"), 303);
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
    if (!parsed.ok)
      return renderPage(c, <OrgDeletePage org={org} value={typed} errors={parsed.errors} />, 400);
    try {
      await deleteOrg(
        c.get("db"),
        c.get("t"),
        viewerOf(c),
        org.id,
        parsed.data.confirmName,
        providersFor(c.env),
        c.env.UPLOADS,
      );
    } catch (e) {
      if (e instanceof Problem && e.status === 422)
        return renderPage(c, <OrgDeletePage org={org} value={typed} errors={problemErrors(e)} />, 422);
      throw e;
    }
    return c.redirect("/me?notice=org_deleted", 303);
  })
  .post("/orgs/:id/verify", async (c) => {
    requireViewer(c);
    const form = await readForm(c);
    const checks = {
      website: str(form, "website") || undefined,
      registration: str(form, "registration") || undefined,
      contact: str(form, "contact") || undefined,
    };
    const parsed = parseWith(c, FunderChecks.partial(), checks);
    if (!parsed.ok)
      throw new Problem(
        400,
        c.get("t")("err.funder_checks"),
        Object.entries(parsed.errors).map(([path, message]) => ({ path, message })),
      );
    const org = await verifyOrg(
      c.get("db"),
      c.get("t"),
      viewerOf(c),
      c.req.param("id"),
      str(form, "verified") === "true",
      parsed.data,
    );
    // From the admin page's queue: back to the queue.
    return c.redirect(str(form, "back") === "admin" ? "/admin?notice=verified" : `/orgs/${org.id}`, 303);
  });
