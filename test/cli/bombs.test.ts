/**
 * #9 item 9: small files that exhausted the heap (a value at XFD1048576, a merge K1:XFD1048576,
 * a whole merged column) answer with a result and findings, under a 500 MB heap. Run through the
 * real launcher in a child process so a regression fails this test instead of the test runner.
 * Time is measured in `npm run bench` (bench/bombs.ts), not asserted here.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { Workbook } from 'exceljs';
import JSZip from 'jszip';
import { bombXlsx, type BombKind } from '../../bench/bombs';
import type { JsonReport } from '../../src/cli/main';
import { REPO_ROOT, tempDir } from './helpers';

const tmp = tempDir();
const BIN = path.join(REPO_ROOT, 'bin', 'scorecard.js');

function scorecard(args: string[]) {
  const result = spawnSync(process.execPath, ['--max-old-space-size=500', BIN, ...args], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 120_000 });
  return { code: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

async function bombFile(kind: BombKind): Promise<string> {
  const file = tmp.file(`${kind}.xlsx`);
  writeFileSync(file, await bombXlsx(kind));
  return file;
}

beforeAll(() => {
  execFileSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'build-cli.mjs')], { cwd: REPO_ROOT, timeout: 60_000 });
});

const EXPECTED: Record<BombKind, string[]> = {
  farCell: ['CELLS_OUTSIDE_TABLE'],
  hugeMerge: ['MERGE_CLIPPED'],
  columnMerge: ['MERGE_CLIPPED'],
  all: ['CELLS_OUTSIDE_TABLE', 'MERGE_CLIPPED', 'MERGE_CLIPPED'],
};

describe('bombs in small files', () => {
  it.each(Object.keys(EXPECTED) as BombKind[])('%s: check --json ranks the table and names what was left out', async (kind) => {
    const result = scorecard(['check', await bombFile(kind), '--json']);
    expect(result.signal).toBeNull();
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.categories.map((c) => c.units.map((u) => `${u.name}:${u.total}:${u.rank}`))).toEqual([
      ['温泉街道:72:1', '城关镇:55:2'],
      ['县公安局:55:1', '县财政局:36:2', '县教育局:20:3'],
    ]);
    const codes = report.findings.filter((f) => f.severity !== 'info' && f.code !== 'EMPTY_SCORE').map((f) => f.code);
    expect(codes.filter((c) => EXPECTED[kind].includes(c))).toEqual(EXPECTED[kind]);
    const far = report.findings.find((f) => f.code === 'CELLS_OUTSIDE_TABLE');
    if (far) expect(far.cell).toBe('XFD1048576');
  });

  it('recalc of the far-cell file writes the table and keeps the far cell as it was', async () => {
    const out = tmp.file('farCell-out.xlsx');
    const result = scorecard(['recalc', await bombFile('farCell'), '--out', out]);
    expect(result.code).toBe(0);
    const wb = new Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('E4').value).toBe(72);
    expect(ws.getCell('XFD1048576').value).toBe(1);
  });

  it('recalc of a file whose merge was clipped for reading: a warning, and the copy written in place keeps the merge as it was', async () => {
    const input = await bombFile('hugeMerge');
    const out = tmp.file('hugeMerge-out.xlsx');
    const result = scorecard(['recalc', input, '--out', out, '--json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.findings.map((f) => f.code)).toContain('MERGE_CLIPPED');
    // The file is edited in place: the merge the reader clipped is still in the copy, untouched.
    const zip = await JSZip.loadAsync(readFileSync(out));
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(sheet).toContain('K1:XFD1048576');
  });
});
