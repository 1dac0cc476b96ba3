// HTML pages for the account's security: password change, two-step sign-in and signed-in devices (no
// JavaScript needed).
import { Hono, type Context } from "hono";
import type { AppEnv } from "../env";
import { renderPage } from "../http/render";
import { readForm, str, parseWith, problemErrors } from "../http/forms";
import { requireViewer } from "../http/guards";
import { mailerFor } from "../http/mail";
import { Problem } from "../core/problem";
import { SecurityPage, type TwoFactorView } from "../../web/pages/Security";
import { PasswordChangeBody, TwoFactorCodeBody } from "../../schema/api/accounts";
import { changePassword } from "../actions/passwords";
import { sessionsOf, endSessionById, endOtherSessions } from "../actions/sessions";
import {
  startTwoFactor,
  confirmTwoFactor,
  disableTwoFactor,
  pendingTwoFactor,
  twoFactorStatus,
} from "../actions/two-factor";
import { anyNonPublicOrg } from "../db/two-factor";
import { needsSecondFactor } from "../domain/permissions";

/** Two-step sign-in as it stands: on (with the recovery codes left), or off (recommended, or required). */
const currentTwoFactor = async (c: Context<AppEnv>): Promise<TwoFactorView> => {
  const v = requireViewer(c);
  const db = c.get("db");
  if (v.twoFactor)
    return { state: "on", recoveryCodesLeft: (await twoFactorStatus(db, v)).recoveryCodesLeft };
  // Members of hidden or funders-only groups are the people a stolen password hurts most.
  return {
    state: "off",
    required: needsSecondFactor(v, c.env),
    recommended: await anyNonPublicOrg(
      db,
      v.memberships.map((m) => m.orgId),
    ),
  };
};

type Extra = { notice?: string; errors?: Record<string, string>; twoFactor?: TwoFactorView };

const show = async (c: Context<AppEnv>, extra: Extra = {}, status = 200) => {
  const v = requireViewer(c);
  const [sessions, twoFactor] = await Promise.all([
    sessionsOf(c.get("db"), v, c.get("sessionIdHash")),
    extra.twoFactor ?? currentTwoFactor(c),
  ]);
  // A key or recovery codes on the page: no copy in any cache.
  if (twoFactor.state === "enrolling" || twoFactor.state === "recovery")
    c.header("Cache-Control", "no-store");
  return renderPage(
    c,
    <SecurityPage sessions={sessions} notice={extra.notice} errors={extra.errors} twoFactor={twoFactor} />,
    status,
  );
};

/** A use case's 409 (already on, already off, nothing started) as the page with its sentence. */
const conflict = (c: Context<AppEnv>, e: unknown) => {
  if (e instanceof Problem && e.status === 409) return show(c, { notice: e.detail }, 409);
  throw e;
};

export const securityPages = new Hono<AppEnv>()
  .get("/me/security", (c) => show(c))
  .post("/me/password", async (c) => {
    const v = requireViewer(c);
    const form = await readForm(c);
    const parsed = parseWith(c, PasswordChangeBody, {
      current: str(form, "current"),
      password: str(form, "password"),
    });
    if (!parsed.ok) return show(c, { errors: parsed.errors }, 400);
    try {
      await changePassword(
        c.get("db"),
        c.env.PASSWORD_PEPPER,
        c.get("t"),
        v,
        c.get("sessionIdHash"),
        parsed.data,
        mailerFor(c),
      );
    } catch (e) {
      return show(c, { errors: problemErrors(e) }, 400);
    }
    return show(c, { notice: c.get("t")("me.password_changed") });
  })
  // Turn on: a new key (replacing any earlier pending one) and the form for the app's code.
  .post("/me/2fa", async (c) => {
    try {
      const started = await startTwoFactor(c.get("db"), c.env.PASSWORD_PEPPER, c.get("t"), requireViewer(c));
      return show(c, { twoFactor: { state: "enrolling", ...started } });
    } catch (e) {
      return conflict(c, e);
    }
  })
  .post("/me/2fa/confirm", async (c) => {
    const v = requireViewer(c);
    const db = c.get("db");
    const parsed = parseWith(c, TwoFactorCodeBody, { code: str(await readForm(c), "code") });
    // A wrong code shows the same key again beside the message (the pending key stays until replaced).
    const again = async (errors: Record<string, string>) => {
      const pending = await pendingTwoFactor(db, c.env.PASSWORD_PEPPER, v);
      return show(c, { errors, twoFactor: pending ? { state: "enrolling", ...pending } : undefined }, 400);
    };
    if (!parsed.ok) return again(parsed.errors);
    try {
      const { recoveryCodes } = await confirmTwoFactor(
        db,
        c.env.PASSWORD_PEPPER,
        c.get("t"),
        v,
        parsed.data.code,
      );
      c.set("viewer", { ...v, twoFactor: true });
      return show(c, {
        notice: c.get("t")("me.2fa_on_notice"),
        twoFactor: { state: "recovery", codes: recoveryCodes },
      });
    } catch (e) {
      if (e instanceof Problem && e.status === 400) return again(problemErrors(e));
      return conflict(c, e);
    }
  })
  .post("/me/2fa/disable", async (c) => {
    const v = requireViewer(c);
    const parsed = parseWith(c, TwoFactorCodeBody, { code: str(await readForm(c), "code") });
    if (!parsed.ok) return show(c, { errors: parsed.errors }, 400);
    try {
      await disableTwoFactor(c.get("db"), c.env.PASSWORD_PEPPER, c.get("t"), v, parsed.data.code);
    } catch (e) {
      if (e instanceof Problem && e.status === 429) {
        for (const [k, val] of Object.entries(e.headers ?? {})) c.header(k, val);
        const minutes = Math.ceil(Number(e.extra?.retryAfter ?? 900) / 60);
        return show(c, { errors: { code: c.get("t")("error.too_many", { minutes }) } }, 429);
      }
      if (e instanceof Problem && e.status === 400) return show(c, { errors: problemErrors(e) }, 400);
      return conflict(c, e);
    }
    c.set("viewer", { ...v, twoFactor: false });
    return show(c, { notice: c.get("t")("me.2fa_off_notice") });
  })
  .post("/me/sessions/end-others", async (c) => {
    await endOtherSessions(c.get("db"), requireViewer(c), c.get("sessionIdHash"));
    return show(c, { notice: c.get("t")("me.sessions_ended") });
  })
  .post("/me/sessions/:id/end", async (c) => {
    await endSessionById(c.get("db"), requireViewer(c), c.req.param("id"));
    return show(c, { notice: c.get("t")("me.session_ended") });
  });
