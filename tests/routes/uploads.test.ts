// Uploads end to end: the kind read from the bytes, photo metadata gone from what R2 holds, sizes and
// labels refused naming `file`, and who may read a file back (the uploader, admins, and through a light
// report its group and funders) — everyone else 404, signed-out callers 401.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, test } from "vitest";
import { Client, ORIGIN, refusal, type Json } from "../helpers/client";
import { signUp, userWithRole, addMember } from "../helpers/world";
import { awardedGroup, apply, openFunder } from "../helpers/feedback";
import {
  contains,
  GPS_LATITUDE,
  GPS_LONGITUDE,
  join,
  jpegWithMetadata,
  M4A,
  MINIMAL_JPEG,
  MINIMAL_PNG,
  MP3,
  OGG,
  PDF,
  pngWithMetadata,
  text,
  uploadForm,
  webpWithMetadata,
} from "../helpers/uploads";
import { MAX_UPLOAD_BYTES } from "../../schema/api/uploads";
import { UPLOADS_PER_HOUR } from "../../worker/actions/uploads";

type Person = Client & { userId: string; email: string };

const post = async (who: Client, body: BodyInit, headers: Record<string, string> = {}, query = "") => {
  const res = await who.fetch(`/api/v1/uploads${query}`, {
    method: "POST",
    body,
    headers: { Origin: ORIGIN, ...headers },
  });
  const raw = await res.text();
  return { status: res.status, headers: res.headers, body: (raw ? JSON.parse(raw) : {}) as Json };
};
const upload = (who: Client, bytes: Uint8Array, name?: string, type?: string) =>
  post(who, uploadForm(bytes, name, type));

/** The row and the bytes R2 holds for an upload id, read behind the app's back. */
const stored = async (id: string) => {
  const row = await env.DB.prepare("SELECT * FROM uploads WHERE id = ?")
    .bind(id)
    .first<Record<string, unknown>>();
  if (!row) throw new Error(`no row for ${id}`);
  const object = await env.UPLOADS.get(row.r2_key as string);
  if (!object) throw new Error(`no object for ${id}`);
  return { row, object, bytes: new Uint8Array(await object.arrayBuffer()) };
};

/** How many files exist anywhere: rows and objects, so a refusal can be shown to store nothing. */
const census = async () => {
  const rows = await env.DB.prepare("SELECT count(*) AS n FROM uploads").first<{ n: number }>();
  let objects = 0;
  let cursor: string | undefined;
  do {
    const page = await env.UPLOADS.list({ cursor });
    objects += page.objects.length;
    cursor = page.truncated ? page.cursor : undefined;
  } while (cursor);
  return { rows: rows?.n ?? 0, objects };
};

const expectFileProblem = (res: { status: number; headers: Headers; body: Json }, status: number) => {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toContain("application/problem+json");
  expect(res.body.errors).toEqual([{ path: "file", message: expect.any(String) }]);
  return res.body.errors[0].message as string;
};

/**
 * A multipart upload of `total` bytes streamed without Content-Length, counting what the server pulled:
 * a server that stops reading early pulls little of it.
 */
const streamedUpload = (total: number) => {
  const boundary = "sanad-test-boundary";
  const head = text(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
  );
  const chunk = new Uint8Array(256 * 1024);
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent === 0) controller.enqueue(head);
      if (sent >= total) {
        controller.enqueue(text(`\r\n--${boundary}--\r\n`));
        controller.close();
        return;
      }
      controller.enqueue(chunk);
      sent += chunk.length;
    },
  });
  return { body, headers: { "Content-Type": `multipart/form-data; boundary=${boundary}` }, sent: () => sent };
};

const SOF0 = Uint8Array.of(0xff, 0xc0);
const SOS = Uint8Array.of(0xff, 0xda);
const XMP = "http://ns.adobe.com/xap";

let uploader: Person;
let other: Person;
let admin: Person;
beforeAll(async () => {
  [uploader, other, admin] = (await Promise.all([signUp(), signUp(), userWithRole("admin")])) as Person[];
});

