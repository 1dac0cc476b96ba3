// Server-rendered SVG charts, no script: bars for shares and a Lorenz curve. Each chart is an image with
// a text alternative; the data table beside it carries the same numbers for screen readers and copying.
import { usePage } from "../context";

const pct = (x: number, locale: string) => new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(x);

/** Horizontal bars, one per row, value 0–1. Bars grow from the inline start, so they mirror in RTL. */
export const ShareBars = ({ rows, title, id }: { rows: { label: string; value: number }[]; title: string; id: string }) => {
  const { locale } = usePage();
  const rowH = 22;
  const height = rows.length * rowH + 4;
  return (
    <svg class="chart bars" viewBox={`0 0 100 ${height}`} preserveAspectRatio="none" role="img" aria-labelledby={`${id}-title`} width="100%" height={height}>
      <title id={`${id}-title`}>{title}</title>
      {rows.map((r, i) => (
        <g>
          <rect x="0" y={i * rowH + 4} width={Math.max(0.5, r.value * 100)} height={rowH - 8} class="bar-fill">
            <title>{`${r.label}: ${pct(r.value, locale)}`}</title>
          </rect>
        </g>
      ))}
    </svg>
  );
};

/** The Lorenz curve against the line of equality; the area between them is the Gini coefficient's. */
export const LorenzCurve = ({ points, title }: { points: [number, number][]; title: string }) => {
  const size = 200;
  const path = points.map(([x, y], i) => `${i ? "L" : "M"}${(x * size).toFixed(1)},${(size - y * size).toFixed(1)}`).join(" ");
  return (
    <svg class="chart lorenz" viewBox={`-4 -4 ${size + 8} ${size + 8}`} role="img" aria-labelledby="lorenz-title" width="220" height="220">
      <title id="lorenz-title">{title}</title>
      <rect x="0" y="0" width={size} height={size} class="frame" />
      <line x1="0" y1={size} x2={size} y2="0" class="equality" />
      <path d={path} class="curve" />
    </svg>
  );
};
