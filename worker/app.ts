// createApp(): the middleware stack and every area's routes. Reads like a table of contents.
import { OpenAPIHono } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { except } from "hono/combine";
import type { AppEnv } from "./env";
import { dbMiddleware } from "./middleware/db";
import { sessionMiddleware } from "./middleware/session";
import { localeMiddleware } from "./middleware/locale";
import { securityHeaders } from "./middleware/security-headers";
import { requestLog } from "./middleware/request-log";
import { compression } from "./middleware/compression";
import { csrfMiddleware } from "./middleware/csrf";
import { authLimit, heavyLimit, feedbackLimit, checkLimit } from "./middleware/rate-limit";
import { onError, notFound } from "./http/errors";
import { Problem } from "./core/problem";
import { assets } from "./routes/assets";
import { authApi } from "./routes/auth.api";
import { authPages } from "./routes/auth.pages";
import { referenceApi } from "./routes/reference.api";
import { orgsApi } from "./routes/orgs.api";
import { orgsPages } from "./routes/orgs.pages";
import { trustPages } from "./routes/trust.pages";
import { callsApi } from "./routes/calls.api";
import { callsPages } from "./routes/calls.pages";
import { feedRoutes } from "./routes/feeds";
import { eligibilityApi } from "./routes/eligibility.api";
import { checkPages } from "./routes/check.pages";
import { digestApi } from "./routes/digest.api";
import { digestPages } from "./routes/digest.pages";
import { tallyApi } from "./routes/tally.api";
import { tallyPages } from "./routes/tally.pages";
import { applicationsApi } from "./routes/applications.api";
import { partnersApi } from "./routes/partners.api";
import { partnersPages } from "./routes/partners.pages";
import { applicationsPages } from "./routes/applications.pages";
import { pledgesApi } from "./routes/pledges.api";
import { pledgesPages } from "./routes/pledges.pages";
import { awardsPages } from "./routes/awards.pages";
import { reportsApi } from "./routes/reports.api";
import { trustApi } from "./routes/trust.api";
import { awardsApi } from "./routes/awards.api";
import { awardReportsApi } from "./routes/award-reports.api";
import { awardReportsPages, REPORT_FORM_POST } from "./routes/award-reports.pages";
import { feedbackApi } from "./routes/feedback.api";
import { feedbackPages } from "./routes/feedback.pages";
import { uploadsApi, UPLOADS_PATH } from "./routes/uploads.api";
import { reportsPages } from "./routes/reports.pages";
import { mapApi } from "./routes/map.api";
import { mapPages } from "./routes/map.pages";
import { homePages } from "./routes/home.pages";
import { adminPages } from "./routes/admin.pages";
import { securityPages } from "./routes/security.pages";
import { devPages } from "./routes/dev.pages";
import { docsRoutes } from "./routes/docs";
import { reviewsApi } from "./routes/reviews.api";
import { reviewsPages } from "./routes/reviews.pages";
import { resourcesApi } from "./routes/resources.api";
import { resourcesPages, RESOURCE_FORM_POST } from "./routes/resources.pages";

/** Requests larger than this are refused with 413 before any parsing (uploads set their own 5 MB limit). */
export const MAX_BODY_BYTES = 256 * 1024;

export const createApp = () => {
  const app = new OpenAPIHono<AppEnv>();
  app.onError(onError);
  app.notFound(notFound);

  app.use("*", requestLog);
  app.use("*", compression);
  app.use("*", securityHeaders);
  app.use(
    "*",
    except(
      // These set their own limit, after checking who asks: they carry a file.
      (c) =>
        c.req.method === "POST" &&
        (c.req.path === UPLOADS_PATH ||
          REPORT_FORM_POST.test(c.req.path) ||
          c.req.path === RESOURCE_FORM_POST),
      bodyLimit({
        maxSize: MAX_BODY_BYTES,
        onError: () => {
          throw new Problem(413);
        },
      }),
    ),
  );
  app.use("*", csrfMiddleware);
  app.use("*", dbMiddleware);
  app.use("*", sessionMiddleware);
  app.use("*", localeMiddleware);
  for (const path of ["/api/v1/auth/*", "/signup", "/login", "/verify", "/forgot", "/reset"])
    app.use(path, authLimit);
  for (const path of ["/api/v1/reports/*", "/api/v1/exports/*", "/reports"]) app.use(path, heavyLimit);
  for (const path of ["/api/v1/orgs/:id/feedback", "/orgs/:id/feedback"]) app.use(path, feedbackLimit);
  for (const path of ["/api/v1/eligibility-check", "/check"]) app.use(path, checkLimit);

  app.route("/", assets);
  app.route("/", homePages);
  app.route("/", authPages);
  app.route("/", orgsPages);
  app.route("/", trustPages);
  app.route("/", feedbackPages);
  app.route("/", feedRoutes);
  app.route("/", checkPages);
  app.route("/", digestPages);
  app.route("/", callsPages);
  app.route("/", tallyPages);
  app.route("/", reviewsPages);
  app.route("/", applicationsPages);
  app.route("/", partnersPages);
  app.route("/", pledgesPages);
  app.route("/", awardsPages);
  app.route("/", awardReportsPages);
  app.route("/", reportsPages);
  app.route("/", mapPages);
  app.route("/", adminPages);
  app.route("/", securityPages);
  app.route("/", resourcesPages);
  app.route("/", devPages);
  app.route("/api/v1", referenceApi);
  app.route("/api/v1", authApi);
  app.route("/api/v1", orgsApi);
  app.route("/api/v1", callsApi);
  app.route("/api/v1", eligibilityApi);
  app.route("/api/v1", digestApi);
  app.route("/api/v1", tallyApi);
  app.route("/api/v1", reviewsApi);
  app.route("/api/v1", applicationsApi);
  app.route("/api/v1", partnersApi);
  app.route("/api/v1", pledgesApi);
  app.route("/api/v1", reportsApi);
  app.route("/api/v1", mapApi);
  app.route("/api/v1", trustApi);
  app.route("/api/v1", awardsApi);
  app.route("/api/v1", awardReportsApi);
  app.route("/api/v1", feedbackApi);
  app.route("/api/v1", uploadsApi);
  app.route("/api/v1", resourcesApi);

  app.openAPIRegistry.registerComponent("securitySchemes", "cookie", {
    type: "apiKey",
    in: "cookie",
    name: "sanad_session",
  });
  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", { type: "http", scheme: "bearer" });
  app.doc31("/api/v1/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "Sanad API",
      version: "1.0.0",
      description: "Grant and resourcing marketplace for small civil-society organisations.",
    },
  });
  app.route("/", docsRoutes(app));
  return app;
};

export type App = ReturnType<typeof createApp>;
