// One call in a list: title, funder, amount, type and deadline.
import type { ComponentChildren } from "preact";
import { usePage } from "../context";
import { Deadline } from "./Deadline";
import { CallGives } from "./Offer";
import type { CallSummaryView } from "../../schema/api/calls";
import { formatMonths } from "../../worker/i18n";

export const CallCard = ({ call, children }: { call: CallSummaryView; children?: ComponentChildren }) => {
  const { t, locale } = usePage();
  return (
    <li class="card">
      <h2 dir="auto">
        <a href={`/calls/${call.id}`}>{call.title}</a>
      </h2>
      <p class="muted">
        <bdi>{call.funderName ?? t("call.undisclosed_funder")}</bdi> · {t(`funding.${call.fundingType}`)} ·{" "}
        {formatMonths(call.durationMonths, locale)}
      </p>
      <p>
        <CallGives call={call} /> · <Deadline iso={call.deadline} within={call.decisionWithinDays} />
      </p>
      {call.themes.length > 0 && (
        <p>
          {call.themes.slice(0, 4).map((th) => (
            <span class="tag">{t(`theme.${th}`)}</span>
          ))}
        </p>
      )}
      {children}
    </li>
  );
};
