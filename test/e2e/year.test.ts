/**
 * #14 年度汇总 end to end in headless Debian Chromium: the demo opens a workbook of two
 * quarters, the pane shows movement beside the flagged units, previews the year, writes the
 * 年度汇总 sheet and undoes it. Fails, never skips, when Chromium is missing.
 */
import { periodWorkbook } from './browser';
import { useDemoPage } from './demoPage';

const { page, pane } = useDemoPage({ timeout: 90_000 });

/** Two quarters, the later one first (the active sheet): 水利局 has 零报送 in both, 乙 overtakes 甲. */
function twoQuarters(): Promise<Buffer> {
  return periodWorkbook([
    { name: '二季度', title: '2023年4—6月份全县政务信息得分情况', units: [['甲', 100, 0, 0], ['乙', 120, 5, 0], ['水利局', 0, 0, 0]] },
    { name: '一季度', title: '2023年1—3月份全县政务信息得分情况', units: [['甲', 120, 10, 0], ['乙', 100, 0, 0], ['水利局', 0, 0, 0]] },
  ]);
}

async function gridTexts(): Promise<string[]> {
  return page().$$eval('[data-testid="grid"] td[data-address]', (tds) => tds.map((td) => td.textContent ?? ''));
}

describe('年度汇总 in the demo', () => {
  it('previews the year, writes 年度汇总 and undoes it', async () => {
    await page().setInputFiles('[data-testid="file-input"]', { name: '两个季度.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await twoQuarters() });
    await pane().locator('[data-testid="table-card"]').waitFor({ timeout: 30_000 });

    // Movement beside the flagged unit (水利局: 零报送, same rank as in 一季度).
    await pane().locator('[data-testid="flag-ZERO_SUBMISSION"] [data-testid="movement"]').filter({ hasText: '—' }).waitFor();

    await pane().getByRole('button', { name: '年度汇总' }).click();
    const panel = pane().locator('[data-testid="year-panel"]');
    await panel.locator('[data-testid="year-periods"]').filter({ hasText: '2023年1—3月份、2023年4—6月份' }).waitFor();
    const rows = await panel.locator('[data-testid="year-unit"]').allTextContents();
    expect(rows).toEqual(['1甲230↓1基础数量不足', '2乙225↑1', '3水利局0—零报送、连续零报送']);
    await expect(panel.locator('[data-testid="year-notice"]').textContent()).resolves.toContain('连续零报送单位：水利局（连续2期）');
    // The preview wrote nothing.
    await expect(page().getByRole('tab', { name: '年度汇总' }).count()).resolves.toBe(0);

    await panel.locator('[data-testid="year-write"]').click();
    await pane().locator('[data-testid="result"]').filter({ hasText: '已写入工作表“年度汇总”' }).waitFor();
    await page().locator('[data-testid="grid"][data-sheet="年度汇总"]').waitFor();
    const written = await gridTexts();
    expect(written).toContain('年度累计得分');
    expect(written).toContain('连续零报送单位：水利局（连续2期）');

    await pane().locator('[data-testid="year-undo"]').click();
    await pane().locator('[data-testid="result"]').filter({ hasText: '已撤销年度汇总' }).waitFor();
    await expect(page().getByRole('tab', { name: '年度汇总' }).count()).resolves.toBe(0);
    await expect(page().getByRole('tab').allTextContents()).resolves.toEqual(['二季度', '一季度']);
  });
});
