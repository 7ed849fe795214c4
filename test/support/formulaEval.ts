/**
 * The values a sheet's formulas compute, by a spreadsheet engine (HyperFormula, also the bench's
 * peer): independent of the code that wrote what 写入公式 writes. Excel's elementwise array
 * arithmetic is on, as the SUMPRODUCT ranks of 并列不占位 need. LibreOffice evaluates the same
 * formulas from a file in test/cli/formulas.test.ts.
 */
import { DetailedCellError, HyperFormula } from 'hyperformula';

export type Scalar = number | string | boolean | null;

/** What a cell holds (0-based, from A1): a formula ("=…"), else its value. */
export type CellSource = (row: number, col: number) => { formula: string | null; value: Scalar };

/** Every cell of rows × cols from A1, computed; an error reads as its code ("#DIV/0!"). */
export function computeSheet(rows: number, cols: number, source: CellSource): (row: number, col: number) => Scalar {
  const sheet = Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) => {
      const { formula, value } = source(r, c);
      if (formula) return formula;
      // Text that begins with "=" is text, as the product writes it, not a formula.
      return typeof value === 'string' && value.startsWith('=') ? `'${value}` : value;
    }),
  );
  const engine = HyperFormula.buildFromArray(sheet, { licenseKey: 'gpl-v3', useArrayArithmetic: true });
  return (row, col) => {
    const v = engine.getCellValue({ sheet: 0, row, col });
    return v instanceof DetailedCellError ? v.value : v;
  };
}
