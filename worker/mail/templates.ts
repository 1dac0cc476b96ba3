// What each mail says, in the recipient's language: subject, plain text and simple HTML. Pure.
// Subjects and bodies never name an organisation: mail is read on shared phones and by mail providers,
// and a hidden group's name must not travel there. The page behind the link says the rest.
import { translator, type MessageKey } from "../i18n";
import { directionOf } from "../domain/locale";
import type { Locale } from "../../schema/enums";
import type { MailKind } from "../../schema/mail";

export type MailContent = { subject: string; text: string; html: string };

/**
 * The mail's call to action: a link into Sanad (absolute, on the origin the request came to).
 * `confidential`: the mail concerns a confidential call (rapid response to a group under threat), so it
 * says only "You have a new message on Sanad — sign in to read it." — no name, call, funder, amount, or
 * what kind of message it is; the link must not carry an id either.
 */
export type MailParams = {
  name: string;
  link: string;
  hours?: number;
  minutes?: number;
  days?: number;
  confidential?: boolean;
};

const NEUTRAL: { subject: MessageKey; body: MessageKey; action: MessageKey } = {
  subject: "confidential.mail.subject",
  body: "confidential.mail.body",
  action: "confidential.mail.action",
};

const KEYS: Record<MailKind, { subject: MessageKey; body: MessageKey; action: MessageKey }> = {
  verify_email: { subject: "mail.verify.subject", body: "mail.verify.body", action: "mail.verify.action" },
  account_exists: { subject: "mail.exists.subject", body: "mail.exists.body", action: "mail.exists.action" },
  password_reset: { subject: "mail.reset.subject", body: "mail.reset.body", action: "mail.reset.action" },
  invitation: {
    subject: "mail.invitation.subject",
    body: "mail.invitation.body",
    action: "mail.invitation.action",
  },
  password_changed: {
    subject: "mail.changed.subject",
    body: "mail.changed.body",
    action: "mail.changed.action",
  },
  // Neutral on purpose: no funder, no award, no amount — a group's mail may be read by others.
  report_due_soon: {
    subject: "mail.report_soon.subject",
    body: "mail.report_soon.body",
    action: "mail.report_soon.action",
  },
  panel_invitation: {
    subject: "review.mail.subject",
    body: "review.mail.body",
    action: "review.mail.action",
  },
  report_overdue: {
    subject: "mail.report_overdue.subject",
    body: "mail.report_overdue.body",
    action: "mail.report_overdue.action",
  },
  // Written by worker/mail/digest.ts, which lists the calls; these keys give its subject and frame.
  digest: { subject: "digest.mail.subject", body: "digest.mail.body", action: "digest.mail.action" },
};

export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

export const composeMail = (kind: MailKind, locale: Locale, p: MailParams): MailContent => {
  const t = translator(locale);
  const k = p.confidential ? NEUTRAL : KEYS[kind];
  const values = { name: p.name, hours: p.hours ?? 24, minutes: p.minutes ?? 30, days: p.days ?? 14 };
  const greeting =
    p.name && !p.confidential ? t("mail.greeting", { name: p.name }) : t("mail.greeting_plain");
  const body = t(k.body, values);
  const action = t(k.action);
  const footer = t("mail.footer");
  const text = `${greeting}\n\n${body}\n\n${action}: ${p.link}\n\n— ${footer}\n`;
  const dir = directionOf(locale);
  const html =
    `<!doctype html><html lang="${locale}" dir="${dir}"><body style="font-family:sans-serif;line-height:1.5">` +
    `<p>${escapeHtml(greeting)}</p><p>${escapeHtml(body)}</p>` +
    `<p><a href="${escapeHtml(p.link)}">${escapeHtml(action)}</a></p>` +
    `<p style="color:#555">${escapeHtml(p.link)}</p><p style="color:#555">— ${escapeHtml(footer)}</p></body></html>`;
  return { subject: t(k.subject), text, html };
};
