// Renders a Preact page to a complete HTML response inside the page context.
import type { Context } from "hono";
import type { VNode } from "preact";
import { renderToString } from "preact-render-to-string";
import type { AppEnv } from "../env";
import { Page } from "../../web/context";

export const renderPage = (c: Context<AppEnv>, page: VNode, status = 200) => {
  const ctx = {
    locale: c.get("locale"),
    t: c.get("t"),
    viewer: c.get("viewer"),
    path: new URL(c.req.url).pathname,
    timeZone: c.get("timeZone") ?? "UTC",
  };
  const html = "<!doctype html>" + renderToString(<Page.Provider value={ctx}>{page}</Page.Provider>);
  return c.html(html, status as 200);
};
