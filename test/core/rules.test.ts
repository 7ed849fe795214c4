import { analyze, gridFromRows, type CellValue } from '../../src/core';
import { byCategory } from '../support/units';

const sheet = (...rows: CellValue[][]) =>
  gridFromRows([['单位', '基础得分', '采用得分', '附加得分'], ['二类考评单位'], ...rows, ['四类考评单位'], ['丁', 50, 0, 5]]);

describe('the 考评规则 sheet', () => {
  it('overrides caps per category, adds categories, and sets rank mode and top N', () => {
    const rulesGrid = gridFromRows(
      [
        ['类别', '基础得分上限', '附加得分上限'],
        ['二类考评单位', 80, 1],
        ['四类考评单位', 40, 6],
        [],
        ['排名方式', '并列不占位'],
        ['前N名', 2],
      ],
      '考评规则',
    );
    const analysis = analyze(sheet(['甲', 70, 0, 1.5], ['乙', 70, 0, 1], ['丙', 60, 5, 0]), { rulesGrid });
    expect(analysis.rules.rankMode).toBe('dense');
    expect(analysis.rules.topN).toBe(2);
    expect(analysis.findings.map((f) => [f.code, f.cell])).toEqual([
      ['BONUS_OVER_CAP', 'D3'],
      ['BASE_OVER_CAP', 'B7'],
    ]);
    expect(byCategory(analysis.scored!)[0]!.units.map((u) => u.flags)).toEqual([['BELOW_QUOTA'], ['BELOW_QUOTA', ], ['BELOW_QUOTA']]);
  });

  it('reports what it cannot read and keeps the defaults', () => {
    const rulesGrid = gridFromRows([['排名方式', '随便'], ['前N名', '三']], '考评规则');
    const analysis = analyze(sheet(['甲', 60, 0, 0]), { rulesGrid });
    expect(analysis.rules.rankMode).toBe('competition');
    expect(analysis.findings.filter((f) => f.code === 'RULES_SHEET_INVALID').map((f) => f.cell)).toEqual(['B1', 'B2']);
  });

  it('warns on unknown categories and checks no caps there', () => {
    const analysis = analyze(sheet(['甲', 60, 0, 0]));
    expect(analysis.findings.filter((f) => f.code === 'UNKNOWN_CATEGORY').map((f) => f.cell)).toEqual(['A4']);
    expect(analysis.findings.some((f) => f.code === 'BONUS_OVER_CAP')).toBe(false);
  });
});
