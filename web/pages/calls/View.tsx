// One funding call: its facts, who can apply, its priorities and questions, and what the viewer may do
// next (apply and see how their groups match, or — for the funder — edit, publish, close, find groups).
import { Shell } from "../../layouts/Shell";
import { usePage } from "../../context";
import { Notice, ErrorSummary, type FormErrors } from "../../components/form";
import { Deadline } from "../../components/Deadline";
import { LeaveQuickly } from "../../components/LeaveQuickly";
import { MoneyRange } from "../../components/MoneyRange";
import { Offer } from "../../components/Offer";
import { TallyLink } from "../tally/TallyLink";
import { ReviewPanel } from "./ReviewPanel";
import { PartnerPosts, type PartnerPostsProps } from "../partners/PartnerPosts";
import type { ReviewProgress } from "../../../schema/api/reviews";
import type { CallView } from "../../../schema/api/calls";
import { countryName, formatMonths, formatNumber, languageName } from "../../../worker/i18n";
import { trustLevelName } from "../../../worker/i18n/reasons";
import { formatMoney } from "../../../worker/domain/money";

/** The call's eligibility in plain sentences (what a group reads before deciding to apply). */
const EligibilityList = ({ call }: { call: CallView }) => {
  const { t, locale } = usePage();
  const e = call.eligibility;
  const list = (items: string[]) => new Intl.ListFormat(locale, { type: "disjunction" }).format(items);
  const lines = [
    e.countries?.length
      ? t("call.elig_countries", { list: list(e.countries.map((c) => countryName(c, locale))) })
      : null,
    e.globalSouthOnly ? t("call.elig_global_south") : null,
    e.legalStatuses.length
      ? t("call.elig_legal", { list: list(e.legalStatuses.map((l) => t(`legal.${l}`))) })
      : null,
    e.maxAnnualBudget ? t("call.elig_budget", { amount: formatMoney(e.maxAnnualBudget, locale) }) : null,
    e.requiredLedBy.length
      ? t("call.elig_led_by", {
          list: new Intl.ListFormat(locale).format(e.requiredLedBy.map((l) => t(`ledby.${l}`))),
        })
      : null,
    e.minTrustLevel > 0
      ? t("call.elig_trust", {
          level: formatNumber(e.minTrustLevel, locale),
          name: trustLevelName(e.minTrustLevel, t),
        })
      : null,
  ].filter((x): x is string => !!x);
  return (
    <ul>
      {(lines.length ? lines : [t("match.open_to_all")]).map((l) => (
        <li>{l}</li>
      ))}
    </ul>
  );
};

/** Funder (or "a funder" when its profile is not public) and the call's status. */
const Byline = ({ call }: { call: CallView }) => {
  const { t } = usePage();
  return (
    <p class="muted">
      {call.funderName ? (
        <a href={`/orgs/${call.funderOrgId}`}>
          <bdi>{call.funderName}</bdi>
        </a>
      ) : (
        t("call.undisclosed_funder")
      )}{" "}
      · <span class={`status status-${call.status}`}>{t(`call.status.${call.status}`)}</span>
    </p>
  );
};

/** Grant, funding type and duration, deadline, languages, themes and the time an application takes. */
const Facts = ({ call }: { call: CallView }) => {
  const { t, locale } = usePage();
  return (
    <dl class="facts">
      {call.offer && (
        <>
          <dt>{t("offer.label")}</dt>
          <dd>
            <Offer offer={call.offer} />
          </dd>
        </>
      )}
      {call.grant && (
        <>
          <dt>{t("call.grant")}</dt>
          <dd>
            <MoneyRange min={call.grant.min} max={call.grant.max} />
          </dd>
        </>
      )}
      <dt>{t("call.funding_type")}</dt>
      <dd>
        {t(`funding.${call.fundingType}`)} · {formatMonths(call.durationMonths, locale)}
      </dd>
      <dt>{t("call.deadline")}</dt>
      <dd>
        <Deadline iso={call.deadline} within={call.decisionWithinDays} />
      </dd>
      <dt>{t("call.languages")}</dt>
      <dd>
        {call.languages.map((l) => (
          <span class="tag" lang={l}>
            {languageName(l, locale)}
          </span>
        ))}
      </dd>
      {call.themes.length > 0 && (
        <>
          <dt>{t("call.themes")}</dt>
          <dd>
            {call.themes.map((th) => (
              <span class="tag">{t(`theme.${th}`)}</span>
            ))}
          </dd>
        </>
      )}
      <dt>{t("call.time_to_apply")}</dt>
      <dd>
        {t("call.time_estimate", {
          low: call.estimatedMinutes.low,
          high: call.estimatedMinutes.high,
          n: call.questions.length,
        })}
      </dd>
    </dl>
  );
};

