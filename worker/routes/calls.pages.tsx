// HTML pages for calls and matching: browse, view, create and edit drafts, publish, close, both match lists.
import { Hono, type Context } from "hono";
import type { AppEnv } from "../env";
import { renderPage } from "../http/render";
import { readForm, str, parseWith, errorMap } from "../http/forms";
import {
  callFormValues,
  callInputFromValues,
  callToFormValues,
  callFieldName,
  emptyCallForm,
} from "../http/call-form";
import type { CallFormValues } from "../../web/components/call-form-values";
import { CallListPage } from "../../web/pages/calls/List";
import { CallPage } from "../../web/pages/calls/View";
import { CallNewPage } from "../../web/pages/calls/New";
import { CallEditPage } from "../../web/pages/calls/Edit";
import { OrgMatchesPage } from "../../web/pages/matches/OrgMatches";
import { CallMatchesPage } from "../../web/pages/matches/CallMatches";
import {
  CallCreate,
  CallPatch,
  CallListQuery,
  MatchQuery,
  OrgMatchQuery,
  CallInviteBody,
} from "../../schema/api/calls";
import {
  createCall,
  viewCall,
  manageableCall,
  updateCall,
  publishCall,
  closeCall,
  browseCalls,
} from "../actions/calls";
import { matchesForOrg, matchesForCall, inviteToCall } from "../actions/matching";
import { countriesFor } from "../actions/reference";
import { findOrg, findOrgNames } from "../db/orgs";
import { localCurrency } from "../domain/currencies";
import { posterProblem } from "../domain/offers";
import { canManageCall, type Viewer } from "../domain/permissions";
import { requireViewer, viewerOf } from "../http/guards";
import { noStoreIfRapid } from "../http/rapid-pages";
import { Problem, zodFieldErrors } from "../core/problem";
import type { Call } from "../db/calls";
import type { z } from "zod";
import { reviewProgressFor } from "../actions/reviews";
import { partnerPostsSection } from "../actions/partners";

const countries = (c: Context<AppEnv>) => countriesFor(c.get("db"), c.get("locale"));

/** The viewer's organisations of one kind, with names, for selects and links. */
const myOrgs = async (c: Context<AppEnv>, v: Viewer | null, kind: "cso" | "funder") => {
  const ids = (v?.memberships ?? []).filter((m) => m.orgKind === kind).map((m) => m.orgId);
  const names = await findOrgNames(c.get("db"), ids);
  return ids.map((id) => ({ id, name: names[id] ?? id }));
};

/** Who the viewer may post a call for: its funders, then the trusted groups it owns (non-cash offers only). */
const posters = async (c: Context<AppEnv>, v: Viewer) => {
  const groups = [];
  for (const m of v.memberships.filter((x) => x.orgKind === "cso" && x.role === "owner")) {
    const org = await findOrg(c.get("db"), m.orgId);
    if (org && !posterProblem(org, "non_cash", "draft")) groups.push({ id: org.id, name: org.name });
  }
  return [...(await myOrgs(c, v, "funder")), ...groups];
};

/** The posting organisation's own currency, listed first (after USD) in the form's currency lists. */
const posterCurrency = async (c: Context<AppEnv>, orgId: string | undefined) => {
  const org = orgId ? await findOrg(c.get("db"), orgId) : null;
  return org ? localCurrency(org.country, org.annualBudget?.currency) : undefined;
};

const pageQuery = (c: Context<AppEnv>) => {
  const q = MatchQuery.safeParse(c.req.query());
  return q.success ? q.data : MatchQuery.parse({});
};

/** The funder's list: paging plus the trust-level select (an unreadable value shows every level). */
const orgPageQuery = (c: Context<AppEnv>) => {
  const query = c.req.query();
  const q = OrgMatchQuery.safeParse(query);
  if (q.success) return q.data;
  const { minLevel: _m, ...rest } = query;
  const r = MatchQuery.safeParse(rest);
  return r.success ? r.data : MatchQuery.parse({});
};

