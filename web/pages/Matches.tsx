// Matching pages: "calls for us" (a CSO's view) and "organisations for this call" (the funder's view).
import { Shell } from "../layouts/Shell";
import { usePage } from "../context";
import { Notice, SelectField } from "../components/form";
import { CallCard } from "../components/CallCard";
import { Reasons, type ReasonView } from "../components/Reasons";
import type { CallView, CallSummaryView } from "../../schema/api/calls";
import type { OrgView } from "../../schema/api/orgs";
import { countryName } from "../../worker/i18n";
import { trustLevelLabel } from "../../worker/i18n/reasons";
import { TRUST_LEVELS } from "../../worker/domain/trust";

type Scored = { eligible: boolean; score: number; reasons: ReasonView[]; invited: boolean };

const Score = ({ m }: { m: Scored }) => {
  const { t } = usePage();
  return (
    <p>
      <span class={m.eligible ? "badge-ok" : "badge-no"}>
        {m.eligible ? t("match.eligible") : t("match.not_eligible")}
      </span>{" "}
      <span class="score">{t("match.score", { score: m.score })}</span>
      {m.invited && (
        <>
          {" "}
          · <strong>{t("match.invited")}</strong>
        </>
      )}
    </p>
  );
};

const More = ({ href }: { href: string | null }) => {
  const { t } = usePage();
  return href ? (
    <p>
      <a href={href}>{t("org.next_page")}</a>
    </p>
  ) : null;
};

export const OrgMatchesPage = ({
  org,
  items,
  nextCursor,
  total,
  eligibleCount,
}: {
  org: OrgView;
  items: (Scored & { call: CallSummaryView })[];
  nextCursor: string | null;
  total: number;
  eligibleCount: number;
}) => {
  const { t } = usePage();
  return (
    <Shell title={t("match.for_org_title", { org: org.name })}>
      <h1>{t("match.for_org_title", { org: org.name })}</h1>
      <p>{t("match.for_org_summary", { eligible: eligibleCount, total })}</p>
      <p class="muted">{t("match.how_ranked")}</p>
      {items.length === 0 ? (
        <p>{t("call.none")}</p>
      ) : (
        <ul class="cards">
          {items.map((m) => (
            <CallCard call={m.call}>
              <Score m={m} />
              <details open={m.eligible}>
                <summary>{t("match.why")}</summary>
                <Reasons reasons={m.reasons} />
              </details>
            </CallCard>
          ))}
        </ul>
      )}
      <More href={nextCursor ? `/orgs/${org.id}/matches?cursor=${nextCursor}` : null} />
    </Shell>
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
  items: (Scored & { org: OrgView })[];
  nextCursor: string | null;
  total: number;
  notice?: string;
  minLevel?: number;
}) => {
  const { t, locale } = usePage();
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
      {items.length === 0 ? (
        <p>{t("org.none")}</p>
      ) : (
        <ul class="cards">
          {items.map((m) => (
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
          ))}
        </ul>
      )}
      <More
        href={nextCursor ? `/calls/${call.id}/matches?cursor=${nextCursor}${level ? `&${level}` : ""}` : null}
      />
    </Shell>
  );
};
