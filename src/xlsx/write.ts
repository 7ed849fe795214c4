/**
 * Write an .xlsx by editing its package: the planned cells of the score sheet, the product's
 * summary sheet (with its chart), the add-in's settings; every other part keeps its bytes.
 * Shared by the CLI and the browser edition. No Node or DOM imports.
 */
import type { CellRange, SheetSpec } from '../core';
import { refOf } from './cells';
import {
  addRels,
  CT,
  editContentTypes,
  Package,
  parseRels,
  readWorkbookInfo,
  relativeTarget,
  relsPathOf,
  removeRels,
  resolveTarget,
  REL,
  type WorkbookInfo,
} from './pkg';
import { InPlaceError, patchSheetXml, type CellEdit } from './sheetPatch';
import { layoutFor, type SheetLayout } from './sheetLayout';
import { readStoredSettings, writeStoredSettings, type StoredSettings } from './settings';
import { requestFullCalc } from './calc';
import { addSummaryStyles, chartsOf, chartXml, drawingXml, MINIMAL_STYLES, summarySheetXml } from './summary';
import { escapeXml, setAttribute as setAttr, Splicer, walkXml } from './xml';
import { addAppTitle as appWithTitle, removeAppTitles } from './appProps';

export { InPlaceError, type CellEdit } from './sheetPatch';

export interface SheetEdits {
  sheetName: string;
  edits: CellEdit[];
  /** Merged areas of the sheet (0-based): a planned cell may not lie inside one below its top-left. */
  merges?: readonly CellRange[] | undefined;
  sharedFormulaOf?: ((row: number, col: number) => string | null) | undefined;
  /** Where the part's rows and cells lie, as the reader recorded them (BookSheet.layout): spares a second walk. */
  layout?: SheetLayout | undefined;
}

export interface SummaryRequest {
  spec: SheetSpec;
  /** The sheet name to use (spec.name, or 考评汇总(2) when a user's sheet has the name). */
  name: string;
  /** The product's own summary sheet to replace in place (same name, same tab position), or null to add one. */
  replace: string | null;
}

export type SheetState = 'visible' | 'hidden' | 'veryHidden';

/** A new sheet of plain cells (the browser edition's other new sheets, e.g. the add-in's undo record). */
export interface NewSheet {
  name: string;
  state: SheetState;
  cells: CellEdit[];
}

export interface InPlaceRequest {
  sheets: SheetEdits[];
  summary?: SummaryRequest | null;
  settings?: StoredSettings | null;
  addSheets?: NewSheet[];
  /** Sheets to delete (by name), with their part and its relationships. */
  removeSheets?: string[];
  /** Visibility to set on existing sheets, by name. */
  states?: Record<string, SheetState>;
}

const EMPTY_SHEET = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><dimension ref="A1"/><sheetData/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';

