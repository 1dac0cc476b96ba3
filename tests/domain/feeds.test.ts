// Feed text: escaping that keeps Arabic and emoji, and drops what XML 1.0 cannot carry even escaped.
import { describe, expect, test } from "vitest";
import { atomFeed, escapeXml, newestOf } from "../../worker/domain/feeds";

describe("feed escaping", () => {
  test("markup characters become references; Arabic and astral characters stay as they are", () => {
    expect(escapeXml(`a & b < c > d "e" 'f'`)).toBe("a &#38; b &#60; c &#62; d &#34;e&#34; &#39;f&#39;");
    expect(escapeXml("صندوق النساء 𝕏 😀")).toBe("صندوق النساء 𝕏 😀");
  });

  test("control characters and lone surrogates are dropped, tabs and newlines kept", () => {
    expect(escapeXml("a\u0000b\u0008c\u000Bd\tE\nF\rG\uFFFEH\uD800I")).toBe("abcd\tE\nF\rGHI");
  });

  test("an empty feed is still a complete document with its fixed instant", () => {
    const meta = {
      title: "T",
      description: "D",
      language: "en",
      selfUrl: "https://x.example/calls.atom",
      homeUrl: "https://x.example/calls",
      updated: newestOf([], "2026-01-01T00:00:00.000Z"),
      generator: "Sanad",
    };
    const xml = atomFeed(meta, []);
    expect(xml).toContain("<updated>2026-01-01T00:00:00.000Z</updated>");
    expect(xml.trim().endsWith("</feed>")).toBe(true);
  });
});
