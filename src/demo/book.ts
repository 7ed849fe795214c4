/**
 * The browser editions' workbook before it becomes a SimWorkbook: one Grid per sheet with the
 * sheet's visibility. Built from an .xlsx by src/demo/xlsx.ts (exceljs, loaded on demand), or
 * shipped prebuilt as JSON for the demo's first workbook so the page starts without exceljs.
 * No exceljs here: this module is on the first screen.
 */
import { pickScoreSheet, type Grid } from '../core';
import { SimWorkbook, type Visibility } from '../sim/workbook';

export interface BookSnapshot {
  sheets: Array<{ grid: Grid; visibility: Visibility }>;
}

/**
 * The simulated workbook of a snapshot. Hidden and very hidden sheets stay so (the undo record
 * is one): the grid shows no tab for them and the download keeps their state. The active sheet
 * is the score sheet when one is found among the visible sheets, else the first visible one.
 */
export function workbookFromSnapshot(snapshot: BookSnapshot): SimWorkbook {
  const grids = snapshot.sheets.map((s) => s.grid);
  const visible = snapshot.sheets.map((s, i) => (s.visibility === 'Visible' ? i : -1)).filter((i) => i >= 0);
  const scoreInVisible = pickScoreSheet(visible.map((i) => grids[i]!));
  const active = scoreInVisible >= 0 ? visible[scoreInVisible]! : (visible[0] ?? 0);
  const workbook = SimWorkbook.fromGrids(grids, active);
  snapshot.sheets.forEach((s, i) => {
    const sheet = workbook.sheets[i];
    if (sheet) sheet.visibility = s.visibility;
  });
  // A file whose every sheet is hidden cannot exist in Excel; show the first rather than none.
  if (workbook.sheets.length > 0 && !workbook.sheets.some((s) => s.visibility === 'Visible')) workbook.sheets[0]!.visibility = 'Visible';
  return workbook;
}

/** What an opened file is, from its name and first bytes, before any zip library sees it. */
export type FileKind = { ok: true } | { ok: false; key: 'ui.demo.notXlsx'; kind: string } | { ok: false; key: 'ui.demo.notZip' };

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * .xls and .et (WPS) are OLE compound files and .csv is text: none is an .xlsx package, and
 * exceljs would only say "Can't find end of central directory". An .xlsx (or .xlsm) is a zip,
 * which starts with "PK\x03\x04".
 */
export function classifyFile(fileName: string, bytes: ArrayBuffer): FileKind {
  const head = new Uint8Array(bytes, 0, Math.min(8, bytes.byteLength));
  const ext = /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const isZip = head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
  const isOle = head.length === 8 && OLE_MAGIC.every((b, i) => head[i] === b);
  if (ext === 'csv' || ext === 'txt') return { ok: false, key: 'ui.demo.notXlsx', kind: `.${ext}` };
  if (ext === 'xls' || ext === 'et' || ext === 'ett' || ext === 'xlt') return { ok: false, key: 'ui.demo.notXlsx', kind: `.${ext}` };
  if (isOle) return { ok: false, key: 'ui.demo.notXlsx', kind: ext ? `.${ext}` : '.xls' };
  if (!isZip) return { ok: false, key: 'ui.demo.notZip' };
  return { ok: true };
}
