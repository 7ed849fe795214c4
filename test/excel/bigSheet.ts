/** Test support: score sheets of any size in the real layout (title, header, category rows, units). */
import { gridFromRows, type CellValue, type Grid } from '../../src/core';

export interface BigSheetOptions {
  categories: number;
  perCategory: number;
  /** Text in a 备注 column from this unit index on (heavier rows further down the sheet). */
  remark?: { from: number; text: string };
}

export function bigGrid({ categories, perCategory, remark }: BigSheetOptions, sheetName = '大表'): Grid {
  const header: CellValue[] = ['单位', '基础得分', '采用得分', '附加得分', '累计得分', '排名'];
  if (remark) header.push('备注');
  const rows: CellValue[][] = [['2023年7—9月份全县政务信息得分情况'], header];
  let index = 0;
  for (let c = 0; c < categories; c++) {
    rows.push([`第${c + 1}组`]);
    for (let u = 0; u < perCategory; u++, index++) {
      // Base at the cap for most units, some below, so flags are written too.
      const base = u % 7 === 0 ? 20 : 30;
      const row: CellValue[] = [`单位${c}-${u}`, base, (u % 13) * 5, (u % 3) * 0.5, null, null];
      if (remark) row.push(index >= remark.from ? `${remark.text}${index}` : null);
      rows.push(row);
    }
  }
  return gridFromRows(rows, sheetName);
}
