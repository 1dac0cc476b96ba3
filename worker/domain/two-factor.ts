// Two-step sign-in, the pure part: what a typed code is, how secrets and recovery codes are shown.

/** Six digits from an authenticator app (RFC 6238 defaults every app supports: SHA-1, 30 s). */
export const TOTP_DIGITS = 6;
export const TOTP_PERIOD_SECONDS = 30;
/** Codes one step (30 s) early or late are accepted: phones' clocks drift. */
export const TOTP_WINDOW = 1;
/** 20 random bytes (160 bits), the size RFC 4226 recommends; 32 base32 characters. */
export const TOTP_SECRET_BYTES = 20;

export const RECOVERY_CODE_COUNT = 10;
/**
 * Recovery codes are digits only, so the code field can keep `inputmode=numeric` (a cheap phone's
 * number pad) for both kinds of code: 20 digits ≈ 66 bits, far beyond online guessing under the login
 * throttle, and too many to try offline against the stored SHA-256 (salted with the user id).
 */
export const RECOVERY_CODE_DIGITS = 20;

const toAsciiDigits = (s: string) =>
  s
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x6f0));

export type TypedCode =
  | { kind: "totp"; code: string }
  | { kind: "recovery"; code: string }
  | { kind: "invalid" };

/**
 * What a person typed, read as generously as is safe: spaces and dashes dropped (apps show "123 456",
 * recovery codes are printed in groups), Arabic-Indic and Persian digits read as digits (an Arabic phone
 * keyboard types them). Six digits are an app's code, twenty a recovery code, anything else neither.
 */
export const readCode = (typed: string): TypedCode => {
  const s = toAsciiDigits(typed).replace(/[\s\-\u2010-\u2015]/g, "");
  if (!/^\d+$/.test(s)) return { kind: "invalid" };
  if (s.length === TOTP_DIGITS) return { kind: "totp", code: s };
  if (s.length === RECOVERY_CODE_DIGITS) return { kind: "recovery", code: s };
  return { kind: "invalid" };
};

/** "JBSWY3DPEHPK3PXP…" as "JBSW Y3DP EHPK 3PXP …": easier to type into an app by hand. */
export const groupSecret = (base32: string) => base32.match(/.{1,4}/g)?.join(" ") ?? base32;

/** "12345678901234567890" as "12345-67890-12345-67890". */
export const formatRecoveryCode = (digits: string) => digits.match(/.{1,5}/g)?.join("-") ?? digits;

/** Uniformly random decimal digits (rejection sampling: bytes ≥ 250 would favour 0–5). */
export const randomDigits = (
  n: number,
  random: (bytes: Uint8Array<ArrayBuffer>) => Uint8Array = (b) => crypto.getRandomValues(b),
) => {
  let out = "";
  while (out.length < n) {
    for (const b of random(new Uint8Array(n * 2))) {
      if (b < 250 && out.length < n) out += String(b % 10);
    }
  }
  return out;
};
