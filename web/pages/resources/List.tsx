// The library: the search box and filters, then the resources found. For admins and coordinators the same
// page with ?status=pending is their moderation queue, each resource with Publish and Reject.
import { Shell } from "../../layouts/Shell";
import { usePage } from "../../context";
import { Notice, SelectField } from "../../components/form";
import { SearchForm, ThemeFilter } from "../../components/ListFilters";
import { NextPageLink } from "../../components/NextPageLink";
import { LANGUAGE_NAMES } from "../../components/languages";
import { LOCALES } from "../../../schema/enums";
import type { ResourceView } from "../../../schema/api/resources";
import { ModerationButtons, ResourceCard } from "./card";

export const ResourceListPage = ({
  items,
  nextCursor,
  filters,
  queue,
  moderator,
  notice,
}: {
  items: ResourceView[];
  nextCursor: string | null;
  /** The filters as given (q, theme, language, status), for the form and the next page's link. */
  filters: Record<string, string>;
  /** This is the moderation queue (status=pending). */
  queue: boolean;
  /** The viewer moderates (link to the queue). */
  moderator: boolean;
  notice?: string;
}) => {
  const { t, viewer } = usePage();
  const title = t(queue ? "resource.queue_title" : "resource.list_title");
  const nextHref = nextCursor
    ? `/resources?${new URLSearchParams({ ...filters, cursor: nextCursor })}`
    : null;
  return (
    <Shell title={title}>
      <h1>{title}</h1>
      {notice && <Notice>{notice}</Notice>}
      {(viewer || queue) && (
        <p>
          {viewer && !queue && <a href="/resources/new">{t("resource.post")}</a>}
          {moderator && !queue && (
            <>
              {" · "}
              <a href="/resources?status=pending">{t("resource.queue_title")}</a>
            </>
          )}
          {queue && <a href="/resources">{t("resource.list_title")}</a>}
        </p>
      )}
      <SearchForm action="/resources" searchLabel={t("resource.search")} q={filters.q}>
        {queue && <input type="hidden" name="status" value="pending" />}
        <ThemeFilter value={filters.theme} />
        <SelectField
          name="language"
          label={t("resource.language")}
          value={filters.language}
          blank={t("org.all")}
          options={LOCALES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
        />
      </SearchForm>
      {items.length === 0 ? (
        <p>{t(queue ? "resource.queue_empty" : "resource.none")}</p>
      ) : (
        <ul class="cards">
          {items.map((r) => (
            <ResourceCard r={r}>{queue && <ModerationButtons id={r.id} />}</ResourceCard>
          ))}
        </ul>
      )}
      <NextPageLink href={nextHref} />
    </Shell>
  );
};
