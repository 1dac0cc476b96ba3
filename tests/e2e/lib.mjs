// Browser-test plumbing: Debian's chromium through playwright-core (never a downloaded browser), one fresh
// profile per journey, a byte counter that records what the browser received, axe-core on every page,
// the language checks, screenshots, and keyboard-only helpers.
import { chromium } from "playwright-core";
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import assert from "node:assert/strict";
import { root } from "../../scripts/local-env.mjs";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export const OUT = path.join(root, "test-results", "e2e");
export const SHOTS = path.join(OUT, "screenshots");
mkdirSync(SHOTS, { recursive: true });

export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Budgets from the issue: any HTML page with its CSS, and the whole of journey 1. */
export const PAGE_BUDGET = 30 * 1024;
export const JOURNEY_BUDGET = 250 * 1024;

/** Every page weight measured, for the summary at the end. */
export const weights = [];

/**
 * A browser with a fresh profile. `javaScript: false` for the no-JS journey. Every response's encoded
 * (compressed, as received) size is recorded; `bytes()` is what this browser has transferred so far.
 */
export const openBrowser = async ({
  javaScript = true,
  viewport = { width: 1024, height: 800 },
  allowConsole = [],
} = {}) => {
  const profile = mkdtempSync(path.join(tmpdir(), "sanad-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    javaScriptEnabled: javaScript,
    viewport,
    locale: "en-GB",
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const problems = watchConsole(page, allowConsole);
  // Bytes as the browser received them (compressed, headers included): Chrome's own network accounting.
  const sizes = new Map();
  let transferred = 0;
  const cdp = await context.newCDPSession(page);
  const urls = new Map();
  cdp.on("Network.responseReceived", (e) => urls.set(e.requestId, e.response.url));
  cdp.on("Network.loadingFinished", (e) => {
    const url = urls.get(e.requestId);
    transferred += e.encodedDataLength;
    // A later cache hit reports 0; keep what the first transfer cost.
    if (url) sizes.set(url, Math.max(sizes.get(url) ?? 0, e.encodedDataLength));
  });
  await cdp.send("Network.enable");
  return {
    context,
    page,
    javaScript,
    bytes: () => transferred,
    sizeOf: (url) => sizes.get(url),
    /** Console errors, uncaught exceptions and CSP violations since the last call. */
    takeProblems: () => problems.splice(0),
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
      // A page a journey reached without checkPage (a reload, a redirect) is held to the same rule.
      assert.deepEqual(problems, [], "console errors or CSP violations");
    },
  };
};

/**
 * Every console error the browser logs, every uncaught exception and every Content-Security-Policy
 * violation (Chromium reports those as console errors: "Refused to apply inline style…") is a failure.
 * A page answered with a 4xx on purpose (a form re-rendered with its errors) is logged by Chromium as
 * "Failed to load resource … status of 4xx" for the document itself; that one line is the expected
 * outcome, not a fault, so only it is let through. A journey that provokes others (going offline)
 * names them in `allowConsole`.
 */
const DOCUMENT_4XX = /^Failed to load resource: the server responded with a status of 4\d\d/;
const watchConsole = (page, allowConsole) => {
  const problems = [];
  page.on("console", (m) => {
    if (m.type() !== "error") return;
    const text = m.text();
    const documentStatus = DOCUMENT_4XX.test(text) && m.location().url === page.url();
    if (documentStatus || allowConsole.some((r) => r.test(text))) return;
    problems.push(`${page.url()}: ${text}`);
  });
  page.on("pageerror", (e) => problems.push(`${page.url()}: uncaught ${e.message}`));
  return problems;
};

/**
 * Checks made on every page a journey visits: no console error or CSP violation, the language and direction, no serious or critical axe
 * violation (with JavaScript), and the page's weight (its HTML and stylesheet, compressed).
 */
export const checkPage = async (b, lang, label) => {
  const { page } = b;
  await page.waitForLoadState("load");
  assert.deepEqual(b.takeProblems(), [], `${label}: console errors or CSP violations`);
  const html = page.locator("html");
  assert.equal(await html.getAttribute("lang"), lang, `${label}: lang`);
  assert.equal(await html.getAttribute("dir"), lang === "ar" ? "rtl" : "ltr", `${label}: dir`);
  if (b.javaScript) {
    // Evaluated through the DevTools protocol, which the page's CSP does not govern (no inline script is allowed).
    await page.evaluate(axeSource);
    const result = await page.evaluate(() => globalThis.axe.run(document, { resultTypes: ["violations"] }));
    const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    assert.deepEqual(
      bad.map(
        (v) =>
          `${v.id}: ${v.help} (${v.nodes
            .map((n) => n.target.join(" "))
            .slice(0, 3)
            .join("; ")})`,
      ),
      [],
      `${label}: accessibility`,
    );
  }
  // The network log knows the document without its fragment (a link to "/chapters/EG#queue").
  const url = page.url().split("#")[0];
  const css = await page.evaluate(() =>
    [...document.querySelectorAll('link[rel="stylesheet"]')].map((l) => l.href),
  );
  const doc = b.sizeOf(url);
  if (doc !== undefined) {
    for (const href of css) if (b.sizeOf(href)) cssSizes.set(href, b.sizeOf(href));
    // The stylesheet counts with every page, even when the browser already has it cached.
    const total = doc + css.reduce((s, href) => s + (cssSizes.get(href) ?? 0), 0);
    weights.push({ page: `${label} (${lang})`, path: new URL(url).pathname, bytes: total });
    assert.ok(total <= PAGE_BUDGET, `${label}: ${total} bytes with its CSS (budget ${PAGE_BUDGET})`);
  }
};
const cssSizes = new Map();

export const screenshot = async (b, name) => {
  await b.page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
};

/** Keyboard only: Tab (forwards) until the focused element matches `selector`. */
export const tabTo = async (page, selector, max = 200) => {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`keyboard: could not reach ${selector} with Tab`);
};

export const writeSummary = (extra = {}) => {
  const lines = [
    "| page | path | bytes (HTML + CSS, compressed) |",
    "| --- | --- | ---: |",
    ...weights.map((w) => `| ${w.page} | ${w.path} | ${w.bytes} |`),
  ];
  writeFileSync(path.join(OUT, "weights.md"), lines.join("\n") + "\n");
  writeFileSync(path.join(OUT, "weights.json"), JSON.stringify({ pages: weights, ...extra }, null, 2));
  return lines.join("\n");
};

let n = 0;
export const uniqueEmail = (prefix) => `${prefix}-${Date.now().toString(36)}-${++n}@example.org`;

/** Navigation against one running app: go to a path, click and wait for the page, log in; each page checked. */
export const navigation = (base, password = "sanad-demo-2026") => {
  const go = async (b, path, lang, label) => {
    await b.page.goto(base() + path);
    await checkPage(b, lang, label);
  };
  /** Clicks and waits for the navigation the click causes, then checks the new page. */
  const clickTo = async (b, locator, lang, label) => {
    await Promise.all([b.page.waitForNavigation(), locator.click()]);
    await checkPage(b, lang, label);
  };
  const logIn = async (b, lang, email, pass = password) => {
    await go(b, `/login?lang=${lang}`, lang, "log in");
    await b.page.fill("#email", email);
    await b.page.fill("#password", pass);
    await clickTo(b, b.page.locator('form[action^="/login"] button[type=submit]'), lang, "after log in");
  };
  return { go, clickTo, logIn };
};
