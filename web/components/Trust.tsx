// The organisation page's "Trust" section: the level with its name, the evidence in words (and why a
// vouch does not count), and the forms that move a group up the ladder — vouch or take a vouch back
// (owners of trusted organisations), ask the chapter or a trusted organisation (the group's owners).
// Plain forms: nothing here needs JavaScript.
import type { ComponentChildren } from "preact";
import { usePage } from "../context";
import { SelectField, TextField, ErrorSummary, type FormErrors } from "./form";
import { countryName, formatDate, isMessageKey } from "../../worker/i18n";
import { VOUCH_RELATIONSHIPS } from "../../schema/trust";
import type { OrgView } from "../../schema/api/orgs";
import type { TrustEvidenceView } from "../../schema/api/trust";

export type VouchFormValues = { voucherOrgId?: string; relationship?: string; statement?: string };

/** Everything the section shows, already narrowed to what this viewer may read (worker/http/trust-panel.ts). */
export type TrustPanel = {
  level: number;
  /** A named vouch carries its voucher's statement. */
  evidence: (TrustEvidenceView & { statement: string | null })[];
  /** Owners of trusted organisations looking at another one: who they may vouch as, and their vouches. */
  vouch: {
    options: { id: string; name: string }[];
    mine: { id: string; voucherName: string; createdAt: string }[];
  } | null;
  /** The group's own owners below level 3: whether a chapter can confirm it, and who may vouch nearby. */
  own: { chapter: boolean; candidates: { id: string; name: string; country: string }[] } | null;
  /** Groups asking this trusted organisation for a vouch (for its owners). */
  requests: { fromOrgId: string; fromName: string; createdAt: string }[];
};

/** Stands in for a value that is a link, so a translated sentence keeps its own word order around it. */
const SLOT = "\u0001";
/** A translated sentence (made with SLOT as one of its values) with the slot replaced by `children`. */
export const Sentence = ({ text, children }: { text: string; children: ComponentChildren }) => {
  const at = text.indexOf(SLOT);
  if (at < 0) return <>{text}</>;
  return (
    <>
      {text.slice(0, at)}
      {children}
      {text.slice(at + SLOT.length)}
    </>
  );
};
export const slot = SLOT;

type Evidence = TrustPanel["evidence"][number];

const EvidenceLine = ({ e, org }: { e: Evidence; org: OrgView }) => {
  const { t, locale, timeZone } = usePage();
  const date = e.at ? formatDate(e.at, locale, timeZone) : "";
  if (e.kind === "platform") return <li>{t("trust.ev_platform")}</li>;
  if (e.kind === "email_verified") return <li>{t("trust.ev_email")}</li>;
  if (e.kind === "confirmation") {
    const method = `trust.method.${e.detail}`;
    return (
      <li>
        {t("trust.ev_confirmation", {
          chapter: countryName(org.country, locale),
          method: isMessageKey(method) ? t(method) : (e.detail ?? ""),
          date,
        })}
      </li>
    );
  }
  const why = `trust.why_${e.detail}`;
  return (
    <li class={e.counts ? "met" : "unmet"}>
      <Sentence text={t("trust.ev_vouch", { org: SLOT, date })}>
        {e.by ? (
          <a href={`/orgs/${e.by.orgId}`}>
            <bdi>{e.by.name}</bdi>
          </a>
        ) : (
          t("trust.a_verified_org")
        )}
      </Sentence>
      {" — "}
      {e.counts ? (
        <strong>{t("trust.counts")}</strong>
      ) : (
        t("trust.not_counts", { reason: isMessageKey(why) ? t(why) : (e.detail ?? "") })
      )}
      {e.statement && (
        <>
          <br />
          <q class="muted" dir="auto">
            {e.statement}
          </q>
        </>
      )}
    </li>
  );
};

type Props = { org: OrgView; trust: TrustPanel; errors?: FormErrors; values?: VouchFormValues };

