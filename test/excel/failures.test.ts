/**
 * Failure injection: every way a write can fail leaves the workbook cell for cell as it
 * was, ends in a Chinese message naming the sheet or cell, and a retry succeeds.
 */
import { cellWrites } from '../../src/core';
import { t, type MessageKey } from '../../src/i18n';
import { SimWorkbook } from '../../src/sim';
import { publishedUnits } from '../support/fixtures';
import { fixtureGrids, simHost } from './simHost';

async function setup(requirements?: Record<string, string>) {
  const wb = SimWorkbook.fromGrids(await fixtureGrids());
  if (requirements) wb.requirements = requirements;
  const sheetName = wb.sheets[0]!.name;
  return { ...simHost(wb), sheetName, before: wb.snapshot() };
}

function zh(message: { key: MessageKey; params?: Record<string, string | number> }): string {
  return t(message.key, 'zh-CN', message.params ?? {});
}

async function expectRetrySucceeds(host: Awaited<ReturnType<typeof setup>>['host'], wb: SimWorkbook) {
  const retry = await host.recalcNow();
  if (!retry.ok) throw new Error(zh(retry.error));
  const grid = wb.toGrids()[0]!;
  const row = grid.values.find((r) => r[0] === '温泉街道')!;
  expect(row.slice(4, 6)).toEqual([publishedUnits()[0]!.total, publishedUnits()[0]!.rank]);
}

