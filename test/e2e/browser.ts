/**
 * Debian's Chromium for the end-to-end tests (browsers cannot be downloaded here), launched the
 * same way by every file: headless, its own profile, none of Chromium's own network traffic
 * (updates, sync, QUIC probes) so a test's request log holds only the page's requests. Also the
 * fixture readers and grid readers every end-to-end file checks against, kept here so the demo
 * page, the offline page and the WPS page are held to the same published numbers.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { ROOT } from './demoServer';

export const CHROMIUM = '/usr/bin/chromium';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function launchChromium(userData: string, options: { acceptDownloads?: boolean; locale?: string } = {}): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userData, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1400, height: 1000 },
    ...options,
  });
}

const HEADER = ['单位', '基础得分', '采用得分', '附加得分', '累计得分', '排名'];

export interface QuarterSheet {
  name: string;
  title: string;
  /** 一类考评单位's units: name, 基础得分, 采用得分, 附加得分. */
  units: Array<[string, number, number, number]>;
}

/** A workbook of period sheets (the first one active), and a 单位名录 when roster rows are given. */
export async function periodWorkbook(sheets: QuarterSheet[], roster: string[][] = []): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name);
    ws.addRow([sheet.title]);
    ws.addRow(HEADER);
    ws.addRow(['一类考评单位']);
    for (const u of sheet.units) ws.addRow(u);
  }
  if (roster.length > 0) {
    const ws = wb.addWorksheet('单位名录');
    ws.addRow(['单位', '类别', '别名']);
    for (const row of roster) ws.addRow(row);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const FIXTURES = join(ROOT, '..', 'shared', 'fixtures');

export interface PublishedUnit {
  category: string;
  unit: string;
  total: string;
  rank: string;
}

/** The published 2023 Q3 totals and ranks (wenxian-2023-q3.tsv): a one-field line opens a category. */
export function published(): PublishedUnit[] {
  const lines = readFileSync(join(FIXTURES, 'wenxian-2023-q3.tsv'), 'utf8').split(/\r?\n/).filter(Boolean).slice(1);
  const units: PublishedUnit[] = [];
  let category = '';
  for (const line of lines) {
    const f = line.split('\t');
    if (f.length === 1) category = f[0]!.trim();
    else units.push({ category, unit: f[0]!, total: f[4]!, rank: f[5]! });
  }
  return units;
}

/** Visible grid cells of the page's active sheet: address -> text (the demo, offline and WPS pages share the grid). */
export async function gridCellsOf(page: Page): Promise<Map<string, string>> {
  const cells = await page.$$eval('[data-testid="grid"] td[data-address]', (tds) =>
    tds.map((td) => [(td as HTMLElement).dataset.address!, td.textContent ?? ''] as [string, string]),
  );
  return new Map(cells);
}

/** The row of a unit's name in column A; throws unless it is there exactly once, so a test never reads the wrong row. */
export function rowOf(cells: Map<string, string>, unit: string): number {
  const hits = [...cells].filter(([address, text]) => /^A\d+$/.test(address) && text === unit);
  if (hits.length !== 1) throw new Error(`unit ${unit} found ${hits.length} times in column A`);
  return Number(hits[0]![0].slice(1));
}
