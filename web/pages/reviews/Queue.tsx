// The reviewer's queue: applications to review first, then those scored, then those handed back with a
// declared conflict. Each is named by its call and its anonymous reference, never by who applied.
import { Shell } from "../../layouts/Shell";
import { usePage } from "../../context";
import { Notice } from "../../components/form";
import type { ReviewItemView } from "../../../schema/api/reviews";

export const ReviewStatus = ({ item }: { item: ReviewItemView }) => {
  const { t } = usePage();
  if (item.status === "done")
    return <span class="tag">{t("review.status_done", { score: item.score ?? 0 })}</span>;
  if (item.status === "conflict") return <span class="tag">{t("review.status_conflict")}</span>;
  return <span class="tag">{t("review.status_assigned")}</span>;
};

export const ReviewQueuePage = ({ items, notice }: { items: ReviewItemView[]; notice?: string }) => {
  const { t } = usePage();
  return (
    <Shell title={t("review.queue_title")}>
      <h1>{t("review.queue_title")}</h1>
      {notice && <Notice>{notice}</Notice>}
      <p class="muted">{t("review.queue_intro")}</p>
      {items.length ? (
        <ul class="cards">
          {items.map((item) => (
            <li class="card">
              <p>
                <a href={`/reviews/${item.id}`}>
                  <bdi>{item.call.title}</bdi>
                </a>
              </p>
              <p class="muted">
                <bdi>{item.application.ref}</bdi> · <ReviewStatus item={item} />
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{t("review.queue_empty")}</p>
      )}
    </Shell>
  );
};
