// A community panelist's review in a real browser, on a phone-sized screen, in English and Arabic, against
// the demo data: the panel call closed and its review opened when the demo was seeded. The panelist finds
// the queue from "My account", reads an anonymised application (no group named anywhere on the page),
// scores it, hands another back with a declared conflict; the funder reads the tally and, in the second
// run, publishes it, after which anyone may read it — still without a group's name.
// Run: npm run test:e2e
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { freshApp } from "../../scripts/fresh-app.mjs";
import { openBrowser, screenshot, navigation } from "./lib.mjs";

const CALL = "demo-call-community-panel";
const APPLICANTS = ["demo-cso-minya", "demo-cso-thies", "demo-cso-gulu", "demo-cso-cauca", "demo-cso-bekaa"];
const PANELIST = { en: "panelist@sanad.example", ar: "coordinator@sanad.example" };
const COMMENT = { en: "Clear plan, and the group decides together.", ar: "خطة واضحة، والمجموعة تقرر معًا." };
const PHONE = { width: 360, height: 740 };
let app;
let base;
/** The applicant groups' names, as their public profiles give them. */
let names = [];

before(async () => {
  app = freshApp("sanad-e2e-panel-");
  base = await app.start();
  for (const id of APPLICANTS) {
    const res = await fetch(`${base}/api/v1/orgs/${id}`);
    if (res.ok) names.push((await res.json()).name);
  }
  assert.ok(names.length >= 3, "the applicant groups' names are known to the test");
});
after(() => app?.cleanup());

const { go, clickTo, logIn } = navigation(() => base);

const namesOn = async (page) => {
  const html = await page.content();
  return names.filter((n) => html.includes(n));
};
const myReviews = (page) =>
  page.evaluate(async () => (await (await fetch("/api/v1/me/reviews")).json()).items);

for (const lang of ["en", "ar"]) {
  test(`panel review (${lang}): a panelist scores an anonymised application and declares a conflict on another; the funder reads the tally`, async () => {
    const b = await openBrowser({ viewport: PHONE });
    const p = b.page;
    try {
      await logIn(b, lang, PANELIST[lang]);
      await go(b, "/me", lang, "panelist's account");
      await clickTo(b, p.locator('a[href="/reviews"]').first(), lang, "review queue");
      assert.deepEqual(await namesOn(p), [], "the queue names no applicant");
      const pending = (await myReviews(p)).filter((i) => i.status === "assigned");
      assert.ok(pending.length >= 2, `two applications to review (${pending.length})`);

      await clickTo(b, p.locator(`a[href="/reviews/${pending[0].id}"]`), lang, "anonymised application");
      assert.deepEqual(await namesOn(p), [], "the application page names no applicant");
      await p.check('input[name=score][value="4"]');
      await p.fill("#comment", COMMENT[lang]);
      await clickTo(b, p.locator(`form:has(input[name=score]) button[type=submit]`), lang, "score saved");
      assert.equal(new URL(p.url()).pathname, `/reviews/${pending[0].id}`);
      await screenshot(b, `${lang}-panel-review`);

      await go(b, `/reviews/${pending[1].id}`, lang, "second application");
      await clickTo(b, p.locator("form:has(input[name=conflict]) button[type=submit]"), lang, "conflict");
      assert.equal(new URL(p.url()).pathname, "/reviews");

      const after = await myReviews(p);
      const byId = new Map(after.map((i) => [i.id, i]));
      assert.equal(byId.get(pending[0].id).status, "done");
      assert.equal(byId.get(pending[0].id).score, 4);
      assert.equal(byId.get(pending[0].id).comment, COMMENT[lang]);
      assert.equal(byId.get(pending[1].id).status, "conflict");
    } finally {
      await b.close();
    }

    const f = await openBrowser();
    try {
      await logIn(f, lang, "funder@sanad.example");
      await go(f, `/calls/${CALL}`, lang, "panel call (funder)");
      await clickTo(f, f.page.locator(`a[href="/calls/${CALL}/tally"]`).first(), lang, "tally (funder)");
      assert.equal(
        await f.page.locator("tbody tr").count(),
        APPLICANTS.length,
        "every application is ranked",
      );
      if (lang === "ar")
        await clickTo(
          f,
          f.page.locator(`form[action="/calls/${CALL}/tally/publish"] button[type=submit]`),
          lang,
          "tally published",
        );
    } finally {
      await f.close();
    }

    if (lang !== "ar") return;
    const anyone = await openBrowser({ viewport: PHONE });
    try {
      await go(anyone, `/calls/${CALL}/tally?lang=${lang}`, lang, "published tally (anyone)");
      assert.equal(await anyone.page.locator("tbody tr").count(), APPLICANTS.length);
      assert.deepEqual(await namesOn(anyone.page), [], "the published tally names no applicant");
      await screenshot(anyone, `${lang}-published-tally`);
    } finally {
      await anyone.close();
    }
  });
}
