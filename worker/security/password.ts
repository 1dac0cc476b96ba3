// Password hashing: PBKDF2-SHA256 through WebCrypto, per-user salt, a secret pepper (HMAC pre-hash),
// parameters stored with the hash so they can be raised later without breaking existing accounts.
import { base64ToBytes, bytesToBase64, timingSafeEqual } from "./random";

/** Cloudflare Workers production rejects PBKDF2 above 100,000 iterations; local workerd does not. */
export const MAX_PBKDF2_ITERATIONS = 100_000;
export const PBKDF2_ITERATIONS = 100_000;
const ALGORITHM = "pbkdf2-sha256";
const SALT_BYTES = 16;
const HASH_BITS = 256;

const encoder = new TextEncoder();

/** HMAC(pepper, password): a stolen database alone is not enough to test guesses offline. */
const pepperedKey = async (password: string, pepper: string) => {
  const hmacKey = await crypto.subtle.importKey(
    "raw",
    encoder.encode(pepper),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const mac = await crypto.subtle.sign("HMAC", hmacKey, encoder.encode(password.normalize("NFKC")));
  return crypto.subtle.importKey("raw", mac, "PBKDF2", false, ["deriveBits"]);
};

const derive = async (password: string, pepper: string, salt: Uint8Array, iterations: number) => {
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > MAX_PBKDF2_ITERATIONS) {
    throw new Error(`PBKDF2 iterations must be 1..${MAX_PBKDF2_ITERATIONS}, got ${iterations}`);
  }
  const key = await pepperedKey(password, pepper);
  const bits = await crypto.subtle.deriveBits(
    { name: "PBKDF2", hash: "SHA-256", salt: salt as BufferSource, iterations },
    key,
    HASH_BITS,
  );
  return new Uint8Array(bits);
};

export const hashPassword = async (password: string, pepper: string, iterations = PBKDF2_ITERATIONS) => {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const hash = await derive(password, pepper, salt, iterations);
  return `${ALGORITHM}$${iterations}$${bytesToBase64(salt)}$${bytesToBase64(hash)}`;
};

export type ParsedHash = { algorithm: string; iterations: number; salt: Uint8Array; hash: Uint8Array };

export const parsePasswordHash = (stored: string): ParsedHash | null => {
  const [algorithm, iter, salt, hash] = stored.split("$");
  if (algorithm !== ALGORITHM || !salt || !hash) return null;
  return { algorithm, iterations: Number(iter), salt: base64ToBytes(salt), hash: base64ToBytes(hash) };
};

/** `needsRehash` tells the caller to store a fresh hash after a successful login (parameters changed). */
export const verifyPassword = async (password: string, stored: string, pepper: string) => {
  const parsed = parsePasswordHash(stored);
  if (!parsed) return { ok: false, needsRehash: false };
  const candidate = await derive(password, pepper, parsed.salt, parsed.iterations);
  const ok = timingSafeEqual(candidate, parsed.hash);
  return { ok, needsRehash: ok && parsed.iterations !== PBKDF2_ITERATIONS };
};

/** A fixed hash to verify against when the account does not exist, so timing does not reveal it. */
let dummyHash: string | null = null;
export const burnPasswordCheck = async (password: string, pepper: string) => {
  dummyHash ??= await hashPassword("dummy-password-for-timing", pepper);
  await verifyPassword(password, dummyHash, pepper);
};
