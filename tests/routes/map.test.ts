// The map against hand-computed counts. This file's D1 starts from the migrations (reference data, no
// organisations), so every cell below is made here: Mongolia (6 public CSOs), Bhutan (exactly k = 5) and
// Chad (3, under k), with hidden and funders-only groups beside them that must never be located.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, test } from "vitest";
import { Client } from "../helpers/client";
import { funderWithCall } from "../helpers/calls";
import { insertOrg, decided } from "../helpers/equity";
import { MAP_SQL } from "../../worker/db/map";
import { cssHref } from "../../web/styles/app.css";
import { COUNTRY_SHAPES } from "../../web/map/shapes";

const K = 5;
type Cell = { country: string; value: number | null; suppressed: boolean };
const anon = () => new Client();
const cellsOf = async (metric: string, client = anon()) => {
  const res = await client.get(`/api/v1/map?metric=${metric}`);
  expect(res.status).toBe(200);
  return Object.fromEntries((res.body.items as Cell[]).map((c) => [c.country, c])) as Record<string, Cell>;
};
const shown = (value: number) => ({ value, suppressed: false });
const few = { value: null, suppressed: true };
const gzippedSize = async (text: string) =>
  (await new Response(new Blob([text]).stream().pipeThrough(new CompressionStream("gzip"))).arrayBuffer())
    .byteLength;

let f: {
  funderOrgId: string;
  userId: string;
  calls: [string, string];
  confidentialCall: string;
  mn: string[];
  td: string[];
};

/** An award of `cents` (amount and US value alike) through `callId`. */
const award = (callId: string, orgId: string, cents: number, fundingType = "core") =>
  decided({
    callId,
    orgId,
    funderOrgId: f.funderOrgId,
    userId: f.userId,
    award: { amount: cents, date: "2026-03-01", fundingType: fundingType as "core" },
  });

beforeAll(async () => {
  const a = await funderWithCall();
  const b = await funderWithCall();
  const secret = await funderWithCall();
  await env.DB.prepare("UPDATE calls SET confidential = 1 WHERE id = ?").bind(secret.call.id).run();
  const orgs = (country: string, n: number, visibility = "public") =>
    Promise.all(Array.from({ length: n }, () => insertOrg({ country, visibility })));
  f = {
    funderOrgId: a.org.id,
    userId: a.userId,
    calls: [a.call.id, b.call.id],
    confidentialCall: secret.call.id,
    mn: await orgs("MN", 6),
    td: await orgs("TD", 3),
  };
  await orgs("BT", 5);
  // Beside them, never counted: hidden and funders-only groups, and a funder, in the same countries.
  const [hiddenMn] = await orgs("MN", 2, "hidden");
  const [fundersOnlyMn] = await orgs("MN", 1, "funders_only");
  await orgs("BT", 1, "hidden");
  await insertOrg({ country: "MN", kind: "funder" });
  const [c1, c2] = f.calls;
  // Mongolia: five cash awards to five groups (1,000 … 5,000 USD cents), a second one to the first group,
  // an in-kind award to the sixth: 7 awards to 6 groups, 15,600 cents from 5 groups.
  for (const [i, cents] of [1_000, 2_000, 3_000, 4_000, 5_000].entries()) await award(c1, f.mn[i]!, cents);
  await award(c2, f.mn[0]!, 600);
  await award(c1, f.mn[5]!, 0, "non_cash");
  // Never counted: a confidential call's award, awards to the hidden and the funders-only group.
  await award(f.confidentialCall, f.mn[1]!, 99_000);
  await award(c1, hiddenMn!, 77_000);
  await award(c1, fundersOnlyMn!, 55_000);
  // Chad: two groups awarded, under k.
  await award(c1, f.td[0]!, 8_000);
  await award(c1, f.td[1]!, 9_000);
});

