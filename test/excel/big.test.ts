/**
 * A sheet too big for one request or one response: the read comes in row blocks and the
 * write in chunks, every sync under Excel on the web's 5 MB both ways, all or nothing.
 */
import { PAYLOAD_LIMIT_BYTES, SimWorkbook, type SyncRecord } from '../../src/sim';
import { bigGrid } from './bigSheet';
import { simHost } from './simHost';

const SIXTY_THOUSAND = { categories: 60, perCategory: 1000 };

const underLimit = (s: SyncRecord) => s.bytes < PAYLOAD_LIMIT_BYTES && s.responseBytes < PAYLOAD_LIMIT_BYTES;

describe('60,000 units', () => {
  test('recalculation reads in blocks and writes in chunks, each sync under 5 MB both ways; undo restores the blanks', async () => {
    const wb = SimWorkbook.fromGrids([bigGrid(SIXTY_THOUSAND)]);
    const original = JSON.stringify(wb.toGrids()[0]);
    const { host, reported } = simHost(wb);
    const result = await host.recalcNow();
    if (!result.ok) throw new Error(result.error.key);
    expect(reported('recalcNow')).toBe(wb.syncCount);
    expect(wb.syncLog.every((s) => s.ok && underLimit(s))).toBe(true);
    // Neither the read nor the write would have fit in one sync.
    const reads = wb.syncLog.filter((s) => s.responseBytes > 0);
    const writes = wb.syncLog.filter((s) => s.responseBytes === 0);
    const sheetBytes = reads.reduce((n, s) => n + s.responseBytes, 0);
    expect(reads.length).toBeGreaterThan(1);
    expect(sheetBytes).toBeGreaterThan(PAYLOAD_LIMIT_BYTES);
    expect(writes.reduce((n, s) => n + s.bytes, 0)).toBeGreaterThan(PAYLOAD_LIMIT_BYTES);
    const grid = wb.toGrids()[0]!;
    const row = grid.values.find((r) => r[0] === '单位59-999')!;
    // 999 % 7 != 0 -> base 30; adoption (999 % 13 = 11) * 5 = 55; bonus (999 % 3 = 0) * 0.5 = 0.
    expect(row[4]).toBe(85);
    expect(typeof row[5]).toBe('number');
    // Every unit got its total: the blocks fit together without a lost or doubled row.
    expect(grid.values.filter((r) => typeof r[4] === 'number')).toHaveLength(60_000);

    const before = wb.syncCount;
    const undo = await host.undoLast();
    if (!undo.ok) throw new Error(undo.error.key);
    const undoSyncs = wb.syncLog.slice(before);
    expect(reported('undoLast')).toBe(undoSyncs.length);
    expect(undoSyncs.every((s) => s.ok && underLimit(s))).toBe(true);
    // The undo record alone passes 5 MB: it was read in blocks too.
    expect(undoSyncs.reduce((n, s) => n + s.responseBytes, 0)).toBeGreaterThan(sheetBytes + PAYLOAD_LIMIT_BYTES);
    expect(JSON.stringify(wb.toGrids()[0])).toBe(original);
  }, 60000);

  test('a later write chunk failing puts back the earlier chunks: never half a write', async () => {
    // Where the write starts: the first sync that sends a large request.
    const probe = SimWorkbook.fromGrids([bigGrid(SIXTY_THOUSAND)]);
    expect((await simHost(probe).host.recalcNow()).ok).toBe(true);
    const firstWrite = probe.syncLog.findIndex((s) => s.bytes > 100_000);
    expect(firstWrite).toBeGreaterThan(0);

    const wb = SimWorkbook.fromGrids([bigGrid(SIXTY_THOUSAND)]);
    const before = wb.snapshot();
    const { host } = simHost(wb);
    // Sync numbers count from 1: fail the second write chunk.
    wb.failSync({ code: 'ConnectionFailure' }, firstWrite + 2);
    const result = await host.recalcNow();
    expect(!result.ok && result.error.key).toBe('host.error.connection');
    expect(wb.syncLog[firstWrite]!.ok).toBe(true);
    expect(wb.syncLog[firstWrite]!.bytes).toBeGreaterThan(100_000);
    // The rollback reads back what was written, under the limit too.
    expect(wb.syncLog.filter((s) => s.ok).every(underLimit)).toBe(true);
    expect(wb.snapshot()).toBe(before);
    const retry = await host.recalcNow();
    expect(retry.ok).toBe(true);
  }, 60000);
});
