// What the organisation page's feedback sections need for this viewer: for a funded group, the anonymous
// form (everyone but its owners) and the owners' way to what was sent; for a funder, its published
// ratings and whether one of the viewer's groups applied to it (and so may rate it).
import type { Db } from "../db/client";
import type { Org } from "../db/orgs";
import { isFunded } from "../db/feedback";
import { orgsThatMayRate, ratingsOfFunder } from "../actions/funder-ratings";
import { canReadFeedback, type Viewer } from "../domain/permissions";
import type { FeedbackPanel } from "../../web/components/Feedback";

/** `org` is one the viewer may see (its page is being shown); `k` as the equity report's (EQUITY_K). */
export const feedbackPanel = async (
  db: Db,
  viewer: Viewer | null,
  org: Org,
  k: number,
): Promise<FeedbackPanel> => {
  if (org.kind === "funder") {
    const [summary, mayRate] = await Promise.all([
      ratingsOfFunder(db, org.id, k),
      orgsThatMayRate(db, viewer, org.id),
    ]);
    return { community: null, ratings: { summary, canRate: mayRate.length > 0 } };
  }
  if (!(await isFunded(db, org.id))) return { community: null, ratings: null };
  const readsFeedback = canReadFeedback(viewer, org).ok;
  return { community: { canSend: !readsFeedback, readsFeedback }, ratings: null };
};
