// "Organisations for this call": the groups ranked for a funder's call, filtered by trust level, with
// why each fits and, while the call is open, a button to invite it.
import { Shell } from "../../layouts/Shell";
import { usePage } from "../../context";
import { Notice, SelectField } from "../../components/form";
import { Reasons } from "../../components/Reasons";
import { NextPageLink } from "../../components/NextPageLink";
import type { CallView } from "../../../schema/api/calls";
import type { OrgView } from "../../../schema/api/orgs";
import { countryName } from "../../../worker/i18n";
import { trustLevelLabel } from "../../../worker/i18n/reasons";
import { TRUST_LEVELS } from "../../../worker/domain/trust";
import { Score, type Scored } from "./score";

type OrgMatch = Scored & { org: OrgView };

/** The minimum-trust-level filter (a GET form, so the choice stays in the address). */
const LevelFilter = ({ call, minLevel }: { call: CallView; minLevel: number }) => {
  const { t, locale } = usePage();
  return (
    <form method="get" action={`/calls/${call.id}/matches`} class="row">
      <SelectField
        name="minLevel"
        label={t("call.min_trust_level")}
        value={minLevel > 0 ? String(minLevel) : ""}
        blank={t("match.any_level")}
        options={TRUST_LEVELS.filter((l) => l > 0).map((l) => ({
          value: String(l),
          label: trustLevelLabel(l, t, locale),
        }))}
      />
      <p>
        <button type="submit" class="secondary">
          {t("match.filter")}
        </button>
      </p>
    </form>
  );
};

/** One ranked group; `level` is the filter to keep after inviting ("" for none). */
const OrgMatchCard = ({
  m,
  call,
  canInvite,
  level,
}: {
  m: OrgMatch;
  call: CallView;
  canInvite: boolean;
  level: string;
}) => {
  const { t, locale } = usePage();
  return (
    <li class="card">
      <h2 dir="auto">
        <a href={`/orgs/${m.org.id}`}>{m.org.name}</a>
      </h2>
      <p class="muted">
        {countryName(m.org.country, locale)}
        {m.org.setting && <> · {t(`setting.${m.org.setting}`)}</>}
        {m.org.legalStatus && <> · {t(`legal.${m.org.legalStatus}`)}</>}
      </p>
      <p>{trustLevelLabel(m.org.trustLevel, t, locale)}</p>
      <Score m={m} />
      <details>
        <summary>{t("match.why")}</summary>
        <Reasons reasons={m.reasons} />
      </details>
      {canInvite && !m.invited && (
        <form method="post" action={`/calls/${call.id}/invitations${level ? `?${level}` : ""}`}>
          <input type="hidden" name="orgId" value={m.org.id} />
          <button type="submit" class="secondary">
            {t("match.invite")}
          </button>
        </form>
      )}
    </li>
  );
};

export const CallMatchesPage = ({
  call,
  items,
  nextCursor,
  total,
  notice,
  minLevel = 0,
}: {
  call: CallView;
  items: OrgMatch[];
  nextCursor: string | null;
  total: number;
  notice?: string;
  minLevel?: number;
}) => {
  const { t } = usePage();
  const canInvite = call.status === "open";
  // The trust-level filter travels with every link and form of the page, so paging and inviting keep it.
  const level = minLevel > 0 ? `minLevel=${minLevel}` : "";
  return (
    <Shell title={t("match.for_call_title", { call: call.title })}>
      <h1>{t("match.for_call_title", { call: call.title })}</h1>
      {notice && <Notice>{notice}</Notice>}
      <p>
        {t("match.for_call_summary", { total })} <a href={`/calls/${call.id}`}>{t("match.back_to_call")}</a>
      </p>
      <p class="muted">{t("match.how_ranked")}</p>
      {!canInvite && <p class="muted">{t("match.publish_to_invite")}</p>}
      <LevelFilter call={call} minLevel={minLevel} />
      {items.length === 0 ? (
        <p>{t("org.none")}</p>
      ) : (
        <ul class="cards">
          {items.map((m) => (
            <OrgMatchCard m={m} call={call} canInvite={canInvite} level={level} />
          ))}
        </ul>
      )}
      <NextPageLink
        href={nextCursor ? `/calls/${call.id}/matches?cursor=${nextCursor}${level ? `&${level}` : ""}` : null}
      />
    </Shell>
  );
};
