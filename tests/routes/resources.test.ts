// The resource library: full-text search (Arabic, English, French), filters, posting rules, moderation by
// admins and the posting organisation's country coordinators, downloads, and the pages.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, test } from "vitest";
import fc from "fast-check";
import { Client } from "../helpers/client";
import { csoFields, orgOwner, signUp, userWithRole } from "../helpers/world";
import { PDF, MINIMAL_PNG } from "../helpers/uploads";
import { libraryPoster, postResource, resourceBody, uploadAs } from "../helpers/resources";
import { ftsQuery } from "../../worker/domain/search-text";
import { createDb } from "../../worker/db/client";
import { seedDemo, DEMO_PASSWORD } from "../../worker/seed/demo";

/** A word no other test writes, so a search can be narrowed to this file's resources. */
const TAG = `zq${crypto.randomUUID().replace(/-/g, "").slice(0, 10)}`;

const appoint = (country: string, userId: string) =>
  env.DB.prepare("INSERT INTO chapter_coordinators (country, user_id, created_at) VALUES (?, ?, ?)")
    .bind(country, userId, new Date().toISOString())
    .run();

const gzippedSize = async (html: string) => {
  const stream = new Blob([html]).stream().pipeThrough(new CompressionStream("gzip"));
  return (await new Response(stream).arrayBuffer()).byteLength;
};

type People = Awaited<ReturnType<typeof people>>;
const people = async () => {
  const [admin, poster, hiddenPoster, senegal, unverified, stranger, coordEG, coordSN] = await Promise.all([
    userWithRole("admin"),
    libraryPoster({ country: "EG" }),
    libraryPoster({ country: "EG", visibility: "hidden", name: "Quiet group" }),
    libraryPoster({ country: "SN", name: "Groupe de Thiès" }),
    orgOwner(csoFields),
    signUp(),
    signUp(),
    signUp(),
  ]);
  await appoint("EG", coordEG.userId);
  await appoint("SN", coordSN.userId);
  return { admin, poster, hiddenPoster, senegal, unverified, stranger, coordEG, coordSN, anon: new Client() };
};

let w: People;
/** Published resources of this file, by language. */
const ids: Record<string, string> = {};

const search = async (query: Record<string, string>, who: Client = w.anon) => {
  const res = await who.get(`/api/v1/resources?${new URLSearchParams(query)}`);
  expect(res.status).toBe(200);
  return res.body.items as { id: string; title: string; org: { id: string; name: string } | null }[];
};
const found = async (q: string, extra: Record<string, string> = {}) =>
  (await search({ q, ...extra })).map((r) => r.id);

beforeAll(async () => {
  w = await people();
  const post = (over: Record<string, unknown>) => postResource(w.poster, w.poster.org.id, over);
  ids.ar = await post({
    title: `دليلُ الأمانِ الرقمي للناشطات ${TAG}`,
    summary: "دليل عملي لحماية الحسابات والهواتف.",
    language: "ar",
    themes: ["womens_rights"],
  });
  ids.en = await post({
    title: `Digital security for activists ${TAG}`,
    summary: "Passphrases, two-step sign-in and safer messaging.",
    language: "en",
    themes: ["digital_rights"],
  });
  ids.fr = await post({
    title: `Guide de sécurité numérique ${TAG}`,
    summary: "Protéger les listes de membres de l’association.",
    language: "fr-SN",
    themes: ["youth"],
  });
  ids.es = await post({
    title: `Plantilla de presupuesto ${TAG}`,
    summary: "Una hoja de cálculo para presupuestar propuestas comunitarias.",
    language: "es",
    themes: ["livelihoods"],
    licence: "cc_by_nc_sa",
  });
  for (const id of Object.values(ids))
    expect((await w.admin.post(`/api/v1/resources/${id}/publish`)).status).toBe(200);
}, 60_000);

