// HTML pages for pledges and ledgers. Forms post here without JavaScript; Stripe Checkout is reached by
// a 303 redirect and comes back to /pledges/:id.
import { Hono, type Context } from "hono";
import type { AppEnv } from "../env";
import { renderPage } from "../http/render";
import { readForm, str, int, parseWith, problemErrors, type FormBody } from "../http/forms";
import { requireViewer, viewerOf } from "../http/guards";
import { providersFor } from "../payments/registry";
import { PledgeFormPage, type PledgeFormValues } from "../../web/pages/pledges/Form";
import { PledgePage } from "../../web/pages/pledges/View";
import { LedgerPage } from "../../web/pages/pledges/Ledger";
import { PledgeCreate, PaymentConfirm } from "../../schema/api/pledges";
import { createPledge, viewPledge, cancelPledge, confirmManualPayment, ledgerOf } from "../actions/pledges";
import { viewOrg } from "../actions/orgs";
import { findOrgNames, type Org } from "../db/orgs";
import { pledgerName } from "../db/pledges";
import {
  canAdminister,
  canCancelPledge,
  isAdmin,
  membershipIn,
  pledgerShownTo,
  type Viewer,
} from "../domain/permissions";
import { canBeCancelled } from "../domain/pledges";
import { parseAmount } from "../domain/money";
import { enforce } from "../core/authorize";
import { disbursePledge } from "../actions/award-money";
import { DISBURSEMENT_FIELDS, prefixed, readDisbursementForm } from "../http/disbursement-form";
import type { DisburseValues } from "../../web/pages/awards/types";

/** The pooled-money form's fields sit beside the bank-transfer form's on the pledge page. */
const POOLED = "out-";

/** Form field names for the API's error paths. */
const FIELDS = {
  "amount.amount": "amount",
  "amount.currency": "currency",
  amount: "amount",
  recipientOrgId: "amount",
};

const fundersOf = async (c: Context<AppEnv>, v: Viewer) => {
  const ids = v.memberships.filter((m) => m.orgKind === "funder").map((m) => m.orgId);
  const names = await findOrgNames(c.get("db"), ids);
  return ids.map((id) => ({ id, name: names[id] ?? id }));
};

const canPledgeTo = (v: Viewer | null, org: Org) => !!v && org.kind === "cso" && !membershipIn(v, org.id);

/** The typed amount in the chosen currency's minor units; unreadable → an error on the amount field. */
const moneyField = (f: FormBody, amountKey: string, currency: string) => {
  const text = str(f, amountKey);
  const amount = text ? parseAmount(text, currency) : null;
  return { text, amount };
};

const showForm = async (
  c: Context<AppEnv>,
  org: Org,
  values: PledgeFormValues,
  errors?: Record<string, string>,
  status = 200,
) =>
  renderPage(
    c,
    <PledgeFormPage
      org={org}
      funders={await fundersOf(c, viewerOf(c)!)}
      values={values}
      errors={errors}
      viaStripe={providersFor(c.env).forNewPledges.name === "stripe"}
    />,
    status,
  );

type Extra = {
  notice?: string;
  errors?: Record<string, string>;
  confirmValues?: { amount: string; receivedAt: string; reference: string };
  disburse?: { values: DisburseValues; errors?: Record<string, string> };
};

const showPledge = async (c: Context<AppEnv>, id: string, extra: Extra = {}, status = 200) => {
  const v = viewerOf(c);
  const { pledge, recipient, payments } = await viewPledge(c.get("db"), v, id);
  const { name, funderVisibility } = await pledgerName(c.get("db"), pledge);
  const running = canBeCancelled(pledge.status);
  return renderPage(
    c,
    <PledgePage
      pledge={pledge}
      recipient={recipient}
      funderName={pledgerShownTo(v, pledge, funderVisibility, name)}
      payments={payments}
      instructions={
        pledge.provider === "manual" && running ? providersFor(c.env).manual.instructions(pledge) : null
      }
      canCancel={running && canCancelPledge(v, pledge).ok}
      canConfirm={isAdmin(v) && pledge.provider === "manual"}
      canDisburse={isAdmin(v) && pledge.paid.amount - pledge.refunded.amount > 0}
      checkout={c.req.query("checkout")}
      {...extra}
    />,
    status,
  );
};

