/** #9 items 11-13: an --out that is not a regular file, temporaries of killed runs, control characters. */
import { execFileSync, spawnSync } from 'node:child_process';
import { lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { JsonReport } from '../../src/cli/main';
import JSZip from 'jszip';
import { buildXlsx, scoreSheetRows } from '../support/xlsx';
import { INPUT_XLSX, run, tempDir } from './helpers';

const tmp = tempDir();

describe('--out that exists but is not a regular file is refused, and left as it was', () => {
  it('a symlink to another file: exit 2, the link and its target untouched', async () => {
    const dir = tmp.file('symlink');
    mkdirSync(dir);
    const target = path.join(dir, 'target.txt');
    writeFileSync(target, 'keep me');
    const link = path.join(dir, 'out.xlsx');
    symlinkSync(target, link);
    const result = await run(['recalc', INPUT_XLSX, '--out', link, '--json']);
    expect(result.code).toBe(2);
    expect((JSON.parse(result.stdout) as JsonReport).error?.code).toBe('OUT_NOT_REGULAR');
    expect(result.stderr).toContain('是符号链接');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe('keep me');
    expect(readdirSync(dir).sort()).toEqual(['out.xlsx', 'target.txt']);
  });

  it('a symlink to /proc/self/fd/1 (the terminal): exit 2, still a symlink', async () => {
    const link = tmp.file('stdout-link.xlsx');
    symlinkSync('/proc/self/fd/1', link);
    const result = await run(['summary', INPUT_XLSX, '--out', link]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('是符号链接');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
  });

  // A named pipe in the test's own folder stands for /dev/stdout: were the check to regress, a run
  // as root must not replace a real device (it once replaced /dev/null with a plain file).
  it('a special file (a named pipe): exit 2 with a Chinese message, the pipe left as it was', async () => {
    const fifo = tmp.file('pipe.xlsx');
    execFileSync('mkfifo', [fifo]);
    const result = await run(['recalc', INPUT_XLSX, '--out', fifo]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('不是普通文件');
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('a folder: exit 2 naming it', async () => {
    const dir = tmp.file('a-folder.xlsx');
    mkdirSync(dir);
    const result = await run(['recalc', INPUT_XLSX, '--out', dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('是文件夹');
    expect(lstatSync(dir).isDirectory()).toBe(true);
  });

  it('an existing regular file is still replaced as before', async () => {
    const out = tmp.file('regular.xlsx');
    writeFileSync(out, 'old');
    const result = await run(['recalc', INPUT_XLSX, '--out', out]);
    expect(result.code).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });
});

describe('temporaries left by a killed run are removed by the next run of the same output', () => {
  /** The id of a process that has exited: nothing can still be writing under it. */
  function deadPid(): number {
    const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    return Number(child.stdout);
  }

  it('removes the dead run\'s .tmp, keeps a live run\'s and other outputs\' temporaries', async () => {
    const dir = tmp.file('leftovers');
    mkdirSync(dir);
    const out = path.join(dir, 'out.xlsx');
    const stale = `.out.xlsx.${deadPid()}.mabc123.tmp`;
    const live = `.out.xlsx.${process.pid}.mdef456.tmp`; // a run still writing (here: this process)
    const other = `.other.xlsx.${deadPid()}.mabc123.tmp`; // another output's: not ours to judge
    for (const name of [stale, live, other]) writeFileSync(path.join(dir, name), 'PK partial');
    const result = await run(['recalc', INPUT_XLSX, '--out', out]);
    expect(result.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([live, other, 'out.xlsx'].sort());
  });
});

describe('control characters in cells reach the terminal escaped', () => {
  it('ESC and BEL in a unit name are printed as \\x1B and \\x07 in the human report', async () => {
    const input = tmp.file('control.xlsx');
    const made = await buildXlsx([
      { name: '得分', rows: scoreSheetRows([{ name: '三类考评单位', units: [['残联CTRL温泉', 0, 0, 0], ['文联', 5, 5, 0]] }]), merges: ['A3:F3'] },
    ]);
    // Excel stores control characters in cell text as _xHHHH_ escapes (XML cannot hold them raw).
    const zip = await JSZip.loadAsync(made);
    const strings = await zip.file('xl/sharedStrings.xml')!.async('string');
    expect(strings).toContain('CTRL');
    zip.file('xl/sharedStrings.xml', strings.replace('CTRL', '_x001B_[2J_x0007_'));
    writeFileSync(input, await zip.generateAsync({ type: 'nodebuffer' }));
    const result = await run(['check', input]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('残联\\x1B[2J\\x07温泉');
    expect(result.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    // JSON stays exact: a program reading it gets the name as it is in the cell.
    const json = await run(['check', input, '--json']);
    const units = (JSON.parse(json.stdout) as JsonReport).categories.flatMap((c) => c.units.map((u) => u.name));
    expect(units.some((u) => u.includes('\u001b[2J\u0007'))).toBe(true);
  });
});