/** Parses the form like the API would; field errors come back under the form's own field names. */
const parseCallForm = <S extends typeof CallCreate | typeof CallPatch>(
  c: Context<AppEnv>,
  schema: S,
  values: CallFormValues,
) => {
  const t = c.get("t");
  const { input, errors } = callInputFromValues(values, c.get("timeZone"), {
    amount: t("err.amount"),
    datetime: t("err.datetime"),
  });
  const r = schema.safeParse(input);
  const fieldErrors = { ...(r.success ? {} : renameErrors(zodFieldErrors(r.error, t))), ...errors };
  return Object.keys(fieldErrors).length
    ? { ok: false as const, errors: fieldErrors }
    : { ok: true as const, data: r.data as z.infer<S> };
};

const renameErrors = (errors: { path: string; message: string }[]) =>
  errorMap(errors.map((e) => ({ ...e, path: callFieldName(e.path) })));

const problemFieldErrors = (e: unknown) => {
  if (e instanceof Problem && e.errors?.length && e.status < 500 && e.status !== 409)
    return renameErrors(e.errors);
  throw e;
};

const showCall = async (
  c: Context<AppEnv>,
  call: Call,
  extra: { notice?: string; errors?: Record<string, string> } = {},
  status = 200,
) => {
  const v = viewerOf(c);
  noStoreIfRapid(c, call);
  const myCsos = await myOrgs(c, v, "cso");
  return renderPage(
    c,
    <CallPage
      call={call}
      canManage={canManageCall(v, call).ok}
      myCsos={myCsos}
      reviewProgress={await reviewProgressFor(c.get("db"), v, call)}
      partnerPosts={await partnerPostsSection(c.get("db"), v, call, myCsos)}
      {...extra}
    />,
    status,
  );
};

