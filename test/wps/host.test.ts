/** The WPS adapter on the real table in the strict simulated ET: results, undo, summary, protection, call counts. */
import { SUMMARY_MARKER, SUMMARY_SHEET_NAME } from '../../src/core';
import { UNDO_SHEET_NAME } from '../../src/excel/undoStore';
import { t } from '../../src/i18n';
import type { HostOutcome } from '../../src/host/port';
import { SimWorkbook } from '../../src/sim';
import { createSimEtApplication, EtSimError } from '../../src/sim/wps/et';
import { cellAt, member } from '../../src/wps/et';
import { createWpsHost, WPS_SETTINGS_SHEET_NAME } from '../../src/wps/host';
import { bigGrid } from '../excel/bigSheet';
import { publishedUnits } from '../support/fixtures';
import { fixtureWorkbook, resultsIn, wpsHost } from './simWps';

const explain = (r: HostOutcome<unknown>) => (r.ok ? '' : t(r.error.key, 'zh-CN', r.error.params ?? {}));

describe.each(['property', 'method'] as const)('WPS builds exposing members as %s', (style) => {
  test('recalculation writes every published total and rank, in a few whole-range calls', async () => {
    const wb = await fixtureWorkbook();
    const scoreSheet = wb.sheets.find((s) => s.id === wb.activeSheetId)!;
    const { app, host } = wpsHost(wb, { style });
    const result = await host.recalcNow();
    if (!result.ok) throw new Error(explain(result));
    const found = resultsIn(wb.toGrids()[wb.sheets.indexOf(scoreSheet)]!);
    const units = publishedUnits();
    expect(units.length).toBeGreaterThan(40);
    for (const unit of units) expect({ name: unit.name, ...found.get(unit.name) }).toEqual({ name: unit.name, total: unit.total, rank: unit.rank });
    // Three reads of the used range (values, formulas, formats) plus visible rows, undo store, no per-cell reads.
    expect(app.counts.rangeReads).toBeLessThanOrEqual(8);
    expect(app.counts.largestRead).toBeGreaterThan(units.length * 6);
    // Blocks per category (total and rank side by side), the flag column's runs, the undo record.
    expect(app.counts.rangeWrites).toBeLessThan(60);
    expect(wb.sheet(UNDO_SHEET_NAME)?.visibility).toBe('VeryHidden');
    // Adding the hidden sheet did not leave it (or anything else) active.
    expect(wb.activeSheetId).toBe(scoreSheet.id);
  });
});

