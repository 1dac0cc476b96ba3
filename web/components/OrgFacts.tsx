// An organisation's profile as a definition list (used on its page and to show the other side of a conflict).
import { usePage } from "../context";
import type { OrgView } from "../../schema/api/orgs";
import { countryName, formatNumber, languageName } from "../../worker/i18n";
import { formatMoney } from "../../worker/domain/money";

export const OrgFacts = ({ org }: { org: OrgView }) => {
  const { t, locale } = usePage();
  return (
    <dl class="facts">
      <dt>{t("org.kind")}</dt>
      <dd>{t(`kind.${org.kind}`)}</dd>
      <dt>{t("org.country")}</dt>
      <dd>
        {countryName(org.country, locale)}
        {org.area ? ` — ${org.area}` : ""}
      </dd>
      {org.setting && (
        <>
          <dt>{t("org.setting")}</dt>
          <dd>{t(`setting.${org.setting}`)}</dd>
        </>
      )}
      {org.legalStatus && (
        <>
          <dt>{t("org.legal_status")}</dt>
          <dd>{t(`legal.${org.legalStatus}`)}</dd>
        </>
      )}
      {org.foundedYear !== null && (
        <>
          <dt>{t("org.founded_year")}</dt>
          <dd>{org.foundedYear}</dd>
        </>
      )}
      {org.annualBudget && (
        <>
          <dt>{t("org.annual_budget")}</dt>
          <dd>
            <bdi>{formatMoney(org.annualBudget, locale)}</bdi>
          </dd>
        </>
      )}
      {(org.staffCount !== null || org.volunteerCount !== null) && (
        <>
          <dt>
            {t("org.staff_count")} / {t("org.volunteer_count")}
          </dt>
          <dd>
            {t("org.staff_volunteers", {
              staff: formatNumber(org.staffCount ?? 0, locale),
              volunteers: formatNumber(org.volunteerCount ?? 0, locale),
            })}
          </dd>
        </>
      )}
      {org.ledBy.length > 0 && (
        <>
          <dt>{t("org.led_by")}</dt>
          <dd>
            {org.ledBy.map((l) => (
              <span class="tag">{t(`ledby.${l}`)}</span>
            ))}
          </dd>
        </>
      )}
      {org.themes.length > 0 && (
        <>
          <dt>{t("org.themes")}</dt>
          <dd>
            {org.themes.map((th) => (
              <span class="tag">{t(`theme.${th}`)}</span>
            ))}
          </dd>
        </>
      )}
      {org.languages.length > 0 && (
        <>
          <dt>{t("org.languages")}</dt>
          <dd>
            {org.languages.map((l) => (
              <span class="tag" lang={l}>
                {languageName(l, locale)}
              </span>
            ))}
          </dd>
        </>
      )}
      <dt>{t("org.visibility")}</dt>
      <dd>{t(`visibility.${org.visibility}`)}</dd>
    </dl>
  );
};
