// The pledge form: who pledges, how much, how often, and whether the pledge is anonymous. It goes on to
// Stripe's checkout or to bank instructions. A plain form; no JavaScript.
import { Shell } from "../../layouts/Shell";
import { usePage } from "../../context";
import { ErrorSummary, TextField, SelectField, ChoiceGroup, type FormErrors } from "../../components/form";
import { localCurrency } from "../../../worker/domain/currencies";
import { PLEDGE_INTERVALS } from "../../../schema/enums";
import type { OrgView } from "../../../schema/api/orgs";
import { AmountFields } from "./amount-fields";

export type PledgeFormValues = {
  funderOrgId: string;
  amount: string;
  currency: string;
  interval: string;
  installments: string;
  anonymous: boolean;
};

type FormProps = {
  org: OrgView;
  funders: { id: string; name: string }[];
  values: PledgeFormValues;
  errors?: FormErrors;
  viaStripe: boolean;
};

const AnonymousField = ({ checked }: { checked: boolean }) => {
  const { t } = usePage();
  return (
    <div class="field">
      <label>
        <input
          type="checkbox"
          name="anonymous"
          value="on"
          checked={checked}
          aria-describedby="anonymous-hint"
        />{" "}
        {t("pledge.anonymous")}
      </label>
      <span class="hint" id="anonymous-hint">
        {t("pledge.anonymous_hint")}
      </span>
    </div>
  );
};

export const PledgeFormPage = ({ org, funders, values, errors, viaStripe }: FormProps) => {
  const { t, viewer } = usePage();
  return (
    <Shell title={t("pledge.title")}>
      <h1>{t("pledge.title")}</h1>
      <p>
        {t("pledge.to")}{" "}
        <a href={`/orgs/${org.id}`}>
          <bdi>{org.name}</bdi>
        </a>
      </p>
      <p class="muted">{t("pledge.intro")}</p>
      <ErrorSummary errors={errors} />
      <form class="stack" method="post" action={`/orgs/${org.id}/pledge`} novalidate>
        <SelectField
          name="funderOrgId"
          label={t("pledge.as")}
          value={values.funderOrgId}
          options={[
            { value: "", label: t("pledge.as_self", { name: viewer?.name ?? "" }) },
            ...funders.map((f) => ({ value: f.id, label: f.name })),
          ]}
          errors={errors}
        />
        <AmountFields
          label={t("pledge.amount")}
          amount={values.amount}
          currency={values.currency}
          errors={errors}
          use={viaStripe ? "stripe" : "fx"}
          local={localCurrency(org.country, org.annualBudget?.currency)}
        />
        <ChoiceGroup
          type="radio"
          name="interval"
          label={t("pledge.interval")}
          values={[values.interval]}
          required
          options={PLEDGE_INTERVALS.map((i) => ({ value: i, label: t(`pledge.interval.${i}`) }))}
          errors={errors}
        />
        <TextField
          name="installments"
          label={t("pledge.installments")}
          hint={t("pledge.installments_hint")}
          value={values.installments}
          inputmode="numeric"
          errors={errors}
        />
        <AnonymousField checked={values.anonymous} />
        <p class="muted">{viaStripe ? t("pledge.via_stripe") : t("pledge.via_bank")}</p>
        <p>
          <button type="submit">{viaStripe ? t("pledge.submit_stripe") : t("pledge.submit_bank")}</button>
        </p>
      </form>
    </Shell>
  );
};
