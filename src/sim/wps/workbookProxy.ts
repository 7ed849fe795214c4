/** The simulated ET Workbook and its Sheets collection (Count, Item by index or name, Add). */
import type { SimSheet } from '../workbook';
import type { EtSheetLike, EtSheetsLike, EtWorkbookLike } from '../../wps/et';
import { EtSimError, strict, type EtSimContext } from './context';
import { makeSheet, simSheetOf } from './worksheet';

export function makeWorkbook(ctx: EtSimContext): EtWorkbookLike {
  const sheets: Record<string, unknown> = {};
  ctx.dual(sheets, 'Count', () => ctx.workbook.sheets.length);
  sheets.Item = (index: number | string) => {
    const sheet = typeof index === 'number' ? ctx.workbook.sheets[index - 1] : ctx.workbook.sheets.find((s) => s.name.toLowerCase() === String(index).toLowerCase());
    if (!sheet) throw new EtSimError(`Sheets.Item(${JSON.stringify(index)}): 下标越界`);
    return makeSheet(ctx, sheet);
  };
  sheets.Add = (before?: EtSheetLike, after?: EtSheetLike) => {
    let n = ctx.workbook.sheets.length + 1;
    while (ctx.workbook.sheets.some((s) => s.name.toLowerCase() === `sheet${n}`)) n += 1;
    let sheet: SimSheet;
    try {
      sheet = ctx.workbook.addSheet(`Sheet${n}`);
    } catch {
      throw new EtSimError('工作簿结构受保护，无法插入工作表。');
    }
    const anchor = simSheetOf(ctx, before) ?? simSheetOf(ctx, after);
    if (anchor) {
      const list = ctx.workbook.sheets;
      list.splice(list.indexOf(sheet), 1);
      list.splice(list.indexOf(anchor) + (before ? 0 : 1), 0, sheet);
    }
    // As in Excel, the new sheet becomes the active one.
    ctx.workbook.setActive(sheet);
    ctx.workbook.notifyChange();
    return makeSheet(ctx, sheet);
  };
  const sheetsObj = strict(sheets, 'Sheets', ctx.countsNow) as unknown as EtSheetsLike;

  const book: Record<string, unknown> = {};
  Object.defineProperties(book, {
    Name: { get: () => 'wenxian.xlsx' },
    Sheets: { get: () => sheetsObj },
    ActiveSheet: {
      get: () => {
        const sheet = ctx.workbook.sheets.find((s) => s.id === ctx.workbook.activeSheetId);
        return sheet ? makeSheet(ctx, sheet) : null;
      },
    },
    ProtectStructure: { get: () => ctx.workbook.structureProtected },
  });
  return strict(book, 'Workbook', ctx.countsNow) as unknown as EtWorkbookLike;
}
