/** Excel.ChartCollection and Excel.Chart of a worksheet. */
import { rangeA1 } from '../core/grid';
import { SimOfficeError, SIM_ERROR } from './errors';
import type { SimRequestContext } from './context';
import { SimObject } from './object';
import type { SimRange } from './range';
import { requireMember } from './requirements';
import { guardProtected } from './target';
import type { SimChart as ChartState, SimSheet } from './workbook';
import type { SimWorksheet } from './worksheet';

export class SimChartCollection extends SimObject<SimSheet> {
  constructor(context: SimRequestContext, private readonly parent: SimWorksheet) {
    super(context, `${parent.path}.charts`, () => parent.target(), true, false);
  }

  protected scalarProps(): readonly string[] {
    return ['count'];
  }

  protected read(sheet: SimSheet, prop: string): unknown {
    if (prop === 'count') return sheet.charts.length;
    throw new SimOfficeError(SIM_ERROR.invalidArgument, `Unknown property ChartCollection.${prop}`);
  }

  get count(): number {
    return this.prop('count');
  }

  add(type: string, sourceData: SimRange, seriesBy?: string): SimChart {
    const path = `${this.path}.add(${JSON.stringify(type)})`;
    const proxy = new SimChart(this.context, path);
    this.context.enqueue({ path, kind: 'call', name: 'add', args: [type, sourceData.path, seriesBy ?? 'Auto'], exec: () => {
      const sheet = this.parent.target();
      if (!sheet) return;
      guardProtected(sheet);
      const source = sourceData.target();
      if (!source) throw new SimOfficeError(SIM_ERROR.invalidArgument, 'Chart source is a null range.');
      const chart: ChartState = {
        name: `Chart ${sheet.charts.length + 1}`,
        type,
        source: `${source.sheet.name}!${rangeA1(source.range)}`,
        seriesBy: seriesBy ?? 'Auto',
        title: null,
        position: null,
      };
      sheet.charts.push(chart);
      proxy.bind(chart);
    } });
    return proxy;
  }
}

export class SimChart extends SimObject<ChartState> {
  readonly title: { text: string };
  readonly legend: { visible: boolean };
  readonly axes: { categoryAxis: { reversePlotOrder: boolean } };

  constructor(context: SimRequestContext, path: string) {
    super(context, path, () => null, true, false);
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the proxy objects below write through to this simulated object
    const self = this;
    this.title = {
      set text(value: string) {
        self.queueSet('title.text', value, (chart) => { chart.title = value; });
      },
      get text(): string {
        return self.prop('title/text');
      },
    };
    this.legend = {
      set visible(value: boolean) {
        self.queueSet('legend.visible', value, (chart) => { chart.legendVisible = value; });
      },
      get visible(): boolean {
        return self.prop('legend/visible');
      },
    };
    const categoryAxis = {
      set reversePlotOrder(value: boolean) {
        requireMember(self.context.sim, 'ChartAxis.reversePlotOrder');
        self.queueSet('axes.categoryAxis.reversePlotOrder', value, (chart) => { chart.reversePlotOrder = value; });
      },
      get reversePlotOrder(): boolean {
        return self.prop('axes/categoryAxis/reversePlotOrder');
      },
    };
    this.axes = { categoryAxis };
  }

  protected override apiType(): string {
    return 'Chart';
  }

  protected scalarProps(): readonly string[] {
    return ['name', 'chartType'];
  }

  protected read(chart: ChartState, prop: string): unknown {
    if (prop === 'name') return chart.name;
    if (prop === 'chartType') return chart.type;
    if (prop === 'title/text') return chart.title;
    throw new SimOfficeError(SIM_ERROR.invalidArgument, `Unknown property Chart.${prop}`);
  }

  set name(value: string) {
    this.queueSet('name', value, (chart) => { chart.name = value; });
  }

  get name(): string {
    return this.prop('name');
  }

  setPosition(startCell: string | SimRange, endCell?: string | SimRange): void {
    const text = (cell: string | SimRange | undefined): string | null => {
      if (cell === undefined) return null;
      if (typeof cell === 'string') return cell;
      const t = cell.target();
      return t ? rangeA1(t.range) : null;
    };
    this.queueCall('setPosition', [typeof startCell === 'string' ? startCell : startCell.path, typeof endCell === 'string' || endCell === undefined ? endCell ?? null : endCell.path], (chart) => {
      chart.position = { start: text(startCell) ?? 'A1', end: text(endCell) };
    });
  }
}

