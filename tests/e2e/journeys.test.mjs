// The journeys Sanad's users take, in a real browser (Debian chromium), against the app started as
// `npm start` starts it on a fresh local D1. Each journey runs in English and in Arabic.
// Run: npm run test:e2e
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { freshApp } from "../../scripts/fresh-app.mjs";
import {
  openBrowser,
  checkPage,
  screenshot,
  tabTo,
  writeSummary,
  uniqueEmail,
  JOURNEY_BUDGET,
  navigation,
} from "./lib.mjs";

const PASSWORD = "e2e-password-Kx81";
const DEMO = "sanad-demo-2026";
const LANGS = ["en", "ar"];
let app;
let base;
const journeyBytes = {};

before(async () => {
  app = freshApp("sanad-e2e-");
  base = await app.start();
});
after(async () => {
  console.log("\n" + writeSummary({ journeys: journeyBytes }));
  console.log(`\njourney bytes: ${JSON.stringify(journeyBytes)}`);
  app?.cleanup();
});

const { go, clickTo, logIn } = navigation(() => base, DEMO);

const signUp = async (b, lang, name) => {
  await go(b, `/signup?lang=${lang}`, lang, "sign up");
  const email = uniqueEmail(`${lang}-member`);
  await b.page.fill("#name", name);
  await b.page.fill("#email", email);
  await b.page.fill("#password", PASSWORD);
  await clickTo(b, b.page.locator('form[action="/signup"] button[type=submit]'), lang, "check your e-mail");
  // As a person would: open the mail (the development mail viewer), follow its link, confirm.
  await go(b, `/dev/mail?to=${encodeURIComponent(email)}`, lang, "mail viewer");
  await clickTo(b, b.page.locator('a[href*="/verify?token="]').first(), lang, "confirm e-mail");
  await clickTo(b, b.page.locator('form[action="/verify"] button[type=submit]'), lang, "after sign up");
  assert.equal(new URL(b.page.url()).pathname, "/me", "the mailed link signs the person in");
  return email;
};

/**
 * An unregistered, women-led, rural group, in Senegal unless told otherwise: eligible for the demo "rural
 * women" call. `listed`: ticks "List us on our country chapter's page".
 */
const createOrg = async (b, lang, name, { country = "SN", languages = "fr, wo", listed = false } = {}) => {
  await go(b, "/orgs/new", lang, "new organisation");
  const p = b.page;
  await p.fill("#name", name);
  await p.selectOption("#country", country);
  await p.selectOption("#setting", "rural");
  await p.selectOption("#legalStatus", "unregistered");
  await p.fill("#budgetAmount", "20000");
  await p.check("input[name=ledBy][value=women]");
  await p.check("input[name=themes][value=womens_rights]");
  await p.check("input[name=themes][value=livelihoods]");
  await p.fill("#languages", languages);
  if (listed) await p.check("input[name=listedInChapter][value=true]");
  await clickTo(b, p.locator('form[action="/orgs/new"] button[type=submit]'), lang, "organisation page");
  return new URL(p.url()).pathname.split("/")[2];
};

const ANSWERS = {
  en: [
    "Girls in our villages finish school and women run their own savings groups.",
    "Rent for our meeting room, transport for volunteers and a small stipend for our coordinator.",
    "All members meet monthly and decide together by consensus.",
  ],
  ar: [
    "أن تكمل الفتيات في قرانا تعليمهن وأن تدير النساء مجموعات الادخار بأنفسهن.",
    "إيجار قاعة الاجتماعات ومواصلات المتطوعات ومكافأة صغيرة للمنسقة.",
    "تجتمع العضوات شهريًا ويتخذن القرار معًا بالتوافق.",
  ],
};

/** Journey 1 up to the saved draft: matches with reasons → the call → start → answer → save. */
const startAndSaveDraft = async (b, lang, orgId) => {
  const p = b.page;
  await go(b, `/orgs/${orgId}/matches`, lang, "matches");
  assert.ok(
    await p.locator('a[href="/calls/demo-call-rural-women"]').count(),
    "the eligible call is matched",
  );
  assert.ok((await p.locator("main li").count()) > 3, "matches come with their reasons");
  await clickTo(b, p.locator('a[href="/calls/demo-call-rural-women"]').first(), lang, "call page");
  await clickTo(b, p.locator('a[href="/calls/demo-call-rural-women/apply"]').first(), lang, "apply");
  await clickTo(
    b,
    p.locator('form[action="/calls/demo-call-rural-women/apply"] button[type=submit]'),
    lang,
    "application form",
  );
  const appPath = new URL(p.url()).pathname;
  await p.fill("#answer_q1", ANSWERS[lang][0]);
  await p.fill("#answer_q2", ANSWERS[lang][1]);
  await p.fill("#answer_q3", ANSWERS[lang][2]);
  await p.fill("#amount", "15000");
  await clickTo(b, p.locator("button[name=action][value=save]"), lang, "draft saved");
  return appPath;
};