describe("GET /api/v1/map", () => {
  test("organisations per country: public CSOs only, the cell under k suppressed", async () => {
    const res = await anon().get("/api/v1/map");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ metric: "orgs", k: K });
    expect(res.body.items).toEqual([
      { country: "BT", ...shown(5) },
      { country: "MN", ...shown(6) },
      { country: "TD", ...few },
    ]);
  });
  test("awards per country: in-kind awards count, confidential ones and hidden groups' do not", async () => {
    const cells = await cellsOf("awards");
    expect(cells.MN).toMatchObject(shown(7));
    // Two groups awarded in Chad (of three there): under k, whatever the count of organisations.
    expect(cells.TD).toMatchObject(few);
    expect(cells.BT).toBeUndefined();
  });
  test("amount per country: US cents of cash awards only", async () => {
    const cells = await cellsOf("amount");
    expect(cells.MN).toMatchObject(shown(1_000 + 2_000 + 3_000 + 4_000 + 5_000 + 600));
    expect(cells.TD).toMatchObject(few);
  });
  test("a hidden or funders-only group is never located, not even as a suppressed cell", async () => {
    const before = await Promise.all(["orgs", "awards", "amount"].map((m) => cellsOf(m)));
    // Laos has no public group: a hidden and a funders-only one, both awarded, create no cell at all.
    const hidden = await insertOrg({ country: "LA", visibility: "hidden" });
    const fundersOnly = await insertOrg({ country: "LA", visibility: "funders_only" });
    await award(f.calls[0], hidden, 40_000);
    await award(f.calls[0], fundersOnly, 30_000);
    // And one more of each in Mongolia: its figures do not move.
    const hiddenMn = await insertOrg({ country: "MN", visibility: "hidden" });
    await award(f.calls[0], hiddenMn, 10_000);
    await insertOrg({ country: "MN", visibility: "funders_only" });
    const after = await Promise.all(["orgs", "awards", "amount"].map((m) => cellsOf(m)));
    expect(after).toEqual(before);
    for (const cells of after) expect(cells.LA).toBeUndefined();
    // The page does not draw or list it either.
    expect(await (await anon().fetch("/map?lang=en")).text()).not.toContain("map-LA");
  });
  test("a group that turns hidden leaves its country's count at once", async () => {
    await env.DB.prepare("UPDATE orgs SET visibility = 'hidden' WHERE id = ?").bind(f.mn[5]).run();
    try {
      expect((await cellsOf("orgs")).MN).toMatchObject(shown(5));
      expect((await cellsOf("awards")).MN).toMatchObject(shown(6));
    } finally {
      await env.DB.prepare("UPDATE orgs SET visibility = 'public' WHERE id = ?").bind(f.mn[5]).run();
    }
  });
  test("the same answer for every caller: the map is public and shows public groups only", async () => {
    const owner = await funderWithCall();
    expect(await cellsOf("orgs", owner)).toEqual(await cellsOf("orgs"));
  });
  test("an unknown metric is a 400 problem naming `metric`", async () => {
    for (const bad of ["", "ORGS", "orgs;DROP TABLE orgs", "amount%00", "x".repeat(5000)]) {
      const res = await anon().get(`/api/v1/map?metric=${encodeURIComponent(bad)}`);
      expect(res.status).toBe(400);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain("metric");
    }
  });
  test("each metric is one grouped query on the indexes (no table scan of orgs or awards)", async () => {
    for (const [metric, text] of Object.entries(MAP_SQL)) {
      const plan = (await env.DB.prepare(`EXPLAIN QUERY PLAN ${text}`).all<{ detail: string }>()).results.map(
        (r) => r.detail,
      );
      expect(plan.join("\n"), metric).toContain("USING INDEX orgs_kind_country_idx");
      expect(
        plan.some((d) => /^SCAN (o|a|orgs|awards)\b/.test(d)),
        `${metric}: ${plan.join(" | ")}`,
      ).toBe(false);
      if (metric !== "orgs") expect(plan.join("\n")).toContain("COVERING INDEX awards_equity_idx");
    }
  });
});

/** Every country link of the map: code → accessible name. */
const svgLabels = (html: string) =>
  Object.fromEntries(
    [...html.matchAll(/<a href="#map-([A-Z]{2})" aria-label="([^"]+)"/g)].map((m) => [m[1], m[2]]),
  );
/** Every row of the table: code → [country name, figure as shown]. */
const tableRows = (html: string) =>
  Object.fromEntries(
    [...html.matchAll(/<tr id="map-([A-Z]{2})"><th scope="row">([^<]+)<\/th><td>(.*?)<\/td><\/tr>/g)].map(
      (m) => [m[1], [m[2], m[3]!.replace(/<[^>]+>/g, "")]],
    ),
  );

