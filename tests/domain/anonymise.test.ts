// What panelists see of an application: checked by searching the serialised bytes for anything that
// could name the applicant.
import { describe, expect, test } from "vitest";
import { anonymisedApplication, reviewRef } from "../../worker/domain/anonymise";

/** An organisation row with distinctive identifying values, plus the coarse facts panelists may see. */
const org = {
  id: "org_Zq81identifying",
  name: "Tamazight Wells Collective",
  description: "Founded by Fatima Ouhadi in Tafraout",
  email: "contact@tamazight-wells.example",
  phone: "+212 600 123 987",
  website: "https://tamazight-wells.example/about",
  area: "Tafraout valley",
  members: [{ userId: "usr_Member77", name: "Fatima Ouhadi", email: "fatima@ouhadi.example" }],
  country: "MA",
  setting: "rural" as const,
  ledBy: 0b101, // women, disabled_people
  budgetUsdCents: 3_500_000, // 35,000 USD
};

const application = {
  id: "app_Kp04identifying",
  answers: {
    q1: "Repair two village wells before summer.",
    q2: "Women's committees maintain them.",
    stale: "old",
  },
  requestedAmount: 450_000,
  requestedCurrency: "MAD",
};

const call = { questionIds: ["q1", "q2"], refSalt: "call-secret-salt" };

describe("anonymisedApplication", () => {
  test("keeps the answers, amount and coarse facts", async () => {
    const anon = await anonymisedApplication(application, org, call);
    expect(anon).toEqual({
      ref: expect.stringMatching(/^r_[0-9a-f]{20}$/),
      answers: { q1: "Repair two village wells before summer.", q2: "Women's committees maintain them." },
      requestedAmount: { amount: 450_000, currency: "MAD" },
      country: "MA",
      setting: "rural",
      sizeBand: "10k_50k",
      ledBy: ["women", "disabled_people"],
    });
  });

  test("no name, member, contact, website, id or free-text profile field anywhere in the bytes", async () => {
    const bytes = JSON.stringify(await anonymisedApplication(application, org, call));
    const forbidden = [
      org.id,
      application.id,
      "Zq81",
      "Kp04",
      org.name,
      "Tamazight",
      org.description,
      "Ouhadi",
      org.email,
      "tamazight-wells",
      org.phone,
      "600 123",
      org.website,
      org.area,
      "usr_Member77",
      "fatima@",
    ];
    for (const needle of forbidden) expect(bytes.toLowerCase()).not.toContain(needle.toLowerCase());
  });

  test("extra fields on the organisation never leak, whatever they are called", async () => {
    const leaky = { ...org, contactName: "Secret Person", socialHandle: "@secret_handle" };
    const bytes = JSON.stringify(await anonymisedApplication(application, leaky, call));
    expect(bytes).not.toContain("Secret Person");
    expect(bytes).not.toContain("secret_handle");
    expect(Object.keys(JSON.parse(bytes)).sort()).toEqual(
      ["answers", "country", "ledBy", "ref", "requestedAmount", "setting", "sizeBand"].sort(),
    );
  });

  test("unknown budget and amount stay unknown", async () => {
    const anon = await anonymisedApplication(
      { ...application, requestedAmount: null, requestedCurrency: null },
      { ...org, budgetUsdCents: null, setting: null, ledBy: 0 },
      call,
    );
    expect([anon.requestedAmount, anon.sizeBand, anon.setting, anon.ledBy]).toEqual([null, null, null, []]);
  });
});

describe("reviewRef", () => {
  test("stable for the same application and salt, different across applications and salts", async () => {
    const a = await reviewRef("app_1", "salt");
    expect(await reviewRef("app_1", "salt")).toBe(a);
    expect(await reviewRef("app_2", "salt")).not.toBe(a);
    expect(await reviewRef("app_1", "other-salt")).not.toBe(a);
    expect(a).not.toContain("app_1");
  });
});
