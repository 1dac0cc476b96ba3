// HTML pages for applications. The draft form posts here with or without JavaScript; the autosave island
// posts the same form asking for JSON, so both paths share one parser and one set of rules.
import { Hono, type Context } from "hono";
import type { AppEnv } from "../env";
import { renderPage } from "../http/render";
import { readForm, str, list, errorMap, parseWith } from "../http/forms";
import { Problem } from "../core/problem";
import { requireViewer, viewerOf } from "../http/guards";
import { noStoreIfRapid } from "../http/rapid-pages";
import { ApplyStartPage } from "../../web/pages/applications/Start";
import { ApplicationEditPage, type ApplicationFormValues } from "../../web/pages/applications/Edit";
import { ApplicationViewPage } from "../../web/pages/applications/View";
import { ApplicationReviewPage } from "../../web/pages/applications/Review";
import { CallApplicationsPage } from "../../web/pages/applications/CallList";
import { OrgApplicationsPage } from "../../web/pages/applications/OrgList";
import {
  loadApplication,
  startApplication,
  saveDraft,
  submitApplication,
  withdrawApplication,
  reviewApplication,
  reviewsOf,
  decideOn,
  applicationsForCall,
  applicationsOfOrg,
  applyChoices,
} from "../actions/applications";
import { viewCall } from "../actions/calls";
import { tallyLineFor } from "../actions/review-tally";
import { findOrg, type Org } from "../db/orgs";
import type { Application } from "../db/applications";
import type { Call } from "../db/calls";
import { isAllowed, sideOf } from "../domain/application-workflow";
import { amountToInput, parseAmount } from "../domain/money";
import { ReviewBody, DecisionBody } from "../../schema/api/applications";

const toValues = (app: Application): ApplicationFormValues => ({
  answers: app.answers,
  amount: app.requestedAmount ? amountToInput(app.requestedAmount) : "",
  version: String(app.version),
});

/** API error paths → the form's field names. */
const fieldName = (path: string) =>
  path.startsWith("answers.")
    ? `answer_${path.slice(8)}`
    : path.startsWith("requestedAmount") || path.startsWith("amount")
      ? "amount"
      : path;

const fieldErrors = (e: unknown) => {
  if (e instanceof Problem && e.errors?.length && e.status < 500 && e.status !== 409)
    return errorMap(e.errors.map((x) => ({ ...x, path: fieldName(x.path) })));
  throw e;
};

type Shown = {
  errors?: Record<string, string>;
  notice?: string;
  values?: ApplicationFormValues;
  conflict?: Application;
};

/**
 * The page an application shows to this viewer: the draft form while the applicant may still save it, the
 * applicant's status, or the funder's review. Each page shows the buttons the workflow allows its side.
 */
const showApplication = async (
  c: Context<AppEnv>,
  app: Application,
  call: Call,
  shown: Shown = {},
  status = 200,
) => {
  const v = viewerOf(c);
  const db = c.get("db");
  const side = sideOf(v, app, call);
  noStoreIfRapid(c, call);
  if (side === "applicant") {
    if (isAllowed(app.status, "save")) {
      const org = (await findOrg(db, app.orgId))!;
      return renderPage(
        c,
        <ApplicationEditPage
          app={app}
          call={call}
          org={org}
          values={shown.values ?? toValues(app)}
          errors={shown.errors}
          notice={shown.notice}
          conflict={shown.conflict}
        />,
        status,
      );
    }
    return renderPage(c, <ApplicationViewPage app={app} call={call} notice={shown.notice} />, status);
  }
  if (side === "funder") {
    const { reviews, averageScore } = await reviewsOf(db, v, app.id);
    return renderPage(
      c,
      <ApplicationReviewPage
        app={app}
        call={call}
        reviews={reviews}
        averageScore={averageScore}
        tallyLine={await tallyLineFor(db, v, call, app.id)}
        errors={shown.errors}
        notice={shown.notice}
      />,
      status,
    );
  }
  // Admins (support) see the applicant's read-only view.
  return renderPage(c, <ApplicationViewPage app={app} call={call} readOnly />, status);
};

