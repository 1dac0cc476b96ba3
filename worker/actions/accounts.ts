// Sign-up and log-in as use cases shared by the JSON API and the HTML forms.
import type { Db } from "../db/client";
import { findUserByEmail, insertUser, updateUser, normaliseEmail, type UserRow } from "../db/users";
import { lockedForSeconds, recordFailure, clearFailures } from "../db/throttle";
import { auditInsert } from "../db/audit";
import { hashPassword, verifyPassword, burnPasswordCheck } from "../security/password";
import { newId, randomSecret, sha256Hex } from "../security/random";
import { insertToken, deleteToken } from "../db/tokens";
import { passwordProblem } from "../domain/password-policy";
import { isReservedEmail } from "../domain/org-erasure";
import { Problem, type FieldError } from "../http/problem";
import type { Translate } from "../i18n";
import type { Locale } from "../../schema/enums";

export const publicUser = (u: Pick<UserRow, "id" | "email" | "name" | "locale" | "timeZone" | "platformRole">) => ({
  id: u.id,
  email: u.email,
  name: u.name,
  locale: u.locale as Locale,
  timeZone: u.timeZone,
  platformRole: u.platformRole,
});

export const signup = async (
  db: Db,
  pepper: string,
  t: Translate,
  input: { email: string; password: string; name: string; locale: Locale },
) => {
  const errors: FieldError[] = [];
  // Addresses under the reserved `.invalid` domain belong to nobody; Sanad's placeholder account for the
  // authors of deleted groups lives there (worker/domain/org-erasure.ts), so nobody may take one.
  if (isReservedEmail(input.email)) errors.push({ path: "email", message: t("err.email_reserved") });
  const weak = passwordProblem(input.password, input.email);
  if (weak) errors.push({ path: "password", message: t(weak as Parameters<Translate>[0]) });
  if (errors.length) throw new Problem(400, undefined, errors);
  const user = await insertUser(db, {
    id: newId(),
    email: input.email,
    name: input.name,
    locale: input.locale,
    passwordHash: await hashPassword(input.password, pepper),
  });
  if (!user) throw new Problem(409, undefined, [{ path: "email", message: t("err.email_taken") }]);
  await auditInsert(db, { actorUserId: user.id, action: "user.signup", subjectType: "user", subjectId: user.id });
  return user;
};

/** Checks the lock first (so a locked account does not even get a password check), then the password. */
export const login = async (db: Db, pepper: string, t: Translate, input: { email: string; password: string }) => {
  const email = normaliseEmail(input.email);
  const wait = await lockedForSeconds(db, email);
  if (wait > 0) {
    await auditInsert(db, { actorUserId: null, action: "login.locked", subjectType: "email", subjectId: email });
    throw new Problem(429, undefined, undefined, { retryAfter: wait }, { "Retry-After": String(wait) });
  }
  const user = await findUserByEmail(db, email);
  if (!user) await burnPasswordCheck(input.password, pepper);
  const result = user ? await verifyPassword(input.password, user.passwordHash, pepper) : { ok: false, needsRehash: false };
  if (!user || !result.ok) {
    await db.batch([
      recordFailure(db, email),
      auditInsert(db, { actorUserId: user?.id ?? null, action: "login.failed", subjectType: "email", subjectId: email }),
    ]);
    throw new Problem(401, undefined, [{ path: "password", message: t("err.credentials") }]);
  }
  if (result.needsRehash) await updateUser(db, user.id, { passwordHash: await hashPassword(input.password, pepper) });
  await db.batch([
    clearFailures(db, email),
    auditInsert(db, { actorUserId: user.id, action: "login.succeeded", subjectType: "user", subjectId: user.id }),
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
  await auditInsert(db, { actorUserId: userId, action: "token.revoked", subjectType: "token", subjectId: id });
};
