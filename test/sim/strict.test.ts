/** The simulated Excel is strict the way Office is: tests of the adapter are only as good as this. */
import { gridFromRows } from '../../src/core';
import { createSimExcel, SimWorkbook, SimOfficeError, type SimRequestContext } from '../../src/sim';

function setup(rows: (string | number | null)[][] = [['单位', '基础得分'], ['甲', 10]]) {
  const wb = SimWorkbook.fromGrids([gridFromRows(rows, '表1'), gridFromRows([['x']], '表2')]);
  const excel = createSimExcel(wb);
  return { wb, run: <T>(batch: (ctx: SimRequestContext) => Promise<T>, options = {}) => excel.run(options, batch) };
}

const codeOf = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return (e as SimOfficeError).code;
  }
  return 'no error';
};

describe('simulated Excel strictness', () => {
  test('reading a property that was not loaded throws PropertyNotLoaded, even after a sync', async () => {
    const { run } = setup();
    const code = await codeOf(run(async (ctx) => {
      const range = ctx.workbook.worksheets.getActiveWorksheet().getRange('A1:B2');
      range.load('values');
      await ctx.sync();
      expect(range.values).toEqual([['单位', '基础得分'], ['甲', 10]]);
      return range.formulas;
    }));
    expect(code).toBe('PropertyNotLoaded');
  });

  test('a loaded property is not readable before the sync', async () => {
    const { run } = setup();
    expect(await codeOf(run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getActiveWorksheet();
      sheet.load('name');
      return sheet.name;
    }))).toBe('PropertyNotLoaded');
  });

  test('empty cells read as "" like Excel, not null; formulas of constants are the constants', async () => {
    const { run } = setup([['a', null], [null, 2]]);
    await run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('表1').getRange('A1:B2');
      r.load('values,formulas,numberFormat,address');
      await ctx.sync();
      expect(r.values).toEqual([['a', ''], ['', 2]]);
      expect(r.formulas).toEqual([['a', ''], ['', 2]]);
      expect(r.numberFormat).toEqual([['General', 'General'], ['General', 'General']]);
      expect(r.address).toBe('表1!A1:B2');
    });
  });

  test('writes are queued and apply only at sync, in order', async () => {
    const { wb, run } = setup();
    await run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('表1').getRange('C1');
      r.values = [[5]];
      expect(wb.sheet('表1')!.cell(0, 2)).toBeUndefined();
      r.values = [[6]];
      await ctx.sync();
      expect(wb.sheet('表1')!.cell(0, 2)?.value).toBe(6);
    });
  });

  test('strings are taken like typed input: = + - @ make formulas, an apostrophe keeps text, numeric text becomes a number', async () => {
    const { wb, run } = setup();
    await run(async (ctx) => {
      ctx.workbook.worksheets.getItem('表1').getRange('A3:F3').values = [['=SUM(1,2)', '+A1', '-x', "'=SUM(1,2)", '0012', 'TRUE']];
      await ctx.sync();
    });
    const s = wb.sheet('表1')!;
    expect(s.cell(2, 0)).toMatchObject({ formula: '=SUM(1,2)', value: null });
    expect(s.cell(2, 1)?.formula).toBe('=+A1');
    expect(s.cell(2, 2)?.formula).toBe('=-x');
    expect(s.cell(2, 3)).toMatchObject({ formula: null, value: '=SUM(1,2)' });
    expect(s.cell(2, 4)?.value).toBe(12);
    expect(s.cell(2, 5)?.value).toBe(true);
  });

  test('a 2-D write must match the range; null leaves a cell alone, "" clears it', async () => {
    const { wb, run } = setup([['a', 'b', 'c']]);
    expect(await codeOf(run(async (ctx) => {
      ctx.workbook.worksheets.getItem('表1').getRange('A1:C1').values = [['x', 'y']];
      await ctx.sync();
    }))).toBe('InvalidArgument');
    await run(async (ctx) => {
      ctx.workbook.worksheets.getItem('表1').getRange('A1:C1').values = [[null, '', 'z']];
      await ctx.sync();
    });
    expect(wb.toGrids()[0]!.values).toEqual([['a', null, 'z']]);
  });

  test('counts syncs and the JSON size of each request', async () => {
    const { wb, run } = setup();
    await run(async (ctx) => {
      ctx.workbook.worksheets.getItem('表1').getRange('A5').values = [['x'.repeat(1000)]];
      await ctx.sync();
      await ctx.sync();
      ctx.workbook.worksheets.getItem('表1').getRange('A6').values = [['left in the queue']];
    });
    // Excel.run sends what is still queued when the batch ends.
    expect(wb.syncCount).toBe(3);
    expect(wb.sheet('表1')!.cell(5, 0)?.value).toBe('left in the queue');
    expect(wb.syncLog[0]!.bytes).toBeGreaterThan(1000);
    expect(wb.syncLog[1]!.bytes).toBeLessThan(10);
  });

  test('a request over 5 MB is refused before anything applies', async () => {
    const { wb, run } = setup();
    const before = wb.snapshot();
    const big = Array.from({ length: 6000 }, () => ['x'.repeat(1000)]);
    expect(await codeOf(run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('表1');
      sheet.getRange('A1').values = [['changed']];
      sheet.getRangeByIndexes(10, 0, 6000, 1).values = big;
      await ctx.sync();
    }))).toBe('RequestPayloadSizeLimitExceeded');
    expect(wb.snapshot()).toBe(before);
    expect(wb.syncLog[0]).toMatchObject({ ok: false, errorCode: 'RequestPayloadSizeLimitExceeded' });
  });

  test('counts the JSON size of each response: what the sync loaded', async () => {
    const { wb, run } = setup([['单位', 'x'.repeat(3000)]]);
    await run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem('表1').getRange('A1:B1');
      range.load('values,formulas');
      await ctx.sync();
      range.values = [['a', 'b']];
      await ctx.sync();
    });
    // Two copies of the long text (values and formulas), the Chinese name in UTF-8.
    expect(wb.syncLog[0]!.responseBytes).toBeGreaterThan(6000);
    expect(wb.syncLog[0]!.responseBytes).toBeLessThan(6200);
    expect(wb.syncLog[1]!.responseBytes).toBe(0);
  });

  test('a response over 5 MB fails with ResponsePayloadSizeLimitExceeded before anything of the batch applies', async () => {
    // 6,000 cells of 1,000 characters: a small request, a 6 MB response.
    const rows = Array.from({ length: 6000 }, (_, i) => [`${i}`.padEnd(1000, 'x')]);
    const { wb, run } = setup(rows);
    const before = wb.snapshot();
    let range: { values: unknown } | null = null;
    const error = await run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('表1');
      const r = sheet.getRange('A1:A6000');
      range = r;
      r.load('values');
      sheet.getRange('B1').values = [['changed']];
      ctx.workbook.worksheets.getItem('表2').delete();
      await ctx.sync();
    }).catch((e: SimOfficeError) => e);
    expect(error).toBeInstanceOf(SimOfficeError);
    expect((error as SimOfficeError).code).toBe('ResponsePayloadSizeLimitExceeded');
    expect((error as SimOfficeError).message).toBe('The response payload size has exceeded the limit.');
    expect((error as SimOfficeError).name).toBe('RichApi.Error');
    expect(wb.snapshot()).toBe(before);
    expect(wb.syncLog[0]).toMatchObject({ ok: false, errorCode: 'ResponsePayloadSizeLimitExceeded' });
    expect(wb.syncLog[0]!.bytes).toBeLessThan(1000);
    expect(wb.syncLog[0]!.responseBytes).toBeGreaterThan(5 * 1024 * 1024);
    // Nothing of the refused response is readable.
    expect(() => range!.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    // Half of it fits.
    await run(async (ctx) => {
      const half = ctx.workbook.worksheets.getItem('表1').getRange('A1:A3000');
      half.load('values');
      await ctx.sync();
      expect(half.values).toHaveLength(3000);
    });
    expect(wb.syncLog[1]).toMatchObject({ ok: true });
    expect(wb.syncLog[1]!.responseBytes).toBeLessThan(5 * 1024 * 1024);
  });

  test('the response limit counts every load of the sync together, and follows payloadLimit', async () => {
    const { wb, run } = setup([['a'.repeat(600)], ['b'.repeat(600)]]);
    wb.payloadLimit = 1000;
    expect(await codeOf(run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('表1');
      sheet.getRange('A1').load('values');
      sheet.getRange('A2').load('values');
      await ctx.sync();
    }))).toBe('ResponsePayloadSizeLimitExceeded');
    await run(async (ctx) => {
      ctx.workbook.worksheets.getItem('表1').getRange('A1').load('values');
      await ctx.sync();
    });
    expect(wb.syncLog.map((s) => s.ok)).toEqual([false, true]);
  });

  test('a load queued after a write is measured once the batch ran: the write stays applied (a batch is not a transaction)', async () => {
    const { wb, run } = setup([['a'.repeat(600)]]);
    wb.payloadLimit = 1000;
    expect(await codeOf(run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('表1');
      sheet.getRange('B1').values = [['written']];
      sheet.getRange('A1:A2').load('values,formulas');
      await ctx.sync();
    }))).toBe('ResponsePayloadSizeLimitExceeded');
    expect(wb.sheet('表1')!.cell(0, 1)?.value).toBe('written');
  });

  test('values loaded before a failing statement are not readable: the sync failed as a whole', async () => {
    const { run } = setup();
    await run(async (ctx) => {
      const a1 = ctx.workbook.worksheets.getItem('表1').getRange('A1');
      a1.load('values');
      ctx.workbook.worksheets.getItem('没有').load('name');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'ItemNotFound' });
      expect(() => a1.values).toThrow();
      const again = ctx.workbook.worksheets.getItem('表1').getRange('A1');
      again.load('values');
      await ctx.sync();
      expect(again.values).toEqual([['单位']]);
    });
  });

  test('getIntersectionOrNullObject: the overlap of two ranges, a null object when they do not meet', async () => {
    const { run } = setup([['a', 'b', 'c'], ['d', 'e', 'f'], ['g', 'h', 'i']]);
    await run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('表1');
      const used = sheet.getUsedRange(true);
      const top = used.getIntersectionOrNullObject(sheet.getRangeByIndexes(0, 1, 2, 16383));
      const none = used.getIntersectionOrNullObject('E5:F6');
      top.load('values,address,rowCount,rowIndex,columnIndex');
      none.load('values');
      await ctx.sync();
      expect(top.address).toBe('表1!B1:C2');
      expect(top.values).toEqual([['b', 'c'], ['e', 'f']]);
      expect([top.rowCount, top.rowIndex, top.columnIndex]).toEqual([2, 0, 1]);
      expect(none.isNullObject).toBe(true);
    });
  });

  test('*OrNullObject settles at sync; calls on a null object do nothing', async () => {
    const { run } = setup();
    await run(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject('没有');
      const used = missing.getUsedRangeOrNullObject();
      used.load('values');
      expect(() => missing.isNullObject).toThrow();
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(used.isNullObject).toBe(true);
      expect(() => used.values).toThrow();
    });
    expect(await codeOf(run(async (ctx) => {
      ctx.workbook.worksheets.getItem('没有').load('name');
      await ctx.sync();
    }))).toBe('ItemNotFound');
  });

  test('an injected failure fails that sync before it applies anything', async () => {
    const { wb, run } = setup();
    const before = wb.snapshot();
    wb.failSync({ code: 'ConnectionFailure', debugInfo: { errorLocation: 'test' } });
    const error = await run(async (ctx) => {
      ctx.workbook.worksheets.getItem('表1').getRange('A1').values = [['changed']];
      await ctx.sync();
    }).catch((e: SimOfficeError) => e);
    expect(error).toBeInstanceOf(SimOfficeError);
    expect((error as SimOfficeError).code).toBe('ConnectionFailure');
    expect((error as SimOfficeError).debugInfo.errorLocation).toBe('test');
    expect(wb.snapshot()).toBe(before);
  });

  test('writes to a protected sheet fail with AccessDenied; earlier statements of the batch stay applied, as in Excel', async () => {
    const { wb, run } = setup();
    wb.protectSheet('表1', true);
    expect(await codeOf(run(async (ctx) => {
      ctx.workbook.worksheets.getItem('表2').getRange('B1').values = [['ok']];
      ctx.workbook.worksheets.getItem('表1').getRange('A1').values = [['no']];
      await ctx.sync();
    }))).toBe('AccessDenied');
    expect(wb.sheet('表2')!.cell(0, 1)?.value).toBe('ok');
    expect(wb.sheet('表1')!.cell(0, 0)?.value).toBe('单位');
  });

  test('cell-edit mode fails a batch unless delayForCellEdit, which waits for the user', async () => {
    const { wb, run } = setup();
    wb.setCellEditMode(true);
    expect(await codeOf(run(async (ctx) => {
      ctx.workbook.worksheets.getItem('表1').getRange('A1').values = [['x']];
      await ctx.sync();
    }))).toBe('InvalidOperationInCellEditMode');
    let done = false;
    const waiting = run(async (ctx) => {
      ctx.workbook.worksheets.getItem('表1').getRange('A1').values = [['x']];
      await ctx.sync();
      done = true;
    }, { delayForCellEdit: true });
    await new Promise((r) => setTimeout(r, 20));
    expect(done).toBe(false);
    wb.setCellEditMode(false);
    await waiting;
    expect(wb.sheet('表1')!.cell(0, 0)?.value).toBe('x');
  });

  test('fromGrids and toGrids round-trip values, formulas, merges and hidden rows', () => {
    const grid = gridFromRows([['t'], ['a', 1], ['b', 2]], 'S', 3, 1);
    grid.formulas = [[null], [null, null], [null, '=1+1']];
    grid.merges = [{ top: 3, left: 1, bottom: 3, right: 2 }];
    grid.hiddenRows = [5];
    const back = SimWorkbook.fromGrids([grid]).toGrids()[0]!;
    expect(back.originRow).toBe(3);
    expect(back.originCol).toBe(1);
    expect(back.values).toEqual([['t', null], ['a', 1], ['b', 2]]);
    expect(back.formulas?.[2]?.[1]).toBe('=1+1');
    expect(back.merges).toEqual(grid.merges);
    expect(back.hiddenRows).toEqual([5]);
  });

  test('worksheets.onActivated handlers run when the user switches sheets, until removed', async () => {
    const { wb, run } = setup();
    const seen: string[] = [];
    const registration = await run(async (ctx) => {
      const r = ctx.workbook.worksheets.onActivated.add(async (e) => {
        seen.push(e.worksheetId);
      });
      await ctx.sync();
      return r;
    });
    wb.activateSheet('表2');
    expect(seen).toEqual([wb.sheet('表2')!.id]);
    registration.remove();
    await registration.context.sync();
    wb.activateSheet('表1');
    expect(seen).toHaveLength(1);
  });

  test('merged areas and visible cells come back as RangeAreas addresses', async () => {
    const grid = gridFromRows([['t', null], ['a', 1], ['b', 2]], '表1');
    grid.merges = [{ top: 0, left: 0, bottom: 0, right: 1 }];
    grid.hiddenRows = [1];
    const wb = SimWorkbook.fromGrids([grid]);
    await createSimExcel(wb).run(async (ctx) => {
      const used = ctx.workbook.worksheets.getActiveWorksheet().getUsedRange();
      const merged = used.getMergedAreasOrNullObject();
      const visible = used.getSpecialCellsOrNullObject('Visible');
      merged.load('address');
      visible.load('address');
      await ctx.sync();
      expect(merged.address).toBe('表1!A1:B1');
      expect(visible.address).toBe('表1!A1:B1,表1!A3:B3');
    });
  });
});
