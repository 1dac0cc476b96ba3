// Files for the upload tests, built byte by byte: tiny valid images (made once with ImageMagick and
// cwebp, kept here as hex) and the same images carrying the metadata a phone writes — Exif with a GPS
// position, XMP, IPTC, comments, PNG text chunks, WebP EXIF/XMP chunks — plus PDF and voice-note headers.
import { crc32 } from "../../worker/uploads/crc32";

export const hex = (h: string) => Uint8Array.from(h.match(/../g) ?? [], (x) => Number.parseInt(x, 16));
export const text = (s: string) => new TextEncoder().encode(s);
export const join = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};
const u16 = (n: number) => Uint8Array.of(n >> 8, n & 0xff);
const u32 = (n: number) => Uint8Array.of(n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff);
const u32le = (n: number) => Uint8Array.of(n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, n >>> 24);

/** Whether `needle` occurs in `hay`. */
export const contains = (hay: Uint8Array, needle: Uint8Array | string) => {
  const n = typeof needle === "string" ? text(needle) : needle;
  outer: for (let i = 0; i + n.length <= hay.length; i++) {
    for (let j = 0; j < n.length; j++) if (hay[i + j] !== n[j]) continue outer;
    return true;
  }
  return false;
};

/** An 8×8 grey baseline JPEG (`convert -size 8x8 xc:gray50 -colorspace Gray -quality 50 -strip`). */
export const MINIMAL_JPEG = hex(
  "ffd8ffe000104a46494600010100000100010000ffdb004300100b0c0e0c0a100e0d0e1211101318281a181616183123251d283a333d3c3933383740485c4e404457453738506d51575f626768673e4d71797064785c656763ffc0000b080008000801011100ffc40014000100000000000000000000000000000001ffc40014100100000000000000000000000000000000ffda0008010100003f001fffd9",
);
/** Where the JFIF APP0 segment ends and the image's own segments (DQT …) begin. */
const JFIF_END = 20;

/** A 2×2 green PNG (`convert -size 2x2 xc:green -strip`): IHDR, PLTE, IDAT, IEND. */
export const MINIMAL_PNG = hex(
  "89504e470d0a1a0a0000000d494844520000000200000002010300000048789f6700000003504c54450080009cf9a5910000000c4944415408d7636060600000000400012734270a0000000049454e44ae426082",
);
/** The same picture as a lossless WebP (`cwebp -lossless`): RIFF, WEBP, one VP8L chunk. */
export const MINIMAL_WEBP = hex("524946461c000000574542505650384c0f0000002f014000000750c088fe0722a2ff0100");

