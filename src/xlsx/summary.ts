/**
 * The 考评汇总 sheet as package parts: the worksheet XML (宋体/仿宋, borders, widths, A4 fit to
 * one page wide, as the exceljs rendering looked), the styles it needs appended to styles.xml,
 * and one native DrawingML chart part per chart spec with the drawing that anchors them.
 */
import type { CellRange, ChartSpec, SheetSpec, SpecStyle } from '../core';
import { areaRef, cellXml, colLetters, refOf } from './cells';
import { escapeXml, openTagOf, setAttribute, Splicer, walkXml } from './xml';

/** The charts a spec asks for: a list, so a spec with one chart per category needs no new writer. */
export function chartsOf(spec: SheetSpec): ChartSpec[] {
  return spec.charts;
}

interface StyleDef {
  font: string;
  align: 'left' | 'center' | 'right';
  vertical: 'center' | 'top';
  wrap: boolean;
  border: boolean;
  fill: string | null;
}

const FONT = {
  title: '<font><b/><sz val="16"/><name val="宋体"/><charset val="134"/></font>',
  fangsong12: '<font><sz val="12"/><name val="仿宋"/><charset val="134"/></font>',
  heiti12: '<font><b/><sz val="12"/><name val="黑体"/><charset val="134"/></font>',
  song11b: '<font><b/><sz val="11"/><name val="宋体"/><charset val="134"/></font>',
  song11: '<font><sz val="11"/><name val="宋体"/><charset val="134"/></font>',
  song9grey: '<font><sz val="9"/><color rgb="FF808080"/><name val="宋体"/><charset val="134"/></font>',
  song12red: '<font><b/><sz val="12"/><color rgb="FFC00000"/><name val="宋体"/><charset val="134"/></font>',
  heiti12grey: '<font><b/><sz val="12"/><color rgb="FF595959"/><name val="黑体"/><charset val="134"/></font>',
};
type FontKey = keyof typeof FONT;

const STYLE_DEFS: Record<SpecStyle, StyleDef & { fontKey: FontKey }> = {
  title: { fontKey: 'title', font: '', align: 'center', vertical: 'center', wrap: true, border: false, fill: null },
  subtitle: { fontKey: 'fangsong12', font: '', align: 'center', vertical: 'center', wrap: false, border: false, fill: null },
  section: { fontKey: 'heiti12', font: '', align: 'left', vertical: 'center', wrap: false, border: false, fill: null },
  header: { fontKey: 'song11b', font: '', align: 'center', vertical: 'center', wrap: true, border: true, fill: 'FFF2F2F2' },
  text: { fontKey: 'song11', font: '', align: 'left', vertical: 'center', wrap: true, border: true, fill: null },
  number: { fontKey: 'song11', font: '', align: 'right', vertical: 'center', wrap: false, border: true, fill: null },
  notice: { fontKey: 'fangsong12', font: '', align: 'left', vertical: 'top', wrap: true, border: false, fill: null },
  footer: { fontKey: 'song9grey', font: '', align: 'left', vertical: 'center', wrap: false, border: false, fill: null },
  warning: { fontKey: 'song12red', font: '', align: 'left', vertical: 'center', wrap: true, border: false, fill: null },
  internal: { fontKey: 'heiti12grey', font: '', align: 'left', vertical: 'center', wrap: false, border: false, fill: null },
};
const SPEC_STYLES = Object.keys(STYLE_DEFS) as SpecStyle[];

const THIN_BORDER = '<border><left style="thin"><color rgb="FF000000"/></left><right style="thin"><color rgb="FF000000"/></right><top style="thin"><color rgb="FF000000"/></top><bottom style="thin"><color rgb="FF000000"/></bottom><diagonal/></border>';
const GREY_FILL = '<fill><patternFill patternType="solid"><fgColor rgb="FFF2F2F2"/><bgColor indexed="64"/></patternFill></fill>';

export const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="宋体"/><charset val="134"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

interface ListInfo {
  name: string;
  start: number;
  openEnd: number;
  closeStart: number;
  selfClosing: boolean;
  items: number;
}

/**
 * Append the summary's fonts, fill, border and cell formats to styles.xml. Returns the edited
 * part and the cellXfs index of each spec style. Existing entries keep their indices.
 */
