import { describe, expect, test } from "vitest";
import { passwordProblem } from "../../worker/domain/password-policy";
import {
  hashPassword,
  verifyPassword,
  parsePasswordHash,
  MAX_PBKDF2_ITERATIONS,
  PBKDF2_ITERATIONS,
} from "../../worker/security/password";

describe("password policy", () => {
  test.each([
    "password123",
    "Password2024!",
    "qwertyuiop",
    "1234567890",
    "aaaaaaaaaaaa",
    "iloveyou12",
    "motdepasse1",
    "contraseña123",
  ])("refuses the common password %s", (p) => {
    expect(passwordProblem(p)).toBe("err.password_common");
  });
  test("refuses short passwords and the e-mail address itself", () => {
    expect(passwordProblem("short")).toBe("err.password_short");
    expect(passwordProblem("amina.farouk", "amina.farouk@example.org")).toBe("err.password_email");
  });
  test("accepts a passphrase", () => {
    expect(passwordProblem("olive trees by the river")).toBeNull();
  });
});

describe("password hashing", () => {
  test("PBKDF2-SHA256 at no more than 100,000 iterations, parameters stored with the hash", async () => {
    expect(PBKDF2_ITERATIONS).toBeLessThanOrEqual(100_000);
    const stored = await hashPassword("olive trees by the river", "pepper-1234567890");
    const parsed = parsePasswordHash(stored)!;
    expect(parsed.algorithm).toBe("pbkdf2-sha256");
    expect(parsed.iterations).toBe(PBKDF2_ITERATIONS);
    expect(parsed.iterations).toBeLessThanOrEqual(MAX_PBKDF2_ITERATIONS);
    expect(parsed.salt.length).toBeGreaterThanOrEqual(16);
  });

  test("refuses more iterations than Workers production allows (local workerd would not)", async () => {
    await expect(hashPassword("olive trees by the river", "pepper", 100_001)).rejects.toThrow(/iterations/);
  });

  test("verifies the right password only, and only with the same pepper", async () => {
    const stored = await hashPassword("olive trees by the river", "pepper-A");
    expect((await verifyPassword("olive trees by the river", stored, "pepper-A")).ok).toBe(true);
    expect((await verifyPassword("olive trees by the rivers", stored, "pepper-A")).ok).toBe(false);
    expect((await verifyPassword("olive trees by the river", stored, "pepper-B")).ok).toBe(false);
  });

  test("two hashes of one password differ (per-user salt)", async () => {
    const a = await hashPassword("olive trees by the river", "p");
    const b = await hashPassword("olive trees by the river", "p");
    expect(a).not.toBe(b);
  });

  test("flags an old, weaker hash for upgrade after a successful login", async () => {
    const old = await hashPassword("olive trees by the river", "p", 10_000);
    expect(await verifyPassword("olive trees by the river", old, "p")).toEqual({
      ok: true,
      needsRehash: true,
    });
  });
});
