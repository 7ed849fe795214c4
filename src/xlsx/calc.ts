/**
 * 写入公式 (#11 item 7): a workbook we wrote formulas into asks to be recalculated when opened.
 * Each formula carries the value we computed, so a reader that does not calculate shows the
 * right numbers; but a file edited afterwards by a script (cached values now stale) or a
 * calculation chain we dropped would leave Excel showing old results until the next edit.
 * `fullCalcOnLoad` on the workbook's calcPr makes Excel, WPS and LibreOffice calculate on open.
 */
import type { Package, WorkbookInfo } from './pkg';
import { prefixOf, setAttribute, Splicer, walkXml } from './xml';

/** Children of <workbook> that come after <calcPr> in the schema's order (CT_Workbook). */
const AFTER_CALC_PR = new Set(['oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst']);

/** Set calcPr fullCalcOnLoad="1" in the workbook part (adding calcPr where the schema puts it). */
export async function requestFullCalc(pkg: Package, wb: WorkbookInfo): Promise<void> {
  const xml = await pkg.text(wb.part);
  if (xml === null) return;
  const out = new Splicer(xml);
  let prefix = '';
  let done = false;
  walkXml(xml, {
    open(el) {
      if (done) return;
      if (el.depth === 0) prefix = prefixOf(el.name);
      if (el.depth !== 1) return;
      if (el.local === 'calcPr') {
        out.replace(el.start, el.openEnd, setAttribute(xml.slice(el.start, el.openEnd), 'fullCalcOnLoad', '1'));
        done = true;
      } else if (AFTER_CALC_PR.has(el.local)) {
        out.insert(el.start, `<${prefix}calcPr fullCalcOnLoad="1"/>`);
        done = true;
      }
    },
    close(el) {
      if (done || el.depth !== 0) return;
      out.insert(el.closeStart, `<${prefix}calcPr fullCalcOnLoad="1"/>`);
      done = true;
    },
  });
  pkg.put(wb.part, out.toString());
}
