// HTML pages: sign up, confirm the address, log in, forgotten password, log out (plain form posts, no
// JavaScript needed). The forms call the same use cases as the JSON API.
import { Hono, type Context } from "hono";
import type { AppEnv } from "../env";
import { renderPage } from "../http/render";
import { readForm, str, parseWith, problemErrors, safeNext } from "../http/forms";
import { mailerFor } from "../http/mail";
import { SignupPage } from "../../web/pages/auth/Signup";
import { LoginPage } from "../../web/pages/auth/Login";
import { CheckMailPage } from "../../web/pages/auth/CheckMail";
import { VerifyPage } from "../../web/pages/auth/Verify";
import { ForgotPage } from "../../web/pages/auth/Forgot";
import { ResetPage } from "../../web/pages/auth/Reset";
import {
  SignupBody,
  LoginBody,
  ResetRequestBody,
  ResetConfirmBody,
  VerifyBody,
} from "../../schema/api/accounts";
import { signup, login, verifyEmail } from "../actions/accounts";
import { requestPasswordReset, confirmPasswordReset } from "../actions/passwords";
import { startSession, endSession } from "../middleware/session";
import { Problem } from "../core/problem";
import { needsSecondFactor } from "../domain/permissions";

/** A problem as the status a page answers with (a use case's Problem, or 500 for anything else). */
const statusOf = (e: unknown) => (e instanceof Problem ? e.status : 500);

const tokenOf = (c: Context<AppEnv>) => c.req.query("token") ?? "";

export const authPages = new Hono<AppEnv>()
  .get("/signup", (c) => renderPage(c, <SignupPage />))
  .post("/signup", async (c) => {
    const form = await readForm(c);
    const values = {
      name: str(form, "name"),
      email: str(form, "email"),
      locale: str(form, "locale") || c.get("locale"),
    };
    const parsed = parseWith(c, SignupBody, { ...values, password: str(form, "password") });
    if (!parsed.ok) return renderPage(c, <SignupPage values={values} errors={parsed.errors} />, 400);
    try {
      await signup(
        c.get("db"),
        c.env.PASSWORD_PEPPER,
        c.get("t"),
        { ...parsed.data, locale: parsed.data.locale ?? c.get("locale") },
        mailerFor(c),
      );
    } catch (e) {
      return renderPage(c, <SignupPage values={values} errors={problemErrors(e)} />, statusOf(e));
    }
    return renderPage(c, <CheckMailPage email={parsed.data.email} />, 202);
  })
  .get("/verify", (c) => renderPage(c, <VerifyPage token={tokenOf(c)} />))
  .post("/verify", async (c) => {
    const token = str(await readForm(c), "token");
    const parsed = parseWith(c, VerifyBody, { token });
    if (!parsed.ok) return renderPage(c, <VerifyPage token={token} errors={parsed.errors} />, 400);
    try {
      const user = await verifyEmail(c.get("db"), c.get("t"), parsed.data.token);
      await startSession(c, user.id);
    } catch (e) {
      return renderPage(c, <VerifyPage token={token} errors={problemErrors(e)} />, statusOf(e));
    }
    return c.redirect("/me", 303);
  })
  .get("/login", (c) =>
    renderPage(
      c,
      <LoginPage
        next={safeNext(c) ?? undefined}
        notice={c.req.query("notice") === "reset" ? c.get("t")("auth.reset_done") : undefined}
      />,
    ),
  )
  .post("/login", async (c) => {
    const form = await readForm(c);
    const next = safeNext(c);
    const values = { email: str(form, "email") };
    // The code field is always there (empty unless two-step sign-in is on); the password is never sent back.
    const parsed = parseWith(c, LoginBody, {
      ...values,
      password: str(form, "password"),
      code: str(form, "code") || undefined,
    });
    if (!parsed.ok)
      return renderPage(
        c,
        <LoginPage values={values} errors={parsed.errors} next={next ?? undefined} />,
        400,
      );
    let mustEnrol = false;
    try {
      const user = await login(c.get("db"), c.env.PASSWORD_PEPPER, c.get("t"), parsed.data, mailerFor(c));
      await startSession(c, user.id);
      mustEnrol = needsSecondFactor(
        { platformRole: user.platformRole, twoFactor: user.totpEnabledAt !== null },
        c.env,
      );
    } catch (e) {
      if (e instanceof Problem && e.status === 429) {
        for (const [k, v] of Object.entries(e.headers ?? {})) c.header(k, v);
        const minutes = Math.ceil(Number(e.extra?.retryAfter ?? 900) / 60);
        return renderPage(
          c,
          <LoginPage
            values={values}
            errors={{ email: c.get("t")("error.too_many", { minutes }) }}
            next={next ?? undefined}
          />,
          429,
        );
      }
      return renderPage(
        c,
        <LoginPage values={values} errors={problemErrors(e)} next={next ?? undefined} />,
        statusOf(e),
      );
    }
    // An admin or analyst who must turn on two-step sign-in can reach nothing else yet: straight there.
    return c.redirect(mustEnrol ? "/me/security" : (next ?? "/me"), 303);
  })
  .get("/forgot", (c) => renderPage(c, <ForgotPage />))
  .post("/forgot", async (c) => {
    const values = { email: str(await readForm(c), "email") };
    const parsed = parseWith(c, ResetRequestBody, values);
    if (!parsed.ok) return renderPage(c, <ForgotPage values={values} errors={parsed.errors} />, 400);
    await requestPasswordReset(c.get("db"), c.env.PASSWORD_PEPPER, parsed.data.email, mailerFor(c));
    return renderPage(c, <ForgotPage sentTo={parsed.data.email} />, 202);
  })
  .get("/reset", (c) => renderPage(c, <ResetPage token={tokenOf(c)} />))
  .post("/reset", async (c) => {
    const form = await readForm(c);
    const token = str(form, "token");
    const parsed = parseWith(c, ResetConfirmBody, { token, password: str(form, "password") });
    if (!parsed.ok) return renderPage(c, <ResetPage token={token} errors={parsed.errors} />, 400);
    try {
      await confirmPasswordReset(
        c.get("db"),
        c.env.PASSWORD_PEPPER,
        c.get("t"),
        parsed.data.token,
        parsed.data.password,
      );
    } catch (e) {
      return renderPage(c, <ResetPage token={token} errors={problemErrors(e)} />, statusOf(e));
    }
    await endSession(c);
    return c.redirect("/login?notice=reset", 303);
  })
  .post("/logout", async (c) => {
    await endSession(c);
    return c.redirect("/", 303);
  });
