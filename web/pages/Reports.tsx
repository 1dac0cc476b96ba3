// The equity report page: filters (a plain GET form), what the report is (as-of, basis, k, filters),
// totals, what happened after the award, the measures, bars for group shares and the Lorenz curve, each
// beside its data table.
import { numberFormat } from "../../worker/domain/intl-cache";
import { Scroll } from "../components/Scroll";
import { Shell } from "../layouts/Shell";
import { usePage } from "../context";
import { ErrorSummary, SelectField, TextField, type FormErrors } from "../components/form";
import { ShareBars, LorenzCurve } from "../components/Charts";
import { countryName, formatDateTime, type Translate } from "../../worker/i18n";
import { formatMoney } from "../../worker/domain/money";
import { DIMENSIONS, FUNDING_TYPES, type Dimension, type Locale } from "../../schema/enums";
import type { EquityReportView } from "../../schema/api/reports";
import { NonCashReport } from "../components/NonCashReport";

const pct = (x: number | null, locale: string) =>
  x === null ? "—" : numberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(x);
const num = (x: number | null, locale: string, digits = 2) =>
  x === null ? "—" : numberFormat(locale, { maximumFractionDigits: digits }).format(x);
const usd = (cents: number | null, locale: string) =>
  cents === null ? "—" : formatMoney({ amount: cents, currency: "USD" }, locale);

const PREFIX: Partial<Record<Dimension, string>> = {
  legalStatus: "legal",
  setting: "setting",
  ledBy: "ledby",
  theme: "theme",
  fundingType: "funding",
  civicSpace: "civic",
  incomeGroup: "income",
  globalSouth: "report.gs",
  sizeBand: "report.size",
};

/** A group key in the reader's language: countries by Intl, vocabularies by the catalogue, funders by name. */
export const groupLabel = (dim: Dimension, key: string, label: string, t: Translate, locale: Locale) => {
  if (["undisclosed", "unknown", "none", "individual"].includes(key))
    return t(`report.key.${key}` as Parameters<Translate>[0]);
  // Confidential calls' awards, folded into one group by funder: no funder is named for them.
  if (dim === "funder" && key === "confidential") return t("confidential.report_key");
  if (dim === "country") return countryName(key, locale);
  // Already in the reader's language: "Level 2: vouched for by two trusted organisations nearby".
  if (dim === "trustLevel") return label;
  const prefix = PREFIX[dim];
  const k = `${prefix}.${key}`;
  return prefix ? t(k as Parameters<Translate>[0]) : label;
};

/** The shares among the measures, in the order the chart and the table show them. */
const SHARES = [
  "globalSouthShare",
  "informalShare",
  "smallOrgShare",
  "womenLedShare",
  "youthLedShare",
  "coreShare",
  "top10Share",
] as const;

/** A funder the report may be narrowed to for this reader (public ones for anyone; see the page route). */
export type ReportFunder = { id: string; name: string };

/** The offered funders, and the one asked for by URL if it is not among them (its id: the report says whether it may be). */
const funderOptions = (funders: ReportFunder[], asked: string | undefined) => [
  ...funders.map((f) => ({ value: f.id, label: f.name })),
  ...(asked && !funders.some((f) => f.id === asked) ? [{ value: asked, label: asked }] : []),
];

const Filters = ({
  query,
  errors,
  funders,
}: {
  query: Record<string, string>;
  errors?: FormErrors;
  funders: ReportFunder[];
}) => {
  const { t } = usePage();
  return (
    <form method="get" action="/reports" class="row">
      <TextField name="from" type="date" label={t("report.from")} value={query.from} errors={errors} />
      <TextField name="to" type="date" label={t("report.to")} value={query.to} errors={errors} />
      <SelectField
        name="fundingType"
        label={t("call.funding_type")}
        value={query.fundingType}
        blank={t("report.any")}
        options={FUNDING_TYPES.map((f) => ({ value: f, label: t(`funding.${f}`) }))}
        errors={errors}
      />
      <SelectField
        name="groupBy"
        label={t("report.group_by")}
        value={query.groupBy}
        blank={t("report.no_grouping")}
        options={DIMENSIONS.map((d) => ({ value: d, label: t(`report.dim.${d}`) }))}
        errors={errors}
      />
      <SelectField
        name="funderOrgId"
        label={t("report.funder")}
        value={query.funderOrgId}
        blank={t("report.any")}
        options={funderOptions(funders, query.funderOrgId)}
        errors={errors}
      />
      <TextField name="callId" label={t("report.call_id")} value={query.callId} errors={errors} />
      <p>
        <button type="submit">{t("report.show")}</button>
      </p>
    </form>
  );
};

