// HTML pages after the award: the award page (its accounting for everyone who may see the group, the plan
// and money for the two sides) and the plain forms that post here — the funder's plan and disbursements,
// the group's receipts. Success redirects back to the page (303), problems re-render it next to the field.
import { Hono, type Context } from "hono";
import type { AppEnv } from "../env";
import { renderPage } from "../http/render";
import { readForm, str, parseWith, problemErrors, type FormBody } from "../http/forms";
import { requireViewer, viewerOf } from "../http/guards";
import { ReceiptCreate, TranchePlanBody } from "../../schema/api/awards";
import { DISBURSEMENT_FIELDS, readDisbursementForm } from "../http/disbursement-form";
import { awardPage, awardToPay, receiptToConfirm } from "../actions/award-page";
import { confirmReceipt, disburseAward, setTranches } from "../actions/award-money";
import { parseAmount } from "../domain/money";
import { AwardPage } from "../../web/pages/awards/View";
import type { AwardPageProps, ReceiptValues, TrancheRowValues } from "../../web/pages/awards/types";
import { Problem } from "../core/problem";

type Forms = Pick<AwardPageProps, "plan" | "disburse" | "receipt">;

/** What a redirect after a form says once the page is shown again (an allow-list, not free text). */
const DONE = {
  plan: "award.plan_saved",
  disbursed: "award.disbursed_notice",
  received: "award.received_notice",
} as const;

const show = async (c: Context<AppEnv>, id: string, forms: Forms = {}, status = 200) => {
  const data = await awardPage(c.get("db"), viewerOf(c), id);
  const done = DONE[c.req.query("done") as keyof typeof DONE];
  return renderPage(c, <AwardPage {...data} {...forms} notice={done && c.get("t")(done)} />, status);
};

const moneyPaths = (prefix: string, field: string) => ({
  [`${prefix}.amount`]: field,
  [`${prefix}.currency`]: field,
  [prefix]: field,
});

/** The plan's rows as typed; empty rows are dropped, each kept row remembers its place in the form. */
const planFrom = (f: FormBody, currency: string) => {
  const rows: TrancheRowValues[] = [];
  for (let i = 0; i < 100 && (`tranches.${i}.dueOn` in f || `tranches.${i}.amount` in f); i++)
    rows.push({
      dueOn: str(f, `tranches.${i}.dueOn`),
      amount: str(f, `tranches.${i}.amount`),
      afterReport: str(f, `tranches.${i}.afterReport`) === "on",
    });
  const kept = rows.map((r, i) => ({ r, i })).filter(({ r }) => r.dueOn || r.amount);
  return {
    rows: kept.map(({ r }) => r),
    formIndex: kept.map(({ i }) => i),
    body: {
      tranches: kept.map(({ r }) => ({
        dueOn: r.dueOn,
        amount: { amount: (r.amount && parseAmount(r.amount, currency)) ?? r.amount, currency },
        ...(r.afterReport ? { afterReport: true } : {}),
      })),
    },
  };
};

/** `tranches.N.amount.amount` (N in the body) → `tranches.M.amount` (M in the form as shown again). */
const planErrorKey = (path: string, formIndex: number[]) => {
  const m = /^tranches\.(\d+)\.(dueOn|amount)/.exec(path);
  if (!m) return "tranches";
  const kept = formIndex.indexOf(Number(m[1]));
  return `tranches.${kept < 0 ? m[1] : kept}.${m[2]}`;
};

export const awardsPages = new Hono<AppEnv>()
  .get("/awards/:id", (c) => show(c, c.req.param("id")))
  .post("/awards/:id/tranches", async (c) => {
    const v = requireViewer(c);
    const t = c.get("t");
    const id = c.req.param("id");
    const { currency } = await awardToPay(c.get("db"), t, v, id);
    const plan = planFrom(await readForm(c), currency);
    const errors: Record<string, string> = {};
    plan.rows.forEach((r, i) => {
      if (r.amount && parseAmount(r.amount, currency) === null)
        errors[`tranches.${i}.amount`] = t("err.amount");
    });
    const parsed = parseWith(c, TranchePlanBody, plan.body);
    if (!parsed.ok)
      for (const [path, message] of Object.entries(parsed.errors))
        errors[planErrorKey(path, plan.formIndex)] ??= message;
    if (!parsed.ok || Object.keys(errors).length)
      return show(c, id, { plan: { rows: plan.rows, errors } }, 400);
    try {
      await setTranches(c.get("db"), t, c.get("locale"), v, id, parsed.data);
    } catch (e) {
      const errs = Object.fromEntries(
        Object.entries(problemErrors(e)).map(([path, message]) => [
          planErrorKey(path, plan.formIndex),
          message,
        ]),
      );
      return show(c, id, { plan: { rows: plan.rows, errors: errs } }, 422);
    }
    return c.redirect(`/awards/${id}?done=plan#tranches`, 303);
  })
  .post("/awards/:id/disbursements", async (c) => {
    const v = requireViewer(c);
    const t = c.get("t");
    const id = c.req.param("id");
    await awardToPay(c.get("db"), t, v, id);
    const { values, data, errors } = readDisbursementForm(c, await readForm(c));
    if (!data) return show(c, id, { disburse: { values, errors } }, 400);
    try {
      await disburseAward(c.get("db"), t, c.get("locale"), v, id, data);
    } catch (e) {
      return show(c, id, { disburse: { values, errors: problemErrors(e, DISBURSEMENT_FIELDS) } }, 422);
    }
    return c.redirect(`/awards/${id}?done=disbursed#disbursements`, 303);
  })
  .post("/disbursements/:id/receipt", async (c) => {
    const v = requireViewer(c);
    const t = c.get("t");
    const id = c.req.param("id");
    const { awardId, home } = await receiptToConfirm(c.get("db"), t, v, id);
    const f = await readForm(c);
    const k = (name: string) => `${id}-${name}`;
    const values: ReceiptValues = {
      amount: str(f, k("amount")),
      currency: str(f, k("currency")).toUpperCase(),
      receivedOn: str(f, k("receivedOn")),
      note: str(f, k("note")),
    };
    const amount = values.amount ? parseAmount(values.amount, values.currency) : null;
    const FIELDS = {
      ...moneyPaths("received", k("amount")),
      "received.currency": k("currency"),
      receivedOn: k("receivedOn"),
      note: k("note"),
      receipt: k("amount"),
    };
    const parsed = parseWith(
      c,
      ReceiptCreate,
      {
        received: { amount: amount ?? values.amount, currency: values.currency },
        receivedOn: values.receivedOn,
        ...(values.note ? { note: values.note } : {}),
      },
      FIELDS,
    );
    const errors = parsed.ok ? {} : parsed.errors;
    if (values.amount && amount === null) errors[k("amount")] = t("err.amount");
    // Pooled pledge money has no award page to show the form again on: its problems are the error page's.
    const again = (errs: Record<string, string>, status: number) => {
      if (!awardId)
        throw new Problem(
          status,
          t("err.cannot_confirm_receipt"),
          Object.entries(errs).map(([path, message]) => ({ path, message })),
        );
      return show(c, awardId, { receipt: { disbursementId: id, values, errors: errs } }, status);
    };
    if (!parsed.ok || Object.keys(errors).length) return again(errors, 400);
    try {
      await confirmReceipt(c.get("db"), t, c.get("locale"), v, id, parsed.data);
    } catch (e) {
      return again(problemErrors(e, FIELDS), e instanceof Problem ? e.status : 422);
    }
    return c.redirect(awardId ? `${home}?done=received#disbursements` : home, 303);
  });
