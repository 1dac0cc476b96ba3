// Many rows from D1 as a few JSON cells. Handing thousands of rows across D1's result boundary row by
// row and column by column cost more than the queries themselves (measured with `npm run bench`: the
// funder's matches fell from 70 to 42 ms p50 at 10,000 organisations); rows are packed with
// json_group_array, ROWS_PER_CELL to a cell so no cell nears D1's 2 MB limit on a string
// (SQLITE_TOOBIG, hit at 10× the benchmark's data before this chunking).
import { sql, Column, type SQL } from "drizzle-orm";

export const ROWS_PER_CELL = 1000;

type Columns = Record<string, Column | SQL.Aliased | SQL>;

/** Wraps a query whose rows are JSON arrays (column `j`) into cells of at most ROWS_PER_CELL rows. */
export const packQuery = (inner: string) =>
  `SELECT json_group_array(json(j)) AS cell FROM (SELECT j, (row_number() OVER ()) / ${ROWS_PER_CELL} AS chunk FROM (${inner})) GROUP BY chunk`;

/** The cells back to one object per row, keyed in the order the columns were packed, each value through its decoder. */
export const unpackCells = <T>(
  cells: { cell: string | null }[],
  keys: readonly string[],
  decoders: ((v: unknown) => unknown)[] = [],
): T[] =>
  cells.flatMap((c) =>
    (JSON.parse(c.cell ?? "[]") as unknown[][]).map((a) => {
      const row: Record<string, unknown> = {};
      for (let i = 0; i < keys.length; i++) row[keys[i]] = decoders[i] ? decoders[i](a[i]) : a[i];
      return row as T;
    }),
  );

/**
 * For a drizzle query: the per-row field to select (`row`), and the decoder from the packed cells back
 * to one object per row, typed and converted as drizzle would (booleans, etc.).
 */
export const packed = <T>(columns: Columns) => {
  const keys = Object.keys(columns);
  const decoders = keys.map((k) => {
    const c = columns[k];
    return c instanceof Column
      ? (v: unknown) => (v === null ? null : c.mapFromDriverValue(v))
      : (v: unknown) => v;
  });
  return {
    row: sql<string>`json_array(${sql.join(Object.values(columns), sql`, `)})`.as("j"),
    decode: (cells: { cell: string | null }[]) => unpackCells<T>(cells, keys, decoders),
  };
};

/** Runs a drizzle query selecting `{ j: packed(...).row }` in packed cells. */
export const runPacked = async (
  db: { $client: D1Database },
  query: { toSQL: () => { sql: string; params: unknown[] } },
) => {
  const q = query.toSQL();
  return (
    await db.$client
      .prepare(packQuery(q.sql))
      .bind(...q.params)
      .all<{ cell: string | null }>()
  ).results;
};