/** What the figures are: when, in which currency at which rates, under which k; and the CSV of them. */
const About = ({ report, csvHref }: { report: EquityReportView; csvHref: string }) => {
  const { t, locale, timeZone } = usePage();
  return (
    <>
      <p class="muted">
        {t("report.as_of", { when: formatDateTime(report.asOf, locale, timeZone) })} ·{" "}
        {t("report.basis", { currency: report.basisCurrency, fx: report.fxAsOf ?? "—" })} ·{" "}
        {t("report.k_rule", { k: report.k })}
      </p>
      {report.publicOnly && <p class="muted">{t("report.public_only")}</p>}
      <p>
        <a class="button secondary" href={csvHref}>
          {t("report.download_csv")}
        </a>
      </p>
    </>
  );
};

const Totals = ({ report }: { report: EquityReportView }) => {
  const { t, locale } = usePage();
  return (
    <>
      <h2>{t("report.totals")}</h2>
      {report.totals.suppressed ? (
        <p>{t("report.all_suppressed", { k: report.k })}</p>
      ) : (
        <ul class="metrics">
          <li>
            {t("report.amount")}
            <strong>
              <bdi>{usd(report.totals.amount, locale)}</bdi>
            </strong>
          </li>
          <li>
            {t("report.awards")}
            <strong>{num(report.totals.awards, locale)}</strong>
          </li>
          <li>
            {t("report.recipients")}
            <strong>{num(report.totals.recipients, locale)}</strong>
          </li>
          <li>
            {t("report.applications")}
            <strong>{num(report.totals.applications, locale)}</strong>
          </li>
          <li>
            {t("report.core_pledges")}
            <strong>
              <bdi>{usd(report.corePledges.amount, locale)}</bdi>
            </strong>
          </li>
        </ul>
      )}
      {!report.totals.suppressed && (report.confidential.suppressed || !!report.confidential.count) && (
        <p class="muted">
          {report.confidential.suppressed
            ? t("confidential.report_suppressed", { k: report.k })
            : t("confidential.report_count", { count: num(report.confidential.count, locale) })}
        </p>
      )}
      <NonCashReport report={report} />
    </>
  );
};

/** Overall, whether the money arrived and how long the first of it took; the same figures per group below. */
const AfterAward = ({ totals }: { totals: EquityReportView["totals"] }) => {
  const { t, locale } = usePage();
  return (
    <>
      <h2>{t("report.after_award")}</h2>
      <ul class="metrics">
        <li>
          {t("report.disbursed_share")}
          <strong>{pct(totals.disbursedShare, locale)}</strong>
        </li>
        <li>
          {t("report.received_share")}
          <strong>{pct(totals.receivedShare, locale)}</strong>
        </li>
        <li>
          {t("report.loss_share")}
          <strong>{pct(totals.lossShare, locale)}</strong>
        </li>
        <li>
          {t("report.median_days")}
          <strong>{num(totals.medianDaysToFirstDisbursement, locale, 1)}</strong>
        </li>
        <li>
          {t("report.awaiting")}
          <strong>{num(totals.awaitingDisbursement, locale)}</strong>
        </li>
      </ul>
      <p class="muted">{t("report.after_award_note")}</p>
    </>
  );
};

const Measures = ({ m }: { m: EquityReportView["metrics"] }) => {
  const { t, locale } = usePage();
  return (
    <>
      <h2>{t("report.measures")}</h2>
      <div class="report-grid">
        <div>
          <ShareBars
            id="shares"
            title={t("report.shares_chart")}
            rows={SHARES.filter((k) => m[k] !== null).map((k) => ({
              label: t(`report.metric.${k}`),
              value: m[k]!,
            }))}
          />
        </div>
        <Scroll>
          <table>
            <caption>{t("report.measures")}</caption>
            <tbody>
              {SHARES.map((k) => (
                <tr>
                  <th scope="row">{t(`report.metric.${k}`)}</th>
                  <td>{m[k] === null ? t("report.suppressed") : pct(m[k], locale)}</td>
                </tr>
              ))}
              <tr>
                <th scope="row">{t("report.metric.gini")}</th>
                <td>{m.gini === null ? t("report.suppressed") : num(m.gini, locale, 3)}</td>
              </tr>
              <tr>
                <th scope="row">{t("report.metric.hhi")}</th>
                <td>{m.hhi === null ? t("report.suppressed") : num(m.hhi, locale, 0)}</td>
              </tr>
            </tbody>
          </table>
        </Scroll>
      </div>
    </>
  );
};

