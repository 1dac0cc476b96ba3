// The profile questions matching reads — setting, legal status, annual budget; led-by, themes,
// languages — shared by the organisation form and the anonymous eligibility check, so both ask them the
// same way.
import { usePage } from "../context";
import { ChoiceGroup, TextField, SelectField, type FormErrors } from "./form";
import { CurrencyInput } from "./CurrencyInput";
import { localCurrency } from "../../worker/domain/currencies";
import { LED_BY, LEGAL_STATUSES, SETTINGS, THEMES } from "../../schema/enums";

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

/** Who leads the group, its themes and its languages: the fit part of the score. */
export const FitFacts = ({
  values: v,
  errors: e,
}: {
  values: { ledBy?: string[]; themes?: string[]; languages?: string };
  errors?: FormErrors;
}) => {
  const { t } = usePage();
  return (
    <>
      <ChoiceGroup
        type="checkbox"
        name="ledBy"
        label={t("org.led_by")}
        hint={t("org.led_by_help")}
        values={v.ledBy ?? []}
        options={LED_BY.map((l) => ({ value: l, label: t(`ledby.${l}`) }))}
        errors={e}
      />
      <ChoiceGroup
        type="checkbox"
        name="themes"
        label={t("org.themes")}
        values={v.themes ?? []}
        options={THEMES.map((th) => ({ value: th, label: t(`theme.${th}`) }))}
        errors={e}
      />
      <TextField
        name="languages"
        label={t("org.languages")}
        hint={t("org.languages_help")}
        value={v.languages}
        errors={e}
      />
    </>
  );
};
