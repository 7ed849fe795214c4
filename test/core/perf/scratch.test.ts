import { createScratch } from '../../../src/core/perf/scratch';

describe('scratch tables', () => {
  it('lends one table per name, grown to the largest size asked for', () => {
    const scratch = createScratch();
    const a = scratch.floats('totals', 10);
    expect(a.length).toBeGreaterThanOrEqual(10);
    expect(scratch.floats('totals', 5)).toBe(a);
    const grown = scratch.floats('totals', 1000);
    expect(grown.length).toBeGreaterThanOrEqual(1000);
    expect(scratch.floats('totals', 10)).toBe(grown);
  });

  it('keeps tables of different names and kinds apart', () => {
    const scratch = createScratch();
    expect(scratch.ints('ranks', 4)).not.toBe(scratch.ints('buckets', 4));
    expect(scratch.ints('ranks', 4)).toBeInstanceOf(Int32Array);
    expect(scratch.floats('ranks', 4)).toBeInstanceOf(Float64Array);
  });

  it('shares nothing between two scratches (no state outlives a run)', () => {
    expect(createScratch().floats('totals', 4)).not.toBe(createScratch().floats('totals', 4));
  });
});
