// Static assets are served under names that carry a hash of their content, so they can be cached forever.

/** FNV-1a: a fast, stable content hash (not a security measure; only a cache key). */
const fnv1a = (s: string) => {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
};

export const hashedPath = (name: string, ext: string, content: string) =>
  `/assets/${name}.${fnv1a(content)}.${ext}`;