/** Leave, come back from the organisation's list, find the text, submit. */
const comeBackAndSubmit = async (b, lang, orgId, appPath) => {
  const p = b.page;
  await go(b, "/calls", lang, "calls");
  await go(b, `/orgs/${orgId}/applications`, lang, "our applications");
  await clickTo(b, p.locator(`a[href="${appPath}"]`).first(), lang, "application again");
  assert.equal(await p.inputValue("#answer_q1"), ANSWERS[lang][0]);
  await clickTo(b, p.locator("button[name=action][value=submit]"), lang, "submitted");
  assert.equal(await p.locator("#answer_q1").count(), 0, "a submitted application is no longer a form");
};

/** The owner leaves Sanad: the export link is there, a wrong name is refused, the right one deletes. */
const deleteOrg = async (b, lang, orgId, name) => {
  const p = b.page;
  await go(b, `/orgs/${orgId}`, lang, "organisation page (owner)");
  assert.ok(await p.locator(`a[href="/api/v1/orgs/${orgId}/export"]`).count(), "the export is offered");
  await clickTo(b, p.locator(`a[href="/orgs/${orgId}/delete"]`), lang, "delete organisation");
  await p.fill("#confirmName", "something else");
  await clickTo(
    b,
    p.locator(`form[action="/orgs/${orgId}/delete"] button[type=submit]`),
    lang,
    "delete refused",
  );
  assert.equal(await p.getAttribute("#confirmName", "aria-invalid"), "true");
  await p.fill("#confirmName", name);
  await clickTo(
    b,
    p.locator(`form[action="/orgs/${orgId}/delete"] button[type=submit]`),
    lang,
    "after deletion",
  );
  assert.equal(new URL(p.url()).pathname, "/me");
  const gone = await p.goto(`${base}/orgs/${orgId}`);
  assert.equal(gone.status(), 404);
};

for (const lang of LANGS) {
  test(`journey 1 (${lang}): a new CSO member signs up, creates a group, sees matches, drafts, leaves, comes back, submits`, async () => {
    const b = await openBrowser();
    try {
      await signUp(b, lang, lang === "ar" ? "مريم" : "Mariama");
      const orgId = await createOrg(b, lang, lang === "ar" ? "نساء كولدا الريفيات" : "Kolda Rural Women");
      const appPath = await startAndSaveDraft(b, lang, orgId);
      await comeBackAndSubmit(b, lang, orgId, appPath);
      journeyBytes[`journey 1 (${lang})`] = b.bytes();
      assert.ok(
        b.bytes() <= JOURNEY_BUDGET,
        `journey 1 transferred ${b.bytes()} bytes (budget ${JOURNEY_BUDGET})`,
      );
    } finally {
      await b.close();
    }
  });

  test(`journey 2 (${lang}): the same journey with JavaScript disabled, then the group deletes itself`, async () => {
    const b = await openBrowser({ javaScript: false });
    try {
      await signUp(b, lang, "NoScript");
      const name = lang === "ar" ? "مجموعة بلا جافاسكربت" : "No-script group";
      const orgId = await createOrg(b, lang, name);
      const appPath = await startAndSaveDraft(b, lang, orgId);
      await comeBackAndSubmit(b, lang, orgId, appPath);
      await deleteOrg(b, lang, orgId, name);
    } finally {
      await b.close();
    }
  });

  test(`journey 3 (${lang}): offline while answering, the draft survives a reload and is saved when the network returns`, async () => {
    const b = await openBrowser();
    try {
      const p = b.page;
      await signUp(b, lang, "Offline");
      const orgId = await createOrg(b, lang, lang === "ar" ? "مجموعة بلا شبكة" : "Offline group");
      await go(b, `/calls/demo-call-rural-women/apply`, lang, "apply");
      await clickTo(
        b,
        p.locator('form[action="/calls/demo-call-rural-women/apply"] button[type=submit]'),
        lang,
        "application form",
      );
      const appPath = new URL(p.url()).pathname;
      await b.context.setOffline(true);
      const text = ANSWERS[lang][0] + " (offline)";
      await p.locator("#answer_q1").pressSequentially(text, { delay: 2 });
      await p.waitForTimeout(300);
      // Reloading needs the network for the page itself; the typed text comes back from the device.
      await b.context.setOffline(false);
      await p.reload();
      await checkPage(b, lang, "after reload");
      assert.equal(await p.inputValue("#answer_q1"), text, "the offline text is restored after the reload");
      // The island saves it now that the network is back (autosave every few seconds, or on "online").
      const appId = appPath.split("/")[2];
      let saved = "";
      for (let i = 0; i < 40 && saved !== text; i++) {
        await p.waitForTimeout(250);
        saved = await p.evaluate(
          async (id) => (await (await fetch(`/api/v1/applications/${id}`)).json()).answers?.q1 ?? "",
          appId,
        );
      }
      assert.equal(saved, text, "the restored text reached the server");
      assert.ok(orgId);
      // On a shared phone, signing out leaves no draft answers on the device.
      await b.context.setOffline(true);
      await p.locator("#answer_q2").pressSequentially("private words", { delay: 2 });
      const drafts = () =>
        p.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("sanad-draft-")).length);
      assert.ok((await drafts()) > 0, "the offline copy was kept while typing");
      // Sign out. waitForURL, not waitForNavigation: the browser may abandon the first load of the 303's
      // target while it applies Clear-Site-Data, then load it again (seen once in CI as ERR_ABORTED).
      await b.context.setOffline(false);
      await p.locator('form[action="/logout"] button[type=submit]').click();
      await p.waitForURL(`${base}/`, { waitUntil: "commit" });
      // Seen under load: the abandoned first load never fires "load"; the signed-out page is loaded again.
      await p.waitForLoadState("load", { timeout: 10_000 }).catch(() => p.goto(`${base}/`));
      await checkPage(b, lang, "signed out");
      assert.equal(await drafts(), 0, "no draft left on the device after signing out");
    } finally {
      await b.close();
    }
  });
}

