/** The simulated ET Worksheet: one proxy per sheet, its name, visibility, ranges, activation, deletion and move. */
import { readRangeA1, type CellRange } from '../../core/grid';
import type { SimSheet } from '../workbook';
import type { EtSheetLike } from '../../wps/et';
import { EtSimError, strict, type EtSimContext } from './context';
import { makeRange } from './range';

function parseRef(text: string): CellRange {
  const range = readRangeA1(text.trim());
  if (!range) throw new EtSimError(`Range("${text}"): not a valid reference`);
  return range;
}

const VISIBILITY: Record<number, SimSheet['visibility']> = { [-1]: 'Visible', 0: 'Hidden', 2: 'VeryHidden' };

export function makeSheet(ctx: EtSimContext, sheet: SimSheet): EtSheetLike {
  const known = ctx.sheetObjects.get(sheet);
  if (known) return known;
  const ws: Record<string, unknown> = {};
  Object.defineProperties(ws, {
    Name: {
      get: () => ctx.liveSheet(sheet).name,
      set: (name: string) => {
        ctx.liveSheet(sheet);
        if (ctx.workbook.structureProtected) throw new EtSimError('工作簿结构受保护，无法重命名工作表。');
        if (ctx.workbook.sheets.some((s) => s !== sheet && s.name.toLowerCase() === name.toLowerCase())) throw new EtSimError(`工作表名称“${name}”已被占用。`);
        if (!name || name.length > 31 || /[:\\/?*[\]]/.test(name)) throw new EtSimError(`工作表名称“${name}”无效。`);
        sheet.name = name;
        ctx.workbook.notifyChange();
      },
    },
    Visible: {
      get: () => ({ Visible: -1, Hidden: 0, VeryHidden: 2 })[ctx.liveSheet(sheet).visibility],
      set: (v: number | boolean) => {
        ctx.liveSheet(sheet);
        const next = v === true ? 'Visible' : v === false ? 'Hidden' : VISIBILITY[v];
        if (!next) throw new EtSimError(`Visible = ${String(v)}: not an XlSheetVisibility`);
        sheet.visibility = next;
        ctx.workbook.notifyChange();
      },
    },
    Index: { get: () => ctx.workbook.sheets.indexOf(ctx.liveSheet(sheet)) + 1 },
    ProtectContents: { get: () => ctx.liveSheet(sheet).protected },
  });
  ctx.dual(ws, 'UsedRange', () => {
    const used = ctx.liveSheet(sheet).usedRange(false);
    return makeRange(ctx, sheet, used ?? { top: 0, left: 0, bottom: 0, right: 0 });
  });
  const item = (row: number, col: number) => {
    if (!Number.isInteger(row) || !Number.isInteger(col) || row < 1 || col < 1) throw new EtSimError(`Cells(${row}, ${col}): indexes are 1-based`);
    return makeRange(ctx, sheet, { top: row - 1, left: col - 1, bottom: row - 1, right: col - 1 });
  };
  Object.defineProperty(ws, 'Cells', {
    get: () => {
      if (ctx.style === 'method') {
        const callable = Object.assign((row: number, col: number) => item(row, col), { Item: item });
        return callable;
      }
      const all = makeRange(ctx, sheet, { top: 0, left: 0, bottom: 1048575, right: 16383 });
      return all;
    },
  });
  ws.Range = (cell1: string, cell2?: string) => {
    ctx.liveSheet(sheet);
    const a = parseRef(cell1);
    const r = cell2 ? parseRef(cell2) : a;
    return makeRange(ctx, sheet, { top: Math.min(a.top, r.top), left: Math.min(a.left, r.left), bottom: Math.max(a.bottom, r.bottom), right: Math.max(a.right, r.right) });
  };
  ws.Activate = () => {
    ctx.liveSheet(sheet);
    if (sheet.visibility !== 'Visible') throw new EtSimError('A hidden sheet cannot be activated.');
    ctx.workbook.setActive(sheet);
  };
  ws.Delete = () => {
    ctx.liveSheet(sheet);
    if (ctx.app.DisplayAlerts !== false && ctx.app.DisplayAlerts !== 0) throw new EtSimError('Delete would ask the user to confirm (DisplayAlerts is on); the script would wait on a dialog.');
    ctx.workbook.deleteSheet(sheet);
    ctx.workbook.notifyChange();
  };
  ws.Move = (before?: EtSheetLike, after?: EtSheetLike) => {
    ctx.liveSheet(sheet);
    if (ctx.workbook.structureProtected) throw new EtSimError('工作簿结构受保护，无法移动工作表。');
    const target = (before ?? after) as unknown as { Index: number } | undefined;
    if (!target) return;
    const list = ctx.workbook.sheets;
    list.splice(list.indexOf(sheet), 1);
    const at = target.Index - 1 + (after ? 1 : 0);
    list.splice(Math.max(0, Math.min(list.length, at)), 0, sheet);
    ctx.workbook.notifyChange();
  };
  const wrapped = strict(ws, 'Worksheet', ctx.countsNow) as unknown as EtSheetLike;
  ctx.sheetObjects.set(sheet, wrapped);
  return wrapped;
}

export function simSheetOf(ctx: EtSimContext, ws: EtSheetLike | undefined): SimSheet | undefined {
  if (!ws) return undefined;
  return ctx.workbook.sheets.find((s) => ctx.sheetObjects.get(s) === ws);
}