export function addSummaryStyles(xml: string): { xml: string; xf: Record<SpecStyle, number> } {
  const lists = new Map<string, ListInfo>();
  let prefix = '';
  walkXml(xml, {
    open(el) {
      if (el.depth === 0) prefix = el.name.slice(0, el.name.length - el.local.length);
      if (el.depth === 2) {
        const parent = [...lists.values()].find((l) => l.closeStart < 0);
        if (parent) parent.items++;
      }
      if (el.depth === 1 && ['fonts', 'fills', 'borders', 'cellXfs'].includes(el.local)) {
        lists.set(el.local, { name: el.name, start: el.start, openEnd: el.openEnd, closeStart: -1, selfClosing: el.selfClosing, items: 0 });
      }
    },
    close(el) {
      if (el.depth === 1 && lists.has(el.local)) lists.get(el.local)!.closeStart = el.closeStart;
    },
  });
  for (const name of ['fonts', 'fills', 'borders', 'cellXfs']) {
    if (!lists.has(name)) throw new Error(`styles.xml has no <${name}>`);
  }
  const p = (s: string) => s.replace(/<(\/?)([a-zA-Z])/g, `<$1${prefix}$2`);
  const fonts = lists.get('fonts')!;
  const fills = lists.get('fills')!;
  const borders = lists.get('borders')!;
  const xfs = lists.get('cellXfs')!;
  const fontKeys = Object.keys(FONT) as FontKey[];
  const fontId = (k: FontKey) => fonts.items + fontKeys.indexOf(k);
  const fillId = fills.items;
  const borderId = borders.items;
  const xf = {} as Record<SpecStyle, number>;
  let xfText = '';
  SPEC_STYLES.forEach((style, i) => {
    const d = STYLE_DEFS[style];
    xf[style] = xfs.items + i;
    xfText +=
      `<xf numFmtId="0" fontId="${fontId(d.fontKey)}" fillId="${d.fill ? fillId : 0}" borderId="${d.border ? borderId : 0}" xfId="0" applyFont="1"` +
      `${d.fill ? ' applyFill="1"' : ''}${d.border ? ' applyBorder="1"' : ''} applyAlignment="1">` +
      `<alignment horizontal="${d.align}" vertical="${d.vertical}"${d.wrap ? ' wrapText="1"' : ''}/></xf>`;
  });
  const adds: Array<[ListInfo, string, number]> = [
    [fonts, fontKeys.map((k) => FONT[k]).join(''), fontKeys.length],
    [fills, GREY_FILL, 1],
    [borders, THIN_BORDER, 1],
    [xfs, xfText, SPEC_STYLES.length],
  ];
  adds.sort((a, b) => a[0].start - b[0].start);
  const out = new Splicer(xml);
  for (const [list, text, n] of adds) {
    const tag = setAttribute(xml.slice(list.start, list.openEnd), 'count', String(list.items + n));
    if (list.selfClosing) {
      out.replace(list.start, list.openEnd, `${openTagOf(tag)}${p(text)}</${list.name}>`);
    } else {
      out.replace(list.start, list.openEnd, tag);
      out.insert(list.closeStart, p(text));
    }
  }
  return { xml: out.toString(), xf };
}

const ROW_HEIGHT: Partial<Record<SpecStyle, number>> = { title: 30, subtitle: 20, section: 22 };
const LINE_HEIGHT = 18;

