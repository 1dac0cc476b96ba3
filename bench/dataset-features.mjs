// The benchmark's rows for the pages added after the first dataset: country chapters, the library and a
// published review tally. Their own random stream (seed 23), appended after bench/dataset.mjs's rows, so
// the older tables are the same rows as before and old routes stay comparable run to run. At 1×:
// - chapters: 2 coordinators in each of 20 countries (40 users); a quarter of the CSOs agree to be listed
//   (orgs.listed_in_chapter, the one column of existing rows this sets, read only by chapter pages); in
//   the chapter countries 1 CSO in 10 confirmed by a coordinator and 1 in 20 of the rest asking to be;
// - library: 3,000 published resources and 300 pending ones, 40% English, 25% French, 15% Spanish, 20%
//   Arabic, search_text normalised by the app's own function (worker/domain/search-text.ts) and indexed
//   by migration 0020's triggers as the rows go in; `budget` (the search the benchmark sends, a word
//   of the English and French vocabularies) finds 844 of the 3,000 published ones;
// - tally: one closed panel call of a public funder with 200 submitted applications, 20 panellists, three
//   scored reviews per application (600 assignments), its tally published.
// Everything scales with `scale`, the chapter countries up to all 120.
// orgs.trust_level is left as it was (matching reads it): confirmations here are evidence, not levels.
import { tsImport } from "tsx/esm/api";
import { seeded, q, rows, inserts } from "./lib.mjs";

// The app's normalisation itself, so the index holds what the app would have written.
const { searchText } = await tsImport(
  new URL("../worker/domain/search-text.ts", import.meta.url).href,
  import.meta.url,
);

export const featureSizes = (scale, countries) => ({
  chapterCountries: Math.min(countries, 20 * scale),
  coordinatorsPerChapter: 2,
  resources: 3_000 * scale,
  pendingResources: 300 * scale,
  tallyApplications: 200 * scale,
  panellists: 20 * scale,
  reviewsPerApplication: 3,
});

/** The chapter the benchmark's coordinator runs and the panel call whose tally it reads. */
export const BENCH_PANEL_CALL = "c-panel";
export const SEARCH_WORD = "budget";

const WORDS = {
  en: "community budget training water women youth rights health school land farming climate advocacy network savings report guide toolkit safety legal housing radio mapping volunteers funding accountability".split(
    " ",
  ),
  fr: "communauté budget formation eau femmes jeunesse droits santé école terre agriculture climat plaidoyer réseau épargne rapport guide sécurité juridique logement radio bénévoles financement redevabilité".split(
    " ",
  ),
  es: "comunidad presupuesto formación agua mujeres juventud derechos salud escuela tierra agricultura clima incidencia red ahorro informe guía seguridad jurídica vivienda radio voluntarios financiación rendición".split(
    " ",
  ),
  ar: "المجتمع ميزانيّة تدريب المياه النساء الشباب الحقوق الصحّة المدرسة الأرض الزراعة المناخ المناصرة الشبكة الادّخار تقرير دليل السلامة القانونية السكن الإذاعة المتطوّعون التمويل المساءلة".split(
    " ",
  ),
};
const LANGUAGES = [
  "en",
  "en",
  "en",
  "en",
  "fr",
  "fr",
  "fr",
  "fr",
  "fr",
  "es",
  "es",
  "es",
  "ar",
  "ar",
  "ar",
  "ar",
];
const LICENCES = ["cc0", "cc_by", "cc_by_sa", "cc_by_nc", "cc_by_nc_sa", "other"];

