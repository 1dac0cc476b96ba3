// The funder's account page: rapid-response requests still waiting, per call, the most urgent first.
// Deliberately names no applicant (the call's list does, for those who open it).
import { usePage } from "../context";
import { formatDate, formatNumber } from "../../worker/i18n";
import { OverdueFlag } from "./RapidPromise";

export type RapidWaitingItem = {
  callId: string;
  callTitle: string;
  count: number;
  decideBy: string;
  overdue: boolean;
};

export const RapidWaiting = ({ items }: { items: RapidWaitingItem[] }) => {
  const { t, locale, timeZone } = usePage();
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="rapid-waiting">
      <h2 id="rapid-waiting">{t("rapid.waiting_title")}</h2>
      <ul>
        {items.map((w) => (
          <li>
            <a href={`/calls/${w.callId}/applications`}>
              <bdi>{w.callTitle}</bdi>
            </a>
            {" · "}
            {t("rapid.waiting_line", {
              count: formatNumber(w.count, locale),
              date: formatDate(w.decideBy, locale, timeZone),
            })}
            {w.overdue && (
              <>
                {" · "}
                <OverdueFlag decideBy={w.decideBy} />
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
};
