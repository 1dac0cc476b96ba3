// Whether what the sender said about a file (its name, its Content-Type) agrees with what its bytes are.
// A PDF named photo.jpg, or sent as image/jpeg, is refused: whoever opens it later would expect a photo.
// Saying nothing is not disagreeing: no extension, no type, or the generic "octet-stream" pass.
import type { UploadKind } from "../../schema/enums";
import { UPLOAD_MEDIA } from "./kinds";

const SAYS_NOTHING = new Set(["", "application/octet-stream", "binary/octet-stream"]);

const extensionOf = (name: string) => {
  const dot = name.lastIndexOf(".");
  return dot < 0
    ? ""
    : name
        .slice(dot + 1)
        .trim()
        .toLowerCase();
};

/** The media type without parameters, lower-cased ("Image/JPEG; q=1" → "image/jpeg"). */
const essence = (type: string) => type.split(";")[0].trim().toLowerCase();

export const labelAgrees = (kind: UploadKind, label: { name: string; type: string }) => {
  const media = UPLOAD_MEDIA[kind];
  const ext = extensionOf(label.name);
  const type = essence(label.type);
  return (
    (ext === "" || media.extensions.includes(ext)) &&
    (SAYS_NOTHING.has(type) || media.declared.includes(type))
  );
};
