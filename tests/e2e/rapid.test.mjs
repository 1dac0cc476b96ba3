// A rapid request in a real browser, in English and Arabic, against the demo data: the group opens the
// rapid call, starts a request, types, and leaves quickly (the page leaves the history, Back does not bring
// the text back, Esc twice works too); it submits and reads the promised date; the funder sees the waiting
// requests on its account page and the overdue one first, flagged. The neutral site is answered locally.
// Run: npm run test:e2e
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { freshApp } from "../../scripts/fresh-app.mjs";
import { openBrowser, checkPage, navigation } from "./lib.mjs";

const DEMO = "sanad-demo-2026";
const CALL = "demo-call-rapid-protection";
const NEUTRAL = "https://www.bbc.com/weather";
let app;
let base;

before(async () => {
  app = freshApp("sanad-e2e-rapid-");
  base = await app.start();
});
after(() => app?.cleanup());

/** A browser whose "neutral site" is a local stand-in (no network in tests). */
const browser = async () => {
  // Going Back to a no-store page refetches it over a socket the local server may have dropped while the
  // browser sat on the neutral site; under load Chromium logs the reset before retrying on a new socket.
  // The page still has to load and pass every check: only that transport message is let through.
  const b = await openBrowser({ allowConsole: [/net::ERR_CONNECTION_RESET/] });
  await b.context.route("https://www.bbc.com/**", (r) =>
    r.fulfill({ status: 200, contentType: "text/html", body: "<!doctype html><title>Weather</title>" }),
  );
  return b;
};

const { go, clickTo, logIn } = navigation(() => base, DEMO);

/** "Leave quickly" is the first thing in the page's main content. */
const leaveLinkFirst = async (page) => {
  const first = await page.evaluate(() => document.querySelector("main")?.firstElementChild?.innerHTML ?? "");
  assert.match(first, /id="leave-quickly"/);
  assert.equal(await page.getAttribute("#leave-quickly", "href"), NEUTRAL);
};

const PEOPLE = {
  en: { email: "cso@sanad.example", need: "Our coordinator was followed home twice this week." },
  ar: { email: "omar@demo.sanad.example", need: "تلقّت عضواتنا تهديدات هاتفية هذا الأسبوع." },
};
const PROMISED = { en: "A decision is promised by", ar: "وُعدتم بقرار بحلول" };
const LATE = { en: "is now overdue", ar: "وقد تأخّر" };
const OVERDUE = { en: "Overdue by", ar: "متأخر بمقدار" };

for (const lang of ["en", "ar"]) {
  test(`rapid request (${lang}): leave quickly, come back, submit, see the promised date; the funder sees it waiting`, async () => {
    const b = await browser();
    const p = b.page;
    try {
      await logIn(b, lang, PEOPLE[lang].email);
      await go(b, `/calls/${CALL}`, lang, "rapid call");
      await leaveLinkFirst(p);
      await clickTo(b, p.locator(`a[href="/calls/${CALL}/apply"]`).first(), lang, "rapid apply");
      await leaveLinkFirst(p);
      await clickTo(
        b,
        p.locator(`form[action="/calls/${CALL}/apply"] button[type=submit]`).last(),
        lang,
        "rapid draft",
      );
      const draftPath = new URL(p.url()).pathname;
      await leaveLinkFirst(p);
      assert.equal(await p.getAttribute("form[data-autosave]", "autocomplete"), "off");
      await p.fill("#answer_need", PEOPLE[lang].need);
      const entries = await p.evaluate(() => history.length);

      // Leave: the form is emptied, the page replaced (same number of history entries), Back lands on
      // the page before it, which does not show what was typed.
      await Promise.all([p.waitForURL(NEUTRAL), p.click("#leave-quickly")]);
      assert.equal(await p.evaluate(() => history.length), entries, "replaced, not added");
      await p.goBack();
      await checkPage(b, lang, "back after leaving");
      assert.equal(new URL(p.url()).pathname, `/calls/${CALL}/apply`);
      assert.ok(!(await p.content()).includes(PEOPLE[lang].need), "Back does not show the request");

      // Come back deliberately, submit, read the promise.
      await go(b, draftPath, lang, "rapid draft again");
      await p.fill("#answer_need", PEOPLE[lang].need);
      await p.fill("#answer_safe", "Signal");
      await p.fill("#amount", "1000");
      await clickTo(b, p.locator("button[name=action][value=submit]"), lang, "rapid submitted");
      await leaveLinkFirst(p);
      assert.ok((await p.textContent("main")).includes(PROMISED[lang]), "the promised date is shown");

      // Esc twice leaves as well.
      await p.keyboard.press("Escape");
      await Promise.all([p.waitForURL(NEUTRAL), p.keyboard.press("Escape")]);

      if (lang === "ar") {
        // The Bekaa group's request was sent nine days ago on a seven-day promise: late, said without blame.
        await go(b, "/applications/demo-app-rapid-bekaa", lang, "late request");
        assert.ok((await p.textContent("main")).includes(LATE[lang]));
      }
    } finally {
      await b.close();
    }

    const f = await browser();
    try {
      await logIn(f, lang, "funder@sanad.example");
      await go(f, "/me", lang, "funder's account");
      const waiting = await f.page.textContent("#rapid-waiting + ul");
      assert.ok(waiting.includes(OVERDUE[lang]), "the overdue call is flagged");
      await clickTo(f, f.page.locator(`a[href="/calls/${CALL}/applications"]`), lang, "rapid requests");
      const rows = await f.page.locator("tbody tr").allTextContents();
      assert.ok(rows.length >= 2, "the requests are listed");
      assert.ok(rows[0].includes(OVERDUE[lang]), "the overdue request comes first, flagged");
      assert.ok(!rows.at(-1).includes(OVERDUE[lang]));
    } finally {
      await f.close();
    }
  });
}
