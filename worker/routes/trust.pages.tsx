// HTML forms for the trust ladder: vouching and taking a vouch back, asking for a vouch or for the
// chapter's confirmation (from the organisation's page), and the country chapters' pages — the list,
// one chapter with its coordinators' queue and confirm forms, and admins appointing and removing
// coordinators. Every form works without JavaScript; the rules are the API's (worker/actions/trust.ts).
import { Hono, type Context } from "hono";
import { z } from "zod";
import type { AppEnv } from "../env";
import { renderPage } from "../http/render";
import { readForm, str, parseWith } from "../http/forms";
import { requireViewer, viewerOf } from "../http/guards";
import { enforce } from "../core/authorize";
import { Problem } from "../core/problem";
import { VouchBody, VouchRequestBody, ConfirmationBody } from "../../schema/api/trust";
import { Email } from "../../schema/api/accounts";
import {
  vouchFor,
  revokeVouch,
  askForVouch,
  askForConfirmation,
  confirmOrg,
  coordinates,
  chapterOf,
  appoint,
  dismiss,
} from "../actions/trust";
import { viewOrg } from "../actions/orgs";
import { countriesFor } from "../actions/reference";
import { findOrg } from "../db/orgs";
import { findUserByEmail } from "../db/users";
import { chapterList, findVouch } from "../db/trust";
import { canAdminister, canManageMembers, canViewOrg, isAdmin } from "../domain/permissions";
import { showOrg } from "./orgs.pages";
import { ChapterListPage } from "../../web/pages/chapters/List";
import { ChapterPage, methodField, noteField } from "../../web/pages/chapters/View";

/** A country code from the path: two letters (any case), else there is no such chapter. */
const countryParam = (c: Context<AppEnv>) => {
  const code = c.req.param("country") ?? "";
  if (!/^[A-Za-z]{2}$/.test(code)) throw new Problem(404);
  return code.toUpperCase();
};

/** Notices a redirect to a chapter's page may ask for by name (never free text from the query string). */
const CHAPTER_NOTICES = {
  confirmed: "chapter.confirmed",
  appointed: "chapter.appointed",
  removed: "chapter.removed",
} as const;

type ChapterExtra = { notice?: string; errors?: Record<string, string>; values?: Record<string, string> };
const showChapter = async (c: Context<AppEnv>, country: string, extra: ChapterExtra = {}, status = 200) => {
  const v = viewerOf(c);
  const chapter = await chapterOf(c.get("db"), v, country);
  return renderPage(c, <ChapterPage chapter={chapter} isAdmin={isAdmin(v)} {...extra} />, status);
};

const AppointForm = z.object({ email: Email });

