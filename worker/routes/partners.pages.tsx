// HTML forms for partners: posting and closing "looking for partners" on a call, adding and removing a
// draft's partners, and a partner's owners consenting. Each posts, then goes back to the page it came
// from (303); a refusal is the error page naming what is wrong.
import { Hono, type Context } from "hono";
import type { AppEnv } from "../env";
import { readForm, str, parseWith } from "../http/forms";
import { Problem, zodFieldErrors } from "../core/problem";
import { requireViewer, viewerOf } from "../http/guards";
import { PartnerList, PartnerPostCreate } from "../../schema/api/partners";
import { closePost, postPartnerPost, resolvePartnerOrg } from "../actions/partners";
import { givePartnerConsent } from "../actions/partner-consent";
import { loadApplication, saveDraft } from "../actions/applications";
import type { PartnerTerms } from "../domain/consortium";

const refuse = (errors: Record<string, string>) =>
  new Problem(
    400,
    Object.values(errors)[0],
    Object.entries(errors).map(([path, message]) => ({ path, message })),
  );

/** Saves the draft with a new partner list (the lead's version from the form guards it). */
const savePartners = async (
  c: Context<AppEnv>,
  change: (current: PartnerTerms[], form: Awaited<ReturnType<typeof readForm>>) => Promise<PartnerTerms[]>,
) => {
  const v = requireViewer(c);
  const db = c.get("db");
  const form = await readForm(c);
  const { app } = await loadApplication(db, v, c.req.param("id")!);
  const current = (app.partners ?? []).map((p) => ({ orgId: p.orgId, role: p.role, share: p.share }));
  const version = Number(str(form, "version"));
  if (!Number.isInteger(version) || version < 1) throw refuse({ version: c.get("t")("err.version") });
  // The same rules as the API's body (roles, shares, at most five), named as the API names them.
  const parsed = PartnerList.safeParse(await change(current, form));
  if (!parsed.success) {
    const errors = zodFieldErrors(parsed.error, c.get("t"));
    throw new Problem(
      400,
      errors[0]?.message,
      errors.map((e) => ({ ...e, path: e.path === "body" ? "partners" : `partners.${e.path}` })),
    );
  }
  await saveDraft(db, c.get("t"), v, app.id, version, { partners: parsed.data });
  return c.redirect(`/applications/${app.id}#partners`, 303);
};

const consent = (give: boolean) => async (c: Context<AppEnv>) => {
  requireViewer(c);
  const id = c.req.param("id")!;
  await givePartnerConsent(c.get("db"), c.get("t"), viewerOf(c), id, c.req.param("orgId")!, give);
  return c.redirect(`/applications/${id}#partners`, 303);
};

export const partnersPages = new Hono<AppEnv>()
  .post("/calls/:id/partner-posts", async (c) => {
    requireViewer(c);
    const form = await readForm(c);
    const parsed = parseWith(c, PartnerPostCreate, {
      orgId: str(form, "orgId"),
      message: str(form, "message"),
    });
    if (!parsed.ok) throw refuse(parsed.errors);
    const post = await postPartnerPost(c.get("db"), c.get("t"), viewerOf(c), c.req.param("id"), parsed.data);
    return c.redirect(`/calls/${post.callId}#partner-posts`, 303);
  })
  .post("/partner-posts/:id/close", async (c) => {
    requireViewer(c);
    const post = await closePost(c.get("db"), viewerOf(c), c.req.param("id"));
    return c.redirect(`/calls/${post.callId}#partner-posts`, 303);
  })
  .post("/applications/:id/partners", (c) =>
    savePartners(c, async (current, form) => {
      const share = str(form, "share");
      return [
        ...current,
        {
          orgId: await resolvePartnerOrg(c.get("db"), viewerOf(c), str(form, "partner")),
          role: str(form, "role"),
          // A non-number is sent as is, so the list's schema names the field.
          share: /^\d{1,3}$/.test(share) ? Number(share) : Number.NaN,
        },
      ];
    }),
  )
  .post("/applications/:id/partners/:orgId/remove", (c) =>
    savePartners(c, async (current) => current.filter((p) => p.orgId !== c.req.param("orgId"))),
  )
  .post("/applications/:id/partners/:orgId/consent", consent(true))
  .post("/applications/:id/partners/:orgId/withdraw-consent", consent(false));
