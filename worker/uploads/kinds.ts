// What each accepted kind of file is called, served as, and may be declared as by a browser or phone.
import type { UploadKind } from "../../schema/enums";

type Media = {
  /** The Content-Type it is served with (never the one it was uploaded with). */
  type: string;
  /** The extension of the download name `<id>.<ext>`. */
  ext: string;
  /** Its name in messages ("it is a PDF file"), the same in every language. */
  label: string;
  /** Photos open in the browser; documents and voice notes are downloaded. */
  inline: boolean;
  /** Content-Types that senders use for it (browsers and phones disagree on audio). */
  declared: readonly string[];
  /** File-name extensions it goes by. */
  extensions: readonly string[];
};

export const UPLOAD_MEDIA: Record<UploadKind, Media> = {
  jpeg: {
    type: "image/jpeg",
    ext: "jpg",
    label: "JPEG",
    inline: true,
    declared: ["image/jpeg", "image/jpg", "image/pjpeg"],
    extensions: ["jpg", "jpeg", "jpe", "jfif"],
  },
  png: {
    type: "image/png",
    ext: "png",
    label: "PNG",
    inline: true,
    declared: ["image/png", "image/x-png"],
    extensions: ["png"],
  },
  webp: {
    type: "image/webp",
    ext: "webp",
    label: "WebP",
    inline: true,
    declared: ["image/webp"],
    extensions: ["webp"],
  },
  pdf: {
    type: "application/pdf",
    ext: "pdf",
    label: "PDF",
    inline: false,
    declared: ["application/pdf", "application/x-pdf"],
    extensions: ["pdf"],
  },
  mp3: {
    type: "audio/mpeg",
    ext: "mp3",
    label: "MP3",
    inline: false,
    declared: ["audio/mpeg", "audio/mp3", "audio/mpeg3", "audio/x-mpeg", "audio/x-mp3"],
    extensions: ["mp3"],
  },
  ogg: {
    type: "audio/ogg",
    ext: "ogg",
    label: "OGG",
    inline: false,
    // WhatsApp and Telegram voice notes are Opus in an Ogg container, named .opus or .oga.
    declared: ["audio/ogg", "audio/opus", "application/ogg", "video/ogg", "audio/x-ogg"],
    extensions: ["ogg", "oga", "opus"],
  },
  m4a: {
    type: "audio/mp4",
    ext: "m4a",
    label: "M4A",
    inline: false,
    declared: ["audio/mp4", "audio/m4a", "audio/x-m4a", "audio/aac", "video/mp4"],
    extensions: ["m4a", "mp4", "aac"],
  },
};

/** Headers for serving a stored file: its kind decides the type; the name is the id, never the sender's. */
export const servingHeaders = (kind: UploadKind, id: string, bytes: number) => {
  const m = UPLOAD_MEDIA[kind];
  return {
    "Content-Type": m.type,
    "Content-Length": String(bytes),
    "Content-Disposition": `${m.inline ? "inline" : "attachment"}; filename="${id}.${m.ext}"`,
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "private, no-store",
  };
};