describe("photos lose their metadata before they are stored", () => {
  test("a JPEG with Exif GPS, XMP, IPTC, a comment and a motion-photo trailer: R2 holds the picture alone", async () => {
    const res = await upload(
      uploader,
      jpegWithMetadata(),
      "IMG_2041 shelter on Nile Street.jpg",
      "image/jpeg",
    );
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.any(String), kind: "jpeg", bytes: expect.any(Number) });
    const { row, bytes, object } = await stored(res.body.id);
    for (const gone of ["Exif", XMP, "Photoshop 3.0", "Nile Street", "MotionPhoto", "Minya"])
      expect(contains(bytes, gone), gone).toBe(false);
    expect(contains(bytes, GPS_LATITUDE)).toBe(false);
    expect(contains(bytes, GPS_LONGITUDE)).toBe(false);
    // The image itself is intact: frame and scan headers present, the file ends with EOI, the ICC profile kept.
    expect(contains(bytes, SOF0) && contains(bytes, SOS)).toBe(true);
    expect([...bytes.subarray(-2)]).toEqual([0xff, 0xd9]);
    expect(contains(bytes, "ICC_PROFILE")).toBe(true);
    expect(contains(bytes, MINIMAL_JPEG.subarray(20))).toBe(true);
    // What is recorded: the kind from the bytes, the stored size, the uploader; the key is random, not the name.
    expect(row).toMatchObject({ kind: "jpeg", bytes: bytes.length, uploader_id: uploader.userId });
    expect(res.body.bytes).toBe(bytes.length);
    expect(row.r2_key).not.toBe(res.body.id);
    expect(JSON.stringify({ row, meta: object.httpMetadata, custom: object.customMetadata })).not.toMatch(
      /IMG_2041|Nile/,
    );
    expect(object.httpMetadata?.contentType).toBe("image/jpeg");
  });

  test("a PNG with eXIf, tEXt, iTXt (XMP) and tIME: stored as the bare image", async () => {
    const res = await upload(uploader, pngWithMetadata(), "map.png", "image/png");
    expect(res.status).toBe(201);
    expect(res.body.kind).toBe("png");
    const { bytes } = await stored(res.body.id);
    expect(bytes).toEqual(MINIMAL_PNG);
    expect(contains(bytes, GPS_LATITUDE) || contains(bytes, XMP) || contains(bytes, "tEXt")).toBe(false);
  });

  test("a WebP with EXIF and XMP chunks: both gone, VP8X flags cleared, the RIFF size rewritten", async () => {
    const res = await upload(uploader, webpWithMetadata(), "photo.webp", "image/webp");
    expect(res.status).toBe(201);
    const { bytes } = await stored(res.body.id);
    expect(contains(bytes, "EXIF") || contains(bytes, "XMP ") || contains(bytes, XMP)).toBe(false);
    expect(contains(bytes, GPS_LATITUDE)).toBe(false);
    expect(contains(bytes, "VP8L")).toBe(true);
    expect(bytes[20] & 0x0c).toBe(0); // the VP8X flags byte
    expect(new DataView(bytes.buffer).getUint32(4, true)).toBe(bytes.length - 8);
  });

  test("a truncated or malformed JPEG is refused (422 naming file) and nothing is stored", async () => {
    const before = await census();
    const whole = jpegWithMetadata();
    const cut = whole.subarray(0, whole.length - 40); // ends inside the scan: no EOI
    expectFileProblem(await upload(uploader, cut, "cut.jpg", "image/jpeg"), 422);
    const lying = join(MINIMAL_JPEG.subarray(0, 4), Uint8Array.of(0xff, 0xff), MINIMAL_JPEG.subarray(6));
    expectFileProblem(await upload(uploader, lying, "photo.jpg", "image/jpeg"), 422);
    expect(await census()).toEqual(before);
  });
});

describe("documents and voice notes are stored as they came, served as downloads", () => {
  test.each([
    ["pdf", PDF, "report.pdf", "application/pdf", "application/pdf"],
    ["mp3", MP3, "note.mp3", "audio/mpeg", "audio/mpeg"],
    ["ogg", OGG, "PTT-20261123.opus", "audio/ogg", "audio/ogg"],
    ["m4a", M4A, "New Recording.m4a", "audio/x-m4a", "audio/mp4"],
  ] as const)("%s", async (kind, bytes, name, declared, served) => {
    const res = await upload(uploader, bytes, name, declared);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind, bytes: bytes.length });
    expect((await stored(res.body.id)).bytes).toEqual(bytes);
    const got = await uploader.fetch(`/api/v1/uploads/${res.body.id}`);
    expect(got.status).toBe(200);
    expect(got.headers.get("content-type")).toBe(served);
    expect(got.headers.get("content-disposition")).toBe(`attachment; filename="${res.body.id}.${kind}"`);
    expect(new Uint8Array(await got.arrayBuffer())).toEqual(bytes);
  });

  test("the kind comes from the bytes: a JPEG sent with no name and a generic type is a JPEG", async () => {
    const res = await upload(uploader, MINIMAL_JPEG, "blob", "application/octet-stream");
    expect(res.body).toMatchObject({ kind: "jpeg", bytes: MINIMAL_JPEG.length });
  });
});

