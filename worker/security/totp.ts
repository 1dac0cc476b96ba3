// TOTP (RFC 6238) through the `otpauth` library. Its "slim" build computes HMAC-SHA-1 with @noble/hashes
// (pure JavaScript, audited), so it runs the same in workerd, in Node and in the tests, with no node:crypto.
import { TOTP, Secret } from "otpauth/slim";
import { TOTP_DIGITS, TOTP_PERIOD_SECONDS, TOTP_SECRET_BYTES, TOTP_WINDOW } from "../domain/two-factor";

/**
 * How the account appears in the authenticator app. Not the e-mail address, not the person's name: the
 * app's list is on a phone that can be taken and searched at a checkpoint, and an address or a name ties
 * that phone to a Sanad account and its groups. "Sanad" is needed so the person finds the entry; the page
 * says it may be renamed to anything in the app.
 */
const ISSUER = "Sanad";
const LABEL = "account";

const totpOf = (base32: string) =>
  new TOTP({
    issuer: ISSUER,
    label: LABEL,
    algorithm: "SHA1",
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
    secret: Secret.fromBase32(base32),
  });

/** A fresh secret: 20 bytes from the platform CSPRNG, as base32 (what apps expect). */
export const newTotpSecret = () =>
  new Secret({ buffer: crypto.getRandomValues(new Uint8Array(TOTP_SECRET_BYTES)).buffer }).base32;

/** The otpauth:// URI apps read (from a QR code or a link on the phone itself). */
export const otpauthUrl = (base32: string) => totpOf(base32).toString();

/** The time step (Unix seconds / 30) of `at`. */
export const timeStep = (at: number = Date.now()) =>
  TOTP.counter({ period: TOTP_PERIOD_SECONDS, timestamp: at });

/**
 * The time step a six-digit code belongs to, within one step of clock drift either way, or null if it is
 * not a current code. The caller refuses a step at or before the last one it accepted (replay).
 */
export const stepOfCode = (base32: string, code: string, at: number = Date.now()): number | null => {
  const delta = totpOf(base32).validate({ token: code, timestamp: at, window: TOTP_WINDOW });
  return delta === null ? null : timeStep(at) + delta;
};

/** The code an app shows at `at` (tests and the demo only need this; the server never sends codes). */
export const codeAt = (base32: string, at: number = Date.now()) => totpOf(base32).generate({ timestamp: at });
