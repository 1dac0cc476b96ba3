// Random identifiers and secrets from the platform CSPRNG, and SHA-256 digests for storing secrets.

const toBase64Url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replaceAll("+", "-")
    .replaceAll("/", "_")
    .replace(/=+$/, "");

/** A URL-safe random string carrying `bytes * 8` bits of entropy (session ids and tokens use 32 bytes). */
export const randomSecret = (bytes = 32) => toBase64Url(crypto.getRandomValues(new Uint8Array(bytes)));

/** Opaque resource ids: 16 random bytes (128 bits), short enough for URLs. */
export const newId = () => randomSecret(16);

export const sha256Hex = async (value: string) => {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(value));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
};

/** Constant-time comparison of equal-length byte arrays (length itself is not secret here). */
export const timingSafeEqual = (a: Uint8Array, b: Uint8Array) => {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i];
  return diff === 0;
};

export const bytesToBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
export const base64ToBytes = (b64: string) => Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0));