/** A JSON client for setting up what a journey needs from other people (a CSO's submitted application). */
const apiClient = async (email) => {
  // A cookie jar by name, as a browser keeps one: a response that sets one cookie (the D1 bookmark)
  // leaves the others (the session) in place; an emptied cookie is removed.
  const jar = new Map();
  const call = async (method, path, body) => {
    // POSTs always carry a JSON body: a cookie-authenticated POST without one looks like a cross-site form.
    const payload = body ?? (method === "GET" ? undefined : {});
    const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
    const res = await fetch(base + path, {
      method,
      headers: { Cookie: cookie, ...(payload ? { "Content-Type": "application/json" } : {}) },
      body: payload ? JSON.stringify(payload) : undefined,
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const [name, value] = [pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1)];
      if (value) jar.set(name, value);
      else jar.delete(name);
    }
    const json = await res.json().catch(() => ({}));
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  await call("POST", "/api/v1/auth/signup", { email, password: PASSWORD, name: "Applicant" });
  const mail = (await call("GET", `/api/v1/dev/mail?to=${encodeURIComponent(email)}`)).items[0];
  await call("POST", "/api/v1/auth/verify", { token: /\/verify\?token=([\w-]+)/.exec(mail.text)[1] });
  return call;
};

const inDays = (days) => {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.toISOString().slice(0, 10)}T12:00`;
};

for (const lang of LANGS) {
  test(`journey 4 (${lang}): a funder creates and publishes a call, reviews and awards an application`, async () => {
    const b = await openBrowser();
    try {
      const p = b.page;
      await logIn(b, lang, "funder@sanad.example");
      await go(b, "/calls/new", lang, "new call");
      await p.fill(
        "#title",
        lang === "ar" ? "دعم أساسي للمجموعات الشبابية" : "Core support for youth groups",
      );
      await p.fill(
        "#summary",
        lang === "ar"
          ? "تمويل مرن لمدة سنة للمجموعات الصغيرة."
          : "One year of flexible funding for small groups.",
      );
      await p.fill("#languages", "en, ar");
      await p.fill("#grantMin", "1000");
      await p.fill("#grantMax", "5000");
      await p.selectOption("#fundingType", "core");
      await p.fill("#deadline", inDays(30));
      await p.fill("#q1_label", lang === "ar" ? "ماذا ستفعلون؟" : "What will you do?");
      await clickTo(b, p.locator('form[action="/calls/new"] button[type=submit]'), lang, "draft call");
      const callId = new URL(p.url()).pathname.split("/")[2];
      await clickTo(b, p.locator(`form[action="/calls/${callId}/publish"] button`), lang, "published call");

      // Someone applies (through the API, as another person would from their own browser).
      const cso = await apiClient(uniqueEmail(`${lang}-applicant`));
      const org = await cso("POST", "/api/v1/orgs", {
        kind: "cso",
        name: "Tamale Youth Voices",
        country: "GH",
        setting: "rural",
        legalStatus: "movement",
        annualBudget: { amount: 900000, currency: "USD" },
        ledBy: ["youth"],
        themes: ["youth"],
        languages: ["en"],
      });
      const draft = await cso("POST", `/api/v1/calls/${callId}/applications`, { orgId: org.id });
      const questions = (await cso("GET", `/api/v1/calls/${callId}`)).questions;
      await cso("PATCH", `/api/v1/applications/${draft.id}`, {
        version: draft.version,
        answers: { [questions[0].id]: "Youth-led radio shows on local governance." },
        requestedAmount: { amount: 300000, currency: "USD" },
      });
      await cso("POST", `/api/v1/applications/${draft.id}/submit`);

      await go(b, `/calls/${callId}/applications`, lang, "review list");
      await clickTo(
        b,
        p.locator(`a[href="/applications/${draft.id}"]`).first(),
        lang,
        "application to review",
      );
      await p.check('input[name=score][value="4"]');
      await p.fill("#comment", lang === "ar" ? "مقترح واضح." : "Clear and grounded.");
      await clickTo(
        b,
        p.locator(`form[action="/applications/${draft.id}/reviews"] button[type=submit]`),
        lang,
        "reviewed",
      );
      await p.fill(
        `form[action="/applications/${draft.id}/decision"]:has(input[value=award]) input[name=amount]`,
        "3000",
      );
      await clickTo(
        b,
        p.locator(
          `form[action="/applications/${draft.id}/decision"]:has(input[value=award]) button[type=submit]`,
        ),
        lang,
        "awarded",
      );
      const status = await p.evaluate(
        async (id) => (await (await fetch(`/api/v1/applications/${id}`)).json()).status,
        draft.id,
      );
      assert.equal(status, "awarded");
    } finally {
      await b.close();
    }
  });

  test(`journey 5 (${lang}): a funder pledges by bank transfer, an admin confirms a payment, the ledger shows it`, async () => {
    const funder = await openBrowser();
    const admin = await openBrowser();
    try {
      const p = funder.page;
      await logIn(funder, lang, "funder@sanad.example");
      await go(funder, "/orgs/demo-cso-thies", lang, "organisation");
      await clickTo(funder, p.locator('a[href="/orgs/demo-cso-thies/pledge"]').first(), lang, "pledge form");
      await p.fill("#amount", "250");
      await p.selectOption("#currency", "USD");
      await p.check("input[name=interval][value=month]");
      await p.fill("#installments", "12");
      await clickTo(
        funder,
        p.locator('form[action="/orgs/demo-cso-thies/pledge"] button[type=submit]'),
        lang,
        "pledge with bank instructions",
      );
      const pledgePath = new URL(p.url()).pathname;
      const reference = (await p.locator("dd strong bdi").first().textContent()).trim();
      assert.match(reference, /^SND-[A-Z2-9]{8}$/);

      const a = admin.page;
      await logIn(admin, lang, "admin@sanad.example");
      await go(admin, "/admin", lang, "admin");
      await clickTo(admin, a.locator(`a[href="${pledgePath}"]`).first(), lang, "pledge (admin)");
      await a.fill("#amount", "250");
      await a.fill("#receivedAt", new Date().toISOString().slice(0, 10));
      await a.fill("#reference", `BANK-${lang}-${Date.now()}`);
      await clickTo(
        admin,
        a.locator(`form[action="${pledgePath}/payments"] button[type=submit]`),
        lang,
        "payment recorded",
      );

      await go(funder, "/orgs/demo-cso-thies/ledger", lang, "ledger");
      const pledgeId = pledgePath.split("/")[2];
      const ledger = await p.evaluate(async () => (await fetch("/api/v1/orgs/demo-cso-thies/ledger")).json());
      assert.ok(
        ledger.entries.some(
          (e) =>
            e.pledgeId === pledgeId &&
            e.kind === "payment" &&
            e.amount.amount === 25000 &&
            e.amount.currency === "USD",
        ),
      );
      assert.ok(ledger.totals.some((t) => t.currency === "USD" && t.paid >= 25000));
    } finally {
      await funder.close();
      await admin.close();
    }
  });

  test(`journey 6 (${lang}): an analyst opens the equity report and downloads the CSV`, async () => {
    const b = await openBrowser();
    try {
      const p = b.page;
      await logIn(b, lang, "analyst@sanad.example");
      await go(b, "/reports", lang, "equity report");
      await p.selectOption("#groupBy", "legalStatus");
      await clickTo(
        b,
        p.locator('form[action="/reports"] button[type=submit]'),
        lang,
        "equity report by legal status",
      );
      assert.ok(await p.locator("figure.chart.hbars").count(), "bar charts");
      assert.ok(await p.locator("svg.chart.lorenz").count(), "Lorenz curve");
      const [download] = await Promise.all([
        p.waitForEvent("download"),
        p.locator('a[href^="/api/v1/reports/equity.csv"]').click(),
      ]);
      const file = await download.path();
      const { readFileSync } = await import("node:fs");
      const csv = readFileSync(file, "utf8");
      assert.match(csv, /^group_by,key,label,awards,/);
      assert.match(csv, /\r\nlegalStatus,registered,/);
      assert.match(download.suggestedFilename(), /^sanad-equity-legalStatus-\d{4}-\d{2}-\d{2}\.csv$/);
    } finally {
      await b.close();
    }
  });
}

const logOut = async (b, lang) =>
  clickTo(b, b.page.locator('form[action="/logout"] button[type=submit]'), lang, "signed out");

/** The trust section of an organisation's page: its level (the first number in its heading line) and evidence. */
const trustOnPage = async (p) => {
  const section = p.locator("section[aria-labelledby=trust-title]");
  return {
    level: Number(/\d/.exec(await section.locator("p strong").first().textContent())[0]),
    evidence: await section.locator("ul.reasons > li").count(),
    counting: await section.locator("ul.reasons > li.met").count(),
    names: await section.locator("ul.reasons a").evaluateAll((as) => as.map((a) => a.getAttribute("href"))),
  };
};

const TRUST_TEXT = {
  en: {
    group: "Assiut Rural Women Network",
    statement: "We have run literacy circles with this group in Assiut since 2024; we know its members.",
    note: "Called two members and the village's community centre; they confirmed the group's work.",
  },
  ar: {
    group: "شبكة نساء أسيوط الريفيات",
    statement: "ننظّم مع هذه المجموعة حلقات محو الأمية في أسيوط منذ 2024 ونعرف عضواتها.",
    note: "اتصلنا بعضوتين وبمركز القرية المجتمعي وأكّدوا عمل المجموعة.",
  },
};

for (const lang of LANGS) {
  test(`journey 7 (${lang}): a new group in Egypt asks its chapter to confirm it, two trusted organisations vouch, the coordinator confirms it from the queue, and it applies to a call for trusted groups`, async () => {
    const group = await openBrowser();
    const peers = await openBrowser();
    const text = TRUST_TEXT[lang];
    try {
      const p = group.page;
      await signUp(group, lang, lang === "ar" ? "سلمى" : "Salma");
      const orgId = await createOrg(group, lang, text.group, {
        country: "EG",
        languages: "ar",
        listed: true,
      });
      assert.equal(
        (await trustOnPage(p)).level,
        1,
        "a new group whose owner verified the address is level 1",
      );
      await clickTo(
        group,
        p.locator(`form[action="/orgs/${orgId}/confirmation-request"] button[type=submit]`),
        lang,
        "asked the chapter",
      );
      await p.selectOption("#toOrgId", "demo-cso-minya");
      await clickTo(
        group,
        p.locator(`form[action="/orgs/${orgId}/vouch-requests"] button[type=submit]`),
        lang,
        "asked for a vouch",
      );

      // The Minya group's owner finds the request on "My account" and vouches from the group's page.
      const q = peers.page;
      await logIn(peers, lang, "cso@sanad.example");
      await clickTo(peers, q.locator(`a[href="/orgs/${orgId}#vouch"]`).first(), lang, "group page (voucher)");
      assert.deepEqual(await q.locator("#voucherOrgId option").evaluateAll((os) => os.map((o) => o.value)), [
        "demo-cso-minya",
      ]);
      await q.selectOption("#relationship", "worked_together");
      await q.fill("#statement", text.statement);
      await clickTo(
        peers,
        q.locator(`form[action="/orgs/${orgId}/vouches"] button[type=submit]`),
        lang,
        "vouched",
      );
      assert.ok(
        await q.locator('form[action^="/vouches/"][action$="/revoke"]').count(),
        "the voucher may take its vouch back",
      );
      await logOut(peers, lang);

      // The Tunisian group's owner (same sub-region, Northern Africa) vouches too: level 2.
      await logIn(peers, lang, "omar@demo.sanad.example");
      await go(peers, `/orgs/${orgId}`, lang, "group page (second voucher)");
      assert.deepEqual(
        await q.locator("#voucherOrgId option").evaluateAll((os) => os.map((o) => o.value)),
        ["demo-cso-tunis"],
        "only its trusted group may vouch (the hidden one is level 1)",
      );
      await q.selectOption("#relationship", "same_network");
      await q.fill("#statement", text.statement);
      await clickTo(
        peers,
        q.locator(`form[action="/orgs/${orgId}/vouches"] button[type=submit]`),
        lang,
        "vouched (second)",
      );
      assert.equal((await trustOnPage(q)).level, 2, "two vouches from trusted organisations nearby");
      await logOut(peers, lang);

      // The Egypt chapter's coordinator confirms it from the queue.
      await logIn(peers, lang, "coordinator@sanad.example");
      await clickTo(peers, q.locator('a[href="/chapters/EG#queue"]').first(), lang, "chapter with its queue");
      await q.selectOption(`#method-${orgId}`, "call");
      await q.fill(`#note-${orgId}`, text.note);
      await clickTo(
        peers,
        q.locator(`form[action="/chapters/EG/confirm/${orgId}"] button[type=submit]`),
        lang,
        "confirmed from the queue",
      );
      assert.equal(
        await q.locator(`form[action="/chapters/EG/confirm/${orgId}"]`).count(),
        0,
        "no longer in the queue",
      );
      assert.ok(
        await q.locator(`a[href="/orgs/${orgId}"]`).count(),
        "listed on the chapter's page, as the group asked",
      );
      await go(peers, "/chapters", lang, "chapters");
      assert.ok(await q.locator('a[href="/chapters/EG"]').count());
      await logOut(peers, lang);

      // The group's page: level 3 with its evidence in words.
      await go(group, `/orgs/${orgId}`, lang, "group page at level 3");
      const trust = await trustOnPage(p);
      assert.equal(trust.level, 3);
      assert.equal(
        trust.evidence,
        4,
        "the chapter's confirmation, two vouches, every member's address verified",
      );
      assert.equal(trust.counting, 2, "both vouches count");
      assert.deepEqual(trust.names.sort(), ["/orgs/demo-cso-minya", "/orgs/demo-cso-tunis"]);

      // It applies to the call for trusted groups (level 2 or above, open to Egypt).
      await go(group, "/calls/demo-call-trusted-groups", lang, "call for trusted groups");
      await clickTo(
        group,
        p.locator('a[href="/calls/demo-call-trusted-groups/apply"]').first(),
        lang,
        "apply (trusted groups)",
      );
      await clickTo(
        group,
        p.locator('form[action="/calls/demo-call-trusted-groups/apply"] button[type=submit]'),
        lang,
        "application form (trusted groups)",
      );
      const appId = new URL(p.url()).pathname.split("/")[2];
      for (const [i, field] of (
        await p.locator("textarea[name^=answer_]").evaluateAll((ts) => ts.map((t) => t.id))
      ).entries())
        await p.fill(`#${field}`, ANSWERS[lang][i % ANSWERS[lang].length]);
      await p.fill("#amount", "5000");
      await clickTo(
        group,
        p.locator("button[name=action][value=submit]"),
        lang,
        "submitted (trusted groups)",
      );
      const status = await p.evaluate(
        async (id) => (await (await fetch(`/api/v1/applications/${id}`)).json()).status,
        appId,
      );
      assert.equal(status, "submitted");
      journeyBytes[`journey 7 (${lang}), the group's browser`] = group.bytes();
      journeyBytes[`journey 7 (${lang}), the peers' browser`] = peers.bytes();
    } finally {
      await group.close();
      await peers.close();
    }
  });
}

