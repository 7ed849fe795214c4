/**
 * Differential: a generated sheet read through each host adapter (exceljs for the CLI, the
 * Office.js adapter over the simulated Excel) is analysed exactly as the plain grid is.
 */
import fc from 'fast-check';
import { Workbook } from 'exceljs';
import { analyze, type Analysis } from '../../src/core';
import { gridFromWorksheet } from '../../src/xlsx/workbook';
import { SimWorkbook } from '../../src/sim';
import { simHost } from '../excel/simHost';
import { workbookFromGrid } from '../corpus/xlsx';
import { categoriesOf, findingKeys } from '../corpus/check';
import { propertySettings, scenarioArb } from '../support/arbitraries';

// The adapters do real I/O-shaped work (zip, XML, batched syncs): fewer runs than the pure properties.
const settings = propertySettings(0xad4);
fc.configureGlobal({ ...settings, numRuns: Math.max(1, Math.round(settings.numRuns / 5)) });

const meaning = (a: Analysis) => ({ findings: findingKeys(a.findings), categories: categoriesOf(a), period: a.layout?.period ?? null });

describe('the same sheet through every host', () => {
  it('an .xlsx written and read back through the CLI adapter means the same as the grid', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (s) => {
        const buffer = await workbookFromGrid(s.grid).xlsx.writeBuffer();
        const read = new Workbook();
        await read.xlsx.load(buffer);
        const grid = gridFromWorksheet(read.worksheets[0]!);
        expect(meaning(analyze(grid))).toEqual(meaning(analyze(s.grid)));
      }),
    );
  });

  it('the simulated Excel read by the Office.js adapter means the same as the grid', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (s) => {
        const { host } = simHost(SimWorkbook.fromGrids([s.grid]));
        const inspection = await host.inspect();
        if (!inspection.ok) throw new Error(`inspect failed: ${inspection.error.key}`);
        expect(meaning(inspection.value.analysis)).toEqual(meaning(analyze(s.grid)));
      }),
    );
  });
});
