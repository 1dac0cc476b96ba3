// Pledge use cases shared by the API and the pages: pledge (Stripe Checkout or bank transfer), view,
// cancel, confirm a bank transfer (admins), and an organisation's ledger. Money moves through the
// PaymentProvider interface (worker/payments/provider.ts); which provider serves a pledge is the
// registry's choice, passed in by the routes.
import type { Db } from "../db/client";
import {
  insertPledge,
  findPledge,
  findPledgeRow,
  setCheckoutSession,
  setFacts,
  refreshStatus,
  recordPayment,
  paymentInserted,
  paymentsOf,
  ledgerPledges,
  ledgerPayments,
  pledgesBy,
  openManualPledges,
  type Pledge,
} from "../db/pledges";
import { findOrg, findOrgRecord } from "../db/orgs";
import { ledgerDisbursements } from "../db/award-summary";
import { loadFxTable } from "../db/fx";
import { auditInsert } from "../db/audit";
import { newId } from "../security/random";
import {
  canPledgeAs,
  canViewOrg,
  canViewPledge,
  canCancelPledge,
  canAdminister,
  membershipIn,
  pledgerShownTo,
  type Viewer,
} from "../domain/permissions";
import { pledgeProblems, bankReference, canBeCancelled } from "../domain/pledges";
import { ledgerTotals, moneyOutTotals } from "../domain/ledger";
import { awardShownTo } from "../domain/confidential";
import { toUsdCents } from "../domain/fx";
import type { Money } from "../domain/money";
import { PaymentProviderError, type PledgeStarted, type PledgeToStop } from "../payments/provider";
import type { PaymentProviders } from "../payments/registry";
import type { TransferReport } from "../payments/manual";
import { Problem, type FieldError } from "../core/problem";
import { authorize, enforce } from "../core/authorize";
import type { Translate } from "../i18n";
import type { Locale, PledgeInterval } from "../../schema/enums";

export type PledgeRequest = {
  recipientOrgId: string;
  funderOrgId?: string | null;
  amount: Money;
  interval: PledgeInterval;
  installments?: number | null;
  anonymous?: boolean;
};

const dateOf = (iso: string) => iso.slice(0, 10);

/**
 * A provider's failure as an answer: a refused request names the amount (422); a provider this deployment
 * has no keys for cannot be asked (503); anything else is worth retrying shortly (503 with Retry-After).
 * Only Stripe fails this way today, hence the messages.
 */
const providerProblem = (t: Translate, e: unknown) => {
  const reason = e instanceof PaymentProviderError ? e.reason : "unavailable";
  if (reason === "rejected")
    return new Problem(422, t("err.stripe_rejected"), [
      { path: "amount", message: t("err.stripe_rejected") },
    ]);
  if (reason === "not_configured") return new Problem(503, t("err.stripe_unavailable"));
  return new Problem(503, t("err.stripe_unavailable"), undefined, undefined, { "Retry-After": "30" });
};

export const createPledge = async (
  db: Db,
  t: Translate,
  locale: Locale,
  viewer: Viewer | null,
  req: PledgeRequest,
  providers: PaymentProviders,
  /** Where a hosted payment page sends the pledger back, e.g. "https://sanad.example". */
  origin: string,
) => {
  if (!viewer) throw new Problem(401);
  const recipient = await findOrg(db, req.recipientOrgId);
  if (!recipient || !canViewOrg(viewer, recipient).ok)
    throw new Problem(404, undefined, [{ path: "recipientOrgId", message: t("error.not_found") }]);
  const funderOrgId = req.funderOrgId ?? null;
  const as = canPledgeAs(viewer, funderOrgId);
  if (!as.ok)
    throw new Problem(as.status, undefined, [{ path: "funderOrgId", message: t("err.not_funder_member") }]);

  const errors: FieldError[] = [];
  if (recipient.kind !== "cso") errors.push({ path: "recipientOrgId", message: t("err.pledge_recipient") });
  else if (membershipIn(viewer, recipient.id))
    errors.push({ path: "recipientOrgId", message: t("err.pledge_self") });
  const provider = providers.forNewPledges;
  const fx = await loadFxTable(db);
  const today = dateOf(new Date().toISOString());
  for (const p of pledgeProblems(req, provider.name, fx, today))
    errors.push({ path: p.path, message: t(p.key) });
  if (errors.length) throw new Problem(422, t("err.cannot_pledge"), errors);

  const id = newId();
  const installments = req.interval === "once" ? 1 : (req.installments ?? null);
  const reference = bankReference(crypto.getRandomValues(new Uint8Array(8)));
  await insertPledge(
    db,
    {
      // A person giving as themselves is anonymous on the public ledger unless they choose to be named.
      id,
      recipientOrgId: recipient.id,
      funderOrgId,
      pledgerUserId: viewer.userId,
      anonymous: req.anonymous ?? funderOrgId === null,
      amount: req.amount.amount,
      currency: req.amount.currency,
      amountUsd: toUsdCents(req.amount, fx, today),
      interval: req.interval,
      installments,
      provider: provider.name,
      reference,
    },
    [
      auditInsert(db, {
        actorUserId: viewer.userId,
        action: "pledge.created",
        subjectType: "pledge",
        subjectId: id,
        data: {
          recipientOrgId: recipient.id,
          funderOrgId,
          amount: req.amount,
          interval: req.interval,
          installments,
          provider: provider.name,
        },
      }),
    ],
  );

  let started: PledgeStarted;
  try {
    started = await provider.start({
      pledgeId: id,
      reference,
      amount: req.amount,
      interval: req.interval,
      installments,
      productName: t("pledge.product", { org: recipient.name }),
      email: viewer.email,
      locale,
      origin,
    });
  } catch (e) {
    // The pledge never reached a payment page: it ends as failed rather than waiting for ever.
    await db.batch([setFacts(db, id, { endedAt: new Date().toISOString() }), refreshStatus(db, id)]);
    throw providerProblem(t, e);
  }
  if (started.kind === "instructions")
    return { pledge: (await findPledge(db, id))!, instructions: started.instructions };
  await setCheckoutSession(db, id, started.sessionId);
  return { pledge: (await findPledge(db, id))!, checkoutUrl: started.url };
};

