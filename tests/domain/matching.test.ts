import { describe, expect, test } from "vitest";
import {
  evaluateMatch,
  eligibilityReasons,
  equityBoost,
  compareMatches,
  WEIGHTS,
  EQUITY_WEIGHTS,
  type CallCriteria,
  type MatchProfile,
} from "../../worker/domain/matching";
import { fxTable } from "../../worker/domain/fx";

const fx = fxTable([
  { currency: "XOF", asOf: "2025-06-30", usdPerUnit: 0.0016 },
  { currency: "EUR", asOf: "2025-06-30", usdPerUnit: 1.1 },
]);
const today = "2026-11-23";

type CallOverrides = Partial<Omit<CallCriteria, "eligibility">> & {
  eligibility?: Partial<CallCriteria["eligibility"]>;
};
const call = (over: CallOverrides = {}): CallCriteria => ({
  id: "call",
  themes: [],
  languages: [],
  priorities: { ledBy: [], settings: [], themes: [] },
  ...over,
  eligibility: {
    countries: null,
    globalSouthOnly: false,
    legalStatuses: [],
    maxAnnualBudget: null,
    requiredLedBy: [],
    minTrustLevel: 0,
    ...over.eligibility,
  },
});

const org = (over: Partial<MatchProfile> = {}): MatchProfile => ({
  id: "org",
  country: "EG",
  countryFacts: { globalSouth: true, incomeGroup: "LMC", civicSpace: "closed" },
  legalStatus: "unregistered",
  setting: "rural",
  annualBudget: { amount: 800000, currency: "USD" },
  ledBy: ["women"],
  themes: ["womens_rights", "livelihoods"],
  languages: ["ar"],
  fundingReceivedUsd: 0,
  trustLevel: 1,
  ...over,
});

const reasonFor = (c: CallCriteria, o: MatchProfile, criterion: string) =>
  eligibilityReasons(c, o, fx, today).find((r) => r.criterion === criterion)!;

