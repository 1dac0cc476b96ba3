// On the funder's decision form for a panel or peer call: where the panel ranks this application, and
// that a decision departing from the ranking must say why in a note published with the tally.
import { usePage } from "../../context";
import { formatNumber } from "../../../worker/i18n";

export type TallyLine = { rank: number; of: number; meanScore: number | null; reviews: number };

export const DecisionHint = ({ line }: { line: TallyLine }) => {
  const { t, locale } = usePage();
  const rank = formatNumber(line.rank, locale);
  const n = formatNumber(line.of, locale);
  return (
    <div class="notice">
      <p>
        {line.meanScore === null
          ? t("tally.hint_unreviewed", { rank, n })
          : t("tally.hint_rank", {
              rank,
              n,
              mean: formatNumber(line.meanScore, locale),
              reviews: formatNumber(line.reviews, locale),
            })}
      </p>
      <p>{t("tally.hint_note")}</p>
    </div>
  );
};