/** Display width in Excel character units: CJK and full-width characters count double. */
function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/.test(ch) ? 2 : 1;
  return w;
}

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The worksheet part of the summary. `drawingRelId`: the sheet's relationship to its drawing, if it has charts. */
export function summarySheetXml(spec: SheetSpec, xf: Record<SpecStyle, number>, drawingRelId: string | null): string {
  const width = Math.max(spec.columnWidths.length, ...spec.rows.map((r) => r.length), 1);
  const styleAt = spec.rows.map((row) => row.map((c) => c.style as SpecStyle | undefined));
  // A merged area carries its top-left cell's look in every cell, so borders run round it.
  const mergeAt = new Map<string, CellRange>();
  for (const m of spec.merges) {
    mergeAt.set(`${m.top},${m.left}`, m);
    const style = styleAt[m.top]?.[m.left];
    if (!style) continue;
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (styleAt[r]) styleAt[r]![c] = style;
  }
  const widthOf = (left: number, right: number): number => {
    let w = 0;
    for (let c = left; c <= right; c++) w += spec.columnWidths[c] ?? 9;
    return w;
  };
  let rows = '';
  spec.rows.forEach((cells, r) => {
    let height = 0;
    let text = '';
    const styles = styleAt[r] ?? [];
    for (let c = 0; c < styles.length; c++) {
      const style = styles[c];
      if (!style) continue;
      const specCell = cells[c];
      const value = specCell?.value ?? null;
      text += cellXml('', refOf(r, c), String(xf[style]), { value, formula: null });
      if (!specCell) continue;
      height = Math.max(height, ROW_HEIGHT[specCell.style] ?? 0);
      if (typeof value === 'string' && (specCell.style === 'notice' || specCell.style === 'text')) {
        const merge = mergeAt.get(`${r},${c}`);
        const avail = Math.max(1, (merge ? widthOf(merge.left, merge.right) : widthOf(c, c)) - 1);
        const lines = value.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(textWidth(line) / avail)), 0);
        if (lines > 1) height = Math.max(height, lines * LINE_HEIGHT);
      }
    }
    if (!text && height === 0) return;
    rows += `<row r="${r + 1}"${height > 0 ? ` ht="${height}" customHeight="1"` : ''}>${text}</row>`;
  });
  const cols = spec.columnWidths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
  const merges = spec.merges.filter((m) => m.top !== m.bottom || m.left !== m.right);
  const lastRow = Math.max(1, spec.rows.length);
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_R}">` +
    `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>` +
    `<dimension ref="A1:${colLetters(width - 1)}${lastRow}"/>` +
    `<sheetViews><sheetView workbookViewId="0"/></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/>` +
    (cols ? `<cols>${cols}</cols>` : '') +
    `<sheetData>${rows}</sheetData>` +
    (merges.length ? `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${areaRef(m)}"/>`).join('')}</mergeCells>` : '') +
    `<printOptions horizontalCentered="1"/>` +
    `<pageMargins left="0.6" right="0.6" top="0.8" bottom="0.8" header="0.3" footer="0.3"/>` +
    `<pageSetup paperSize="9" orientation="${spec.print.orientation}" fitToWidth="${spec.print.fitToWidth}" fitToHeight="0"/>` +
    `<headerFooter><oddHeader>${escapeXml(`&C${spec.print.header}`)}</oddHeader><oddFooter>${escapeXml(`&C${spec.print.footer}`)}</oddFooter></headerFooter>` +
    (drawingRelId ? `<drawing r:id="${drawingRelId}"/>` : '') +
    `</worksheet>`
  );
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

function absRange(sheet: string, r: CellRange): string {
  return `${quoteSheet(sheet)}!$${colLetters(r.left)}$${r.top + 1}:$${colLetters(r.right)}$${r.bottom + 1}`;
}

function cellsOf(spec: SheetSpec, r: CellRange): Array<string | number | null> {
  const out: Array<string | number | null> = [];
  for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) out.push(spec.rows[row]?.[col]?.value ?? null);
  return out;
}

/** A clustered column chart (the kind the add-in adds: ColumnClustered), with cached values so it draws before any recalculation. */
export function chartXml(spec: SheetSpec, sheetName: string, chart: ChartSpec): string {
  const cats = cellsOf(spec, chart.categories);
  const vals = cellsOf(spec, chart.values);
  const strPts = cats.map((v, i) => (v === null ? '' : `<c:pt idx="${i}"><c:v>${escapeXml(String(v))}</c:v></c:pt>`)).join('');
  const numPts = vals.map((v, i) => (typeof v === 'number' ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : '')).join('');
  const horizontal = chart.type === 'BarClustered';
  const rich = (text: string, size: number, bold: boolean) =>
    `<c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}"/></a:pPr><a:r><a:rPr lang="zh-CN" sz="${size}" b="${bold ? 1 : 0}"><a:latin typeface="宋体"/><a:ea typeface="宋体"/></a:rPr><a:t>${escapeXml(text)}</a:t></a:r></a:p></c:rich>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${NS_R}">` +
    `<c:roundedCorners val="0"/>` +
    `<c:chart>` +
    `<c:title><c:tx>${rich(chart.title, 1400, true)}</c:tx><c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="${horizontal ? 'bar' : 'col'}"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
    `<c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:v>${escapeXml(chart.seriesName)}</c:v></c:tx><c:invertIfNegative val="0"/>` +
    `<c:cat><c:strRef><c:f>${escapeXml(absRange(sheetName, chart.categories))}</c:f><c:strCache><c:ptCount val="${cats.length}"/>${strPts}</c:strCache></c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${escapeXml(absRange(sheetName, chart.values))}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${vals.length}"/>${numPts}</c:numCache></c:numRef></c:val>` +
    `</c:ser>` +
    `<c:gapWidth val="150"/><c:axId val="500000001"/><c:axId val="500000002"/></c:barChart>` +
    `<c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="${horizontal ? 'maxMin' : 'minMax'}"/></c:scaling><c:delete val="0"/><c:axPos val="${horizontal ? 'l' : 'b'}"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="500000002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${horizontal ? 'b' : 'l'}"/><c:majorGridlines/><c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="500000001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>` +
    `</c:plotArea>` +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>` +
    `</c:chart>` +
    `</c:chartSpace>`
  );
}

/** The drawing that anchors each chart over its reserved cells; relIds[i] points at chart i. */
export function drawingXml(charts: readonly ChartSpec[], relIds: readonly string[]): string {
  const anchors = charts
    .map((chart, i) => {
      const a = chart.anchor;
      return (
        `<xdr:twoCellAnchor editAs="oneCell">` +
        `<xdr:from><xdr:col>${a.left}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${a.top}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
        `<xdr:to><xdr:col>${a.right + 1}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${a.bottom + 1}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeXml(`Chart ${i + 1}`)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
        `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
        `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="${relIds[i]}"/></a:graphicData></a:graphic>` +
        `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
      );
    })
    .join('');
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${NS_R}">${anchors}</xdr:wsDr>`
  );
}
