// The call page's way to the review tally: for panel and peer calls, the funder's people once review
// opens, everyone once it is published (a confidential call's only to those who took part: the link
// goes to the funder's people; its reviewers reach it from their queue).
import { usePage } from "../../context";
import type { CallView } from "../../../schema/api/calls";

export const TallyLink = ({ call, canManage }: { call: CallView; canManage: boolean }) => {
  const { t } = usePage();
  const { mode, openedAt, tallyPublishedAt } = call.review;
  const published = tallyPublishedAt && !call.confidential;
  if (mode === "funder" || !(published || (canManage && openedAt))) return null;
  return (
    <p>
      <a class="button secondary" href={`/calls/${call.id}/tally`}>
        {t("tally.link")}
      </a>
    </p>
  );
};
