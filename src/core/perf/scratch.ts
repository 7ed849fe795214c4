/**
 * Working tables lent out during one run: the per-category totals and ranks, the rank counts.
 * Each is named by its use and grows to the largest size asked for, so the categories of one
 * sheet share one table each instead of making one per category. A Scratch belongs to one run
 * (made by the stage that needs it, or passed in by a caller that runs many sheets): nothing
 * is kept between runs unless a caller keeps the object.
 */
export interface Scratch {
  /** A table of at least `length` floats; its contents are whatever the last user left. */
  floats(name: string, length: number): Float64Array;
  /** A table of at least `length` 32-bit integers; its contents are whatever the last user left. */
  ints(name: string, length: number): Int32Array;
}

export function createScratch(): Scratch {
  const floats = new Map<string, Float64Array>();
  const ints = new Map<string, Int32Array>();
  return {
    floats: (name, length) => lend(floats, name, length, (n) => new Float64Array(n)),
    ints: (name, length) => lend(ints, name, length, (n) => new Int32Array(n)),
  };
}

function lend<T extends { length: number }>(tables: Map<string, T>, name: string, length: number, make: (length: number) => T): T {
  const held = tables.get(name);
  if (held && held.length >= length) return held;
  // Grow by half again at least, so a run of growing categories does not remake the table each time.
  const made = make(Math.max(length, held ? Math.ceil(held.length * 1.5) : 0, 16));
  tables.set(name, made);
  return made;
}
