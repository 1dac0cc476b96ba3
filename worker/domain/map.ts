// The map's disclosure control and colour classes. Pure: the data layer hands over one row per country
// (the figure and how many organisations it covers); nothing here knows where the rows came from.
//
// Only primary suppression is needed, unlike the equity report: the map publishes no total, so a
// suppressed country cannot be recovered by subtraction. And only public organisations are counted at
// all, so a cell can never reveal a hidden or funders-only group, suppressed or not.

export type MapRow = { country: string; value: number; orgs: number };
export type MapCell = { country: string; value: number | null; suppressed: boolean };

/** Cells in country-code order; a country covering fewer than k organisations shows no figure. */
export const suppressCells = (rows: MapRow[], k: number): MapCell[] =>
  rows
    .filter((r) => r.orgs > 0)
    .sort((a, b) => a.country.localeCompare(b.country))
    .map((r) =>
      r.orgs < k
        ? { country: r.country, value: null, suppressed: true }
        : { country: r.country, value: r.value, suppressed: false },
    );

/** A colour class: the smallest and largest published value it holds. */
export type Bin = { min: number; max: number };

/** How many shades the map uses at most (a sequential palette readable in grey and by colour-blind readers). */
export const MAP_CLASSES = 5;

/**
 * Quantile classes over the distinct published values: each class holds about as many distinct values,
 * so one very large country does not squeeze every other into the palest shade. Fewer distinct values
 * than classes give one class per value; no values, no classes.
 */
export const quantileBins = (values: number[], n = MAP_CLASSES): Bin[] => {
  const distinct = [...new Set(values)].sort((a, b) => a - b);
  const count = Math.min(n, distinct.length);
  const bins: Bin[] = [];
  for (let i = 0; i < count; i++) {
    const from = Math.floor((i * distinct.length) / count);
    const to = Math.floor(((i + 1) * distinct.length) / count) - 1;
    bins.push({ min: distinct[from], max: distinct[to] });
  }
  return bins;
};

/** The class of a value (0 = lightest), or -1 when it lies outside every class. */
export const binOf = (value: number, bins: Bin[]) => bins.findIndex((b) => value >= b.min && value <= b.max);

export type ClassedCell = MapCell & { bin: number };

/** The published cells with their class (-1 for suppressed ones), and the classes for the legend. */
export const classify = (cells: MapCell[], n = MAP_CLASSES): { cells: ClassedCell[]; bins: Bin[] } => {
  const bins = quantileBins(
    cells.flatMap((c) => (c.value === null ? [] : [c.value])),
    n,
  );
  return { cells: cells.map((c) => ({ ...c, bin: c.value === null ? -1 : binOf(c.value, bins) })), bins };
};
