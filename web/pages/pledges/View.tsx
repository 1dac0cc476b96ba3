// One pledge: its status and schedule, bank instructions, the payments so far, and the forms to cancel it
// (the pledger) or to record a bank transfer that arrived (an admin). All plain forms; no JavaScript.
import { Shell } from "../../layouts/Shell";
import { usePage } from "../../context";
import { ErrorSummary, Notice, TextField, type FormErrors } from "../../components/form";
import type { Money } from "../../../worker/domain/money";
import { formatDate, formatDateTime } from "../../../worker/i18n";
import type { PledgeStatus } from "../../../schema/enums";
import type { OrgView } from "../../../schema/api/orgs";
import type { PledgeView } from "../../../schema/api/pledges";
import { Amount, Schedule } from "./amounts";
import { AmountFields } from "./amount-fields";
import { EntryTable } from "./entry-table";
import { DisburseForm } from "../awards/disburse-form";
import type { DisburseValues } from "../awards/types";

type Entry = {
  id: string;
  kind: "payment" | "refund";
  amount: number;
  currency: string;
  at: string;
  reference: string | null;
};

type PledgeProps = {
  pledge: PledgeView;
  recipient: OrgView;
  funderName: string | null;
  payments: Entry[];
  instructions: { payTo: string; reference: string; amount: Money } | null;
  canCancel: boolean;
  canConfirm: boolean;
  /** An admin, and money was paid in: it can be sent on to the recipient from the pooled fund. */
  canDisburse: boolean;
  disburse?: { values: DisburseValues; errors?: FormErrors };
  checkout?: string;
  notice?: string;
  errors?: FormErrors;
  confirmValues?: { amount: string; receivedAt: string; reference: string };
};

const PledgeStatusBadge = ({ status }: { status: PledgeStatus }) => {
  const { t } = usePage();
  return <span class={`status status-${status}`}>{t(`pledge.status.${status}`)}</span>;
};

/** Recipient (with its ledger), funder, paid and refunded so far, when it was made. */
const Facts = ({
  pledge,
  recipient,
  funderName,
}: Pick<PledgeProps, "pledge" | "recipient" | "funderName">) => {
  const { t, locale, timeZone } = usePage();
  return (
    <dl class="facts">
      <dt>{t("pledge.recipient")}</dt>
      <dd>
        <a href={`/orgs/${recipient.id}`}>
          <bdi>{recipient.name}</bdi>
        </a>{" "}
        · <a href={`/orgs/${recipient.id}/ledger`}>{t("pledge.open_ledger")}</a>
      </dd>
      <dt>{t("pledge.funder")}</dt>
      <dd>
        <bdi>{funderName ?? t("pledge.anonymous_label")}</bdi>
        {pledge.anonymous && funderName && <> ({t("pledge.anonymous_label")})</>}
      </dd>
      <dt>{t("pledge.paid")}</dt>
      <dd>
        <Amount money={pledge.paid} /> · {t("pledge.payments_count", { count: pledge.paymentsCount })}
      </dd>
      {pledge.refunded.amount > 0 && (
        <>
          <dt>{t("pledge.refunded")}</dt>
          <dd>
            <Amount money={pledge.refunded} />
          </dd>
        </>
      )}
      <dt>{t("pledge.created")}</dt>
      <dd>{formatDateTime(pledge.createdAt, locale, timeZone)}</dd>
    </dl>
  );
};

/** Where to send a bank transfer and the reference to quote. */
const BankInstructions = ({ instructions }: { instructions: NonNullable<PledgeProps["instructions"]> }) => {
  const { t } = usePage();
  return (
    <section class="card" aria-labelledby="bank">
      <h2 id="bank">{t("pledge.bank_title")}</h2>
      <dl class="facts">
        <dt>{t("pledge.bank_pay_to")}</dt>
        <dd class="pre">{instructions.payTo}</dd>
        <dt>{t("pledge.bank_reference")}</dt>
        <dd>
          <strong>
            <bdi>{instructions.reference}</bdi>
          </strong>
        </dd>
        <dt>{t("pledge.bank_amount")}</dt>
        <dd>
          <Amount money={instructions.amount} />
        </dd>
      </dl>
      <p class="muted">{t("pledge.bank_note")}</p>
    </section>
  );
};