describe('failure injection', () => {
  test('lost connection during the write', async () => {
    const { wb, host, before } = await setup();
    wb.failSync({ code: 'ConnectionFailure', message: 'lost' }, 2);
    const result = await host.recalcNow();
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.key).toBe('host.error.connection');
    expect(result.error.officeCode).toBe('ConnectionFailure');
    expect(zh(result.error)).toContain('没有写入任何内容');
    expect(wb.snapshot()).toBe(before);
    await expectRetrySucceeds(host, wb);
  });

  test('lost connection during the read', async () => {
    const { wb, host, before } = await setup();
    wb.failSync({ code: 'ConnectionFailure' });
    const result = await host.inspect();
    expect(!result.ok && result.error.key).toBe('host.error.connection');
    expect(wb.snapshot()).toBe(before);
    expect((await host.inspect()).ok).toBe(true);
  });

  test('protected sheet: refused before writing, with the sheet named', async () => {
    const { wb, host, sheetName } = await setup();
    wb.protectSheet(sheetName, true);
    const before = wb.snapshot();
    const result = await host.recalcNow();
    expect(!result.ok && result.error).toEqual({ key: 'host.error.sheetProtected', params: { sheet: sheetName } });
    expect(!result.ok && zh(result.error)).toContain(`“${sheetName}”受保护`);
    expect(wb.snapshot()).toBe(before);
    wb.protectSheet(sheetName, false);
    await expectRetrySucceeds(host, wb);
  });

  test('sheet protected between the read and the write of one run: what ran is put back', async () => {
    const { wb, host, sheetName, before } = await setup();
    // The undo store sheet is added first in the write batch; the cell writes then fail.
    wb.beforeSync(() => wb.protectSheet(sheetName, true), 2);
    const result = await host.recalcNow();
    expect(!result.ok && result.error.key).toBe('host.error.accessDenied');
    wb.protectSheet(sheetName, false);
    expect(wb.snapshot()).toBe(before);
    await expectRetrySucceeds(host, wb);
  });

  test('cell-edit mode where Excel cannot delay the batch (before ExcelApi 1.11)', async () => {
    const { wb, host, before } = await setup({ ExcelApi: '1.10' });
    wb.setCellEditMode(true);
    const result = await host.recalcNow();
    expect(!result.ok && result.error.key).toBe('host.error.cellEditMode');
    expect(!result.ok && zh(result.error)).toContain('Enter');
    expect(wb.snapshot()).toBe(before);
    wb.setCellEditMode(false);
    await expectRetrySucceeds(host, wb);
    expect(wb.runLog.every((r) => !r.delayForCellEdit && !r.mergeUndoGroup)).toBe(true);
  });

  test('cell-edit mode with delayForCellEdit: the run waits for the user, then writes', async () => {
    const { wb, host } = await setup();
    wb.setCellEditMode(true);
    const pending = host.recalcNow();
    await new Promise((r) => setTimeout(r, 20));
    expect(wb.syncCount).toBe(0);
    wb.setCellEditMode(false);
    expect((await pending).ok).toBe(true);
  });

  test('payload too large for Excel: nothing written, message, retry succeeds', async () => {
    const { wb, host, before, sheetName } = await setup();
    // The read's response fits; the write's request (sync 2) does not.
    wb.beforeSync(() => void (wb.payloadLimit = 2000), 2);
    const result = await host.recalcNow();
    expect(wb.syncLog.slice(0, 2).map((s) => s.errorCode ?? 'ok')).toEqual(['ok', 'RequestPayloadSizeLimitExceeded']);
    expect(!result.ok && result.error).toMatchObject({ key: 'host.error.payloadTooLarge', params: { sheet: sheetName } });
    expect(wb.snapshot()).toBe(before);
    wb.payloadLimit = 5 * 1024 * 1024;
    await expectRetrySucceeds(host, wb);
  });

  test('sheet edited between the preview and the write: refused, naming the cell', async () => {
    const { wb, host, sheetName } = await setup();
    const preview = await host.previewRecalc();
    if (!preview.ok) throw new Error('preview failed');
    const target = cellWrites(preview.value.plan).find((w) => w.kind === 'total')!;
    wb.userEdit(sheetName, target.address, 100);
    const edited = wb.snapshot();
    const result = await host.applyRecalc(preview.value);
    expect(!result.ok && result.error).toEqual({ key: 'host.error.sheetChanged', params: { sheet: sheetName, cell: target.address } });
    expect(!result.ok && zh(result.error)).toContain(target.address);
    expect(wb.snapshot()).toBe(edited);
    const again = await host.previewRecalc();
    if (!again.ok) throw new Error('preview failed');
    expect((await host.applyRecalc(again.value)).ok).toBe(true);
  });

  test('any other Office error carries its code and debug info into the message', async () => {
    const { wb, host, before, sheetName } = await setup();
    wb.failSync({ code: 'GeneralException', message: 'boom', debugInfo: { errorLocation: 'Range.values' } }, 2);
    const result = await host.recalcNow();
    expect(!result.ok && result.error.officeCode).toBe('GeneralException');
    expect(!result.ok && zh(result.error)).toBe(`Excel 返回错误 GeneralException（boom (Range.values)）。工作表“${sheetName}”没有被修改。`);
    expect(wb.snapshot()).toBe(before);
  });

  test('undo fails on a lost connection and works on retry', async () => {
    const { wb, host } = await setup();
    expect((await host.recalcNow()).ok).toBe(true);
    const after = wb.snapshot();
    wb.failSync({ code: 'ConnectionFailure' }, 2);
    const failed = await host.undoLast();
    expect(!failed.ok && failed.error.key).toBe('host.error.connection');
    expect(wb.snapshot()).toBe(after);
    expect((await host.undoLast()).ok).toBe(true);
  });

  test('a write in chunks failing halfway is put back; when putting back fails too, the message says so', async () => {
    const grids = await fixtureGrids();
    // A small budget: the write goes in several syncs, so the first chunk is in the sheet when the second fails.
    const dry = simHost(SimWorkbook.fromGrids(structuredClone(grids)), { payloadBudget: 4000 });
    expect((await dry.host.recalcNow()).ok).toBe(true);
    const writes = dry.wb.syncLog.map((s, i) => [s, i + 1] as const).filter(([s]) => s.responseBytes === 0);
    expect(writes.length).toBeGreaterThan(2);
    const second = writes[1]![1];

    const rolled = simHost(SimWorkbook.fromGrids(structuredClone(grids)), { payloadBudget: 4000 });
    const before = rolled.wb.snapshot();
    rolled.wb.failSync({ code: 'ConnectionFailure' }, second);
    const put = await rolled.host.recalcNow();
    expect(!put.ok && put.error.key).toBe('host.error.connection');
    // The rollback read back and rewrote what the first chunk had written.
    expect(rolled.wb.syncLog.length).toBeGreaterThan(second);
    expect(rolled.wb.snapshot()).toBe(before);

    const broken = simHost(SimWorkbook.fromGrids(structuredClone(grids)), { payloadBudget: 4000 });
    const sheetName = broken.wb.sheets[0]!.name;
    const untouched = broken.wb.snapshot();
    broken.wb.failSync({ code: 'ConnectionFailure' }, second);
    broken.wb.failSync({ code: 'ConnectionFailure' }, second + 1);
    const partial = await broken.host.recalcNow();
    expect(!partial.ok && partial.error).toMatchObject({ key: 'host.error.partial', params: { sheet: sheetName } });
    expect(!partial.ok && zh(partial.error)).toContain('未能自动恢复');
    // The first chunk stayed: the message is right to send the user to Ctrl+Z.
    expect(broken.wb.snapshot()).not.toBe(untouched);
    expect(broken.counts).toEqual([]);
  });

  test('the settings save can fail with a message', async () => {
    const { host, office } = await setup();
    office.failNextSave('disk full');
    const r = await host.saveSettings({ rankMode: 'dense', topN: 3, flagColumn: true });
    expect(!r.ok && zh(r.error)).toContain('disk full');
  });
});

describe('code fetched on first use', () => {
  it('when the writing code cannot be fetched, says so, writes nothing, and fetches it again on the next click', async () => {
    let fetches = 0;
    let isolated: { simHost: typeof simHost } | undefined;
    jest.isolateModules(() => {
      jest.doMock('../../src/excel/writes', () => {
        fetches += 1;
        if (fetches === 1) throw new Error('Loading chunk 19 failed.');
        return jest.requireActual<typeof import('../../src/excel/writes')>('../../src/excel/writes');
      });
      isolated = jest.requireActual<{ simHost: typeof simHost }>('./simHost');
    });
    const wb = SimWorkbook.fromGrids(await fixtureGrids());
    const before = wb.snapshot();
    const { host } = isolated!.simHost(wb);
    // Reading and checking need none of it.
    expect((await host.inspect()).ok).toBe(true);
    const first = await host.recalcNow();
    expect(first.ok).toBe(false);
    if (first.ok) return;
    expect(first.error.key).toBe('host.error.codeNotLoaded');
    expect(zh(first.error)).toBe('考评助手的一部分没有加载成功（Loading chunk 19 failed.），表格没有被修改。请检查网络后重试。');
    expect(wb.snapshot()).toEqual(before);
    await expectRetrySucceeds(host, wb);
    expect(fetches).toBe(2);
    jest.dontMock('../../src/excel/writes');
  });
});
