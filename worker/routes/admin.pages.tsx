// HTML administration: verification queue, country classification corrections, the audit log.
import { Hono, type Context } from "hono";
import type { AppEnv } from "../env";
import { renderPage } from "../http/render";
import { readForm, str, parseWith } from "../http/forms";
import { AdminPage } from "../../web/pages/Admin";
import { requireViewer } from "../http/guards";
import { enforce } from "../core/authorize";
import { canAdminister } from "../domain/permissions";
import { countriesFor, correctCountry, setFxRate } from "../actions/reference";
import { listUnverified } from "../db/orgs";
import { recentAudit } from "../db/audit";
import { openManualPledges } from "../db/pledges";
import { CountryPatch } from "../../schema/api/reference";
import { FxRate } from "../../schema/api/reports";
import { Problem } from "../core/problem";

const show = async (
  c: Context<AppEnv>,
  code: string | undefined,
  extra: { notice?: string; errors?: Record<string, string> } = {},
  status = 200,
) => {
  enforce(canAdminister(requireViewer(c)));
  const db = c.get("db");
  // Funders first: until verified they can neither publish calls nor reach groups (the queue the workflow needs).
  const [funders, unverified, countries, audit, transfers] = await Promise.all([
    listUnverified(db, 50, "funder"),
    listUnverified(db, 50, "cso"),
    countriesFor(db, c.get("locale")),
    recentAudit(db, 50),
    openManualPledges(db),
  ]);
  const selected = countries.find((x) => x.code === code?.toUpperCase());
  return renderPage(
    c,
    <AdminPage
      funders={funders}
      unverified={unverified}
      countries={countries}
      selected={selected}
      audit={audit}
      transfers={transfers}
      {...extra}
    />,
    status,
  );
};

export const adminPages = new Hono<AppEnv>()
  .get("/admin", (c) =>
    show(
      c,
      c.req.query("country"),
      c.req.query("notice") === "verified" ? { notice: c.get("t")("admin.verified") } : {},
    ),
  )
  .post("/admin/countries/:code", async (c) => {
    const v = requireViewer(c);
    enforce(canAdminister(v));
    const code = c.req.param("code").toUpperCase();
    const form = await readForm(c);
    const parsed = parseWith(c, CountryPatch, {
      civicSpace: str(form, "civicSpace"),
      civicSpaceAsOf: str(form, "civicSpaceAsOf"),
      incomeGroup: str(form, "incomeGroup"),
      odaGroup: str(form, "odaGroup"),
      globalSouth: str(form, "globalSouth") === "true",
    });
    if (!parsed.ok) return show(c, code, { errors: parsed.errors }, 400);
    if (!(await correctCountry(c.get("db"), v.userId, code, parsed.data))) throw new Problem(404);
    return show(c, code, { notice: c.get("t")("me.saved") });
  })
  .post("/admin/fx-rates", async (c) => {
    const v = requireViewer(c);
    enforce(canAdminister(v));
    const form = await readForm(c);
    const rate = Number(str(form, "usdPerUnit").replace(",", "."));
    const parsed = parseWith(c, FxRate, {
      currency: str(form, "currency").toUpperCase(),
      asOf: str(form, "asOf"),
      usdPerUnit: Number.isFinite(rate) && str(form, "usdPerUnit") ? rate : str(form, "usdPerUnit"),
      source: str(form, "source"),
    });
    if (!parsed.ok) return show(c, undefined, { errors: parsed.errors }, 400);
    await setFxRate(c.get("db"), v, parsed.data);
    return show(c, undefined, { notice: c.get("t")("admin.fx_saved", { currency: parsed.data.currency }) });
  });
