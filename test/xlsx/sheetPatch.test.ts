/** The worksheet patcher on its own: what a planned cell becomes, and what it leaves alone. */
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { patchSheetXml, InPlaceError, type CellEdit } from '../../src/xlsx/sheetPatch';
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
