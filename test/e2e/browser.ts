/**
 * Debian's Chromium for the end-to-end tests (browsers cannot be downloaded here), launched the
 * same way by every file: headless, its own profile, none of Chromium's own network traffic
 * (updates, sync, QUIC probes) so a test's request log holds only the page's requests.
 */
import ExcelJS from 'exceljs';
import { chromium, type BrowserContext } from 'playwright-core';

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
