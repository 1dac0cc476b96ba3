// HTML pages for the account's security: password change and signed-in devices (no JavaScript needed).
import { Hono, type Context } from "hono";
import type { AppEnv } from "../env";
import { renderPage } from "../http/render";
import { readForm, str, parseWith, problemErrors } from "../http/forms";
import { requireViewer } from "../http/guards";
import { mailerFor } from "../http/mail";
import { SecurityPage } from "../../web/pages/Security";
import { PasswordChangeBody } from "../../schema/api/accounts";
import { changePassword } from "../actions/passwords";
import { sessionsOf, endSessionById, endOtherSessions } from "../actions/sessions";

const show = async (c: Context<AppEnv>, extra: { notice?: string; errors?: Record<string, string> } = {}, status = 200) =>
  renderPage(c, <SecurityPage sessions={await sessionsOf(c.get("db"), requireViewer(c), c.get("sessionIdHash"))} {...extra} />, status);

export const securityPages = new Hono<AppEnv>()
  .get("/me/security", (c) => show(c))
  .post("/me/password", async (c) => {
    const v = requireViewer(c);
    const form = await readForm(c);
    const parsed = parseWith(c, PasswordChangeBody, { current: str(form, "current"), password: str(form, "password") });
    if (!parsed.ok) return show(c, { errors: parsed.errors }, 400);
    try {
      await changePassword(c.get("db"), c.env.PASSWORD_PEPPER, c.get("t"), v, c.get("sessionIdHash"), parsed.data, mailerFor(c));
    } catch (e) {
      return show(c, { errors: problemErrors(e) }, 400);
    }
    return show(c, { notice: c.get("t")("me.password_changed") });
  })
  .post("/me/sessions/end-others", async (c) => {
    await endOtherSessions(c.get("db"), requireViewer(c), c.get("sessionIdHash"));
    return show(c, { notice: c.get("t")("me.sessions_ended") });
  })
  .post("/me/sessions/:id/end", async (c) => {
    await endSessionById(c.get("db"), requireViewer(c), c.req.param("id"));
    return show(c, { notice: c.get("t")("me.session_ended") });
  });
