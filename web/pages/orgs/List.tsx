// The organisation list with its search and filters.
import { Shell } from "../../layouts/Shell";
import { usePage } from "../../context";
import { SelectField } from "../../components/form";
import { SearchForm, CountryFilter, ThemeFilter } from "../../components/ListFilters";
import { NextPageLink } from "../../components/NextPageLink";
import type { OrgView } from "../../../schema/api/orgs";
import { countryName } from "../../../worker/i18n";
import { ORG_KINDS } from "../../../schema/enums";

type Countries = { code: string; name: string }[];

/** Search by name; filter by kind, country and theme. */
const Filters = ({ filters, countries }: { filters: Record<string, string>; countries: Countries }) => {
  const { t } = usePage();
  return (
    <SearchForm action="/orgs" searchLabel={t("org.search")} q={filters.q}>
      <SelectField
        name="kind"
        label={t("org.kind")}
        value={filters.kind}
        blank={t("org.all")}
        options={ORG_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
      />
      <CountryFilter label={t("org.country")} value={filters.country} countries={countries} />
      <ThemeFilter value={filters.theme} />
    </SearchForm>
  );
};

/** One organisation: name, kind, country, whether it is verified, its first four themes. */
const OrgCard = ({ org: o }: { org: OrgView }) => {
  const { t, locale } = usePage();
  return (
    <li class="card">
      <h2 dir="auto">
        <a href={`/orgs/${o.id}`}>{o.name}</a>
      </h2>
      <p class="muted">
        {t(`kind.${o.kind}`)} · {countryName(o.country, locale)}
        {o.verified && (
          <>
            {" "}
            · <span class="badge-ok">{t(o.kind === "funder" ? "org.verified_funder" : "org.verified")}</span>
          </>
        )}
      </p>
      <p>
        {o.themes.slice(0, 4).map((th) => (
          <span class="tag">{t(`theme.${th}`)}</span>
        ))}
      </p>
    </li>
  );
};

export const OrgListPage = ({
  items,
  nextCursor,
  filters,
  countries,
}: {
  items: OrgView[];
  nextCursor: string | null;
  filters: Record<string, string>;
  countries: Countries;
}) => {
  const { t } = usePage();
  const nextHref = nextCursor ? `/orgs?${new URLSearchParams({ ...filters, cursor: nextCursor })}` : null;
  return (
    <Shell title={t("org.list_title")}>
      <h1>{t("org.list_title")}</h1>
      <Filters filters={filters} countries={countries} />
      {items.length === 0 ? (
        <p>{t("org.none")}</p>
      ) : (
        <ul class="cards">
          {items.map((o) => (
            <OrgCard org={o} />
          ))}
        </ul>
      )}
      <NextPageLink href={nextHref} />
    </Shell>
  );
};
