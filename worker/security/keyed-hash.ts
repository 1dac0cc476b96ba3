// Keyed hashes (HMAC-SHA-256) for values that must be matched later but not read back: the same input
// gives the same hex string, and without the secret nobody can tell which input made it.

const encoder = new TextEncoder();
const keys = new Map<string, Promise<CryptoKey>>();

const keyFor = (secret: string) => {
  let key = keys.get(secret);
  if (!key) {
    key = crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, [
      "sign",
    ]);
    keys.set(secret, key);
  }
  return key;
};

/** HMAC-SHA-256(secret, `${purpose}\0${message}`) in hex; `purpose` keeps one use's keys from matching another's. */
export const keyedHashHex = async (secret: string, purpose: string, message: string) => {
  const mac = await crypto.subtle.sign(
    "HMAC",
    await keyFor(secret),
    encoder.encode(`${purpose}\u0000${message}`),
  );
  return [...new Uint8Array(mac)].map((b) => b.toString(16).padStart(2, "0")).join("");
};
