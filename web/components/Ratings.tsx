// How groups that applied rate a funder: three means out of 5 and their comments, or — while fewer than k
// groups have rated — only that it is not published yet (never how many have rated so far).
import { usePage } from "../context";
import { formatNumber } from "../../worker/i18n";
import type { FunderRatingsView } from "../../schema/api/feedback";

const SCORES = [
  ["easeOfApplying", "rating.ease"],
  ["respect", "rating.respect"],
  ["speed", "rating.speed"],
] as const;

export const RatingsSummary = ({ summary }: { summary: FunderRatingsView }) => {
  const { t, locale } = usePage();
  if (summary.suppressed) return <p class="muted">{t("rating.suppressed", { k: summary.k })}</p>;
  return (
    <>
      <ul class="metrics">
        {SCORES.map(([key, label]) => (
          <li>
            {t(label)}
            <strong>{t("rating.out_of_5", { value: formatNumber(summary[key] ?? 0, locale) })}</strong>
          </li>
        ))}
      </ul>
      <p class="muted">{t("rating.raters", { count: formatNumber(summary.raters ?? 0, locale) })}</p>
      {summary.comments.length > 0 && (
        <>
          <h3>{t("rating.comments")}</h3>
          <ul>
            {summary.comments.map((comment) => (
              <li class="pre" dir="auto">
                {comment}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
};