describe("refusals name the file, in the caller's language, and store nothing", () => {
  test("a PDF named photo.jpg and sent as image/jpeg is mislabelled (415); so is either lie alone", async () => {
    const before = await census();
    const message = expectFileProblem(await upload(uploader, PDF, "photo.jpg", "image/jpeg"), 415);
    expect(message).toContain("PDF");
    expectFileProblem(await upload(uploader, PDF, "photo.jpg", "application/pdf"), 415);
    expectFileProblem(await upload(uploader, PDF, "report.pdf", "image/jpeg"), 415);
    expectFileProblem(await upload(uploader, MINIMAL_JPEG, "photo.jpg", "text/html"), 415);
    expect(await census()).toEqual(before);
  });

  test("random bytes, a GIF, HTML: 415, the message in the caller's language", async () => {
    const before = await census();
    const random = crypto.getRandomValues(new Uint8Array(4096));
    random[0] = 0x00; // never a chance JPEG, MP3 frame or RIFF
    expectFileProblem(await upload(uploader, random, "data.bin"), 415);
    expectFileProblem(await upload(uploader, text("GIF89a\x01\x00\x01\x00")), 415);
    expectFileProblem(await upload(uploader, text("<html><script>alert(1)</script>")), 415);
    const fr = new Client();
    fr.cookies = new Map(uploader.cookies);
    const message = expectFileProblem(await post(fr, uploadForm(random, "data.bin"), {}, "?lang=fr"), 415);
    expect(message).toContain("Ce type de fichier");
    expect(await census()).toEqual(before);
  });

  test("an empty file is 400 naming file; a missing, repeated or text field too; unknown fields are named", async () => {
    expectFileProblem(await upload(uploader, new Uint8Array(0), "empty.jpg", "image/jpeg"), 400);
    const none = new FormData();
    none.append("note", "hello");
    const noneRes = await post(uploader, none);
    expect(noneRes.status).toBe(400);
    expect(noneRes.body.errors.map((e: Json) => e.path)).toEqual(["note"]);
    expectFileProblem(await post(uploader, new FormData()), 400);
    const asText = new FormData();
    asText.append("file", "not a file");
    expectFileProblem(await post(uploader, asText), 400);
    const two = uploadForm(MINIMAL_JPEG, "a.jpg", "image/jpeg");
    two.append("file", new File([MINIMAL_JPEG], "b.jpg", { type: "image/jpeg" }));
    expectFileProblem(await post(uploader, two), 400);
  });

  test("JSON is 415 and a broken multipart body 400, both naming file", async () => {
    expectFileProblem(
      await post(uploader, JSON.stringify({ file: "x" }), { "Content-Type": "application/json" }),
      415,
    );
    expectFileProblem(
      await post(uploader, '--x\r\nContent-Disposition: form-data; name="file"\r\n\r\nno end', {
        "Content-Type": "multipart/form-data; boundary=x",
      }),
      400,
    );
  });
});

