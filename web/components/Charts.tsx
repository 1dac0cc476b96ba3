// Charts drawn without script and without inline style (the page's CSP allows none): bars are HTML, so
// their labels are text at the page's own size on any screen, and the Lorenz curve is an SVG with no text.
// The data table beside each chart carries the same numbers for screen readers and copying.
import { numberFormat } from "../../worker/domain/intl-cache";
import { usePage } from "../context";

const pct = (x: number, locale: string) =>
  numberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(x);

/** The bar's length as one of the stylesheet's width classes (`.w-0` … `.w-100`, whole percents). */
export const widthClass = (value: number) =>
  `w-${Math.min(100, Math.max(0, Math.round((Number.isFinite(value) ? value : 0) * 100)))}`;

/**
 * Horizontal bars with their labels and values, value 0–1. Each bar is a block inside its track, so in a
 * right-to-left page it grows from the right (the inline start) with no special case.
 */
export const ShareBars = ({
  rows,
  title,
  id,
}: {
  rows: { label: string; value: number }[];
  title: string;
  id: string;
}) => {
  const { locale } = usePage();
  return (
    <figure class="chart hbars" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`}>{title}</figcaption>
      <ul>
        {rows.map((r) => (
          <li>
            <span class="hbar-label">
              <bdi>{r.label}</bdi>
            </span>
            <span class="hbar-track">
              <span class={`hbar-fill ${widthClass(r.value)}`} />
            </span>
            <span class="hbar-value">{pct(r.value, locale)}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
};

/** The Lorenz curve against the line of equality; the area between them is the Gini coefficient's. */
export const LorenzCurve = ({ points, title }: { points: [number, number][]; title: string }) => {
  const size = 200;
  const path = points
    .map(([x, y], i) => `${i ? "L" : "M"}${(x * size).toFixed(1)},${(size - y * size).toFixed(1)}`)
    .join(" ");
  return (
    <svg
      class="chart lorenz"
      viewBox={`-4 -4 ${size + 8} ${size + 8}`}
      role="img"
      aria-labelledby="lorenz-title"
      width="260"
      height="260"
    >
      <title id="lorenz-title">{title}</title>
      <rect x="0" y="0" width={size} height={size} class="frame" />
      <line x1="0" y1={size} x2={size} y2="0" class="equality" />
      <path d={path} class="curve" />
    </svg>
  );
};
