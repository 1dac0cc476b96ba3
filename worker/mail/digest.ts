// The weekly digest mail: the new calls an organisation is eligible for, in the member's language. Like
// every mail it never names the organisation (a hidden group's name must not travel through mail
// providers); it names the calls and their funders as the public calls page does.
import type { Locale } from "../../schema/enums";
import { directionOf } from "../domain/locale";
import { translator } from "../i18n";
import { callFacts, type CallFactsInput } from "../i18n/call-facts";
import { escapeHtml, type MailContent } from "./templates";

export type DigestCall = CallFactsInput & { title: string; link: string };
export type DigestParams = {
  name: string;
  calls: DigestCall[];
  /** The organisation's matches page (every call, with reasons). */
  link: string;
  /** Where the member turns the digest off ("My account"). */
  unsubscribe: string;
};

export const composeDigest = (locale: Locale, p: DigestParams): MailContent => {
  const t = translator(locale);
  const greeting = p.name ? t("mail.greeting", { name: p.name }) : t("mail.greeting_plain");
  const body = t("digest.mail.body", { count: p.calls.length });
  const action = t("digest.mail.action");
  const stop = t("digest.mail.unsubscribe");
  const footer = t("mail.footer");
  const calls = p.calls.map((c) => ({ ...c, facts: callFacts(c, t, locale) }));
  const line = (c: (typeof calls)[number]) =>
    [
      c.facts.funder,
      `${t("call.deadline")}: ${c.facts.deadline}`,
      ...(c.facts.amount ? [c.facts.amount] : []),
    ].join(" · ");
  const text = [
    greeting,
    "",
    body,
    "",
    ...calls.flatMap((c) => [`• ${c.title}`, `  ${line(c)}`, `  ${c.link}`, ""]),
    `${action}: ${p.link}`,
    "",
    `${stop}: ${p.unsubscribe}`,
    "",
    `— ${footer}`,
    "",
  ].join("\n");
  const html =
    `<!doctype html><html lang="${locale}" dir="${directionOf(locale)}"><body style="font-family:sans-serif;line-height:1.5">` +
    `<p>${escapeHtml(greeting)}</p><p>${escapeHtml(body)}</p><ul>` +
    calls
      .map(
        (c) =>
          `<li><a href="${escapeHtml(c.link)}"><bdi>${escapeHtml(c.title)}</bdi></a><br>${escapeHtml(line(c))}</li>`,
      )
      .join("") +
    `</ul><p><a href="${escapeHtml(p.link)}">${escapeHtml(action)}</a></p>` +
    `<p style="color:#555"><a href="${escapeHtml(p.unsubscribe)}">${escapeHtml(stop)}</a></p>` +
    `<p style="color:#555">— ${escapeHtml(footer)}</p></body></html>`;
  return { subject: t("digest.mail.subject", { count: p.calls.length }), text, html };
};