describe("eligibility: one reason per criterion, met or not", () => {
  test("countries", () => {
    const c = call({ eligibility: { countries: ["EG", "TN"] } });
    expect(reasonFor(c, org(), "country")).toMatchObject({ met: true, key: "match.country_met" });
    expect(reasonFor(c, org({ country: "SN" }), "country")).toMatchObject({
      met: false,
      key: "match.country_unmet",
      params: { country: { country: "SN" }, list: { countries: ["EG", "TN"] } },
    });
  });

  test("Global South only", () => {
    const c = call({ eligibility: { globalSouthOnly: true } });
    expect(reasonFor(c, org(), "global_south").met).toBe(true);
    expect(
      reasonFor(
        c,
        org({
          country: "FR",
          countryFacts: { globalSouth: false, incomeGroup: "HIC", civicSpace: "narrowed" },
        }),
        "global_south",
      ).met,
    ).toBe(false);
    // A country the reference table does not know is not assumed to be in the Global South.
    expect(reasonFor(c, org({ country: "XK", countryFacts: null }), "global_south").met).toBe(false);
  });

  test("legal status, including a profile that does not say", () => {
    const c = call({ eligibility: { legalStatuses: ["unregistered", "movement"] } });
    expect(reasonFor(c, org(), "legal_status")).toMatchObject({
      met: true,
      key: "match.legal_met.unregistered",
    });
    expect(reasonFor(c, org({ legalStatus: "registered" }), "legal_status")).toMatchObject({
      met: false,
      key: "match.legal_unmet",
    });
    expect(reasonFor(c, org({ legalStatus: null }), "legal_status")).toMatchObject({
      met: false,
      key: "match.legal_missing",
    });
  });

  test("budget ceiling in the same currency", () => {
    const c = call({ eligibility: { maxAnnualBudget: { amount: 5_000_000, currency: "USD" } } });
    expect(reasonFor(c, org(), "max_budget")).toMatchObject({ met: true, key: "match.budget_met" });
    expect(
      reasonFor(c, org({ annualBudget: { amount: 5_000_001, currency: "USD" } }), "max_budget").met,
    ).toBe(false);
    expect(
      reasonFor(c, org({ annualBudget: { amount: 5_000_000, currency: "USD" } }), "max_budget").met,
    ).toBe(true);
    expect(reasonFor(c, org({ annualBudget: null }), "max_budget")).toMatchObject({
      met: false,
      key: "match.budget_missing",
    });
  });

  test("budget ceiling across currencies uses the FX table (both sides in US cents)", () => {
    const c = call({ eligibility: { maxAnnualBudget: { amount: 5_000_000, currency: "USD" } } }); // 50,000 USD
    // 25,000,000 XOF × 0.0016 = 40,000 USD: under. 40,000,000 XOF = 64,000 USD: over.
    const under = reasonFor(c, org({ annualBudget: { amount: 25_000_000, currency: "XOF" } }), "max_budget");
    expect(under).toMatchObject({
      met: true,
      key: "match.budget_met_fx",
      params: { budgetUsd: { usd: 4_000_000 }, ceilingUsd: { usd: 5_000_000 } },
    });
    expect(
      reasonFor(c, org({ annualBudget: { amount: 40_000_000, currency: "XOF" } }), "max_budget"),
    ).toMatchObject({ met: false, key: "match.budget_unmet_fx" });
    // No rate for the currency: not silently eligible.
    expect(reasonFor(c, org({ annualBudget: { amount: 100, currency: "KPW" } }), "max_budget")).toMatchObject(
      { met: false, key: "match.budget_no_rate" },
    );
  });

  test("required led-by flags: all of them", () => {
    const c = call({ eligibility: { requiredLedBy: ["women", "youth"] } });
    expect(reasonFor(c, org(), "led_by").met).toBe(false);
    expect(reasonFor(c, org({ ledBy: ["youth", "women", "indigenous"] }), "led_by").met).toBe(true);
  });

  test("minimum trust level: met or not, the sentence says where the group stands and what would get it there", () => {
    const c = (level: number) => call({ eligibility: { minTrustLevel: level } });
    // No minimum (0) is no criterion at all.
    expect(eligibilityReasons(c(0), org({ trustLevel: 0 }), fx, today)).toEqual([
      { criterion: "open_to_all", met: true, key: "match.open_to_all", params: {} },
    ]);
    expect(reasonFor(c(2), org({ trustLevel: 2, trustVouches: 3 }), "trust_level")).toMatchObject({
      met: true,
      key: "match.trust_met_vouched",
      params: { vouches: { count: 3 }, required: { count: 2 } },
    });
    // Vouches unknown (not read for this profile), or fewer than two still counting since the level was stored.
    expect(reasonFor(c(2), org({ trustLevel: 2 }), "trust_level")).toMatchObject({
      met: true,
      key: "match.trust_met.2",
    });
    expect(reasonFor(c(2), org({ trustLevel: 2, trustVouches: 1 }), "trust_level")).toMatchObject({
      met: true,
      key: "match.trust_met.2",
    });
    expect(reasonFor(c(2), org({ trustLevel: 3 }), "trust_level")).toMatchObject({
      met: true,
      key: "match.trust_met.3",
    });
    expect(reasonFor(c(1), org({ trustLevel: 4 }), "trust_level")).toMatchObject({
      met: true,
      key: "match.trust_met.4",
    });
    expect(reasonFor(c(1), org({ trustLevel: 1 }), "trust_level")).toMatchObject({
      met: true,
      key: "match.trust_met.1",
    });
    expect(reasonFor(c(2), org({ trustLevel: 1, trustVouches: 0 }), "trust_level")).toMatchObject({
      met: false,
      key: "match.trust_unmet.2",
      params: { level: { count: 1 }, levelName: { trustLevel: 1 } },
    });
    expect(reasonFor(c(2), org({ trustLevel: 1, trustVouches: 1 }), "trust_level")).toMatchObject({
      met: false,
      key: "match.trust_unmet.2_one_vouch",
    });
    expect(reasonFor(c(2), org({ trustLevel: 0 }), "trust_level")).toMatchObject({
      met: false,
      key: "match.trust_unmet.2_unverified",
    });
    expect(reasonFor(c(1), org({ trustLevel: 0 }), "trust_level")).toMatchObject({
      met: false,
      key: "match.trust_unmet.1",
    });
    expect(reasonFor(c(3), org({ trustLevel: 2 }), "trust_level")).toMatchObject({
      met: false,
      key: "match.trust_unmet.3",
    });
    expect(reasonFor(c(4), org({ trustLevel: 3 }), "trust_level")).toMatchObject({
      met: false,
      key: "match.trust_unmet.4",
    });
    expect(evaluateMatch(c(3), org({ trustLevel: 2 }), fx, today).eligible).toBe(false);
    expect(evaluateMatch(c(3), org({ trustLevel: 3 }), fx, today).eligible).toBe(true);
  });

  test("a call with no criteria is open to all, and every criterion set yields exactly one reason", () => {
    expect(eligibilityReasons(call(), org(), fx, today)).toEqual([
      { criterion: "open_to_all", met: true, key: "match.open_to_all", params: {} },
    ]);
    const all = call({
      eligibility: {
        countries: ["EG"],
        globalSouthOnly: true,
        legalStatuses: ["registered"],
        maxAnnualBudget: { amount: 1, currency: "USD" },
        requiredLedBy: ["youth"],
        minTrustLevel: 2,
      },
    });
    const reasons = eligibilityReasons(all, org(), fx, today);
    expect(reasons.map((r) => r.criterion)).toEqual([
      "country",
      "global_south",
      "legal_status",
      "max_budget",
      "led_by",
      "trust_level",
    ]);
    expect(evaluateMatch(all, org(), fx, today).eligible).toBe(false);
  });
});

