/**
 * Interning by integer key: one shared value per distinct key (a total in cents, a rank, a flag
 * set), made the first time the key comes. Keys in a known narrow band [low, high] index an
 * array directly; wider bands fall back to a map. Plans are read-only, so units with the same
 * total share one content object.
 */
export interface Interner<T> {
  /** The value for `key`, made by `make(key)` on the key's first use. */
  get(key: number, make: (key: number) => T): T;
}

/** Widest band of keys held in an array, at least; the array is made at its full size up front. */
export const ARRAY_SPAN = 1 << 16;

/** An interner for integer keys in [low, high]; `expected` is how many keys may come (widens the array band). */
export function createInterner<T>(low: number, high: number, expected = 0): Interner<T> {
  const span = high - low + 1;
  if (Number.isInteger(low) && Number.isInteger(high) && span > 0 && span <= Math.max(ARRAY_SPAN, 4 * expected)) {
    const byKey = new Array<T | undefined>(span);
    return {
      get(key, make) {
        const at = key - low;
        if (!(at >= 0 && at < span && Number.isInteger(at))) return make(key);
        let value = byKey[at];
        if (value === undefined) byKey[at] = value = make(key);
        return value;
      },
    };
  }
  const byKey = new Map<number, T>();
  return {
    get(key, make) {
      let value = byKey.get(key);
      if (value === undefined) byKey.set(key, (value = make(key)));
      return value;
    },
  };
}
