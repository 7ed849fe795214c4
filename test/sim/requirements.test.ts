/** The simulated Excel answers isSetSupported truthfully and fails, like an older Excel, every member of a newer set. */
import { gridFromRows } from '../../src/core';
import { createSimExcel, createSimOffice, EXCEL_API_MEMBERS, installSimulatedOffice, SimWorkbook, SimOfficeError, type ExcelApiMember, type SimRequestContext } from '../../src/sim';

function setup(set: string) {
  const wb = SimWorkbook.fromGrids([gridFromRows([['单位', '基础得分'], ['甲', 10]], '表1')]);
  wb.requirements = { ExcelApi: set };
  const excel = createSimExcel(wb);
  return { wb, run: <T>(batch: (ctx: SimRequestContext) => Promise<T>) => excel.run({}, batch) };
}

/** One use of each gated member (run members and the event-args field are checked below). */
const PROBES: Record<Exclude<ExcelApiMember, 'RunOptions.delayForCellEdit' | 'RunOptions.mergeUndoGroup' | 'WorksheetChangedEventArgs.triggerSource'>, (ctx: SimRequestContext) => unknown> = {
  'Workbook.protection': (ctx) => ctx.workbook.protection,
  'Workbook.getActiveCell': (ctx) => ctx.workbook.getActiveCell(),
  'WorkbookProtection.protected': (ctx) => ctx.workbook.protection.load('protected'),
  'WorksheetCollection.getItemOrNullObject': (ctx) => ctx.workbook.worksheets.getItemOrNullObject('表1'),
  'WorksheetCollection.onActivated': (ctx) => ctx.workbook.worksheets.onActivated.add(() => undefined),
  'Worksheet.protection': (ctx) => ctx.workbook.worksheets.getItem('表1').protection,
  'Worksheet.getRangeByIndexes': (ctx) => ctx.workbook.worksheets.getItem('表1').getRangeByIndexes(0, 0, 1, 1),
  'Worksheet.getUsedRangeOrNullObject': (ctx) => ctx.workbook.worksheets.getItem('表1').getUsedRangeOrNullObject(),
  'Worksheet.pageLayout': (ctx) => ctx.workbook.worksheets.getItem('表1').pageLayout,
  'Worksheet.onChanged': (ctx) => ctx.workbook.worksheets.getItem('表1').onChanged.add(() => undefined),
  'WorksheetProtection.protected': (ctx) => ctx.workbook.worksheets.getItem('表1').protection.load('protected'),
  'Range.merge': (ctx) => ctx.workbook.worksheets.getItem('表1').getRange('A1:B1').merge(),
  'Range.unmerge': (ctx) => ctx.workbook.worksheets.getItem('表1').getRange('A1:B1').unmerge(),
  'Range.rowHidden': (ctx) => ctx.workbook.worksheets.getItem('表1').getRange('A1').load('rowHidden'),
  'Range.getIntersectionOrNullObject': (ctx) => ctx.workbook.worksheets.getItem('表1').getRange('A1:B2').getIntersectionOrNullObject('A1'),
  'Range.getSpecialCellsOrNullObject': (ctx) => ctx.workbook.worksheets.getItem('表1').getRange('A1:B2').getSpecialCellsOrNullObject('Visible'),
  'Range.getMergedAreasOrNullObject': (ctx) => ctx.workbook.worksheets.getItem('表1').getRange('A1:B2').getMergedAreasOrNullObject(),
  'RangeFormat.columnWidth': (ctx) => { ctx.workbook.worksheets.getItem('表1').getRange('A1').format.columnWidth = 40; },
  'RangeFormat.rowHeight': (ctx) => { ctx.workbook.worksheets.getItem('表1').getRange('A1').format.rowHeight = 20; },
  'RangeFormat.autofitColumns': (ctx) => ctx.workbook.worksheets.getItem('表1').getRange('A1').format.autofitColumns(),
  'RangeFormat.autofitRows': (ctx) => ctx.workbook.worksheets.getItem('表1').getRange('A1').format.autofitRows(),
  'Chart.chartType': (ctx) => ctx.workbook.worksheets.getItem('表1').charts.add('BarClustered', ctx.workbook.worksheets.getItem('表1').getRange('A1:B2')).load('chartType'),
  'ChartAxis.reversePlotOrder': (ctx) => { ctx.workbook.worksheets.getItem('表1').charts.add('BarClustered', ctx.workbook.worksheets.getItem('表1').getRange('A1:B2')).axes.categoryAxis.reversePlotOrder = true; },
};

/** The set just before `set` (1.7 → 1.6, 1.13 → 1.12, 1.2 → 1.1). */
function older(set: string): string {
  const [major, minor] = set.split('.').map(Number) as [number, number];
  return `${major}.${minor - 1}`;
}

