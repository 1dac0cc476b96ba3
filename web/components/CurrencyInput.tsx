// A currency code field with suggestions; any ISO 4217 code may still be typed (the server checks it).
import type { FormErrors } from "./form";

/** Currencies most used by the organisations Sanad serves. */
const COMMON_CURRENCIES = [
  "USD",
  "EUR",
  "GBP",
  "XOF",
  "XAF",
  "KES",
  "UGX",
  "TZS",
  "RWF",
  "ETB",
  "NGN",
  "GHS",
  "ZAR",
  "EGP",
  "MAD",
  "TND",
  "DZD",
  "JOD",
  "LBP",
  "IQD",
  "YER",
  "SDG",
  "PKR",
  "BDT",
  "INR",
  "NPR",
  "PHP",
  "IDR",
  "COP",
  "PEN",
  "BOB",
  "GTQ",
  "HNL",
  "MXN",
  "BRL",
  "ARS",
];

/** Render once per page, before or after the fields that use it. */
export const CurrencyList = () => (
  <datalist id="currencies">
    {COMMON_CURRENCIES.map((c) => (
      <option value={c} />
    ))}
  </datalist>
);

export const CurrencyInput = ({
  name,
  label,
  value,
  errors,
}: {
  name: string;
  label: string;
  value?: string;
  errors?: FormErrors;
}) => {
  const error = errors?.[name];
  return (
    <div class="field">
      <label for={name}>{label}</label>
      {error && (
        <span class="error" id={`${name}-error`}>
          {error}
        </span>
      )}
      <input
        id={name}
        name={name}
        list="currencies"
        value={value ?? "USD"}
        maxLength={3}
        size={4}
        autocomplete="off"
        aria-invalid={error ? "true" : undefined}
        aria-describedby={error ? `${name}-error` : undefined}
      />
    </div>
  );
};
