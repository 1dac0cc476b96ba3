// Money sent for the award as the two sides read it: date, rail and via, amount, reference, and the
// receipt (what arrived, when, the loss on the way in US dollars and as a share), or the flag when the
// group has not confirmed it 30 days on; the group confirms each one here.
import { usePage } from "../../context";
import { formatDate } from "../../../worker/i18n";
import type { DisbursementView } from "../../../schema/api/awards";
import { ErrorSummary, TextField, type FormErrors } from "../../components/form";
import { CurrencyInput } from "../../components/CurrencyInput";
import { Amount } from "../pledges/amounts";
import type { ReceiptValues } from "./types";

const day = (d: string) => `${d}T00:00:00Z`;

const ReceiptLine = ({ d }: { d: DisbursementView }) => {
  const { t, locale } = usePage();
  const r = d.receipt;
  if (!r)
    return d.unconfirmed ? (
      <strong class="status status-overdue">{t("award.not_confirmed")}</strong>
    ) : (
      <>{t("award.awaiting")}</>
    );
  const share =
    r.lossShare === null
      ? ""
      : new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(r.lossShare);
  return (
    <>
      <Amount money={r.amount} /> · {formatDate(day(r.receivedOn), locale)}
      {r.lossUsd !== null && (
        <>
          <br />
          {t("award.loss_line", { share })} <Amount money={{ amount: r.lossUsd, currency: "USD" }} />
        </>
      )}
      {r.note && (
        <>
          <br />
          <span class="pre" dir="auto">
            {r.note}
          </span>
        </>
      )}
    </>
  );
};

export const ReceiptForm = ({
  d,
  values,
  errors,
}: {
  d: DisbursementView;
  values?: ReceiptValues;
  errors?: FormErrors;
}) => {
  const { t } = usePage();
  const f = (k: string) => `${d.id}-${k}`;
  return (
    <form class="stack" method="post" action={`/disbursements/${d.id}/receipt`} novalidate>
      <ErrorSummary errors={errors} />
      <div class="row">
        <TextField
          name={f("amount")}
          label={t("award.received_amount")}
          value={values?.amount ?? ""}
          inputmode="decimal"
          required
          errors={errors}
        />
        <CurrencyInput
          name={f("currency")}
          label={t("pledge.currency")}
          value={values?.currency ?? d.amount.currency}
          errors={errors}
          local={d.amount.currency}
        />
      </div>
      <TextField
        name={f("receivedOn")}
        type="date"
        label={t("award.received_on")}
        value={values?.receivedOn ?? ""}
        required
        errors={errors}
      />
      <TextField
        name={f("note")}
        label={t("award.note")}
        value={values?.note ?? ""}
        maxLength={1000}
        multiline
        errors={errors}
      />
      <p>
        <button type="submit">{t("award.confirm_submit")}</button>
      </p>
    </form>
  );
};

export const DisbursementList = ({
  items,
  canConfirm,
  receipt,
}: {
  items: DisbursementView[];
  canConfirm: boolean;
  receipt?: { disbursementId: string; values: ReceiptValues; errors?: FormErrors };
}) => {
  const { t, locale } = usePage();
  if (!items.length) return <p class="muted">{t("award.no_disbursements")}</p>;
  return (
    <ul class="cards" id="disbursements">
      {items.map((d) => (
        <li class="card">
          <dl class="facts">
            <dt>{t("award.sent_on")}</dt>
            <dd>{formatDate(day(d.sentOn), locale)}</dd>
            <dt>{t("award.amount")}</dt>
            <dd>
              <Amount money={d.amount} />
            </dd>
            <dt>{t("award.rail")}</dt>
            <dd>
              {t(`rail.${d.rail}`)}
              {d.via && (
                <>
                  {" "}
                  · <bdi>{d.via}</bdi>
                </>
              )}
            </dd>
            <dt>{t("award.reference")}</dt>
            <dd>
              <bdi>{d.reference}</bdi>
            </dd>
            <dt>{t("award.receipt")}</dt>
            <dd>
              <ReceiptLine d={d} />
            </dd>
          </dl>
          {canConfirm && !d.receipt && (
            <details open={receipt?.disbursementId === d.id || undefined}>
              <summary>{t("award.confirm_form")}</summary>
              <ReceiptForm
                d={d}
                values={receipt?.disbursementId === d.id ? receipt.values : undefined}
                errors={receipt?.disbursementId === d.id ? receipt.errors : undefined}
              />
            </details>
          )}
        </li>
      ))}
    </ul>
  );
};
