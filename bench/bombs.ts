/**
 * Small files that used to exhaust the heap (#9 item 9), and the bench figure over them: time
 * and peak RSS of `scorecard check` on each, in a fresh process. Budget: under 10 s and 500 MB.
 * The builders are shared with test/cli/bombs.test.ts, which asserts outcomes, never times.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { Workbook } from 'exceljs';

export type BombKind = 'farCell' | 'hugeMerge' | 'columnMerge' | 'all';
export const BOMB_KINDS: readonly BombKind[] = ['farCell', 'hugeMerge', 'columnMerge', 'all'];

/** A plain score table (A1:F9), as exceljs writes it. */
async function baseTable(): Promise<Buffer> {
  const wb = new Workbook();
  const ws = wb.addWorksheet('得分');
  const rows: Array<Array<string | number | null>> = [
    ['2023年7—9月份全县政务信息得分情况'],
    ['单位', '基础得分', '采用得分', '附加得分', '累计得分', '排名'],
    ['一类考评单位'],
    ['温泉街道', 40, 30, 2, null, null],
    ['城关镇', 35, 20, 0, null, null],
    ['二类考评单位'],
    ['县公安局', 30, 25, 0, null, null],
    ['县财政局', 25, 10, 1, null, null],
    ['县教育局', 20, 0, 0, null, null],
  ];
  rows.forEach((row, r) => row.forEach((v, c) => (ws.getCell(r + 1, c + 1).value = v)));
  ws.mergeCells('A1:F1');
  ws.mergeCells('A3:F3');
  ws.mergeCells('A6:F6');
  return Buffer.from((await wb.xlsx.writeBuffer()));
}

/** Insert `<mergeCell>`s into the sheet's `<mergeCells>` (creating it after `</sheetData>` if absent). */
function addMerges(xml: string, refs: readonly string[]): string {
  const cells = refs.map((ref) => `<mergeCell ref="${ref}"/>`).join('');
  const open = /<mergeCells count="(\d+)">/.exec(xml);
  if (open) return xml.replace(open[0], `<mergeCells count="${Number(open[1]) + refs.length}">${cells}`);
  return xml.replace('</sheetData>', `</sheetData><mergeCells count="${refs.length}">${cells}</mergeCells>`);
}

/**
 * One of the bombs, a few KB each: a value at XFD1048576 (the last cell Excel has), a merge
 * K1:XFD1048576 beside the table, a whole column (H) merged beside it, or all three at once.
 */
export async function bombXlsx(kind: BombKind): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await baseTable());
  const part = 'xl/worksheets/sheet1.xml';
  let xml = await zip.file(part)!.async('string');
  const far = kind === 'farCell' || kind === 'all';
  if (far) {
    xml = xml.replace('</sheetData>', '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>');
    xml = xml.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>');
  }
  const merges: string[] = [];
  if (kind === 'hugeMerge' || kind === 'all') merges.push('K1:XFD1048576');
  if (kind === 'columnMerge' || kind === 'all') merges.push('H1:H1048576');
  if (merges.length) xml = addMerges(xml, merges);
  zip.file(part, xml);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

export interface BombFigure {
  kind: BombKind;
  fileKB: number;
  ms: number;
  peakRssMB: number;
  exitStatus: number | null;
}

/**
 * `scorecard check <bomb> --json` (dist/cli.cjs of `root`) in a child process, timed, with the
 * child's own peak RSS (process.resourceUsage().maxRSS) after the run.
 */
export async function bombs(root: string): Promise<BombFigure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'scorecard-bombs-'));
  // The worker runs from node_modules/.cache, which may be a symlink into another checkout: the
  // checkout to measure is passed in.
  const cliFile = join(root, 'dist', 'cli.cjs');
  const out: BombFigure[] = [];
  try {
    for (const kind of BOMB_KINDS) {
      const file = join(dir, `${kind}.xlsx`);
      const data = await bombXlsx(kind);
      writeFileSync(file, data);
      // The child reports its own peak RSS (maxRSS, KB) after the run, on stderr's last line.
      const script = `const cli=require(${JSON.stringify(cliFile)});` +
        `cli.runCli(['check',${JSON.stringify(file)},'--json'],{stdout:()=>{},stderr:()=>{}}).then((c)=>{process.stderr.write('\\nRSS '+process.resourceUsage().maxRSS+'\\n');process.exitCode=c;});`;
      const start = Date.now();
      const child = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 120_000 });
      const ms = Date.now() - start;
      const rss = /RSS (\d+)/.exec(child.stderr ?? '');
      out.push({ kind, fileKB: Math.round(data.length / 102.4) / 10, ms, peakRssMB: rss ? Math.round(Number(rss[1]) / 1024) : NaN, exitStatus: child.status });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}
