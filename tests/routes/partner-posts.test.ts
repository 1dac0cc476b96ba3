// "Looking for partners" on a call: who may post (not a hidden group: the post would reveal it), who
// reads the posts (signed in; funders-only groups only for those who may see them), closing, the page.
import { describe, expect, test } from "vitest";
import { expireCall, funderWithCall } from "../helpers/calls";
import { csoFields, funderFields, orgOwner, signUp } from "../helpers/world";
import { Client } from "../helpers/client";

const MESSAGE = "We run literacy circles in Minya and seek a partner for legal aid.";
const paths = (body: { errors?: { path: string }[] }) => (body.errors ?? []).map((e) => e.path);
const orgIdsOf = (body: { items?: { orgId: string }[] }) => (body.items ?? []).map((p) => p.orgId);

describe("looking for partners", () => {
  test("a public group posts on an open call; signed-in people read it with the group's name, anonymous get 401", async () => {
    const { call } = await funderWithCall({ eligibility: {} });
    const group = await orgOwner({ ...csoFields, name: "Minya Literacy Circle" });
    const posted = await group.post(`/api/v1/calls/${call.id}/partner-posts`, {
      orgId: group.org.id,
      message: MESSAGE,
    });
    expect(posted.status).toBe(201);
    expect(posted.body).toMatchObject({
      callId: call.id,
      orgId: group.org.id,
      orgName: "Minya Literacy Circle",
    });

    expect((await new Client().get(`/api/v1/calls/${call.id}/partner-posts`)).status).toBe(401);
    const someone = await signUp();
    const read = await someone.get(`/api/v1/calls/${call.id}/partner-posts`);
    expect(read.status).toBe(200);
    expect(read.body.items).toEqual([
      expect.objectContaining({ orgId: group.org.id, orgName: "Minya Literacy Circle", message: MESSAGE }),
    ]);
  });

  test("a hidden group cannot post (422 naming orgId) and nothing is stored", async () => {
    const { call } = await funderWithCall({ eligibility: {} });
    const hidden = await orgOwner({ ...csoFields, name: "Hidden Defenders", visibility: "hidden" });
    const r = await hidden.post(`/api/v1/calls/${call.id}/partner-posts`, {
      orgId: hidden.org.id,
      message: MESSAGE,
    });
    expect(r.status).toBe(422);
    expect(paths(r.body)).toEqual(["orgId"]);
    expect(r.headers.get("content-type")).toContain("application/problem+json");
    expect((await hidden.get(`/api/v1/calls/${call.id}/partner-posts`)).body.items).toEqual([]);
  });

  test("funders-only groups' posts are listed to verified funders and their own members, not to other groups", async () => {
    const funder = await funderWithCall({ eligibility: {} });
    const quiet = await orgOwner({ ...csoFields, name: "Quiet Group", visibility: "funders_only" });
    const open = await orgOwner({ ...csoFields, name: "Open Group" });
    for (const g of [quiet, open])
      expect(
        (await g.post(`/api/v1/calls/${funder.call.id}/partner-posts`, { orgId: g.org.id, message: MESSAGE }))
          .status,
      ).toBe(201);
    const url = `/api/v1/calls/${funder.call.id}/partner-posts`;
    expect(orgIdsOf((await funder.get(url)).body).sort()).toEqual([quiet.org.id, open.org.id].sort());
    expect(orgIdsOf((await quiet.get(url)).body).sort()).toEqual([quiet.org.id, open.org.id].sort());
    expect(orgIdsOf((await open.get(url)).body)).toEqual([open.org.id]);
    const unverified = await orgOwner(funderFields, { verified: false });
    expect(orgIdsOf((await unverified.get(url)).body)).toEqual([open.org.id]);
    // The call page names the funders-only group to the funder only.
    expect((await funder.page(`/calls/${funder.call.id}`)).html).toContain("Quiet Group");
    expect((await open.page(`/calls/${funder.call.id}`)).html).not.toContain("Quiet Group");
  });

  test("bad input names the field; only members post for their group; closed and confidential calls refuse", async () => {
    const { call } = await funderWithCall({ eligibility: {} });
    const group = await orgOwner(csoFields);
    const short = await group.post(`/api/v1/calls/${call.id}/partner-posts`, {
      orgId: group.org.id,
      message: "short",
    });
    expect(short.status).toBe(400);
    expect(paths(short.body)).toEqual(["message"]);
    const other = await orgOwner(csoFields);
    expect(
      (await other.post(`/api/v1/calls/${call.id}/partner-posts`, { orgId: group.org.id, message: MESSAGE }))
        .status,
    ).toBe(403);
    const hidden = await orgOwner({ ...csoFields, visibility: "hidden" });
    expect(
      (await other.post(`/api/v1/calls/${call.id}/partner-posts`, { orgId: hidden.org.id, message: MESSAGE }))
        .status,
    ).toBe(404);
    expect(
      (
        await new Client().post(`/api/v1/calls/${call.id}/partner-posts`, {
          orgId: group.org.id,
          message: MESSAGE,
        })
      ).status,
    ).toBe(401);
    const funder = await orgOwner(funderFields);
    const asFunder = await funder.post(`/api/v1/calls/${call.id}/partner-posts`, {
      orgId: funder.org.id,
      message: MESSAGE,
    });
    expect(asFunder.status).toBe(422);
    expect(paths(asFunder.body)).toEqual(["orgId"]);

    const confidential = await funderWithCall({ eligibility: {}, confidential: true });
    const secret = await group.post(`/api/v1/calls/${confidential.call.id}/partner-posts`, {
      orgId: group.org.id,
      message: MESSAGE,
    });
    expect(secret.status).toBe(422);
    expect(paths(secret.body)).toEqual(["callId"]);

    await expireCall(call.id);
    const late = await group.post(`/api/v1/calls/${call.id}/partner-posts`, {
      orgId: group.org.id,
      message: MESSAGE,
    });
    expect(late.status).toBe(422);
    expect(paths(late.body)).toEqual(["callId"]);
  });

  test("the posting group's members close a post; others get 403, strangers to a hidden group 404", async () => {
    const { call } = await funderWithCall({ eligibility: {} });
    const group = await orgOwner(csoFields);
    const post = (
      await group.post(`/api/v1/calls/${call.id}/partner-posts`, { orgId: group.org.id, message: MESSAGE })
    ).body;
    const other = await orgOwner(csoFields);
    expect((await other.post(`/api/v1/partner-posts/${post.id}/close`)).status).toBe(403);
    expect((await new Client().post(`/api/v1/partner-posts/${post.id}/close`)).status).toBe(401);
    expect((await other.post("/api/v1/partner-posts/no-such-post/close")).status).toBe(404);
    const closed = await group.post(`/api/v1/partner-posts/${post.id}/close`);
    expect(closed.status).toBe(200);
    expect(closed.body.closedAt).toEqual(expect.any(String));
    expect((await other.get(`/api/v1/calls/${call.id}/partner-posts`)).body.items).toEqual([]);
  });

  test("the call page: the form and the list for signed-in people, a sign-in line for anonymous visitors", async () => {
    const { call } = await funderWithCall({ eligibility: {} });
    const group = await orgOwner({ ...csoFields, name: "Page Poster" });
    const posted = await group.form(`/calls/${call.id}/partner-posts`, {
      orgId: group.org.id,
      message: MESSAGE,
    });
    expect(posted.status).toBe(303);
    const mine = await group.page(`/calls/${call.id}`);
    expect(mine.html).toContain('id="partner-posts"');
    expect(mine.html).toContain(`action="/calls/${call.id}/partner-posts"`);
    expect(mine.html).toContain("legal aid");
    const anon = await new Client().page(`/calls/${call.id}`);
    expect(anon.status).toBe(200);
    expect(anon.html).toContain("Sign in to see which groups are looking for partners.");
    expect(anon.html).not.toContain("legal aid");
  });
});
