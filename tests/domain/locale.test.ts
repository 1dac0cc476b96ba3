import { describe, expect, test } from "vitest";
import { fromAcceptLanguage, negotiateLocale, directionOf } from "../../worker/domain/locale";

describe("language negotiation", () => {
  test("Accept-Language picks the best supported language by quality", () => {
    expect(fromAcceptLanguage("de-DE,de;q=0.9,fr;q=0.8,en;q=0.5")).toBe("fr");
    expect(fromAcceptLanguage("ar-EG")).toBe("ar");
    expect(fromAcceptLanguage("es-419,es;q=0.9")).toBe("es");
    expect(fromAcceptLanguage("en;q=0.1, ar;q=0.9")).toBe("ar");
    expect(fromAcceptLanguage("de, ja")).toBeNull();
    expect(fromAcceptLanguage("fr;q=0")).toBeNull();
  });

  test("?lang= beats the cookie, which beats the saved locale, which beats the browser", () => {
    expect(negotiateLocale({ query: "es", cookie: "fr", userLocale: "ar", acceptLanguage: "en" })).toBe("es");
    expect(negotiateLocale({ query: "xx", cookie: "fr", userLocale: "ar" })).toBe("fr");
    expect(negotiateLocale({ userLocale: "ar", acceptLanguage: "fr" })).toBe("ar");
    expect(negotiateLocale({ acceptLanguage: "fr-SN" })).toBe("fr");
    expect(negotiateLocale({})).toBe("en");
  });

  test("Arabic is right-to-left, the others left-to-right", () => {
    expect(directionOf("ar")).toBe("rtl");
    expect(directionOf("fr")).toBe("ltr");
  });
});
