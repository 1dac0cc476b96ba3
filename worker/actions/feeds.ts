// The open-call feeds: the very list GET /api/v1/calls gives for the same filters (open calls, soonest
// deadline first, rolling calls last), each call then read whole for its summary and dates.
import type { Db } from "../db/client";
import type { CallFilter } from "../db/calls";
import { callsInOrder } from "../db/feeds";
import { browseCalls } from "./calls";
import { newestOf, type FeedEntry, type FeedMeta } from "../domain/feeds";
import { callFactLines } from "../i18n/call-facts";
import type { Translate } from "../i18n";
import type { Locale } from "../../schema/enums";

export type FeedUrls = { origin: string; self: string; home: string };

export const openCallsFeed = async (
  db: Db,
  t: Translate,
  locale: Locale,
  filter: CallFilter,
  urls: FeedUrls,
  now = new Date(),
): Promise<{ meta: FeedMeta; entries: FeedEntry[] }> => {
  const page = await browseCalls(db, filter);
  const calls = await callsInOrder(
    db,
    page.items.map((c) => c.id),
    now,
  );
  const entries = calls.map((c): FeedEntry => {
    const url = `${urls.origin}/calls/${encodeURIComponent(c.id)}`;
    return {
      id: url,
      url,
      title: c.title,
      text: [c.summary, "", ...callFactLines(c, t, locale)].join("\n"),
      author: c.funderName ?? t("call.undisclosed_funder"),
      published: c.publishedAt ?? c.createdAt,
      updated: c.updatedAt,
      tags: [...c.themes, c.fundingType],
    };
  });
  return {
    meta: {
      title: t("feed.title"),
      description: t("feed.description"),
      language: locale,
      selfUrl: urls.self,
      homeUrl: urls.home,
      // An empty feed has no newest entry: a fixed instant keeps its ETag stable between requests.
      updated: newestOf(entries, "2026-01-01T00:00:00.000Z"),
      generator: t("app.name"),
    },
    entries,
  };
};