/** The pledge and its payments, if the viewer may see it. */
export const viewPledge = async (db: Db, viewer: Viewer | null, id: string) => {
  const pledge = await findPledge(db, id);
  if (!pledge) throw new Problem(viewer ? 404 : 401);
  enforce(canViewPledge(viewer, pledge));
  const [recipient, entries] = await Promise.all([
    findOrgRecord(db, pledge.recipientOrgId),
    paymentsOf(db, id),
  ]);
  return { pledge, recipient: recipient!, payments: entries };
};

/** Stops a pending or running pledge: its provider stops collecting first, then the cancellation is recorded. */
export const cancelPledge = async (
  db: Db,
  t: Translate,
  viewer: Viewer | null,
  id: string,
  providers: PaymentProviders,
) => {
  const pledge = await findPledge(db, id);
  if (!pledge) throw new Problem(viewer ? 404 : 401);
  authorize(viewer, canCancelPledge(viewer, pledge));
  if (!canBeCancelled(pledge.status))
    throw new Problem(422, t("err.cannot_cancel"), [{ path: "status", message: t("err.cannot_cancel") }]);
  await stopCollecting(t, providers, pledge);
  await db.batch([
    setFacts(db, id, { cancelledAt: new Date().toISOString() }),
    refreshStatus(db, id),
    auditInsert(db, {
      actorUserId: viewer.userId,
      action: "pledge.cancelled",
      subjectType: "pledge",
      subjectId: id,
      data: { from: pledge.status },
    }),
  ]);
  return (await findPledge(db, id))!;
};

/**
 * Tells the pledge's provider to charge nothing more (a Stripe subscription cancelled, an unpaid Checkout
 * expired; nothing for a bank transfer); used by pledgers and by organisation deletion. If the provider
 * cannot be told, nothing has been recorded and the caller can try again.
 */
export const stopCollecting = async (
  t: Translate,
  providers: PaymentProviders,
  pledge: PledgeToStop & Pick<Pledge, "provider">,
) => {
  try {
    await providers.providerFor(pledge.provider).cancel(pledge);
  } catch (e) {
    throw providerProblem(t, e);
  }
};

/** An admin records a bank transfer that arrived for a manual pledge; the bank reference makes it count once. */
export const confirmManualPayment = async (
  db: Db,
  t: Translate,
  viewer: Viewer | null,
  id: string,
  p: TransferReport,
  providers: PaymentProviders,
) => {
  authorize(viewer, canAdminister(viewer));
  const pledge = await findPledgeRow(db, id);
  if (!pledge) throw new Problem(404);
  const errors: FieldError[] = [];
  if (pledge.provider !== "manual") errors.push({ path: "provider", message: t("err.not_manual") });
  const confirmed = providers.manual.confirm(pledge, p, Date.now());
  if (!confirmed.ok)
    for (const problem of confirmed.problems)
      errors.push({
        path: problem.path,
        message: t(problem.key, "params" in problem ? problem.params : undefined),
      });
  if (errors.length || !confirmed.ok) throw new Problem(422, t("err.cannot_record_payment"), errors);
  const { amount, at, reference, externalId } = confirmed.fact;
  const paymentId = newId();
  await db.batch([
    auditInsert(db, {
      actorUserId: viewer.userId,
      action: "payment.confirmed",
      subjectType: "pledge",
      subjectId: id,
      data: { paymentId, amount, reference },
    }),
    ...recordPayment(db, {
      id: paymentId,
      pledgeId: id,
      recipientOrgId: pledge.recipientOrgId,
      amount,
      amountUsd: toUsdCents(amount, await loadFxTable(db), dateOf(at)),
      at,
      provider: "manual",
      externalId,
      reference,
      confirmedBy: viewer.userId,
    }),
  ]);
  if (!(await paymentInserted(db, paymentId)))
    throw new Problem(409, t("err.payment_recorded"), [
      { path: "reference", message: t("err.payment_recorded") },
    ]);
  return {
    id: paymentId,
    pledgeId: id,
    kind: "payment" as const,
    amount,
    at,
    provider: "manual" as const,
    reference,
  };
};

