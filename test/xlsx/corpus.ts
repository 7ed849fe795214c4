/**
 * A test corpus: the real input fixture with a part of every kind a county office's workbook
 * may carry, written as XML here where exceljs cannot write it. The score sheet also gets the
 * elements a rewrite used to drop or alter (legacy password hash, validations, x14 extLst…).
 */
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { INPUT_XLSX } from '../cli/helpers';

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Elements inserted into the score sheet after </sheetData>, in schema order. */
export const SCORE_SHEET_EXTRAS = {
  protection: '<sheetProtection password="CC1A" sheet="1" objects="1" scenarios="1" formatCells="0"/>',
  autoFilter: '<autoFilter ref="A2:F53"><filterColumn colId="1"><customFilters><customFilter operator="greaterThan" val="10"/></customFilters></filterColumn></autoFilter>',
  conditional: '<conditionalFormatting sqref="B4:B53"><cfRule type="cellIs" priority="1" operator="lessThan"><formula>30</formula></cfRule></conditionalFormatting>',
  validations: '<dataValidations count="1"><dataValidation type="decimal" allowBlank="1" showErrorMessage="1" sqref="B4:D53"><formula1>0</formula1><formula2>1000</formula2></dataValidation></dataValidations>',
  hyperlinks: '<hyperlinks><hyperlink ref="A4" location="\'说明\'!A1" display="说明"/></hyperlinks>',
  extLst:
    '<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:dataValidation type="list" allowBlank="1"><x14:formula1><xm:f>\'说明\'!$A$1:$A$3</xm:f></x14:formula1><xm:sqref>A60</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>',
};
export const SHEET_VIEWS = '<sheetViews><sheetView tabSelected="1" zoomScale="85" workbookViewId="0"><pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="B4" sqref="B4"/></sheetView></sheetViews>';

/** Parts added as they are; the tests expect each back byte for byte. */
export const ADDED_PARTS: Record<string, string | Uint8Array> = {
  'xl/worksheets/sheet2.xml':
    `${HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_R}"><dimension ref="A1:A3"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>本表说明</t></is></c></row><row r="2"><c r="A2"><v>2</v></c></row><row r="3"><c r="A3"><f>A2*2</f><v>4</v></c></row></sheetData>` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><drawing r:id="rId1"/><legacyDrawing r:id="rId2"/><tableParts count="1"><tablePart r:id="rId3"/></tableParts></worksheet>`,
  'xl/worksheets/_rels/sheet2.xml.rels':
    `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${NS_R}/drawing" Target="../drawings/drawing1.xml"/><Relationship Id="rId2" Type="${NS_R}/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/><Relationship Id="rId3" Type="${NS_R}/table" Target="../tables/table1.xml"/><Relationship Id="rId4" Type="${NS_R}/comments" Target="../comments1.xml"/><Relationship Id="rId5" Type="http://schemas.microsoft.com/office/2017/10/relationships/threadedComment" Target="../threadedComments/threadedComment1.xml"/></Relationships>`,
  'xl/drawings/drawing1.xml':
    `${HEAD}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor><xdr:from><xdr:col>2</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>8</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="图表 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${NS_R}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>` +
    `<xdr:twoCellAnchor><xdr:from><xdr:col>2</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>16</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>5</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>20</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="3" name="文本框 2"/><xdr:cNvSpPr txBox="1"/></xdr:nvSpPr><xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr><xdr:txBody><a:bodyPr/><a:lstStyle/><a:p><a:r><a:t>请于每季度末报送</a:t></a:r></a:p></xdr:txBody></xdr:sp><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`,
  // A chart part outside xl/charts/, as some tools write it.
  'xl/drawings/_rels/drawing1.xml.rels': `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${NS_R}/chart" Target="../graphs/chart7.xml"/></Relationships>`,
  'xl/graphs/chart7.xml':
    `${HEAD}<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><c:chart><c:plotArea><c:layout/><c:pieChart><c:varyColors val="1"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>'说明'!$A$2:$A$3</c:f></c:numRef></c:val></c:ser></c:pieChart></c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>`,
  'xl/comments1.xml': `${HEAD}<comments xmlns="${NS_MAIN}"><authors><author>tc={6A1D2E3F-0000-4000-8000-000000000001}</author><author>县委办 王科长</author></authors><commentList><comment ref="A2" authorId="1"><text><r><t>基础分按季度核定</t></r></text></comment></commentList></comments>`,
  'xl/drawings/vmlDrawing1.vml': '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><v:shape type="#_x0000_t202" style="visibility:hidden"><x:ClientData ObjectType="Note"><x:Row>1</x:Row><x:Column>0</x:Column></x:ClientData></v:shape></xml>',
  'xl/threadedComments/threadedComment1.xml': `${HEAD}<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"><threadedComment ref="A3" dT="2023-10-08T09:00:00.00" personId="{11111111-2222-3333-4444-555555555555}" id="{6A1D2E3F-0000-4000-8000-000000000001}"><text>已核对</text></threadedComment></ThreadedComments>`,
  'xl/persons/person.xml': `${HEAD}<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"><person displayName="李四" id="{11111111-2222-3333-4444-555555555555}" userId="lisi" providerId="None"/></personList>`,
  'xl/tables/table1.xml': `${HEAD}<table xmlns="${NS_MAIN}" id="1" name="说明表" displayName="说明表" ref="A1:A3"><autoFilter ref="A1:A3"/><tableColumns count="1"><tableColumn id="1" name="本表说明"/></tableColumns><tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`,
  'xl/pivotCache/pivotCacheDefinition1.xml': `${HEAD}<pivotCacheDefinition xmlns="${NS_MAIN}" xmlns:r="${NS_R}" refreshOnLoad="1" recordCount="0"><cacheSource type="worksheet"><worksheetSource ref="A2:D53" sheet="7-9月得分"/></cacheSource><cacheFields count="1"><cacheField name="单位" numFmtId="0"><sharedItems/></cacheField></cacheFields></pivotCacheDefinition>`,
  'xl/media/image1.png': Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89]),
  'xl/metadata.xml': `${HEAD}<metadata xmlns="${NS_MAIN}" xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray"><metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" coerce="1" cellMeta="1"/></metadataTypes><futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}"><xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata><cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata></metadata>`,
  'customXml/item1.xml': '<?xml version="1.0" encoding="UTF-8"?><b:Sources xmlns:b="http://schemas.openxmlformats.org/officeDocument/2006/bibliography" SelectedStyle="" StyleName=""/>',
  'customXml/itemProps1.xml': `${HEAD}<ds:datastoreItem ds:itemID="{3F1E4D2C-1111-2222-3333-444455556666}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs/></ds:datastoreItem>`,
  'customXml/_rels/item1.xml.rels': `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${NS_R}/customXmlProps" Target="itemProps1.xml"/></Relationships>`,
  // Another add-in's web extension: not ours, never touched.
  'xl/webextensions/webextension1.xml': `${HEAD}<we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{AAAAAAAA-0000-4000-8000-000000000000}"><we:reference id="wa104380121" version="1.0.0.0" store="zh-CN" storeType="OMEX"/><we:alternateReferences/><we:properties><we:property name="theme" value="&quot;blue&quot;"/></we:properties><we:bindings/><we:snapshot xmlns:r="${NS_R}"/></we:webextension>`,
  'xl/webextensions/taskpanes.xml': `${HEAD}<wetp:taskpanes xmlns:wetp="http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11"><wetp:taskpane dockstate="right" visibility="1" width="350" row="1"><wetp:webextensionref xmlns:r="${NS_R}" r:id="rId1"/></wetp:taskpane></wetp:taskpanes>`,
  'xl/webextensions/_rels/taskpanes.xml.rels': `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.microsoft.com/office/2011/relationships/webextension" Target="webextension1.xml"/></Relationships>`,
};

