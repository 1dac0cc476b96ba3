// The /check page: anyone answers the profile questions and sees which open calls fit and why. The
// answers are not kept: no cookie, no session, no row, and the response is not cached.
import { Hono, type Context } from "hono";
import type { AppEnv } from "../env";
import { renderPage } from "../http/render";
import { readForm, parseWith, problemErrors } from "../http/forms";
import { orgFormValues, orgInputFromValues, ORG_FORM_FIELDS } from "../http/org-form";
import { countriesFor } from "../actions/reference";
import { checkEligibility } from "../actions/eligibility";
import { EligibilityCheck, type EligibilityResultView } from "../../schema/api/eligibility";
import type { OrgFormValues } from "../../web/components/OrgForm";
import { CheckPage } from "../../web/pages/check/Check";

/** Enough for a phone screen; the ranking puts every call that fits first. */
const SHOWN = 50;

const show = async (
  c: Context<AppEnv>,
  values: OrgFormValues,
  extra: { errors?: Record<string, string>; result?: EligibilityResultView } = {},
  status = 200,
) => {
  c.header("Cache-Control", "no-store");
  const countries = await countriesFor(c.get("db"), c.get("locale"));
  return renderPage(c, <CheckPage values={values} countries={countries} {...extra} />, status);
};

export const checkPages = new Hono<AppEnv>()
  .get("/check", (c) => show(c, { budgetCurrency: "USD" }))
  .post("/check", async (c) => {
    const values = orgFormValues(await readForm(c));
    const { input, amountError } = orgInputFromValues(values);
    const parsed = parseWith(c, EligibilityCheck, input, ORG_FORM_FIELDS);
    if (amountError || !parsed.ok) {
      const errors = parsed.ok ? {} : parsed.errors;
      if (amountError) errors.budgetAmount = c.get("t")("err.amount");
      return show(c, values, { errors }, 400);
    }
    try {
      const result = await checkEligibility(c.get("db"), c.get("t"), c.get("locale"), parsed.data, {
        limit: SHOWN,
      });
      return show(c, values, { result });
    } catch (e) {
      return show(c, values, { errors: problemErrors(e) }, 400);
    }
  });
