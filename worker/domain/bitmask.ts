// Sets of enum values (led-by flags, themes) stored as integer bitmasks so SQL can filter with `&`.

export const toMask = <T extends string>(values: readonly T[], all: readonly T[]) =>
  values.reduce((m, v) => m | (1 << all.indexOf(v)), 0);

export const fromMask = <T extends string>(mask: number, all: readonly T[]) =>
  all.filter((_, i) => (mask & (1 << i)) !== 0);
