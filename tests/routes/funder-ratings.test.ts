// Anonymous ratings of funders by the groups that applied to them: only those groups rate, one rating per
// group (a second replaces the first), the row does not say which group gave it, and nothing is published
// until k groups have rated — not even how many have so far.
import { env } from "cloudflare:workers";
import { describe, expect, test } from "vitest";
import { Client } from "../helpers/client";
import { signUp, userWithRole, orgOwner, csoFields, funderFields, addMember } from "../helpers/world";
import { applicant, apply, openFunder } from "../helpers/feedback";

const ratingRows = async (funderOrgId: string) =>
  (
    await env.DB.prepare("SELECT * FROM funder_ratings WHERE funder_org_id = ?")
      .bind(funderOrgId)
      .all<Record<string, unknown>>()
  ).results;

const scores = (easeOfApplying: number, respect: number, speed: number, comment?: string) => ({
  easeOfApplying,
  respect,
  speed,
  ...(comment === undefined ? {} : { comment }),
});

describe("ratings are published only over k groups (k = 5, EQUITY_K)", () => {
  test("four ratings publish nothing, not even the count; the fifth publishes the hand-computed means and comments", async () => {
    const funder = await openFunder();
    const groups = await Promise.all(Array.from({ length: 5 }, () => applicant(funder)));
    const given = [
      scores(5, 5, 1, "Short form, quick answer."),
      scores(4, 5, 2),
      scores(3, 4, 2, "They called us back in Arabic."),
      scores(4, 4, 3, ""),
      scores(2, 4, 3),
    ];
    for (const [i, g] of groups.slice(0, 4).entries()) {
      const res = await g.post(`/api/v1/funders/${funder.org.id}/ratings`, { orgId: g.org.id, ...given[i] });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ ...given[i], comment: given[i].comment || null, replaced: false });
    }

    const hidden = await new Client().get(`/api/v1/funders/${funder.org.id}/ratings`);
    expect(hidden.status).toBe(200);
    expect(hidden.body).toEqual({
      funderOrgId: funder.org.id,
      k: 5,
      suppressed: true,
      raters: null,
      easeOfApplying: null,
      respect: null,
      speed: null,
      comments: [],
    });
    // The raters themselves and the funder see the same: nobody learns how many have rated.
    expect((await groups[0].get(`/api/v1/funders/${funder.org.id}/ratings`)).body).toEqual(hidden.body);
    expect((await funder.get(`/api/v1/funders/${funder.org.id}/ratings`)).body).toEqual(hidden.body);
    const page = await new Client().page(`/orgs/${funder.org.id}`);
    expect(page.html).toContain("Not published yet");
    expect(page.html).not.toContain("Short form, quick answer.");

    expect(
      (
        await groups[4].post(`/api/v1/funders/${funder.org.id}/ratings`, {
          orgId: groups[4].org.id,
          ...given[4],
        })
      ).status,
    ).toBe(201);
    const shown = await new Client().get(`/api/v1/funders/${funder.org.id}/ratings`);
    // ease (5+4+3+4+2)/5 = 3.6; respect (5+5+4+4+4)/5 = 4.4; speed (1+2+2+3+3)/5 = 2.2.
    expect(shown.body).toEqual({
      funderOrgId: funder.org.id,
      k: 5,
      suppressed: false,
      raters: 5,
      easeOfApplying: 3.6,
      respect: 4.4,
      speed: 2.2,
      comments: ["Short form, quick answer.", "They called us back in Arabic."],
    });
    const published = await new Client().page(`/orgs/${funder.org.id}`);
    expect(published.html).toContain("3.6 out of 5");
    expect(published.html).toContain("4.4 out of 5");
    expect(published.html).toContain("2.2 out of 5");
    expect(published.html).toContain("They called us back in Arabic.");
    expect(published.html).not.toContain("Not published yet");
  });

  test("one rating per group: a second rating replaces the first (200), from any of its members", async () => {
    const funder = await openFunder();
    const group = await applicant(funder);
    const colleague = await signUp();
    await addMember(group, group.org.id, colleague);
    const url = `/api/v1/funders/${funder.org.id}/ratings`;
    expect((await group.post(url, { orgId: group.org.id, ...scores(2, 2, 2, "First.") })).status).toBe(201);
    const again = await colleague.post(url, { orgId: group.org.id, ...scores(4, 5, 3) });
    expect(again.status).toBe(200);
    expect(again.body).toEqual({
      funderOrgId: funder.org.id,
      ...scores(4, 5, 3),
      comment: null,
      replaced: true,
    });
    const rows = await ratingRows(funder.org.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ ease_of_applying: 4, respect: 5, speed: 3, comment: null });

    // Another group's rating is a second row.
    const other = await applicant(funder);
    expect((await other.post(url, { orgId: other.org.id, ...scores(1, 1, 1) })).status).toBe(201);
    expect(await ratingRows(funder.org.id)).toHaveLength(2);
  });

  test("the row does not say which group or person rated: a keyed hash, no organisation or user column", async () => {
    const funder = await openFunder();
    const group = await applicant(funder);
    await group.post(`/api/v1/funders/${funder.org.id}/ratings`, { orgId: group.org.id, ...scores(3, 3, 3) });
    const [row] = await ratingRows(funder.org.id);
    expect(Object.keys(row).sort()).toEqual([
      "comment",
      "created_at",
      "ease_of_applying",
      "funder_org_id",
      "rater_key",
      "respect",
      "speed",
      "updated_at",
    ]);
    expect(row.rater_key).toMatch(/^[0-9a-f]{64}$/);
    const stored = JSON.stringify(row);
    for (const trace of [group.org.id, group.userId, group.email]) expect(stored).not.toContain(trace);
    // Nor a plain hash of the pair anyone could recompute without the deployment's secret.
    const plain = async (s: string) =>
      [...new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(s)))]
        .map((b) => b.toString(16).padStart(2, "0"))
        .join("");
    expect(row.rater_key).not.toBe(await plain(`${funder.org.id}:${group.org.id}`));
    // Only the day is kept.
    expect(row.created_at).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(row.updated_at).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const audit = await env.DB.prepare(
      "SELECT count(*) AS n FROM audit_log WHERE data LIKE ? OR subject_id = ?",
    )
      .bind(`%${group.org.id}%`, funder.org.id)
      .first<{ n: number }>();
    const before = audit!.n;
    await group.post(`/api/v1/funders/${funder.org.id}/ratings`, { orgId: group.org.id, ...scores(4, 4, 4) });
    const after = await env.DB.prepare(
      "SELECT count(*) AS n FROM audit_log WHERE data LIKE ? OR subject_id = ?",
    )
      .bind(`%${group.org.id}%`, funder.org.id)
      .first<{ n: number }>();
    expect(after!.n).toBe(before);
  });
});

