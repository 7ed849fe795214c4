/**
 * #11 item 7 写入公式 through the CLI: `recalc --formulas` writes live formulas with cached values,
 * and LibreOffice, recalculating on open, computes the published totals and ranks from them,
 * and new ones after the test edits a score in the file. A missing soffice fails the test.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import JSZip from 'jszip';
import type { JsonReport } from '../../src/cli/main';
import { INPUT_XLSX, fixture, parsePublishedTsv, run, tempDir } from './helpers';

const tmp = tempDir();
const published = parsePublishedTsv(readFileSync(fixture('wenxian-2023-q3.tsv'), 'utf8'));
const SHEET = 'xl/worksheets/sheet1.xml';

async function part(file: string, name: string): Promise<string> {
  return (await JSZip.loadAsync(readFileSync(file))).file(name)!.async('string');
}

/** The file with one cell's stored number replaced, as a script editing the file would (cached formula results left stale). */
async function editNumber(file: string, out: string, ref: string, value: number): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const xml = await zip.file(SHEET)!.async('string');
  const re = new RegExp(`(<c r="${ref}"[^>]*><v>)[^<]*(</v>)`);
  expect(re.test(xml)).toBe(true);
  zip.file(SHEET, xml.replace(re, `$1${value}$2`));
  writeFileSync(out, await zip.generateAsync({ type: 'nodebuffer' }));
}

function parseCsv(text: string): string[][] {
  return text
    .split(/\r?\n/)
    .filter((l) => l !== '')
    .map((l) => l.split(','));
}

/**
 * A LibreOffice profile that recalculates .xlsx files on load (Tools › Options › Calc › Formula ›
 * Recalculation on file load › Excel 2007 and newer: Always). LibreOffice's default, "Never",
 * shows the cached values and ignores the file's fullCalcOnLoad; Excel and WPS honour it.
 */
function recalculatingProfile(): string {
  const dir = path.join(tmp.dir(), 'lo-profile');
  mkdirSync(path.join(dir, 'user'), { recursive: true });
  writeFileSync(
    path.join(dir, 'user', 'registrymodifications.xcu'),
    '<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
      '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item></oor:items>\n',
  );
  return dir;
}

/** LibreOffice's CSV of every sheet of each file, by file name (without .xlsx). */
function viaLibreOffice(files: string[]): Map<string, string[][]> {
  const csvDir = path.join(tmp.dir(), 'csv');
  execFileSync(
    'soffice',
    ['--headless', '--norestore', `-env:UserInstallation=file://${recalculatingProfile()}`, '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', csvDir, ...files],
    { stdio: 'ignore', timeout: 240_000 },
  );
  const out = new Map<string, string[][]>();
  for (const f of readdirSync(csvDir)) {
    const m = /^(.*)-7-9月得分\.csv$/.exec(f);
    if (m) out.set(m[1]!, parseCsv(readFileSync(path.join(csvDir, f), 'utf8')));
  }
  return out;
}

/** Unit → [total, rank] as a CSV shows them. */
function unitsOf(rows: string[][]): Map<string, [number, number]> {
  return new Map(rows.filter((r) => published.has(r[0] ?? '')).map((r) => [r[0]!, [Number(r[4]), Number(r[5])]]));
}

/** Unit → [total, rank] as the CLI computes them from a file's scores. */
async function checked(file: string, rank: 'competition' | 'dense'): Promise<Map<string, [number, number]>> {
  const report = JSON.parse((await run(['check', file, '--json', '--rank', rank])).stdout) as JsonReport;
  return new Map(report.categories.flatMap((c) => c.units.map((u) => [u.name, [u.total, u.rank] as [number, number]])));
}

describe('scorecard recalc --formulas', () => {
  let plain: string;
  let edited: string;
  let dense: string;
  let sheets: Map<string, string[][]>;

  beforeAll(async () => {
    plain = tmp.file('formulas.xlsx');
    edited = tmp.file('formulas-edited.xlsx');
    dense = tmp.file('formulas-dense.xlsx');
    const a = await run(['recalc', INPUT_XLSX, '--out', plain, '--formulas', '--json']);
    expect(a.code).toBe(0);
    expect((JSON.parse(a.stdout) as JsonReport).settings!.writeFormulas).toEqual({ value: true, source: 'option' });
    expect((await run(['recalc', INPUT_XLSX, '--out', dense, '--formulas', '--rank', 'dense'])).code).toBe(0);
    // 黄庄镇 (row 13, 121.5, 10th of 乡镇(街道)) gets 35 for adoption: 156.5 puts it first.
    await editNumber(plain, edited, 'C13', 35);
    sheets = viaLibreOffice([plain, edited, dense]);
  }, 300_000);

  it('writes formulas with the computed values cached, and asks for a recalculation on open', async () => {
    const xml = await part(plain, SHEET);
    expect(xml).toContain('<c r="E4" s="3"><f>ROUND(SUM(B4:D4),2)</f><v>152</v></c>');
    expect(xml).toContain('<f>COUNTIF($E$4:$E$14,&quot;&gt;&quot;&amp;E4)+1</f><v>1</v>');
    expect(await part(plain, 'xl/workbook.xml')).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
  });

  it('without the flag (and no saved setting) values are written, as before', async () => {
    const out = tmp.file('values.xlsx');
    const result = await run(['recalc', INPUT_XLSX, '--out', out, '--json']);
    expect((JSON.parse(result.stdout) as JsonReport).settings!.writeFormulas).toEqual({ value: false, source: 'default' });
    expect(await part(out, SHEET)).not.toContain('<f>');
    expect((await run(['check', INPUT_XLSX, '--formulas'])).code).toBe(2);
  });

  it('LibreOffice computes the published totals and ranks from the formulas', () => {
    const units = unitsOf(sheets.get('formulas')!);
    expect(units.size).toBe(47);
    for (const [name, p] of published) expect([name, ...units.get(name)!]).toEqual([name, p.total, p.rank]);
  });

  it('the formulas are live: after a score is edited LibreOffice shows the new total and every rank of that category moves', async () => {
    const units = unitsOf(sheets.get('formulas-edited')!);
    expect(units.get('黄庄镇')).toEqual([156.5, 1]);
    expect(units.get('温泉街道')).toEqual([152, 2]);
    expect(units.get('武德镇')).toEqual([60, 11]);
    // Every unit as the CLI ranks the edited scores.
    expect(units).toEqual(await checked(edited, 'competition'));
  });

  it('并列不占位（中国式排名）: LibreOffice evaluates the SUMPRODUCT/COUNTIF ranks to the dense ranks', async () => {
    const units = unitsOf(sheets.get('formulas-dense')!);
    expect(units.size).toBe(47);
    expect(units).toEqual(await checked(INPUT_XLSX, 'dense'));
  });
});