describe("full-text search", () => {
  test("Arabic: written with tashkeel and أ, found by words typed without them or with another alef", async () => {
    expect(await found(`الامان ${TAG}`)).toEqual([ids.ar]);
    expect(await found(`الإمان الرقمي ${TAG}`)).toEqual([ids.ar]);
    expect(await found(`دليل ${TAG}`)).toEqual([ids.ar]);
    expect(await found(`للناشطات ${TAG}`)).toEqual([ids.ar]);
    expect(await found(`دليلٌ الأمانُ ${TAG}`)).toEqual([ids.ar]);
  });

  test("English: a prefix finds the word, and every word must be there", async () => {
    expect(await found(`secur ${TAG}`)).toEqual(expect.arrayContaining([ids.en, ids.fr]));
    expect(await found(`digital secur ${TAG}`)).toEqual([ids.en]);
    expect(await found(`SECURITY Activists ${TAG}`)).toEqual([ids.en]);
    expect(await found(`digital zebra ${TAG}`)).toEqual([]);
    // The summary is searched too.
    expect(await found(`passphrases ${TAG}`)).toEqual([ids.en]);
  });

  test("French and Spanish: accents typed or not", async () => {
    expect(await found(`securite numerique ${TAG}`)).toEqual([ids.fr]);
    expect(await found(`sécurité numérique ${TAG}`)).toEqual([ids.fr]);
    expect(await found(`calculo ${TAG}`)).toEqual([ids.es]);
  });

  test("results are ranked: the resource matching more often comes first", async () => {
    const strong = await postResource(w.poster, w.poster.org.id, {
      title: `Budget budget budget ${TAG}`,
      summary: "Budget lines, budget notes and a budget template.",
    });
    const weak = await postResource(w.poster, w.poster.org.id, {
      title: `Annual report ${TAG}`,
      summary: "Includes one budget table among many other chapters of the annual narrative report.",
    });
    for (const id of [weak, strong]) await w.admin.post(`/api/v1/resources/${id}/publish`);
    expect(await found(`budget ${TAG}`)).toEqual([strong, weak]);
  });

  test("filters: theme and language (its regional variants included), with or without words", async () => {
    expect(await found(TAG, { theme: "livelihoods" })).toEqual([ids.es]);
    expect(await found(TAG, { language: "fr" })).toEqual([ids.fr]);
    expect(await found(TAG, { language: "ar" })).toEqual([ids.ar]);
    expect(await found(`secur ${TAG}`, { theme: "digital_rights" })).toEqual([ids.en]);
    const all = (await search({ theme: "womens_rights", limit: "100" })).map((r) => r.id);
    expect(all).toContain(ids.ar);
    expect(all).not.toContain(ids.en);
  });

  test("paging: the next cursor continues the list without repeats", async () => {
    const first = await w.anon.get(`/api/v1/resources?q=${TAG}&limit=2`);
    expect(first.body.items).toHaveLength(2);
    const second = await w.anon.get(`/api/v1/resources?q=${TAG}&limit=2&cursor=${first.body.nextCursor}`);
    const seen = [...first.body.items, ...second.body.items].map((r: { id: string }) => r.id);
    expect(new Set(seen).size).toBe(seen.length);
  });

  test("items carry what the contract lists; the org is named when public", async () => {
    const [item] = await search({ q: `digital secur ${TAG}` });
    expect(item).toMatchObject({
      id: ids.en,
      language: "en",
      themes: ["digital_rights"],
      licence: "cc_by",
      url: "https://example.org/guide.pdf",
      file: null,
      org: { id: w.poster.org.id, name: "Library group" },
    });
    expect(typeof (item as unknown as { publishedAt: string }).publishedAt).toBe("string");
  });

  test("hostile words never make SQLite raise: API, page and the expression itself", {
    timeout: 60_000,
  }, async () => {
    const nasty = [
      '"',
      '""',
      'a" OR "b',
      "NEAR(a b, 2)",
      "title:secret",
      "search_text:x",
      "*",
      "a*b*",
      "-x",
      "^start",
      "(((",
      ")",
      "AND OR NOT",
      "{a b}:c",
      "\u0000",
      "'; DROP TABLE resources; --",
      "\u202Eevil",
      "x".repeat(499),
      "é".repeat(300),
    ];
    for (const q of nasty) {
      const api = await w.anon.get(`/api/v1/resources?q=${encodeURIComponent(q)}`);
      expect(api.status, q).toBe(200);
      const page = await w.anon.fetch(`/resources?q=${encodeURIComponent(q)}`);
      expect(page.status, q).toBe(200);
    }
    const long = await w.anon.get(`/api/v1/resources?q=${"x".repeat(10_000)}`);
    expect(long.status).toBe(400);
    expect(long.headers.get("content-type")).toContain("application/problem+json");
    expect((await w.anon.fetch(`/resources?q=${"y ".repeat(5_000)}`)).status).toBe(200);
    // The expression straight against the index, for thousands of strings and 10 KB of junk.
    const run = (s: string) => {
      const match = ftsQuery(s);
      return match
        ? env.DB.prepare("SELECT count(*) AS n FROM resources_fts WHERE resources_fts MATCH ?")
            .bind(match)
            .first()
        : null;
    };
    await run(Array.from({ length: 10_000 }, (_, i) => String.fromCharCode(33 + (i % 90))).join(""));
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string(), fc.string({ unit: "grapheme" }), fc.string({ unit: "binary" })),
        async (s) => {
          await run(s);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("posting", () => {
  test("a member of a verified organisation posts; it waits for moderation", async () => {
    const res = await w.poster.post(
      "/api/v1/resources",
      resourceBody(w.poster.org.id, { title: `Pending ${TAG}` }),
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: "pending", publishedAt: null });
    expect(await found(`pending ${TAG}`)).toEqual([]);
  });

  test("an organisation neither verified nor confirmed is refused, 403 naming orgId; chapter-confirmed (level 3) may", async () => {
    const res = await w.unverified.post("/api/v1/resources", resourceBody(w.unverified.org.id));
    expect(res.status).toBe(403);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(["orgId"]);
    await env.DB.prepare("UPDATE orgs SET trust_level = 3 WHERE id = ?").bind(w.unverified.org.id).run();
    expect((await w.unverified.post("/api/v1/resources", resourceBody(w.unverified.org.id))).status).toBe(
      201,
    );
    await env.DB.prepare("UPDATE orgs SET trust_level = 0 WHERE id = ?").bind(w.unverified.org.id).run();
  });

  test("only members post for an organisation: others 403 naming orgId, a hidden one 404, signed out 401", async () => {
    const other = await w.stranger.post("/api/v1/resources", resourceBody(w.poster.org.id));
    expect(other.status).toBe(403);
    expect(other.body.errors[0].path).toBe("orgId");
    expect((await w.stranger.post("/api/v1/resources", resourceBody(w.hiddenPoster.org.id))).status).toBe(
      404,
    );
    expect((await w.admin.post("/api/v1/resources", resourceBody(w.poster.org.id))).status).toBe(403);
    expect((await w.anon.post("/api/v1/resources", resourceBody(w.poster.org.id))).status).toBe(401);
  });

  test("fields: lengths, https links only, exactly one of link and file, known licence", async () => {
    const bad = async (over: Record<string, unknown>, field: string) => {
      const res = await w.poster.post("/api/v1/resources", { ...resourceBody(w.poster.org.id), ...over });
      expect(res.status, JSON.stringify(over)).toBe(400);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(field);
    };
    await bad({ title: "ab" }, "title");
    await bad({ summary: "short" }, "summary");
    await bad({ url: "http://example.org/guide.pdf" }, "url");
    await bad({ url: "javascript:alert(1)" }, "url");
    await bad({ url: undefined }, "url");
    await bad({ uploadId: "x" }, "url");
    await bad({ licence: "all_rights_reserved" }, "licence");
    await bad({ language: "Arabic" }, "language");
    await bad({ themes: ["nope"] }, "themes.0");
  });

  test("a file: one's own upload only; its kind and size are listed", async () => {
    const mine = await uploadAs(w.poster, PDF);
    const theirs = await uploadAs(w.stranger, PDF);
    const refused = await w.poster.post(
      "/api/v1/resources",
      resourceBody(w.poster.org.id, { url: undefined, uploadId: theirs }),
    );
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0].path).toBe("uploadId");
    const ok = await w.poster.post(
      "/api/v1/resources",
      resourceBody(w.poster.org.id, { url: undefined, uploadId: mine, title: `Toolkit file ${TAG}` }),
    );
    expect(ok.status).toBe(201);
    expect(ok.body.file).toEqual({ id: mine, kind: "pdf", bytes: PDF.length });
    expect(ok.body.url).toBeNull();
  });
});

describe("moderation", () => {
  const pending = (who = w.poster, over: Record<string, unknown> = {}) =>
    postResource(who, who.org.id, { title: `Waiting ${TAG}`, ...over });

  test("a pending resource exists only for its organisation's members, admins and its country's coordinators", async () => {
    const id = await pending();
    const status = async (who: Client) => (await who.get(`/api/v1/resources/${id}`)).status;
    expect(await status(w.anon)).toBe(404);
    expect(await status(w.stranger)).toBe(404);
    expect(await status(w.senegal)).toBe(404);
    expect(await status(w.coordSN)).toBe(404);
    expect(await status(w.poster)).toBe(200);
    expect(await status(w.coordEG)).toBe(200);
    expect(await status(w.admin)).toBe(200);
    expect((await w.anon.fetch(`/resources/${id}`)).status).toBe(404);
    for (const who of [w.anon, w.poster, w.coordEG, w.admin])
      expect((await search({ q: `waiting ${TAG}` }, who)).map((r) => r.id)).not.toContain(id);
  });

  test("who may publish: the country's coordinators and admins; the group itself 403, everyone else 404", async () => {
    const id = await pending();
    const publish = (who: Client) => who.post(`/api/v1/resources/${id}/publish`);
    expect((await publish(w.anon)).status).toBe(401);
    expect((await publish(w.stranger)).status).toBe(404);
    expect((await publish(w.coordSN)).status).toBe(404);
    expect((await publish(w.senegal)).status).toBe(404);
    expect((await publish(w.poster)).status).toBe(403);
    const ok = await publish(w.coordEG);
    expect(ok.status).toBe(200);
    expect(ok.body.status).toBe("published");
    expect((await w.anon.get(`/api/v1/resources/${id}`)).status).toBe(200);
    // Only from pending: publishing or turning down again is a conflict.
    expect((await publish(w.admin)).status).toBe(409);
    expect((await w.admin.post(`/api/v1/resources/${id}/reject`)).status).toBe(409);
    const audit = await env.DB.prepare(
      "SELECT actor_user_id AS actor FROM audit_log WHERE action = 'resource.published' AND subject_id = ?",
    )
      .bind(id)
      .all();
    expect(audit.results).toEqual([{ actor: w.coordEG.userId }]);
  });

  test("a coordinator does not moderate their own group's resource; an admin does", async () => {
    const coordinatorsGroup = await libraryPoster({ country: "SN", name: "Coordinator's group" });
    await appoint("SN", coordinatorsGroup.userId);
    const id = await pending(coordinatorsGroup);
    expect((await coordinatorsGroup.post(`/api/v1/resources/${id}/publish`)).status).toBe(403);
    expect((await w.coordSN.post(`/api/v1/resources/${id}/publish`)).status).toBe(200);
  });

  test("rejected: gone for the public, still seen by the group; audited", async () => {
    const id = await pending();
    expect((await w.coordSN.post(`/api/v1/resources/${id}/reject`)).status).toBe(404);
    const res = await w.admin.post(`/api/v1/resources/${id}/reject`);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe("rejected");
    expect((await w.anon.get(`/api/v1/resources/${id}`)).status).toBe(404);
    expect((await w.poster.get(`/api/v1/resources/${id}`)).body.status).toBe("rejected");
    expect((await w.admin.post(`/api/v1/resources/${id}/publish`)).status).toBe(409);
    const n = await env.DB.prepare(
      "SELECT count(*) AS n FROM audit_log WHERE action = 'resource.rejected' AND subject_id = ?",
    )
      .bind(id)
      .first<{ n: number }>();
    expect(n?.n).toBe(1);
  });

  test("the queue: admins see every country's, a coordinator their country's, nobody else any", async () => {
    const eg = await pending(w.poster, { title: `Queue Egypt ${TAG}` });
    const sn = await pending(w.senegal, { title: `Queue Senegal ${TAG}` });
    const queue = async (who: Client) =>
      (await search({ status: "pending", q: `queue ${TAG}` }, who)).map((r) => r.id);
    expect(new Set(await queue(w.admin))).toEqual(new Set([eg, sn]));
    expect(await queue(w.coordEG)).toEqual([eg]);
    expect(await queue(w.coordSN)).toEqual([sn]);
    expect((await w.poster.get("/api/v1/resources?status=pending")).status).toBe(403);
    expect((await w.anon.get("/api/v1/resources?status=pending")).status).toBe(401);
    const page = await (await w.coordEG.fetch(`/resources?status=pending&q=queue+${TAG}`)).text();
    expect(page).toContain(`Queue Egypt ${TAG}`);
    expect(page).not.toContain(`Queue Senegal ${TAG}`);
    expect(page).toContain(`action="/resources/${eg}/publish"`);
    expect((await w.stranger.fetch("/resources?status=pending")).status).toBe(403);
    expect((await w.anon.fetch("/resources?status=pending")).status).toBe(401);
    // The buttons are plain forms: publishing sends the moderator back to the queue.
    const done = await w.coordEG.form(`/resources/${eg}/publish`, {});
    expect(done.status).toBe(303);
    expect(done.headers.get("location")).toBe("/resources?status=pending&notice=published");
    expect((await w.anon.get(`/api/v1/resources/${eg}`)).status).toBe(200);
    expect((await w.stranger.form(`/resources/${sn}/reject`, {})).status).toBe(404);
  });
});

describe("files and names", () => {
  test("a published resource's file is anyone's to download; before that only as before", async () => {
    const file = await uploadAs(w.poster, PDF);
    const id = await postResource(w.poster, w.poster.org.id, { url: undefined, uploadId: file });
    const download = (who: Client) => who.fetch(`/api/v1/uploads/${file}`);
    expect((await download(w.anon)).status).toBe(401);
    expect((await download(w.stranger)).status).toBe(404);
    expect((await download(w.poster)).status).toBe(200);
    await w.admin.post(`/api/v1/resources/${id}/publish`);
    const anon = await download(w.anon);
    expect(anon.status).toBe(200);
    expect(new Uint8Array(await anon.arrayBuffer())).toEqual(PDF);
    expect((await download(w.stranger)).status).toBe(200);
    // Another file of the same person, attached to nothing, stays theirs.
    const other = await uploadAs(w.poster, MINIMAL_PNG, "photo.png", "image/png");
    expect((await w.anon.fetch(`/api/v1/uploads/${other}`)).status).toBe(401);
    expect((await w.stranger.fetch(`/api/v1/uploads/${other}`)).status).toBe(404);
  });

  test("a hidden organisation is never named: a member organisation", async () => {
    const id = await postResource(w.hiddenPoster, w.hiddenPoster.org.id, { title: `Quiet guide ${TAG}` });
    await w.admin.post(`/api/v1/resources/${id}/publish`);
    for (const who of [w.anon, w.stranger, w.admin]) {
      const [item] = await search({ q: `quiet guide ${TAG}` }, who);
      expect(item.id).toBe(id);
      expect(item.org).toBeNull();
      expect((await who.get(`/api/v1/resources/${id}`)).body.org).toBeNull();
    }
    const page = await (await w.anon.fetch(`/resources/${id}`)).text();
    expect(page).toContain("A member organisation");
    expect(page).not.toContain("Quiet group");
    const list = await (await w.anon.fetch(`/resources?q=quiet+${TAG}`)).text();
    expect(list).not.toContain("Quiet group");
  });
});

describe("pages", () => {
  test("the list shows kind and size before the download link, in every language, under 30 KB", async () => {
    const file = await uploadAs(w.poster, PDF);
    const id = await postResource(w.poster, w.poster.org.id, {
      url: undefined,
      uploadId: file,
      title: `Sized toolkit ${TAG}`,
    });
    await w.admin.post(`/api/v1/resources/${id}/publish`);
    const html = await (await w.anon.fetch(`/resources?q=sized+${TAG}&lang=en`)).text();
    const size = html.indexOf("PDF · 1 KB");
    expect(size).toBeGreaterThan(0);
    expect(html.indexOf(`href="/api/v1/uploads/${file}"`)).toBeGreaterThan(size);
    const view = await (await w.anon.fetch(`/resources/${id}?lang=en`)).text();
    expect(view.indexOf("PDF · 1 KB")).toBeLessThan(view.indexOf(`href="/api/v1/uploads/${file}"`));
    for (const lang of ["en", "fr", "es", "ar"]) {
      const page = await (await new Client().fetch(`/resources?lang=${lang}`)).text();
      expect(page).toContain(`lang="${lang}"`);
      expect(page).toContain(`dir="${lang === "ar" ? "rtl" : "ltr"}"`);
      expect(page).toContain('href="/resources"'); // the site's navigation links the library
      expect(await gzippedSize(page)).toBeLessThan(30 * 1024);
    }
  });

  test("the search form keeps its words and filters", async () => {
    const html = await (await w.anon.fetch(`/resources?q=secur&theme=youth&language=fr`)).text();
    expect(html).toContain('value="secur"');
    expect(html).toMatch(/<option value="youth" selected/);
    expect(html).toMatch(/<option value="fr" selected/);
  });

  test("the form: members of verified organisations post and land on the pending resource; others 403", async () => {
    const page = await w.poster.fetch("/resources/new");
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(`value="${w.poster.org.id}"`);
    expect((await w.unverified.fetch("/resources/new")).status).toBe(403);
    expect((await w.anon.fetch("/resources/new")).status).toBe(401);
    const fields = {
      orgId: w.poster.org.id,
      title: `Form posted ${TAG}`,
      summary: "Posted through the page, without JavaScript.",
      language: "en",
      themes: ["youth", "education"],
      licence: "cc0",
      url: "https://example.org/form.pdf",
    };
    const posted = await w.poster.form("/resources", fields);
    expect(posted.status).toBe(303);
    const location = posted.headers.get("location")!;
    expect(location).toMatch(/^\/resources\/[^/?]+\?notice=posted$/);
    const view = await (await w.poster.fetch(location)).text();
    expect(view).toContain(`Form posted ${TAG}`);
    expect(view).toContain("Waiting for moderation");
    const bad = await w.poster.form("/resources", { ...fields, url: "http://example.org" });
    expect(bad.status).toBe(400);
    expect(bad.html).toContain('id="url-error"');
    expect((await w.unverified.form("/resources", { ...fields, orgId: w.unverified.org.id })).status).toBe(
      403,
    );
  });

  test("the form takes a file instead of a link (multipart, no JavaScript); not both, and not a refused file", async () => {
    const multipart = (
      fields: Record<string, string>,
      file?: { bytes: Uint8Array; name: string; type: string },
    ) => {
      const body = new FormData();
      for (const [k, v] of Object.entries(fields)) body.append(k, v);
      if (file) body.append("file", new File([new Uint8Array(file.bytes)], file.name, { type: file.type }));
      return w.poster.fetch("/resources", { method: "POST", body, headers: { Origin: "http://localhost" } });
    };
    const fields = {
      orgId: w.poster.org.id,
      title: `Form file ${TAG}`,
      summary: "A guide sent as a PDF through the page.",
      language: "fr",
      licence: "cc_by",
    };
    const pdf = { bytes: PDF, name: "guide.pdf", type: "application/pdf" };
    const uploads = async () =>
      (await env.DB.prepare("SELECT count(*) AS n FROM uploads").first<{ n: number }>())?.n;
    const before = await uploads();
    const both = await multipart({ ...fields, url: "https://example.org/x.pdf" }, pdf);
    expect(both.status).toBe(400);
    expect(await both.text()).toContain('id="url-error"');
    const lying = await multipart(fields, { bytes: PDF, name: "photo.jpg", type: "image/jpeg" });
    expect(lying.status).toBe(415);
    expect(await lying.text()).toContain('id="file-error"');
    expect(await uploads()).toBe(before); // nothing kept from refused forms
    const posted = await multipart(fields, pdf);
    expect(posted.status).toBe(303);
    const id = posted.headers.get("location")!.split("?")[0].split("/").pop()!;
    const r = (await w.poster.get(`/api/v1/resources/${id}`)).body;
    expect(r.file).toMatchObject({ kind: "pdf", bytes: PDF.length });
    expect(r.url).toBeNull();
  });
});

describe("deleting the posting organisation", () => {
  test("its resources go with it, from the list, the index and the row", async () => {
    const group = await libraryPoster({ name: `Leaving group ${TAG}` });
    const id = await postResource(group, group.org.id, { title: `Farewell notes ${TAG}` });
    await w.admin.post(`/api/v1/resources/${id}/publish`);
    expect(await found(`farewell ${TAG}`)).toEqual([id]);
    const deleted = await group.json("DELETE", `/api/v1/orgs/${group.org.id}`, {
      confirmName: `Leaving group ${TAG}`,
    });
    expect(deleted.status).toBeLessThan(300);
    expect(await found(`farewell ${TAG}`)).toEqual([]);
    expect((await w.admin.get(`/api/v1/resources/${id}`)).status).toBe(404);
    const left = await env.DB.prepare("SELECT count(*) AS n FROM resources WHERE id = ?")
      .bind(id)
      .first<{ n: number }>();
    expect(left?.n).toBe(0);
  });
});

describe("the demo library", () => {
  test("seeded once in four languages: the Arabic title found without its marks, one waiting for the Egypt chapter", async () => {
    const pepper = (env as unknown as { PASSWORD_PEPPER: string }).PASSWORD_PEPPER;
    const db = createDb(env.DB);
    await seedDemo(db, pepper);
    const count = async () =>
      (await env.DB.prepare("SELECT count(*) AS n FROM resources WHERE id LIKE 'demo-resource-%'").first<{
        n: number;
      }>())!.n;
    const seeded = await count();
    await seedDemo(db, pepper);
    expect(await count()).toBe(seeded);
    expect(await found("الامان الرقمي")).toContain("demo-resource-aman-raqmi");
    expect(await found("securite numerique")).toContain("demo-resource-securite-numerique");
    const languages = new Set(
      (
        await env.DB.prepare(
          "SELECT language FROM resources WHERE id LIKE 'demo-resource-%' AND status = 'published'",
        ).all<{ language: string }>()
      ).results.map((r) => r.language),
    );
    expect(languages).toEqual(new Set(["en", "fr", "es", "ar"]));
    const coordinator = new Client();
    await coordinator.post("/api/v1/auth/login", {
      email: "coordinator@sanad.example",
      password: DEMO_PASSWORD,
    });
    const queue = await coordinator.get("/api/v1/resources?status=pending");
    expect(queue.status).toBe(200);
    expect(queue.body.items.map((r: { id: string }) => r.id)).toContain("demo-resource-rainy-season");
  });
});
