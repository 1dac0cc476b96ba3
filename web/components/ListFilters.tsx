// The search form above the organisation and call lists: a GET form (so a filtered list can be linked),
// the search box first, the filters the list offers, and the Filter button last.
import type { ComponentChildren } from "preact";
import { usePage } from "../context";
import { TextField, SelectField } from "./form";
import { THEMES } from "../../schema/enums";

export const SearchForm = ({
  action,
  searchLabel,
  q,
  children,
}: {
  action: string;
  searchLabel: string;
  q?: string;
  children: ComponentChildren;
}) => {
  const { t } = usePage();
  return (
    <form method="get" action={action} class="row" role="search">
      <TextField name="q" label={searchLabel} value={q} />
      {children}
      <p>
        <button type="submit">{t("org.filter")}</button>
      </p>
    </form>
  );
};

export const CountryFilter = ({
  label,
  value,
  countries,
}: {
  label: string;
  value?: string;
  countries: { code: string; name: string }[];
}) => {
  const { t } = usePage();
  return (
    <SelectField
      name="country"
      label={label}
      value={value}
      blank={t("org.all")}
      options={countries.map((c) => ({ value: c.code, label: c.name }))}
    />
  );
};

export const ThemeFilter = ({ value }: { value?: string }) => {
  const { t } = usePage();
  return (
    <SelectField
      name="theme"
      label={t("org.themes")}
      value={value}
      blank={t("org.all")}
      options={THEMES.map((th) => ({ value: th, label: t(`theme.${th}`) }))}
    />
  );
};
