// An organisation's public ledger: totals per currency and in US dollars — pledged → paid in, then
// disbursed → received — and every pledge, payment, refund, disbursement and confirmed receipt.
import { Scroll } from "../../components/Scroll";
import { Shell } from "../../layouts/Shell";
import { usePage } from "../../context";
import type { Money } from "../../../worker/domain/money";
import { formatDate } from "../../../worker/i18n";
import type { PledgeInterval, PledgeStatus } from "../../../schema/enums";
import type { OrgView } from "../../../schema/api/orgs";
import { Amount, Schedule } from "./amounts";
import { EntryTable } from "./entry-table";

type LedgerData = {
  totals: { currency: string; pledged: number; paid: number; refunded: number }[];
  totalsUsd: { pledged: number; paid: number; refunded: number; complete: boolean };
  moneyOut: {
    totals: { currency: string; disbursed: number; received: number }[];
    usd: { disbursed: number; received: number; complete: boolean };
  };
  entries: {
    at: string;
    kind: "pledge" | "payment" | "refund" | "disbursement" | "receipt";
    amount: Money;
    pledgeId: string | null;
    awardId?: string | null;
    funder: string | null;
    interval?: PledgeInterval;
    installments?: number | null;
    status?: PledgeStatus;
  }[];
};

/** Pledged, paid, refunded and net: a row per currency, then all of it in US dollars. */
const Totals = ({ ledger }: { ledger: LedgerData }) => {
  const { t } = usePage();
  const usd = (amount: number) => <Amount money={{ amount, currency: "USD" }} />;
  return (
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
    </>
  );
};

/** Money sent to the organisation and what it confirmed, per currency and in US dollars. */
const MoneyOut = ({ out }: { out: LedgerData["moneyOut"] }) => {
  const { t } = usePage();
  if (!out.totals.length) return null;
  const usd = (amount: number) => <Amount money={{ amount, currency: "USD" }} />;
  return (
    <Scroll>
      <table id="money-out">
        <thead>
          <tr>
            <th scope="col">{t("ledger.currency")}</th>
            <th scope="col">{t("ledger.disbursed")}</th>
            <th scope="col">{t("ledger.received")}</th>
          </tr>
        </thead>
        <tbody>
          {out.totals.map((r) => (
            <tr>
              <th scope="row">{r.currency}</th>
              <td>
                <Amount money={{ amount: r.disbursed, currency: r.currency }} />
              </td>
              <td>
                <Amount money={{ amount: r.received, currency: r.currency }} />
              </td>
            </tr>
          ))}
          <tr>
            <th scope="row">{t("ledger.in_usd")}</th>
            <td>{usd(out.usd.disbursed)}</td>
            <td>{usd(out.usd.received)}</td>
          </tr>
        </tbody>
      </table>
    </Scroll>
  );
};

/** Every entry, oldest first as given: a pledge reads as its schedule, the rest as an amount. */
const Entries = ({ entries }: { entries: LedgerData["entries"] }) => {
  const { t, locale, timeZone } = usePage();
  return (
    <>
      <h2>{t("ledger.entries")}</h2>
      <EntryTable last={t("ledger.funder")}>
        {entries.map((e) => (
          <tr>
            <td>{formatDate(e.at, locale, timeZone)}</td>
            <td>
              {e.awardId ? (
                <a href={`/awards/${e.awardId}`}>{t(`ledger.kind.${e.kind}`)}</a>
              ) : (
                t(`ledger.kind.${e.kind}`)
              )}
              {e.status && <> · {t(`pledge.status.${e.status}`)}</>}
            </td>
            <td>
              {e.kind === "pledge" && e.interval ? (
                <Schedule amount={e.amount} interval={e.interval} installments={e.installments ?? null} />
              ) : (
                <Amount money={e.amount} />
              )}
            </td>
            <td>
              <bdi>{e.funder ?? (e.awardId ? t("award.a_funder") : t("pledge.anonymous_label"))}</bdi>
            </td>
          </tr>
        ))}
      </EntryTable>
    </>
  );
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
  const { t } = usePage();
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
          <Totals ledger={ledger} />
          <MoneyOut out={ledger.moneyOut} />
          <Entries entries={ledger.entries} />
        </>
      )}
    </Shell>
  );
};
