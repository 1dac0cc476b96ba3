// Secrets the server must read back (two-step sign-in keys), sealed with AES-256-GCM under a key derived
// (HKDF-SHA-256) from the password pepper: like password hashes, a copy of the database alone is useless.
// The row's owner is bound in as associated data, so a sealed value moved to another row does not open.
import { base64ToBytes, bytesToBase64 } from "./random";

const encoder = new TextEncoder();
const VERSION = "v1";
const keys = new Map<string, Promise<CryptoKey>>();

const keyFor = (pepper: string, purpose: string) => {
  const id = `${purpose}\u0000${pepper}`;
  let key = keys.get(id);
  if (!key) {
    key = crypto.subtle.importKey("raw", encoder.encode(pepper), "HKDF", false, ["deriveKey"]).then((base) =>
      crypto.subtle.deriveKey(
        {
          name: "HKDF",
          hash: "SHA-256",
          salt: encoder.encode("sanad secret box"),
          info: encoder.encode(purpose),
        },
        base,
        { name: "AES-GCM", length: 256 },
        false,
        ["encrypt", "decrypt"],
      ),
    );
    keys.set(id, key);
  }
  return key;
};

/** `purpose` separates keys (e.g. "totp"); `owner` (a user id) must be given again to open. */
export const seal = async (pepper: string, purpose: string, owner: string, plaintext: string) => {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = await crypto.subtle.encrypt(
    { name: "AES-GCM", iv, additionalData: encoder.encode(owner) },
    await keyFor(pepper, purpose),
    encoder.encode(plaintext),
  );
  return `${VERSION}$${bytesToBase64(iv)}$${bytesToBase64(new Uint8Array(sealed))}`;
};

/** The plaintext, or null if the value was not sealed for this owner with this pepper (or was altered). */
export const open = async (pepper: string, purpose: string, owner: string, sealed: string) => {
  const [version, iv, data] = sealed.split("$");
  if (version !== VERSION || !iv || !data) return null;
  try {
    const plain = await crypto.subtle.decrypt(
      { name: "AES-GCM", iv: base64ToBytes(iv), additionalData: encoder.encode(owner) },
      await keyFor(pepper, purpose),
      base64ToBytes(data),
    );
    return new TextDecoder().decode(plain);
  } catch {
    return null;
  }
};
