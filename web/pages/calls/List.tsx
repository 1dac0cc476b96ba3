// The open-call list with its search and filters.
import { Shell } from "../../layouts/Shell";
import { usePage } from "../../context";
import { SelectField } from "../../components/form";
import { SearchForm, CountryFilter, ThemeFilter } from "../../components/ListFilters";
import { CallCard } from "../../components/CallCard";
import { NextPageLink } from "../../components/NextPageLink";
import type { CallSummaryView } from "../../../schema/api/calls";
import { FUNDING_TYPES } from "../../../schema/enums";
import { callFeedLinks } from "./feed-links";

export const CallListPage = ({
  items,
  nextCursor,
  filters,
  countries,
}: {
  items: CallSummaryView[];
  nextCursor: string | null;
  filters: Record<string, string>;
  countries: { code: string; name: string }[];
}) => {
  const { t } = usePage();
  const nextHref = nextCursor ? `/calls?${new URLSearchParams({ ...filters, cursor: nextCursor })}` : null;
  const feeds = callFeedLinks(filters);
  return (
    <Shell
      title={t("call.list_title")}
      head={feeds.map((f) => (
        <link rel="alternate" type={f.type} href={f.href} title={`${t("feed.title")} (${t(f.label)})`} />
      ))}
    >
      <h1>{t("call.list_title")}</h1>
      <p>
        <a href="/check">{t("check.link")}</a>
      </p>
      <SearchForm action="/calls" searchLabel={t("call.search")} q={filters.q}>
        <CountryFilter label={t("call.open_to_country")} value={filters.country} countries={countries} />
        <ThemeFilter value={filters.theme} />
        <SelectField
          name="fundingType"
          label={t("call.funding_type")}
          value={filters.fundingType}
          blank={t("org.all")}
          options={FUNDING_TYPES.map((f) => ({ value: f, label: t(`funding.${f}`) }))}
        />
      </SearchForm>
      {items.length === 0 ? (
        <p>{t("call.none")}</p>
      ) : (
        <ul class="cards">
          {items.map((c) => (
            <CallCard call={c} />
          ))}
        </ul>
      )}
      <NextPageLink href={nextHref} />
      <p>
        {t("feed.follow")}{" "}
        {feeds.map((f, i) => (
          <>
            {i > 0 && " · "}
            <a href={f.href} type={f.type}>
              {t(f.label)}
            </a>
          </>
        ))}
      </p>
    </Shell>
  );
};
