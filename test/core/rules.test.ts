import { analyze, gridFromRows, TOP_N_LIMITS, type CellValue } from '../../src/core';
import { tableOverview } from '../../src/taskpane/logic';
import { readSettings } from '../../src/excel/host';
import { settingsFromJson } from '../../src/xlsx';
import { TOP_N_MAX, TOP_N_MIN } from '../../src/taskpane/components/SettingsPanel';
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

  // #12 item 7: what the pane shows is what validation enforces, read from one place.
  it('the pane shows the caps validation holds each category to, none for an unknown one', () => {
    const analysis = analyze(sheet(['甲', 60, 0, 3]));
    expect(analysis.findings.filter((f) => f.code === 'BONUS_OVER_CAP').map((f) => f.cell)).toEqual(['D3']);
    const overview = tableOverview({ sheetName: analysis.sheetName, analysis } as Parameters<typeof tableOverview>[0])!;
    expect(overview.categories.map((c) => [c.name, c.baseCap, c.bonusCap])).toEqual([
      ['二类考评单位', '60', '2'],
      ['四类考评单位', null, null],
    ]);
  });

  it('top N is held to one range wherever it is set: the pane, the saved settings, the 考评规则 sheet', () => {
    expect([TOP_N_MIN, TOP_N_MAX]).toEqual([TOP_N_LIMITS.min, TOP_N_LIMITS.max]);
    const over = TOP_N_LIMITS.max + 1;
    const rulesGrid = gridFromRows([['前N名', over]], '考评规则');
    const analysis = analyze(sheet(['甲', 60, 0, 0]), { rulesGrid });
    expect(analysis.rules.topN).toBe(3);
    expect(analysis.findings.filter((f) => f.code === 'RULES_SHEET_INVALID').map((f) => f.cell)).toEqual(['B1']);
    expect(analyze(sheet(['甲', 60, 0, 0]), { rulesGrid: gridFromRows([['前N名', TOP_N_LIMITS.max]], '考评规则') }).rules.topN).toBe(TOP_N_LIMITS.max);
    const stored = (topN: number) => ({ context: { document: { settings: { get: () => ({ topN }) } } } }) as unknown as Parameters<typeof readSettings>[0];
    expect([readSettings(stored(over)).topN, readSettings(stored(TOP_N_LIMITS.max)).topN]).toEqual([3, TOP_N_LIMITS.max]);
    expect([settingsFromJson({ topN: over }).topN, settingsFromJson({ topN: TOP_N_LIMITS.max }).topN]).toEqual([undefined, TOP_N_LIMITS.max]);
  });
});
