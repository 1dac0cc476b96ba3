// The equity charts on /reports stay readable on a 360 px phone: bars are HTML, so their labels are text at
// the page's own size (no SVG text scaled down with its drawing), in English and in Arabic; the data table
// stays beside every chart; no inline style (the CSP forbids it); the page stays under 30 KB gzipped.
import { beforeAll, describe, expect, test } from "vitest";
import { Client, workerWith } from "../helpers/client";
import { funderWithCall } from "../helpers/calls";
import { insertOrg, decided } from "../helpers/equity";
import { en } from "../../worker/i18n/en";
import { ar } from "../../worker/i18n/ar";
import { css } from "../../web/styles/app.css";

const YEAR = "2062";
const url = (lang: string) => `/reports?from=${YEAR}-01-01&to=${YEAR}-12-31&groupBy=legalStatus&lang=${lang}`;
const k2 = () => new Client(workerWith({ EQUITY_K: "2" }));

const gzippedSize = async (html: string) => {
  const stream = new Blob([html]).stream().pipeThrough(new CompressionStream("gzip"));
  return (await new Response(stream).arrayBuffer()).byteLength;
};

/** The bars of the chart titled by `id`: label text, width class (percent) and value text per row. */
const bars = (html: string, id: string) => {
  const figure = new RegExp(
    `<figure class="chart hbars" aria-labelledby="${id}-title">([\\s\\S]*?)</figure>`,
  ).exec(html)?.[1];
  if (!figure) throw new Error(`no chart ${id}`);
  return [...figure.matchAll(/<li>([\s\S]*?)<\/li>/g)].map(([, li]) => ({
    label: /<span class="hbar-label"><bdi>([^<]*)<\/bdi><\/span>/.exec(li)?.[1],
    width: Number(/class="hbar-fill w-(\d+)"/.exec(li)?.[1]),
    value: /<span class="hbar-value">([^<]*)<\/span>/.exec(li)?.[1],
  }));
};

/**
 * Any SVG text left must be ≥ 12 px once its drawing is scaled to a 360 px screen: font-size × (360 /
 * viewBox width). The report's SVG (the Lorenz curve) has none; this keeps a future one honest.
 */
const svgTextTooSmall = (html: string) =>
  [...html.matchAll(/<svg([^>]*)>([\s\S]*?)<\/svg>/g)].flatMap(([, attrs, body]) => {
    const vbWidth = Number(/viewBox="[-\d.]+ [-\d.]+ ([\d.]+)/.exec(attrs)?.[1] ?? 360);
    return [...body.matchAll(/<text([^>]*)>/g)]
      .map(([, t]) => Number(/font-size="([\d.]+)"/.exec(t)?.[1] ?? 0) * Math.min(1, 360 / vbWidth))
      .filter((px) => px < 12);
  });

beforeAll(async () => {
  // Three unregistered groups get 100,000 each, three registered ones 200,000, 200,000 and 300,000 (in
  // Senegal, Kenya and the Netherlands): 30 % and 70 % of 1,000,000; 30 % to informal groups.
  const funder = await funderWithCall();
  const base = { funderOrgId: funder.org.id, userId: funder.userId, callId: funder.call.id };
  const date = `${YEAR}-05-05`;
  const orgs = [
    ...[1, 2, 3].map(() => ({ country: "SN", legalStatus: "unregistered", amount: 100_000 })),
    { country: "KE", legalStatus: "registered", amount: 200_000 },
    { country: "KE", legalStatus: "registered", amount: 200_000 },
    { country: "NL", legalStatus: "registered", amount: 300_000 },
  ];
  for (const o of orgs)
    await decided({
      ...base,
      orgId: await insertOrg({ country: o.country, legalStatus: o.legalStatus }),
      award: { amount: o.amount, date, fundingType: "project" },
    });
});

describe("charts readable at 360 px, in English and Arabic", () => {
  for (const [lang, m] of [
    ["en", en],
    ["ar", ar],
  ] as const) {
    test(`${lang}: labels are HTML text, bars match the table, the tables stay, under 30 KB`, async () => {
      const page = await k2().page(url(lang));
      expect(page.status).toBe(200);
      const html = page.html;
      expect(html).toContain(lang === "ar" ? 'dir="rtl"' : 'dir="ltr"');
      const groups = bars(html, "groups");
      expect(groups).toEqual([
        { label: m["legal.registered"], width: 70, value: expect.stringMatching(/70|٧٠/) },
        { label: m["legal.unregistered"], width: 30, value: expect.stringMatching(/30|٣٠/) },
      ]);
      const shares = bars(html, "shares");
      expect(shares.find((b) => b.label === m["report.metric.informalShare"])?.width).toBe(30);
      expect(svgTextTooSmall(html)).toEqual([]);
      expect(html).not.toMatch(/<text[\s>]/);
      // The data tables beside the charts carry the same figures.
      expect(html).toContain(`<caption>${m["report.measures"]}</caption>`);
      expect(html).toMatch(/<table>\s*<caption>[^<]*<\/caption>\s*<thead>/);
      expect((html.match(/<table>/g) ?? []).length).toBeGreaterThanOrEqual(3);
      expect(html).not.toMatch(/\sstyle="/);
      expect(await gzippedSize(html)).toBeLessThan(30 * 1024);
    });
  }

  test("the stylesheet sizes bars with logical widths (so Arabic bars grow from the right) and never shrinks their text", () => {
    expect(css).toContain(".w-0{inline-size:0%}");
    expect(css).toContain(".w-70{inline-size:70%}");
    expect(css).toContain(".w-100{inline-size:100%}");
    const rules = css.match(/\.hbar[^{]*\{[^}]*\}/g) ?? [];
    expect(rules.length).toBeGreaterThan(0);
    for (const r of rules) expect(r).not.toMatch(/font-size/);
  });
});