for (const lang of LANGS) {
  test(`journey 8 (${lang}): the demo funder records money sent for its award, the demo group confirms what arrived`, async () => {
    const funder = await openBrowser();
    const cso = await openBrowser();
    const award = "/awards/demo-award-minya";
    const reference = `QFT${lang.toUpperCase()}${Date.now().toString(36).toUpperCase()}`;
    try {
      const p = funder.page;
      await logIn(funder, lang, "funder@sanad.example");
      await go(funder, award, lang, "award (funder)");
      await p.fill("#amount", "100");
      await p.fill("#sentOn", new Date().toISOString().slice(0, 10));
      await p.selectOption("#rail", "mobile_money");
      await p.fill("#via", "M-Pesa");
      await p.fill("#reference", reference);
      await clickTo(
        funder,
        p.locator(`form[action="${award}/disbursements"] button[type=submit]`),
        lang,
        "disbursement recorded",
      );
      assert.equal(new URL(p.url()).pathname, award);
      assert.ok(await p.locator(`#disbursements bdi:text-is("${reference}")`).count(), "the reference shows");
      const sent = await p.evaluate(
        async (ref) =>
          (await (await fetch("/api/v1/awards/demo-award-minya")).json()).disbursements.find(
            (d) => d.reference === ref,
          ),
        reference,
      );
      assert.equal(sent.amount.amount, 10000);
      assert.equal(sent.receipt, null);

      const c = cso.page;
      await logIn(cso, lang, "cso@sanad.example");
      await go(cso, award, lang, "award (group)");
      const form = `form[action="/disbursements/${sent.id}/receipt"]`;
      await c.locator(`li:has(${form}) summary`).click();
      await c.fill(`[id="${sent.id}-amount"]`, "98.5");
      await c.selectOption(`[id="${sent.id}-currency"]`, "USD");
      await c.fill(`[id="${sent.id}-receivedOn"]`, new Date().toISOString().slice(0, 10));
      await c.fill(
        `[id="${sent.id}-note"]`,
        lang === "ar" ? "خصم الوكيل رسومًا صغيرة." : "The agent took a small fee.",
      );
      await clickTo(cso, c.locator(`${form} button[type=submit]`), lang, "receipt confirmed");
      assert.equal(await c.locator(form).count(), 0, "a confirmed disbursement has no form any more");
      const confirmed = await c.evaluate(
        async (id) =>
          (await (await fetch("/api/v1/awards/demo-award-minya")).json()).disbursements.find(
            (d) => d.id === id,
          ),
        sent.id,
      );
      assert.equal(confirmed.receipt.amount.amount, 9850);
      assert.equal(confirmed.receipt.lossUsd, 150);
      await screenshot(cso, `${lang}-award`);
      journeyBytes[`journey 8 (${lang}), the funder's browser`] = funder.bytes();
      journeyBytes[`journey 8 (${lang}), the group's browser`] = cso.bytes();
    } finally {
      await funder.close();
      await cso.close();
    }
  });
}