describe("who may rate", () => {
  test("a group that never applied, or only started a draft, is refused with a sentence saying why", async () => {
    const funder = await openFunder();
    const url = `/api/v1/funders/${funder.org.id}/ratings`;
    const never = await orgOwner(csoFields);
    const refused = await never.post(url, { orgId: never.org.id, ...scores(1, 1, 1) });
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toMatch(/applied to one of this funder's calls/);
    expect(refused.body.errors).toEqual([{ path: "orgId", message: refused.body.detail }]);

    const drafter = await orgOwner(csoFields);
    await apply(funder, drafter, { draft: true });
    expect((await drafter.post(url, { orgId: drafter.org.id, ...scores(1, 1, 1) })).status).toBe(403);

    // Having applied to another funder does not count.
    const elsewhere = await applicant(await openFunder());
    expect((await elsewhere.post(url, { orgId: elsewhere.org.id, ...scores(1, 1, 1) })).status).toBe(403);
    // The funder's own members cannot rate it through their funder organisation.
    expect((await funder.post(url, { orgId: funder.org.id, ...scores(5, 5, 5) })).status).toBe(403);
    expect(await ratingRows(funder.org.id)).toEqual([]);
  });

  test("a person rates only for a group they belong to; anonymous callers sign in first", async () => {
    const funder = await openFunder();
    const group = await applicant(funder);
    const url = `/api/v1/funders/${funder.org.id}/ratings`;
    const [stranger, admin] = await Promise.all([signUp(), userWithRole("admin")]);
    for (const who of [stranger, admin]) {
      const res = await who.post(url, { orgId: group.org.id, ...scores(1, 1, 1) });
      expect(res.status).toBe(403);
      expect(res.body.errors).toEqual([{ path: "orgId", message: expect.stringMatching(/you belong to/) }]);
    }
    // An id that names nothing is refused the same way: the answer does not tell which ids exist.
    const ghost = await stranger.post(url, { orgId: "no-such-group", ...scores(1, 1, 1) });
    expect(ghost.status).toBe(403);
    expect(ghost.body.detail).toBe(
      (await stranger.post(url, { orgId: group.org.id, ...scores(1, 1, 1) })).body.detail,
    );
    expect((await new Client().post(url, { orgId: group.org.id, ...scores(1, 1, 1) })).status).toBe(401);
    expect(await ratingRows(funder.org.id)).toEqual([]);
  });

  test("a hidden funder, a group's id and an unknown id are 404; a funders-only funder's ratings are for verified funders", async () => {
    const hiddenFunder = await openFunder();
    const group = await applicant(hiddenFunder);
    await hiddenFunder.patch(`/api/v1/orgs/${hiddenFunder.org.id}`, {
      version: hiddenFunder.org.version,
      visibility: "hidden",
    });
    const url = `/api/v1/funders/${hiddenFunder.org.id}/ratings`;
    expect((await new Client().get(url)).status).toBe(404);
    expect((await group.get(url)).status).toBe(404);
    expect((await group.post(url, { orgId: group.org.id, ...scores(1, 1, 1) })).status).toBe(404);
    expect((await new Client().post(url, { orgId: group.org.id, ...scores(1, 1, 1) })).status).toBe(404);
    expect((await hiddenFunder.get(url)).status).toBe(200);
    expect((await new Client().get(`/api/v1/funders/${group.org.id}/ratings`)).status).toBe(404);
    expect((await new Client().get("/api/v1/funders/no-such-funder/ratings")).status).toBe(404);

    const quiet = await orgOwner({ ...funderFields, visibility: "funders_only" });
    const ratingsUrl = `/api/v1/funders/${quiet.org.id}/ratings`;
    expect((await new Client().get(ratingsUrl)).status).toBe(404);
    expect((await (await signUp()).get(ratingsUrl)).status).toBe(404);
    expect((await (await orgOwner(funderFields)).get(ratingsUrl)).status).toBe(200);
  });

  test("scores are whole numbers from 1 to 5 and comments at most 500 characters (400 naming the field)", async () => {
    const funder = await openFunder();
    const group = await applicant(funder);
    const url = `/api/v1/funders/${funder.org.id}/ratings`;
    for (const [body, path] of [
      [scores(0, 3, 3), "easeOfApplying"],
      [scores(3, 6, 3), "respect"],
      [scores(3, 3, 2.5), "speed"],
      [{ ...scores(3, 3, 3), speed: "4" }, "speed"],
      [{ easeOfApplying: 3, respect: 3 }, "speed"],
      [scores(3, 3, 3, "x".repeat(501)), "comment"],
      [{ ...scores(3, 3, 3), userId: group.userId }, "userId"],
    ] as const) {
      const res = await group.post(url, { orgId: group.org.id, ...body });
      expect(res.status, JSON.stringify(body).slice(0, 60)).toBe(400);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    expect((await group.post(url, scores(3, 3, 3))).body.errors.map((e: { path: string }) => e.path)).toEqual(
      ["orgId"],
    );
    expect(await ratingRows(funder.org.id)).toEqual([]);
    const ok = await group.post(url, {
      orgId: group.org.id,
      ...scores(3, 3, 3, ` ${"x".repeat(500)} \u0000`),
    });
    expect(ok.status).toBe(201);
  });
});

describe("rating pages (no JavaScript)", () => {
  test("the funder's page links to the form for members of groups that applied; the form posts and says it was saved", async () => {
    const funder = await openFunder();
    const group = await applicant(funder);
    const rateLink = `href="/funders/${funder.org.id}/rate"`;
    expect((await group.page(`/orgs/${funder.org.id}`)).html).toContain(rateLink);
    expect((await new Client().page(`/orgs/${funder.org.id}`)).html).not.toContain(rateLink);
    expect((await (await orgOwner(csoFields)).page(`/orgs/${funder.org.id}`)).html).not.toContain(rateLink);

    const form = await group.page(`/funders/${funder.org.id}/rate`);
    expect(form.status).toBe(200);
    expect(form.html).toContain(`action="/funders/${funder.org.id}/rate"`);
    expect(form.html).toContain(`<option value="${group.org.id}"`);

    const missing = await group.form(`/funders/${funder.org.id}/rate`, { orgId: group.org.id, respect: "4" });
    expect(missing.status).toBe(400);
    expect(missing.html).toContain('role="alert"');
    expect(missing.html).toContain('value="4" checked');

    const saved = await group.form(`/funders/${funder.org.id}/rate`, {
      orgId: group.org.id,
      easeOfApplying: "5",
      respect: "4",
      speed: "2",
      comment: "",
    });
    expect(saved.status).toBe(303);
    expect(saved.headers.get("location")).toBe(`/funders/${funder.org.id}/rate?notice=saved`);
    expect((await group.page(saved.headers.get("location")!)).html).toContain(
      "Your group's rating is saved.",
    );
    expect(await ratingRows(funder.org.id)).toEqual([
      expect.objectContaining({ ease_of_applying: 5, respect: 4, speed: 2, comment: null }),
    ]);
  });

  test("who may not rate gets the reason, 401 or 404; the Arabic form is right-to-left", async () => {
    const funder = await openFunder();
    const group = await applicant(funder);
    const never = await orgOwner(csoFields);
    const refused = await never.page(`/funders/${funder.org.id}/rate`);
    expect(refused.status).toBe(403);
    expect(refused.html).toContain("none of your organisations has");
    expect((await new Client().page(`/funders/${funder.org.id}/rate`)).status).toBe(401);
    expect((await group.page(`/funders/${group.org.id}/rate`)).status).toBe(404);
    expect(
      (
        await never.form(`/funders/${funder.org.id}/rate`, {
          orgId: group.org.id,
          easeOfApplying: "1",
          respect: "1",
          speed: "1",
        })
      ).status,
    ).toBe(403);

    const ar = await group.page(`/funders/${funder.org.id}/rate?lang=ar`);
    expect(ar.html).toContain('<html lang="ar" dir="rtl">');
    expect(ar.html).toContain("تقييم مموّل");
    const funderPage = await new Client().page(`/orgs/${funder.org.id}?lang=ar`);
    expect(funderPage.html).toContain("لم يُنشر بعد");
  });
});
