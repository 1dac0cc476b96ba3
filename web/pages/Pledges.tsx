// Pledge pages: the pledge form, one pledge (status, bank instructions, payments, cancel, admin
// confirmation), and an organisation's public ledger. All plain forms; no JavaScript.
import { Scroll } from "../components/Scroll";
import { Shell } from "../layouts/Shell";
import { usePage } from "../context";
import {
  ErrorSummary,
  Notice,
  TextField,
  SelectField,
  ChoiceGroup,
  type FormErrors,
} from "../components/form";
import { CurrencyInput, CurrencyList } from "../components/CurrencyInput";
import { formatMoney, type Money } from "../../worker/domain/money";
import { formatDate, formatDateTime } from "../../worker/i18n";
import { PLEDGE_INTERVALS, type PledgeInterval, type PledgeStatus } from "../../schema/enums";
import type { OrgView } from "../../schema/api/orgs";
import type { PledgeView } from "../../schema/api/pledges";

export type PledgeFormValues = {
  funderOrgId: string;
  amount: string;
  currency: string;
  interval: string;
  installments: string;
  anonymous: boolean;
};

const Amount = ({ money }: { money: Money }) => {
  const { locale } = usePage();
  return <bdi>{formatMoney(money, locale)}</bdi>;
};

const PledgeStatusBadge = ({ status }: { status: PledgeStatus }) => {
  const { t } = usePage();
  return <span class={`status status-${status}`}>{t(`pledge.status.${status}`)}</span>;
};

/** "100 USD every month, 12 installments" in the reader's language. */
const Schedule = ({
  amount,
  interval,
  installments,
}: {
  amount: Money;
  interval: PledgeInterval;
  installments: number | null;
}) => {
  const { t, locale } = usePage();
  const money = formatMoney(amount, locale);
  if (interval === "once") return <>{t("pledge.schedule_once", { amount: money })}</>;
  const every = t(interval === "month" ? "pledge.every_month" : "pledge.every_year", { amount: money });
  return (
    <>
      {every} ·{" "}
      {installments === null
        ? t("pledge.until_cancelled")
        : t("pledge.installments_count", { count: installments })}
    </>
  );
};

type FormProps = {
  org: OrgView;
  funders: { id: string; name: string }[];
  values: PledgeFormValues;
  errors?: FormErrors;
  viaStripe: boolean;
};

export const PledgeFormPage = ({ org, funders, values, errors, viaStripe }: FormProps) => {
  const { t, viewer } = usePage();
  return (
    <Shell title={t("pledge.title")}>
      <h1>{t("pledge.title")}</h1>
      <p>
        {t("pledge.to")}{" "}
        <a href={`/orgs/${org.id}`}>
          <bdi>{org.name}</bdi>
        </a>
      </p>
      <p class="muted">{t("pledge.intro")}</p>
      <ErrorSummary errors={errors} />
      <form class="stack" method="post" action={`/orgs/${org.id}/pledge`} novalidate>
        <SelectField
          name="funderOrgId"
          label={t("pledge.as")}
          value={values.funderOrgId}
          options={[
            { value: "", label: t("pledge.as_self", { name: viewer?.name ?? "" }) },
            ...funders.map((f) => ({ value: f.id, label: f.name })),
          ]}
          errors={errors}
        />
        <div class="row">
          <TextField
            name="amount"
            label={t("pledge.amount")}
            value={values.amount}
            inputmode="decimal"
            required
            errors={errors}
          />
          <CurrencyInput
            name="currency"
            label={t("pledge.currency")}
            value={values.currency}
            errors={errors}
          />
        </div>
        <CurrencyList />
        <ChoiceGroup
          type="radio"
          name="interval"
          label={t("pledge.interval")}
          values={[values.interval]}
          required
          options={PLEDGE_INTERVALS.map((i) => ({ value: i, label: t(`pledge.interval.${i}`) }))}
          errors={errors}
        />
        <TextField
          name="installments"
          label={t("pledge.installments")}
          hint={t("pledge.installments_hint")}
          value={values.installments}
          inputmode="numeric"
          errors={errors}
        />
        <div class="field">
          <label>
            <input
              type="checkbox"
              name="anonymous"
              value="on"
              checked={values.anonymous}
              aria-describedby="anonymous-hint"
            />{" "}
            {t("pledge.anonymous")}
          </label>
          <span class="hint" id="anonymous-hint">
            {t("pledge.anonymous_hint")}
          </span>
        </div>
        <p class="muted">{viaStripe ? t("pledge.via_stripe") : t("pledge.via_bank")}</p>
        <p>
          <button type="submit">{viaStripe ? t("pledge.submit_stripe") : t("pledge.submit_bank")}</button>
        </p>
      </form>
    </Shell>
  );
};