/** The organisation's ledger: totals per currency and in USD, and every entry, anonymous pledgers unnamed. */
export const ledgerOf = async (db: Db, viewer: Viewer | null, orgId: string) => {
  const org = await findOrg(db, orgId);
  if (!org) throw new Problem(404);
  enforce(canViewOrg(viewer, org));
  const [pledgeRows, paymentRows, allSent] = await Promise.all([
    ledgerPledges(db, orgId),
    ledgerPayments(db, orgId),
    ledgerDisbursements(db, orgId),
  ]);
  // Money from a confidential call's award is on the ledger for the two sides only, totals included.
  const sentRows = allSent.filter(({ d, funderOrgId, confidential }) =>
    awardShownTo(viewer, { confidential, orgId: d.orgId, funderOrgId }),
  );
  // What each pledge has had paid in its own currency (a cancelled pledge counts only that as pledged).
  const currencyOf = new Map(pledgeRows.map(({ pledge: p }) => [p.id, p.currency]));
  const paidBy = new Map<string, number>();
  for (const p of paymentRows)
    if (p.kind === "payment" && p.currency === currencyOf.get(p.pledgeId))
      paidBy.set(p.pledgeId, (paidBy.get(p.pledgeId) ?? 0) + p.amount);
  const totals = ledgerTotals(
    pledgeRows.map(({ pledge: p }) => ({
      amount: { amount: p.amount, currency: p.currency },
      interval: p.interval,
      installments: p.installments,
      status: p.status,
      amountUsd: p.amountUsd,
    })),
    paymentRows.map((p) => ({ amount: { amount: p.amount, currency: p.currency }, usd: p.amountUsd })),
    pledgeRows.map(({ pledge: p }) => paidBy.get(p.id) ?? 0),
  );
  const named = new Map(
    pledgeRows.map(({ pledge: p, funder, funderVisibility }) => [
      p.id,
      pledgerShownTo(viewer, p, funderVisibility, funder),
    ]),
  );
  const entries = [
    ...pledgeRows.map(({ pledge: p }) => ({
      at: p.createdAt,
      kind: "pledge" as const,
      amount: { amount: p.amount, currency: p.currency },
      pledgeId: p.id,
      funder: named.get(p.id) ?? null,
      interval: p.interval,
      installments: p.interval === "once" ? 1 : p.installments,
      status: p.status,
    })),
    // Payments of pledges still pending (a bank transfer confirmed before anything else) are listed too.
    ...paymentRows.map((p) => ({
      at: p.at,
      kind: p.kind,
      amount: { amount: Math.abs(p.amount), currency: p.currency },
      pledgeId: p.pledgeId,
      funder: named.has(p.pledgeId) ? named.get(p.pledgeId)! : null,
    })),
    // Money sent to the group and what it confirmed: pooled pledge money names its pledger as the pledge
    // does; an award's funder is named only to those who may see the funder.
    ...sentRows.flatMap(({ d, r, funderOrgId, funderName, funderVisibility }) => {
      const funder = d.pledgeId
        ? (named.get(d.pledgeId) ?? null)
        : funderOrgId &&
            funderVisibility &&
            canViewOrg(viewer, { id: funderOrgId, visibility: funderVisibility }).ok
          ? funderName
          : null;
      const source = { pledgeId: d.pledgeId, awardId: d.awardId, funder };
      const sent = {
        at: `${d.sentOn}T00:00:00.000Z`,
        kind: "disbursement" as const,
        amount: { amount: d.amount, currency: d.currency },
        ...source,
      };
      if (!r) return [sent];
      const got = {
        at: `${r.receivedOn}T00:00:00.000Z`,
        kind: "receipt" as const,
        amount: { amount: r.amount, currency: r.currency },
        ...source,
      };
      return [sent, got];
    }),
  ].sort((a, b) => b.at.localeCompare(a.at));
  const out = moneyOutTotals(
    sentRows.map(({ d, r }) => ({
      amount: { amount: d.amount, currency: d.currency },
      usd: d.amountUsd,
      received: r && { amount: { amount: r.amount, currency: r.currency }, usd: r.amountUsd },
    })),
  );
  return {
    org,
    ledger: {
      orgId,
      totals: totals.currencies.map(({ currency, pledged, paid, refunded }) => ({
        currency,
        pledged,
        paid,
        refunded,
      })),
      totalsUsd: {
        pledged: totals.usd.pledged,
        paid: totals.usd.paid,
        refunded: totals.usd.refunded,
        complete: totals.usd.complete,
      },
      moneyOut: out,
      entries,
    },
  };
};

/** For "My account": pledges the viewer made (or their funder organisations made). */
export const myPledges = (db: Db, viewer: Viewer) =>
  pledgesBy(
    db,
    viewer.userId,
    viewer.memberships.filter((m) => m.orgKind === "funder").map((m) => m.orgId),
  );

/** For the admin page: bank-transfer pledges waiting for money. */
export const pledgesAwaitingTransfers = async (db: Db, viewer: Viewer | null) => {
  enforce(canAdminister(viewer));
  return openManualPledges(db);
};
