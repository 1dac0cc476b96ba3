// The country chapters: each country's coordinators and listed organisations, and a form to open any
// country's chapter.
import { Shell } from "../../layouts/Shell";
import { usePage } from "../../context";
import { Scroll } from "../../components/Scroll";
import { SelectField } from "../../components/form";
import { countryName } from "../../../worker/i18n";

type Summary = { country: string; coordinators: number; listedOrgs: number };

export const ChapterListPage = ({
  items,
  countries,
}: {
  items: Summary[];
  countries: { code: string; name: string }[] | null;
}) => {
  const { t, locale } = usePage();
  return (
    <Shell title={t("chapter.list_title")}>
      <h1>{t("chapter.list_title")}</h1>
      <p>{t("chapter.list_intro")}</p>
      {items.length === 0 ? (
        <p class="muted">{t("chapter.none")}</p>
      ) : (
        <Scroll>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("org.country")}</th>
                <th scope="col">{t("chapter.coordinators")}</th>
                <th scope="col">{t("chapter.listed")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((ch) => (
                <tr>
                  <td>
                    <a href={`/chapters/${ch.country}`}>{countryName(ch.country, locale)}</a>
                  </td>
                  <td>{ch.coordinators}</td>
                  <td>{ch.listedOrgs}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Scroll>
      )}
      {countries && (
        <>
          <h2>{t("chapter.open_country")}</h2>
          <form method="get" action="/chapters" class="row">
            <SelectField
              name="country"
              label={t("org.country")}
              options={countries.map((c) => ({ value: c.code, label: c.name }))}
            />
            <p>
              <button type="submit" class="secondary">
                {t("chapter.open")}
              </button>
            </p>
          </form>
        </>
      )}
    </Shell>
  );
};
