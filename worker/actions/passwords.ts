// A way back into an account and out of a compromised one: reset by mail, change with the current
// password. Both end the account's other sessions.
import type { Db } from "../db/client";
import { findUserByEmail, findUserById, markEmailVerified, setPasswordHash } from "../db/users";
import { consumeEmailToken } from "../db/email-tokens";
import { deleteSessionsOf } from "../db/sessions";
import { auditInsert } from "../db/audit";
import { hashPassword, verifyPassword, burnPasswordCheck } from "../security/password";
import { sha256Hex } from "../security/random";
import { passwordProblem } from "../domain/password-policy";
import { Problem } from "../core/problem";
import type { Translate } from "../i18n";
import type { Viewer } from "../domain/permissions";
import type { Mailer } from "../mail/compose";
import { sendLinkMail } from "./account-mail";
import { recomputeForUser } from "./trust";

const weakPassword = (t: Translate, password: string, email: string) => {
  const weak = passwordProblem(password, email);
  if (weak)
    throw new Problem(400, undefined, [{ path: "password", message: t(weak as Parameters<Translate>[0]) }]);
};

/** Always the same answer; a mail only when the address has an account (unknown ones cost the same time). */
export const requestPasswordReset = async (db: Db, pepper: string, email: string, mailer: Mailer) => {
  const user = await findUserByEmail(db, email);
  if (!user) {
    await burnPasswordCheck(email, pepper);
    return;
  }
  await sendLinkMail(db, mailer, user, "password_reset", [
    auditInsert(db, {
      actorUserId: null,
      action: "password.reset_requested",
      subjectType: "user",
      subjectId: user.id,
    }),
  ]);
};

/**
 * Following the reset link proves the mailbox is the person's: the new password is set, the address
 * counts as verified, and every session of the account ends (a thief's included).
 */
export const confirmPasswordReset = async (
  db: Db,
  pepper: string,
  t: Translate,
  token: string,
  password: string,
) => {
  const userId = await consumeEmailToken(db, await sha256Hex(token), "reset");
  if (!userId)
    throw new Problem(400, t("err.link_invalid"), [{ path: "token", message: t("err.link_invalid") }]);
  const user = (await findUserById(db, userId))!;
  weakPassword(t, password, user.email);
  await db.batch([
    setPasswordHash(db, userId, await hashPassword(password, pepper)),
    markEmailVerified(db, userId),
    deleteSessionsOf(db, userId),
    auditInsert(db, {
      actorUserId: userId,
      action: "password.reset",
      subjectType: "user",
      subjectId: userId,
    }),
  ]);
  await recomputeForUser(db, userId); // the reset proved the address: the person's groups may rise to level 1
  return user;
};

/** Needs the current password; the account's other sessions end, this one stays; a mail says so. */
export const changePassword = async (
  db: Db,
  pepper: string,
  t: Translate,
  viewer: Viewer,
  keepSessionHash: string | null,
  input: { current: string; password: string },
  mailer: Mailer,
) => {
  const user = (await findUserById(db, viewer.userId))!;
  if (!(await verifyPassword(input.current, user.passwordHash, pepper)).ok)
    throw new Problem(400, undefined, [{ path: "current", message: t("err.current_password") }]);
  weakPassword(t, input.password, user.email);
  await sendLinkMail(db, mailer, user, "password_changed", [
    setPasswordHash(db, user.id, await hashPassword(input.password, pepper)),
    deleteSessionsOf(db, user.id, keepSessionHash),
    auditInsert(db, {
      actorUserId: user.id,
      action: "password.changed",
      subjectType: "user",
      subjectId: user.id,
    }),
  ]);
};
