// The global error and not-found handlers: problem+json under /api, an error page elsewhere.
// Unexpected errors get a generic 500 problem (worker/middleware/request-log.ts logs them, in the
// request's one line); client mistakes never reach here as 5xx.
import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { AppEnv } from "../env";
import { Problem } from "../core/problem";
import { problemBody } from "./problem";
import { renderPage } from "./render";
import { ErrorPage } from "../../web/pages/ErrorPage";
import { translator } from "../i18n";
import { negotiateLocale } from "../domain/locale";

const isApi = (c: Context<AppEnv>) => new URL(c.req.url).pathname.startsWith("/api/");

/** Hono's own exceptions (malformed JSON, CSRF, unsupported media type, body limit) as problems. */
const fromHttpException = (e: HTTPException) => {
  if (e.status === 400 && /JSON/i.test(e.message))
    return new Problem(400, e.message, [{ path: "body", message: "err.json" }]);
  if (e.status === 403) return new Problem(403, "Cross-site form submission refused (CSRF protection).");
  return new Problem(e.status, e.message);
};

export const respondWithProblem = (c: Context<AppEnv>, p: Problem) => {
  if (!c.get("t")) {
    const locale = negotiateLocale({ acceptLanguage: c.req.header("accept-language") });
    c.set("locale", locale);
    c.set("t", translator(locale));
  }
  const t = c.get("t");
  const errors = p.errors?.map((e) => (e.message === "err.json" ? { ...e, message: t("err.json") } : e));
  const retry = p.extra?.retryAfter as number | undefined;
  const titleParams = retry ? { minutes: Math.ceil(retry / 60) } : undefined;
  for (const [k, v] of Object.entries(p.headers ?? {})) c.header(k, v);
  const requestId = c.get("requestId");
  if (isApi(c)) {
    const body = problemBody(new Problem(p.status, p.detail, errors, p.extra), t, { titleParams, requestId });
    return c.body(JSON.stringify(body), p.status as 400, {
      "Content-Type": "application/problem+json; charset=utf-8",
    });
  }
  const title = problemBody(p, t, { titleParams }).title;
  const detail = p.status === 500 ? undefined : errors?.map((e) => e.message).join(" ") || undefined;
  return renderPage(
    c,
    <ErrorPage title={title} detail={detail} signIn={p.status === 401} requestId={requestId} />,
    p.status,
  );
};

export const onError: ErrorHandler<AppEnv> = (err, c) => {
  if (err instanceof Problem) return respondWithProblem(c, err);
  if (err instanceof HTTPException) return respondWithProblem(c, fromHttpException(err));
  return respondWithProblem(c, new Problem(500));
};

export const notFound: NotFoundHandler<AppEnv> = (c) => respondWithProblem(c, new Problem(404));
