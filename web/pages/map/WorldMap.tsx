// The world map as inline SVG, drawn from the shapes generated at build time (web/map/shapes.ts): countries
// without a figure merged into one grey path, each country with a figure a link (keyboard reachable) to
// its row in the table, named "Kenya: 34 organisations". Geography is never mirrored: in Arabic only the
// page around it (legend, table, layout) follows the text direction. Colours are presentation attributes
// because the page's CSP allows no inline style.
import { COUNTRY_SHAPES, MAP_VIEWBOX, UNCODED_LAND } from "../../map/shapes";

/** A sequential green scale (the site's accent), distinguishable in greyscale. */
const PALETTE = ["#bfe3d6", "#86c8b1", "#4ea98c", "#237f68", "#0b4f40"];
export const NO_DATA_FILL = "#e2e5eb";
/** Suppressed countries: hatched, so they differ from "no data" without relying on colour. */
export const FEW_FILL = "url(#map-few)";

/** The shade of class `bin` among `count` classes, spread over the whole palette. */
export const shadeOf = (bin: number, count: number) =>
  PALETTE[count <= 1 ? PALETTE.length - 1 : Math.round((bin * (PALETTE.length - 1)) / (count - 1))];

export type MapShape = { country: string; label: string; bin: number; suppressed: boolean };

/** The hatching pattern, defined once for the map and the legend's swatch. */
const FewPattern = () => (
  <pattern id="map-few" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
    <rect width="4" height="4" fill={NO_DATA_FILL} />
    <path d="M0 0v4" stroke="#6b7280" stroke-width="1.5" />
  </pattern>
);

export const WorldMap = ({
  shapes,
  binCount,
  title,
  desc,
}: {
  shapes: MapShape[];
  binCount: number;
  title: string;
  desc: string;
}) => {
  const drawn = shapes.filter((s) => COUNTRY_SHAPES[s.country]);
  const shown = new Set(drawn.map((s) => s.country));
  const background =
    Object.entries(COUNTRY_SHAPES)
      .filter(([code]) => !shown.has(code))
      .map(([, d]) => d)
      .join("") + UNCODED_LAND;
  const fillOf = (s: MapShape) => (s.suppressed ? FEW_FILL : shadeOf(s.bin, binCount));
  const fills = [...new Set(drawn.map(fillOf))];
  return (
    <svg
      class="map"
      viewBox={MAP_VIEWBOX}
      width="960"
      height="470"
      role="group"
      aria-labelledby="map-title map-desc"
      stroke="#fff"
      stroke-width=".5"
      stroke-linejoin="round"
    >
      <title id="map-title">{title}</title>
      <desc id="map-desc">{desc}</desc>
      <defs>
        <FewPattern />
      </defs>
      <path d={background} fill={NO_DATA_FILL} aria-hidden="true" />
      {fills.map((fill) => (
        <g fill={fill}>
          {drawn
            .filter((s) => fillOf(s) === fill)
            .map((s) => (
              <a href={`#map-${s.country}`} aria-label={s.label}>
                <path d={COUNTRY_SHAPES[s.country]} />
              </a>
            ))}
        </g>
      ))}
    </svg>
  );
};

/** A legend swatch (decorative: the text beside it says what it means); the hatching is the map's pattern. */
export const Swatch = ({ fill }: { fill: string }) => (
  <svg width="18" height="12" aria-hidden="true" class="swatch">
    <rect width="18" height="12" fill={fill} stroke="#9ca3af" />
  </svg>
);