describe('WPS adapter', () => {
  test('undo from a new pane puts back exactly what the run changed', async () => {
    const wb = await fixtureWorkbook();
    const index = wb.sheets.findIndex((s) => s.id === wb.activeSheetId);
    const original = JSON.stringify(wb.toGrids()[index]);
    const { host, reopen } = wpsHost(wb);
    expect((await host.recalcNow()).ok).toBe(true);
    expect(JSON.stringify(wb.toGrids()[index])).not.toBe(original);
    const fresh = reopen();
    const insp = await fresh.inspect();
    expect(insp.ok && insp.value.canUndo).toBe(true);
    const undo = await fresh.undoLast();
    if (!undo.ok) throw new Error(explain(undo));
    expect(undo.value.cellsWritten).toBeGreaterThan(100);
    expect(JSON.stringify(wb.toGrids()[index])).toBe(original);
    const again = await fresh.undoLast();
    expect(again.ok ? '' : again.error.key).toBe('host.error.nothingToUndo');
  });

  test('a second recalculation writes nothing', async () => {
    const wb = await fixtureWorkbook();
    const { app, host } = wpsHost(wb);
    await host.recalcNow();
    const after = wb.snapshot();
    app.resetCounts();
    const again = await host.recalcNow();
    expect(again.ok && again.value.cellsWritten).toBe(0);
    expect(app.counts.rangeWrites).toBe(0);
    expect(wb.snapshot()).toBe(after);
  });

  test('previewRecalc + applyRecalc write the same cells, and refuse when the sheet changed in between', async () => {
    const wb = await fixtureWorkbook();
    const { host } = wpsHost(wb);
    const preview = await host.previewRecalc();
    if (!preview.ok) throw new Error(explain(preview));
    expect(preview.value.changes.length).toBe(publishedUnits().length);
    const sheet = preview.value.plan.sheetName;
    const col = preview.value.plan.columns[0]!;
    const address = `${String.fromCharCode(65 + col.col)}${col.rows[0]! + 1}`;
    const before = wb.snapshot();
    wb.userEdit(sheet, address, 99);
    const refused = await host.applyRecalc(preview.value);
    expect(refused.ok ? '' : refused.error).toEqual({ key: 'host.error.sheetChanged', params: { sheet, cell: address } });
    wb.userEdit(sheet, address, null);
    expect(wb.snapshot()).toBe(before);
    const applied = await host.applyRecalc(preview.value);
    expect(applied.ok && applied.value.cellsWritten).toBeGreaterThan(100);
  });

  test('generates 考评汇总 and replaces its own summary instead of adding another', async () => {
    const wb = await fixtureWorkbook();
    const { host } = wpsHost(wb);
    expect((await host.recalcNow()).ok).toBe(true);
    const first = await host.writeSummary();
    if (!first.ok) throw new Error(explain(first));
    expect(first.value.sheetName).toBe(SUMMARY_SHEET_NAME);
    const summary = wb.sheet(SUMMARY_SHEET_NAME)!;
    expect(wb.activeSheetId).toBe(summary.id);
    const texts = [...summary.cells.values()].map((c) => c.value).filter((v): v is string => typeof v === 'string');
    expect(texts.some((v) => v.includes(SUMMARY_MARKER))).toBe(true);
    expect(texts).toContain('水利局');
    expect(summary.merges.length).toBeGreaterThan(0);
    const count = wb.sheets.length;
    // Back on the score sheet, again: the product's own summary is replaced in place.
    wb.activateSheet(wb.sheets[0]!.name);
    const second = await host.writeSummary();
    expect(second.ok && second.value.sheetName).toBe(SUMMARY_SHEET_NAME);
    expect(wb.sheets.length).toBe(count);
    expect(wb.sheets.some((s) => s.name.startsWith(`${SUMMARY_SHEET_NAME}(`) || s.name.includes('~new'))).toBe(false);
  });

  test('a protected sheet refuses writes: the adapter says so and nothing changes', async () => {
    const wb = await fixtureWorkbook();
    const active = wb.sheets.find((s) => s.id === wb.activeSheetId)!;
    const { app, host } = wpsHost(wb);
    wb.protectSheet(active.name, true);
    // The simulated ET itself refuses: a write to a protected sheet throws.
    expect(() => {
      cellAt(app.ActiveWorkbook!.ActiveSheet!, 1, 1).Value2 = 'x';
    }).toThrow(EtSimError);
    const before = wb.snapshot();
    const result = await host.recalcNow();
    expect(result.ok ? '' : result.error).toEqual({ key: 'host.wps.error.sheetProtected', params: { sheet: active.name } });
    expect(explain(result)).toContain('撤销工作表保护');
    expect(wb.snapshot()).toBe(before);
  });

  test('a write failing halfway is put back: no half write, no new undo sheet', async () => {
    const wb = await fixtureWorkbook();
    const before = wb.snapshot();
    const { app, host } = wpsHost(wb);
    // Write 1 is the undo record's chunks, 2 and 3 the first blocks: fail the 4th.
    app.failWrite(4, 'disk full');
    const result = await host.recalcNow();
    expect(result.ok ? '' : result.error.key).toBe('host.wps.error.failed');
    expect(explain(result)).toContain('disk full');
    expect(wb.sheet(UNDO_SHEET_NAME)).toBeUndefined();
    expect(wb.snapshot()).toBe(before);
  });

  test('builds returning one number format, or null when formats are mixed, read the same table', async () => {
    const results: string[] = [];
    for (const numberFormat of ['array', 'uniformOrNull'] as const) {
      const wb = await fixtureWorkbook();
      // One base score shown with a decimal: the formats of that column (and the sheet) are mixed.
      const sheet = wb.sheets.find((s) => s.id === wb.activeSheetId)!;
      sheet.touch(3, 1).numberFormat = '0.0';
      const { host, app } = wpsHost(wb, { numberFormat });
      await host.inspect();
      // Mixed formats: the null-answering build is asked per column, then per cell in the mixed column only.
      if (numberFormat === 'uniformOrNull') expect(app.counts.rangeReads).toBeGreaterThan(10);
      const r = await host.recalcNow();
      if (!r.ok) throw new Error(explain(r));
      results.push(JSON.stringify(wb.toGrids()[0]));
    }
    expect(results[1]).toBe(results[0]);
  });

  test('settings live in a VeryHidden sheet and a new pane reads them', async () => {
    const wb = await fixtureWorkbook();
    const { host, reopen } = wpsHost(wb);
    const active = wb.activeSheetId;
    expect((await host.saveSettings({ rankMode: 'dense', topN: 5, flagColumn: false })).ok).toBe(true);
    expect(wb.sheet(WPS_SETTINGS_SHEET_NAME)?.visibility).toBe('VeryHidden');
    expect(wb.activeSheetId).toBe(active);
    const insp = await reopen().inspect();
    expect(insp.ok && insp.value.settings).toEqual({ rankMode: 'dense', topN: 5, flagColumn: false, writeFormulas: false });
    // flagColumn off: a recalculation writes no 标记 column.
    const r = await reopen().recalcNow();
    expect(r.ok).toBe(true);
    const grid = wb.toGrids()[wb.sheets.findIndex((s) => s.id === active)]!;
    expect(grid.values.some((row) => row.includes('标记'))).toBe(false);
  });

  test('Cells(r, c) is 1-based and unknown members throw', async () => {
    const wb = await fixtureWorkbook();
    for (const style of ['method', 'property'] as const) {
      const app = createSimEtApplication(wb, { style });
      const sheet = app.ActiveWorkbook!.ActiveSheet!;
      expect(member(member(cellAt(sheet, 1, 1).MergeArea).Address)).toMatch(/^\$A\$1:\$[B-Z]\$1$/);
      expect(() => cellAt(sheet, 0, 1)).toThrow(EtSimError);
      expect(() => (sheet as unknown as { Values: unknown }).Values).toThrow(/no member/);
    }
  });

  test('the pane follows sheet switches through ApiEvent SheetActivate', async () => {
    const wb = await fixtureWorkbook();
    wb.addSheet('其他');
    const { host } = wpsHost(wb);
    let calls = 0;
    const off = await host.onActiveSheetChanged(() => {
      calls += 1;
    });
    wb.activateSheet('其他');
    expect(calls).toBe(1);
    off();
    wb.activateSheet(wb.sheets[0]!.name);
    expect(calls).toBe(1);
  });

  test('selectCell activates the sheet and selects the cell a finding names', async () => {
    const wb = await fixtureWorkbook();
    wb.addSheet('其他');
    const score = wb.sheets[0]!;
    wb.activateSheet('其他');
    const { host } = wpsHost(wb);
    expect((await host.selectCell(score.name, 'C5')).ok).toBe(true);
    expect(wb.activeSheetId).toBe(score.id);
    expect(wb.selection).toEqual({ sheetId: score.id, range: { top: 4, left: 2, bottom: 4, right: 2 } });
  });

  test('text that starts with = is written into 考评汇总 as text, never as a formula', async () => {
    const wb = await fixtureWorkbook();
    const score = wb.sheets.find((s) => s.id === wb.activeSheetId)!;
    const row = [...score.cells.entries()].find(([, c]) => c.value === '温泉街道')![0].split(',').map(Number);
    score.touch(row[0]!, row[1]!).value = '=HYPERLINK("http://x","温泉")';
    const { host } = wpsHost(wb);
    const r = await host.writeSummary();
    if (!r.ok) throw new Error(explain(r));
    const cells = [...wb.sheet(SUMMARY_SHEET_NAME)!.cells.values()].filter((c) => c.value === '=HYPERLINK("http://x","温泉")');
    expect(cells.length).toBeGreaterThan(0);
    for (const c of cells) expect(c.formula).toBeNull();
    expect([...wb.sheet(SUMMARY_SHEET_NAME)!.cells.values()].every((c) => c.formula === null)).toBe(true);
  });

  test('no workbook open: a clear message, no throw', async () => {
    const app = createSimEtApplication(new SimWorkbook());
    Object.defineProperty(app, 'ActiveWorkbook', { get: () => null });
    const host = createWpsHost(app);
    const r = await host.inspect();
    expect(r.ok ? '' : r.error.key).toBe('host.wps.error.noWorkbook');
  });
});