export const callsPages = new Hono<AppEnv>()
  .get("/calls", async (c) => {
    const q = CallListQuery.safeParse(c.req.query());
    const filters = q.success ? q.data : CallListQuery.parse({});
    const page = await browseCalls(c.get("db"), filters);
    const shown = Object.fromEntries(
      Object.entries({
        q: filters.q,
        country: filters.country,
        theme: filters.theme,
        fundingType: filters.fundingType,
      }).filter(([, x]) => x),
    ) as Record<string, string>;
    return renderPage(
      c,
      <CallListPage
        items={page.items}
        nextCursor={page.nextCursor}
        filters={shown}
        countries={await countries(c)}
      />,
    );
  })
  .get("/calls/new", async (c) => {
    const v = requireViewer(c);
    const funders = await posters(c, v);
    if (!funders.length) throw new Problem(403, c.get("t")("call.need_funder_org"));
    return renderPage(
      c,
      <CallNewPage
        values={emptyCallForm(funders[0].id)}
        countries={await countries(c)}
        funders={funders}
        localCurrency={await posterCurrency(c, funders[0].id)}
      />,
    );
  })
  .post("/calls/new", async (c) => {
    const v = requireViewer(c);
    const funders = await posters(c, v);
    const values = callFormValues(await readForm(c));
    const again = async (errors: Record<string, string>) =>
      renderPage(
        c,
        <CallNewPage
          values={values}
          errors={errors}
          countries={await countries(c)}
          funders={funders}
          // Only among the viewer's own posters: another organisation's id posted by hand tells nothing.
          localCurrency={
            await posterCurrency(c, (funders.find((f) => f.id === values.funderOrgId) ?? funders[0])?.id)
          }
        />,
        400,
      );
    const parsed = parseCallForm(c, CallCreate, values);
    if (!parsed.ok) return again(parsed.errors);
    const { funderOrgId, ...fields } = parsed.data;
    try {
      const call = await createCall(c.get("db"), c.get("t"), v, funderOrgId, fields);
      return c.redirect(`/calls/${call.id}`, 303);
    } catch (e) {
      return again(problemFieldErrors(e));
    }
  })
  .get("/calls/:id", async (c) => showCall(c, await viewCall(c.get("db"), viewerOf(c), c.req.param("id"))))
  .get("/calls/:id/edit", async (c) => {
    requireViewer(c);
    const call = await manageableCall(c.get("db"), viewerOf(c), c.req.param("id"));
    if (call.status !== "draft") return c.redirect(`/calls/${call.id}`, 303);
    return renderPage(
      c,
      <CallEditPage
        call={call}
        values={callToFormValues(call, c.get("timeZone"))}
        countries={await countries(c)}
        funders={[]}
        localCurrency={await posterCurrency(c, call.funderOrgId)}
      />,
    );
  })
  .post("/calls/:id/edit", async (c) => {
    requireViewer(c);
    const call = await manageableCall(c.get("db"), viewerOf(c), c.req.param("id"));
    const values = { ...callFormValues(await readForm(c)), funderOrgId: "" };
    const again = async (errors: Record<string, string> | undefined, current = call, status = 400) =>
      renderPage(
        c,
        <CallEditPage
          call={current}
          values={values}
          errors={errors}
          countries={await countries(c)}
          funders={[]}
          localCurrency={await posterCurrency(c, call.funderOrgId)}
          conflict={status === 409}
        />,
        status,
      );
    const parsed = parseCallForm(c, CallPatch, values);
    if (!parsed.ok) return again(parsed.errors);
    const { version, ...patch } = parsed.data;
    try {
      const updated = await updateCall(c.get("db"), c.get("t"), viewerOf(c), call.id, version, patch);
      return showCall(c, updated, { notice: c.get("t")("org.saved") });
    } catch (e) {
      if (e instanceof Problem && e.status === 409) {
        // Keep what the user typed; the next save is made against the version now on the server.
        const current = e.extra?.current as Call;
        values.version = String(current.version);
        return again(undefined, current, 409);
      }
      return again(problemFieldErrors(e));
    }
  })
  .post("/calls/:id/publish", async (c) => {
    requireViewer(c);
    try {
      const call = await publishCall(c.get("db"), c.get("t"), viewerOf(c), c.req.param("id"));
      return showCall(c, call, { notice: c.get("t")("call.published") });
    } catch (e) {
      if (!(e instanceof Problem && e.status === 422)) throw e;
      return showCall(
        c,
        await viewCall(c.get("db"), viewerOf(c), c.req.param("id")),
        { errors: problemFieldErrors(e) },
        422,
      );
    }
  })
  .post("/calls/:id/close", async (c) => {
    requireViewer(c);
    const call = await closeCall(c.get("db"), c.get("t"), viewerOf(c), c.req.param("id"));
    return showCall(c, call, { notice: c.get("t")("call.closed_notice") });
  })
  .get("/calls/:id/matches", async (c) => {
    requireViewer(c);
    const result = await matchesForCall(
      c.get("db"),
      c.get("t"),
      c.get("locale"),
      viewerOf(c),
      c.req.param("id"),
      orgPageQuery(c),
    );
    return renderPage(c, <CallMatchesPage {...result} />);
  })
  .post("/calls/:id/invitations", async (c) => {
    requireViewer(c);
    const parsed = parseWith(c, CallInviteBody, { orgId: str(await readForm(c), "orgId") });
    if (!parsed.ok)
      throw new Problem(
        400,
        undefined,
        Object.entries(parsed.errors).map(([path, message]) => ({ path, message })),
      );
    await inviteToCall(c.get("db"), c.get("t"), viewerOf(c), c.req.param("id"), parsed.data.orgId);
    const result = await matchesForCall(
      c.get("db"),
      c.get("t"),
      c.get("locale"),
      viewerOf(c),
      c.req.param("id"),
      orgPageQuery(c),
    );
    return renderPage(c, <CallMatchesPage {...result} notice={c.get("t")("match.invited_notice")} />);
  })
  .get("/orgs/:id/matches", async (c) => {
    requireViewer(c);
    const result = await matchesForOrg(
      c.get("db"),
      c.get("t"),
      c.get("locale"),
      viewerOf(c),
      c.req.param("id"),
      pageQuery(c),
    );
    return renderPage(c, <OrgMatchesPage {...result} />);
  });
