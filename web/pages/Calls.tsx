// Funding call pages: the open-call list with filters, one call, and the create/edit forms.
import { Shell } from "../layouts/Shell";
import { usePage } from "../context";
import { TextField, SelectField, Notice, ErrorSummary, type FormErrors } from "../components/form";
import { CallCard } from "../components/CallCard";
import { CallForm } from "../components/CallForm";
import { Deadline } from "../components/Deadline";
import { MoneyRange } from "../components/MoneyRange";
import type { CallView, CallSummaryView } from "../../schema/api/calls";
import type { CallFormValues } from "../components/call-form-values";
import { countryName, formatMonths, formatNumber, languageName } from "../../worker/i18n";
import { trustLevelName } from "../../worker/i18n/reasons";
import { formatMoney } from "../../worker/domain/money";
import { FUNDING_TYPES, THEMES } from "../../schema/enums";

type Countries = { code: string; name: string }[];

export const CallListPage = ({
  items,
  nextCursor,
  filters,
  countries,
}: {
  items: CallSummaryView[];
  nextCursor: string | null;
  filters: Record<string, string>;
  countries: Countries;
}) => {
  const { t } = usePage();
  const nextHref = nextCursor ? `/calls?${new URLSearchParams({ ...filters, cursor: nextCursor })}` : null;
  return (
    <Shell title={t("call.list_title")}>
      <h1>{t("call.list_title")}</h1>
      <form method="get" action="/calls" class="row" role="search">
        <TextField name="q" label={t("call.search")} value={filters.q} />
        <SelectField
          name="country"
          label={t("call.open_to_country")}
          value={filters.country}
          blank={t("org.all")}
          options={countries.map((c) => ({ value: c.code, label: c.name }))}
        />
        <SelectField
          name="theme"
          label={t("org.themes")}
          value={filters.theme}
          blank={t("org.all")}
          options={THEMES.map((th) => ({ value: th, label: t(`theme.${th}`) }))}
        />
        <SelectField
          name="fundingType"
          label={t("call.funding_type")}
          value={filters.fundingType}
          blank={t("org.all")}
          options={FUNDING_TYPES.map((f) => ({ value: f, label: t(`funding.${f}`) }))}
        />
        <p>
          <button type="submit">{t("org.filter")}</button>
        </p>
      </form>
      {items.length === 0 ? (
        <p>{t("call.none")}</p>
      ) : (
        <ul class="cards">
          {items.map((c) => (
            <CallCard call={c} />
          ))}
        </ul>
      )}
      {nextHref && (
        <p>
          <a href={nextHref}>{t("org.next_page")}</a>
        </p>
      )}
    </Shell>
  );
};

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

type CallPageProps = {
  call: CallView;
  canManage: boolean;
  /** The viewer's CSOs, to offer "see how you match". */
  myCsos: { id: string; name: string }[];
  notice?: string;
  errors?: FormErrors;
};

export const CallPage = ({ call, canManage, myCsos, notice, errors }: CallPageProps) => {
  const { t, locale } = usePage();
  const p = call.priorities;
  const hasPriorities = p.ledBy.length + p.settings.length + p.themes.length > 0;
  const and = (items: string[]) => new Intl.ListFormat(locale).format(items);
  return (
    <Shell title={call.title}>
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
      <h1 dir="auto">{call.title}</h1>
      {notice && <Notice>{notice}</Notice>}
      <ErrorSummary errors={errors} />
      <p class="pre" dir="auto">
        {call.summary}
      </p>
      <dl class="facts">
        <dt>{t("call.grant")}</dt>
        <dd>
          <MoneyRange min={call.grant.min} max={call.grant.max} />
        </dd>
        <dt>{t("call.funding_type")}</dt>
        <dd>
          {t(`funding.${call.fundingType}`)} · {formatMonths(call.durationMonths, locale)}
        </dd>
        <dt>{t("call.deadline")}</dt>
        <dd>
          <Deadline iso={call.deadline} />
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
      <h2>{t("call.who_can_apply")}</h2>
      <EligibilityList call={call} />
      {hasPriorities && (
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
      )}
      <h2>{t("call.questions")}</h2>
      <ol>
        {call.questions.map((q) => (
          <li>
            <bdi>{q.label}</bdi> <span class="muted">({t("call.max_chars", { n: q.maxChars })})</span>
          </li>
        ))}
      </ol>
      {call.status === "open" && !canManage && (
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
      )}
      {canManage && (
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
      )}
    </Shell>
  );
};

type FormPageProps = {
  values: CallFormValues;
  errors?: FormErrors;
  countries: Countries;
  funders: { id: string; name: string }[];
};

export const CallNewPage = (p: FormPageProps) => {
  const { t } = usePage();
  return (
    <Shell title={t("call.new_title")}>
      <h1>{t("call.new_title")}</h1>
      <p class="muted">{t("call.new_help")}</p>
      <CallForm action="/calls/new" submitLabel={t("call.save_draft")} {...p} />
    </Shell>
  );
};

export const CallEditPage = ({
  call,
  conflict,
  ...p
}: FormPageProps & { call: CallView; conflict?: boolean }) => {
  const { t } = usePage();
  return (
    <Shell title={t("org.edit_title", { name: call.title })}>
      <h1>{t("org.edit_title", { name: call.title })}</h1>
      {conflict && (
        <div class="alert" role="alert">
          <p>{t("call.conflict")}</p>
        </div>
      )}
      <CallForm action={`/calls/${call.id}/edit`} submitLabel={t("call.save_draft")} {...p} funders={[]} />
    </Shell>
  );
};
