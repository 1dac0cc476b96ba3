// JPEG without its metadata. Walks the marker segments from SOI to EOI and keeps only what draws the
// pixels: tables, frame and scan headers with their entropy-coded data, JFIF (APP0), the ICC colour profile
// (APP2) and Adobe's colour-transform flag (APP14). Everything else goes: Exif and XMP (APP1: GPS position,
// camera serial numbers, the owner's name), IPTC/Photoshop (APP13), comments (COM), other APPn, and any bytes
// after EOI (phones append motion-photo videos and vendor trailers there, with their own metadata). The one
// Exif value kept is the orientation, rewritten alone, or portrait phone photos would show on their side.
// A file that does not walk cleanly to EOI (truncated, a length past the end, a scan with no frame) is
// refused (null), never stored half-checked.
import { concat, hasAscii, u16be, u32be } from "./bytes";

const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;
const APP1 = 0xe1;
const COM = 0xfe;

const isRestart = (m: number) => m >= 0xd0 && m <= 0xd7;
const isApp = (m: number) => m >= 0xe0 && m <= 0xef;
/** Start-of-frame markers C0–CF, except DHT (C4), JPG (C8) and DAC (CC), which share the range. */
const isFrame = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;

/** APPn segments that say how to draw the image, by marker and identifier; nothing about who, where, when. */
const KEPT_APP: [number, string][] = [
  [0xe0, "JFIF\0"],
  [0xe2, "ICC_PROFILE\0"],
  [0xee, "Adobe"],
];
const keptApp = (b: Uint8Array, marker: number, payload: number) =>
  KEPT_APP.some(([m, id]) => m === marker && hasAscii(b, payload, id));

/**
 * The end of a scan's entropy-coded data: the next 0xFF that is neither a stuffed 0x00 nor a restart
 * marker (-1 if the file ends first).
 */
const scanEnd = (b: Uint8Array, from: number) => {
  let i = from;
  for (;;) {
    const j = b.indexOf(0xff, i);
    if (j < 0 || j + 1 >= b.length) return -1;
    const next = b[j + 1];
    if (next === 0x00 || isRestart(next)) i = j + 2;
    else return j;
  }
};

/** The Exif orientation (1–8) in a TIFF block, or null when there is none or the block is damaged. */
export const exifOrientation = (tiff: Uint8Array): number | null => {
  const little = hasAscii(tiff, 0, "II");
  if (!little && !hasAscii(tiff, 0, "MM")) return null;
  const u16 = (at: number) => (little ? tiff[at] | (tiff[at + 1] << 8) : u16be(tiff, at));
  const u32 = (at: number) =>
    little
      ? (tiff[at] | (tiff[at + 1] << 8) | (tiff[at + 2] << 16) | (tiff[at + 3] << 24)) >>> 0
      : u32be(tiff, at);
  if (tiff.length < 8 || u16(2) !== 42) return null;
  const ifd = u32(4);
  if (ifd + 2 > tiff.length) return null;
  const count = u16(ifd);
  for (let k = 0; k < count; k++) {
    const entry = ifd + 2 + 12 * k;
    if (entry + 12 > tiff.length) return null;
    if (u16(entry) === 0x0112 && u16(entry + 2) === 3) {
      const value = u16(entry + 8);
      return value >= 1 && value <= 8 ? value : null;
    }
  }
  return null;
};

/** A fresh APP1 segment holding a TIFF block with one entry: the orientation. */
// biome-ignore format: one line per part of the segment
export const orientationSegment = (orientation: number) =>
  Uint8Array.of(
    0xff, APP1, 0x00, 0x22, // marker, length 34
    0x45, 0x78, 0x69, 0x66, 0x00, 0x00, // "Exif\0\0"
    0x4d, 0x4d, 0x00, 0x2a, 0x00, 0x00, 0x00, 0x08, // big-endian TIFF, first IFD at 8
    0x00, 0x01, // one entry
    0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, orientation, 0x00, 0x00, // Orientation, SHORT, 1
    0x00, 0x00, 0x00, 0x00, // no next IFD
  );

export const stripJpeg = (b: Uint8Array): Uint8Array | null => {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== SOI) return null;
  const kept: Uint8Array[] = [b.subarray(0, 2)];
  let orientationKept = false;
  let frame = false;
  let scanned = false;
  let i = 2;
  for (;;) {
    if (b[i] !== 0xff) return null;
    while (b[i] === 0xff) i++; // fill bytes may pad any marker
    if (i >= b.length) return null;
    const marker = b[i];
    const start = i - 1;
    i++;
    if (marker === EOI) {
      if (!scanned) return null;
      kept.push(b.subarray(start, i));
      return concat(kept);
    }
    // Restart and TEM markers stand alone inside scans only; SOI again or a stuffed 0x00 is corruption.
    if (marker === SOI || marker === 0x00 || marker === 0x01 || isRestart(marker)) return null;
    if (i + 2 > b.length) return null;
    const length = u16be(b, i);
    const end = i + length;
    if (length < 2 || end > b.length) return null;
    const payload = i + 2;
    i = end;
    if (isApp(marker) || marker === COM) {
      if (keptApp(b, marker, payload)) kept.push(b.subarray(start, end));
      else if (marker === APP1 && !orientationKept && hasAscii(b, payload, "Exif\0\0")) {
        const orientation = exifOrientation(b.subarray(payload + 6, end));
        if (orientation && orientation !== 1) kept.push(orientationSegment(orientation));
        orientationKept = true;
      }
      continue;
    }
    if (isFrame(marker)) {
      if (length < 8) return null;
      frame = true;
    }
    kept.push(b.subarray(start, end));
    if (marker === SOS) {
      if (!frame) return null;
      const stop = scanEnd(b, i);
      if (stop < 0) return null;
      kept.push(b.subarray(i, stop));
      i = stop;
      scanned = true;
    }
  }
};