describe("size: 5 MB, announced or not; the rest of the app keeps its 256 KB limit", () => {
  const big = (bytes: number) => {
    const b = new Uint8Array(bytes);
    b.set(MINIMAL_JPEG.subarray(0, MINIMAL_JPEG.length - 2));
    return b;
  };

  test("a 6 MB file is 413 naming file, and nothing is stored", async () => {
    const before = await census();
    const message = expectFileProblem(
      await upload(uploader, big(6 * 1024 * 1024), "big.jpg", "image/jpeg"),
      413,
    );
    expect(message).toContain("5 MB");
    expect(await census()).toEqual(before);
  });

  test("a body streamed without Content-Length is counted as it arrives: 413, reading stops at the limit", async () => {
    const stream = streamedUpload(20 * 1024 * 1024);
    expectFileProblem(await post(uploader, stream.body, stream.headers), 413);
    expect(stream.sent()).toBeLessThan(MAX_UPLOAD_BYTES + 1024 * 1024);
  });

  test("a small file streamed without Content-Length is read and stored", async () => {
    const serialised = new Response(uploadForm(MINIMAL_JPEG, "a.jpg", "image/jpeg"));
    const res = await post(uploader, serialised.body!, {
      "Content-Type": serialised.headers.get("content-type")!,
    });
    expect(res.status).toBe(201);
    expect((await stored(res.body.id)).bytes).toEqual(MINIMAL_JPEG);
  });

  test("a file one byte over 5 MB (the body within the multipart allowance) is 413 too; exactly 5 MB is not refused for its size", async () => {
    expectFileProblem(await upload(uploader, big(MAX_UPLOAD_BYTES + 1), "big.jpg", "image/jpeg"), 413);
    const atLimit = await upload(uploader, big(MAX_UPLOAD_BYTES), "big.jpg", "image/jpeg");
    expect(atLimit.status).toBe(422); // zeros where the scan should end: damaged, but not too large
  });

  test("other routes still refuse bodies over 256 KB", async () => {
    const res = await uploader.post("/api/v1/orgs", { name: "x".repeat(300 * 1024) });
    expect(res.status).toBe(413);
  });
});