describe("score", () => {
  test("stays within 0–100; a perfect match of an organisation with every equity factor scores 100", () => {
    const c = call({
      themes: ["womens_rights"],
      languages: ["ar"],
      priorities: { ledBy: ["women"], settings: ["rural"], themes: ["womens_rights"] },
    });
    const perfect = org({
      countryFacts: { globalSouth: true, incomeGroup: "LIC", civicSpace: "closed" },
      annualBudget: { amount: 100_000, currency: "USD" },
    });
    expect(evaluateMatch(c, perfect, fx, today).score).toBe(100);
    const none = org({
      countryFacts: { globalSouth: false, incomeGroup: "HIC", civicSpace: "open" },
      legalStatus: "registered",
      setting: "urban",
      annualBudget: { amount: 1e10, currency: "USD" },
      ledBy: [],
      themes: [],
      languages: ["en"],
      fundingReceivedUsd: 1e12,
    });
    expect(evaluateMatch(c, none, fx, today).score).toBe(0);
    expect(Object.values(EQUITY_WEIGHTS).reduce((a, b) => a + b, 0)).toBe(WEIGHTS.equity);
    expect(Object.values(WEIGHTS).reduce((a, b) => a + b, 0)).toBe(100);
  });

  test("priorities, themes and language raise the score and each explain themselves", () => {
    const c = call({
      themes: ["womens_rights", "health"],
      languages: ["fr"],
      priorities: { ledBy: ["youth"], settings: [], themes: ["health"] },
    });
    const r = evaluateMatch(c, org(), fx, today);
    const by = (k: string) => r.reasons.find((x) => x.criterion === k)!;
    expect(by("priority_led_by")).toMatchObject({ met: false });
    expect(by("priority_themes")).toMatchObject({ met: false });
    expect(by("themes")).toMatchObject({ met: true, params: { shared: { themes: ["womens_rights"] } } });
    expect(by("language")).toMatchObject({ met: false, key: "match.language_unmet" });
    const better = evaluateMatch(
      c,
      org({ ledBy: ["youth"], themes: ["womens_rights", "health"], languages: ["fr-SN"] }),
      fx,
      today,
    );
    expect(better.score).toBeGreaterThan(r.score);
  });

  test("the equity boost ranks the smaller, informal, rural, less-funded group higher among otherwise equal matches", () => {
    const c = call({ themes: ["womens_rights"] });
    const small = org({ id: "b-small" });
    const large = org({
      id: "a-large",
      legalStatus: "registered",
      setting: "urban",
      annualBudget: { amount: 90_000_000, currency: "USD" },
    });
    const funded = org({ id: "c-funded", fundingReceivedUsd: 10_000_000 });
    const ranked = [large, funded, small]
      .map((o) => ({ id: o.id, ...evaluateMatch(c, o, fx, today) }))
      .sort(compareMatches);
    expect(ranked.map((m) => m.id)).toEqual(["b-small", "c-funded", "a-large"]);
    const reasons = ranked[0].reasons.filter((r) => r.criterion === "equity").map((r) => r.key);
    expect(reasons).toEqual([
      "match.equity_small",
      "match.equity_informal",
      "match.equity_rural",
      "match.equity_income",
      "match.equity_civic",
      "match.equity_unfunded",
    ]);
  });

  test("equity factors follow the country's income group and civic space", () => {
    const lic = equityBoost(
      org({ countryFacts: { globalSouth: true, incomeGroup: "LIC", civicSpace: "open" } }),
      fx,
      today,
    );
    const umc = equityBoost(
      org({ countryFacts: { globalSouth: true, incomeGroup: "UMC", civicSpace: "open" } }),
      fx,
      today,
    );
    expect(lic.factors.lowIncomeCountry).toBeGreaterThan(umc.factors.lowIncomeCountry);
    const closed = equityBoost(
      org({ countryFacts: { globalSouth: true, incomeGroup: "LIC", civicSpace: "closed" } }),
      fx,
      today,
    );
    expect(closed.fraction).toBeGreaterThan(lic.fraction);
  });

  test("eligible first, then score, then id: the same data always gives the same order", () => {
    const c = call({ eligibility: { countries: ["EG"] } });
    const orgs = [org({ id: "z" }), org({ id: "a" }), org({ id: "m", country: "TN" }), org({ id: "b" })];
    const rank = () =>
      orgs
        .map((o) => ({ id: o.id, ...evaluateMatch(c, o, fx, today) }))
        .sort(compareMatches)
        .map((m) => m.id);
    expect(rank()).toEqual(["a", "b", "z", "m"]);
    expect(rank()).toEqual(rank());
  });
});