export function* featureRows(scale, { orgs, funders, codes, now }) {
  const n = featureSizes(scale, codes.length);
  const { rand, pick, bits } = seeded(23);
  const user = (id, name) =>
    `(${q(id)}, ${q(`${id}@example.org`)}, ${q(name)}, 'en', 'user', '!', ${q(now)}, ${q(now)})`;
  const day = () =>
    `2026-${String(1 + Math.floor(rand() * 10)).padStart(2, "0")}-${String(1 + Math.floor(rand() * 28)).padStart(2, "0")}T09:00:00.000Z`;

  // Chapters.
  const chapters = codes.slice(0, n.chapterCountries);
  const coordinators = chapters.flatMap((c) =>
    Array.from({ length: n.coordinatorsPerChapter }, (_, k) => ({ id: `bench-coord-${c}-${k}`, country: c })),
  );
  yield* inserts(
    "INSERT INTO users (id, email, name, locale, platform_role, password_hash, created_at, updated_at)",
    coordinators.map((c, i) => user(c.id, `Coordinator ${i}`)),
    500,
  );
  yield* inserts(
    "INSERT INTO chapter_coordinators (country, user_id, appointed_by, created_at)",
    coordinators.map((c) => `(${q(c.country)}, ${q(c.id)}, NULL, ${q(now)})`),
    500,
  );
  yield "UPDATE orgs SET listed_in_chapter = 1 WHERE kind = 'cso' AND rowid % 4 = 0;";
  const inChapters = `kind = 'cso' AND country IN (${chapters.map(q).join(", ")})`;
  // Which coordinator confirmed a group is immaterial to the pages: the first of its country.
  yield `INSERT INTO confirmations (id, org_id, coordinator_user_id, method, note, created_at)
SELECT 'cf-' || id, id, 'bench-coord-' || country || '-0', 'visit', 'Visited the group and met its members.', ${q(now)}
FROM orgs WHERE ${inChapters} AND rowid % 10 = 3;`;
  yield `INSERT INTO confirmation_requests (org_id, created_by, created_at)
SELECT id, 'bench-user', ${q(now)} FROM orgs WHERE ${inChapters} AND rowid % 10 != 3 AND rowid % 20 = 7;`;

  // Library.
  const sentence = (words, count) => Array.from({ length: count }, () => pick(words)).join(" ");
  yield* inserts(
    "INSERT INTO resources (id, org_id, created_by, title, summary, language, themes, licence, url, search_text, status, published_at, created_at, updated_at)",
    rows(n.resources + n.pendingResources, (i) => {
      const language = pick(LANGUAGES);
      const title = sentence(WORDS[language], 3 + Math.floor(rand() * 4));
      const summary = `${sentence(WORDS[language], 8 + Math.floor(rand() * 12))}.`;
      const published = i < n.resources;
      const at = day();
      return `(${q(`r${i}`)}, ${q(`o${(i * 7) % orgs}`)}, 'bench-user', ${q(title)}, ${q(summary)}, ${q(language)}, ${bits(15, 0.15)}, ${q(pick(LICENCES))}, ${q(`https://example.org/library/${i}`)}, ${q(searchText(title, summary))}, ${q(published ? "published" : "pending")}, ${published ? q(at) : "NULL"}, ${q(at)}, ${q(at)})`;
    }),
    500,
  );

  // A published tally: one closed panel call of a public funder (f1), its applications and reviews.
  const questions = q(JSON.stringify([{ id: "q1", label: "Why?", maxChars: 800 }]));
  yield `INSERT INTO calls (id, funder_org_id, title, summary, languages, themes, grant_min_amount, grant_max_amount, grant_currency, funding_type, duration_months, deadline, questions, status, published_at, review_mode, reviews_per_application, review_opened_at, review_salt, tally_published_at, created_at, updated_at) VALUES (${q(BENCH_PANEL_CALL)}, ${q(`f${1 % funders}`)}, 'A call reviewed by its panel', 'Community members score every application.', '["en","fr"]', 3, 500000, 5000000, 'USD', 'project', 12, '2026-10-01T00:00:00.000Z', ${questions}, 'closed', '2026-08-01T00:00:00.000Z', 'panel', ${n.reviewsPerApplication}, '2026-10-02T00:00:00.000Z', 'bench-panel-salt', '2026-10-20T00:00:00.000Z', ${q(now)}, ${q(now)});`;
  const panel = rows(n.panellists, (i) => `bench-panel-${i}`);
  yield* inserts(
    "INSERT INTO users (id, email, name, locale, platform_role, password_hash, created_at, updated_at)",
    panel.map((id, i) => user(id, `Panellist ${i}`)),
    500,
  );
  yield* inserts(
    "INSERT INTO call_panelists (call_id, user_id, created_at)",
    panel.map((id) => `(${q(BENCH_PANEL_CALL)}, ${q(id)}, ${q(now)})`),
    500,
  );
  // Distinct organisations: 53 shares no factor with the number of organisations (10,000 × scale).
  yield* inserts(
    "INSERT INTO applications (id, call_id, org_id, status, answers, version, submitted_at, created_by, created_at, updated_at)",
    rows(
      n.tallyApplications,
      (i) =>
        `(${q(`ap${i}`)}, ${q(BENCH_PANEL_CALL)}, ${q(`o${(i * 53 + 11) % orgs}`)}, 'submitted', '{"q1":"An answer."}', 1, '2026-09-20T10:00:00.000Z', 'bench-user', ${q(now)}, ${q(now)})`,
    ),
    500,
  );
  yield* inserts(
    "INSERT INTO review_assignments (id, call_id, application_id, reviewer_id, status, score, comment, created_at, reviewed_at)",
    rows(n.tallyApplications * n.reviewsPerApplication, (j) => {
      const app = Math.floor(j / n.reviewsPerApplication);
      // Consecutive panellists for one application: never the same one twice.
      const reviewer = panel[(app * n.reviewsPerApplication + (j % n.reviewsPerApplication)) % n.panellists];
      return `(${q(`ra${j}`)}, ${q(BENCH_PANEL_CALL)}, ${q(`ap${app}`)}, ${q(reviewer)}, 'done', ${1 + Math.floor(rand() * 5)}, NULL, ${q(now)}, '2026-10-10T00:00:00.000Z')`;
    }),
    500,
  );
}