describe("who may upload", () => {
  test("signed out: 401, the body never read", async () => {
    expect((await upload(new Client(), MINIMAL_JPEG, "a.jpg", "image/jpeg")).status).toBe(401);
    const stream = streamedUpload(20 * 1024 * 1024);
    expect((await post(new Client(), stream.body, stream.headers)).status).toBe(401);
    expect(stream.sent()).toBeLessThan(1024 * 1024);
  });

  test("an account whose address is no longer verified: 403 with a sentence", async () => {
    const person = (await signUp()) as Person;
    await env.DB.prepare("UPDATE users SET email_verified_at = NULL WHERE id = ?").bind(person.userId).run();
    const res = await upload(person, MINIMAL_JPEG, "a.jpg", "image/jpeg");
    expect(res.status).toBe(403);
    expect(res.body.detail).toMatch(/e-mail/);
  });

  test("a form post from another site is refused (CSRF); a bearer token needs no Origin", async () => {
    const res = await upload(uploader, MINIMAL_JPEG, "a.jpg", "image/jpeg");
    expect(res.status).toBe(201);
    const forged = await post(uploader, uploadForm(MINIMAL_JPEG, "a.jpg", "image/jpeg"), {
      Origin: "https://evil.example",
    });
    expect(forged.status).toBe(403);
    const token = (await uploader.post("/api/v1/tokens", { name: "uploads" })).body.token as string;
    const script = new Client();
    script.token = token;
    const viaToken = await script.fetch("/api/v1/uploads", {
      method: "POST",
      body: uploadForm(MINIMAL_JPEG),
    });
    expect(viaToken.status).toBe(201);
  });

  test(`at most ${UPLOADS_PER_HOUR} files an hour each: then 429 naming file, with Retry-After`, async () => {
    const person = (await signUp()) as Person;
    const now = new Date().toISOString();
    for (let i = 0; i < UPLOADS_PER_HOUR; i++)
      await env.DB.prepare(
        "INSERT INTO uploads (id, uploader_id, kind, bytes, r2_key, created_at) VALUES (?, ?, 'pdf', 1, ?, ?)",
      )
        .bind(crypto.randomUUID(), person.userId, crypto.randomUUID(), now)
        .run();
    const res = await upload(person, PDF, "r.pdf", "application/pdf");
    expectFileProblem(res, 429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(3000);
    expect((await upload(other, PDF, "r.pdf", "application/pdf")).status).toBe(201);
  });
});

describe("reading a file back", () => {
  let photo: string;
  beforeAll(async () => {
    photo = (await upload(uploader, jpegWithMetadata(), "p.jpg", "image/jpeg")).body.id;
  });

  test("the uploader gets the stored bytes inline, typed by kind, private and not sniffable", async () => {
    const res = await uploader.fetch(`/api/v1/uploads/${photo}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/jpeg");
    expect(res.headers.get("content-disposition")).toBe(`inline; filename="${photo}.jpg"`);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(res.headers.get("content-encoding")).toBeNull();
    expect(new Uint8Array(await res.arrayBuffer())).toEqual((await stored(photo)).bytes);
  });

  test("an admin reads it; another person gets the same 404 as for an id that does not exist", async () => {
    expect((await admin.fetch(`/api/v1/uploads/${photo}`)).status).toBe(200);
    const theirs = await other.get(`/api/v1/uploads/${photo}`);
    const nothing = await other.get("/api/v1/uploads/no-such-upload");
    expect(theirs.status).toBe(404);
    expect(refusal(theirs.body)).toEqual(refusal(nothing.body));
  });

  test("signed out: 401 for an existing id and a made-up one alike", async () => {
    const anon = new Client();
    const a = await anon.get(`/api/v1/uploads/${photo}`);
    const b = await anon.get("/api/v1/uploads/no-such-upload");
    expect([a.status, b.status]).toEqual([401, 401]);
    expect(refusal(a.body)).toEqual(refusal(b.body));
  });
});

describe("files attached to a light report", () => {
  const insertReport = async (
    awardId: string,
    orgId: string,
    userId: string,
    status: "draft" | "submitted",
  ) => {
    const id = crypto.randomUUID();
    const now = new Date().toISOString();
    await env.DB.prepare(
      "INSERT INTO award_reports (id, award_id, org_id, language, status, created_by, created_at, updated_at) VALUES (?, ?, ?, 'en', ?, ?, ?, ?)",
    )
      .bind(id, awardId, orgId, status, userId, now, now)
      .run();
    return id;
  };
  const awardOf = async (applicationId: string) =>
    (await env.DB.prepare("SELECT id FROM awards WHERE application_id = ?")
      .bind(applicationId)
      .first<{ id: string }>())!.id;

  test("the group's members read it; the award's funder and the funders it was shared with once it is submitted; nobody else", async () => {
    const { cso, funder } = await awardedGroup();
    const secondFunder = await openFunder();
    const secondApplication = await apply(secondFunder, cso);
    await secondFunder.post(`/api/v1/applications/${secondApplication}/decision`, {
      decision: "award",
      amount: { amount: 1_000_000, currency: "USD" },
    });
    const unrelatedFunder = await openFunder();
    const member = (await signUp()) as Person;
    await addMember(cso, cso.org.id, member);

    const file = (await upload(cso, jpegWithMetadata(), "circle.jpg", "image/jpeg")).body.id as string;
    const award = (await env.DB.prepare("SELECT id FROM awards WHERE funder_org_id = ?")
      .bind(funder.org.id)
      .first<{ id: string }>())!.id;
    const report = await insertReport(award, cso.org.id, (cso as Person).userId, "draft");
    await env.DB.prepare("INSERT INTO report_uploads (report_id, upload_id) VALUES (?, ?)")
      .bind(report, file)
      .run();
    await env.DB.prepare("INSERT INTO report_shares (report_id, award_id, created_at) VALUES (?, ?, ?)")
      .bind(report, await awardOf(secondApplication), new Date().toISOString())
      .run();

    const status = async (who: Client) => (await who.fetch(`/api/v1/uploads/${file}`)).status;
    expect(await status(member)).toBe(200);
    expect(await status(funder)).toBe(404); // a draft's photos are the group's
    expect(await status(secondFunder)).toBe(404);

    await env.DB.prepare("UPDATE award_reports SET status = 'submitted' WHERE id = ?").bind(report).run();
    expect(await status(funder)).toBe(200);
    expect(await status(secondFunder)).toBe(200);
    expect(await status(unrelatedFunder)).toBe(404);
    expect(await status(other)).toBe(404);
  });
});

test("the OpenAPI document describes the multipart body, the refusals and the binary answer", async () => {
  const doc = (await new Client().get("/api/v1/openapi.json")).body;
  const send = doc.paths["/api/v1/uploads"].post;
  expect(send.requestBody.content["multipart/form-data"].schema.properties.file).toMatchObject({
    type: "string",
    format: "binary",
  });
  expect(Object.keys(send.responses)).toEqual(
    expect.arrayContaining(["201", "401", "403", "413", "415", "422"]),
  );
  const read = doc.paths["/api/v1/uploads/{id}"].get.responses["200"].content;
  expect(Object.keys(read).sort()).toEqual([
    "application/pdf",
    "audio/mp4",
    "audio/mpeg",
    "audio/ogg",
    "image/jpeg",
    "image/png",
    "image/webp",
  ]);
});
