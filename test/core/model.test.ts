/** The core's model: flags declared once, units through one accessor, pure finding(), one cents conversion. */
import { analyze, exactCents, finding, FLAG_CODES, FLAG_LABELS_ZH, FLAG_SETS, gridFromRows, placeAt, roundedCents, scoredUnit, SHEET_FLAG_CODES, toCents, unitsOf, type FindingDetail } from '../../src/core';
import { FLAGS, FLAG_BITS, FLAG_TEXTS, flagBitsOf } from '../../src/core/flags';

const RULES = { zeroSubmission: true, belowQuota: true, lowQuality: true, lowQualityAdoptionMaxCents: 0 };

describe('flags', () => {
  it('derive codes, bits, labels and sets from one declaration', () => {
    expect(FLAG_CODES).toEqual(FLAGS.map((f) => f.code));
    expect(FLAGS.map((f) => f.bit)).toEqual([1, 2, 4, 8]);
    expect(SHEET_FLAG_CODES).toEqual(['ZERO_SUBMISSION', 'BELOW_QUOTA', 'LOW_QUALITY']);
    expect(FLAG_LABELS_ZH.BELOW_QUOTA).toBe('基础数量不足');
    expect(FLAG_SETS[FLAG_BITS.ZERO_SUBMISSION | FLAG_BITS.LOW_QUALITY]).toEqual(['ZERO_SUBMISSION', 'LOW_QUALITY']);
    expect(FLAG_TEXTS[FLAG_BITS.BELOW_QUOTA | FLAG_BITS.LOW_QUALITY]).toBe('基础数量不足、质量待提高');
    expect(FLAG_TEXTS[0]).toBeNull();
  });

  it('decide a unit\'s flags by their rules', () => {
    const sets = (baseCents: number, adoptionCents: number, capCents: number | null, rules = RULES) => FLAG_SETS[flagBitsOf({ baseCents, adoptionCents, capCents }, rules)];
    expect(sets(0, 0, 12000)).toEqual(['ZERO_SUBMISSION']);
    expect(sets(6000, 500, 12000)).toEqual(['BELOW_QUOTA']);
    expect(sets(12000, 0, 12000)).toEqual(['LOW_QUALITY']);
    expect(sets(12000, NaN, 12000)).toEqual([]); // no 采用得分 column: never LOW_QUALITY
    expect(sets(6000, 0, null)).toEqual([]); // no cap: no quota to fall below
    expect(sets(0, 0, 12000, { ...RULES, zeroSubmission: false })).toEqual([]);
  });
});

describe('units through one accessor', () => {
  const grid = gridFromRows([
    ['单位', '基础分', '采用得分', '累计得分', '排名'],
    ['一类考评单位'],
    ['甲局', 100, 5, 999, 2],
    ['乙局', 120, 0, null, null],
  ]);
  const scored = analyze(grid).scored!;

  it('builds each unit from the columns, with what the sheet already says', () => {
    expect(unitsOf(scored, scored.categories[0]!)).toEqual([
      { name: '甲局', row: 2, index: 0, existingTotal: 999, existingRank: 2, totalCents: 10500, rank: 2, flags: ['BELOW_QUOTA'] },
      { name: '乙局', row: 3, index: 1, existingTotal: null, existingRank: null, totalCents: 12000, rank: 1, flags: ['LOW_QUALITY'] },
    ]);
  });

  it('hands out a new object each time: changing one changes nothing in the table', () => {
    const a = scoredUnit(scored, 0);
    a.totalCents = 1;
    expect(scoredUnit(scored, 0)).not.toBe(a);
    expect(scoredUnit(scored, 0).totalCents).toBe(10500);
    expect(scored.results.totals[0]).toBe(10500);
  });

  it('refuses an index outside the table', () => {
    expect(() => scoredUnit(scored, 2)).toThrow(RangeError);
  });
});

describe('finding()', () => {
  it('returns a new finding and leaves its detail and place as they were', () => {
    const detail: FindingDetail = { code: 'EMPTY_SCORE', column: '基础分' };
    const place = placeAt(3, 1, '甲局');
    const f = finding(detail, place);
    expect(f).toEqual({ code: 'EMPTY_SCORE', column: '基础分', severity: 'warning', cell: 'B4', row: 3, col: 1, unit: '甲局' });
    expect(f).not.toBe(detail);
    expect(detail).toEqual({ code: 'EMPTY_SCORE', column: '基础分' });
    expect(finding(detail, place)).not.toBe(f);
  });
});

describe('cents', () => {
  it('one conversion: exact two-decimal numbers, rounded otherwise, NaN out of range', () => {
    expect(exactCents(135.4)).toBe(13540);
    expect(exactCents(0.1 + 0.2)).toBeNaN();
    expect(roundedCents(0.1 + 0.2)).toBe(30);
    expect(roundedCents(119.999)).toBe(12000);
    expect(roundedCents(-0.001)).toBe(0);
    expect(Object.is(roundedCents(-0.001), 0)).toBe(true);
    expect(roundedCents(Infinity)).toBeNaN();
    expect(roundedCents(1e12)).toBeNaN();
    expect(toCents(119.999)).toEqual({ cents: 12000, rounded: true });
    expect(toCents(1e12)).toBeNull();
  });
});
