// A consortium application's partners: role, share, consent. The lead's draft page adds and removes
// them (plain forms, no script); everyone else who may read the application sees the list.
import { usePage } from "../../context";
import { TextField, type FormErrors } from "../../components/form";
import type { ApplicationPartnerView } from "../../../schema/api/partners";

type Props = {
  appId: string;
  partners: ApplicationPartnerView[];
  /** The draft's version, when the viewer is the lead and may change the list. */
  version?: number;
  errors?: FormErrors;
};

export const PartnersSection = ({ appId, partners, version, errors }: Props) => {
  const { t } = usePage();
  const editable = version !== undefined;
  if (!partners.length && !editable) return null;
  const lead = 100 - partners.reduce((s, p) => s + p.share, 0);
  return (
    <section aria-labelledby="partners-title" id="partners">
      <h2 id="partners-title">{t("partner.section")}</h2>
      {partners.length ? (
        <>
          <ul>
            {partners.map((p) => (
              <li>
                <strong dir="auto">{p.name}</strong> — <span dir="auto">{p.role}</span>, {p.share}% ·{" "}
                {p.consented ? t("partner.consented") : t("partner.waiting")}
                {editable && (
                  <form
                    method="post"
                    action={`/applications/${appId}/partners/${p.orgId}/remove`}
                    class="inline"
                  >
                    <input type="hidden" name="version" value={String(version)} />
                    <button type="submit" class="secondary">
                      {t("partner.remove")}
                    </button>
                  </form>
                )}
              </li>
            ))}
          </ul>
          <p>{t("partner.lead_keeps", { share: lead })}</p>
        </>
      ) : (
        <p class="muted">{t("partner.none")}</p>
      )}
      {editable && (
        <form method="post" action={`/applications/${appId}/partners`}>
          <input type="hidden" name="version" value={String(version)} />
          <TextField name="partner" label={t("partner.org")} errors={errors} maxLength={200} required />
          <TextField name="role" label={t("partner.role")} errors={errors} maxLength={100} required />
          <TextField
            name="share"
            label={t("partner.share")}
            errors={errors}
            inputmode="numeric"
            maxLength={2}
            required
          />
          <button type="submit">{t("partner.add")}</button>
        </form>
      )}
    </section>
  );
};
