// The rapid-response promise on pages: the funder's "decide by" with an overdue flag, and the applicant's
// "a decision is promised by" line. Both read decideBy/overdue from the application view (null: no promise).
import { usePage } from "../context";
import { formatDate } from "../../worker/i18n";
import { daysOverdue, isUndecided } from "../../worker/domain/rapid";
import type { ApplicationStatus, Locale } from "../../schema/enums";

type Promised = { decideBy: string | null; overdue: boolean | null };

/** "2 days", "2 jours", "يومان": plural rules from Intl's unit formatting. */
const formatDays = (n: number, locale: Locale) =>
  new Intl.NumberFormat(locale, { style: "unit", unit: "day", unitDisplay: "long" }).format(n);

/** "Overdue by 2 days", flagged; nothing when not overdue. */
export const OverdueFlag = ({ decideBy, now = new Date() }: { decideBy: string; now?: Date }) => {
  const { t, locale } = usePage();
  return (
    <strong class="flag overdue">
      {t("rapid.overdue_by", { days: formatDays(daysOverdue(decideBy, now), locale) })}
    </strong>
  );
};

/** The funder's list cell: the promised date, and the flag once it has passed undecided. */
export const DecideBy = ({ app }: { app: Promised }) => {
  const { locale, timeZone } = usePage();
  if (!app.decideBy) return <>—</>;
  return (
    <>
      <time datetime={app.decideBy}>{formatDate(app.decideBy, locale, timeZone)}</time>
      {app.overdue && (
        <>
          {" · "}
          <OverdueFlag decideBy={app.decideBy} />
        </>
      )}
    </>
  );
};

/**
 * The applicant's page while the request waits: the promised date; once passed, that it is late and that
 * nothing more is asked of them.
 */
export const PromisedDecision = ({ app }: { app: Promised & { status: ApplicationStatus } }) => {
  const { t, locale, timeZone } = usePage();
  if (!app.decideBy || !isUndecided(app.status)) return null;
  const date = formatDate(app.decideBy, locale, timeZone);
  return (
    <p class={app.overdue ? "alert rapid-promise" : "rapid-promise"}>
      {t(app.overdue ? "rapid.promised_overdue" : "rapid.promised", { date })}
    </p>
  );
};
