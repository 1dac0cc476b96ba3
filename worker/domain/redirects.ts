// Where a browser may be sent after signing in: only a path on Sanad's own origin.

/**
 * Browsers strip tabs and line breaks from URLs and read `\` as `/`, so `/\t/evil.example` or
 * `/\evil.example` become the protocol-relative `//evil.example`. Such input is refused outright; what
 * remains is resolved against our origin as a browser would, and kept only when it stays there.
 */
export const safeRedirectPath = (next: string | undefined | null, origin: string): string | null => {
  if (!next || !next.startsWith("/") || /[\u0000-\u001f\u007f\\]/.test(next)) return null;
  let url: URL;
  try {
    url = new URL(next, origin);
  } catch {
    return null;
  }
  if (url.origin !== new URL(origin).origin) return null;
  return url.pathname + url.search + url.hash;
};
