// Matching reasons as a list: met ones with a check, unmet ones with a cross (and words, not only colour).
import { usePage } from "../context";

export type ReasonView = { criterion: string; met: boolean; detail: string };

export const Reasons = ({ reasons }: { reasons: ReasonView[] }) => {
  const { t } = usePage();
  return (
    <ul class="reasons">
      {reasons.map((r) => (
        <li class={r.met ? "met" : "unmet"}>
          <span aria-hidden="true">{r.met ? "✓" : "✗"}</span>{" "}
          <span class="sr-only">{r.met ? t("match.met") : t("match.unmet")}: </span>
          {r.detail}
        </li>
      ))}
    </ul>
  );
};
