// A currency list: USD and the organisation's own currency first, then every other currency the field
// may use, named in the reader's language and sorted by that name. A plain select: it posts the code
// without JavaScript, and the server still checks it.
import { usePage } from "../context";
import type { FormErrors } from "./form";
import { currenciesFor, currencyOptions, type CurrencyUse } from "../../worker/domain/currencies";

export const CurrencyInput = ({
  name,
  label,
  value,
  errors,
  use = "fx",
  local,
}: {
  name: string;
  label: string;
  value?: string;
  errors?: FormErrors;
  /** "stripe" when the amount is charged through Stripe; otherwise any currency with an FX rate. */
  use?: CurrencyUse;
  /** The organisation's own currency (worker/domain/currencies.ts localCurrency). */
  local?: string;
}) => {
  const { t, locale } = usePage();
  const error = errors?.[name];
  const selected = value || "USD";
  const { first, rest } = currencyOptions(currenciesFor(use), locale, ["USD", local], selected);
  const option = (o: { code: string; label: string }) => (
    <option value={o.code} selected={o.code === selected}>
      {o.label}
    </option>
  );
  return (
    <div class="field">
      <label for={name}>{label}</label>
      {error && (
        <span class="error" id={`${name}-error`}>
          {error}
        </span>
      )}
      <select
        id={name}
        name={name}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={error ? `${name}-error` : undefined}
      >
        <optgroup label={t("currency.first")}>{first.map(option)}</optgroup>
        <optgroup label={t("currency.all")}>{rest.map(option)}</optgroup>
      </select>
    </div>
  );
};
