// Library fixtures: a verified organisation's owner posting resources, published by an admin or left pending.
import { env } from "cloudflare:workers";
import { Client, ORIGIN } from "./client";
import { uploadForm } from "./uploads";
import { addMember, csoFields, orgOwner } from "./world";

export const resourceBody = (orgId: string, over: Record<string, unknown> = {}) => ({
  orgId,
  title: "Digital security basics",
  summary: "A workshop plan for small groups.",
  language: "en",
  themes: ["digital_rights"],
  licence: "cc_by",
  url: "https://example.org/guide.pdf",
  ...over,
});

/** The owner of a new organisation the platform verified (it may post to the library). */
export const libraryPoster = (fields: Record<string, unknown> = {}) =>
  orgOwner({ ...csoFields, name: "Library group", ...fields }, { verified: true });

/** Posts a resource as `who` and returns its id (throws unless 201). */
export const postResource = async (who: Client, orgId: string, over: Record<string, unknown> = {}) => {
  const res = await who.post("/api/v1/resources", resourceBody(orgId, over));
  if (res.status !== 201) throw new Error(`post resource: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
};

/** Publishes behind the app's back, as an admin's moderation would (for fixtures that need one published). */
export const markPublished = (id: string) =>
  env.DB.prepare("UPDATE resources SET status = 'published', published_at = ? WHERE id = ?")
    .bind(new Date().toISOString(), id)
    .run();

/** Uploads `bytes` as `who` (multipart, as a browser sends it) and returns the upload's id. */
export const uploadAs = async (
  who: Client,
  bytes: Uint8Array,
  name = "guide.pdf",
  type = "application/pdf",
) => {
  const res = await who.fetch("/api/v1/uploads", {
    method: "POST",
    body: uploadForm(bytes, name, type),
    headers: { Origin: ORIGIN },
  });
  if (res.status !== 201) throw new Error(`upload: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
};

/**
 * For the authorization matrix: a verified organisation that `member` belongs to (as a plain member, not its
 * owner: owning a trusted group opens other doors, such as posting non-cash calls), one published resource
 * of it and one waiting for moderation.
 */
export const libraryFixture = async (member: Client & { email: string }) => {
  const owner = await libraryPoster({ name: "Library CSO" });
  await addMember(owner, owner.org.id, member);
  const libraryOrg = owner.org.id;
  const resource = await postResource(member, libraryOrg, { title: "Published guide" });
  await markPublished(resource);
  const resourcePending = await postResource(member, libraryOrg, { title: "Pending guide" });
  return { libraryOrg, resource, resourcePending };
};
