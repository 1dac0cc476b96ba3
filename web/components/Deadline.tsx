// A call's deadline in the viewer's time zone, with how long is left; a rolling (rapid-response) call
// has none and says how soon it decides instead.
import { usePage } from "../context";
import { formatInstantWithZone, formatDaysFromNow } from "../../worker/i18n";
import { daysLeft } from "../../worker/domain/calls";

export const Deadline = ({
  iso,
  within,
  now = new Date(),
}: {
  iso: string | null;
  /** A rolling call's promised decision time, in days. */
  within?: number | null;
  now?: Date;
}) => {
  const { t, locale, timeZone } = usePage();
  if (iso === null)
    return (
      <span class="deadline rolling">
        {t("call.rolling")}
        {within ? ` · ${t("call.decision_within", { days: within })}` : ""}
      </span>
    );
  const days = daysLeft(iso, now);
  return (
    <span class="deadline">
      <time datetime={iso}>{formatInstantWithZone(iso, locale, timeZone)}</time>
      {" · "}
      <strong class={days !== null && days < 7 ? "soon" : undefined}>
        {days === null
          ? t("call.deadline_passed")
          : t("call.closes", { when: formatDaysFromNow(days, locale) })}
      </strong>
    </span>
  );
};
