import { SEVERITY_ORDER } from '../../src/core';
import { countBySeverity, findingTarget, flagLists, groupFindings, previewView, tableOverview } from '../../src/taskpane/logic';
import { isDarkOfficeTheme } from '../../src/taskpane/theme';
import { clampTopN } from '../../src/taskpane/components/SettingsPanel';
import { inspectionOf, previewOf, sampleGrid } from './helpers';

describe('pane logic', () => {
  const grid = sampleGrid([['财政局', 130, 7, 0, '', ''], ['商务局', 'abc', 5, 0, '', '']]);
  const inspection = inspectionOf(grid);

  it('groups findings errors first, keeping sheet order and dropping empty groups', () => {
    const groups = groupFindings(inspection.analysis.findings);
    const order = groups.map((g) => SEVERITY_ORDER.indexOf(g.severity));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(groups.every((g) => g.findings.length > 0)).toBe(true);
    const counts = countBySeverity(inspection.analysis.findings);
    expect(groups.reduce((n, g) => n + g.findings.length, 0)).toBe(counts.error + counts.warning + counts.info);
    expect(counts.error).toBeGreaterThanOrEqual(2);
  });

  it('points each finding with a cell at that cell of the inspected sheet', () => {
    for (const f of inspection.analysis.findings) {
      const target = findingTarget('得分表', f);
      if (f.cell) expect(target).toEqual({ sheet: '得分表', address: f.cell });
    }
  });

  it('lists flagged units with their name cells', () => {
    const lists = flagLists(inspectionOf(sampleGrid()).analysis);
    expect(lists.map((l) => l.code)).toEqual(['ZERO_SUBMISSION', 'BELOW_QUOTA', 'LOW_QUALITY']);
    expect(lists[0]!.units).toEqual([{ name: '<script>alert(2)</script>', category: '二类考评单位', address: 'A9' }]);
  });

  it('summarises the table and the preview', () => {
    const overview = tableOverview(inspection)!;
    expect(overview.categories.map((c) => [c.name, c.units, c.baseCap])).toEqual([
      ['乡镇(街道)', 3, '120'],
      ['二类考评单位', 4, '60'],
    ]);
    const view = previewView(previewOf(sampleGrid()));
    expect(view.errors).toBe(0);
    expect(view.writesFlags).toBe(true);
    expect(view.cells).toBeGreaterThanOrEqual(10);
  });

  it('follows the Office theme by its background colour', () => {
    expect(isDarkOfficeTheme({ bodyBackgroundColor: '#262626' })).toBe(true);
    expect(isDarkOfficeTheme({ bodyBackgroundColor: '#FFFFFF' })).toBe(false);
    expect(isDarkOfficeTheme({ bodyBackgroundColor: 'not a colour' })).toBe(false);
    expect(isDarkOfficeTheme(undefined)).toBe(false);
  });

  it('keeps top N within bounds', () => {
    expect([clampTopN(0), clampTopN(3.4), clampTopN(99), clampTopN(Number.NaN)]).toEqual([1, 3, 20, 3]);
  });
});
