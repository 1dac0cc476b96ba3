// The profile questions matching reads most — setting, legal status, annual budget — shared by the
// organisation form and the anonymous eligibility check, so both ask them the same way.
import { usePage } from "../context";
import { TextField, SelectField, type FormErrors } from "./form";
import { CurrencyInput } from "./CurrencyInput";
import { localCurrency } from "../../worker/domain/currencies";
import { LEGAL_STATUSES, SETTINGS } from "../../schema/enums";

type Values = {
  country?: string;
  setting?: string;
  legalStatus?: string;
  budgetAmount?: string;
  budgetCurrency?: string;
};

export const ProfileFacts = ({ values: v, errors: e }: { values: Values; errors?: FormErrors }) => {
  const { t } = usePage();
  return (
    <>
      <SelectField
        name="setting"
        label={t("org.setting")}
        value={v.setting}
        blank="—"
        options={SETTINGS.map((s) => ({ value: s, label: t(`setting.${s}`) }))}
        errors={e}
      />
      <SelectField
        name="legalStatus"
        label={t("org.legal_status")}
        value={v.legalStatus}
        blank="—"
        options={LEGAL_STATUSES.map((s) => ({ value: s, label: t(`legal.${s}`) }))}
        errors={e}
      />
      <fieldset class="field">
        <legend>{t("org.annual_budget")}</legend>
        <div class="row">
          <TextField
            name="budgetAmount"
            label={t("org.budget_amount")}
            value={v.budgetAmount}
            inputmode="decimal"
            errors={e}
          />
          <CurrencyInput
            name="budgetCurrency"
            label={t("org.budget_currency")}
            value={v.budgetCurrency}
            errors={e}
            local={localCurrency(v.country)}
          />
        </div>
      </fieldset>
    </>
  );
};