/** Bytes of a written workbook. */
export async function writeInPlace(input: Uint8Array | ArrayBuffer | Package, request: InPlaceRequest): Promise<Uint8Array> {
  // A package already opened for reading (src/xlsx/read.ts) is edited as it is: no second unzip.
  const pkg = input instanceof Package ? input : await Package.open(input);
  const wb = await readWorkbookInfo(pkg);
  let formulasChanged = false;
  let formulasWritten = false;

  for (const sheet of request.sheets) {
    if (sheet.edits.length === 0) continue;
    const entry = wb.sheets.find((s) => s.name === sheet.sheetName);
    if (!entry || !entry.part) throw new InPlaceError('badPart', null, `no worksheet part for ${sheet.sheetName}`);
    for (const e of sheet.edits) {
      const m = (sheet.merges ?? []).find((m) => e.row >= m.top && e.row <= m.bottom && e.col >= m.left && e.col <= m.right && (e.row !== m.top || e.col !== m.left));
      if (m) throw new InPlaceError('mergedCell', refOf(e.row, e.col), `${refOf(e.row, e.col)} lies inside the merged area of ${refOf(m.top, m.left)}`);
    }
    const xml = await pkg.text(entry.part);
    if (xml === null) throw new InPlaceError('badPart', null, `missing part ${entry.part}`);
    const layout = layoutFor(xml, sheet.layout);
    const patched = patchSheetXml(xml, sheet.edits, { sharedFormulaOf: sheet.sharedFormulaOf, layout });
    // A formula written or replaced makes Excel's calculation chain stale.
    const writesFormulas = sheet.edits.some((e) => e.content.formula !== null);
    if (layout.formulas.size > 0 || writesFormulas) formulasChanged = true;
    if (writesFormulas) formulasWritten = true;
    pkg.put(entry.part, patched);
  }
  if (formulasChanged) await dropCalcChain(pkg, wb);
  // 写入公式: the file recalculates when opened (see calc.ts why).
  if (formulasWritten) await requestFullCalc(pkg, wb);
  if (request.summary) await writeSummary(pkg, wb, request.summary);
  for (const sheet of request.addSheets ?? []) {
    const part = pkg.freeName('xl/worksheets', 'sheet');
    pkg.put(part, patchSheetXml(EMPTY_SHEET, sheet.cells));
    await registerSheet(pkg, await readWorkbookInfo(pkg), part, sheet.name, sheet.state);
    const ct = await pkg.text('[Content_Types].xml');
    if (ct !== null) pkg.put('[Content_Types].xml', editContentTypes(ct, [{ part, type: CT.worksheet }]));
  }
  if ((request.removeSheets?.length ?? 0) > 0 || Object.keys(request.states ?? {}).length > 0) {
    await editSheetList(pkg, await readWorkbookInfo(pkg), new Set(request.removeSheets ?? []), request.states ?? {});
  }
  if (request.settings) await writeStoredSettings(pkg, request.settings);
  return pkg.generate();
}

export { readStoredSettings, type StoredSettings } from './settings';

/** Settings the add-in saved in this file (valid fields only), or null. */
export async function readSettingsFrom(input: Uint8Array | ArrayBuffer): Promise<Partial<StoredSettings> | null> {
  const pkg = await Package.open(input);
  return (await readStoredSettings(pkg))?.settings ?? null;
}

/**
 * calcChain.xml lists the cells holding formulas; one that lists a cell that no longer has a
 * formula makes Excel "repair" the file. It is only a cache: Excel rebuilds it on the next save.
 */
async function dropCalcChain(pkg: Package, wb: WorkbookInfo): Promise<void> {
  const relsPath = relsPathOf(wb.part);
  const relsXml = await pkg.text(relsPath);
  const rel = parseRels(relsXml).find((r) => r.type === REL.calcChain);
  if (!rel || relsXml === null) return;
  const part = resolveTarget(wb.part, rel.target);
  pkg.remove(part);
  pkg.put(relsPath, removeRels(relsXml, new Set([rel.id])));
  const ct = await pkg.text('[Content_Types].xml');
  if (ct !== null) pkg.put('[Content_Types].xml', editContentTypes(ct, [], new Set([part])));
}

async function stylesPart(pkg: Package, wb: WorkbookInfo): Promise<{ part: string; xml: string; created: boolean }> {
  const rel = parseRels(await pkg.text(relsPathOf(wb.part))).find((r) => r.type === REL.styles);
  if (rel) {
    const part = resolveTarget(wb.part, rel.target);
    const xml = await pkg.text(part);
    if (xml !== null) return { part, xml, created: false };
  }
  return { part: 'xl/styles.xml', xml: MINIMAL_STYLES, created: true };
}

/** Parts hanging off a sheet through its drawing (the drawing, its charts and their style parts). */
async function ownDrawingParts(pkg: Package, sheetPart: string): Promise<string[]> {
  const parts: string[] = [];
  const visit = async (part: string, depth: number) => {
    const rels = parseRels(await pkg.text(relsPathOf(part)));
    for (const r of rels) {
      if (r.external) continue;
      const target = resolveTarget(part, r.target);
      if (depth === 0 && r.type !== REL.drawing) continue;
      if (!pkg.has(target) || parts.includes(target)) continue;
      parts.push(target);
      if (depth < 2) await visit(target, depth + 1);
    }
  };
  await visit(sheetPart, 0);
  return parts;
}

