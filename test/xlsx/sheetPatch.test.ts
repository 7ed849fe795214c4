/** The worksheet patcher on its own: what a planned cell becomes, and what it leaves alone. */
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { patchSheetXml, InPlaceError, type CellEdit } from '../../src/xlsx/sheetPatch';
import { layoutOf } from '../../src/xlsx/sheetLayout';
import { parseSheet } from '../../src/xlsx/readSheet';
import { readSettingsFrom, writeInPlace } from '../../src/xlsx';
import { INPUT_XLSX } from '../cli/helpers';
import { buildCorpus, entries } from './corpus';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const sheet = (rows: string, after = '') => `<?xml version="1.0" encoding="UTF-8"?>\n<worksheet ${NS}><dimension ref="A1:B2"/><cols><col min="3" max="3" width="9" style="7"/></cols><sheetData>${rows}</sheetData>${after}</worksheet>`;
const edit = (row: number, col: number, value: string | number | boolean | null, formula: string | null = null, borrowLeftStyle = false): CellEdit => ({ row, col, content: { value, formula }, borrowLeftStyle });

describe('patchSheetXml', () => {
  it('writes text that looks like a formula as an inline string, never as a formula', () => {
    const xml = patchSheetXml(sheet('<row r="1"><c r="A1" s="4" t="s"><v>0</v></c></row>'), [edit(0, 0, '=1+1'), edit(0, 1, '+86 123'), edit(0, 3, '@x')]);
    expect(xml).toContain('<c r="A1" s="4" t="inlineStr"><is><t>=1+1</t></is></c>');
    expect(xml).toContain('<c r="B1" t="inlineStr"><is><t>+86 123</t></is></c>');
    expect(xml).not.toContain('<f>');
  });

  it('inserts new cells in column order and new rows in row order, keeping everything else', () => {
    const src = sheet('<row r="2" spans="1:2" customHeight="1" ht="20"><c r="B2"><v>5</v></c></row><row r="5"/>', '<mergeCells count="1"><mergeCell ref="A7:B7"/></mergeCells>');
    const xml = patchSheetXml(src, [edit(1, 0, 1), edit(1, 2, 3), edit(0, 0, 'a'), edit(4, 1, true), edit(8, 0, 9)]);
    expect(xml).toContain('<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c></row><row r="2" spans="1:3" customHeight="1" ht="20"><c r="A2"><v>1</v></c><c r="B2"><v>5</v></c><c r="C2" s="7"><v>3</v></c></row>');
    expect(xml).toContain('<row r="5"><c r="B5" t="b"><v>1</v></c></row><row r="9"><c r="A9"><v>9</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="A7:B7"/></mergeCells>');
    expect(xml).toContain('<dimension ref="A1:C9"/>');
  });

  it('a new cell borrows its left neighbour’s style when asked (the 标记 column)', () => {
    const xml = patchSheetXml(sheet('<row r="1"><c r="A1" s="9"><v>1</v></c></row>'), [edit(0, 1, '零报送', null, true)]);
    expect(xml).toContain('<c r="B1" s="9" t="inlineStr">');
  });

  it('keeps a replaced cell’s own attributes but drops the old value’s metadata and formula', () => {
    const xml = patchSheetXml(sheet('<row r="1"><c r="A1" s="2" t="str" cm="1" ph="1"><f>B1*2</f><v>4</v></c></row>'), [edit(0, 0, 7)]);
    expect(xml).toContain('<c r="A1" s="2" ph="1"><v>7</v></c>');
  });

  it('gives the other cells of a shared formula their own formula when its master is overwritten', () => {
    const rows = '<row r="1"><c r="A1"><f t="shared" ref="A1:A3" si="0">B1*2</f><v>2</v></c></row><row r="2"><c r="A2"><f t="shared" si="0"/><v>4</v></c></row><row r="3"><c r="A3"><f t="shared" si="0"/><v>6</v></c></row>';
    const xml = patchSheetXml(sheet(rows), [edit(0, 0, 10)], { sharedFormulaOf: (row) => `B${row + 1}*2` });
    expect(xml).toContain('<c r="A1"><v>10</v></c>');
    expect(xml).toContain('<c r="A2"><f>B2*2</f><v>4</v></c>');
    expect(xml).toContain('<c r="A3"><f>B3*2</f><v>6</v></c>');
  });

  it('writes a formula with its cached value, and escapes control characters the SpreadsheetML way', () => {
    const xml = patchSheetXml(sheet(''), [edit(0, 0, 3, '=SUM(B1:C1)'), edit(0, 1, 'a\u001bb_x0041_')]);
    expect(xml).toContain('<c r="A1"><f>SUM(B1:C1)</f><v>3</v></c>');
    expect(xml).toContain('<t>a_x001B_b_x005F_x0041_</t>');
  });

  it('refuses to change part of an array formula, naming the cell', () => {
    const src = sheet('<row r="1"><c r="A1"><f t="array" ref="A1:A2">B1:B2</f><v>1</v></c></row>');
    expect(() => patchSheetXml(src, [edit(0, 0, 2)])).toThrow(InPlaceError);
    expect(() => patchSheetXml(src, [edit(0, 0, 2)])).toThrow('A1 is part of an array formula');
  });
});