describe('requirement sets in the simulated Excel', () => {
  test('Office.context.requirements.isSetSupported answers for the set the workbook reports', () => {
    const wb = SimWorkbook.fromGrids([gridFromRows([['x']], '表1')]);
    wb.requirements = { ExcelApi: '1.7' };
    const office = createSimOffice(wb);
    const ask = (v?: string) => office.context.requirements.isSetSupported('ExcelApi', v);
    expect([ask('1.1'), ask('1.7'), ask('1.8'), ask('1.14'), ask()]).toEqual([true, true, false, false, true]);
    expect(office.context.requirements.isSetSupported('WordApi', '1.1')).toBe(false);
  });

  test.each(Object.entries(PROBES))('%s fails with ApiNotFound just below its set, and works at it', async (member, probe) => {
    const set = EXCEL_API_MEMBERS[member as ExcelApiMember];
    const below = setup(older(set));
    let error: unknown = null;
    await below.run(async (ctx) => {
      try {
        probe(ctx);
      } catch (e) {
        error = e;
      }
      await ctx.sync();
    });
    expect(error).toBeInstanceOf(SimOfficeError);
    expect((error as SimOfficeError).code).toBe('ApiNotFound');
    expect((error as SimOfficeError).message).toContain(`needs ExcelApi ${set}`);
    // The protection objects' property is reached only through the protection member, of the same set.
    const reached: Record<string, string> = { 'WorkbookProtection.protected': 'Workbook.protection', 'WorksheetProtection.protected': 'Worksheet.protection' };
    expect(below.wb.apiNotFound).toEqual([reached[member] ?? member]);

    const at = setup(set);
    await at.run(async (ctx) => {
      probe(ctx);
      await ctx.sync();
    });
    expect(at.wb.apiNotFound).toEqual([]);
  });

  test('every gated member has a probe here (a new one cannot be added untested)', () => {
    const probed = new Set([...Object.keys(PROBES), 'RunOptions.delayForCellEdit', 'RunOptions.mergeUndoGroup', 'WorksheetChangedEventArgs.triggerSource']);
    expect(Object.keys(EXCEL_API_MEMBERS).filter((m) => !probed.has(m))).toEqual([]);
  });

  test('run options take effect only from their set; onChanged says who changed a cell only from 1.14', async () => {
    for (const [set, delay, merge, trigger] of [['1.10', false, false, false], ['1.13', true, false, false], ['1.14', true, false, true], ['1.20', true, true, true]] as const) {
      const { wb } = setup(set);
      const excel = createSimExcel(wb);
      const seen: Array<Record<string, unknown>> = [];
      await excel.run({ delayForCellEdit: true, mergeUndoGroup: true }, async (ctx) => {
        ctx.workbook.worksheets.getItem('表1').onChanged.add((args) => void seen.push({ ...args }));
        await ctx.sync();
      });
      expect(wb.runLog[0]).toMatchObject({ delayForCellEdit: delay, mergeUndoGroup: merge });
      wb.userEdit('表1', 'B2', 11);
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(seen).toHaveLength(1);
      expect('triggerSource' in seen[0]!).toBe(trigger);
      expect(seen[0]).toMatchObject({ address: 'B2' });
    }
  });

  test("the add-in's own writes raise onChanged after the sync, as in Excel: ThisLocalAddin from 1.14, unnamed before", async () => {
    for (const [set, trigger] of [['1.7', undefined], ['1.14', 'ThisLocalAddin']] as const) {
      const { wb } = setup(set);
      const excel = createSimExcel(wb);
      const seen: Array<Record<string, unknown>> = [];
      await excel.run({}, async (ctx) => {
        const sheet = ctx.workbook.worksheets.getItem('表1');
        sheet.onChanged.add((args) => void seen.push({ ...args }));
        await ctx.sync();
        sheet.getRange('B2:C3').values = [[1, 2], [3, 4]];
        await ctx.sync();
        // Not while the batch is running: a moment after its sync.
        expect(seen).toEqual([]);
      });
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(seen).toHaveLength(1);
      expect(seen[0]).toMatchObject({ address: 'B2:C3' });
      expect(seen[0]!.triggerSource).toBe(trigger);
      // A batch that fails raises nothing for it.
      await expect(
        excel.run({}, async (ctx) => {
          ctx.workbook.worksheets.getItem('表1').getRange('A1').values = [[1, 2]];
          await ctx.sync();
        }),
      ).rejects.toThrow();
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(seen).toHaveLength(1);
    }
  });

  test('a bare load() does not fail on an old Excel (Excel loads the properties it has)', async () => {
    const { wb, run } = setup('1.1');
    await run(async (ctx) => {
      ctx.workbook.worksheets.getItem('表1').getRange('A1').format.load();
      await ctx.sync();
    });
    expect(wb.apiNotFound).toEqual([]);
  });

  test('the browser install (demo ?excelApi=) reports the chosen set, and ignores a value that is not one', () => {
    const wb = SimWorkbook.fromGrids([gridFromRows([['x']], '表1')]);
    const win: { Office?: { context: { requirements: { isSetSupported(n: string, v?: string): boolean } } } } = {};
    installSimulatedOffice(win, wb, { excelApi: '1.7' });
    expect([win.Office!.context.requirements.isSetSupported('ExcelApi', '1.7'), win.Office!.context.requirements.isSetSupported('ExcelApi', '1.8')]).toEqual([true, false]);
    installSimulatedOffice(win, wb, { excelApi: '<script>' });
    expect(wb.requirements.ExcelApi).toBe('1.7');
  });
});
