/**
 * Bombs in small files (#9 item 9): a 7 KB workbook can hold one value at XFD1048576, a merge
 * K1:XFD1048576 or a whole merged column. exceljs makes an object for every cell of a merge
 * (a whole column is a million of them) and the grid is dense over the used range, so either
 * exhausts the heap. Before exceljs sees the file, each worksheet's XML is read here (jszip +
 * saxes): the block of cells that hold content is found, and merges reaching far past it are
 * clipped to it. The grid reader uses the same block, so a stray far cell is named, not read.
 * No Node imports: the demo can use it too.
 */
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { area, contentBlock, type Box } from '../core/block';
import { rangeA1, readA1, readRangeA1 } from '../core/grid';

export { area, contentBlock, inBox, GRID_CELL_BUDGET, type Box } from '../core/block';

/** How far past the block a merge may reach and still be kept as it is (a title merged wider than the data). */
const MERGE_REACH_ROWS = 1000;
const MERGE_REACH_COLS = 64;

export { readA1 as parseRef } from '../core/grid';

export function boxRef(b: Box): string {
  return rangeA1(b);
}

function parseBox(ref: string): Box | null {
  return readRangeA1(ref.trim());
}

export interface ClippedMerge {
  /** Sheet name from xl/workbook.xml (the part name when it cannot be resolved). */
  sheet: string;
  merge: string;
  /** What is left inside the table's block, or null when the merge does not touch it. */
  clipped: string | null;
}

export interface Trimmed {
  /** The package to hand to exceljs: the input itself when nothing was clipped. */
  data: Uint8Array;
  clipped: ClippedMerge[];
}

const localName = (name: string): string => name.slice(name.indexOf(':') + 1);

interface SheetScan {
  rows: number[];
  cols: number[];
  merges: string[];
}

/** Content cells (a value, a formula or inline text) and merge references of one worksheet part. */
function scanSheet(xml: string): SheetScan {
  const scan: SheetScan = { rows: [], cols: [], merges: [] };
  const parser = new SaxesParser();
  let cell: { row: number; col: number } | null = null;
  let hasContent = false;
  let nextCol = 0;
  let rowIndex = -1;
  parser.on('opentag', (tag) => {
    const name = localName(tag.name);
    if (name === 'row') {
      const r = Number(tag.attributes.r);
      rowIndex = Number.isInteger(r) && r > 0 ? r - 1 : rowIndex + 1;
      nextCol = 0;
    } else if (name === 'c') {
      // A cell without r follows the previous one (allowed by the format, written by some tools).
      const ref = typeof tag.attributes.r === 'string' ? readA1(tag.attributes.r) : null;
      cell = ref ?? { row: Math.max(rowIndex, 0), col: nextCol };
      nextCol = cell.col + 1;
      hasContent = false;
    } else if (cell && (name === 'v' || name === 'f' || name === 'is')) {
      hasContent = true;
    } else if (name === 'mergeCell' && typeof tag.attributes.ref === 'string') {
      scan.merges.push(tag.attributes.ref);
    }
  });
  parser.on('closetag', (tag) => {
    if (localName(tag.name) === 'c' && cell) {
      if (hasContent) {
        scan.rows.push(cell.row);
        scan.cols.push(cell.col);
      }
      cell = null;
    }
  });
  parser.write(xml).close();
  return scan;
}

/** Worksheet part → sheet name, from xl/workbook.xml and its relationships. */
async function sheetNames(zip: JSZip): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const workbook = await zip.file('xl/workbook.xml')?.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')?.async('string');
  if (!workbook || !rels) return names;
  const targets = new Map<string, string>();
  const relParser = new SaxesParser();
  relParser.on('opentag', (tag) => {
    if (localName(tag.name) !== 'Relationship') return;
    const target = String(tag.attributes.Target ?? '');
    targets.set(String(tag.attributes.Id ?? ''), target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  });
  relParser.write(rels).close();
  const bookParser = new SaxesParser();
  bookParser.on('opentag', (tag) => {
    if (localName(tag.name) !== 'sheet') return;
    const id = Object.entries(tag.attributes).find(([k]) => localName(k) === 'id')?.[1];
    const part = targets.get(String(id ?? ''));
    if (part) names.set(part, String(tag.attributes.name ?? part));
  });
  bookParser.write(workbook).close();
  return names;
}

/** True when the merge stays within reach of the block: kept as the sheet has it. */
function withinReach(m: Box, block: Box): boolean {
  return m.top >= block.top - MERGE_REACH_ROWS && m.bottom <= block.bottom + MERGE_REACH_ROWS && m.left >= block.left - MERGE_REACH_COLS && m.right <= block.right + MERGE_REACH_COLS;
}

/**
 * Clip every merge that reaches far past its sheet's content block to the block (dropping it
 * when nothing of it is left but one cell), in the package itself. Throws what jszip or saxes
 * throw for a damaged package; the caller reports that as a damaged file.
 */
export async function trimAbsurdMerges(data: Uint8Array): Promise<Trimmed> {
  const zip = await JSZip.loadAsync(data);
  const parts = Object.keys(zip.files).filter((name) => /^xl\/worksheets\/[^/]+\.xml$/i.test(name));
  const clipped: ClippedMerge[] = [];
  let names: Map<string, string> | null = null;
  let changed = false;
  for (const part of parts) {
    const xml = await zip.file(part)!.async('string');
    if (!/<(\w+:)?mergeCell\b/.test(xml)) continue;
    const scan = scanSheet(xml);
    const block = contentBlock(scan.rows, scan.cols) ?? { top: 0, left: 0, bottom: 0, right: 0 };
    const kept: string[] = [];
    const here: ClippedMerge[] = [];
    for (const ref of scan.merges) {
      const m = parseBox(ref);
      if (!m) continue; // exceljs cannot use it either
      if (withinReach(m, block)) {
        kept.push(ref);
        continue;
      }
      const cut = { top: Math.max(m.top, block.top), left: Math.max(m.left, block.left), bottom: Math.min(m.bottom, block.bottom), right: Math.min(m.right, block.right) };
      const left = cut.top <= cut.bottom && cut.left <= cut.right && area(cut) > 1 ? cut : null;
      if (left) kept.push(boxRef(left));
      here.push({ sheet: part, merge: ref, clipped: left ? boxRef(left) : null });
    }
    if (here.length === 0) continue;
    names ??= await sheetNames(zip);
    for (const c of here) clipped.push({ ...c, sheet: names.get(part) ?? part });
    const list = kept.length ? `<mergeCells count="${kept.length}">${kept.map((ref) => `<mergeCell ref="${ref}"/>`).join('')}</mergeCells>` : '';
    zip.file(part, xml.replace(/<(\w+:)?mergeCells\b[^>]*?(\/>|>[\s\S]*?<\/(\w+:)?mergeCells>)/, list));
    changed = true;
  }
  if (!changed) return { data, clipped };
  return { data: await zip.generateAsync({ type: 'uint8array' }), clipped };
}
