// Server-rendered SVG charts, no script: labelled bars for shares and a Lorenz curve. Each chart is an
// image with a title; the data table beside it carries the same numbers for screen readers and copying.
import { numberFormat } from "../../worker/domain/intl-cache";
import { usePage } from "../context";

const pct = (x: number, locale: string) =>
  numberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(x);

/**
 * Horizontal bars with their labels and values, value 0–1. In right-to-left pages the layout is drawn
 * mirrored (labels on the right, bars growing leftwards) rather than flipped, so the text stays readable.
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
  const rtl = locale === "ar";
  // The stylesheet caps the drawing at this width (`.chart.bars`): the page's CSP allows no inline style.
  const width = 600;
  const labelW = 220;
  const valueW = 60;
  const barMax = width - labelW - valueW - 16;
  const rowH = 24;
  const height = rows.length * rowH + 4;
  const clip = (s: string) => (s.length > 30 ? s.slice(0, 29) + "…" : s);
  return (
    <svg
      class="chart bars"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby={`${id}-title`}
      width="100%"
    >
      <title id={`${id}-title`}>{title}</title>
      {rows.map((r, i) => {
        const y = i * rowH + 4;
        const w = Math.max(1, r.value * barMax);
        const barX = rtl ? width - labelW - 8 - w : labelW + 8;
        return (
          <g>
            {/* With direction="rtl", "start" is the text's right edge. */}
            <text
              x={rtl ? width : labelW}
              y={y + 14}
              text-anchor={rtl ? "start" : "end"}
              direction={rtl ? "rtl" : "ltr"}
              class="label"
            >
              {clip(r.label)}
            </text>
            <rect x={barX} y={y} width={w} height={rowH - 8} class="bar-fill" />
            <text
              x={rtl ? barX - 4 : barX + w + 4}
              y={y + 14}
              text-anchor="start"
              direction={rtl ? "rtl" : "ltr"}
              class="value"
            >
              {pct(r.value, locale)}
            </text>
          </g>
        );
      })}
    </svg>
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
