// The call an application answers, in one line: title, funder, grant range, deadline.
import { usePage } from "../../context";
import { CallGives } from "../../components/Offer";
import { Deadline } from "../../components/Deadline";
import type { CallView } from "../../../schema/api/calls";

export const CallLine = ({ call }: { call: CallView }) => {
  const { t } = usePage();
  return (
    <p class="muted">
      <a href={`/calls/${call.id}`}>
        <bdi>{call.title}</bdi>
      </a>{" "}
      · <bdi>{call.funderName ?? t("call.undisclosed_funder")}</bdi> · <CallGives call={call} /> ·{" "}
      {t("call.deadline")}: <Deadline iso={call.deadline} within={call.decisionWithinDays} />
    </p>
  );
};
