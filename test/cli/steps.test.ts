import { readFileSync } from 'node:fs';
import { chooseAndAnalyse, readWorkbook } from '../../src/cli/main';
import { describeError } from '../../src/cli/step';
import { nodeFileSystem } from '../../src/cli/files';

import { fixturePath } from '../support/fixtures';

const FIXTURE = fixturePath('wenxian-2023-q3-input.xlsx');

describe('CLI steps return a Result: expected failures are values, never thrown', () => {
  it('a missing input file is a NOT_FOUND problem naming the path', async () => {
    const read = await readWorkbook(nodeFileSystem, '/nonexistent/期末得分.xlsx');
    expect(read).toEqual({ ok: false, error: { code: 'NOT_FOUND', key: 'cli.error.notFound', params: { path: '/nonexistent/期末得分.xlsx' } } });
  });

  it('a file that is not a workbook is a NOT_XLSX problem', async () => {
    const fs = { ...nodeFileSystem, readFile: async () => new TextEncoder().encode('单位,基础得分\n水利局,10\n') };
    const read = await readWorkbook(fs, '得分.csv');
    expect(read.ok ? null : read.error.code).toBe('NOT_XLSX');
  });

  it('reads the real workbook, and a sheet name that is not there is a SHEET_NOT_FOUND problem listing the sheets', async () => {
    const read = await readWorkbook(nodeFileSystem, FIXTURE);
    if (!read.ok) throw new Error(read.error.key);
    const found = chooseAndAnalyse(read.value.workbook, { sheet: null, rank: null, locale: 'zh-CN' });
    expect(found.ok && found.value.analysis.kind).toBe('table');
    const missing = chooseAndAnalyse(read.value.workbook, { sheet: '没有这张表', rank: null, locale: 'zh-CN' });
    expect(missing.ok ? null : { code: missing.error.code, sheet: missing.error.params.sheet }).toEqual({ code: 'SHEET_NOT_FOUND', sheet: '没有这张表' });
  });

  it('a system error names its code once: Node\'s messages already begin with it', () => {
    let thrown: unknown;
    try {
      readFileSync('/nonexistent/期末得分.xlsx');
    } catch (error) {
      thrown = error;
    }
    expect(describeError(thrown)).toMatch(/^ENOENT: no such file or directory/);
    expect(describeError(thrown)).not.toMatch(/^ENOENT: ENOENT/);
    expect(describeError(Object.assign(new Error('disk full'), { code: 'ENOSPC' }))).toBe('ENOSPC: disk full');
  });
});