async function writeSummary(pkg: Package, wb: WorkbookInfo, req: SummaryRequest): Promise<void> {
  const styles = await stylesPart(pkg, wb);
  const { xml: stylesXml, xf } = addSummaryStyles(styles.xml);
  pkg.put(styles.part, stylesXml);

  const removed = new Set<string>();
  let sheetPart: string;
  let isNew = false;
  const replaced = req.replace !== null ? wb.sheets.find((s) => s.name === req.replace) : undefined;
  if (replaced && replaced.part) {
    sheetPart = replaced.part;
    // The old summary's drawing and charts were the product's own: they go with it.
    for (const p of await ownDrawingParts(pkg, sheetPart)) {
      pkg.remove(p);
      pkg.remove(relsPathOf(p));
      removed.add(p);
    }
    pkg.remove(relsPathOf(sheetPart));
  } else {
    sheetPart = pkg.freeName('xl/worksheets', 'sheet');
    isNew = true;
  }

  const charts = chartsOf(req.spec);
  const adds: Array<{ part: string; type: string }> = [{ part: sheetPart, type: CT.worksheet }];
  let drawingRelId: string | null = null;
  if (charts.length > 0) {
    const drawing = pkg.freeName('xl/drawings', 'drawing');
    const chartParts: string[] = [];
    for (const chart of charts) {
      const part = pkg.freeName('xl/charts', 'chart');
      pkg.put(part, chartXml(req.spec, req.name, chart));
      chartParts.push(part);
      adds.push({ part, type: CT.chart });
    }
    const { xml: drawingRels, ids } = addRels(null, chartParts.map((p) => ({ type: REL.chart, target: relativeTarget(drawing, p) })));
    pkg.put(drawing, drawingXml(charts, ids));
    pkg.put(relsPathOf(drawing), drawingRels);
    adds.push({ part: drawing, type: CT.drawing });
    const sheetRels = addRels(null, [{ type: REL.drawing, target: relativeTarget(sheetPart, drawing) }]);
    pkg.put(relsPathOf(sheetPart), sheetRels.xml);
    drawingRelId = sheetRels.ids[0]!;
  }
  pkg.put(sheetPart, summarySheetXml(req.spec, xf, drawingRelId));

  if (styles.created) {
    pkg.put(relsPathOf(wb.part), addRels(await pkg.text(relsPathOf(wb.part)), [{ type: REL.styles, target: relativeTarget(wb.part, styles.part) }]).xml);
    adds.push({ part: styles.part, type: CT.styles });
  }
  if (isNew) await registerSheet(pkg, wb, sheetPart, req.name, 'visible');
  const ct = await pkg.text('[Content_Types].xml');
  if (ct === null) throw new InPlaceError('badPart', null, 'no [Content_Types].xml');
  pkg.put('[Content_Types].xml', editContentTypes(ct, adds, removed));
}

/** The bookkeeping of a new sheet part: the workbook's rels, its sheet list and docProps/app.xml. */
async function registerSheet(pkg: Package, wb: WorkbookInfo, part: string, name: string, state: SheetState): Promise<void> {
  const { xml: wbRels, ids } = addRels(await pkg.text(relsPathOf(wb.part)), [{ type: REL.worksheet, target: relativeTarget(wb.part, part) }]);
  pkg.put(relsPathOf(wb.part), wbRels);
  pkg.put(wb.part, addSheetEntry((await pkg.text(wb.part))!, wb, name, ids[0]!, state));
  await addAppTitle(pkg, name);
}

/**
 * Delete sheets and set visibility in workbook.xml. A deleted sheet's part, its rels and its
 * content type go; defined names scoped to it go, and later sheets' scopes and the active tab
 * move down one, as Excel does when a sheet is deleted.
 */