/** The GPS latitude written below (27° 59′ 43.21″), as the three big-endian rationals Exif stores. */
export const GPS_LATITUDE = join(u32(27), u32(1), u32(59), u32(1), u32(4321), u32(100));
export const GPS_LONGITUDE = join(u32(30), u32(1), u32(44), u32(1), u32(1234), u32(100));
export const XMP_NS = "http://ns.adobe.com/xap/1.0/";
const XMP_PACKET = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:xmp="${XMP_NS}" xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="27,59.72N" xmp:CreatorTool="Phone"/></rdf:RDF></x:xmpmeta>`;

/**
 * A big-endian TIFF block as Exif stores it: IFD0 (the orientation, if any, and a pointer to the GPS IFD),
 * then the GPS IFD with latitude and longitude and their references, then the rationals they point to.
 */
export const exifTiff = (orientation?: number) => {
  const ifd0Entries = orientation ? 2 : 1;
  const gpsAt = 8 + 2 + 12 * ifd0Entries + 4;
  const ratAt = gpsAt + 2 + 12 * 4 + 4;
  const entry = (tag: number, type: number, count: number, value: Uint8Array) =>
    join(u16(tag), u16(type), u32(count), value);
  return join(
    text("MM"),
    u16(42),
    u32(8),
    u16(ifd0Entries),
    ...(orientation ? [entry(0x0112, 3, 1, join(u16(orientation), u16(0)))] : []),
    entry(0x8825, 4, 1, u32(gpsAt)),
    u32(0),
    u16(4),
    entry(0x0001, 2, 2, text("N\0\0\0")),
    entry(0x0002, 5, 3, u32(ratAt)),
    entry(0x0003, 2, 2, text("E\0\0\0")),
    entry(0x0004, 5, 3, u32(ratAt + 24)),
    u32(0),
    GPS_LATITUDE,
    GPS_LONGITUDE,
  );
};

const segment = (marker: number, payload: Uint8Array) =>
  join(Uint8Array.of(0xff, marker), u16(payload.length + 2), payload);

/**
 * The minimal JPEG as a phone might send it: Exif with GPS (APP1), XMP (APP1), IPTC in a Photoshop block
 * (APP13), a comment, an ICC profile stub that may stay (APP2), and a "motion photo" after EOI.
 */
export const jpegWithMetadata = (opts: { orientation?: number } = {}) =>
  join(
    MINIMAL_JPEG.subarray(0, JFIF_END),
    segment(0xe1, join(text("Exif\0\0"), exifTiff(opts.orientation))),
    segment(0xe1, join(text(`${XMP_NS}\0`), text(XMP_PACKET))),
    segment(
      0xed,
      join(text("Photoshop 3.0\0"), text("8BIM"), u16(0x0404), u16(0), u32(10), hex("1c025a00054d696e7961")),
    ),
    segment(0xfe, text("Taken at the shelter on Nile Street")),
    segment(0xe2, join(text("ICC_PROFILE\0"), Uint8Array.of(1, 1), new Uint8Array(16))),
    MINIMAL_JPEG.subarray(JFIF_END),
    text("MotionPhoto_Data GPS 27.9953"),
  );

export const pngChunk = (type: string, data: Uint8Array) => {
  const body = join(text(type), data);
  return join(u32(data.length), body, u32(crc32(body)));
};
/** MINIMAL_PNG's chunks start after the signature; its IHDR and PLTE are 25 + 15 bytes. */
const PNG_HEAD_END = 8 + 25 + 15;

/** The minimal PNG with eXIf (GPS), tEXt, zTXt-like iTXt (XMP) and tIME chunks before its pixels. */
export const pngWithMetadata = () =>
  join(
    MINIMAL_PNG.subarray(0, PNG_HEAD_END),
    pngChunk("tEXt", text("Comment\0Taken at the shelter on Nile Street")),
    pngChunk("eXIf", exifTiff()),
    pngChunk("iTXt", join(text("XML:com.adobe.xmp\0\0\0\0\0"), text(XMP_PACKET))),
    pngChunk("tIME", hex("07ea0b170a0000")),
    MINIMAL_PNG.subarray(PNG_HEAD_END),
  );

const riffChunk = (fourcc: string, data: Uint8Array) =>
  join(text(fourcc), u32le(data.length), data, data.length % 2 ? Uint8Array.of(0) : new Uint8Array(0));
const riff = (...chunks: Uint8Array[]) => {
  const body = join(text("WEBP"), ...chunks);
  return join(text("RIFF"), u32le(body.length), body);
};
/** VP8X flags: ICC 0x20, alpha 0x10, EXIF 0x08, XMP 0x04, animation 0x02. */
export const vp8x = (flags: number) =>
  riffChunk("VP8X", join(Uint8Array.of(flags, 0, 0, 0), hex("010000010000")));
const VP8L_CHUNK = MINIMAL_WEBP.subarray(12);

/** The minimal WebP in the extended format, with an EXIF chunk (GPS) and an XMP chunk, flags set. */
export const webpWithMetadata = () =>
  riff(vp8x(0x08 | 0x04), VP8L_CHUNK, riffChunk("EXIF", exifTiff()), riffChunk("XMP ", text(XMP_PACKET)));

export const PDF = text(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);
/** Two MPEG-1 layer III frames, 128 kb/s at 44.1 kHz: 417 bytes each. */
export const MP3 = join(hex("fffb9000"), new Uint8Array(413), hex("fffb9000"), new Uint8Array(413));
export const MP3_ID3 = join(text("ID3"), hex("04000000000000"), MP3);
export const OGG = join(text("OggS"), new Uint8Array([0, 2]), new Uint8Array(60));
export const M4A = join(
  u32(24),
  text("ftypM4A "),
  u32(0),
  text("M4A isom"),
  u32(16),
  text("mdat"),
  new Uint8Array(8),
);

/** A multipart body with one `file` part, as a browser sends it (name and declared type included). */
export const uploadForm = (bytes: Uint8Array, name = "upload", type = "application/octet-stream") => {
  const form = new FormData();
  form.append("file", new File([new Uint8Array(bytes)], name, { type }));
  return form;
};
