// One resource: what it is, who posted it (if that organisation is public), where to get it, and for a
// moderator looking at a pending one, Publish and Reject.
import { Shell } from "../../layouts/Shell";
import { usePage } from "../../context";
import { Notice } from "../../components/form";
import type { ResourceView } from "../../../schema/api/resources";
import { Facts, GetIt, ModerationButtons } from "./card";

export const ResourceViewPage = ({
  r,
  canModerate,
  notice,
}: {
  r: ResourceView;
  canModerate: boolean;
  notice?: string;
}) => {
  const { t } = usePage();
  return (
    <Shell title={r.title}>
      <p>
        <a href="/resources">{t("resource.list_title")}</a>
      </p>
      <h1 dir="auto">{r.title}</h1>
      {notice && <Notice>{notice}</Notice>}
      {r.status !== "published" && <p class="tag">{t(`resource.status.${r.status}`)}</p>}
      <Facts r={r} />
      <p dir="auto" class="pre">
        {r.summary}
      </p>
      {r.themes.length > 0 && (
        <p>
          {r.themes.map((th) => (
            <span class="tag">{t(`theme.${th}`)}</span>
          ))}
        </p>
      )}
      <GetIt r={r} />
      {canModerate && r.status === "pending" && <ModerationButtons id={r.id} />}
    </Shell>
  );
};