export const TrustSection = ({ org, trust, errors, values }: Props) => {
  const { t, locale, timeZone } = usePage();
  const country = countryName(org.country, locale);
  const level = trust.level as 0 | 1 | 2 | 3 | 4;
  return (
    <section aria-labelledby="trust-title">
      <h2 id="trust-title">{t("trust.title")}</h2>
      <p>
        <strong>{t("trust.level_label", { level, name: t(`trust.level_name.${level}`) })}</strong>
      </p>
      {trust.evidence.length ? (
        <ul class="reasons">
          {trust.evidence.map((e) => (
            <EvidenceLine e={e} org={org} />
          ))}
        </ul>
      ) : (
        <p class="muted">{t("trust.no_evidence")}</p>
      )}
      <p class="muted">{t("trust.explain")}</p>

      {trust.requests.length > 0 && (
        <>
          <h3>{t("trust.requests_title")}</h3>
          <ul>
            {trust.requests.map((r) => (
              <li>
                <a href={`/orgs/${r.fromOrgId}#vouch`}>
                  <bdi>{r.fromName}</bdi>
                </a>{" "}
                <span class="muted">
                  {t("trust.asked_on", { date: formatDate(r.createdAt, locale, timeZone) })}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}

      {trust.own && (
        <>
          <h3>{t("trust.climb")}</h3>
          {trust.own.chapter ? (
            <form method="post" action={`/orgs/${org.id}/confirmation-request`} class="stack">
              <p class="muted">{t("trust.ask_chapter_help", { country })}</p>
              <p>
                <button type="submit">{t("trust.ask_chapter")}</button>
              </p>
            </form>
          ) : (
            <p class="muted">{t("trust.no_chapter", { country })}</p>
          )}
          {org.visibility === "hidden" ? (
            <p class="muted">{t("trust.hidden_no_vouch")}</p>
          ) : trust.own.candidates.length ? (
            <form method="post" action={`/orgs/${org.id}/vouch-requests`} class="stack" novalidate>
              <SelectField
                name="toOrgId"
                label={t("trust.ask_vouch_to")}
                hint={t("trust.ask_vouch_help")}
                required
                errors={errors}
                options={trust.own.candidates.map((o) => ({
                  value: o.id,
                  label: o.country === org.country ? o.name : `${o.name} (${countryName(o.country, locale)})`,
                }))}
              />
              <p>
                <button type="submit" class="secondary">
                  {t("trust.ask_vouch")}
                </button>
              </p>
            </form>
          ) : (
            <p class="muted">{t("trust.no_candidates")}</p>
          )}
        </>
      )}

      {trust.vouch && (
        <>
          <h3 id="vouch">{t("trust.vouch_title")}</h3>
          {trust.vouch.mine.map((v) => (
            <form method="post" action={`/vouches/${v.id}/revoke`} class="actions">
              <span>
                {t("trust.our_vouch", {
                  org: v.voucherName,
                  date: formatDate(v.createdAt, locale, timeZone),
                })}
              </span>
              <button type="submit" class="secondary">
                {t("trust.revoke")}
                <span class="sr-only"> ({v.voucherName})</span>
              </button>
            </form>
          ))}
          {trust.vouch.options.length > 0 && (
            <form method="post" action={`/orgs/${org.id}/vouches`} class="stack" novalidate>
              <p class="muted">{t("trust.vouch_help")}</p>
              <ErrorSummary errors={errors} />
              <SelectField
                name="voucherOrgId"
                label={t("trust.voucher")}
                value={values?.voucherOrgId}
                required
                errors={errors}
                options={trust.vouch.options.map((o) => ({ value: o.id, label: o.name }))}
              />
              <SelectField
                name="relationship"
                label={t("trust.relationship")}
                value={values?.relationship}
                required
                errors={errors}
                options={VOUCH_RELATIONSHIPS.map((r) => ({ value: r, label: t(`trust.relationship.${r}`) }))}
              />
              <TextField
                name="statement"
                label={t("trust.statement")}
                hint={t("trust.statement_hint")}
                value={values?.statement}
                multiline
                maxLength={500}
                required
                errors={errors}
              />
              <p>
                <button type="submit">{t("trust.vouch_submit")}</button>
              </p>
            </form>
          )}
        </>
      )}
    </section>
  );
};
