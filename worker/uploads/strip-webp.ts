// WebP without its metadata. Walks the RIFF chunks and keeps the image (VP8, VP8L, or VP8X with ALPH,
// ANIM, ANMF and the ICC profile); the EXIF and XMP chunks and any unknown chunk are dropped, the EXIF and
// XMP flags of VP8X are cleared (decoders would otherwise look for what is gone) and the RIFF size is
// rewritten. Bytes after the RIFF's declared end are dropped. A chunk running past the end, a VP8X of the
// wrong size or a file with no image chunk is refused (null).
import { ascii, concat, hasAscii, u32le, u32leBytes } from "./bytes";

const KEPT = new Set(["VP8 ", "VP8L", "VP8X", "ALPH", "ANIM", "ANMF", "ICCP"]);
const IMAGE = new Set(["VP8 ", "VP8L", "ANMF"]);
const VP8X_EXIF = 0x08;
const VP8X_XMP = 0x04;

export const stripWebp = (b: Uint8Array): Uint8Array | null => {
  if (!hasAscii(b, 0, "RIFF") || !hasAscii(b, 8, "WEBP") || b.length < 12) return null;
  const end = 8 + u32le(b, 4);
  if (end > b.length || end < 12) return null;
  const kept: Uint8Array[] = [];
  let image = false;
  let i = 12;
  while (i < end) {
    if (i + 8 > end) return null;
    const fourcc = ascii(b, i, 4);
    const size = u32le(b, i + 4);
    const next = i + 8 + size + (size & 1); // chunks are padded to an even length
    if (next > end) return null;
    if (i === 12 && !["VP8 ", "VP8L", "VP8X"].includes(fourcc)) return null;
    if (fourcc === "VP8X") {
      if (i !== 12 || size !== 10) return null;
      const chunk = b.slice(i, next);
      chunk[8] &= ~(VP8X_EXIF | VP8X_XMP);
      kept.push(chunk);
    } else if (KEPT.has(fourcc)) kept.push(b.subarray(i, next));
    if (IMAGE.has(fourcc)) image = true;
    i = next;
  }
  if (!image) return null;
  const body = concat(kept);
  return concat([b.subarray(0, 4), u32leBytes(4 + body.length), b.subarray(8, 12), body]);
};
