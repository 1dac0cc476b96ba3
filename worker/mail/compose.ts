// A mail ready for the outbox: addressed, written in the recipient's language, with a fresh id.
import type { Locale } from "../../schema/enums";
import type { MailKind } from "../../schema/mail";
import type { NewMail } from "../db/outbox";
import { newId } from "../security/random";
import { composeMail, type MailParams } from "./templates";

export const newMail = (kind: MailKind, toEmail: string, locale: Locale, params: MailParams): NewMail => ({
  id: newId(),
  toEmail: toEmail.trim().toLowerCase(),
  kind,
  locale,
  ...composeMail(kind, locale, params),
});

/** What a use case needs to send mail: where links point, and how to hand new rows to the queue. */
export type Mailer = { origin: string; send: (ids: string[]) => Promise<void> };
