// Many rows from D1 as one JSON cell. Handing thousands of rows across D1's result boundary row by row
// and column by column cost more than the queries themselves (measured with `npm run bench`: the
// funder's matches fell from 70 to 42 ms p50 at 10,000 organisations); one json_group_array cell
// crosses at once, and JSON.parse is fast.
import { sql, Column, type SQL } from "drizzle-orm";

type Columns = Record<string, Column | SQL.Aliased | SQL>;

/** The aggregate to select (one row, one cell) and the decoder back to one object per row, typed as drizzle would. */
export const packed = <T>(columns: Columns) => {
  const keys = Object.keys(columns);
  const decoders = keys.map((k) => {
    const c = columns[k];
    return c instanceof Column ? (v: unknown) => (v === null ? null : c.mapFromDriverValue(v)) : (v: unknown) => v;
  });
  return {
    expr: sql<string | null>`json_group_array(json_array(${sql.join(Object.values(columns), sql`, `)}))`,
    decode: (cell: string | null | undefined): T[] =>
      (JSON.parse(cell ?? "[]") as unknown[][]).map((a) => {
        const row: Record<string, unknown> = {};
        for (let i = 0; i < keys.length; i++) row[keys[i]] = decoders[i](a[i]);
        return row as T;
      }),
  };
};
