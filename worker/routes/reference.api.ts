// JSON API: the theme taxonomy, countries with their classifications, admin corrections, health.
import { createRoute, z } from "@hono/zod-openapi";
import { createApi, json, jsonBody, pick, security } from "../http/openapi";
import { ThemeItem, Country, CountryPatch } from "../../schema/api/reference";
import { countriesFor, correctCountry, themeItems, toCountry } from "../actions/reference";
import { requireViewer } from "../http/guards";
import { enforce } from "../core/authorize";
import { canAdminister } from "../domain/permissions";
import { Problem } from "../core/problem";
import { countCountries } from "../db/reference";

const CodeParam = z.object({
  code: z
    .string()
    .regex(/^[A-Za-z]{2}$/)
    .openapi({ param: { name: "code", in: "path" } }),
});

export const referenceApi = createApi()
  .openapi(
    createRoute({
      method: "get",
      path: "/health",
      tags: ["Meta"],
      summary: "Liveness with a real database query",
      responses: { 200: json(z.object({ ok: z.boolean(), db: z.string() }), "Healthy") },
    }),
    async (c) => {
      const n = await countCountries(c.get("db"));
      return c.json({ ok: true, db: n > 0 ? "ok" : "empty" }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/themes",
      tags: ["Reference data"],
      summary: "The theme taxonomy, in the caller's language",
      responses: { 200: json(z.object({ items: z.array(ThemeItem) }), "Themes") },
    }),
    (c) => c.json({ items: themeItems(c.get("t")) }, 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/countries",
      tags: ["Reference data"],
      summary: "Countries with UN region, income group, Global South flag and civic space",
      responses: { 200: json(z.object({ items: z.array(Country) }), "Countries") },
    }),
    async (c) => c.json({ items: await countriesFor(c.get("db"), c.get("locale")) }, 200),
  )
  .openapi(
    createRoute({
      method: "patch",
      path: "/countries/{code}",
      tags: ["Reference data"],
      summary: "Correct a country's classifications (admins)",
      security,
      request: { params: CodeParam, ...jsonBody(CountryPatch) },
      responses: { 200: json(Country, "Updated"), ...pick(400, 401, 403, 404) },
    }),
    async (c) => {
      const v = requireViewer(c);
      enforce(canAdminister(v));
      const row = await correctCountry(
        c.get("db"),
        v.userId,
        c.req.valid("param").code.toUpperCase(),
        c.req.valid("json"),
      );
      if (!row) throw new Problem(404);
      return c.json(toCountry(row, c.get("locale")), 200);
    },
  );