/** The curve, and beside it at most eleven of its points (every tenth and the last). */
const Lorenz = ({ points, gini }: { points: [number, number][]; gini: number | null }) => {
  const { t, locale } = usePage();
  return (
    <div class="report-grid">
      <LorenzCurve points={points} title={t("report.lorenz_title", { gini: num(gini, locale, 3) })} />
      <Scroll>
        <table>
          <caption>{t("report.lorenz_table")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("report.lorenz_x")}</th>
              <th scope="col">{t("report.lorenz_y")}</th>
            </tr>
          </thead>
          <tbody>
            {points
              .filter(
                (_, i, all) =>
                  all.length <= 11 || i % Math.ceil(all.length / 10) === 0 || i === all.length - 1,
              )
              .map(([x, y]) => (
                <tr>
                  <td>{pct(x, locale)}</td>
                  <td>{pct(y, locale)}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </Scroll>
    </div>
  );
};

const Groups = ({ report, dim }: { report: EquityReportView; dim: Dimension }) => {
  const { t, locale } = usePage();
  return (
    <>
      <h2>{t("report.groups", { dimension: t(`report.dim.${dim}`) })}</h2>
      {report.groupsOverlap && <p class="muted">{t("report.overlap")}</p>}
      <ShareBars
        id="groups"
        title={t("report.groups_chart")}
        rows={report.groups
          .filter((g) => !g.suppressed)
          .map((g) => ({ label: groupLabel(dim, g.key, g.label, t, locale), value: g.share ?? 0 }))}
      />
      <Scroll>
        <table>
          <caption>{t("report.groups", { dimension: t(`report.dim.${dim}`) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("report.group")}</th>
              <th scope="col">{t("report.awards")}</th>
              <th scope="col">{t("report.recipients")}</th>
              <th scope="col">{t("report.amount")}</th>
              <th scope="col">{t("report.share")}</th>
              <th scope="col">{t("report.applications")}</th>
              <th scope="col">{t("report.success_rate")}</th>
              <th scope="col">{t("report.air")}</th>
              <th scope="col">{t("report.core_pledges")}</th>
              <th scope="col">{t("report.disbursed_share")}</th>
              <th scope="col">{t("report.received_share")}</th>
              <th scope="col">{t("report.loss_share")}</th>
              <th scope="col">{t("report.median_days")}</th>
              <th scope="col">{t("report.awaiting")}</th>
            </tr>
          </thead>
          <tbody>
            {report.groups.map((g) => (
              <tr>
                <th scope="row">
                  <bdi>{groupLabel(dim, g.key, g.label, t, locale)}</bdi>
                </th>
                {g.suppressed ? (
                  <td colSpan={13} class="muted">
                    {t("report.suppressed_k", { k: report.k })}
                  </td>
                ) : (
                  <>
                    <td>{num(g.awards, locale)}</td>
                    <td>{num(g.recipients, locale)}</td>
                    <td>
                      <bdi>{usd(g.amount, locale)}</bdi>
                    </td>
                    <td>{pct(g.share, locale)}</td>
                    <td>{num(g.applications, locale)}</td>
                    <td>{pct(g.successRate, locale)}</td>
                    <td>
                      {num(g.adverseImpactRatio, locale)}
                      {g.flagged && (
                        <>
                          {" "}
                          <span class="flag">{t("report.flagged")}</span>
                        </>
                      )}
                    </td>
                    <td>
                      <bdi>{usd(g.corePledgeAmount, locale)}</bdi>
                    </td>
                    <td>{pct(g.disbursedShare, locale)}</td>
                    <td>{pct(g.receivedShare, locale)}</td>
                    <td>{pct(g.lossShare, locale)}</td>
                    <td>{num(g.medianDaysToFirstDisbursement, locale, 1)}</td>
                    <td>{num(g.awaitingDisbursement, locale)}</td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </Scroll>
    </>
  );
};

type Props = {
  report: EquityReportView | null;
  query: Record<string, string>;
  errors?: FormErrors;
  funders: ReportFunder[];
  csvHref: string;
};

export const ReportsPage = ({ report, query, errors, funders, csvHref }: Props) => {
  const { t } = usePage();
  // The query schema allows only dimensions, so the report's groupBy is one.
  const dim = (report?.filters.groupBy ?? null) as Dimension | null;
  const m = report?.metrics;
  return (
    <Shell title={t("report.title")}>
      <h1>{t("report.title")}</h1>
      <p class="muted">{t("report.intro")}</p>
      <ErrorSummary errors={errors} />
      <Filters query={query} errors={errors} funders={funders} />
      {report && (
        <>
          <About report={report} csvHref={csvHref} />
          <Totals report={report} />
          {m && !report.totals.suppressed && (
            <>
              <AfterAward totals={report.totals} />
              <Measures m={m} />
              {report.lorenz.length > 0 && <Lorenz points={report.lorenz} gini={m.gini} />}
            </>
          )}
          {dim && <Groups report={report} dim={dim} />}
          <h2>{t("report.method")}</h2>
          <p class="muted">{t("report.method_text", { k: report.k })}</p>
        </>
      )}
    </Shell>
  );
};
