// "Calls for us": the calls ranked for one CSO, each with why it does or does not fit.
import { Shell } from "../../layouts/Shell";
import { usePage } from "../../context";
import { CallCard } from "../../components/CallCard";
import { Reasons } from "../../components/Reasons";
import { NextPageLink } from "../../components/NextPageLink";
import type { CallSummaryView } from "../../../schema/api/calls";
import type { OrgView } from "../../../schema/api/orgs";
import { Score, type Scored } from "./score";

export const OrgMatchesPage = ({
  org,
  items,
  nextCursor,
  total,
  eligibleCount,
}: {
  org: OrgView;
  items: (Scored & { call: CallSummaryView })[];
  nextCursor: string | null;
  total: number;
  eligibleCount: number;
}) => {
  const { t } = usePage();
  return (
    <Shell title={t("match.for_org_title", { org: org.name })}>
      <h1>{t("match.for_org_title", { org: org.name })}</h1>
      <p>{t("match.for_org_summary", { eligible: eligibleCount, total })}</p>
      <p class="muted">{t("match.how_ranked")}</p>
      {items.length === 0 ? (
        <p>{t("call.none")}</p>
      ) : (
        <ul class="cards">
          {items.map((m) => (
            <CallCard call={m.call}>
              <Score m={m} />
              <details open={m.eligible}>
                <summary>{t("match.why")}</summary>
                <Reasons reasons={m.reasons} />
              </details>
            </CallCard>
          ))}
        </ul>
      )}
      <NextPageLink href={nextCursor ? `/orgs/${org.id}/matches?cursor=${nextCursor}` : null} />
    </Shell>
  );
};
