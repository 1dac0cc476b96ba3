// A call's deadline in the viewer's time zone, with how long is left.
import { usePage } from "../context";
import { formatInstantWithZone, formatDaysFromNow } from "../../worker/i18n";
import { daysLeft } from "../../worker/domain/calls";

export const Deadline = ({ iso, now = new Date() }: { iso: string; now?: Date }) => {
  const { t, locale, timeZone } = usePage();
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
