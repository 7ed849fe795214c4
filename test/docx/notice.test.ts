/**
 * #13 ledger: the Word file read back (jszip + saxes over word/document.xml): its text, A4 page,
 * margins, the 22 × 28 grid, fonts and sizes, and the 附件 table on a page of its own.
 */
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { Workbook } from 'exceljs';
import { analyze, scoreAttachment, type Analysis } from '../../src/core';
import { gridFromWorksheet } from '../../src/xlsx/workbook';
import { noticeDocx } from '../../src/docx/notice';
import { fixturePath } from '../support/fixtures';

interface Run {
  text: string;
  eastAsia: string | null;
  size: number | null;
}
interface Para {
  runs: Run[];
  text: string;
  center: boolean;
  pageBreak: boolean;
  inTable: boolean;
}
interface Read {
  paragraphs: Para[];
  tables: string[][][];
  attrs: Record<string, Record<string, string>>;
}

function readDocument(xml: string): Read {
  const parser = new SaxesParser();
  const paragraphs: Para[] = [];
  const tables: string[][][] = [];
  const attrs: Record<string, Record<string, string>> = {};
  let para: Para | null = null;
  let run: Run | null = null;
  let inText = false;
  let tableDepth = 0;
  let row: string[] | null = null;
  let cellText: string | null = null;
  parser.on('opentag', (node) => {
    const a = node.attributes as Record<string, string>;
    switch (node.name) {
      case 'w:tbl':
        tableDepth++;
        tables.push([]);
        break;
      case 'w:tr':
        row = [];
        break;
      case 'w:tc':
        cellText = '';
        break;
      case 'w:p':
        para = { runs: [], text: '', center: false, pageBreak: false, inTable: tableDepth > 0 };
        break;
      case 'w:jc':
        if (para && a['w:val'] === 'center') para.center = true;
        break;
      case 'w:r':
        run = { text: '', eastAsia: null, size: null };
        break;
      case 'w:rFonts':
        if (run) run.eastAsia = a['w:eastAsia'] ?? null;
        break;
      case 'w:sz':
        if (run) run.size = Number(a['w:val']);
        break;
      case 'w:br':
        if (para && a['w:type'] === 'page') para.pageBreak = true;
        break;
      case 'w:t':
        inText = true;
        break;
      case 'w:pgSz':
      case 'w:pgMar':
      case 'w:docGrid':
        attrs[node.name] = a;
        break;
    }
  });
  parser.on('text', (text) => {
    if (!inText) return;
    if (run) run.text += text;
    if (para) para.text += text;
    if (cellText !== null) cellText += text;
  });
  parser.on('closetag', (node) => {
    switch (node.name) {
      case 'w:t':
        inText = false;
        break;
      case 'w:r':
        if (para && run) para.runs.push(run);
        run = null;
        break;
      case 'w:p':
        if (para) paragraphs.push(para);
        para = null;
        break;
      case 'w:tc':
        row?.push(cellText ?? '');
        cellText = null;
        break;
      case 'w:tr':
        if (row) tables[tables.length - 1]!.push(row);
        row = null;
        break;
      case 'w:tbl':
        tableDepth--;
        break;
    }
  });
  parser.write(xml).close();
  return { paragraphs, tables, attrs };
}

async function golden(): Promise<Analysis> {
  const wb = new Workbook();
  await wb.xlsx.readFile(fixturePath('wenxian-2023-q3-ledger.xlsx'));
  const [scores, ledger, roster] = ['7-9月得分', '信息采用登记', '单位名录'].map((n) => gridFromWorksheet(wb.getWorksheet(n)!));
  return analyze(scores!, { ledgerGrid: ledger, rosterGrid: roster });
}

const mm = (twips: string | undefined) => Math.round((Number(twips) / 1440) * 25.4);

