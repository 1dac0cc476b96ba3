// The map page: a metric switch (plain links), the SVG map with its legend, and the same figures in a
// table beside it. Labels, legend and table follow the page's direction; the map itself does not.
import { Shell } from "../../layouts/Shell";
import { usePage } from "../../context";
import { Scroll } from "../../components/Scroll";
import { ErrorSummary, type FormErrors } from "../../components/form";
import { countryName, formatNumber, type Translate } from "../../../worker/i18n";
import { formatMoney } from "../../../worker/domain/money";
import type { Bin, ClassedCell } from "../../../worker/domain/map";
import { MAP_METRICS, type MapMetric } from "../../../schema/api/map";
import type { Locale } from "../../../schema/enums";
import { FEW_FILL, NO_DATA_FILL, Swatch, WorldMap, shadeOf } from "./WorldMap";

/** A figure as the table shows it; the map's accessible names embed the same text. */
export const formatValue = (metric: MapMetric, value: number, locale: Locale) =>
  metric === "amount" ? formatMoney({ amount: value, currency: "USD" }, locale) : formatNumber(value, locale);

const valueLabel = (metric: MapMetric, value: number, t: Translate, locale: Locale) =>
  t(`map.value.${metric}`, { n: formatValue(metric, value, locale) });

export type MapPageProps = {
  metric: MapMetric;
  k: number;
  cells: ClassedCell[];
  bins: Bin[];
  errors?: FormErrors;
};

export const MapPage = ({ metric, k, cells, bins, errors }: MapPageProps) => {
  const { t, locale } = usePage();
  const metricName = t(`map.metric.${metric}`);
  const rows = cells
    .map((c) => ({ ...c, name: countryName(c.country, locale) }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
  const few = t("map.suppressed", { k });
  const shapes = rows.map((r) => ({
    country: r.country,
    bin: r.bin,
    suppressed: r.suppressed,
    label: `${r.name}: ${r.value === null ? few : valueLabel(metric, r.value, t, locale)}`,
  }));
  return (
    <Shell title={t("map.title")}>
      <h1>{t("map.title")}</h1>
      <p class="lead">{t("map.lead")}</p>
      <ErrorSummary errors={errors} />
      <nav aria-label={t("map.metric")}>
        <ul class="actions map-metrics">
          {MAP_METRICS.map((m) => (
            <li>
              <a href={`/map?metric=${m}`} aria-current={m === metric ? "page" : undefined}>
                {t(`map.metric.${m}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <p class="muted">{t("map.rule", { k })}</p>
      <div class="map-layout">
        <figure>
          <WorldMap
            shapes={shapes}
            binCount={bins.length}
            title={`${t("map.title")}: ${metricName}`}
            desc={t("map.desc", { metric: metricName })}
          />
          <figcaption>
            <h2 class="sr-only">{t("map.legend")}</h2>
            <ul class="map-legend">
              {bins.map((b, i) => (
                <li>
                  <Swatch fill={shadeOf(i, bins.length)} />
                  {b.min === b.max
                    ? formatValue(metric, b.min, locale)
                    : t("map.range", {
                        min: formatValue(metric, b.min, locale),
                        max: formatValue(metric, b.max, locale),
                      })}
                </li>
              ))}
              <li>
                <Swatch fill={FEW_FILL} />
                {few}
              </li>
              <li>
                <Swatch fill={NO_DATA_FILL} />
                {t("map.no_data")}
              </li>
            </ul>
            <p class="muted">{t("map.source")}</p>
          </figcaption>
        </figure>
        {rows.length ? (
          <Scroll>
            <table>
              <caption>{t("map.table", { metric: metricName })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("map.country")}</th>
                  <th scope="col">{metricName}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr id={`map-${r.country}`}>
                    <th scope="row">{r.name}</th>
                    <td>
                      {r.value === null ? (
                        // Short here: the legend and the map's names say the rest.
                        <span class="muted">{t("map.fewer", { k })}</span>
                      ) : (
                        <bdi>{formatValue(metric, r.value, locale)}</bdi>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Scroll>
        ) : (
          <p>{t("map.empty")}</p>
        )}
      </div>
    </Shell>
  );
};
