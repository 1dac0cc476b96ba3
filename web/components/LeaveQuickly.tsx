// The "Leave quickly" link at the top of every rapid-response page (the call, the apply form, the
// application). A plain link without script; with the island it replaces the page in the history.
// rel="noreferrer": the neutral site is not told which page the person left.
import { usePage } from "../context";
import { leaveQuicklyHref } from "../islands/leave-quickly";
import { NEUTRAL_SITE_URL } from "./neutral-site";

export const LeaveQuickly = ({ call }: { call: { kind: string } }) => {
  const { t } = usePage();
  if (call.kind !== "rapid") return null;
  return (
    <p class="leave-quickly">
      <a id="leave-quickly" class="button" href={NEUTRAL_SITE_URL} rel="noreferrer">
        {t("rapid.leave_quickly")}
      </a>{" "}
      <span class="muted">{t("rapid.leave_quickly_hint")}</span>
      <script src={leaveQuicklyHref} defer />
    </p>
  );
};
