// Removing image metadata: what stays (the picture, byte for byte), what goes (Exif/GPS, XMP, IPTC, text
// chunks, trailers), and damaged files refused rather than passed through.
import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { stripJpeg, exifOrientation, orientationSegment } from "../../worker/uploads/strip-jpeg";
import { stripPng } from "../../worker/uploads/strip-png";
import { stripWebp } from "../../worker/uploads/strip-webp";
import { crc32 } from "../../worker/uploads/crc32";
import {
  contains,
  exifTiff,
  GPS_LATITUDE,
  hex,
  join,
  jpegWithMetadata,
  MINIMAL_JPEG,
  MINIMAL_PNG,
  MINIMAL_WEBP,
  pngChunk,
  pngWithMetadata,
  text,
  vp8x,
  webpWithMetadata,
} from "../helpers/uploads";

const XMP = "http://ns.adobe.com/xap";
const segment = (marker: number, payload: Uint8Array) =>
  join(Uint8Array.of(0xff, marker, (payload.length + 2) >> 8, (payload.length + 2) & 0xff), payload);
/** The minimal JPEG's parts: SOI, JFIF, then the image (DQT, SOF0, DHT, DHT, SOS + data, EOI). */
const SOI = MINIMAL_JPEG.subarray(0, 2);
const JFIF = MINIMAL_JPEG.subarray(2, 20);
const IMAGE = MINIMAL_JPEG.subarray(20);

describe("stripJpeg", () => {
  test("a JPEG without metadata comes back byte for byte", () => {
    expect(stripJpeg(MINIMAL_JPEG)).toEqual(MINIMAL_JPEG);
  });

  test("Exif (GPS), XMP, IPTC, the comment and the motion-photo trailer go; JFIF, ICC and the image stay in order", () => {
    const out = stripJpeg(jpegWithMetadata())!;
    const icc = segment(0xe2, join(text("ICC_PROFILE\0"), Uint8Array.of(1, 1), new Uint8Array(16)));
    expect(out).toEqual(join(SOI, JFIF, icc, IMAGE));
    for (const gone of ["Exif", XMP, "Photoshop", "Nile Street", "MotionPhoto"])
      expect(contains(out, gone)).toBe(false);
    expect(contains(out, GPS_LATITUDE)).toBe(false);
  });

  test("a rotated photo keeps its orientation alone, in a fresh Exif block without GPS", () => {
    const out = stripJpeg(jpegWithMetadata({ orientation: 6 }))!;
    expect(contains(out, orientationSegment(6))).toBe(true);
    expect(contains(out, GPS_LATITUDE)).toBe(false);
    expect(exifOrientation(orientationSegment(6).subarray(10))).toBe(6);
    // Orientation 1 (upright) is the default: nothing of Exif is written at all.
    expect(contains(stripJpeg(jpegWithMetadata({ orientation: 1 }))!, "Exif")).toBe(false);
  });

  test("the orientation is read in either byte order; damaged Exif gives none", () => {
    const little = hex("49492a0008000000" + "0100" + "120103000100000008000000" + "00000000");
    expect(exifOrientation(little)).toBe(8);
    expect(exifOrientation(exifTiff(3))).toBe(3);
    expect(exifOrientation(exifTiff())).toBeNull();
    expect(exifOrientation(hex("4d4d002a000000ff"))).toBeNull();
    expect(exifOrientation(text("garbage"))).toBeNull();
  });

  test("scans with stuffed bytes, restart markers and tables between them (progressive) are copied whole", () => {
    const scanData = hex("12ff0034ffd056ffd778");
    const dht = MINIMAL_JPEG.subarray(MINIMAL_JPEG.indexOf(0xc4) - 1, MINIMAL_JPEG.indexOf(0xda) - 1);
    const sos = hex("ffda0008010100003f00");
    const frame = MINIMAL_JPEG.subarray(20, MINIMAL_JPEG.indexOf(0xda) - 1); // DQT, SOF0, DHTs
    const progressive = join(
      SOI,
      frame,
      sos,
      scanData,
      dht,
      segment(0xe1, text("Exif\0\0late")),
      sos,
      scanData,
      hex("ffd9"),
    );
    expect(stripJpeg(progressive)).toEqual(join(SOI, frame, sos, scanData, dht, sos, scanData, hex("ffd9")));
  });

  test("every truncation before EOI is refused", () => {
    const whole = jpegWithMetadata();
    const eoi = whole.length - "MotionPhoto_Data GPS 27.9953".length;
    for (let n = 0; n < eoi; n++) expect(stripJpeg(whole.subarray(0, n)), `cut at ${n}`).toBeNull();
    expect(stripJpeg(whole.subarray(0, eoi))).not.toBeNull();
  });

  test.each([
    ["no scan", join(SOI, JFIF, hex("ffd9"))],
    ["a scan before any frame", join(SOI, hex("ffda0008010100003f00"), hex("00ffd9"))],
    ["a segment length past the end", join(SOI, hex("ffe1ffff"), text("Exif"))],
    ["a segment length below 2", join(SOI, hex("ffe10001"), IMAGE)],
    ["garbage between segments", join(SOI, JFIF, hex("00"), IMAGE)],
    ["a second SOI", join(SOI, SOI, IMAGE)],
    ["a restart marker outside a scan", join(SOI, hex("ffd0"), IMAGE)],
    ["not a JPEG", text("hello")],
  ])("%s → refused", (_, bytes) => expect(stripJpeg(bytes)).toBeNull());

  test("on any bytes: never throws; what it returns is a walkable JPEG ending in EOI, and stripping again changes nothing", () => {
    const segments = fc.array(
      fc.oneof(
        fc.constant(segment(0xe1, join(text("Exif\0\0"), exifTiff()))),
        fc.constant(segment(0xfe, text("comment"))),
        fc.constant(segment(0xed, text("Photoshop 3.0\0"))),
        fc.uint8Array({ maxLength: 8 }),
      ),
      { maxLength: 4 },
    );
    fc.assert(
      fc.property(segments, fc.uint8Array({ maxLength: 16 }), (extra, tail) => {
        const input = join(SOI, ...extra, IMAGE, tail);
        const out = stripJpeg(input);
        if (!out) return;
        expect([...out.subarray(-2)]).toEqual([0xff, 0xd9]);
        expect(contains(out, "Exif") || contains(out, "comment") || contains(out, "Photoshop")).toBe(false);
        expect(stripJpeg(out)).toEqual(out);
      }),
    );
  });
});

