// The open feeds: GET /calls.atom and GET /calls.json parsed back and checked against the specs'
// required elements, with the calls page's filters, escaping, hidden funders and rolling calls.
import { env } from "cloudflare:workers";
import { describe, expect, test, beforeAll } from "vitest";
import { Client, ORIGIN } from "../helpers/client";
import { funderWithCall } from "../helpers/calls";

type XmlNode = { name: string; attrs: Record<string, string>; children: XmlNode[]; text: string };

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const decode = (s: string) => {
  if (/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(s)) throw new Error(`bare & in ${s}`);
  if (/[<]/.test(s)) throw new Error(`raw < in ${s}`);
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (_, e: string) =>
    e.startsWith("#x")
      ? String.fromCodePoint(Number.parseInt(e.slice(2), 16))
      : e.startsWith("#")
        ? String.fromCodePoint(Number(e.slice(1)))
        : ENTITIES[e],
  );
};

/** A strict little XML reader: well-formed or it throws (balanced tags, quoted attributes, known entities). */
const parseXml = (xml: string): XmlNode => {
  let s = xml.replace(/^<\?xml[^?]*\?>\s*/, "");
  const root: XmlNode = { name: "#root", attrs: {}, children: [], text: "" };
  const stack = [root];
  const tag = /^<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+="[^"<]*")*)\s*(\/?)>/;
  while (s.length) {
    const lt = s.indexOf("<");
    const text = lt === -1 ? s : s.slice(0, lt);
    if (text) stack.at(-1)!.text += decode(text);
    if (lt === -1) break;
    s = s.slice(lt);
    const m = tag.exec(s);
    if (!m) throw new Error(`malformed tag at ${s.slice(0, 60)}`);
    const [whole, close, name, rawAttrs, selfClose] = m;
    s = s.slice(whole.length);
    if (close) {
      const open = stack.pop()!;
      if (open.name !== name) throw new Error(`</${name}> closes <${open.name}>`);
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of rawAttrs.matchAll(/([\w.:-]+)="([^"]*)"/g)) attrs[a[1]] = decode(a[2]);
    const node: XmlNode = { name, attrs, children: [], text: "" };
    stack.at(-1)!.children.push(node);
    if (!selfClose) stack.push(node);
  }
  if (stack.length !== 1 || root.children.length !== 1) throw new Error("unbalanced document");
  return root.children[0];
};
const kids = (n: XmlNode, name: string) => n.children.filter((c) => c.name === name);
const one = (n: XmlNode, name: string) => {
  const found = kids(n, name);
  expect(found, `exactly one <${name}> in <${n.name}>`).toHaveLength(1);
  return found[0];
};
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** RFC 4287's required elements, for the feed and each entry. */
const checkAtom = (feed: XmlNode) => {
  expect(feed.name).toBe("feed");
  expect(feed.attrs.xmlns).toBe("http://www.w3.org/2005/Atom");
  expect(one(feed, "id").text).toMatch(/^https?:\/\//);
  expect(one(feed, "title").text.length).toBeGreaterThan(0);
  expect(one(feed, "updated").text).toMatch(RFC3339);
  const self = kids(feed, "link").find((l) => l.attrs.rel === "self");
  expect(self?.attrs.href).toMatch(/^http:\/\/localhost\/calls\.atom/);
  const entries = kids(feed, "entry");
  for (const e of entries) {
    expect(one(e, "id").text).toMatch(/^http:\/\/localhost\/calls\//);
    expect(one(e, "title").text.length).toBeGreaterThan(0);
    expect(one(e, "updated").text).toMatch(RFC3339);
    expect(one(e, "published").text).toMatch(RFC3339);
    expect(kids(e, "link").find((l) => l.attrs.rel === "alternate")?.attrs.href).toBe(one(e, "id").text);
    expect(one(one(e, "author"), "name").text.length).toBeGreaterThan(0);
    expect(one(e, "summary").attrs.type).toBe("text");
  }
  return entries.map((e) => ({
    id: one(e, "id").text,
    title: one(e, "title").text,
    author: one(one(e, "author"), "name").text,
    summary: one(e, "summary").text,
  }));
};

/** JSON Feed 1.1's required fields (version, title, items; each item an id) and the ones we promise. */
const checkJsonFeed = (feed: any) => {
  expect(feed.version).toBe("https://jsonfeed.org/version/1.1");
  expect(typeof feed.title).toBe("string");
  expect(feed.home_page_url).toMatch(/^http:\/\/localhost\/calls/);
  expect(feed.feed_url).toMatch(/^http:\/\/localhost\/calls\.json/);
  expect(Array.isArray(feed.items)).toBe(true);
  for (const item of feed.items) {
    expect(typeof item.id).toBe("string");
    expect(item.url).toMatch(/^http:\/\/localhost\/calls\//);
    expect(typeof item.title).toBe("string");
    expect(typeof item.content_text).toBe("string");
    expect(item.date_published).toMatch(RFC3339);
    expect(item.date_modified).toMatch(RFC3339);
    expect(Array.isArray(item.tags)).toBe(true);
  }
  return feed.items as { id: string; title: string; content_text: string; authors: { name: string }[] }[];
};

const TAG = `zq${Date.now().toString(36)}`;
const HIDDEN_NAME = `Shelter ${TAG} under threat`;
const NASTY_TITLE = `${TAG} Tom & Jerry <b>"fund"</b> 'x' صندوق النساء الريفيات`;

describe("open-call feeds", () => {
  const anon = new Client();
  let open: Awaited<ReturnType<typeof funderWithCall>>;
  let other: Awaited<ReturnType<typeof funderWithCall>>;
  let draft: Awaited<ReturnType<typeof funderWithCall>>;
  let hiddenRapid: Awaited<ReturnType<typeof funderWithCall>>;
  beforeAll(async () => {
    open = await funderWithCall({ title: NASTY_TITLE, eligibility: { countries: ["EG"] } });
    other = await funderWithCall({ title: `${TAG} only for Kenya`, eligibility: { countries: ["KE"] } });
    draft = await funderWithCall({ title: `${TAG} a draft` }, { draft: true });
    hiddenRapid = await funderWithCall({
      title: `${TAG} rapid help`,
      kind: "rapid",
      deadline: undefined,
      decisionWithinDays: 7,
      questions: [{ id: "need", label: "What happened, and what do you need now?", maxChars: 600 }],
    });
    await env.DB.prepare("UPDATE orgs SET visibility = 'hidden', name = ? WHERE id = ?")
      .bind(HIDDEN_NAME, hiddenRapid.org.id)
      .run();
  });

  test("Atom: valid, escaped, filtered like the calls list, hidden funder unnamed, rolling call always open", async () => {
    const res = await anon.fetch(`/calls.atom?q=${TAG}&country=EG`, { headers: { "Accept-Language": "en" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/atom\+xml/);
    expect(res.headers.get("cache-control")).toMatch(/max-age=\d+/);
    const xml = await res.text();
    expect(xml).not.toContain("<b>");
    const entries = checkAtom(parseXml(xml));
    const ids = entries.map((e) => e.id);
    expect(ids).toContain(`${ORIGIN}/calls/${open.call.id}`);
    expect(ids).toContain(`${ORIGIN}/calls/${hiddenRapid.call.id}`);
    // Outside the filter (Kenya only) and drafts: absent.
    expect(ids).not.toContain(`${ORIGIN}/calls/${other.call.id}`);
    expect(ids).not.toContain(`${ORIGIN}/calls/${draft.call.id}`);
    expect(entries.find((e) => e.id.endsWith(open.call.id))?.title).toBe(NASTY_TITLE);
    const rapid = entries.find((e) => e.id.endsWith(hiddenRapid.call.id))!;
    expect(rapid.author).toBe("A funder");
    expect(rapid.summary).toContain("Always open");
    expect(xml).not.toContain(HIDDEN_NAME);
    // Soonest deadline first: the rolling call comes after the dated one.
    expect(ids.indexOf(`${ORIGIN}/calls/${open.call.id}`)).toBeLessThan(ids.indexOf(rapid.id));
  });

  test("JSON Feed: the same calls, same filters, same escaping by JSON itself", async () => {
    const res = await anon.fetch(`/calls.json?q=${TAG}&country=EG`, { headers: { "Accept-Language": "en" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/feed\+json/);
    const items = checkJsonFeed(await res.json());
    const ids = items.map((i) => i.id);
    expect(ids).toEqual([`${ORIGIN}/calls/${open.call.id}`, `${ORIGIN}/calls/${hiddenRapid.call.id}`]);
    expect(items[0].title).toBe(NASTY_TITLE);
    expect(items[0].content_text).toContain(open.org.name as string);
    expect(items[1].authors[0].name).toBe("A funder");
    expect(items[1].content_text).toContain("Always open");
    const kenya = checkJsonFeed(await (await anon.fetch(`/calls.json?q=${TAG}&country=KE`)).json());
    expect(kenya.map((i) => i.id)).toContain(`${ORIGIN}/calls/${other.call.id}`);
    expect(kenya.map((i) => i.id)).not.toContain(`${ORIGIN}/calls/${open.call.id}`);
  });

  test("the feed is worded in the reader's language (Arabic)", async () => {
    const res = await anon.fetch(`/calls.json?q=${TAG}&country=EG`, { headers: { "Accept-Language": "ar" } });
    const feed = (await res.json()) as any;
    expect(feed.language).toBe("ar");
    expect(feed.title).toBe("الدعوات المفتوحة على سند");
    expect(feed.items[1].content_text).not.toContain("Always open");
  });

  test("conditional requests: the ETag answers 304", async () => {
    const first = await anon.fetch(`/calls.atom?q=${TAG}`);
    const etag = first.headers.get("etag")!;
    expect(etag).toBeTruthy();
    expect(first.headers.get("last-modified")).toBeTruthy();
    const again = await anon.fetch(`/calls.atom?q=${TAG}`, { headers: { "If-None-Match": etag } });
    expect(again.status).toBe(304);
  });

  test("a bad filter is a problem naming the field", async () => {
    const res = await anon.fetch("/calls.atom?theme=not-a-theme&country=1X");
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    const body = (await res.json()) as { errors: { path: string }[] };
    expect(body.errors.map((e) => e.path).sort()).toEqual(["country", "theme"]);
  });

  test("the calls page links both feeds, in its head and visibly, with its filters", async () => {
    const page = await anon.page(`/calls?theme=youth`);
    expect(page.html).toContain(
      '<link rel="alternate" type="application/atom+xml" href="/calls.atom?theme=youth"',
    );
    expect(page.html).toContain(
      '<link rel="alternate" type="application/feed+json" href="/calls.json?theme=youth"',
    );
    expect(page.html).toMatch(/<a href="\/calls\.atom\?theme=youth"[^>]*>Atom feed<\/a>/);
  });
});
