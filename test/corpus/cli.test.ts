import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Workbook } from 'exceljs';
import { analyze, hasErrors, planWrites, cellWrites, type Grid } from '../../src/core';
import { runCli, type JsonReport } from '../../src/cli';
import { gridFromWorksheet } from '../../src/xlsx/workbook';
import { CASES, type CorpusCase } from './cases';
import { diffCells, findingKeys } from './check';
import { writeGridXlsx } from './xlsx';

let dir: string;
const fileOf = (c: CorpusCase, suffix = '') => join(dir, `${c.id}${suffix}.xlsx`);

async function cli(argv: string[]): Promise<{ status: number; report: JsonReport; stderr: string }> {
  let out = '';
  let err = '';
  const status = await runCli(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { status, report: JSON.parse(out) as JsonReport, stderr: err };
}

async function readGrid(file: string): Promise<Grid> {
  const workbook = new Workbook();
  await workbook.xlsx.readFile(file);
  return gridFromWorksheet(workbook.getWorksheet(CASES[0]!.grid.sheetName)!);
}

const categoriesOf = (report: JsonReport) => report.categories.map((c) => ({ name: c.name, units: c.units.map((u) => [u.name, u.total, u.rank]) }));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'scorecard-corpus-'));
  await Promise.all(CASES.map((c) => writeGridXlsx(c.grid, fileOf(c))));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe.each(CASES.map((c) => [c.id, c] as const))('corpus case %s through the CLI', (_id, c: CorpusCase) => {
  const expectedErrors = hasErrors(analyze(c.grid).findings);

  if (c.categories === undefined) {
    it('answers a sheet with no score table with exit status 2, and names the problem for the chosen sheet', async () => {
      const picked = await cli(['check', fileOf(c), '--json']);
      expect(picked.status).toBe(2);
      expect(picked.report.error?.code).toBe('NO_SCORE_TABLE');
      expect(picked.stderr).not.toBe('');
      const named = await cli(['check', fileOf(c), '--json', '--sheet', c.grid.sheetName]);
      expect(named.status).toBe(2);
      expect(findingKeys(named.report.findings)).toEqual(c.findings);
    });
    return;
  }

  it('check --json reports the same findings and results as the core, with exit status 1 on errors', async () => {
    const { status, report } = await cli(['check', fileOf(c), '--json']);
    expect(findingKeys(report.findings)).toEqual(c.findings);
    expect(categoriesOf(report)).toEqual(c.categories);
    expect(status).toBe(expectedErrors ? 1 : 0);
    for (const f of report.findings) if (f.cell) expect(f.message).toContain(f.cell);
  });

  it('recalc --force changes exactly the planned cells, and checking the output finds no stale total or rank', async () => {
    const out = fileOf(c, '.out');
    const run = await cli(['recalc', fileOf(c), '--out', out, '--force', '--json']);
    expect(run.status).toBe(expectedErrors ? 1 : 0);
    const planned = cellWrites(planWrites(c.grid, analyze(c.grid), { flagColumn: true })).map((w) => w.address);
    expect(run.report.written?.cells).toBe(planned.length);
    const [before, after] = await Promise.all([readGrid(fileOf(c)), readGrid(out)]);
    expect(diffCells(before, after).sort()).toEqual([...planned].sort());

    const again = await cli(['check', out, '--json']);
    expect(categoriesOf(again.report)).toEqual(c.categories);
    const kept = new Set(c.findings.filter(([code]) => code === 'FORMULA_OVERWRITE').map(([, cell]) => cell));
    const stale = again.report.findings.filter((f) => (f.code === 'TOTAL_MISMATCH' || f.code === 'RANK_MISMATCH') && !kept.has(f.cell));
    expect(findingKeys(stale)).toEqual([]);
  });
});
