// HTML pages for feedback and ratings: the anonymous message a funded group's page posts (answered with a
// thank-you), the owners' list of what was sent, and the rating form for groups that applied to a funder.
// Plain forms, no JavaScript; the per-address limit on messages is applied in worker/app.ts.
import { Hono, type Context } from "hono";
import type { AppEnv } from "../env";
import { renderPage } from "../http/render";
import { readForm, str, int, parseWith } from "../http/forms";
import { requireViewer, viewerOf } from "../http/guards";
import { reportK } from "../http/report-query";
import { FeedbackCreate, RatingCreate } from "../../schema/api/feedback";
import { feedbackTarget, readFeedback, sendFeedback } from "../actions/feedback";
import { rateFunder, ratingFormFor } from "../actions/funder-ratings";
import { findOrgNames } from "../db/orgs";
import { FeedbackSendPage } from "../../web/pages/feedback/Send";
import { FeedbackListPage } from "../../web/pages/feedback/List";
import { RatePage, type RatingFormValues } from "../../web/pages/feedback/Rate";

/** The rating form for the viewer's groups that applied (401, 404 or 403 saying why before anything else). */
const showRating = async (
  c: Context<AppEnv>,
  values: Partial<RatingFormValues>,
  extra: { errors?: Record<string, string>; notice?: string } = {},
  status = 200,
) => {
  const { funder, orgIds } = await ratingFormFor(c.get("db"), c.get("t"), viewerOf(c), c.req.param("id")!);
  const names = await findOrgNames(c.get("db"), orgIds);
  return renderPage(
    c,
    <RatePage
      funder={funder}
      orgs={orgIds.map((id) => ({ id, name: names[id] ?? id }))}
      k={reportK(c.env)}
      values={{ orgId: "", easeOfApplying: "", respect: "", speed: "", comment: "", ...values }}
      {...extra}
    />,
    status,
  );
};

export const feedbackPages = new Hono<AppEnv>()
  .post("/orgs/:id/feedback", async (c) => {
    const db = c.get("db");
    const text = str(await readForm(c), "text");
    const parsed = parseWith(c, FeedbackCreate, { text });
    if (!parsed.ok) {
      // Who may not see the group learns nothing from what they typed: its 404 comes first.
      const org = await feedbackTarget(db, c.get("t"), viewerOf(c), c.req.param("id"));
      return renderPage(
        c,
        <FeedbackSendPage org={org} sent={false} errors={parsed.errors} value={text} />,
        400,
      );
    }
    const org = await sendFeedback(db, c.get("t"), viewerOf(c), c.req.param("id"), parsed.data.text);
    return renderPage(c, <FeedbackSendPage org={org} sent />);
  })
  .get("/orgs/:id/feedback", async (c) => {
    requireViewer(c);
    const { org, items } = await readFeedback(c.get("db"), c.get("t"), viewerOf(c), c.req.param("id"));
    return renderPage(c, <FeedbackListPage org={org} items={items} />);
  })
  .get("/funders/:id/rate", async (c) => {
    requireViewer(c);
    const notice = c.req.query("notice") === "saved" ? c.get("t")("rating.saved") : undefined;
    return showRating(c, {}, { notice });
  })
  .post("/funders/:id/rate", async (c) => {
    requireViewer(c);
    const f = await readForm(c);
    const values: RatingFormValues = {
      orgId: str(f, "orgId"),
      easeOfApplying: str(f, "easeOfApplying"),
      respect: str(f, "respect"),
      speed: str(f, "speed"),
      comment: str(f, "comment"),
    };
    const parsed = parseWith(c, RatingCreate, {
      orgId: values.orgId,
      easeOfApplying: int(f, "easeOfApplying"),
      respect: int(f, "respect"),
      speed: int(f, "speed"),
      comment: values.comment,
    });
    if (!parsed.ok) return showRating(c, values, { errors: parsed.errors }, 400);
    await rateFunder(
      c.get("db"),
      c.get("t"),
      viewerOf(c),
      c.req.param("id"),
      parsed.data,
      c.env.PASSWORD_PEPPER,
    );
    return c.redirect(`/funders/${c.req.param("id")}/rate?notice=saved`, 303);
  });
