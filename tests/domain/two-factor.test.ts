// Two-step sign-in, the parts without HTTP: the TOTP library inside workerd (RFC 6238 vectors), reading
// typed codes, showing keys, sealing secrets, and who must have a second factor where.
import { describe, expect, test } from "vitest";
import { codeAt, stepOfCode, newTotpSecret, otpauthUrl, timeStep } from "../../worker/security/totp";
import { seal, open } from "../../worker/security/secret-box";
import { readCode, groupSecret, formatRecoveryCode, randomDigits } from "../../worker/domain/two-factor";
import { needsSecondFactor, allowedBeforeSecondFactor } from "../../worker/domain/permissions";

/** RFC 6238 appendix B's SHA-1 key, "12345678901234567890", in base32. */
const RFC_KEY = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

describe("TOTP through the otpauth library, inside workerd", () => {
  test("RFC 6238 test vectors (SHA-1, 30 s; the last six digits of the RFC's eight)", () => {
    expect(codeAt(RFC_KEY, 59_000)).toBe("287082");
    expect(codeAt(RFC_KEY, 1_111_111_109_000)).toBe("081804");
    expect(codeAt(RFC_KEY, 1_234_567_890_000)).toBe("005924");
    expect(codeAt(RFC_KEY, 2_000_000_000_000)).toBe("279037");
  });

  test("a code is matched to its time step, one step of drift either way, no further", () => {
    const at = 1_234_567_890_000;
    const step = timeStep(at);
    expect(stepOfCode(RFC_KEY, "005924", at)).toBe(step);
    expect(stepOfCode(RFC_KEY, codeAt(RFC_KEY, at - 30_000), at)).toBe(step - 1);
    expect(stepOfCode(RFC_KEY, codeAt(RFC_KEY, at + 30_000), at)).toBe(step + 1);
    expect(stepOfCode(RFC_KEY, codeAt(RFC_KEY, at + 60_000), at)).toBeNull();
    expect(stepOfCode(RFC_KEY, codeAt(RFC_KEY, at - 60_000), at)).toBeNull();
  });

  test("new secrets are 160 random bits in base32; the otpauth URI names neither e-mail nor person", () => {
    const a = newTotpSecret();
    expect(a).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(a);
    const url = new URL(otpauthUrl(a));
    expect(url.protocol).toBe("otpauth:");
    expect(url.host).toBe("totp");
    expect(decodeURIComponent(url.pathname)).toBe("/Sanad:account");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      issuer: "Sanad",
      secret: a,
      algorithm: "SHA1",
      digits: "6",
      period: "30",
    });
  });
});

describe("reading what a person typed", () => {
  test("six digits are an app code, twenty a recovery code; spaces, dashes and Arabic-Indic digits are fine", () => {
    expect(readCode("123456")).toEqual({ kind: "totp", code: "123456" });
    expect(readCode(" 123 456 ")).toEqual({ kind: "totp", code: "123456" });
    expect(readCode("١٢٣٤٥٦")).toEqual({ kind: "totp", code: "123456" });
    expect(readCode("۱۲۳۴۵۶")).toEqual({ kind: "totp", code: "123456" });
    expect(readCode("12345-67890-12345-67890")).toEqual({ kind: "recovery", code: "12345678901234567890" });
    for (const bad of ["", "12345", "1234567", "12345a", "abcdef", "12345-67890"])
      expect(readCode(bad).kind).toBe("invalid");
  });

  test("keys are shown in blocks of four, recovery codes in blocks of five", () => {
    expect(groupSecret(RFC_KEY)).toBe("GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ");
    expect(formatRecoveryCode("12345678901234567890")).toBe("12345-67890-12345-67890");
  });

  test("recovery digits are uniform: no byte value is favoured", () => {
    const digits = randomDigits(20_000);
    expect(digits).toMatch(/^\d{20000}$/);
    const counts = Array.from({ length: 10 }, (_, d) => digits.split(String(d)).length - 1);
    for (const n of counts) expect(Math.abs(n - 2000)).toBeLessThan(250);
    // Bytes 250–255 are skipped rather than folded onto 0–5.
    expect(randomDigits(3, (b) => b.fill(255).map((_, i) => (i % 2 ? 255 : 7)))).toBe("777");
  });
});

describe("sealed secrets", () => {
  test("open with the same pepper and owner only", async () => {
    const sealed = await seal("pepper-a", "totp", "user-1", "JBSWY3DPEHPK3PXP");
    expect(sealed).not.toContain("JBSWY3DPEHPK3PXP");
    expect(await open("pepper-a", "totp", "user-1", sealed)).toBe("JBSWY3DPEHPK3PXP");
    expect(await open("pepper-b", "totp", "user-1", sealed)).toBeNull();
    expect(await open("pepper-a", "totp", "user-2", sealed)).toBeNull();
    expect(await open("pepper-a", "other", "user-1", sealed)).toBeNull();
    expect(await open("pepper-a", "totp", "user-1", "garbage")).toBeNull();
    expect(await seal("pepper-a", "totp", "user-1", "JBSWY3DPEHPK3PXP")).not.toBe(sealed); // a fresh IV each time
  });
});

describe("who needs a second factor", () => {
  const prod = { SANAD_ENV: "production" };
  test("admins and analysts without it, in production only", () => {
    expect(needsSecondFactor({ platformRole: "admin", twoFactor: false }, prod)).toBe(true);
    expect(needsSecondFactor({ platformRole: "analyst", twoFactor: false }, prod)).toBe(true);
    expect(needsSecondFactor({ platformRole: "admin", twoFactor: true }, prod)).toBe(false);
    expect(needsSecondFactor({ platformRole: "user", twoFactor: false }, prod)).toBe(false);
    expect(needsSecondFactor({ platformRole: "admin", twoFactor: false }, { SANAD_ENV: "development" })).toBe(
      false,
    );
    expect(needsSecondFactor({ platformRole: "admin", twoFactor: false }, {})).toBe(false);
    expect(needsSecondFactor(null, prod)).toBe(false);
  });

  test("until then: the security page and its forms, who am I, signing out", () => {
    for (const p of [
      "/me/security",
      "/me/2fa",
      "/me/2fa/confirm",
      "/me/2fa/disable",
      "/me/password",
      "/me/sessions/end-others",
      "/logout",
      "/api/v1/me",
      "/api/v1/me/2fa",
      "/api/v1/me/2fa/confirm",
      "/api/v1/auth/logout",
    ]) {
      expect(allowedBeforeSecondFactor(p), p).toBe(true);
    }
    for (const p of [
      "/me",
      "/admin",
      "/api/v1/orgs",
      "/api/v1/me/2fa-other",
      "/me/securityx",
      "/api/v1/reports/equity",
      "/orgs/x",
      "/api/v1/me/tokens",
    ]) {
      expect(allowedBeforeSecondFactor(p), p).toBe(false);
    }
  });
});
