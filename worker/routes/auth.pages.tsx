// HTML pages: sign up, log in, log out (plain form posts, no JavaScript needed).
import { Hono } from "hono";
import type { AppEnv } from "../env";
import { renderPage } from "../http/render";
import { readForm, str, parseWith, problemErrors, safeNext } from "../http/forms";
import { SignupPage, LoginPage } from "../../web/pages/Auth";
import { SignupBody, LoginBody } from "../../schema/api/accounts";
import { signup, login } from "../actions/accounts";
import { startSession, endSession } from "../middleware/session";
import { Problem } from "../http/problem";

export const authPages = new Hono<AppEnv>()
  .get("/signup", (c) => renderPage(c, <SignupPage />))
  .post("/signup", async (c) => {
    const form = await readForm(c);
    const values = { name: str(form, "name"), email: str(form, "email"), locale: str(form, "locale") || c.get("locale") };
    const parsed = parseWith(c, SignupBody, { ...values, password: str(form, "password") });
    if (!parsed.ok) return renderPage(c, <SignupPage values={values} errors={parsed.errors} />, 400);
    try {
      const user = await signup(c.get("db"), c.env.PASSWORD_PEPPER, c.get("t"), { ...parsed.data, locale: parsed.data.locale ?? c.get("locale") });
      await startSession(c, user.id);
    } catch (e) {
      return renderPage(c, <SignupPage values={values} errors={problemErrors(e)} />, (e as Problem).status);
    }
    return c.redirect("/me", 303);
  })
  .get("/login", (c) => renderPage(c, <LoginPage next={safeNext(c) ?? undefined} />))
  .post("/login", async (c) => {
    const form = await readForm(c);
    const next = safeNext(c);
    const values = { email: str(form, "email") };
    const parsed = parseWith(c, LoginBody, { ...values, password: str(form, "password") });
    if (!parsed.ok) return renderPage(c, <LoginPage values={values} errors={parsed.errors} next={next ?? undefined} />, 400);
    try {
      const user = await login(c.get("db"), c.env.PASSWORD_PEPPER, c.get("t"), parsed.data);
      await startSession(c, user.id);
    } catch (e) {
      if (e instanceof Problem && e.status === 429) {
        for (const [k, v] of Object.entries(e.headers ?? {})) c.header(k, v);
        const minutes = Math.ceil(Number(e.extra?.retryAfter ?? 900) / 60);
        return renderPage(c, <LoginPage values={values} errors={{ email: c.get("t")("error.too_many", { minutes }) }} next={next ?? undefined} />, 429);
      }
      return renderPage(c, <LoginPage values={values} errors={problemErrors(e)} next={next ?? undefined} />, (e as Problem).status);
    }
    return c.redirect(next ?? "/me", 303);
  })
  .post("/logout", async (c) => {
    await endSession(c);
    return c.redirect("/", 303);
  });
