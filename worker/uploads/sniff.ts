// The kind of an uploaded file, read from its first bytes (magic numbers) — never from its name or the
// Content-Type it was sent with, which the sender chooses. Seven kinds are accepted; anything else is null.
import type { UploadKind } from "../../schema/enums";
import { ascii, hasAscii } from "./bytes";

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** ISO-BMFF major brands of audio-only MPEG-4 files as phones and recorders write them. */
const M4A_BRANDS = new Set(["M4A ", "M4B ", "isom", "iso2", "mp41", "mp42"]);

const isJpeg = (b: Uint8Array) => b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;
const isPng = (b: Uint8Array) => PNG_SIGNATURE.every((x, i) => b[i] === x);
const isWebp = (b: Uint8Array) => hasAscii(b, 0, "RIFF") && hasAscii(b, 8, "WEBP");
const isPdf = (b: Uint8Array) => hasAscii(b, 0, "%PDF-");
const isOgg = (b: Uint8Array) => hasAscii(b, 0, "OggS") && b[4] === 0;
const isM4a = (b: Uint8Array) => {
  if (!hasAscii(b, 4, "ftyp") || b.length < 12) return false;
  const boxSize = (b[0] << 24) | (b[1] << 16) | (b[2] << 8) | b[3];
  return boxSize >= 16 && boxSize <= b.length && M4A_BRANDS.has(ascii(b, 8, 4));
};

/** An ID3v2 tag: "ID3", version 2–4, a revision, flags, and a four-byte size whose bytes stay below 0x80. */
const isId3 = (b: Uint8Array) =>
  hasAscii(b, 0, "ID3") &&
  b.length >= 10 &&
  b[3] >= 2 &&
  b[3] <= 4 &&
  b[4] !== 0xff &&
  [6, 7, 8, 9].every((i) => b[i] < 0x80);

// Kilobits per second by version (v1: MPEG-1; v2: MPEG-2 and 2.5), layer (1–3) and index; sample rates by
// the version bits and index.
const BITRATES = {
  v1: [
    [],
    [0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448],
    [0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384],
    [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  ],
  v2: [
    [],
    [0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256],
    [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
    [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
  ],
};
const SAMPLE_RATES: Record<number, number[]> = {
  3: [44100, 48000, 32000],
  2: [22050, 24000, 16000],
  0: [11025, 12000, 8000],
};

/**
 * The length of the MPEG audio frame whose header starts at `at` (11 sync bits, a known version, layer,
 * bitrate and sample rate), or 0 if there is none. ADTS (raw AAC) has layer bits 00 and is not MP3.
 */
export const mpegFrameLength = (b: Uint8Array, at: number) => {
  if (at + 4 > b.length || b[at] !== 0xff || (b[at + 1] & 0xe0) !== 0xe0) return 0;
  const version = (b[at + 1] >> 3) & 3; // 3: MPEG-1, 2: MPEG-2, 0: MPEG-2.5, 1: reserved
  const layerBits = (b[at + 1] >> 1) & 3; // 3: layer I, 2: layer II, 1: layer III
  const bitrateIndex = b[at + 2] >> 4;
  const rateIndex = (b[at + 2] >> 2) & 3;
  if (version === 1 || layerBits === 0 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3)
    return 0;
  const layer = 4 - layerBits;
  const kbps = (version === 3 ? BITRATES.v1 : BITRATES.v2)[layer][bitrateIndex];
  const rate = SAMPLE_RATES[version][rateIndex];
  const padding = (b[at + 2] >> 1) & 1;
  if (layer === 1) return (Math.floor((12 * kbps * 1000) / rate) + padding) * 4;
  const perFrame = layer === 3 && version !== 3 ? 72 : 144;
  return Math.floor((perFrame * kbps * 1000) / rate) + padding;
};

/** An MP3 without a tag starts with a frame; the next frame (if the file goes on) must follow it exactly. */
const isMpegAudio = (b: Uint8Array) => {
  const first = mpegFrameLength(b, 0);
  if (!first) return false;
  return first >= b.length || mpegFrameLength(b, first) > 0;
};

const CHECKS: [UploadKind, (b: Uint8Array) => boolean][] = [
  ["jpeg", isJpeg],
  ["png", isPng],
  ["webp", isWebp],
  ["pdf", isPdf],
  ["ogg", isOgg],
  ["m4a", isM4a],
  // Last: a frame header is the weakest signature of the seven.
  ["mp3", (b) => isId3(b) || isMpegAudio(b)],
];

export const sniffKind = (bytes: Uint8Array): UploadKind | null =>
  CHECKS.find(([, test]) => test(bytes))?.[0] ?? null;
