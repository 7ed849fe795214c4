/**
 * A second reader opens what the CLI wrote in place: LibreOffice converts the output to CSV
 * and shows the published totals and ranks on the score sheet and the 考评汇总 sheet. About
 * 8 s; a missing soffice fails the test rather than skipping it.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fixture, parsePublishedTsv, run, tempDir } from '../cli/helpers';
import { buildCorpus } from './corpus';

const tmp = tempDir();
const published = parsePublishedTsv(readFileSync(fixture('wenxian-2023-q3.tsv'), 'utf8'));

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\n') row.push(field), rows.push(row), (row = []), (field = '');
    else if (ch !== '\r') field += ch;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}

describe('LibreOffice opens the workbook written in place', () => {
  let sheets: Map<string, string[][]>;

  beforeAll(async () => {
    const input = tmp.file('lo-in.xlsx');
    const out = tmp.file('lo-out.xlsx');
    writeFileSync(input, await buildCorpus());
    expect((await run(['summary', input, '--out', out])).code).toBe(0);
    const csvDir = path.join(tmp.dir(), 'csv');
    execFileSync(
      'soffice',
      [
        '--headless',
        '--norestore',
        `-env:UserInstallation=file://${path.join(tmp.dir(), 'lo-profile')}`,
        '--convert-to',
        'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
        '--outdir',
        csvDir,
        out,
      ],
      { stdio: 'ignore', timeout: 240_000 },
    );
    sheets = new Map(readdirSync(csvDir).map((f) => [f.replace(/^lo-out-|\.csv$/g, ''), parseCsv(readFileSync(path.join(csvDir, f), 'utf8'))]));
  }, 300_000);

  it('shows every published total and rank on the score sheet', () => {
    const rows = sheets.get('7-9月得分')!;
    expect(rows[1]).toEqual(['单位', '基础得分', '采用得分', '附加得分', '累计得分', '排名', '标记']);
    let seen = 0;
    for (const row of rows) {
      const expected = published.get(row[0] ?? '');
      if (!expected) continue;
      seen++;
      expect({ unit: row[0], total: Number(row[4]), rank: Number(row[5]) }).toEqual({ unit: row[0], total: expected.total, rank: expected.rank });
    }
    expect(seen).toBe(47);
  });

  it('shows the 考评汇总 sheet with its tables and footer, and keeps the other sheet', () => {
    const summary = sheets.get('考评汇总')!;
    const text = summary.map((r) => r.join(',')).join('\n');
    expect(summary[0]![0]).toBe('2023年7—9月份全县政务信息考评汇总');
    expect(text).toContain('乡镇(街道),11,123.82,152,60');
    expect(text).toContain('本表由政务信息考评助手生成');
    expect(sheets.get('说明')![0]![0]).toBe('本表说明');
  });
});