describe('5,000 units', () => {
  test('are read in whole-range calls: a fixed number, not one per unit', async () => {
    const wb = SimWorkbook.fromGrids([bigGrid({ categories: 50, perCategory: 100 })]);
    // Category rows merged across the table, as offices lay them out.
    const sheet = wb.sheets[0]!;
    sheet.merges = [{ top: 0, left: 0, bottom: 0, right: 5 }];
    for (let c = 0; c < 50; c++) sheet.merges.push({ top: 2 + c * 101, left: 0, bottom: 2 + c * 101, right: 5 });
    const { app, host } = wpsHost(wb);
    const insp = await host.inspect();
    if (!insp.ok) throw new Error(explain(insp));
    expect(insp.value.analysis.scored?.units.names.length).toBe(5000);
    expect(app.counts.rangeReads).toBeLessThanOrEqual(6);
    expect(app.counts.largestRead).toBe(5052 * 6);
    // Merged areas probed only on the title, header and category rows.
    expect(app.counts.mergeProbes).toBeLessThanOrEqual(1 + 6 + 50);
    expect(insp.value.analysis.scored?.categories.length).toBe(50);
    app.resetCounts();
    const r = await host.recalcNow();
    if (!r.ok) throw new Error(explain(r));
    // Per category: one block for total and rank, runs of the flag column; never one write per unit.
    expect(app.counts.rangeWrites).toBeLessThan(5000 / 4);
  });
});
