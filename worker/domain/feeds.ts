// The open-call feeds as text: Atom 1.0 (RFC 4287) and JSON Feed 1.1. Pure: the caller has already
// chosen the calls, worded them in the reader's language and made every URL absolute.

export type FeedEntry = {
  /** Permanent and unique: the call's page URL. */
  id: string;
  url: string;
  title: string;
  /** Plain text: the call's summary followed by funder, deadline and amounts. */
  text: string;
  /** The funder's name, or the words for "a funder" when its profile is not public. */
  author: string;
  published: string;
  updated: string;
  tags: string[];
};

export type FeedMeta = {
  title: string;
  description: string;
  language: string;
  /** The feed's own URL (with its filters), for rel="self" and feed_url. */
  selfUrl: string;
  /** The calls page with the same filters. */
  homeUrl: string;
  /** Atom needs a feed-level instant: the newest entry's, or a fixed one for an empty feed. */
  updated: string;
  generator: string;
};

/**
 * XML 1.0 accepts only some characters even escaped (no C0 controls but tab and newlines, no lone
 * surrogates, no U+FFFE/U+FFFF): one stray control character in a funder's title would make the whole
 * feed unreadable, so they are dropped.
 */
const INVALID_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export const escapeXml = (s: string) =>
  s.replace(INVALID_XML, "").replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

const el = (name: string, text: string, attrs = "") => `<${name}${attrs}>${escapeXml(text)}</${name}>`;
const attr = (name: string, value: string) => ` ${name}="${escapeXml(value)}"`;

export const atomFeed = (meta: FeedMeta, entries: FeedEntry[]) =>
  [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom"${attr("xml:lang", meta.language)}>`,
    el("id", meta.selfUrl),
    el("title", meta.title),
    el("subtitle", meta.description),
    el("updated", meta.updated),
    `<link rel="self" type="application/atom+xml"${attr("href", meta.selfUrl)}/>`,
    `<link rel="alternate" type="text/html"${attr("href", meta.homeUrl)}/>`,
    `<author>${el("name", meta.generator)}</author>`,
    el("generator", meta.generator),
    ...entries.map((e) =>
      [
        "<entry>",
        el("id", e.id),
        el("title", e.title),
        el("published", e.published),
        el("updated", e.updated),
        `<link rel="alternate" type="text/html"${attr("href", e.url)}/>`,
        `<author>${el("name", e.author)}</author>`,
        ...e.tags.map((t) => `<category${attr("term", t)}/>`),
        el("summary", e.text, ' type="text"'),
        "</entry>",
      ].join(""),
    ),
    "</feed>",
  ].join("\n");

export const jsonFeed = (meta: FeedMeta, entries: FeedEntry[]) =>
  JSON.stringify({
    version: "https://jsonfeed.org/version/1.1",
    title: meta.title,
    description: meta.description,
    home_page_url: meta.homeUrl,
    feed_url: meta.selfUrl,
    language: meta.language,
    authors: [{ name: meta.generator }],
    items: entries.map((e) => ({
      id: e.id,
      url: e.url,
      title: e.title,
      content_text: e.text,
      date_published: e.published,
      date_modified: e.updated,
      authors: [{ name: e.author }],
      tags: e.tags,
    })),
  });

/** The newest instant among the entries (ISO strings compare in time order), or `fallback`. */
export const newestOf = (entries: FeedEntry[], fallback: string) =>
  entries.reduce((max, e) => (e.updated > max ? e.updated : max), entries.length ? "" : fallback);
