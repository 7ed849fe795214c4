import { createInterner, ARRAY_SPAN } from '../../../src/core/perf/intern';

describe('interning by integer key', () => {
  it('makes one value per key in a narrow band and hands the same one out again', () => {
    const interner = createInterner<{ key: number }>(100, 200);
    const made: number[] = [];
    const make = (key: number) => (made.push(key), { key });
    const first = interner.get(150, make);
    expect(interner.get(150, make)).toBe(first);
    expect(interner.get(100, make)).toEqual({ key: 100 });
    expect(made).toEqual([150, 100]);
  });

  it('falls back to a map for a wide band, with the same sharing', () => {
    const interner = createInterner<{ key: number }>(0, ARRAY_SPAN * 100);
    const a = interner.get(ARRAY_SPAN * 50, (key) => ({ key }));
    expect(interner.get(ARRAY_SPAN * 50, (key) => ({ key: -key }))).toBe(a);
  });

  it('still answers a key outside the band it was made for', () => {
    const interner = createInterner<string>(0, 10);
    expect(interner.get(11, String)).toBe('11');
    expect(interner.get(-1, String)).toBe('-1');
    expect(interner.get(2.5, String)).toBe('2.5');
  });
});