const Payments = ({ payments }: { payments: Entry[] }) => {
  const { t, locale, timeZone } = usePage();
  return (
    <>
      <h2>{t("pledge.payments")}</h2>
      {payments.length ? (
        <EntryTable last={t("pledge.reference")}>
          {payments.map((e) => (
            <tr>
              <td>{formatDate(e.at, locale, timeZone)}</td>
              <td>{t(`ledger.kind.${e.kind}`)}</td>
              <td>
                <Amount money={{ amount: Math.abs(e.amount), currency: e.currency }} />
              </td>
              <td>
                <bdi>{e.reference ?? ""}</bdi>
              </td>
            </tr>
          ))}
        </EntryTable>
      ) : (
        <p class="muted">{t("pledge.no_payments")}</p>
      )}
    </>
  );
};

const CancelForm = ({ pledge }: { pledge: PledgeView }) => {
  const { t } = usePage();
  return (
    <form method="post" action={`/pledges/${pledge.id}/cancel`} class="stack">
      <p class="muted">{t("pledge.cancel_hint")}</p>
      <p>
        <button type="submit" class="secondary">
          {t("pledge.cancel")}
        </button>
      </p>
    </form>
  );
};

/** The admin records a bank transfer that arrived: amount, date received, the bank's reference. */
const ConfirmPaymentForm = ({
  pledge,
  errors,
  values,
}: {
  pledge: PledgeView;
  errors?: FormErrors;
  values?: PledgeProps["confirmValues"];
}) => {
  const { t } = usePage();
  return (
    <section aria-labelledby="confirm">
      <h2 id="confirm">{t("pledge.confirm_title")}</h2>
      <ErrorSummary errors={errors} />
      <form class="stack" method="post" action={`/pledges/${pledge.id}/payments`} novalidate>
        <AmountFields
          label={t("pledge.amount_col")}
          amount={values?.amount ?? ""}
          currency={pledge.amount.currency}
          errors={errors}
        />
        <TextField
          name="receivedAt"
          type="date"
          label={t("pledge.received_at")}
          value={values?.receivedAt ?? ""}
          required
          errors={errors}
        />
        <TextField
          name="reference"
          label={t("pledge.bank_ref_field")}
          value={values?.reference ?? pledge.reference}
          required
          maxLength={100}
          errors={errors}
        />
        <p>
          <button type="submit">{t("pledge.confirm_submit")}</button>
        </p>
      </form>
    </section>
  );
};

export const PledgePage = (p: PledgeProps) => {
  const { t } = usePage();
  const { pledge } = p;
  return (
    <Shell title={t("pledge.heading", { reference: pledge.reference })}>
      <h1>{t("pledge.heading", { reference: pledge.reference })}</h1>
      {p.checkout === "success" && <Notice>{t("pledge.checkout_success")}</Notice>}
      {p.checkout === "cancelled" && <Notice>{t("pledge.checkout_cancelled")}</Notice>}
      {p.notice && <Notice>{p.notice}</Notice>}
      <p>
        <PledgeStatusBadge status={pledge.status} /> ·{" "}
        <Schedule amount={pledge.amount} interval={pledge.interval} installments={pledge.installments} />
      </p>
      <Facts pledge={pledge} recipient={p.recipient} funderName={p.funderName} />
      {pledge.failedPayments > 0 && (
        <p class="error">{t("pledge.failed_payments", { count: pledge.failedPayments })}</p>
      )}

      {p.instructions && <BankInstructions instructions={p.instructions} />}

      <Payments payments={p.payments} />

      {p.canCancel && <CancelForm pledge={pledge} />}

      {p.canConfirm && <ConfirmPaymentForm pledge={pledge} errors={p.errors} values={p.confirmValues} />}

      {p.canDisburse && (
        <DisburseForm
          action={`/pledges/${pledge.id}/disbursements`}
          prefix="out-"
          currency={pledge.amount.currency}
          values={p.disburse?.values}
          errors={p.disburse?.errors}
        />
      )}
    </Shell>
  );
};