test("journey 1 with the keyboard only (en): sign up, create the group, apply, save, submit", async () => {
  const b = await openBrowser();
  const p = b.page;
  const k = p.keyboard;
  const typeInto = async (selector, text) => {
    await tabTo(p, selector);
    await k.type(text);
  };
  const pressOn = async (selector, key = "Enter") => {
    await tabTo(p, selector);
    await Promise.all([p.waitForNavigation(), k.press(key)]);
  };
  try {
    await go(b, "/signup?lang=en", "en", "sign up (keyboard)");
    const email = uniqueEmail("keyboard");
    await typeInto("#name", "Keyboard User");
    await typeInto("#email", email);
    await typeInto("#password", PASSWORD);
    await pressOn('form[action="/signup"] button[type=submit]');
    await checkPage(b, "en", "check your e-mail (keyboard)");
    await go(b, `/dev/mail?to=${encodeURIComponent(email)}`, "en", "mail viewer (keyboard)");
    await pressOn('a[href*="/verify?token="]');
    await pressOn('form[action="/verify"] button[type=submit]');
    await checkPage(b, "en", "after sign up (keyboard)");
    await pressOn('a[href="/orgs/new"]');
    await checkPage(b, "en", "new organisation (keyboard)");
    await typeInto("#name", "Keyboard Collective");
    await typeInto("#country", "Senegal");
    await typeInto("#setting", "Rural");
    await typeInto("#legalStatus", "Unregistered");
    await typeInto("#budgetAmount", "20000");
    for (const sel of ["input[name=ledBy][value=women]", "input[name=themes][value=womens_rights]"]) {
      await tabTo(p, sel);
      await k.press("Space");
    }
    await typeInto("#languages", "fr");
    await pressOn('form[action="/orgs/new"] button[type=submit]');
    await checkPage(b, "en", "organisation page (keyboard)");
    const orgId = new URL(p.url()).pathname.split("/")[2];
    assert.equal(
      await p.evaluate(async (id) => (await (await fetch(`/api/v1/orgs/${id}`)).json()).country, orgId),
      "SN",
    );
    await pressOn(`a[href="/orgs/${orgId}/matches"]`);
    await checkPage(b, "en", "matches (keyboard)");
    await pressOn('a[href="/calls/demo-call-rural-women"]');
    await pressOn('a[href="/calls/demo-call-rural-women/apply"]');
    await pressOn('form[action="/calls/demo-call-rural-women/apply"] button[type=submit]');
    await checkPage(b, "en", "application form (keyboard)");
    await typeInto("#answer_q1", ANSWERS.en[0]);
    await typeInto("#answer_q2", ANSWERS.en[1]);
    await typeInto("#answer_q3", ANSWERS.en[2]);
    await typeInto("#amount", "15000");
    await pressOn("button[name=action][value=save]");
    await pressOn("button[name=action][value=submit]");
    await checkPage(b, "en", "submitted (keyboard)");
    assert.equal(await p.locator("#answer_q1").count(), 0);
  } finally {
    await b.close();
  }
});

