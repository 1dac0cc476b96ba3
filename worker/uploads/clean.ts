// What is stored for each kind: photos without their metadata (a photo's GPS position can endanger a
// group), PDFs and voice notes as they came — their metadata (a PDF's author, a recording's title, which
// some phones set to the place) is not rewritten here, and the README tells people so.
import type { UploadKind } from "../../schema/enums";
import { stripJpeg } from "./strip-jpeg";
import { stripPng } from "./strip-png";
import { stripWebp } from "./strip-webp";

const STRIP: Partial<Record<UploadKind, (bytes: Uint8Array) => Uint8Array | null>> = {
  jpeg: stripJpeg,
  png: stripPng,
  webp: stripWebp,
};

/** The bytes to store, or null for an image too damaged to walk (it is refused, not stored). */
export const bytesToStore = (kind: UploadKind, bytes: Uint8Array): Uint8Array | null => {
  const strip = STRIP[kind];
  return strip ? strip(bytes) : bytes;
};