describe("the fast ranking path agrees with the explained one", () => {
  test("eligible exactly when every eligibility reason is met, and the same score, over many combinations", async () => {
    const { fastMatch, prepareCall, prepareOrg, explainMatch } = await import("../../worker/domain/matching");
    const { LED_BY, LEGAL_STATUSES, SETTINGS, THEMES } = await import("../../schema/enums");
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const some = <T>(all: readonly T[], p: number) => all.filter(() => rand() < p);
    for (let i = 0; i < 2000; i++) {
      const c = call({
        themes: some(THEMES, 0.2),
        languages: some(["ar", "fr", "en"], 0.4),
        priorities: { ledBy: some(LED_BY, 0.2), settings: some(SETTINGS, 0.3), themes: some(THEMES, 0.1) },
        eligibility: {
          countries: rand() < 0.4 ? some(["EG", "SN", "TN", "FR"], 0.5) : null,
          globalSouthOnly: rand() < 0.5,
          legalStatuses: some(LEGAL_STATUSES, 0.3),
          maxAnnualBudget:
            rand() < 0.5
              ? { amount: Math.floor(rand() * 1e7), currency: rand() < 0.5 ? "USD" : "XOF" }
              : null,
          requiredLedBy: some(LED_BY, 0.15),
          minTrustLevel: rand() < 0.5 ? 0 : Math.floor(rand() * 5),
        },
      });
      const o = org({
        id: `o${i}`,
        country: ["EG", "SN", "TN", "FR"][Math.floor(rand() * 4)],
        ledBy: some(LED_BY, 0.3),
        themes: some(THEMES, 0.2),
        legalStatus: rand() < 0.1 ? null : LEGAL_STATUSES[Math.floor(rand() * 4)],
        setting: rand() < 0.1 ? null : SETTINGS[Math.floor(rand() * 3)],
        annualBudget:
          rand() < 0.1
            ? null
            : { amount: Math.floor(rand() * 1e8), currency: ["USD", "XOF", "KPW"][Math.floor(rand() * 3)] },
        languages: some(["ar", "fr-SN", "en"], 0.4),
        fundingReceivedUsd: Math.floor(rand() * 1e7),
        trustLevel: Math.floor(rand() * 5),
        trustVouches: rand() < 0.5 ? undefined : Math.floor(rand() * 4),
      });
      const fast = fastMatch(prepareCall(c, fx, today), prepareOrg(o, fx, today));
      const reasons = explainMatch(c, o, fx, today);
      const eligibility = reasons.filter((r) =>
        [
          "open_to_all",
          "country",
          "global_south",
          "legal_status",
          "max_budget",
          "led_by",
          "trust_level",
        ].includes(r.criterion),
      );
      expect(fast.eligible, JSON.stringify({ c, o })).toBe(eligibility.every((r) => r.met));
      // The score recomputed from the reasons alone.
      const prio = reasons.filter((r) => r.criterion.startsWith("priority_"));
      const theme = reasons.find((r) => r.criterion === "themes");
      const lang = reasons.find((r) => r.criterion === "language");
      const fromReasons =
        WEIGHTS.priorities * (prio.length ? prio.filter((r) => r.met).length / prio.length : 1) +
        WEIGHTS.themes *
          (theme ? (theme.params.shared as { themes: string[] }).themes.length / c.themes.length : 1) +
        WEIGHTS.language * (lang ? Number(lang.met) : 1) +
        WEIGHTS.equity * equityBoost(o, fx, today).fraction;
      expect(fast.rawScore).toBeCloseTo(fromReasons, 9);
      expect(fast.score).toBeGreaterThanOrEqual(0);
      expect(fast.score).toBeLessThanOrEqual(100);
    }
  });
});
