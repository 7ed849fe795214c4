/** The adapter on the real table in the strict simulated Excel: results, sync budget, undo. */
import { t } from '../../src/i18n';
import { SimWorkbook } from '../../src/sim';
import { UNDO_SHEET_NAME } from '../../src/excel/undoStore';
import { publishedUnits } from '../support/fixtures';
import { fixtureGrids, simHost } from './simHost';

async function fixtureWorkbook() {
  return SimWorkbook.fromGrids(await fixtureGrids());
}

/** The published units found in the score sheet: name -> { total, rank } as the sheet holds them. */
function resultsIn(wb: SimWorkbook) {
  const grid = wb.toGrids()[0]!;
  const header = grid.values.findIndex((row) => row.includes('累计得分'));
  const cols = grid.values[header]!;
  const totalCol = cols.indexOf('累计得分');
  const rankCol = cols.indexOf('排名');
  const found = new Map<string, { total: unknown; rank: unknown; row: number }>();
  grid.values.forEach((row, i) => {
    if (typeof row[0] === 'string' && i > header) found.set(row[0], { total: row[totalCol], rank: row[rankCol], row: i });
  });
  return found;
}

describe('recalculation on the real sheet', () => {
  test('writes every published total and rank in 2 syncs, one undo group, a handful of range writes', async () => {
    const wb = await fixtureWorkbook();
    const { host, reported } = simHost(wb);
    const result = await host.recalcNow();
    if (!result.ok) throw new Error(t(result.error.key, 'zh-CN', result.error.params));
    expect(reported('recalcNow')).toBe(2);
    expect(wb.syncCount).toBe(2);
    const found = resultsIn(wb);
    const units = publishedUnits();
    expect(units.length).toBeGreaterThan(40);
    for (const unit of units) {
      expect({ name: unit.name, ...found.get(unit.name) }).toMatchObject({ name: unit.name, total: unit.total, rank: unit.rank });
    }
    // Columns are written as rectangles per category, not cell by cell.
    expect(wb.syncLog[1]!.statements).toBeLessThan(40);
    expect(wb.runLog[0]).toMatchObject({ mergeUndoGroup: true, delayForCellEdit: true, syncs: 2 });
  });

  test('the flag column holds the flag labels as text', async () => {
    const wb = await fixtureWorkbook();
    const { host } = simHost(wb);
    expect((await host.recalcNow()).ok).toBe(true);
    const grid = wb.toGrids()[0]!;
    const header = grid.values.findIndex((row) => row.includes('累计得分'));
    const flagCol = grid.values[header]!.indexOf('标记');
    expect(flagCol).toBeGreaterThan(0);
    const waterRow = grid.values.findIndex((row) => row[0] === '水利局');
    expect(grid.values[waterRow]![flagCol]).toBe('零报送');
  });

  test('a second recalculation changes nothing and costs one sync', async () => {
    const wb = await fixtureWorkbook();
    const { host, reported } = simHost(wb);
    await host.recalcNow();
    const after = wb.snapshot();
    const again = await host.recalcNow();
    expect(again.ok && again.value).toMatchObject({ cellsWritten: 0 });
    expect(reported('recalcNow')).toBe(1);
    expect(wb.snapshot()).toBe(after);
  });

  test('undo puts back exactly the blanks, even from a new pane instance (record kept in the workbook)', async () => {
    const wb = await fixtureWorkbook();
    const original = JSON.stringify(wb.toGrids()[0]);
    const { host, reopen } = simHost(wb);
    expect((await host.recalcNow()).ok).toBe(true);
    expect(JSON.stringify(wb.toGrids()[0])).not.toBe(original);
    expect(wb.sheet(UNDO_SHEET_NAME)?.visibility).toBe('VeryHidden');

    const fresh = reopen();
    const insp = await fresh.inspect();
    expect(insp.ok && insp.value.canUndo).toBe(true);
    const before = wb.syncCount;
    const undo = await fresh.undoLast();
    if (!undo.ok) throw new Error(undo.error.key);
    expect(wb.syncCount - before).toBe(2);
    expect(undo.value.conflicts).toBeUndefined();
    expect(JSON.stringify(wb.toGrids()[0])).toBe(original);
    const nothing = await fresh.undoLast();
    expect(!nothing.ok && nothing.error.key).toBe('host.error.nothingToUndo');
  });

  test('undo restores formulas the run replaced and keeps cells the user changed since', async () => {
    const wb = await fixtureWorkbook();
    const sheet = wb.sheets[0]!;
    const { host } = simHost(wb);
    expect((await host.recalcNow()).ok).toBe(true);
    const found = resultsIn(wb);
    const grid = wb.toGrids()[0]!;
    const header = grid.values.findIndex((row) => row.includes('累计得分'));
    const totalCol = grid.values[header]!.indexOf('累计得分') + grid.originCol;
    const a = found.get('温泉街道')!.row + grid.originRow;
    // The user overwrites one total after the run.
    wb.userEdit(sheet.name, `${String.fromCharCode(65 + totalCol)}${a + 1}`, 999);
    const undo = await host.undoLast();
    if (!undo.ok) throw new Error(undo.error.key);
    expect(undo.value.conflicts).toEqual([{ cell: `${String.fromCharCode(65 + totalCol)}${a + 1}`, unit: '温泉街道' }]);
    expect(undo.value.note?.key).toBe('host.undo.conflicts');
    expect(sheet.cell(a, totalCol)?.value).toBe(999);
    const b = found.get('张羌街道')!.row + grid.originRow;
    expect(sheet.cell(b, totalCol)?.value ?? null).toBeNull();
  });

  test('a total cell holding a formula: the run keeps it and undo leaves it as it was', async () => {
    const grids = await fixtureGrids();
    const grid = grids[0]!;
    const header = grid.values.findIndex((row) => row.includes('累计得分'));
    const totalCol = grid.values[header]!.indexOf('累计得分');
    const row = header + 2;
    grid.formulas = grid.values.map((r) => r.map(() => null));
    grid.formulas[row]![totalCol] = '=B4+C4+D4';
    grid.values[row]![totalCol] = 152;
    const wb = SimWorkbook.fromGrids(grids);
    const { host } = simHost(wb);
    expect((await host.recalcNow()).ok).toBe(true);
    expect(wb.sheets[0]!.cell(grid.originRow + row, grid.originCol + totalCol)?.formula).toBe('=B4+C4+D4');
    expect((await host.undoLast()).ok).toBe(true);
    expect(wb.sheets[0]!.cell(grid.originRow + row, grid.originCol + totalCol)).toMatchObject({ formula: '=B4+C4+D4', value: 152 });
  });

  test('preview then apply: nothing written by the preview, the apply costs 2 syncs', async () => {
    const wb = await fixtureWorkbook();
    const { host, reported } = simHost(wb);
    const before = wb.snapshot();
    const preview = await host.previewRecalc();
    if (!preview.ok) throw new Error(preview.error.key);
    expect(wb.snapshot()).toBe(before);
    expect(wb.syncCount).toBe(1);
    expect(preview.value.changes.find((c) => c.unit === '温泉街道')).toMatchObject({ totalBefore: '', totalAfter: '152', rankAfter: '1' });
    const applied = await host.applyRecalc(preview.value);
    expect(applied.ok && reported('applyRecalc')).toBe(2);
    expect(resultsIn(wb).get('温泉街道')).toMatchObject({ total: 152, rank: 1 });
  });

  test('clear flags empties the 标记 cells and the 标记 header it added in 2 syncs, and can be undone', async () => {
    const wb = await fixtureWorkbook();
    const { host } = simHost(wb);
    await host.recalcNow();
    const withFlags = JSON.stringify(wb.toGrids()[0]);
    const before = wb.syncCount;
    const cleared = await host.clearFlags();
    expect(cleared.ok && cleared.value.cellsWritten).toBeGreaterThan(10);
    expect(wb.syncCount - before).toBe(2);
    expect(JSON.stringify(wb.toGrids()[0])).not.toContain('零报送');
    // The 标记 header the recalculation added goes with its flags: no empty column is left.
    const header = wb.toGrids()[0]!.values.find((row) => row.includes('单位'))!;
    expect(header).not.toContain('标记');
    expect(header.filter((v) => v !== null)).toEqual(['单位', '基础得分', '采用得分', '附加得分', '累计得分', '排名']);
    expect((await host.undoLast()).ok).toBe(true);
    expect(JSON.stringify(wb.toGrids()[0])).toBe(withFlags);
  });

  test('settings are kept in the document and used by the next inspection', async () => {
    const wb = await fixtureWorkbook();
    const { host, reopen } = simHost(wb);
    expect((await host.saveSettings({ rankMode: 'dense', topN: 5, flagColumn: false })).ok).toBe(true);
    const insp = await reopen().inspect();
    expect(insp.ok && insp.value.settings).toEqual({ rankMode: 'dense', topN: 5, flagColumn: false, writeFormulas: false });
  });

  test('selecting a finding\'s cell activates its sheet and selects the cell in 1 sync', async () => {
    const wb = await fixtureWorkbook();
    const { host } = simHost(wb);
    const name = wb.sheets[0]!.name;
    const r = await host.selectCell(name, 'B7');
    expect(r.ok).toBe(true);
    expect(wb.syncCount).toBe(1);
    expect(wb.selection).toEqual({ sheetId: wb.sheets[0]!.id, range: { top: 6, left: 1, bottom: 6, right: 1 } });
    const missing = await host.selectCell('没有这个表', 'A1');
    expect(!missing.ok && missing.error.key).toBe('host.error.sheetMissing');
  });

  test('active sheet changes reach the subscriber until it unsubscribes', async () => {
    const wb = await fixtureWorkbook();
    wb.addSheet('其他');
    const { host } = simHost(wb);
    let calls = 0;
    const off = await host.onActiveSheetChanged(() => {
      calls += 1;
    });
    wb.activateSheet('其他');
    expect(calls).toBe(1);
    off();
    await new Promise((r) => setTimeout(r, 0));
    wb.activateSheet(wb.sheets[0]!.name);
    expect(calls).toBe(1);
  });
});

test('when the activation event cannot be registered, subscribing still resolves', async () => {
  const wb = SimWorkbook.fromGrids(await fixtureGrids());
  const { host } = simHost(wb);
  wb.failSync({ code: 'ConnectionFailure' });
  const off = await host.onActiveSheetChanged(() => undefined);
  expect(() => off()).not.toThrow();
});
