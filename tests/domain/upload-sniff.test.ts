// The kind of a file from its bytes, and whether its name and declared type agree with them.
import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { sniffKind, mpegFrameLength } from "../../worker/uploads/sniff";
import { labelAgrees } from "../../worker/uploads/labels";
import {
  hex,
  join,
  text,
  M4A,
  MINIMAL_JPEG,
  MINIMAL_PNG,
  MINIMAL_WEBP,
  MP3,
  MP3_ID3,
  OGG,
  PDF,
} from "../helpers/uploads";

describe("sniffKind reads the magic numbers", () => {
  test.each([
    ["jpeg", MINIMAL_JPEG],
    ["png", MINIMAL_PNG],
    ["webp", MINIMAL_WEBP],
    ["pdf", PDF],
    ["mp3", MP3],
    ["mp3", MP3_ID3],
    ["ogg", OGG],
    ["m4a", M4A],
  ] as const)("%s", (kind, bytes) => expect(sniffKind(bytes)).toBe(kind));

  test.each([
    ["nothing", new Uint8Array(0)],
    ["text", text("hello, world")],
    ["HTML", text("<!doctype html><script>alert(1)</script>")],
    ["GIF", text("GIF89a\x01\x00\x01\x00\x80\x00\x00")],
    ["SVG", text('<svg xmlns="http://www.w3.org/2000/svg"/>')],
    ["ZIP (docx)", hex("504b0304140000000800")],
    ["HEIC", join(hex("00000018"), text("ftypheic"), hex("00000000"), text("mif1heic"))],
    ["QuickTime", join(hex("00000014"), text("ftypqt  "), hex("00000000"), text("qt  "))],
    ["an ftyp box longer than the file", join(hex("00010000"), text("ftypM4A "), hex("00000000"))],
    ["AVI (RIFF, not WEBP)", join(text("RIFF"), hex("04000000"), text("AVI "))],
    ["raw AAC (ADTS: layer bits 00)", hex("fff15080043ffc")],
    ["a lone FF FB header followed by garbage", join(hex("fffb9000"), new Uint8Array(413), hex("00000000"))],
    ["JPEG's first two bytes only", hex("ffd8")],
    ["%PDF without the dash", text("%PDF1.4")],
  ])("%s → null", (_, bytes) => expect(sniffKind(bytes)).toBeNull());

  test("MPEG frame lengths: 128 kb/s at 44.1 kHz is 417 bytes (418 padded); MPEG-2 layer III 64 kb/s at 22.05 kHz is 208", () => {
    expect(mpegFrameLength(hex("fffb9000"), 0)).toBe(417);
    expect(mpegFrameLength(hex("fffb9200"), 0)).toBe(418);
    expect(mpegFrameLength(hex("fff38000"), 0)).toBe(208);
    expect(mpegFrameLength(hex("fffbf000"), 0)).toBe(0); // bitrate index 15 is invalid
    expect(mpegFrameLength(hex("fffb9c00"), 0)).toBe(0); // sample-rate index 3 is reserved
  });

  test("never throws on any bytes", () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), (b) => void sniffKind(b)));
  });
});

describe("labelAgrees: the name and declared type must not contradict the bytes", () => {
  test.each([
    ["jpeg", "IMG_0001.JPG", "image/jpeg", true],
    ["jpeg", "photo.jpeg", "Image/JPEG; charset=binary", true],
    ["jpeg", "upload", "application/octet-stream", true],
    ["jpeg", "", "", true],
    ["ogg", "PTT-20261123-WA0002.opus", "audio/ogg", true],
    ["m4a", "New Recording 3.m4a", "audio/x-m4a", true],
    ["pdf", "photo.jpg", "image/jpeg", false],
    ["pdf", "photo.jpg", "application/pdf", false],
    ["pdf", "report.pdf", "image/jpeg", false],
    ["jpeg", "photo.jpg", "text/html", false],
    ["jpeg", "setup.exe", "application/octet-stream", false],
    ["png", "photo.jpg.png", "image/png", true],
    ["png", "photo.png.jpg", "image/png", false],
  ] as const)("%s named %j sent as %j → %s", (kind, name, type, ok) =>
    expect(labelAgrees(kind, { name, type })).toBe(ok),
  );
});
