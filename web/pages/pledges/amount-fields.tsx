// An amount and its currency side by side: the pledge form, and the admin's record of a bank transfer.
import { usePage } from "../../context";
import { TextField, type FormErrors } from "../../components/form";
import { CurrencyInput } from "../../components/CurrencyInput";
import type { CurrencyUse } from "../../../worker/domain/currencies";

export const AmountFields = ({
  label,
  amount,
  currency,
  errors,
  use,
  local,
}: {
  label: string;
  amount: string;
  currency: string;
  errors?: FormErrors;
  use?: CurrencyUse;
  local?: string;
}) => {
  const { t } = usePage();
  return (
    <div class="row">
      <TextField name="amount" label={label} value={amount} inputmode="decimal" required errors={errors} />
      <CurrencyInput
        name="currency"
        label={t("pledge.currency")}
        value={currency}
        errors={errors}
        use={use}
        local={local}
      />
    </div>
  );
};
