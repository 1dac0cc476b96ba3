// Reading the "money sent" form (an award's, or an admin's for pooled pledge money): what was typed, kept
// to show again, and the request body when it parses, with problems keyed by the form's field names.
import type { Context } from "hono";
import type { AppEnv } from "../env";
import { str, parseWith, type FormBody } from "./forms";
import { parseAmount } from "../domain/money";
import { DisbursementCreate } from "../../schema/api/awards";

/** API error paths → the form's fields. */
export const DISBURSEMENT_FIELDS: Record<string, string> = {
  amount: "amount",
  "amount.amount": "amount",
  "amount.currency": "currency",
};

/** `prefix`: before each field's name (the form beside another one on the same page). */
/** Problems keyed by the form's own field names. */
export const prefixed = (errors: Record<string, string>, prefix: string) =>
  Object.fromEntries(Object.entries(errors).map(([k, v]) => [`${prefix}${k}`, v]));

export const readDisbursementForm = (c: Context<AppEnv>, f: FormBody, prefix = "") => {
  const field = (name: string) => str(f, `${prefix}${name}`);
  const currency = field("currency").toUpperCase();
  const values = {
    amount: field("amount"),
    sentOn: field("sentOn"),
    rail: field("rail"),
    via: field("via"),
    reference: field("reference"),
    trancheId: field("trancheId"),
  };
  const amount = values.amount ? parseAmount(values.amount, currency) : null;
  const parsed = parseWith(
    c,
    DisbursementCreate,
    {
      amount: { amount: amount ?? values.amount, currency },
      sentOn: values.sentOn,
      rail: values.rail,
      ...(values.via ? { via: values.via } : {}),
      reference: values.reference,
      ...(values.trancheId ? { trancheId: values.trancheId } : {}),
    },
    DISBURSEMENT_FIELDS,
  );
  const errors = parsed.ok ? {} : parsed.errors;
  if (values.amount && amount === null) errors.amount = c.get("t")("err.amount");
  return {
    values,
    data: parsed.ok && !Object.keys(errors).length ? parsed.data : null,
    errors: prefixed(errors, prefix),
  };
};