export const pledgesPages = new Hono<AppEnv>()
  .get("/orgs/:id/pledge", async (c) => {
    const v = requireViewer(c);
    const org = await viewOrg(c.get("db"), v, c.req.param("id"));
    const funderOrgId = v.memberships.find((m) => m.orgKind === "funder")?.orgId ?? "";
    // A person giving as themselves starts anonymous; being named is their choice (unticking the box).
    return showForm(c, org, {
      funderOrgId,
      amount: "",
      currency: "USD",
      interval: "month",
      installments: "12",
      anonymous: !funderOrgId,
    });
  })
  .post("/orgs/:id/pledge", async (c) => {
    const v = requireViewer(c);
    const t = c.get("t");
    const org = await viewOrg(c.get("db"), v, c.req.param("id"));
    const f = await readForm(c);
    const currency = str(f, "currency").toUpperCase();
    const values: PledgeFormValues = {
      funderOrgId: str(f, "funderOrgId"),
      amount: str(f, "amount"),
      currency,
      interval: str(f, "interval"),
      installments: str(f, "installments"),
      anonymous: str(f, "anonymous") === "on",
    };
    const { amount } = moneyField(f, "amount", currency);
    const input = {
      recipientOrgId: org.id,
      ...(values.funderOrgId ? { funderOrgId: values.funderOrgId } : {}),
      amount: { amount: amount ?? values.amount, currency },
      interval: values.interval,
      ...(values.interval !== "once" && values.installments ? { installments: int(f, "installments") } : {}),
      anonymous: values.anonymous,
    };
    const parsed = parseWith(c, PledgeCreate, input, FIELDS);
    const errors = parsed.ok ? {} : parsed.errors;
    if (values.amount && amount === null) errors.amount = t("err.amount");
    if (!parsed.ok || Object.keys(errors).length) return showForm(c, org, values, errors, 400);
    try {
      const r = await createPledge(
        c.get("db"),
        t,
        c.get("locale"),
        v,
        parsed.data,
        providersFor(c.env),
        new URL(c.req.url).origin,
      );
      return c.redirect(r.checkoutUrl ?? `/pledges/${r.pledge.id}`, 303);
    } catch (e) {
      return showForm(c, org, values, problemErrors(e, FIELDS), 422);
    }
  })
  .get("/pledges/:id", async (c) => {
    requireViewer(c);
    return showPledge(c, c.req.param("id"));
  })
  .post("/pledges/:id/cancel", async (c) => {
    requireViewer(c);
    const id = c.req.param("id");
    await cancelPledge(c.get("db"), c.get("t"), viewerOf(c), id, providersFor(c.env));
    return showPledge(c, id, { notice: c.get("t")("pledge.cancelled_notice") });
  })
  .post("/pledges/:id/payments", async (c) => {
    requireViewer(c);
    const t = c.get("t");
    const id = c.req.param("id");
    const f = await readForm(c);
    const currency = str(f, "currency").toUpperCase();
    const confirmValues = {
      amount: str(f, "amount"),
      receivedAt: str(f, "receivedAt"),
      reference: str(f, "reference"),
    };
    const { amount } = moneyField(f, "amount", currency);
    const parsed = parseWith(
      c,
      PaymentConfirm,
      {
        amount: { amount: amount ?? confirmValues.amount, currency },
        receivedAt: confirmValues.receivedAt,
        reference: confirmValues.reference,
      },
      FIELDS,
    );
    const errors = parsed.ok ? {} : parsed.errors;
    if (confirmValues.amount && amount === null) errors.amount = t("err.amount");
    if (!parsed.ok || Object.keys(errors).length) return showPledge(c, id, { errors, confirmValues }, 400);
    try {
      await confirmManualPayment(c.get("db"), t, viewerOf(c), id, parsed.data, providersFor(c.env));
    } catch (e) {
      return showPledge(c, id, { errors: problemErrors(e, FIELDS), confirmValues }, 422);
    }
    return showPledge(c, id, { notice: t("pledge.payment_recorded") }, 201);
  })
  // Pooled pledge money sent on to the recipient (admins); refused before the form is read for anyone else.
  .post("/pledges/:id/disbursements", async (c) => {
    const v = requireViewer(c);
    enforce(canAdminister(v), c.get("t"));
    const id = c.req.param("id");
    const { values, data, errors } = readDisbursementForm(c, await readForm(c), POOLED);
    if (!data) return showPledge(c, id, { disburse: { values, errors } }, 400);
    try {
      await disbursePledge(c.get("db"), c.get("t"), c.get("locale"), v, id, data);
    } catch (e) {
      const problems = prefixed(problemErrors(e, DISBURSEMENT_FIELDS), POOLED);
      return showPledge(c, id, { disburse: { values, errors: problems } }, 422);
    }
    return c.redirect(`/pledges/${id}`, 303);
  })
  .get("/orgs/:id/ledger", async (c) => {
    const { org, ledger } = await ledgerOf(c.get("db"), viewerOf(c), c.req.param("id"));
    return renderPage(c, <LedgerPage org={org} ledger={ledger} canPledge={canPledgeTo(viewerOf(c), org)} />);
  });
