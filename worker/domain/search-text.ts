// Text normalised for the library's full-text search (FTS5, unicode61 with remove_diacritics 2). The
// tokenizer folds case and Latin accents but knows nothing of Arabic: a title written with tashkeel, or
// with أ where the reader types ا, would never be found. Stored text and queries pass through the same
// function, so both sides meet on one spelling.

/** Tashkeel (fathatan … sukun, the extended marks to U+065F), the superscript alef, and tatweel. */
const ARABIC_MARKS = /[\u064B-\u065F\u0670\u0640]/g;
/** Alef with hamza above or below, with madda, and alef wasla: typed as a bare alef by most people. */
const ALEF_FORMS = /[\u0622\u0623\u0625\u0671]/g;
/** Combining accents on Latin (and Greek, Cyrillic) letters once decomposed. */
const COMBINING_ACCENTS = /[\u0300-\u036F]/g;

/** Lower case (locale-independent: toLowerCase, never toLocaleLowerCase), NFKC, Arabic letter variants unified. */
export const normaliseForSearch = (s: string) =>
  s
    // Control characters and lone surrogates are never words, and SQLite should not be handed them.
    .replace(/[\p{Cc}\p{Cs}]/gu, " ")
    .normalize("NFKC")
    .toLowerCase()
    .normalize("NFD")
    .replace(COMBINING_ACCENTS, "")
    .normalize("NFC")
    .replace(ARABIC_MARKS, "")
    .replace(ALEF_FORMS, "\u0627")
    .replace(/\u0649/g, "\u064A")
    .replace(/\u0629/g, "\u0647");

/** What resources.search_text holds: title and summary, normalised. */
export const searchText = (title: string, summary: string) => normaliseForSearch(`${title}\n${summary}`);

/** More words than this add nothing a person meant, and each one is another index lookup. */
export const MAX_QUERY_WORDS = 8;
const MAX_WORD_CHARS = 64;
/** A word is searched for only if it has a letter or digit: punctuation alone would be an empty phrase. */
const HAS_WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * The user's words as a FTS5 MATCH expression that cannot be read as syntax: each word normalised, quoted
 * (inner quotes doubled, so NEAR, AND, `*`, `-`, `^`, parentheses and `column:` are plain text), searched
 * as a prefix (`"secur"*` finds "security"), all of them required (space = AND). Nothing to search → null.
 */
export const ftsQuery = (q: string): string | null => {
  const words = normaliseForSearch(q)
    .split(/\s+/u)
    .filter((w) => HAS_WORD_CHAR.test(w))
    .slice(0, MAX_QUERY_WORDS)
    .map((w) => Array.from(w).slice(0, MAX_WORD_CHARS).join(""));
  return words.length ? words.map((w) => `"${w.replace(/"/g, '""')}"*`).join(" ") : null;
};