export const trustPages = new Hono<AppEnv>()
  // Owners of a trusted organisation vouch for another one from its page.
  .post("/orgs/:id/vouches", async (c) => {
    const v = requireViewer(c);
    const org = await viewOrg(c.get("db"), v, c.req.param("id"));
    const form = await readForm(c);
    const values = {
      voucherOrgId: str(form, "voucherOrgId"),
      relationship: str(form, "relationship"),
      statement: str(form, "statement"),
    };
    const parsed = parseWith(c, VouchBody, values);
    if (!parsed.ok) return showOrg(c, org, { trustErrors: parsed.errors, trustValues: values }, 400);
    // A rule the request broke (not trusted, already vouching) comes back as a page saying which.
    await vouchFor(c.get("db"), c.get("t"), v, org.id, parsed.data);
    return c.redirect(`/orgs/${org.id}?notice=vouched`, 303);
  })
  .post("/vouches/:id/revoke", async (c) => {
    const v = requireViewer(c);
    const db = c.get("db");
    await revokeVouch(db, c.get("t"), v, c.req.param("id"));
    // Only now (the viewer owns the voucher) is it safe to read where the vouch pointed.
    const vouch = await findVouch(db, c.req.param("id"));
    const vouchee = vouch ? await findOrg(db, vouch.voucheeOrgId) : null;
    return c.redirect(
      vouchee && canViewOrg(v, vouchee).ok ? `/orgs/${vouchee.id}?notice=vouch_revoked` : "/me",
      303,
    );
  })
  // The group's owners ask a trusted organisation nearby for a vouch, or their chapter for a confirmation.
  .post("/orgs/:id/vouch-requests", async (c) => {
    const v = requireViewer(c);
    const org = await viewOrg(c.get("db"), v, c.req.param("id"));
    enforce(canManageMembers(v, org), c.get("t"));
    const parsed = parseWith(c, VouchRequestBody, { toOrgId: str(await readForm(c), "toOrgId") });
    if (!parsed.ok) return showOrg(c, org, { trustErrors: parsed.errors }, 400);
    await askForVouch(c.get("db"), c.get("t"), v, org.id, parsed.data.toOrgId);
    return c.redirect(`/orgs/${org.id}?notice=vouch_asked`, 303);
  })
  .post("/orgs/:id/confirmation-request", async (c) => {
    const v = requireViewer(c);
    await askForConfirmation(c.get("db"), c.get("t"), v, c.req.param("id"));
    return c.redirect(`/orgs/${c.req.param("id")}?notice=confirmation_asked`, 303);
  })
  // Chapters.
  .get("/chapters", async (c) => {
    const v = viewerOf(c);
    // Admins open any country's page (to appoint its first coordinator) with a plain GET form.
    const asked = c.req.query("country");
    if (asked && /^[A-Za-z]{2}$/.test(asked)) return c.redirect(`/chapters/${asked.toUpperCase()}`, 303);
    const [items, countries] = await Promise.all([
      chapterList(c.get("db")),
      isAdmin(v) ? countriesFor(c.get("db"), c.get("locale")) : null,
    ]);
    return renderPage(c, <ChapterListPage items={items} countries={countries} />);
  })
  .get("/chapters/:country", async (c) => {
    const notice = CHAPTER_NOTICES[c.req.query("notice") as keyof typeof CHAPTER_NOTICES];
    return showChapter(c, countryParam(c), notice ? { notice: c.get("t")(notice) } : {});
  })
  // A coordinator confirms a group of the chapter's country from the queue.
  .post("/chapters/:country/confirm/:orgId", async (c) => {
    const v = requireViewer(c);
    const db = c.get("db");
    const country = countryParam(c);
    const org = await findOrg(db, c.req.param("orgId"));
    // Who may is decided before the form is read: a refusal is the same whatever was typed.
    if (!org || org.country !== country || !(await coordinates(db, v, country)))
      throw new Problem(org && org.country === country && canViewOrg(v, org).ok ? 403 : 404);
    const form = await readForm(c);
    const values = {
      [methodField(org.id)]: str(form, methodField(org.id)),
      [noteField(org.id)]: str(form, noteField(org.id)),
    };
    const parsed = parseWith(
      c,
      ConfirmationBody,
      { method: values[methodField(org.id)], note: values[noteField(org.id)] },
      { method: methodField(org.id), note: noteField(org.id) },
    );
    if (!parsed.ok) return showChapter(c, country, { errors: parsed.errors, values }, 400);
    await confirmOrg(db, c.get("t"), v, org.id, parsed.data);
    return c.redirect(`/chapters/${country}?notice=confirmed`, 303);
  })
  // Admins appoint a coordinator by e-mail address (an admin may learn whether an address has an account).
  .post("/chapters/:country/coordinators", async (c) => {
    const v = requireViewer(c);
    enforce(canAdminister(v));
    const db = c.get("db");
    const country = countryParam(c);
    const values = { email: str(await readForm(c), "email") };
    const parsed = parseWith(c, AppointForm, values);
    if (!parsed.ok) return showChapter(c, country, { errors: parsed.errors, values }, 400);
    const user = await findUserByEmail(db, parsed.data.email);
    if (!user || !user.emailVerifiedAt)
      return showChapter(c, country, { errors: { email: c.get("t")("err.no_account") }, values }, 400);
    await appoint(db, c.get("t"), v, country, user.id);
    return c.redirect(`/chapters/${country}?notice=appointed`, 303);
  })
  .post("/chapters/:country/coordinators/:userId/remove", async (c) => {
    const v = requireViewer(c);
    const country = countryParam(c);
    await dismiss(c.get("db"), v, country, c.req.param("userId"));
    return c.redirect(`/chapters/${country}?notice=removed`, 303);
  });