const VBA = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 1, 2, 3, 4, 5, 6, 7, 8]);

const OVERRIDES: Record<string, string> = {
  'xl/worksheets/sheet2.xml': 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  'xl/drawings/drawing1.xml': 'application/vnd.openxmlformats-officedocument.drawing+xml',
  'xl/graphs/chart7.xml': 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
  'xl/comments1.xml': 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  'xl/threadedComments/threadedComment1.xml': 'application/vnd.ms-excel.threadedcomments+xml',
  'xl/persons/person.xml': 'application/vnd.ms-excel.person+xml',
  'xl/tables/table1.xml': 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml',
  'xl/pivotCache/pivotCacheDefinition1.xml': 'application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml',
  'xl/metadata.xml': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml',
  'customXml/itemProps1.xml': 'application/vnd.openxmlformats-officedocument.customXmlProperties+xml',
  'xl/webextensions/webextension1.xml': 'application/vnd.ms-office.webextension+xml',
  'xl/webextensions/taskpanes.xml': 'application/vnd.ms-office.webextensiontaskpanes+xml',
};

export interface CorpusOptions {
  /** An .xlsm: vbaProject.bin and the macro-enabled workbook content type. */
  macro?: boolean;
  /** Settings the add-in saved (as Office stores them: JSON in a we:property). */
  settings?: Record<string, unknown>;
  /** A last edit of the score sheet's XML (to plant formulas, say). */
  scoreSheet?: (xml: string) => string;
}

