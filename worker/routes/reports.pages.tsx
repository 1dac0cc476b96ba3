// The equity report as a page: the filter form is a GET form, so every view is a shareable URL.
import { Hono } from "hono";
import type { AppEnv } from "../env";
import { renderPage } from "../http/render";
import { parseWith } from "../http/forms";
import { reportK } from "../http/report-query";
import { ReportsPage } from "../../web/pages/Reports";
import { ReportQuery } from "../../schema/api/reports";
import { equityReport, reportFunderOptions } from "../actions/equity";
import { viewerOf } from "../http/guards";

export const reportsPages = new Hono<AppEnv>().get("/reports", async (c) => {
  const v = viewerOf(c);
  // Empty form fields mean "not filtered".
  const query = Object.fromEntries(
    Object.entries(c.req.query()).filter(([k, val]) => val !== "" && k !== "lang"),
  );
  const funders = await reportFunderOptions(c.get("db"), v);
  const parsed = parseWith(c, ReportQuery, query);
  const csvHref = `/api/v1/reports/equity.csv${Object.keys(query).length ? "?" + new URLSearchParams(query).toString() : ""}`;
  if (!parsed.ok)
    return renderPage(
      c,
      <ReportsPage report={null} query={query} errors={parsed.errors} funders={funders} csvHref={csvHref} />,
      400,
    );
  const { lang: _l, ...q } = parsed.data;
  const report = await equityReport(c.get("db"), c.get("t"), v, q, reportK(c.env));
  return renderPage(c, <ReportsPage report={report} query={query} funders={funders} csvHref={csvHref} />);
});