/** The draft form's fields; an unreadable amount is reported on the amount field. */
const readDraftForm = async (c: Context<AppEnv>, call: Call) => {
  const form = await readForm(c);
  const values: ApplicationFormValues = {
    answers: Object.fromEntries(
      call.questions.map((q) => [q.id, (form[`answer_${q.id}`] as string | undefined) ?? ""]),
    ),
    amount: str(form, "amount"),
    version: str(form, "version"),
  };
  // A non-cash call asks for no amount; its currency is never used.
  const currency = call.grant?.min.currency ?? "USD";
  const amount = values.amount ? parseAmount(values.amount, currency) : null;
  const errors: Record<string, string> = {};
  if (values.amount && amount === null) errors.amount = c.get("t")("err.amount");
  if (!/^\d+$/.test(values.version)) errors.version = c.get("t")("err.version");
  return {
    values,
    action: str(form, "action"),
    errors,
    patch: {
      answers: values.answers,
      requestedAmount: amount === null ? (values.amount ? undefined : null) : { amount, currency },
    },
  };
};

export const applicationsPages = new Hono<AppEnv>()
  .get("/calls/:id/apply", async (c) => {
    const v = requireViewer(c);
    const call = await viewCall(c.get("db"), v, c.req.param("id"));
    const choices = await applyChoices(c.get("db"), v, call.id);
    noStoreIfRapid(c, call);
    const orgs = await Promise.all(
      choices.map(async (ch) => ({
        org: (await findOrg(c.get("db"), ch.orgId)) as Org,
        applicationId: ch.applicationId,
      })),
    );
    // One organisation that has already started: go straight to its application — except for rapid
    // response, where Back after "Leave quickly" lands here and must not bring the typed request back.
    if (orgs.length === 1 && orgs[0].applicationId && call.kind !== "rapid")
      return c.redirect(`/applications/${orgs[0].applicationId}`, 303);
    return renderPage(c, <ApplyStartPage call={call} choices={orgs} />);
  })
  .post("/calls/:id/apply", async (c) => {
    const v = requireViewer(c);
    const orgId = str(await readForm(c), "orgId");
    try {
      const app = await startApplication(c.get("db"), c.get("t"), v, c.req.param("id"), orgId);
      return c.redirect(`/applications/${app.id}`, 303);
    } catch (e) {
      if (e instanceof Problem && e.status === 409 && e.extra?.applicationId)
        return c.redirect(`/applications/${e.extra.applicationId}`, 303);
      throw e;
    }
  })
  .get("/calls/:id/applications", async (c) => {
    requireViewer(c);
    const { call, items } = await applicationsForCall(c.get("db"), viewerOf(c), c.req.param("id"));
    noStoreIfRapid(c, call);
    return renderPage(c, <CallApplicationsPage call={call} items={items} />);
  })
  .get("/orgs/:id/applications", async (c) => {
    requireViewer(c);
    const { org, items } = await applicationsOfOrg(c.get("db"), viewerOf(c), c.req.param("id"));
    return renderPage(c, <OrgApplicationsPage org={org} items={items} />);
  })
  .get("/applications/:id", async (c) => {
    requireViewer(c);
    const { app, call } = await loadApplication(c.get("db"), viewerOf(c), c.req.param("id"));
    return showApplication(c, app, call);
  })
  .post("/applications/:id", async (c) => {
    requireViewer(c);
    const db = c.get("db");
    const t = c.get("t");
    const wantsJson = (c.req.header("accept") ?? "").includes("application/json");
    const { app, call } = await loadApplication(db, viewerOf(c), c.req.param("id"));
    const { values, action, errors, patch } = await readDraftForm(c, call);
    if (Object.keys(errors).length) {
      if (wantsJson)
        throw new Problem(
          400,
          undefined,
          Object.entries(errors).map(([path, message]) => ({ path, message })),
        );
      return showApplication(c, app, call, { values, errors }, 400);
    }
    let saved: Application;
    try {
      saved = await saveDraft(db, t, viewerOf(c), app.id, Number(values.version), patch);
    } catch (e) {
      if (e instanceof Problem && e.status === 409 && !wantsJson) {
        // Both texts on one page: what the user typed stays in the form, the server copy beside it.
        const current = e.extra!.current as Application;
        return showApplication(
          c,
          current,
          call,
          { values: { ...values, version: String(current.version) }, conflict: current },
          409,
        );
      }
      if (wantsJson) throw e;
      return showApplication(
        c,
        app,
        call,
        { values, errors: fieldErrors(e) },
        e instanceof Problem ? e.status : 400,
      );
    }
    if (wantsJson) return c.json({ id: saved.id, version: saved.version, updatedAt: saved.updatedAt }, 200);
    if (action !== "submit") return showApplication(c, saved, call, { notice: t("application.saved") });
    try {
      const submitted = await submitApplication(db, t, c.get("locale"), viewerOf(c), app.id);
      return showApplication(c, submitted, call, { notice: t("application.submitted") });
    } catch (e) {
      return showApplication(c, saved, call, { values: toValues(saved), errors: fieldErrors(e) }, 422);
    }
  })
  .post("/applications/:id/withdraw", async (c) => {
    requireViewer(c);
    const app = await withdrawApplication(c.get("db"), c.get("t"), viewerOf(c), c.req.param("id"));
    const { call } = await loadApplication(c.get("db"), viewerOf(c), app.id);
    return showApplication(c, app, call, { notice: c.get("t")("application.withdrawn") });
  })
  .post("/applications/:id/reviews", async (c) => {
    requireViewer(c);
    const { app, call } = await loadApplication(c.get("db"), viewerOf(c), c.req.param("id"));
    const form = await readForm(c);
    const parsed = parseWith(c, ReviewBody, {
      score: Number(str(form, "score")) || undefined,
      comment: str(form, "comment") || undefined,
    });
    if (!parsed.ok) return showApplication(c, app, call, { errors: parsed.errors }, 400);
    await reviewApplication(
      c.get("db"),
      c.get("t"),
      viewerOf(c),
      app.id,
      parsed.data.score,
      parsed.data.comment ?? null,
    );
    const fresh = await loadApplication(c.get("db"), viewerOf(c), app.id);
    return showApplication(c, fresh.app, call, { notice: c.get("t")("application.review_saved") });
  })
  .post("/applications/:id/decision", async (c) => {
    requireViewer(c);
    const { app, call } = await loadApplication(c.get("db"), viewerOf(c), c.req.param("id"));
    const form = await readForm(c);
    const decision = str(form, "decision");
    const amountText = str(form, "amount");
    const currency = call.grant?.min.currency ?? "USD";
    const amount = amountText ? parseAmount(amountText, currency) : null;
    if (amountText && amount === null)
      return showApplication(c, app, call, { errors: { amount: c.get("t")("err.amount") } }, 400);
    const quantityText = str(form, "quantity");
    const parsed = parseWith(c, DecisionBody, {
      decision,
      ...(amount !== null ? { amount: { amount, currency } } : {}),
      ...(quantityText
        ? { quantity: /^\d{1,6}$/.test(quantityText) ? Number(quantityText) : quantityText }
        : {}),
      ...(decision === "decline" ? { reasons: list(form, "reasons") } : {}),
      ...(str(form, "note") ? { note: str(form, "note") } : {}),
    });
    if (!parsed.ok) return showApplication(c, app, call, { errors: parsed.errors }, 400);
    try {
      const decided = await decideOn(c.get("db"), c.get("t"), viewerOf(c), app.id, parsed.data);
      return showApplication(c, decided, call, { notice: c.get("t")("application.decided") });
    } catch (e) {
      return showApplication(c, app, call, { errors: fieldErrors(e) }, e instanceof Problem ? e.status : 400);
    }
  });
