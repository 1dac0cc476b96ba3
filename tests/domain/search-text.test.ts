// Text normalised for the library's search, and the user's words turned into a safe FTS5 expression.
import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { ftsQuery, MAX_QUERY_WORDS, normaliseForSearch, searchText } from "../../worker/domain/search-text";

describe("normaliseForSearch", () => {
  test("Arabic: tashkeel and tatweel removed, alef forms, alef maqsura and ta marbuta unified", () => {
    expect(normaliseForSearch("دليلُ الأمانِ الرقمي للناشطات")).toBe("دليل الامان الرقمي للناشطات");
    expect(normaliseForSearch("إِسْلام آمال ٱلقرآن")).toBe("اسلام امال القران");
    expect(normaliseForSearch("مستشفى")).toBe("مستشفي");
    expect(normaliseForSearch("مدرسة")).toBe("مدرسه");
    expect(normaliseForSearch("عـــربي")).toBe("عربي");
    // The superscript alef (dagger alef) and the extended marks up to U+065F go too.
    expect(normaliseForSearch("هٰذا\u065Fا")).toBe("هذاا");
  });

  test("the same word typed with or without marks and hamza meets on one spelling", () => {
    expect(normaliseForSearch("الأَمَانِ")).toBe(normaliseForSearch("الامان"));
    expect(normaliseForSearch("إدارة")).toBe(normaliseForSearch("اداره"));
  });

  test("case folded without the viewer's locale (Turkish dotted I stays i), NFKC, Latin accents folded", () => {
    expect(normaliseForSearch("SÉCURITÉ Numérique")).toBe("securite numerique");
    expect(normaliseForSearch("INFO")).toBe("info");
    expect(normaliseForSearch("ﬁnance")).toBe("finance"); // the fi ligature, by NFKC
    expect(normaliseForSearch("Ｆｕｌｌ")).toBe("full"); // full-width letters
    expect(normaliseForSearch("año niño")).toBe("ano nino");
  });

  test("searchText joins title and summary", () => {
    expect(searchText("Guía", "Para ONGs")).toBe("guia para ongs");
  });

  test("control characters and lone surrogates become spaces", () => {
    expect(normaliseForSearch("a\u0000b\uD800c")).toBe("a b c");
  });
});

describe("ftsQuery", () => {
  test("each word quoted, as a prefix, all required", () => {
    expect(ftsQuery("Secur")).toBe('"secur"*');
    expect(ftsQuery("  digital   security ")).toBe('"digital"* "security"*');
    expect(ftsQuery("الأَمانِ")).toBe('"الامان"*');
  });

  test("nothing to search is null", () => {
    for (const q of ["", "   ", "---", '"', "* ( ) :", "\u0000"]) expect(ftsQuery(q)).toBeNull();
  });

  test("FTS5 syntax arrives as plain text: quotes doubled, operators inside quotes", () => {
    expect(ftsQuery('a"b')).toBe('"a""b"*');
    expect(ftsQuery("x NEAR(y z)")).toBe('"x"* "near(y"* "z)"*');
    expect(ftsQuery("title:foo -bar ^baz")).toBe('"title:foo"* "-bar"* "^baz"*');
    expect(ftsQuery("a OR b AND NOT c")).toBe('"a"* "or"* "b"* "and"* "not"* "c"*');
  });

  test(`at most ${MAX_QUERY_WORDS} words, each at most 64 characters`, () => {
    const q = ftsQuery(Array.from({ length: 20 }, (_, i) => `w${i}`).join(" "))!;
    expect(q.split(" ")).toHaveLength(MAX_QUERY_WORDS);
    expect(ftsQuery("x".repeat(500))).toBe(`"${"x".repeat(64)}"*`);
  });

  test("any input: null, or quoted prefix terms whose quotes all pair up", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: "grapheme" }), fc.string({ unit: "binary" })),
        (s) => {
          const q = ftsQuery(s);
          if (q === null) return;
          for (const term of q.split(/(?<=\*) /)) {
            expect(term).toMatch(/^".*"\*$/s);
            // Inside the outer quotes every quote is doubled: the term cannot end early.
            expect(term.slice(1, -2).replace(/""/g, "")).not.toContain('"');
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
