// What the call's create and edit pages both take: the form's values and errors, and what its lists offer.
import type { FormErrors } from "../../components/form";
import type { CallFormValues } from "../../components/call-form-values";

export type FormPageProps = {
  values: CallFormValues;
  errors?: FormErrors;
  countries: { code: string; name: string }[];
  funders: { id: string; name: string }[];
  /** The posting organisation's own currency, listed first after USD. */
  localCurrency?: string;
};
