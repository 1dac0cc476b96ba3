// Money sent, as the funder records it for an award (or an admin for pooled pledge money): amount in the
// source's currency, the day, the rail and who carried it (the mobile-money operator or fiscal host), the
// rail's reference, and for an award which tranche it pays.
import { usePage } from "../../context";
import { formatDate } from "../../../worker/i18n";
import { formatMoney } from "../../../worker/domain/money";
import { PAYOUT_RAILS } from "../../../schema/enums";
import type { Money } from "../../../worker/domain/money";
import { ErrorSummary, SelectField, TextField, type FormErrors } from "../../components/form";
import type { DisburseValues } from "./types";

export const DisburseForm = ({
  action,
  prefix = "",
  currency,
  tranches,
  values,
  errors,
}: {
  action: string;
  /** Before each field's name, so the form's ids stay unique beside another form on the page. */
  prefix?: string;
  currency: string;
  /** An award's plan; pooled pledge money pays no tranche. */
  tranches?: { id: string; dueOn: string; amount: Money }[];
  values?: DisburseValues;
  errors?: FormErrors;
}) => {
  const { t, locale } = usePage();
  const v = values ?? { amount: "", sentOn: "", rail: "bank", via: "", reference: "", trancheId: "" };
  return (
    <section aria-labelledby="disburse-form">
      <h3 id="disburse-form">{t("award.disburse_form")}</h3>
      <ErrorSummary errors={errors} />
      <form class="stack" method="post" action={action} novalidate>
        <div class="row">
          <TextField
            name={`${prefix}amount`}
            label={t("award.amount")}
            value={v.amount}
            inputmode="decimal"
            required
            errors={errors}
          />
          <SelectField
            name={`${prefix}currency`}
            label={t("pledge.currency")}
            value={currency}
            options={[{ value: currency, label: currency }]}
            errors={errors}
          />
        </div>
        <TextField
          name={`${prefix}sentOn`}
          type="date"
          label={t("award.sent_on")}
          value={v.sentOn}
          required
          errors={errors}
        />
        <SelectField
          name={`${prefix}rail`}
          label={t("award.rail")}
          value={v.rail}
          options={PAYOUT_RAILS.map((r) => ({ value: r, label: t(`rail.${r}`) }))}
          required
          errors={errors}
        />
        <TextField
          name={`${prefix}via`}
          label={t("award.via")}
          hint={t("award.via_hint")}
          value={v.via}
          maxLength={140}
          errors={errors}
        />
        <TextField
          name={`${prefix}reference`}
          label={t("award.reference")}
          value={v.reference}
          maxLength={100}
          required
          errors={errors}
        />
        {tranches && (
          <SelectField
            name={`${prefix}trancheId`}
            label={t("award.tranche")}
            value={v.trancheId}
            blank={t("award.no_tranche")}
            options={tranches.map((tr) => ({
              value: tr.id,
              label: `${formatDate(`${tr.dueOn}T00:00:00Z`, locale)} · ${formatMoney(tr.amount, locale)}`,
            }))}
            errors={errors}
          />
        )}
        <p>
          <button type="submit">{t("award.disburse_submit")}</button>
        </p>
      </form>
    </section>
  );
};
