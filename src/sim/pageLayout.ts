/** Excel.PageLayout of a worksheet (paper, orientation, zoom, headers and footers). */
import { SimOfficeError, SIM_ERROR } from './errors';
import type { SimRequestContext } from './context';
import { SimObject } from './object';
import { guardProtected } from './target';
import type { SimSheet } from './workbook';
import type { SimWorksheet } from './worksheet';

export class SimPageLayoutProxy extends SimObject<SimSheet> {
  constructor(context: SimRequestContext, parent: SimWorksheet) {
    super(context, `${parent.path}.pageLayout`, () => parent.target(), true, false);
  }

  protected scalarProps(): readonly string[] {
    return ['orientation', 'paperSize'];
  }

  protected read(sheet: SimSheet, prop: string): unknown {
    if (prop === 'orientation') return sheet.pageLayout.orientation ?? 'Portrait';
    if (prop === 'paperSize') return sheet.pageLayout.paperSize ?? 'Letter';
    if (prop === 'zoom') return sheet.pageLayout.zoom ?? { scale: 100 };
    throw new SimOfficeError(SIM_ERROR.invalidArgument, `Unknown property PageLayout.${prop}`);
  }

  set orientation(value: string) {
    this.queueSet('orientation', value, (sheet) => { guardProtected(sheet); sheet.pageLayout.orientation = value; });
  }

  get orientation(): 'Portrait' | 'Landscape' {
    return this.prop('orientation');
  }

  set paperSize(value: string) {
    this.queueSet('paperSize', value, (sheet) => { guardProtected(sheet); sheet.pageLayout.paperSize = value; });
  }

  get paperSize(): string {
    return this.prop('paperSize');
  }

  set zoom(value: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number }) {
    this.queueSet('zoom', value, (sheet) => { guardProtected(sheet); sheet.pageLayout.zoom = { ...value }; });
  }

  get zoom(): { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number } {
    return this.prop('zoom');
  }

  /** ExcelApi 1.9: only the centre sections of defaultForAllPages are simulated. */
  get headersFooters(): { defaultForAllPages: { centerHeader: string; centerFooter: string } } {
    // ExcelApi 1.9, like the page layout it belongs to (gated there).
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the proxy objects below write through to this simulated object
    const self = this;
    const set = (part: 'centerHeader' | 'centerFooter', value: string) =>
      self.queueSet(`headersFooters.defaultForAllPages.${part}`, value, (sheet) => {
        guardProtected(sheet);
        sheet.pageLayout.headersFooters = { ...sheet.pageLayout.headersFooters, [part]: value };
      });
    return {
      defaultForAllPages: {
        set centerHeader(value: string) { set('centerHeader', value); },
        get centerHeader(): string { return self.prop('headersFooters/defaultForAllPages/centerHeader'); },
        set centerFooter(value: string) { set('centerFooter', value); },
        get centerFooter(): string { return self.prop('headersFooters/defaultForAllPages/centerFooter'); },
      },
    };
  }
}