describe('the notice as a Word file', () => {
  let read: Read;
  let analysis: Analysis;
  beforeAll(async () => {
    analysis = await golden();
    const bytes = await noticeDocx(analysis.notice!, scoreAttachment(analysis.scored!));
    const zip = await JSZip.loadAsync(bytes);
    read = readDocument(await zip.file('word/document.xml')!.async('string'));
  });

  it('holds the golden notice text, title and headings first, line for line', () => {
    const golden = readFileSync(fixturePath('wenxian-2023-q3.notice-full.txt'), 'utf8').split(/\r?\n/).filter((l) => l !== '');
    const body = read.paragraphs.filter((p) => !p.inTable && p.text !== '').map((p) => p.text);
    expect(body.slice(0, golden.length)).toEqual(golden);
    expect(body).toContain('四、信息报送存在的问题');
    expect(body).toContain('附件：2023年7—9月份全县政务信息得分情况');
  });

  it('is A4 with margins 37/35/28/26 mm and a grid of 22 lines × 28 characters', () => {
    expect(read.attrs['w:pgSz']).toMatchObject({ 'w:w': '11906', 'w:h': '16838' });
    const m = read.attrs['w:pgMar']!;
    expect([mm(m['w:top']), mm(m['w:bottom']), mm(m['w:left']), mm(m['w:right'])]).toEqual([37, 35, 28, 26]);
    const grid = read.attrs['w:docGrid']!;
    expect(grid['w:type']).toBe('linesAndChars');
    const textHeight = Number(read.attrs['w:pgSz']!['w:h']) - Number(m['w:top']) - Number(m['w:bottom']);
    expect(Math.floor(textHeight / Number(grid['w:linePitch']))).toBe(22);
    // Character pitch: the 16pt body font plus charSpace/4096 pt, 28 to a line of text width.
    const textWidth = Number(read.attrs['w:pgSz']!['w:w']) - Number(m['w:left']) - Number(m['w:right']);
    const pitch = (16 + Number(grid['w:charSpace']) / 4096) * 20;
    expect(Math.floor(textWidth / pitch + 0.01)).toBe(28);
  });

  it('sets the title in 2号 方正小标宋简体 centred, headings in 黑体 and 楷体_GB2312, the body in 3号 仿宋_GB2312', () => {
    const byText = (start: string) => read.paragraphs.find((p) => p.text.startsWith(start))!;
    const title = byText('关于三季度');
    expect(title.center).toBe(true);
    expect(title.runs.map((r) => [r.eastAsia, r.size])).toEqual([['方正小标宋简体', 44]]);
    expect(byText('一、综合采用情况').runs.map((r) => [r.eastAsia, r.size])).toEqual([['黑体', 32]]);
    expect(byText('三季度，被市政府采用').runs.map((r) => [r.eastAsia, r.size])).toEqual([['仿宋_GB2312', 32]]);
    const sub = byText('（二）信息质量不高');
    expect(sub.runs.map((r) => r.eastAsia)).toEqual(['楷体_GB2312', '仿宋_GB2312']);
    expect(sub.runs[0]!.text).toBe('（二）信息质量不高。');
  });

  it('puts the score table as 附件 after a page break, every category and unit in it', () => {
    const breakAt = read.paragraphs.findIndex((p) => p.pageBreak);
    const attachmentLabel = read.paragraphs.findIndex((p) => p.text === '附件');
    expect(breakAt).toBeGreaterThan(read.paragraphs.findIndex((p) => p.text.startsWith('各单位要进一步')));
    expect(attachmentLabel).toBeGreaterThan(breakAt);
    expect(read.tables).toHaveLength(1);
    const rows = read.tables[0]!;
    expect(rows[0]).toEqual(['单位', '基础得分', '采用得分', '附加得分', '累计得分', '排名']);
    expect(rows[1]).toEqual(['乡镇(街道)']);
    expect(rows[2]).toEqual(['温泉街道', '120', '30', '2', '152', '1']);
    expect(rows.find((r) => r[0] === '科技和工业信息化局')).toEqual(['科技和工业信息化局', '95', '65', '0', '160', '3']);
    expect(rows.filter((r) => r.length === 6)).toHaveLength(1 + 47);
  });

  it('opens with the warning when forced over errors', async () => {
    const bytes = await noticeDocx(analysis.notice!, null, { warning: '【注意：得分表存在1处错误】' });
    const doc = readDocument(await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string'));
    expect(doc.paragraphs[0]!.text).toBe('【注意：得分表存在1处错误】');
    expect(doc.tables).toEqual([]);
  });
});
