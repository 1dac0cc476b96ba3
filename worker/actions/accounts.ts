// Sign-up, e-mail verification and log-in as use cases shared by the JSON API and the HTML forms.
import type { Db } from "../db/client";
import {
  findUserByEmail,
  findUserById,
  insertUser,
  updateUser,
  markEmailVerified,
  normaliseEmail,
  type UserRow,
} from "../db/users";
import { countAttempt, clearFailures } from "../db/throttle";
import { consumeEmailToken } from "../db/email-tokens";
import { sendLinkMail } from "./account-mail";
import { recomputeForUser } from "./trust";
import { checkSecondFactor } from "./two-factor";
import type { Mailer } from "../mail/compose";
import { auditInsert } from "../db/audit";
import { hashPassword, verifyPassword, burnPasswordCheck } from "../security/password";
import { newId, randomSecret, sha256Hex } from "../security/random";
import { insertToken, deleteToken } from "../db/tokens";
import { passwordProblem } from "../domain/password-policy";
import { isReservedEmail } from "../domain/org-erasure";
import { Problem, type FieldError } from "../core/problem";
import type { Translate } from "../i18n";
import type { Locale } from "../../schema/enums";

export const publicUser = (
  u: Pick<UserRow, "id" | "email" | "name" | "locale" | "timeZone" | "platformRole">,
) => ({
  id: u.id,
  email: u.email,
  name: u.name,
  locale: u.locale as Locale,
  timeZone: u.timeZone,
  platformRole: u.platformRole,
});

/** What every sign-up answers, whether or not the address already had an account. */
export const VERIFICATION_SENT = { status: "verification_sent" as const };

/**
 * Sign-up never says whether an address has an account: both cases hash the password, write one mail
 * and answer the same. A new address gets a link to verify it (no session until then); an existing
 * one gets "you already have an account" with a link to set a new password, which only the owner of
 * the mailbox can follow.
 */
export const signup = async (
  db: Db,
  pepper: string,
  t: Translate,
  input: { email: string; password: string; name: string; locale: Locale },
  mailer: Mailer,
) => {
  const errors: FieldError[] = [];
  // Addresses under the reserved `.invalid` domain belong to nobody; Sanad's placeholder account for the
  // authors of deleted groups lives there (worker/domain/org-erasure.ts), so nobody may take one.
  if (isReservedEmail(input.email)) errors.push({ path: "email", message: t("err.email_reserved") });
  const weak = passwordProblem(input.password, input.email);
  if (weak) errors.push({ path: "password", message: t(weak as Parameters<Translate>[0]) });
  if (errors.length) throw new Problem(400, undefined, errors);
  const passwordHash = await hashPassword(input.password, pepper);
  const created = await insertUser(db, {
    id: newId(),
    email: input.email,
    name: input.name,
    locale: input.locale,
    passwordHash,
  });
  if (created) {
    await sendLinkMail(db, mailer, created, "verify_email", [
      auditInsert(db, {
        actorUserId: created.id,
        action: "user.signup",
        subjectType: "user",
        subjectId: created.id,
      }),
    ]);
  } else {
    const existing = await findUserByEmail(db, input.email);
    if (existing)
      await sendLinkMail(db, mailer, existing, "account_exists", [
        auditInsert(db, {
          actorUserId: null,
          action: "user.signup_existing",
          subjectType: "user",
          subjectId: existing.id,
        }),
      ]);
  }
  return VERIFICATION_SENT;
};

/** Following the link from the sign-up mail: the address is verified and the person signed in. */
export const verifyEmail = async (db: Db, t: Translate, token: string) => {
  const userId = await consumeEmailToken(db, await sha256Hex(token), "verify");
  if (!userId)
    throw new Problem(400, t("err.link_invalid"), [{ path: "token", message: t("err.link_invalid") }]);
  await db.batch([
    markEmailVerified(db, userId),
    auditInsert(db, {
      actorUserId: userId,
      action: "user.email_verified",
      subjectType: "user",
      subjectId: userId,
    }),
  ]);
  await recomputeForUser(db, userId);
  return (await findUserById(db, userId))!;
};

/**
 * Every attempt is counted before the password is checked, in one atomic upsert: parallel guesses
 * cannot each find the counter below the limit. A correct password clears it. An account whose address
 * is not verified yet cannot sign in; it is sent a fresh link (this tells only someone who knows the
 * password that the account exists).
 *
 * With two-step sign-in on, a right password is not enough: `code` (an app code, each usable once, or an
 * unused recovery code, then used up) must come too. Only a caller who knew the password learns that a
 * code is asked for; a missing or wrong code is a failed attempt of the same throttle as a wrong password.
 */
export const login = async (
  db: Db,
  pepper: string,
  t: Translate,
  input: { email: string; password: string; code?: string },
  mailer: Mailer,
) => {
  const email = normaliseEmail(input.email);
  const wait = await countAttempt(db, email);
  if (wait > 0) {
    await auditInsert(db, {
      actorUserId: null,
      action: "login.locked",
      subjectType: "email",
      subjectId: email,
    });
    throw new Problem(429, undefined, undefined, { retryAfter: wait }, { "Retry-After": String(wait) });
  }
  const user = await findUserByEmail(db, email);
  if (!user) await burnPasswordCheck(input.password, pepper);
  const result = user
    ? await verifyPassword(input.password, user.passwordHash, pepper)
    : { ok: false, needsRehash: false };
  if (!user || !result.ok) {
    await auditInsert(db, {
      actorUserId: user?.id ?? null,
      action: "login.failed",
      subjectType: "email",
      subjectId: email,
    });
    throw new Problem(401, undefined, [{ path: "password", message: t("err.credentials") }]);
  }
  if (!user.emailVerifiedAt) {
    await sendLinkMail(db, mailer, user, "verify_email", []);
    throw new Problem(403, t("err.email_unverified"), [
      { path: "email", message: t("err.email_unverified") },
    ]);
  }
  if (user.totpEnabledAt) {
    if (!input.code)
      throw new Problem(401, t("err.code_needed"), [{ path: "code", message: t("err.code_needed") }]);
    if (!(await checkSecondFactor(db, pepper, user, input.code))) {
      await auditInsert(db, {
        actorUserId: user.id,
        action: "login.second_factor_failed",
        subjectType: "user",
        subjectId: user.id,
      });
      throw new Problem(401, undefined, [{ path: "code", message: t("err.code_wrong") }]);
    }
  }
  if (result.needsRehash)
    await updateUser(db, user.id, { passwordHash: await hashPassword(input.password, pepper) });
  await db.batch([
    clearFailures(db, email),
    auditInsert(db, {
      actorUserId: user.id,
      action: "login.succeeded",
      subjectType: "user",
      subjectId: user.id,
    }),
  ]);
  return user;
};

/** A personal API token: returned once, stored only as its SHA-256. */
export const createApiToken = async (db: Db, userId: string, name: string) => {
  const token = `sanad_${randomSecret(32)}`;
  const id = newId();
  await db.batch([
    insertToken(db, { id, userId, name, tokenHash: await sha256Hex(token) }),
    auditInsert(db, { actorUserId: userId, action: "token.created", subjectType: "token", subjectId: id }),
  ]);
  return { id, token };
};

export const revokeApiToken = async (db: Db, userId: string, id: string) => {
  const gone = await deleteToken(db, userId, id);
  if (!gone) throw new Problem(404);
  await auditInsert(db, {
    actorUserId: userId,
    action: "token.revoked",
    subjectType: "token",
    subjectId: id,
  });
};
