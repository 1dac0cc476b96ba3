// What the community sent a group, for its owners: newest first, each with the day it came (no sender,
// no time of day: Sanad has neither).
import { Shell } from "../../layouts/Shell";
import { usePage } from "../../context";
import { formatDate } from "../../../worker/i18n";
import type { OrgView } from "../../../schema/api/orgs";
import type { FeedbackItemView } from "../../../schema/api/feedback";

export const FeedbackListPage = ({ org, items }: { org: OrgView; items: FeedbackItemView[] }) => {
  const { t, locale } = usePage();
  return (
    <Shell title={t("feedback.list_title")}>
      <h1>{t("feedback.list_title")}</h1>
      <p>
        <a href={`/orgs/${org.id}`}>
          <bdi>{org.name}</bdi>
        </a>
      </p>
      <p class="muted">{t("feedback.list_intro")}</p>
      {items.length ? (
        <ul class="cards">
          {items.map((f) => (
            <li class="card">
              <p class="muted">
                {/* A day, not an instant: shown as stored, whatever the viewer's time zone. */}
                <time datetime={f.createdAt}>{formatDate(f.createdAt, locale, "UTC")}</time>
              </p>
              <p class="pre" dir="auto">
                {f.text}
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{t("feedback.none")}</p>
      )}
    </Shell>
  );
};
