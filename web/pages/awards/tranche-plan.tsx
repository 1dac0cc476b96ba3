// The award's plan: its tranches with what was sent against each and the overdue flag, and the funder's
// form to replace it — rows of due date, amount and "after a report", with empty rows to add more
// without JavaScript (an empty row is dropped).
import { usePage } from "../../context";
import { formatDate } from "../../../worker/i18n";
import { amountToInput } from "../../../worker/domain/money";
import type { AwardView } from "../../../schema/api/awards";
import { ErrorSummary, TextField, type FormErrors } from "../../components/form";
import { Scroll } from "../../components/Scroll";
import { Amount } from "../pledges/amounts";
import type { TrancheRowValues } from "./types";

/** Empty rows offered below the plan's own, so a plan can grow without script. */
export const EXTRA_ROWS = 2;

export const TrancheTable = ({ award }: { award: AwardView }) => {
  const { t, locale } = usePage();
  return (
    <Scroll>
      <table id="tranches">
        <thead>
          <tr>
            <th scope="col">{t("award.due_on")}</th>
            <th scope="col">{t("award.amount")}</th>
            <th scope="col">{t("award.sent")}</th>
            <th scope="col">{t("award.condition")}</th>
          </tr>
        </thead>
        <tbody>
          {award.tranches.map((tr) => (
            <tr>
              <td>
                {formatDate(`${tr.dueOn}T00:00:00Z`, locale)}
                {tr.overdue && (
                  <>
                    {" "}
                    <strong class="status status-overdue">{t("award.overdue")}</strong>
                  </>
                )}
              </td>
              <td>
                <Amount money={tr.amount} />
              </td>
              <td>
                <Amount money={tr.disbursed} />
              </td>
              <td>{tr.afterReport ? t("award.after_report") : ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Scroll>
  );
};

/** The plan's rows as the form shows them first: the stored tranches. */
export const planRows = (award: AwardView): TrancheRowValues[] =>
  award.tranches.map((tr) => ({
    dueOn: tr.dueOn,
    amount: amountToInput(tr.amount),
    afterReport: tr.afterReport,
  }));

export const TranchePlanForm = ({
  award,
  rows,
  errors,
}: {
  award: AwardView;
  rows: TrancheRowValues[];
  errors?: FormErrors;
}) => {
  const { t } = usePage();
  const all = [
    ...rows,
    ...Array.from({ length: EXTRA_ROWS }, () => ({ dueOn: "", amount: "", afterReport: false })),
  ];
  return (
    <section aria-labelledby="plan-form">
      <h3 id="plan-form">{t("award.plan_form")}</h3>
      <ErrorSummary errors={errors} />
      {errors?.tranches && (
        <p class="error" id="tranches-error">
          {errors.tranches}
        </p>
      )}
      <form class="stack" method="post" action={`/awards/${award.id}/tranches`} novalidate>
        <p class="muted">{t("award.plan_hint", { currency: award.amount.currency })}</p>
        {all.map((r, i) => (
          <fieldset class="row">
            <legend>{t("award.tranche_n", { n: i + 1 })}</legend>
            <TextField
              name={`tranches.${i}.dueOn`}
              type="date"
              label={t("award.due_on")}
              value={r.dueOn}
              errors={errors}
            />
            <TextField
              name={`tranches.${i}.amount`}
              label={t("award.amount")}
              value={r.amount}
              inputmode="decimal"
              errors={errors}
            />
            <label>
              <input type="checkbox" name={`tranches.${i}.afterReport`} checked={r.afterReport} />{" "}
              {t("award.after_report")}
            </label>
          </fieldset>
        ))}
        <p>
          <button type="submit">{t("award.plan_submit")}</button>
        </p>
      </form>
    </section>
  );
};