describe('the layout the reader records (one walk of the score sheet, not two)', () => {
  const ctx = { sharedStrings: ['单位'], numFmts: [] };
  // Cells of every shape the edit treats differently: extra attributes, spaces and entities in a tag,
  // a style written as "02", cells without r, a shared formula whose master is overwritten.
  const rows =
    '<row r="1" spans="1:3"><c r="A1" s="3" t="s"><v>0</v></c><c r="B1"  s="4" ><v>1</v></c><c s="02"><v>2</v></c></row>' +
    '<row><c r="A2" s="1" ph="1" t="str"><f>B2*2</f><v>4</v></c><c r="B2"><f t="shared" ref="B2:B3" si="0">C2+1</f><v>1</v></c></row>' +
    '<row r="3"><c r="B3"><f t="shared" si="0"/><v>2</v></c><c r="C3" cm="1" vm="1" t="e"><v>#N/A</v></c></row><row r="5"/>';
  const xml = sheet(rows, '<extLst><ext uri="{x}"><x14:dataValidations xmlns:x14="urn:x"><x14:dataValidation><xm:f xmlns:xm="urn:xm">A1</xm:f></x14:dataValidation></x14:dataValidations></ext></extLst>');
  const edits = [edit(0, 0, 9), edit(0, 1, '=x', null, true), edit(0, 2, 3), edit(1, 0, 1), edit(1, 1, 5), edit(2, 2, 'ok'), edit(3, 3, 1), edit(4, 0, true), edit(6, 1, 2)];
  const sharedFormulaOf = (row: number) => `C${row + 1}+1`;

  it('writes exactly what a fresh walk of the part writes', () => {
    const fresh = patchSheetXml(xml, edits, { sharedFormulaOf });
    const recorded = parseSheet(xml, ctx).layout;
    expect(patchSheetXml(xml, edits, { sharedFormulaOf, layout: recorded })).toBe(fresh);
    expect(patchSheetXml(xml, edits, { sharedFormulaOf, layout: layoutOf(xml) })).toBe(fresh);
    // What the fresh walk writes, cell by cell.
    expect(fresh).toContain('<c r="A1" s="3"><v>9</v></c><c r="B1" s="4" t="inlineStr"><is><t>=x</t></is></c><c r="C1" s="02"><v>3</v></c>');
    expect(fresh).toContain('<c r="A2" s="1" ph="1"><v>1</v></c><c r="B2"><v>5</v></c>');
    expect(fresh).toContain('<c r="B3"><f>C3+1</f><v>2</v></c><c r="C3" s="7" t="inlineStr"><is><t>ok</t></is></c>');
    expect(fresh).toContain('<row r="4"><c r="D4"><v>1</v></c></row><row r="5"><c r="A5" t="b"><v>1</v></c></row><row r="7"><c r="B7"><v>2</v></c></row></sheetData>');
    expect(fresh).toContain('<dimension ref="A1:D7"/>');
  });

  it('is used only for the text it was recorded from', () => {
    const other = sheet('<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row>');
    const stale = parseSheet(xml, ctx).layout;
    expect(patchSheetXml(other, [edit(0, 1, 7)], { layout: stale })).toBe(patchSheetXml(other, [edit(0, 1, 7)]));
    expect(patchSheetXml(other, [edit(0, 1, 7)], { layout: stale })).toContain('<c r="A1"><v>1</v></c><c r="B1"><v>7</v></c>');
  });

  it('still refuses a cell whose reference is no cell, naming it', () => {
    const bad = sheet('<row r="1"><c r="A1"><v>1</v></c><c r="1A"><v>2</v></c></row>');
    expect(() => patchSheetXml(bad, [edit(0, 0, 2)], { layout: parseSheet(bad, ctx).layout })).toThrow('bad cell reference 1A');
  });
});

describe('settings in the package (#10 item 3)', () => {
  it('are written where the add-in reads them, in a file that had none, and read back', async () => {
    const out = await writeInPlace(readFileSync(INPUT_XLSX), { sheets: [], settings: { rankMode: 'dense', topN: 4, flagColumn: false } });
    expect(await readSettingsFrom(out)).toEqual({ rankMode: 'dense', topN: 4, flagColumn: false });
    const zip = await JSZip.loadAsync(out);
    const we = await zip.file('xl/webextensions/webextension1.xml')!.async('string');
    expect(we).toContain('<we:property name="govInfoScorecard.settings" value="{&quot;rankMode&quot;:&quot;dense&quot;,&quot;topN&quot;:4,&quot;flagColumn&quot;:false}"/>');
    expect(await zip.file('_rels/.rels')!.async('string')).toContain('Target="xl/webextensions/taskpanes.xml"');
    expect(await zip.file('xl/webextensions/_rels/taskpanes.xml.rels')!.async('string')).toContain('Target="webextension1.xml"');
    expect(await zip.file('[Content_Types].xml')!.async('string')).toContain('<Override PartName="/xl/webextensions/webextension1.xml" ContentType="application/vnd.ms-office.webextension+xml"/>');
  });

  it('replace our saved value and leave another add-in’s part byte for byte', async () => {
    const input = await buildCorpus({ settings: { rankMode: 'competition', topN: 3, flagColumn: true } });
    const out = await writeInPlace(input, { sheets: [], settings: { rankMode: 'dense', topN: 3, flagColumn: true } });
    expect(await readSettingsFrom(out)).toEqual({ rankMode: 'dense', topN: 3, flagColumn: true });
    const before = await entries(input);
    const after = await entries(out);
    const changed = [...after.keys()].filter((n) => !before.get(n)?.equals(after.get(n)!));
    expect(changed).toEqual(['xl/webextensions/webextension2.xml']);
  });

  it('a hand-edited value falls back field by field', async () => {
    const input = await buildCorpus({ settings: { rankMode: 'sideways', topN: 3.5, flagColumn: false } });
    expect(await readSettingsFrom(input)).toEqual({ flagColumn: false });
  });
});
