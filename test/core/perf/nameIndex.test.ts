import { createNameIndex, hashOf } from '../../../src/core/perf/nameIndex';

describe('name index', () => {
  it('gives the first index a key was added under, and the new index for a new key', () => {
    const keys = ['甲局', '乙局', '甲局', '丙局', '乙局'];
    const index = createNameIndex(keys.length, (i) => keys[i]!);
    expect(keys.map((k, i) => index.add(k, i))).toEqual([0, 1, 0, 3, 1]);
  });

  it('tells apart keys whose hashes land in the same slot', () => {
    // Two keys that probe the same slot: the second must find its own slot, not the first key's unit.
    const seen = new Map<number, string>();
    let pair: [string, string] | null = null;
    for (let i = 0; !pair; i++) {
      const key = `单位${i}`;
      const h = hashOf(key) & 0xfff;
      const other = seen.get(h);
      if (other !== undefined) pair = [other, key];
      else seen.set(h, key);
    }
    const keys = [pair[0], pair[1], pair[0], pair[1]];
    const index = createNameIndex(keys.length, (i) => keys[i]!);
    expect(keys.map((k, i) => index.add(k, i))).toEqual([0, 1, 0, 1]);
  });

  it('holds as many distinct names as its capacity', () => {
    const keys = Array.from({ length: 5000 }, (_, i) => `局${i}`);
    const index = createNameIndex(keys.length, (i) => keys[i]!);
    expect(keys.every((k, i) => index.add(k, i) === i)).toBe(true);
    expect(index.add('局4321', 0)).toBe(4321);
  });

  it('refuses a unit beyond its capacity instead of looping', () => {
    const index = createNameIndex(2, () => 'x');
    expect(() => index.add('y', 2)).toThrow(RangeError);
  });

  it('keeps nothing between indexes: a new index knows no names', () => {
    const first = createNameIndex(2, () => '甲');
    expect(first.add('甲', 0)).toBe(0);
    const second = createNameIndex(2, () => '乙');
    expect(second.add('甲', 1)).toBe(1);
  });
});