async function editSheetList(pkg: Package, wb: WorkbookInfo, remove: ReadonlySet<string>, states: Record<string, SheetState>): Promise<void> {
  const xml = (await pkg.text(wb.part))!;
  const removedIndex = wb.sheets.map((s, i) => (remove.has(s.name) ? i : -1)).filter((i) => i >= 0);
  const shift = (i: number) => i - removedIndex.filter((r) => r < i).length;
  const out = new Splicer(xml);
  let sheetIndex = 0;
  const removedRels = new Set<string>();
  walkXml(xml, {
    open(el) {
      if (el.local === 'workbookView' && el.attributes.activeTab !== undefined) {
        const tab = Number(el.attributes.activeTab);
        const next = Math.max(0, shift(tab));
        if (next !== tab) out.replace(el.start, el.openEnd, setAttr(xml.slice(el.start, el.openEnd), 'activeTab', String(next)));
      }
    },
    close(el) {
      if (el.local === 'sheet' && el.depth === 2) {
        const entry = wb.sheets[sheetIndex++];
        if (!entry) return;
        if (remove.has(entry.name)) {
          out.replace(el.start, el.end, '');
          removedRels.add(entry.relId);
          return;
        }
        const want = states[entry.name];
        if (want && want !== entry.state) out.replace(el.start, el.openEnd, setAttr(xml.slice(el.start, el.openEnd), 'state', want));
      }
      if (el.local === 'definedName' && el.attributes.localSheetId !== undefined && removedIndex.length > 0) {
        const id = Number(el.attributes.localSheetId);
        if (removedIndex.includes(id)) out.replace(el.start, el.end, '');
        else if (shift(id) !== id) out.replace(el.start, el.openEnd, setAttr(xml.slice(el.start, el.openEnd), 'localSheetId', String(shift(id))));
      }
    },
  });
  pkg.put(wb.part, out.toString());
  if (removedRels.size === 0) return;
  const relsPath = relsPathOf(wb.part);
  pkg.put(relsPath, removeRels((await pkg.text(relsPath))!, removedRels));
  const parts = new Set<string>();
  for (const s of wb.sheets) {
    if (!remove.has(s.name) || !s.part) continue;
    parts.add(s.part);
    pkg.remove(s.part);
    pkg.remove(relsPathOf(s.part));
  }
  const ct = await pkg.text('[Content_Types].xml');
  if (ct !== null) pkg.put('[Content_Types].xml', editContentTypes(ct, [], parts));
  // docProps/app.xml still listed the deleted sheets (and their named ranges).
  const app = await pkg.text('docProps/app.xml');
  const edited = app === null ? null : removeAppTitles(app, remove);
  if (edited !== null && edited !== app) pkg.put('docProps/app.xml', edited);
}

/** A `<sheet>` at the end of `<sheets>`, with the next free sheetId. */
function addSheetEntry(xml: string, wb: WorkbookInfo, name: string, relId: string, state: SheetState = 'visible'): string {
  const sheetId = Math.max(0, ...wb.sheets.map((s) => s.sheetId)) + 1;
  const out = new Splicer(xml);
  walkXml(xml, {
    close(el) {
      if (el.local !== 'sheets' || el.depth !== 1) return;
      const prefix = el.name.slice(0, el.name.length - el.local.length);
      const rAttr = wb.relPrefix ? `${wb.relPrefix}id="${relId}"` : `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="${relId}"`;
      const stateAttr = state === 'visible' ? '' : ` state="${state}"`;
      out.insert(el.closeStart, `<${prefix}sheet name="${escapeXml(name)}" sheetId="${sheetId}"${stateAttr} ${rAttr}/>`);
    },
  });
  return out.toString();
}

/** docProps/app.xml with a sheet title more (see appProps.ts). */
async function addAppTitle(pkg: Package, name: string): Promise<void> {
  const xml = await pkg.text('docProps/app.xml');
  const edited = xml === null ? null : appWithTitle(xml, name);
  if (edited !== null) pkg.put('docProps/app.xml', edited);
}
