// HTML pages for participatory review: the reviewer's queue, one anonymised application with the score
// form (post, then redirect), and the funder's panel invitation form on its call page.
import { Hono, type Context } from "hono";
import type { AppEnv } from "../env";
import { renderPage } from "../http/render";
import { readForm, str, int, parseWith, problemErrors } from "../http/forms";
import { requireViewer, viewerOf } from "../http/guards";
import { mailerFor } from "../http/mail";
import { PanelInvite, ReviewScore } from "../../schema/api/reviews";
import {
  invitePanelist,
  myReviews,
  panelCall,
  reviewProgressFor,
  submitReview,
  viewReview,
} from "../actions/reviews";
import { ReviewQueuePage } from "../../web/pages/reviews/Queue";
import { ReviewPage, type ReviewFormValues } from "../../web/pages/reviews/Review";
import { CallPage } from "../../web/pages/calls/View";
import type { MessageKey } from "../i18n";

/** Notices a redirect may ask for by name (never free text from the query string). */
const NOTICES: Record<string, MessageKey> = {
  saved: "review.saved",
  conflict: "review.conflict_saved",
  joined: "review.joined",
};
const noticeOf = (c: Context<AppEnv>) => {
  const key = NOTICES[c.req.query("notice") ?? ""];
  return key ? c.get("t")(key) : undefined;
};

const showReview = async (
  c: Context<AppEnv>,
  values?: ReviewFormValues,
  extra: { errors?: Record<string, string>; notice?: string } = {},
  status = 200,
) => {
  const item = await viewReview(c.get("db"), viewerOf(c), c.req.param("assignmentId")!);
  const shown = values ?? { score: item.score ? String(item.score) : "", comment: item.comment ?? "" };
  return renderPage(c, <ReviewPage item={item} values={shown} {...extra} />, status);
};

/** The funder's call page again, with the panel form's outcome. */
const showCallWith = async (
  c: Context<AppEnv>,
  extra: { errors?: Record<string, string>; notice?: string },
  status: number,
) => {
  const db = c.get("db");
  const call = await panelCall(db, c.get("t"), viewerOf(c), c.req.param("id")!);
  return renderPage(
    c,
    <CallPage
      call={call}
      canManage
      myCsos={[]}
      reviewProgress={await reviewProgressFor(db, viewerOf(c), call)}
      {...extra}
    />,
    status,
  );
};

export const reviewsPages = new Hono<AppEnv>()
  .get("/reviews", async (c) => {
    const items = await myReviews(c.get("db"), requireViewer(c));
    return renderPage(c, <ReviewQueuePage items={items} notice={noticeOf(c)} />);
  })
  .get("/reviews/:assignmentId", async (c) => {
    requireViewer(c);
    return showReview(c, undefined, { notice: noticeOf(c) });
  })
  .post("/reviews/:assignmentId", async (c) => {
    const v = requireViewer(c);
    const id = c.req.param("assignmentId");
    const f = await readForm(c);
    if (str(f, "conflict")) {
      await submitReview(c.get("db"), c.get("t"), v, id, { conflict: true });
      return c.redirect("/reviews?notice=conflict", 303);
    }
    const values = { score: str(f, "score"), comment: str(f, "comment") };
    const parsed = parseWith(c, ReviewScore, {
      score: int(f, "score"),
      comment: values.comment || undefined,
    });
    if (!parsed.ok) return showReview(c, values, { errors: parsed.errors }, 400);
    try {
      await submitReview(c.get("db"), c.get("t"), v, id, parsed.data);
    } catch (e) {
      return showReview(c, values, { errors: problemErrors(e) }, 409);
    }
    return c.redirect(`/reviews/${id}?notice=saved`, 303);
  })
  .post("/calls/:id/panelists", async (c) => {
    const v = requireViewer(c);
    const parsed = parseWith(c, PanelInvite, { email: str(await readForm(c), "email") });
    if (!parsed.ok) return showCallWith(c, { errors: parsed.errors }, 400);
    try {
      await invitePanelist(c.get("db"), c.get("t"), v, c.req.param("id"), parsed.data.email, mailerFor(c));
    } catch (e) {
      return showCallWith(c, { errors: problemErrors(e) }, 422);
    }
    return showCallWith(c, { notice: c.get("t")("review.invited") }, 200);
  });
