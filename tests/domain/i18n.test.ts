import { describe, expect, test } from "vitest";
import { catalogues, translator, countryName } from "../../worker/i18n";
import { en } from "../../worker/i18n/en";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("message catalogues", () => {
  test.each(["ar", "fr", "es"] as const)(
    "%s has exactly the English keys, with the same placeholders, none left in English",
    (locale) => {
      const cat = catalogues[locale];
      expect(Object.keys(cat).sort()).toEqual(Object.keys(en).sort());
      for (const [key, text] of Object.entries(en)) {
        const translated = cat[key as keyof typeof en];
        expect(translated.trim(), key).not.toBe("");
        expect(placeholders(translated), key).toEqual(placeholders(text));
      }
      // Sentences (not codes or names) must not be the English text.
      const sentences = Object.entries(en).filter(([, t]) => t.split(" ").length >= 3);
      const untranslated = sentences.filter(([k, t]) => cat[k as keyof typeof en] === t).map(([k]) => k);
      expect(untranslated).toEqual([]);
    },
  );

  test("Arabic sentences are written in Arabic script", () => {
    const latinOnly = Object.entries(catalogues.ar)
      .filter(([k]) => !["app.name"].includes(k))
      .filter(([, t]) => !/[\u0600-\u06FF]/.test(t))
      .map(([k]) => k);
    // Only technical codes may stay in Latin script.
    for (const k of latinOnly)
      expect(catalogues.ar[k as keyof typeof en]).toMatch(/^[A-Z0-9 ./:()<>\-_,]*$|API|JSON|OpenAPI/);
  });

  test("interpolation and country names", () => {
    expect(translator("en")("org.edit_title", { name: "Gulu" })).toBe("Edit Gulu");
    // In Arabic, an inserted Latin name is isolated so it cannot reorder the sentence around it.
    expect(translator("ar")("org.edit_title", { name: "Gulu Youth" })).toBe("تعديل \u2068Gulu Youth\u2069");
    expect(countryName("SN", "fr")).toBe("Sénégal");
    expect(countryName("EG", "ar")).toBe("مصر");
    expect(countryName("MX", "es")).toBe("México");
  });
});