/**
 * Every piece of text in the report's charts is at least 12 px as drawn on this screen (SVG text scaled by
 * its drawing's transform), and the bars' labels are there to read (issue 23).
 */
const chartTextReadable = async (b, lang) => {
  const { labels, small } = await b.page.evaluate(() => {
    const small = [];
    for (const chart of document.querySelectorAll(".chart"))
      for (const el of chart.querySelectorAll("*")) {
        if (el.tagName.toLowerCase() === "title") continue; // an SVG's accessible name, never drawn
        if (![...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())) continue;
        let px = Number.parseFloat(getComputedStyle(el).fontSize);
        const m = el instanceof SVGGraphicsElement ? el.getScreenCTM() : null;
        if (m) px *= Math.hypot(m.a, m.b);
        if (px < 12) small.push(`${el.tagName} "${el.textContent.trim().slice(0, 30)}" ${px.toFixed(1)}px`);
      }
    return { labels: document.querySelectorAll(".chart .hbar-label").length, small };
  });
  assert.ok(labels > 0, `reports (${lang}): no chart labels to check`);
  assert.deepEqual(small, [], `reports (${lang}): chart text under 12 px at 360 px`);
};

test("screenshots of the main pages at 360×740, in Arabic and English", async () => {
  const b = await openBrowser({ viewport: { width: 360, height: 740 } });
  try {
    const pages = [
      ["home", "/"],
      ["calls", "/calls"],
      ["call", "/calls/demo-call-rural-women"],
      ["signup", "/signup"],
      ["ledger", "/orgs/demo-cso-thies/ledger"],
      ["reports", "/reports?groupBy=legalStatus"],
      ["org", "/orgs/demo-cso-thies"],
      // The budget currency list (anonymous: the eligibility check asks the same profile questions).
      ["check", "/check"],
    ];
    for (const lang of LANGS) {
      for (const [name, path] of pages) {
        await go(b, `${path}${path.includes("?") ? "&" : "?"}lang=${lang}`, lang, `${name} (360 px)`);
        // Nothing may overflow sideways on a small phone.
        const overflow = await b.page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        assert.ok(overflow <= 1, `${name} (${lang}) is ${overflow}px wider than the screen`);
        if (name === "reports") await chartTextReadable(b, lang);
        await screenshot(b, `${lang}-${name}`);
      }
    }
  } finally {
    await b.close();
  }
});

test("screenshots of a form with the currency list at 360×740 (the pledge form), in Arabic and English", async () => {
  const b = await openBrowser({ viewport: { width: 360, height: 740 } });
  try {
    for (const lang of LANGS) {
      await logIn(b, lang, "funder@sanad.example");
      await go(b, `/orgs/demo-cso-thies/pledge?lang=${lang}`, lang, "pledge form (360 px)");
      // USD first, then the group's own currency (Senegal: XOF), named in the reader's language.
      const codes = await b.page.$$eval("select[name=currency] option", (os) => os.map((o) => o.value));
      assert.deepEqual(codes.slice(0, 2), ["USD", "XOF"]);
      const overflow = await b.page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      assert.ok(overflow <= 1, `pledge form (${lang}) is ${overflow}px wider than the screen`);
      await b.page.locator("select[name=currency]").scrollIntoViewIfNeeded();
      await screenshot(b, `${lang}-pledge-currency`);
      await b.context.clearCookies();
    }
  } finally {
    await b.close();
  }
});
