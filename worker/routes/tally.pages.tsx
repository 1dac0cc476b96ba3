// HTML pages: the review tally of a panel or peer call, and the funder's "Publish the tally" form.
import { Hono } from "hono";
import type { AppEnv } from "../env";
import { renderPage } from "../http/render";
import { requireViewer, viewerOf } from "../http/guards";
import { Problem } from "../core/problem";
import { viewTally, publishTally } from "../actions/review-tally";
import { TallyPage } from "../../web/pages/tally/Tally";

export const tallyPages = new Hono<AppEnv>()
  .get("/calls/:id/tally", async (c) => {
    const { call, tally, canPublish } = await viewTally(
      c.get("db"),
      c.get("t"),
      viewerOf(c),
      c.req.param("id"),
    );
    return renderPage(c, <TallyPage call={call} tally={tally} canPublish={canPublish} />);
  })
  .post("/calls/:id/tally/publish", async (c) => {
    const v = requireViewer(c);
    const id = c.req.param("id");
    try {
      await publishTally(c.get("db"), c.get("t"), v, id);
    } catch (e) {
      // A second click (or a colleague who published first) lands on the published tally all the same.
      if (!(e instanceof Problem && e.status === 409 && e.extra?.publishedAt)) throw e;
    }
    return c.redirect(`/calls/${id}/tally`, 303);
  });
