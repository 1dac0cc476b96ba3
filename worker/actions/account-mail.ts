// Mails about an account that carry a link: each writes its single-use token, the outbox row and the
// change it belongs to in one batch, then hands the mail to the queue.
import type { BatchItem } from "drizzle-orm/batch";
import type { Db } from "../db/client";
import { emailTokenInsert, retireEmailTokens } from "../db/email-tokens";
import { mailsSentTo, outboxInsert } from "../db/outbox";
import { findUserByEmail } from "../db/users";
import { newMail, type Mailer } from "../mail/compose";
import { randomSecret, sha256Hex } from "../security/random";
import type { EmailTokenPurpose, MailKind } from "../../schema/mail";
import type { Locale } from "../../schema/enums";

export const VERIFY_TTL_MS = 24 * 3600 * 1000;
export const RESET_TTL_MS = 30 * 60 * 1000;
/** Sign-up, login and reset forms can be used to flood someone's inbox; past this, no more mail that hour. */
export const MAILS_PER_ADDRESS_PER_HOUR = 5;
export const INVITATION_DAYS = 14;

type LinkKind = Extract<
  MailKind,
  | "verify_email"
  | "account_exists"
  | "password_reset"
  | "password_changed"
  | "invitation"
  | "panel_invitation"
>;

/** Which token each mail's link carries, and the page it opens. */
const LINKS: Record<LinkKind, { purpose: EmailTokenPurpose | null; path: string; ttl: number }> = {
  verify_email: { purpose: "verify", path: "/verify", ttl: VERIFY_TTL_MS },
  account_exists: { purpose: "reset", path: "/reset", ttl: RESET_TTL_MS },
  password_reset: { purpose: "reset", path: "/reset", ttl: RESET_TTL_MS },
  password_changed: { purpose: null, path: "/forgot", ttl: 0 },
  // The invitation itself is read after signing in with the invited (verified) address, never in the mail.
  invitation: { purpose: null, path: "/login?next=/me", ttl: 0 },
  panel_invitation: { purpose: null, path: "/login?next=/me", ttl: 0 },
};

/** Who a mail goes to: an account, or (an invitation) an address that may have none yet. */
export type Recipient = { id?: string; email: string; name: string; locale: string };

type Statement = BatchItem<"sqlite">;

/** Writes `also` in any case; the mail (and its token) unless the address already had its hourly share. */
/**
 * Whom an invitation mail goes to: in the invitee's language when they have an account, the inviter's
 * otherwise. Looking them up changes nothing in the answer the inviter gets, which is the same for every
 * address.
 */
export const inviteeOf = async (db: Db, email: string, inviterLocale: string) => {
  const known = await findUserByEmail(db, email);
  return known
    ? { email, name: known.name, locale: known.locale }
    : { email, name: "", locale: inviterLocale };
};

export const sendLinkMail = async (
  db: Db,
  mailer: Mailer,
  user: Recipient,
  kind: LinkKind,
  also: Statement[],
  now = new Date(),
  aboutOrgId?: string,
) => {
  const capped =
    (await mailsSentTo(db, user.email, new Date(now.getTime() - 3600_000))) >= MAILS_PER_ADDRESS_PER_HOUR;
  if (capped) {
    if (also.length) await db.batch(also as [Statement, ...Statement[]]);
    return;
  }
  const link = LINKS[kind];
  const statements: Statement[] = [...also];
  let url = `${mailer.origin}${link.path}`;
  if (link.purpose && user.id) {
    const token = randomSecret(32);
    url += `?token=${token}`;
    // Only the newest link of a kind works: an older mail lying in an inbox is useless.
    statements.push(retireEmailTokens(db, user.id, link.purpose));
    statements.push(
      emailTokenInsert(db, {
        tokenHash: await sha256Hex(token),
        userId: user.id,
        purpose: link.purpose,
        expiresAt: new Date(now.getTime() + link.ttl).toISOString(),
      }),
    );
  }
  const mail = newMail(kind, user.email, user.locale as Locale, {
    name: user.name,
    link: url,
    hours: VERIFY_TTL_MS / 3600_000,
    minutes: RESET_TTL_MS / 60_000,
    days: INVITATION_DAYS,
  });
  statements.push(outboxInsert(db, { ...mail, aboutOrgId }));
  await db.batch(statements as [Statement, ...Statement[]]);
  await mailer.send([mail.id]);
};
