// JSON API: the equity report, its CSV, the 360Giving export, and the FX table an admin keeps current.
import { createRoute, z } from "@hono/zod-openapi";
import { createApi, json, jsonBody, pick, security } from "../http/openapi";
import { ReportQuery, EquityReport, ExportQuery, FxRate } from "../../schema/api/reports";
import { equityReport, authorizeFilters } from "../actions/equity";
import { setFxRate } from "../actions/reference";
import { reportK, reportCsv } from "../http/report-query";
import { exportAwards } from "../db/exports";
import { listFxRates } from "../db/fx";
import { toGrant } from "../domain/giving360";
import { visibleLevels } from "../domain/permissions";
import { countryName } from "../i18n";
import { Problem } from "../core/problem";
import { viewerOf } from "../http/guards";
import type { FundingType } from "../../schema/enums";

const tags = ["Reports"];

export const reportsApi = createApi()
  .openapi(
    createRoute({
      method: "get",
      path: "/reports/equity",
      tags,
      summary:
        "Equity measures for a period, funder, call and funding type, grouped by a dimension; cells under k organisations suppressed",
      request: { query: ReportQuery },
      responses: { 200: json(EquityReport, "The report"), ...pick(400, 401, 403) },
    }),
    async (c) => {
      const { lang: _l, ...q } = c.req.valid("query");
      return c.json(await equityReport(c.get("db"), c.get("t"), viewerOf(c), q, reportK(c.env)), 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/reports/equity.csv",
      tags,
      summary:
        "The same groups as CSV (RFC 4180, UTF-8, header row; as-of, basis, k and filters on every row)",
      request: { query: ReportQuery },
      responses: {
        200: { content: { "text/csv": { schema: z.string() } }, description: "CSV" },
        ...pick(400, 401, 403),
      },
    }),
    async (c) => {
      const { lang: _l, ...q } = c.req.valid("query");
      const report = await equityReport(c.get("db"), c.get("t"), viewerOf(c), q, reportK(c.env));
      return c.body(reportCsv(report), 200, {
        "Content-Type": "text/csv; charset=utf-8; header=present",
        "Content-Disposition": `attachment; filename="sanad-equity-${q.groupBy ?? "totals"}-${report.asOf.slice(0, 10)}.csv"`,
      });
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/exports/360giving.json",
      tags,
      summary:
        "Awards in the 360Giving Data Standard's shape, a page at a time (Link: rel=next); organisations you may not see are anonymised",
      request: { query: ExportQuery },
      responses: {
        200: json(z.object({ grants: z.array(z.record(z.string(), z.unknown())) }), "360Giving package"),
        ...pick(400, 401, 403),
      },
    }),
    async (c) => {
      const { limit, cursor, ...filters } = c.req.valid("query");
      await authorizeFilters(c.get("db"), c.get("t"), viewerOf(c), filters);
      let after: { date: string; id: string } | undefined;
      if (cursor) {
        const [date, id] = cursor.split("~");
        if (!/^\d{4}-\d{2}-\d{2}$/.test(date ?? "") || !id)
          throw new Problem(400, undefined, [{ path: "cursor", message: c.get("t")("err.invalid") }]);
        after = { date, id };
      }
      const rows = await exportAwards(c.get("db"), filters, limit, after);
      const page = rows.slice(0, limit);
      const t = c.get("t");
      const locale = c.get("locale");
      const opts = {
        prefix: c.env.GIVING360_PREFIX || "360G-sanad",
        visible: visibleLevels(viewerOf(c)),
        countryName: (code: string) => countryName(code, locale),
        anonymousName: t("report.anonymous_org"),
        fundingTypeTitle: (ft: FundingType) => t(`funding.${ft}`),
        themeTitle: (th: string) => t(`theme.${th}` as Parameters<typeof t>[0]),
      };
      if (rows.length > limit) {
        const last = page[page.length - 1];
        const next = new URL(c.req.url);
        next.searchParams.set("cursor", `${last.awardDate}~${last.id}`);
        c.header("Link", `<${next.pathname}${next.search}>; rel="next"`);
      }
      return c.json({ grants: page.map((a) => toGrant(a, opts)) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/fx-rates",
      tags,
      summary: "The dated FX table (US dollars per unit) reports convert with",
      responses: { 200: json(z.object({ items: z.array(FxRate) }), "Rates") },
    }),
    async (c) => c.json({ items: await listFxRates(c.get("db")) }, 200),
  )
  .openapi(
    createRoute({
      method: "put",
      path: "/fx-rates",
      tags,
      security,
      summary:
        "Add or correct a dated rate (admins); stored US-dollar values in that currency are re-converted",
      request: jsonBody(FxRate),
      responses: { 200: json(FxRate, "Saved"), ...pick(400, 401, 403) },
    }),
    async (c) => c.json(await setFxRate(c.get("db"), viewerOf(c), c.req.valid("json")), 200),
  );
