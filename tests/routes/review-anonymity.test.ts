// Reviewers never learn who applied: every panel page and API answer a reviewer gets is searched, as
// bytes, for anything that names or reaches the applicant — the organisation's name, description, area
// and id, the application's id, its members' names, e-mail addresses and user ids.
import { describe, expect, it } from "vitest";
import { addMember, csoFields, signUp } from "../helpers/world";
import { apply } from "../helpers/feedback";
import { closeCall, panelOf, reviewedCall, type Funder } from "../helpers/panel";
import type { Client } from "../helpers/client";

/** An applicant whose every identifying detail is a string nothing else on a page could contain. */
const identifiableApplicant = async (funder: Funder, tag: string, name: string) => {
  const owner = await signUp({
    name: `Owner ${tag} Zubeida`,
    email: `owner-${tag}@applicant-${tag}.example`,
  });
  const org = await owner.post("/api/v1/orgs", {
    ...csoFields,
    name,
    description: `Our secret history ${tag} Quillwort`,
    area: `Hidden Valley ${tag}`,
    annualBudget: { amount: 4_000_000, currency: "EGP" },
  });
  if (org.status !== 201) throw new Error(`org: ${JSON.stringify(org.body)}`);
  const cso = Object.assign(owner, { org: org.body as { id: string; version: number } });
  const member = await signUp({
    name: `Member ${tag} Thandiwe`,
    email: `member-${tag}@applicant-${tag}.example`,
  });
  await addMember(cso, cso.org.id, member);
  const applicationId = await apply(funder, cso as unknown as Parameters<typeof apply>[1]);
  return {
    owner: owner as Client,
    secrets: [
      name,
      `Our secret history ${tag} Quillwort`,
      `Hidden Valley ${tag}`,
      cso.org.id,
      applicationId,
      `Owner ${tag} Zubeida`,
      `Member ${tag} Thandiwe`,
      owner.email,
      member.email,
      `applicant-${tag}.example`,
      owner.userId,
      member.userId,
    ].filter(Boolean),
  };
};

/** The body's bytes as text, and the HTML-escaped forms of each secret too (names may contain quotes). */
const leaks = async (res: Response, secrets: string[]) => {
  const text = new TextDecoder().decode(new Uint8Array(await res.arrayBuffer()));
  const forms = (s: string) => [
    s,
    s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`),
    JSON.stringify(s).slice(1, -1),
  ];
  return secrets.filter((s) => forms(s).some((f) => text.includes(f)));
};

/** An explicit language switch: a signed-in person's saved language would win over Accept-Language. */
const get = async (who: Client, path: string, lang: string) => {
  const res = await who.fetch(`${path}${path.includes("?") ? "&" : "?"}lang=${lang}`);
  return res;
};

describe("anonymised review", () => {
  for (const mode of ["panel", "peer"] as const)
    it(`${mode}: no page or API answer a reviewer gets names or reaches the applicant`, async () => {
      const funder = await reviewedCall(mode, 1);
      const reviewers: Client[] = mode === "panel" ? await panelOf(funder, 1) : [];
      const a = await identifiableApplicant(funder, `${mode}a`, `Nadawa Collective ${mode} Xylo`);
      const b = await identifiableApplicant(funder, `${mode}b`, `جمعية الندى ${mode} للتجريب`);
      await closeCall(funder);
      // In peer mode the applicants review each other: each one's pages must not reveal the other.
      const pairs: [Client, string[]][] =
        mode === "panel"
          ? [[reviewers[0]!, [...a.secrets, ...b.secrets]]]
          : [
              [a.owner, b.secrets],
              [b.owner, a.secrets],
            ];
      for (const [reviewer, secrets] of pairs) {
        const list = await reviewer.get("/api/v1/me/reviews");
        expect(list.status).toBe(200);
        const items = list.body.items as { id: string; application: Record<string, unknown> }[];
        expect(items.length).toBeGreaterThan(0);
        expect(Object.keys(items[0]!.application).sort()).toEqual(
          ["answers", "country", "ledBy", "ref", "requestedAmount", "setting", "sizeBand"].sort(),
        );
        // The coarse facts are there: the budget is only a band (4,000,000 EGP is under 250,000 USD).
        expect(items[0]!.application).toMatchObject({ country: "EG", setting: "rural", ledBy: ["women"] });
        expect(items[0]!.application.sizeBand).toEqual(expect.any(String));
        const checked: Response[] = [await get(reviewer, "/api/v1/me/reviews", "en")];
        for (const { id } of items) {
          checked.push(await get(reviewer, `/api/v1/reviews/${id}`, "en"));
          for (const lang of ["en", "ar"]) {
            checked.push(await get(reviewer, "/reviews", lang));
            checked.push(await get(reviewer, `/reviews/${id}`, lang));
          }
          checked.push(
            await reviewer.fetch(`/api/v1/reviews/${id}`, {
              method: "POST",
              headers: { "Content-Type": "application/json" },
              body: JSON.stringify({ score: 4, comment: "Clear." }),
            }),
          );
          checked.push(await get(reviewer, `/reviews/${id}?notice=saved`, "ar"));
        }
        // The Arabic pages really are Arabic (the switch is remembered, so ask in English again after).
        expect(await (await get(reviewer, "/reviews", "ar")).text()).toContain('<html lang="ar" dir="rtl">');
        await get(reviewer, "/reviews", "en");
        for (const res of checked) {
          expect(res.status, res.url).toBeLessThan(300);
          expect(await leaks(res, secrets), res.url).toEqual([]);
        }
      }
    });

  it("the search itself finds a leak: the applicant's own application page names the group", async () => {
    const funder = await reviewedCall("panel", 1);
    const owner = await signUp({ name: "Owner Selfcheck Zubeida" });
    const org = await owner.post("/api/v1/orgs", { ...csoFields, name: "Selfcheck Collective Xylo" });
    const cso = Object.assign(owner, { org: org.body as { id: string; version: number } });
    const applicationId = await apply(funder, cso as unknown as Parameters<typeof apply>[1]);
    const page = await owner.fetch(`/applications/${applicationId}`);
    expect(await leaks(page, ["Selfcheck Collective Xylo", applicationId])).not.toEqual([]);
  });
});
