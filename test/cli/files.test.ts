/** The input is never overwritten, a failed write leaves no file, unreadable input answers exit 2. */
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { nodeFileSystem, sniffInput, writeFileAtomic, type CliFileSystem } from '../../src/cli/files';
import type { JsonReport } from '../../src/cli/main';
import { buildXlsx } from '../support/xlsx';
import { INPUT_XLSX, run, tempDir } from './helpers';

const tmp = tempDir();

describe('the input file is never overwritten', () => {
  it.each([
    ['the same path', (p: string) => p],
    ['the same file spelt differently', (p: string) => path.join(path.dirname(p), '.', 'sub', '..', path.basename(p))],
  ])('refuses --out naming %s, exit 2, input unchanged', async (_label, spell) => {
    const input = tmp.file('own.xlsx');
    copyFileSync(INPUT_XLSX, input);
    const before = readFileSync(input);
    for (const command of ['recalc', 'summary']) {
      const result = await run([command, input, '--out', spell(input)]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('输出文件不能与输入文件相同');
    }
    expect(readFileSync(input).equals(before)).toBe(true);
  });

  it('refuses an output that is a hard link to the input', async () => {
    const input = tmp.file('linked.xlsx');
    const link = tmp.file('link-to-input.xlsx');
    copyFileSync(INPUT_XLSX, input);
    linkSync(input, link);
    const result = await run(['recalc', input, '--out', link]);
    expect(result.code).toBe(2);
    expect(readFileSync(input).equals(readFileSync(INPUT_XLSX))).toBe(true);
  });
});

/** Node's file system with one operation made to fail. */
function failing(overrides: Partial<CliFileSystem>): CliFileSystem {
  return { ...nodeFileSystem, ...overrides };
}

describe('a failed write leaves no partial file', () => {
  const leftovers = (dir: string) => readdirSync(dir);

  it('when the disk fills up halfway through the temporary file', async () => {
    const dir = tmp.file('disk-full');
    mkdirSync(dir);
    const out = path.join(dir, 'out.xlsx');
    const fs = failing({
      writeFile: async (file, data, options) => {
        await nodeFileSystem.writeFile(file, data.subarray(0, Math.floor(data.length / 2)), options);
        throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
      },
    });
    const result = await run(['recalc', INPUT_XLSX, '--out', out, '--json'], { fs });
    expect(result.code).toBe(2);
    expect((JSON.parse(result.stdout) as JsonReport).error?.code).toBe('WRITE_FAILED');
    expect(result.stderr).toContain('无法写入');
    expect(result.stderr).toContain('ENOSPC');
    expect(leftovers(dir)).toEqual([]);
  });

  it('when the final rename fails, an existing output keeps its old content', async () => {
    const dir = tmp.file('rename-fails');
    mkdirSync(dir);
    const out = path.join(dir, 'out.xlsx');
    writeFileSync(out, 'previous contents');
    const fs = failing({ rename: async () => Promise.reject(Object.assign(new Error('permission denied'), { code: 'EACCES' })) });
    const result = await run(['summary', INPUT_XLSX, '--out', out], { fs });
    expect(result.code).toBe(2);
    expect(leftovers(dir)).toEqual(['out.xlsx']);
    expect(readFileSync(out, 'utf8')).toBe('previous contents');
  });

  it('when the output folder does not exist', async () => {
    const out = tmp.file('no/such/folder/out.xlsx');
    const result = await run(['recalc', INPUT_XLSX, '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('无法写入');
    expect(existsSync(tmp.file('no'))).toBe(false);
  });

  it('writeFileAtomic replaces the target only once the new content is complete', async () => {
    const target = tmp.file('atomic.bin');
    writeFileSync(target, 'old');
    await writeFileAtomic(nodeFileSystem, target, Buffer.from('new'));
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(readdirSync(tmp.dir()).filter((f) => f.includes('atomic.bin'))).toEqual(['atomic.bin']);
  });
});

describe('unreadable input answers exit 2 with a Chinese message', () => {
  const cases: Array<[string, () => Promise<Buffer | null>, string, string]> = [
    ['a text file', async () => Buffer.from('单位,基础得分\n温泉街道,120\n'), 'NOT_XLSX', '不是 .xlsx 文件'],
    ['an empty file', async () => Buffer.alloc(0), 'NOT_XLSX', '不是 .xlsx 文件'],
    ['a truncated .xlsx', async () => readFileSync(INPUT_XLSX).subarray(0, 2000), 'CORRUPT', '文件已损坏'],
    [
      'a zip with garbage inside',
      async () => {
        const good = await buildXlsx([{ name: 'a', rows: [['x']] }]);
        const bad = Buffer.from(good);
        for (let i = 200; i < bad.length - 200; i++) bad[i] = (bad[i]! * 31 + 7) & 0xff;
        return bad;
      },
      'CORRUPT',
      '文件已损坏',
    ],
    [
      // Office encrypts a password-protected .xlsx into an OLE compound file (as old .xls files are).
      'a password-protected (OLE container) file',
      async () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]),
      'ENCRYPTED',
      '文件设有打开密码',
    ],
    ['a missing file', async () => null, 'NOT_FOUND', '找不到文件'],
  ];

  it.each(cases)('%s', async (label, make, code, message) => {
    const input = tmp.file(`${label.replace(/\W+/g, '-')}.xlsx`);
    const data = await make();
    if (data) writeFileSync(input, data);
    const out = tmp.file('never.xlsx');
    const json = await run(['recalc', input, '--out', out, '--json']);
    expect(json.code).toBe(2);
    expect((JSON.parse(json.stdout) as JsonReport).error?.code).toBe(code);
    const plain = await run(['check', input]);
    expect(plain.code).toBe(2);
    expect(plain.stdout).toBe('');
    expect(plain.stderr).toContain(message);
    expect(existsSync(out)).toBe(false);
  });

  it('a folder given as the input', async () => {
    const result = await run(['check', tmp.dir()]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('是文件夹');
  });

  it('sniffInput tells zip, OLE and anything else apart', () => {
    expect(sniffInput(readFileSync(INPUT_XLSX))).toBe('xlsx');
    expect(sniffInput(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]))).toBe('cfb');
    expect(sniffInput(Buffer.from('PK'))).toBe('other');
  });
});