describe("the /map page", () => {
  test("English: the SVG names each country with data, the table lists the same figures", async () => {
    const res = await anon().fetch("/map?lang=en");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(
      /<svg class="map" viewBox="0 0 960 470"[^>]* role="group" aria-labelledby="map-title map-desc"/,
    );
    expect(html).toContain('<title id="map-title">');
    expect(html).toContain('<desc id="map-desc">');
    const labels = svgLabels(html);
    expect(labels).toEqual({
      BT: "Bhutan: 5 organisations",
      MN: "Mongolia: 6 organisations",
      TD: "Chad: fewer than 5 organisations — not shown",
    });
    const rows = tableRows(html);
    expect(Object.keys(rows).sort()).toEqual(Object.keys(labels).sort());
    // Each row's name and figure are what the map says of that country.
    for (const [code, [name, figure]] of Object.entries(rows))
      expect(labels[code]).toBe(
        figure === "fewer than 5"
          ? `${name}: fewer than 5 organisations — not shown`
          : `${name}: ${figure} organisations`,
      );
    expect(rows.TD).toEqual(["Chad", "fewer than 5"]);
    expect(html).toContain('aria-current="page">Organisations</a>');
    expect(html).toContain('<a href="/map">Map</a>');
  });
  test("amounts: the map's names and the table show the same money", async () => {
    const html = await (await anon().fetch("/map?metric=amount&lang=en")).text();
    expect(svgLabels(html).MN).toBe("Mongolia: USD\u00a0156 awarded");
    expect(tableRows(html).MN).toEqual(["Mongolia", "USD\u00a0156"]);
  });
  test("Arabic: the page is right-to-left, names and figures in Arabic; the map is not mirrored", async () => {
    const res = await anon().fetch("/map?lang=ar");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(svgLabels(html).MN).toContain("منغوليا");
    expect(tableRows(html).MN?.[0]).toBe("منغوليا");
    // Geography keeps its orientation: no transform on the drawing.
    expect(html).not.toMatch(/<svg class="map"[^>]*transform/);
  });
  test("the whole page (HTML with the inline map, plus its stylesheet) is under 30 KB gzipped", async () => {
    for (const lang of ["en", "ar"]) {
      const html = await (await anon().fetch(`/map?metric=amount&lang=${lang}`)).text();
      const css = await (await anon().fetch(cssHref)).text();
      const page = await gzippedSize(html);
      const total = page + (await gzippedSize(css));
      console.log(`/map (${lang}): HTML ${html.length} B, ${page} B gzipped; with the stylesheet ${total} B`);
      expect(total).toBeLessThan(30 * 1024);
    }
  });
  test("an unknown metric: 400 with the error, the page still drawn", async () => {
    const res = await anon().fetch("/map?metric=%3Cscript%3E&lang=en");
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('role="alert"');
    expect(html).not.toContain("<script>");
    expect(html).toContain('<svg class="map"');
  });

  // Last: it fills every country, so the counts above no longer hold.
  test("worst case, every country on the map with a figure: still under 30 KB gzipped, every one named", async () => {
    const codes = Object.keys(COUNTRY_SHAPES).filter((c) => !["MN", "BT", "TD"].includes(c));
    const now = new Date().toISOString();
    const insert = env.DB.prepare(
      "INSERT INTO orgs (id, kind, name, country, languages, visibility, created_at, updated_at) VALUES (?, 'cso', ?, ?, '[]', 'public', ?, ?)",
    );
    // k to k + 40 groups per country, so the figures spread over every colour class.
    await env.DB.batch(
      codes.flatMap((code, i) =>
        Array.from({ length: K + (i % 41) }, (_, j) =>
          insert.bind(`wc-${code}-${j}`, `Group ${j}`, code, now, now),
        ),
      ),
    );
    for (const lang of ["en", "ar"]) {
      const html = await (await anon().fetch(`/map?lang=${lang}`)).text();
      const css = await (await anon().fetch(cssHref)).text();
      const labels = svgLabels(html);
      expect(Object.keys(labels).length).toBe(Object.keys(COUNTRY_SHAPES).length);
      expect(Object.keys(tableRows(html)).sort()).toEqual(Object.keys(labels).sort());
      const page = await gzippedSize(html);
      const total = page + (await gzippedSize(css));
      console.log(
        `/map, every country (${lang}): HTML ${html.length} B, ${page} B gzipped; with the stylesheet ${total} B`,
      );
      expect(total).toBeLessThan(30 * 1024);
    }
  });
});
