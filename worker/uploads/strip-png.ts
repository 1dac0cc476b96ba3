// PNG without its metadata. Walks the chunks (length, type, data, CRC) from IHDR to IEND, checking each
// CRC, and keeps the critical chunks and the ancillary ones that only say how to draw the pixels (colour
// space, transparency, background, pixel size, animation frames). Everything else is dropped — eXIf (the
// same Exif as a camera JPEG's, GPS included), tEXt/zTXt/iTXt (author, software, XMP), tIME, and chunks
// no one here knows (C2PA manifests, editors' private data) — as are bytes after IEND. A file that is
// truncated, has a bad CRC, does not start with IHDR, has no IDAT or carries an unknown critical chunk
// (which no decoder may skip) is refused (null).
import { ascii, concat, u32be } from "./bytes";
import { crc32 } from "./crc32";

const SIGNATURE_LENGTH = 8;
const CRITICAL = new Set(["IHDR", "PLTE", "IDAT", "IEND"]);
/** Ancillary chunks about rendering only (PNG 3rd edition, APNG). */
const RENDERING = new Set([
  "cHRM",
  "gAMA",
  "iCCP",
  "sBIT",
  "sRGB",
  "cICP",
  "mDCV",
  "cLLI",
  "bKGD",
  "hIST",
  "tRNS",
  "pHYs",
  "sPLT",
  "acTL",
  "fcTL",
  "fdAT",
]);

export const stripPng = (b: Uint8Array): Uint8Array | null => {
  const kept: Uint8Array[] = [b.subarray(0, SIGNATURE_LENGTH)];
  let i = SIGNATURE_LENGTH;
  let first = true;
  let idat = false;
  for (;;) {
    if (i + 12 > b.length) return null;
    const length = u32be(b, i);
    const type = ascii(b, i + 4, 4);
    const end = i + 12 + length;
    if (length > 0x7fffffff || end > b.length || !/^[A-Za-z]{4}$/.test(type)) return null;
    if (crc32(b, i + 4, end - 4) !== u32be(b, end - 4)) return null;
    if (first !== (type === "IHDR") || (type === "IHDR" && length !== 13)) return null;
    first = false;
    if (type === "IDAT") idat = true;
    const critical = type.charCodeAt(0) < 0x61; // an upper-case first letter
    if (critical && !CRITICAL.has(type)) return null;
    if (critical || RENDERING.has(type)) kept.push(b.subarray(i, end));
    i = end;
    if (type === "IEND") return idat ? concat(kept) : null;
  }
};
