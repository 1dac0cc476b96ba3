// The demo report's photo: an 8×8 grey gradient, baseline JPEG, 145 bytes — SOI, one quantisation table,
// the frame, two Huffman tables, one scan, EOI. No JFIF, Exif, comment or any other APPn segment, so there
// is nothing about a person or a place in it (the seed still passes it through the upload cleaner).
const BASE64 =
  "/9j/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/wAALCAAIAAgBAREA" +
  "/8QAFAABAAAAAAAAAAAAAAAAAAAABP/EABYQAQEBAAAAAAAAAAAAAAAAAAMAYf/aAAgBAQAAPwBwDl//2Q==";

export const demoPhotoJpeg = () => Uint8Array.from(atob(BASE64), (c) => c.charCodeAt(0));