export async function buildCorpus(options: CorpusOptions = {}): Promise<Buffer> {
  const zip = await JSZip.loadAsync(readFileSync(INPUT_XLSX));
  const text = async (name: string) => (await zip.file(name)!.async('string'));
  let sheet = await text('xl/worksheets/sheet1.xml');
  sheet = sheet.replace('<sheetFormatPr', `${SHEET_VIEWS}<sheetFormatPr`);
  sheet = sheet.replace('</sheetData>', `</sheetData>${SCORE_SHEET_EXTRAS.protection}${SCORE_SHEET_EXTRAS.autoFilter}`);
  sheet = sheet.replace('<pageMargins', `${SCORE_SHEET_EXTRAS.conditional}${SCORE_SHEET_EXTRAS.validations}${SCORE_SHEET_EXTRAS.hyperlinks}<pageMargins`);
  sheet = sheet.replace('</worksheet>', `${SCORE_SHEET_EXTRAS.extLst}</worksheet>`);
  if (options.scoreSheet) sheet = options.scoreSheet(sheet);
  zip.file('xl/worksheets/sheet1.xml', sheet);

  const parts: Record<string, string | Uint8Array> = { ...ADDED_PARTS };
  const overrides = { ...OVERRIDES };
  if (options.settings) {
    parts['xl/webextensions/webextension2.xml'] =
      `${HEAD}<we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{6C1F3A52-8E0B-4D8A-9A57-2F4C3B7E9D10}"><we:reference id="6c1f3a52-8e0b-4d8a-9a57-2f4c3b7e9d10" version="1.0.0.0" store="developer" storeType="Registry"/><we:alternateReferences/><we:properties><we:property name="govInfoScorecard.settings" value="${JSON.stringify(options.settings).replace(/"/g, '&quot;')}"/></we:properties><we:bindings/><we:snapshot xmlns:r="${NS_R}"/></we:webextension>`;
    parts['xl/webextensions/taskpanes.xml'] = (parts['xl/webextensions/taskpanes.xml'] as string).replace(
      '</wetp:taskpanes>',
      `<wetp:taskpane dockstate="right" visibility="1" width="350" row="2"><wetp:webextensionref xmlns:r="${NS_R}" r:id="rId2"/></wetp:taskpane></wetp:taskpanes>`,
    );
    parts['xl/webextensions/_rels/taskpanes.xml.rels'] = (parts['xl/webextensions/_rels/taskpanes.xml.rels'] as string).replace(
      '</Relationships>',
      '<Relationship Id="rId2" Type="http://schemas.microsoft.com/office/2011/relationships/webextension" Target="webextension2.xml"/></Relationships>',
    );
    overrides['xl/webextensions/webextension2.xml'] = 'application/vnd.ms-office.webextension+xml';
  }
  if (options.macro) parts['xl/vbaProject.bin'] = VBA;
  for (const [name, data] of Object.entries(parts)) zip.file(name, data);

  let workbook = await text('xl/workbook.xml');
  workbook = workbook.replace('<sheets>', '<workbookProtection workbookPassword="CC1A" lockStructure="1"/><bookViews><workbookView activeTab="0"/></bookViews><sheets>');
  workbook = workbook.replace(
    '</sheets>',
    `<sheet name="说明" sheetId="2" state="hidden" r:id="rId90"/></sheets><definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'7-9月得分'!$A$2:$F$53</definedName><definedName name="基础分" localSheetId="0">'7-9月得分'!$B$4:$B$53</definedName><definedName name="隐藏名" hidden="1">'说明'!$A$1</definedName></definedNames>`,
  );
  workbook = workbook.replace('</workbook>', '<pivotCaches><pivotCache cacheId="1" r:id="rId91"/></pivotCaches></workbook>');
  zip.file('xl/workbook.xml', workbook);
  const rels = (await text('xl/_rels/workbook.xml.rels')).replace(
    '</Relationships>',
    `<Relationship Id="rId90" Type="${NS_R}/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId91" Type="${NS_R}/pivotCacheDefinition" Target="pivotCache/pivotCacheDefinition1.xml"/>` +
      `<Relationship Id="rId92" Type="${NS_R}/sheetMetadata" Target="metadata.xml"/><Relationship Id="rId93" Type="http://schemas.microsoft.com/office/2017/10/relationships/person" Target="persons/person.xml"/><Relationship Id="rId94" Type="${NS_R}/customXml" Target="../customXml/item1.xml"/>` +
      (options.macro ? `<Relationship Id="rId95" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/>` : '') +
      '</Relationships>',
  );
  zip.file('xl/_rels/workbook.xml.rels', rels);
  const rootRels = (await text('_rels/.rels')).replace(
    '</Relationships>',
    '<Relationship Id="rId9" Type="http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes" Target="xl/webextensions/taskpanes.xml"/></Relationships>',
  );
  zip.file('_rels/.rels', rootRels);
  let ct = await text('[Content_Types].xml');
  ct = ct.replace(
    '</Types>',
    Object.entries(overrides)
      .map(([part, type]) => `<Override PartName="/${part}" ContentType="${type}"/>`)
      .join('') + (options.macro ? '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>' : '') + '<Default Extension="png" ContentType="image/png"/></Types>',
  );
  if (options.macro) ct = ct.replace('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', 'application/vnd.ms-excel.sheet.macroEnabled.main+xml');
  zip.file('[Content_Types].xml', ct);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** Every entry's uncompressed bytes, by name. */
export async function entries(data: Uint8Array): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(data);
  const out = new Map<string, Buffer>();
  for (const [name, file] of Object.entries(zip.files)) if (!file.dir) out.set(name, await file.async('nodebuffer'));
  return out;
}
