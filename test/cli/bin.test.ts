/** The real launcher: build dist/cli.cjs as `npm ci` does (prepare), then spawn bin/scorecard.js. */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { JsonReport } from '../../src/cli/main';
import { scoreSheetRows, writeXlsx } from '../support/xlsx';
import { INPUT_XLSX, PUBLISHED_XLSX, REPO_ROOT, tempDir } from './helpers';

const tmp = tempDir();
const BIN = path.join(REPO_ROOT, 'bin', 'scorecard.js');

function scorecard(args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  execFileSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'build-cli.mjs')], { cwd: REPO_ROOT, timeout: 60_000 });
});

describe('node bin/scorecard.js', () => {
  it('check --json on the published table: exit 0 and one JSON document on stdout', () => {
    const result = scorecard(['check', PUBLISHED_XLSX, '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.categories.flatMap((c) => c.units)).toHaveLength(47);
  });

  it('recalc writes the output and exits 0', () => {
    const out = tmp.file('bin-out.xlsx');
    const result = scorecard(['recalc', INPUT_XLSX, '--out', out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('已写入');
    expect(existsSync(out)).toBe(true);
  });

  it('passes exit status 1 through when errors are found, and writes nothing', async () => {
    const input = tmp.file('bin-errors.xlsx');
    await writeXlsx(input, [{ name: '得分', rows: scoreSheetRows([{ name: '三类考评单位', units: [['残联', -5, 5, 0]] }]), merges: ['A3:F3'] }]);
    const out = tmp.file('bin-errors-out.xlsx');
    const result = scorecard(['recalc', input, '--out', out]);
    expect(result.code).toBe(1);
    expect(existsSync(out)).toBe(false);
  });

  it('passes exit status 2 and a Chinese message through for a missing file', () => {
    const result = scorecard(['check', tmp.file('nothing-here.xlsx')]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('找不到文件');
  });
});

describe('a reader that stops early (#9 item 13)', () => {
  it('`check --json | head -c 100`: no EPIPE stack on stderr', async () => {
    // Enough units that the JSON document is far larger than a pipe's buffer (64 KiB).
    const units: Array<[string, number, number, number]> = [];
    for (let i = 0; i < 3000; i++) units.push([`单位${i}`, i % 50, 5, 0]);
    const input = tmp.file('bin-big.xlsx');
    await writeXlsx(input, [{ name: '得分', rows: scoreSheetRows([{ name: '一类考评单位', units }]), merges: ['A3:F3'] }]);
    const errFile = tmp.file('bin-big.stderr');
    const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
    const result = spawnSync('sh', ['-c', `${quote(process.execPath)} ${quote(BIN)} check ${quote(input)} --json 2>${quote(errFile)} | head -c 100`], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.stdout.startsWith('{')).toBe(true);
    expect(readFileSync(errFile, 'utf8')).toBe('');
  });
});