describe("stripPng", () => {
  test("crc32 is the standard one (check value, and ImageMagick's CRC of the minimal PNG's IHDR)", () => {
    expect(crc32(text("123456789"))).toBe(0xcbf43926);
    expect(crc32(MINIMAL_PNG, 12, 29)).toBe(0x48789f67);
  });

  test("eXIf, tEXt, iTXt (XMP) and tIME go; the image comes back byte for byte", () => {
    const out = stripPng(pngWithMetadata())!;
    expect(out).toEqual(MINIMAL_PNG);
    expect(stripPng(MINIMAL_PNG)).toEqual(MINIMAL_PNG);
  });

  test("rendering chunks stay, unknown ancillary chunks and bytes after IEND go", () => {
    const head = MINIMAL_PNG.subarray(0, 33);
    const rest = MINIMAL_PNG.subarray(33);
    const gama = pngChunk("gAMA", hex("0000b18f"));
    const input = join(
      head,
      gama,
      pngChunk("caBX", text("c2pa manifest: signer Amal")),
      rest,
      text("trailer"),
    );
    expect(stripPng(input)).toEqual(join(head, gama, rest));
  });

  test.each([
    [
      "a bad CRC",
      (() => {
        const b = MINIMAL_PNG.slice();
        b[b.length - 13] ^= 1; // inside IDAT's CRC
        return b;
      })(),
    ],
    [
      "an unknown critical chunk",
      join(MINIMAL_PNG.subarray(0, 33), pngChunk("QRST", text("x")), MINIMAL_PNG.subarray(33)),
    ],
    ["no IHDR first", join(MINIMAL_PNG.subarray(0, 8), MINIMAL_PNG.subarray(33))],
    ["no IDAT", join(MINIMAL_PNG.subarray(0, 48), MINIMAL_PNG.subarray(-12))],
    ["a length past the end", join(MINIMAL_PNG.subarray(0, 8), hex("7fffffff"), text("IHDR"))],
  ])("%s → refused", (_, bytes) => expect(stripPng(bytes)).toBeNull());

  test("every truncation before the end of IEND is refused", () => {
    const whole = pngWithMetadata();
    for (let n = 0; n < whole.length; n++) expect(stripPng(whole.subarray(0, n)), `cut at ${n}`).toBeNull();
  });
});

describe("stripWebp", () => {
  test("a simple WebP comes back byte for byte", () => {
    expect(stripWebp(MINIMAL_WEBP)).toEqual(MINIMAL_WEBP);
  });

  test("EXIF and XMP chunks go, their VP8X flags are cleared, the RIFF size is rewritten", () => {
    const out = stripWebp(webpWithMetadata())!;
    const body = join(text("WEBP"), vp8x(0), MINIMAL_WEBP.subarray(12));
    expect(out).toEqual(join(text("RIFF"), Uint8Array.of(body.length, 0, 0, 0), body));
    expect(contains(out, GPS_LATITUDE) || contains(out, XMP)).toBe(false);
  });

  test("other VP8X flags (ICC, alpha, animation) are kept; unknown chunks and bytes after the RIFF go", () => {
    const riff = (...chunks: Uint8Array[]) => {
      const body = join(text("WEBP"), ...chunks);
      return join(text("RIFF"), Uint8Array.of(body.length & 0xff, body.length >> 8, 0, 0), body);
    };
    const unknown = join(text("ZZZZ"), hex("03000000"), text("abc"), hex("00"));
    const out = stripWebp(
      join(riff(vp8x(0x20 | 0x10 | 0x08), MINIMAL_WEBP.subarray(12), unknown), text("tail")),
    );
    expect(out).toEqual(riff(vp8x(0x20 | 0x10), MINIMAL_WEBP.subarray(12)));
  });

  test.each([
    [
      "a chunk past the RIFF's end",
      join(MINIMAL_WEBP.subarray(0, 16), hex("ff000000"), MINIMAL_WEBP.subarray(20)),
    ],
    ["a RIFF size past the file", join(text("RIFF"), hex("ff000000"), MINIMAL_WEBP.subarray(8))],
    ["no image chunk", join(text("RIFF"), hex("16000000"), text("WEBP"), vp8x(0))],
    [
      "a first chunk that is not an image",
      join(text("RIFF"), hex("10000000"), text("WEBP"), text("EXIF"), hex("00000000")),
    ],
    ["not RIFF", text("hello")],
  ])("%s → refused", (_, bytes) => expect(stripWebp(bytes)).toBeNull());

  test("every truncation is refused", () => {
    const whole = webpWithMetadata();
    for (let n = 0; n < whole.length; n++) expect(stripWebp(whole.subarray(0, n)), `cut at ${n}`).toBeNull();
  });
});
