// HTML pages: the landing page and the signed-in user's account page (memberships, invitations,
// language preference, API tokens).
import { Hono } from "hono";
import type { AppEnv } from "../env";
import { renderPage } from "../http/render";
import { Home } from "../../web/pages/Home";
import { MePage } from "../../web/pages/Me";
import { myAwardsNeedingAttention } from "../actions/award-page";
import { rapidRequestsWaiting } from "../actions/rapid-requests";
import { requireViewer } from "../http/guards";
import { readForm, str, parseWith } from "../http/forms";
import { MePatch, TokenBody } from "../../schema/api/accounts";
import { updateUser } from "../db/users";
import { listTokens } from "../db/tokens";
import { findOrgNames } from "../db/orgs";
import { openInvitationsFor } from "../db/calls";
import { notificationsFor } from "../db/notifications";
import { myPledges } from "../actions/pledges";
import { anyNonPublicOrg } from "../db/two-factor";
import { coordinatedCountries, vouchRequestsTo } from "../db/trust";
import { canViewOrg } from "../domain/permissions";
import { createApiToken, revokeApiToken } from "../actions/accounts";
import { acceptInvite, declineInvite, myInvitations } from "../actions/members";
import { hasReviews } from "../actions/reviews";
import { myDigests } from "../actions/digest";
import { consortiumRequestsFor } from "../actions/partners";
import { setCookie } from "hono/cookie";
import { LANG_COOKIE } from "../middleware/locale";
import { translator } from "../i18n";
import type { Context } from "hono";

const showMe = async (
  c: Context<AppEnv>,
  extra: { newToken?: string; notice?: string; errors?: Record<string, string> } = {},
  status = 200,
) => {
  const v = requireViewer(c);
  const db = c.get("db");
  const orgIds = v.memberships.map((m) => m.orgId);
  const owned = v.memberships.filter((m) => m.role === "owner").map((m) => m.orgId);
  const [
    tokens,
    invitations,
    orgNames,
    callInvitations,
    notifications,
    pledges,
    recommendTwoFactor,
    chapters,
    vouchRequests,
    awardsAttention,
    rapidWaiting,
  ] = await Promise.all([
    listTokens(db, v.userId),
    myInvitations(db, v),
    findOrgNames(
      db,
      v.memberships.map((m) => m.orgId),
    ),
    openInvitationsFor(
      db,
      v.memberships.filter((m) => m.orgKind === "cso").map((m) => m.orgId),
      new Date(),
    ),
    notificationsFor(db, orgIds),
    myPledges(db, v),
    // Members of hidden or funders-only groups are told to turn on two-step sign-in while it is off.
    v.twoFactor ? false : anyNonPublicOrg(db, orgIds),
    // Chapters the person coordinates (their queues), and groups asking the organisations they own for a vouch.
    coordinatedCountries(db, v.userId),
    vouchRequestsTo(db, owned),
    myAwardsNeedingAttention(db, v),
    rapidRequestsWaiting(db, v),
  ]);
  const timeZones = Intl.supportedValuesOf("timeZone");
  return renderPage(
    c,
    <MePage
      tokens={tokens}
      invitations={invitations}
      orgNames={orgNames}
      callInvitations={callInvitations}
      notifications={notifications.filter((n) => n.data.applicationId)}
      timeZones={timeZones}
      pledges={pledges}
      recommendTwoFactor={recommendTwoFactor}
      chapters={chapters}
      awardsAttention={awardsAttention}
      rapidWaiting={rapidWaiting}
      digests={[...(await myDigests(db, v))]}
      hasReviews={await hasReviews(db, v)}
      consortiumRequests={await consortiumRequestsFor(db, v)}
      vouchRequests={vouchRequests.filter(
        (r) => canViewOrg(v, { id: r.fromOrgId, visibility: r.fromVisibility }).ok,
      )}
      {...extra}
    />,
    status,
  );
};

export const homePages = new Hono<AppEnv>()
  .get("/", (c) => renderPage(c, <Home />))
  // Notices a redirect may ask for by name (never free text from the query string).
  .get("/me", (c) =>
    showMe(c, c.req.query("notice") === "org_deleted" ? { notice: c.get("t")("org.deleted_notice") } : {}),
  )
  .post("/me/settings", async (c) => {
    const v = requireViewer(c);
    const form = await readForm(c);
    const parsed = parseWith(c, MePatch, {
      name: str(form, "name") || undefined,
      locale: str(form, "locale") || undefined,
      timeZone: str(form, "timeZone") || null,
    });
    if (!parsed.ok) return showMe(c, { errors: parsed.errors }, 400);
    await updateUser(c.get("db"), v.userId, parsed.data);
    if (parsed.data.locale) {
      // The saved language applies from this response on; the cookie keeps it for this browser too.
      setCookie(c, LANG_COOKIE, parsed.data.locale, { path: "/", sameSite: "Lax", maxAge: 365 * 24 * 3600 });
      c.set("locale", parsed.data.locale);
      c.set("t", translator(parsed.data.locale));
    }
    c.set("viewer", { ...v, ...parsed.data });
    return showMe(c, { notice: c.get("t")("me.saved") });
  })
  .post("/me/tokens", async (c) => {
    const v = requireViewer(c);
    const parsed = parseWith(
      c,
      TokenBody,
      { name: str(await readForm(c), "token_name") },
      { name: "token_name" },
    );
    if (!parsed.ok) return showMe(c, { errors: parsed.errors }, 400);
    const { token } = await createApiToken(c.get("db"), v.userId, parsed.data.name);
    return showMe(c, { newToken: token }, 201);
  })
  .post("/me/tokens/:id/revoke", async (c) => {
    await revokeApiToken(c.get("db"), requireViewer(c).userId, c.req.param("id"));
    return c.redirect("/me", 303);
  })
  .post("/me/invitations/:id/accept", async (c) => {
    const inv = await acceptInvite(c.get("db"), requireViewer(c), c.req.param("id"));
    // A panel invitation joins no organisation: the new reviewer goes to their queue.
    return c.redirect("callId" in inv ? "/reviews?notice=joined" : `/orgs/${inv.orgId}`, 303);
  })
  .post("/me/invitations/:id/decline", async (c) => {
    await declineInvite(c.get("db"), requireViewer(c), c.req.param("id"));
    return showMe(c, { notice: c.get("t")("me.invitation_declined") });
  });
