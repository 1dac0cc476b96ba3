// Two-step sign-in (TOTP, RFC 6238) as use cases shared by the JSON API and the HTML forms: start (a
// pending secret), confirm with a code (on, with ten recovery codes shown once), turn off with a code, and
// the check login makes once the password was right.
import { sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { nowIso } from "../db/client";
import { findUserById, type UserRow } from "../db/users";
import {
  setPendingSecret,
  activateSecret,
  clearTwoFactor,
  acceptStep,
  useRecoveryCode,
  recoveryCodesLeft,
} from "../db/two-factor";
import { countAttempt, clearFailures } from "../db/throttle";
import { auditInsert, auditInsertIf } from "../db/audit";
import { recoveryCodes } from "../../schema";
import { seal, open } from "../security/secret-box";
import { newTotpSecret, otpauthUrl, stepOfCode } from "../security/totp";
import { sha256Hex } from "../security/random";
import {
  readCode,
  randomDigits,
  formatRecoveryCode,
  RECOVERY_CODE_COUNT,
  RECOVERY_CODE_DIGITS,
} from "../domain/two-factor";
import { Problem } from "../core/problem";
import type { Translate } from "../i18n";
import type { Viewer } from "../domain/permissions";

const PURPOSE = "totp";

/** Recovery codes are random (≈ 66 bits), so a plain SHA-256 is enough; the user id keeps equal codes of two accounts apart. */
const recoveryHash = (userId: string, digits: string) => sha256Hex(`sanad-recovery:${userId}:${digits}`);

const wrongCode = (t: Translate, status = 400) =>
  new Problem(status, undefined, [{ path: "code", message: t("err.code_wrong") }]);

const userOf = async (db: Db, viewer: Viewer) => (await findUserById(db, viewer.userId))!;

/** Starts (or restarts) enrolment: a new secret, stored sealed as pending; 409 if two-step sign-in is already on. */
export const startTwoFactor = async (db: Db, pepper: string, t: Translate, viewer: Viewer) => {
  const user = await userOf(db, viewer);
  if (user.totpEnabledAt) throw new Problem(409, t("err.two_factor_already_on"));
  const secret = newTotpSecret();
  const stored = await setPendingSecret(db, user.id, await seal(pepper, PURPOSE, user.id, secret));
  if (!stored.length) throw new Problem(409, t("err.two_factor_already_on"));
  return { secret, otpauthUrl: otpauthUrl(secret) };
};

/** The enrolment in progress (for showing it again next to a wrongly typed code), or null. */
export const pendingTwoFactor = async (db: Db, pepper: string, viewer: Viewer) => {
  const user = await userOf(db, viewer);
  if (user.totpEnabledAt || !user.totpPendingSecret) return null;
  const secret = await open(pepper, PURPOSE, user.id, user.totpPendingSecret);
  return secret ? { secret, otpauthUrl: otpauthUrl(secret) } : null;
};

/**
 * A correct current code for the pending secret turns two-step sign-in on and returns ten recovery codes
 * (shown once; only their hashes are kept). One batch: the codes, the audit entry and the switch are each
 * written only while that same secret is still pending, so two confirmations racing leave one set of codes.
 */
export const confirmTwoFactor = async (
  db: Db,
  pepper: string,
  t: Translate,
  viewer: Viewer,
  typed: string,
) => {
  const user = await userOf(db, viewer);
  if (user.totpEnabledAt) throw new Problem(409, t("err.two_factor_already_on"));
  if (!user.totpPendingSecret) throw new Problem(409, t("err.two_factor_not_started"));
  const sealed = user.totpPendingSecret;
  const secret = await open(pepper, PURPOSE, user.id, sealed);
  const code = readCode(typed);
  const step = secret && code.kind === "totp" ? stepOfCode(secret, code.code) : null;
  if (step === null) throw wrongCode(t);

  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => randomDigits(RECOVERY_CODE_DIGITS));
  const hashes = await Promise.all(codes.map((c) => recoveryHash(user.id, c)));
  const stillPending = sql`EXISTS (SELECT 1 FROM users WHERE id = ${user.id} AND totp_pending_secret = ${sealed} AND totp_enabled_at IS NULL)`;
  const now = nowIso();
  const results = await db.batch([
    db.delete(recoveryCodes).where(sql`${recoveryCodes.userId} = ${user.id} AND ${stillPending}`),
    ...hashes.map((h) =>
      db.insert(recoveryCodes).select(sql`SELECT ${h}, ${user.id}, ${now}, NULL WHERE ${stillPending}`),
    ),
    auditInsertIf(
      db,
      { actorUserId: user.id, action: "two_factor.enabled", subjectType: "user", subjectId: user.id },
      stillPending,
    ),
    activateSecret(db, user.id, sealed, step),
  ]);
  const activated = results[results.length - 1] as { id: string }[];
  if (!activated.length) throw new Problem(409, t("err.two_factor_already_on"));
  return { recoveryCodes: codes.map(formatRecoveryCode) };
};

/**
 * Whether `typed` is a second factor for this account right now: a current app code for a time step later
 * than any accepted before (so each code works once), or an unused recovery code (then used up).
 */
export const checkSecondFactor = async (
  db: Db,
  pepper: string,
  user: Pick<UserRow, "id" | "totpSecret" | "totpEnabledAt">,
  typed: string,
) => {
  if (!user.totpEnabledAt) return false;
  const code = readCode(typed);
  if (code.kind === "totp") {
    const secret = user.totpSecret ? await open(pepper, PURPOSE, user.id, user.totpSecret) : null;
    const step = secret ? stepOfCode(secret, code.code) : null;
    return step !== null && (await acceptStep(db, user.id, step));
  }
  if (code.kind === "recovery") return useRecoveryCode(db, user.id, await recoveryHash(user.id, code.code));
  return false;
};

/**
 * Turns two-step sign-in off with an app code or an unused recovery code. The attempt counts in the
 * account's login throttle first: a stolen session cannot guess its way to switching it off.
 */
export const disableTwoFactor = async (
  db: Db,
  pepper: string,
  t: Translate,
  viewer: Viewer,
  typed: string,
) => {
  const user = await userOf(db, viewer);
  if (!user.totpEnabledAt) throw new Problem(409, t("err.two_factor_already_off"));
  const wait = await countAttempt(db, user.email);
  if (wait > 0)
    throw new Problem(429, undefined, undefined, { retryAfter: wait }, { "Retry-After": String(wait) });
  if (!(await checkSecondFactor(db, pepper, user, typed))) {
    await auditInsert(db, {
      actorUserId: user.id,
      action: "two_factor.disable_failed",
      subjectType: "user",
      subjectId: user.id,
    });
    throw wrongCode(t);
  }
  await db.batch([
    clearFailures(db, user.email),
    ...clearTwoFactor(db, user.id),
    auditInsert(db, {
      actorUserId: user.id,
      action: "two_factor.disabled",
      subjectType: "user",
      subjectId: user.id,
    }),
  ]);
};

/** What the security page shows: on or off, and how many recovery codes are left. */
export const twoFactorStatus = async (db: Db, viewer: Viewer) => ({
  enabled: viewer.twoFactor,
  recoveryCodesLeft: viewer.twoFactor ? await recoveryCodesLeft(db, viewer.userId) : 0,
});