type Entry = {
  id: string;
  kind: "payment" | "refund";
  amount: number;
  currency: string;
  at: string;
  reference: string | null;
};

type PledgeProps = {
  pledge: PledgeView;
  recipient: OrgView;
  funderName: string | null;
  payments: Entry[];
  instructions: { payTo: string; reference: string; amount: Money } | null;
  canCancel: boolean;
  canConfirm: boolean;
  checkout?: string;
  notice?: string;
  errors?: FormErrors;
  confirmValues?: { amount: string; receivedAt: string; reference: string };
};

export const PledgePage = (p: PledgeProps) => {
  const { t, locale, timeZone } = usePage();
  const { pledge } = p;
  return (
    <Shell title={t("pledge.heading", { reference: pledge.reference })}>
      <h1>{t("pledge.heading", { reference: pledge.reference })}</h1>
      {p.checkout === "success" && <Notice>{t("pledge.checkout_success")}</Notice>}
      {p.checkout === "cancelled" && <Notice>{t("pledge.checkout_cancelled")}</Notice>}
      {p.notice && <Notice>{p.notice}</Notice>}
      <p>
        <PledgeStatusBadge status={pledge.status} /> ·{" "}
        <Schedule amount={pledge.amount} interval={pledge.interval} installments={pledge.installments} />
      </p>
      <dl class="facts">
        <dt>{t("pledge.recipient")}</dt>
        <dd>
          <a href={`/orgs/${p.recipient.id}`}>
            <bdi>{p.recipient.name}</bdi>
          </a>{" "}
          · <a href={`/orgs/${p.recipient.id}/ledger`}>{t("pledge.open_ledger")}</a>
        </dd>
        <dt>{t("pledge.funder")}</dt>
        <dd>
          <bdi>{p.funderName ?? t("pledge.anonymous_label")}</bdi>
          {pledge.anonymous && p.funderName && <> ({t("pledge.anonymous_label")})</>}
        </dd>
        <dt>{t("pledge.paid")}</dt>
        <dd>
          <Amount money={pledge.paid} /> · {t("pledge.payments_count", { count: pledge.paymentsCount })}
        </dd>
        {pledge.refunded.amount > 0 && (
          <>
            <dt>{t("pledge.refunded")}</dt>
            <dd>
              <Amount money={pledge.refunded} />
            </dd>
          </>
        )}
        <dt>{t("pledge.created")}</dt>
        <dd>{formatDateTime(pledge.createdAt, locale, timeZone)}</dd>
      </dl>
      {pledge.failedPayments > 0 && (
        <p class="error">{t("pledge.failed_payments", { count: pledge.failedPayments })}</p>
      )}

      {p.instructions && (
        <section class="card" aria-labelledby="bank">
          <h2 id="bank">{t("pledge.bank_title")}</h2>
          <dl class="facts">
            <dt>{t("pledge.bank_pay_to")}</dt>
            <dd class="pre">{p.instructions.payTo}</dd>
            <dt>{t("pledge.bank_reference")}</dt>
            <dd>
              <strong>
                <bdi>{p.instructions.reference}</bdi>
              </strong>
            </dd>
            <dt>{t("pledge.bank_amount")}</dt>
            <dd>
              <Amount money={p.instructions.amount} />
            </dd>
          </dl>
          <p class="muted">{t("pledge.bank_note")}</p>
        </section>
      )}

      <h2>{t("pledge.payments")}</h2>
      {p.payments.length ? (
        <Scroll>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("pledge.date")}</th>
                <th scope="col">{t("ledger.kind")}</th>
                <th scope="col">{t("pledge.amount_col")}</th>
                <th scope="col">{t("pledge.reference")}</th>
              </tr>
            </thead>
            <tbody>
              {p.payments.map((e) => (
                <tr>
                  <td>{formatDate(e.at, locale, timeZone)}</td>
                  <td>{t(`ledger.kind.${e.kind}`)}</td>
                  <td>
                    <Amount money={{ amount: Math.abs(e.amount), currency: e.currency }} />
                  </td>
                  <td>
                    <bdi>{e.reference ?? ""}</bdi>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Scroll>
      ) : (
        <p class="muted">{t("pledge.no_payments")}</p>
      )}

      {p.canCancel && (
        <form method="post" action={`/pledges/${pledge.id}/cancel`} class="stack">
          <p class="muted">{t("pledge.cancel_hint")}</p>
          <p>
            <button type="submit" class="secondary">
              {t("pledge.cancel")}
            </button>
          </p>
        </form>
      )}

      {p.canConfirm && (
        <section aria-labelledby="confirm">
          <h2 id="confirm">{t("pledge.confirm_title")}</h2>
          <ErrorSummary errors={p.errors} />
          <form class="stack" method="post" action={`/pledges/${pledge.id}/payments`} novalidate>
            <div class="row">
              <TextField
                name="amount"
                label={t("pledge.amount_col")}
                value={p.confirmValues?.amount ?? ""}
                inputmode="decimal"
                required
                errors={p.errors}
              />
              <CurrencyInput
                name="currency"
                label={t("pledge.currency")}
                value={pledge.amount.currency}
                errors={p.errors}
              />
            </div>
            <TextField
              name="receivedAt"
              type="date"
              label={t("pledge.received_at")}
              value={p.confirmValues?.receivedAt ?? ""}
              required
              errors={p.errors}
            />
            <TextField
              name="reference"
              label={t("pledge.bank_ref_field")}
              value={p.confirmValues?.reference ?? pledge.reference}
              required
              maxLength={100}
              errors={p.errors}
            />
            <p>
              <button type="submit">{t("pledge.confirm_submit")}</button>
            </p>
          </form>
        </section>
      )}
    </Shell>
  );
};

type LedgerData = {
  totals: { currency: string; pledged: number; paid: number; refunded: number }[];
  totalsUsd: { pledged: number; paid: number; refunded: number; complete: boolean };
  entries: {
    at: string;
    kind: "pledge" | "payment" | "refund" | "disbursement";
    amount: Money;
    pledgeId: string;
    funder: string | null;
    interval?: PledgeInterval;
    installments?: number | null;
    status?: PledgeStatus;
  }[];
};

export const LedgerPage = ({
  org,
  ledger,
  canPledge,
}: {
  org: OrgView;
  ledger: LedgerData;
  canPledge: boolean;
}) => {
  const { t, locale, timeZone } = usePage();
  const usd = (amount: number) => <Amount money={{ amount, currency: "USD" }} />;
  return (
    <Shell title={t("ledger.title")}>
      <h1>{t("ledger.title")}</h1>
      <p>
        <a href={`/orgs/${org.id}`}>
          <bdi>{org.name}</bdi>
        </a>
      </p>
      <p class="muted">{t("ledger.intro")}</p>
      {canPledge && (
        <p>
          <a class="button" href={`/orgs/${org.id}/pledge`}>
            {t("org.pledge")}
          </a>
        </p>
      )}
      {ledger.entries.length === 0 ? (
        <p class="muted">{t("ledger.empty")}</p>
      ) : (
        <>
          <h2>{t("ledger.totals")}</h2>
          <Scroll>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("ledger.currency")}</th>
                  <th scope="col">{t("ledger.pledged")}</th>
                  <th scope="col">{t("ledger.paid")}</th>
                  <th scope="col">{t("ledger.refunded")}</th>
                  <th scope="col">{t("ledger.net")}</th>
                </tr>
              </thead>
              <tbody>
                {ledger.totals.map((r) => {
                  const m = (amount: number) => <Amount money={{ amount, currency: r.currency }} />;
                  return (
                    <tr>
                      <th scope="row">{r.currency}</th>
                      <td>{m(r.pledged)}</td>
                      <td>{m(r.paid)}</td>
                      <td>{m(r.refunded)}</td>
                      <td>{m(r.paid - r.refunded)}</td>
                    </tr>
                  );
                })}
                <tr>
                  <th scope="row">{t("ledger.in_usd")}</th>
                  <td>{usd(ledger.totalsUsd.pledged)}</td>
                  <td>{usd(ledger.totalsUsd.paid)}</td>
                  <td>{usd(ledger.totalsUsd.refunded)}</td>
                  <td>{usd(ledger.totalsUsd.paid - ledger.totalsUsd.refunded)}</td>
                </tr>
              </tbody>
            </table>
          </Scroll>
          {!ledger.totalsUsd.complete && <p class="muted">{t("ledger.usd_incomplete")}</p>}
          <p class="muted">{t("ledger.open_ended_note")}</p>
          <h2>{t("ledger.entries")}</h2>
          <Scroll>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("pledge.date")}</th>
                  <th scope="col">{t("ledger.kind")}</th>
                  <th scope="col">{t("pledge.amount_col")}</th>
                  <th scope="col">{t("ledger.funder")}</th>
                </tr>
              </thead>
              <tbody>
                {ledger.entries.map((e) => (
                  <tr>
                    <td>{formatDate(e.at, locale, timeZone)}</td>
                    <td>
                      {t(`ledger.kind.${e.kind}`)}
                      {e.status && <> · {t(`pledge.status.${e.status}`)}</>}
                    </td>
                    <td>
                      {e.kind === "pledge" && e.interval ? (
                        <Schedule
                          amount={e.amount}
                          interval={e.interval}
                          installments={e.installments ?? null}
                        />
                      ) : (
                        <Amount money={e.amount} />
                      )}
                    </td>
                    <td>
                      <bdi>{e.funder ?? t("pledge.anonymous_label")}</bdi>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Scroll>
        </>
      )}
    </Shell>
  );
};

/** "Your pledges" on My account, and the admin's list of bank transfers to confirm. */
export const PledgeList = ({
  items,
  empty,
}: {
  items: {
    pledge: {
      id: string;
      reference: string;
      amount: number;
      currency: string;
      interval: PledgeInterval;
      installments: number | null;
      status: PledgeStatus;
    };
    recipientName: string;
  }[];
  empty: string;
}) => {
  const { t } = usePage();
  if (!items.length) return <p class="muted">{empty}</p>;
  return (
    <ul>
      {items.map(({ pledge: p, recipientName }) => (
        <li>
          <a href={`/pledges/${p.id}`}>
            <bdi>{p.reference}</bdi>
          </a>{" "}
          → <bdi>{recipientName}</bdi> ·{" "}
          <Schedule
            amount={{ amount: p.amount, currency: p.currency }}
            interval={p.interval}
            installments={p.interval === "once" ? 1 : p.installments}
          />{" "}
          · {t(`pledge.status.${p.status}`)}
        </li>
      ))}
    </ul>
  );
};
