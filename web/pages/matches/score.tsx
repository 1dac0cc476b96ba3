// A match's verdict as both sides read it: eligible or not, the score, and whether the group was invited.
import { usePage } from "../../context";
import type { ReasonView } from "../../components/Reasons";

export type Scored = { eligible: boolean; score: number; reasons: ReasonView[]; invited: boolean };

export const Score = ({ m }: { m: Scored }) => {
  const { t } = usePage();
  return (
    <p>
      <span class={m.eligible ? "badge-ok" : "badge-no"}>
        {m.eligible ? t("match.eligible") : t("match.not_eligible")}
      </span>{" "}
      <span class="score">{t("match.score", { score: m.score })}</span>
      {m.invited && (
        <>
          {" "}
          · <strong>{t("match.invited")}</strong>
        </>
      )}
    </p>
  );
};
