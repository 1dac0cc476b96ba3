// One award: who gave what to whom, its accounting (committed → disbursed → received → reported), and for
// the two sides the plan, the money sent with its receipts, and their forms. Plain forms; no JavaScript.
import { Shell } from "../../layouts/Shell";
import { usePage } from "../../context";
import { Notice } from "../../components/form";
import { formatDate, languageName } from "../../../worker/i18n";
import { PublicPayments, Totals } from "./totals";
import { TranchePlanForm, TrancheTable, planRows } from "./tranche-plan";
import { DisbursementList } from "./disbursement-list";
import { DisburseForm } from "./disburse-form";
import type { AwardPageProps, SentReport } from "./types";
import { Offer } from "../../components/Offer";

/** The call, the group and the funder ("a funder" to those who may not see it), and the award date. */
const Facts = (p: Pick<AwardPageProps, "call" | "grantee" | "funderName" | "summary">) => {
  const { t, locale } = usePage();
  return (
    <dl class="facts">
      <dt>{t("award.call")}</dt>
      <dd>
        <a href={`/calls/${p.call.id}`}>
          <bdi>{p.call.title}</bdi>
        </a>
      </dd>
      <dt>{t("award.grantee")}</dt>
      <dd>
        <a href={`/orgs/${p.grantee.id}`}>
          <bdi>{p.grantee.name}</bdi>
        </a>{" "}
        · <a href={`/orgs/${p.grantee.id}/ledger`}>{t("pledge.open_ledger")}</a>
      </dd>
      <dt>{t("award.funder")}</dt>
      <dd>
        <bdi>{p.funderName ?? t("award.a_funder")}</bdi>
      </dd>
      <dt>{t("award.awarded_on")}</dt>
      <dd>{formatDate(`${p.summary.awardedAt}T00:00:00Z`, locale)}</dd>
    </dl>
  );
};

/** Each sent report by its date and language, linking to where it is read. */
const ReportList = ({ reports }: { reports: SentReport[] }) => {
  const { t, locale } = usePage();
  return (
    <ul>
      {reports.map((r) => (
        <li>
          <a href={`/reports/${r.id}`}>
            {r.submittedAt
              ? t("reports.sent_on", { date: formatDate(r.submittedAt, locale) })
              : t("reports.view_title")}
          </a>{" "}
          · {languageName(r.language, locale)}
        </li>
      ))}
    </ul>
  );
};

/** The two sides' part: the plan, the money sent, and the forms each side may use. */
const SidesView = (p: AwardPageProps & { full: NonNullable<AwardPageProps["full"]> }) => {
  const { t } = usePage();
  const { full } = p;
  return (
    <>
      <h2>{t("award.plan")}</h2>
      <TrancheTable award={full} />
      {p.canPlan && (
        <TranchePlanForm award={full} rows={p.plan?.rows ?? planRows(full)} errors={p.plan?.errors} />
      )}
      <h2>{t("award.disbursements")}</h2>
      <DisbursementList items={full.disbursements} canConfirm={p.canConfirm} receipt={p.receipt} />
      {p.canPlan && (
        <DisburseForm
          action={`/awards/${full.id}/disbursements`}
          currency={full.amount.currency}
          tranches={full.tranches}
          values={p.disburse?.values}
          errors={p.disburse?.errors}
        />
      )}
      {(p.canConfirm || p.reports.length > 0) && <h2>{t("award.reports")}</h2>}
      {p.reports.length > 0 && <ReportList reports={p.reports} />}
      {p.canConfirm && (
        <p>
          <a href={`/awards/${p.id}/reports/new`}>{t("award.write_report")}</a>
        </p>
      )}
    </>
  );
};

/** A non-cash award gives help, not money: what it gives, and the group's reports; no plan, no payments. */
const NonCashAward = (p: AwardPageProps & { offer: NonNullable<AwardPageProps["offer"]> }) => {
  const { t } = usePage();
  return (
    <>
      <dl class="facts">
        <dt>{t("offer.label")}</dt>
        <dd>
          <Offer offer={p.offer} />
        </dd>
      </dl>
      {p.reports.length > 0 && (
        <>
          <h2>{t("award.reports")}</h2>
          <ReportList reports={p.reports} />
        </>
      )}
    </>
  );
};

export const AwardPage = (p: AwardPageProps) => {
  const { t } = usePage();
  const title = t("award.title", { call: p.call.title });
  return (
    <Shell title={title}>
      <h1>
        <bdi>{title}</bdi>
      </h1>
      {p.notice && <Notice>{p.notice}</Notice>}
      <Facts call={p.call} grantee={p.grantee} funderName={p.funderName} summary={p.summary} />
      {p.offer ? (
        <NonCashAward {...p} offer={p.offer} />
      ) : (
        <>
          <h2>{t("award.accounting")}</h2>
          <Totals summary={p.summary} lost={p.full?.lost} />
        </>
      )}
      {p.offer ? null : p.full ? (
        <SidesView {...p} full={p.full} />
      ) : (
        <>
          <p class="muted">{t("award.public_note")}</p>
          <PublicPayments summary={p.summary} />
        </>
      )}
    </Shell>
  );
};
