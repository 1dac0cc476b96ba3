// A list of pledges, one line each: "Your pledges" on My account, and the admin's bank transfers to confirm.
import { usePage } from "../../context";
import type { PledgeInterval, PledgeStatus } from "../../../schema/enums";
import { Schedule } from "./amounts";

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
