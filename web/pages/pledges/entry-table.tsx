// The tables of money movements on a pledge's page and on a ledger: date, kind, amount and one more column.
import type { ComponentChildren } from "preact";
import { Scroll } from "../../components/Scroll";
import { usePage } from "../../context";

/** `last`: the fourth column's heading (the bank reference, or the funder); `children`: the rows. */
export const EntryTable = ({ last, children }: { last: string; children: ComponentChildren }) => {
  const { t } = usePage();
  return (
    <Scroll>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("pledge.date")}</th>
            <th scope="col">{t("ledger.kind")}</th>
            <th scope="col">{t("pledge.amount_col")}</th>
            <th scope="col">{last}</th>
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </Scroll>
  );
};