/** Whom the funder favours among eligible groups (nothing when it states no priorities). */
const Priorities = ({ call }: { call: CallView }) => {
  const { t, locale } = usePage();
  const p = call.priorities;
  const hasPriorities = p.ledBy.length + p.settings.length + p.themes.length > 0;
  const and = (items: string[]) => new Intl.ListFormat(locale).format(items);
  if (!hasPriorities) return null;
  return (
    <>
      <h2>{t("call.priorities")}</h2>
      <ul>
        {p.ledBy.length > 0 && (
          <li>
            {t("org.led_by")}: {and(p.ledBy.map((l) => t(`ledby.${l}`)))}
          </li>
        )}
        {p.settings.length > 0 && (
          <li>
            {t("org.setting")}: {and(p.settings.map((s) => t(`setting.${s}`)))}
          </li>
        )}
        {p.themes.length > 0 && (
          <li>
            {t("org.themes")}: {and(p.themes.map((th) => t(`theme.${th}`)))}
          </li>
        )}
      </ul>
    </>
  );
};

const Questions = ({ call }: { call: CallView }) => {
  const { t } = usePage();
  return (
    <>
      <h2>{t("call.questions")}</h2>
      <ol>
        {call.questions.map((q) => (
          <li>
            <bdi>{q.label}</bdi> <span class="muted">({t("call.max_chars", { n: q.maxChars })})</span>
          </li>
        ))}
      </ol>
    </>
  );
};

type CallPageProps = {
  call: CallView;
  canManage: boolean;
  /** The viewer's CSOs, to offer "see how you match". */
  myCsos: { id: string; name: string }[];
  notice?: string;
  errors?: FormErrors;
  reviewProgress?: ReviewProgress | null;
  /** "Looking for partners" (absent on confidential calls: seeking partners would say one applies). */
  partnerPosts?: PartnerPostsProps | null;
};

/** For a possible applicant: apply, or see how one of their groups matches. */
const ApplyActions = ({ call, myCsos }: { call: CallView; myCsos: CallPageProps["myCsos"] }) => {
  const { t } = usePage();
  return (
    <p class="actions">
      <a class="button" href={`/calls/${call.id}/apply`}>
        {t("application.apply")}
      </a>
      {myCsos.map((o) => (
        <a class="button secondary" href={`/orgs/${o.id}/matches`}>
          {t("call.see_match", { org: o.name })}
        </a>
      ))}
    </p>
  );
};

/** For the funder: edit and publish a draft, close, find groups, read the applications. */
const ManageActions = ({ call }: { call: CallView }) => {
  const { t } = usePage();
  return (
    <div class="actions">
      {call.status === "draft" && (
        <a class="button" href={`/calls/${call.id}/edit`}>
          {t("call.edit")}
        </a>
      )}
      {call.status === "draft" && (
        <form method="post" action={`/calls/${call.id}/publish`}>
          <button type="submit">{t("call.publish")}</button>
        </form>
      )}
      {call.status !== "closed" && (
        <form method="post" action={`/calls/${call.id}/close`}>
          <button type="submit" class="secondary">
            {t("call.close")}
          </button>
        </form>
      )}
      <a class="button secondary" href={`/calls/${call.id}/matches`}>
        {t("call.find_orgs")}
      </a>
      {call.status !== "draft" && (
        <a class="button secondary" href={`/calls/${call.id}/applications`}>
          {t("application.applications")}
        </a>
      )}
    </div>
  );
};

export const CallPage = ({
  call,
  canManage,
  myCsos,
  notice,
  errors,
  reviewProgress,
  partnerPosts,
}: CallPageProps) => {
  const { t } = usePage();
  return (
    <Shell title={call.title}>
      <LeaveQuickly call={call} />
      <Byline call={call} />
      <h1 dir="auto">{call.title}</h1>
      {notice && <Notice>{notice}</Notice>}
      <ErrorSummary errors={errors} />
      <p class="pre" dir="auto">
        {call.summary}
      </p>
      <Facts call={call} />
      <h2>{t("call.who_can_apply")}</h2>
      <EligibilityList call={call} />
      <Priorities call={call} />
      <Questions call={call} />
      {call.status === "open" && !canManage && <ApplyActions call={call} myCsos={myCsos} />}
      {canManage && <ManageActions call={call} />}
      {partnerPosts && <PartnerPosts {...partnerPosts} />}
      <ReviewPanel call={call} progress={reviewProgress} errors={errors} />
      <TallyLink call={call} canManage={canManage} />
    </Shell>
  );
};
