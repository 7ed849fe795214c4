/** A visible, read-mostly grid of the simulated workbook: active sheet, tabs, selection. */
import { useState, type CSSProperties } from 'react';
import { a1, columnLetter, type CellRange } from '../core';
import type { SimCell, SimSheet, SimWorkbook } from '../sim/workbook';

const MIN_ROWS = 30;
const MIN_COLS = 10;
const MAX_ROWS = 1000;
const MAX_COLS = 60;

function display(cell: SimCell | undefined): string {
  if (!cell || cell.value === null) return '';
  if (typeof cell.value === 'boolean') return cell.value ? 'TRUE' : 'FALSE';
  return String(cell.value);
}

function cellStyle(cell: SimCell | undefined): CSSProperties {
  const f = cell?.format;
  const style: CSSProperties = {};
  if (typeof cell?.value === 'number') style.textAlign = 'right';
  if (!f) return style;
  if (f.bold) style.fontWeight = 'bold';
  if (f.italic) style.fontStyle = 'italic';
  if (f.fontColor) style.color = f.fontColor;
  if (f.fill) style.backgroundColor = f.fill;
  if (f.fontName) style.fontFamily = `"${f.fontName.replace(/"/g, '')}", serif`;
  if (f.fontSize) style.fontSize = `${Math.min(28, Math.max(8, f.fontSize))}pt`;
  const align = f.horizontalAlignment?.toLowerCase();
  if (align === 'center' || align === 'centeracrossselection') style.textAlign = 'center';
  else if (align === 'right') style.textAlign = 'right';
  else if (align === 'left') style.textAlign = 'left';
  if (f.wrapText) style.whiteSpace = 'pre-wrap';
  return style;
}

function inRange(range: CellRange | null, row: number, col: number): boolean {
  return range !== null && row >= range.top && row <= range.bottom && col >= range.left && col <= range.right;
}

export function SheetGrid(props: { workbook: SimWorkbook; version: number; onSelect: (sheet: SimSheet, row: number, col: number) => void }) {
  const { workbook } = props;
  const sheet = workbook.activeSheet;
  const used = sheet.usedRange(false);
  const rows = Math.min(MAX_ROWS, Math.max(MIN_ROWS, (used?.bottom ?? 0) + 3));
  const cols = Math.min(MAX_COLS, Math.max(MIN_COLS, (used?.right ?? 0) + 2));
  const selection = workbook.selection && workbook.selection.sheetId === sheet.id ? workbook.selection.range : null;

  const spans = new Map<string, { rowSpan: number; colSpan: number }>();
  const covered = new Set<string>();
  for (const m of sheet.merges) {
    spans.set(`${m.top},${m.left}`, { rowSpan: m.bottom - m.top + 1, colSpan: m.right - m.left + 1 });
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r},${c}`);
  }
  const widths = Array.from({ length: cols }, (_, c) => {
    const w = sheet.columnWidths.get(c);
    // Excel's columnWidth is in points; keep the demo readable whatever the file says.
    return w === undefined ? 80 : Math.min(360, Math.max(36, Math.round(w * 1.33)));
  });

  return (
    <div className="grid-scroll" data-testid="grid" data-sheet={sheet.name}>
      <table className="grid">
        <colgroup>
          <col style={{ width: 40 }} />
          {widths.map((w, c) => (
            <col key={c} style={{ width: w }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <th className="corner" />
            {widths.map((_, c) => (
              <th key={c} className="colhead">{columnLetter(c)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: rows }, (_, r) =>
            sheet.hiddenRows.has(r) ? null : (
              <tr key={r}>
                <th className="rowhead">{r + 1}</th>
                {widths.map((_, c) => {
                  const k = `${r},${c}`;
                  if (covered.has(k)) return null;
                  const cell = sheet.cell(r, c);
                  const span = spans.get(k);
                  const selected = inRange(selection, r, c);
                  return (
                    <td
                      key={c}
                      rowSpan={span?.rowSpan}
                      colSpan={span?.colSpan}
                      data-address={a1(r, c)}
                      className={selected ? 'selected' : undefined}
                      aria-selected={selected || undefined}
                      title={cell?.formula ?? undefined}
                      style={cellStyle(cell)}
                      onClick={() => props.onSelect(sheet, r, c)}
                    >
                      {display(cell)}
                    </td>
                  );
                })}
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}

export function SheetTabs(props: { workbook: SimWorkbook; version: number; onActivate: (name: string) => void }) {
  const active = props.workbook.activeSheet;
  return (
    <div className="tabs" role="tablist" data-testid="sheet-tabs">
      {props.workbook.sheets
        .filter((s) => s.visibility === 'Visible')
        .map((s) => (
          <button
            key={s.id}
            type="button"
            role="tab"
            aria-selected={s.id === active.id}
            className={s.id === active.id ? 'tab active' : 'tab'}
            onClick={() => props.onActivate(s.name)}
          >
            {s.name}
          </button>
        ))}
    </div>
  );
}

/** The formula bar: shows the selected cell and lets the user type into it (as a clerk would). */
export function FormulaBar(props: { workbook: SimWorkbook; version: number; onEdit: (sheet: string, address: string, input: string) => void }) {
  const sel = props.workbook.selection;
  const sheet = sel ? props.workbook.sheetById(sel.sheetId) : undefined;
  const address = sel ? a1(sel.range.top, sel.range.left) : '';
  const cell = sheet && sel ? sheet.cell(sel.range.top, sel.range.left) : undefined;
  const current = cell?.formula ?? display(cell);
  const [draft, setDraft] = useState<{ key: string; text: string } | null>(null);
  const key = `${sheet?.name ?? ''}!${address}:${props.version}`;
  const text = draft && draft.key === key ? draft.text : current;
  return (
    <form
      className="formula-bar"
      onSubmit={(e) => {
        e.preventDefault();
        if (sheet && address) props.onEdit(sheet.name, address, text);
        setDraft(null);
      }}
    >
      <span className="name-box" data-testid="name-box">{address}</span>
      <input
        aria-label="formula bar"
        data-testid="formula-input"
        value={text}
        disabled={!sheet}
        onChange={(e) => setDraft({ key, text: e.target.value })}
      />
    </form>
  );
}
