/**
 * The harness of the end-to-end files that drive the demo page (the real task pane beside the
 * simulated workbook): one demo server and one Chromium profile per file, a fresh page per test
 * with every off-machine request refused, and after each test the check that nothing left the
 * machine. One copy, so every file is held to the same "nothing off the machine" rule.
 *
 * Call useDemoPage() at the top of a test file (outside any describe): it registers the jest
 * hooks and returns accessors, because the page, the server and the browser only exist once the
 * hooks have run.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, type Frame, type FrameLocator, type Page } from 'playwright-core';
import { CHROMIUM, gridCellsOf, launchChromium } from './browser';
import { ROOT, startDemoServer, type DemoServer } from './demoServer';

const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

export interface DemoPageOptions {
  /** jest.setTimeout for the file's tests. */
  timeout: number;
  /** Prefix of the temporary Chromium profile directory. */
  profilePrefix?: string;
  /** Let tests take the page's downloads. */
  acceptDownloads?: boolean;
  /** Record every dialog's message and fail the test when one opened (hostile cell text must not run). */
  recordDialogs?: boolean;
  /** Appended to demo.html, e.g. '?lang=en-US'. */
  query?: string;
}

export interface DemoPage {
  page(): Page;
  server(): DemoServer;
  browser(): BrowserContext;
  /** The task pane's iframe. */
  pane(): FrameLocator;
  /** The task pane's frame, for evaluating inside it. */
  paneFrame(): Frame;
  /** Visible grid cells of the active sheet: address -> text. */
  gridCells(): Promise<Map<string, string>>;
  /** Type into a cell through the demo's formula bar, as a clerk does (no 校验 pressed afterwards). */
  editCell(address: string, text: string): Promise<void>;
  /** 重新计算排名 in the pane, through its preview, up to 已写入. */
  recalcInPane(): Promise<void>;
  /** Off-machine requests refused so far (afterEach expects none). */
  readonly offMachine: readonly string[];
  /** Dialog messages recorded so far (only with recordDialogs). */
  readonly dialogs: readonly string[];
}

export function useDemoPage(options: DemoPageOptions): DemoPage {
  let server: DemoServer;
  let browser: BrowserContext;
  let page: Page;
  let userData: string;
  const offMachine: string[] = [];
  const dialogs: string[] = [];

  jest.setTimeout(options.timeout);

  beforeAll(async () => {
    // Chromium is required: a missing browser fails the suite instead of skipping it.
    expect(existsSync(CHROMIUM)).toBe(true);
    server = await startDemoServer(280_000);
    // A fresh profile directory each run (playwright passes it as --user-data-dir).
    userData = mkdtempSync(join(tmpdir(), options.profilePrefix ?? 'scorecard-chromium-'));
    // Only the options a file asks for, so the others launch with playwright's defaults.
    browser = await launchChromium(userData, options.acceptDownloads ? { acceptDownloads: true } : {});
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (userData) rmSync(userData, { recursive: true, force: true });
  });

  beforeEach(async () => {
    page = await browser.newPage();
    // A dialog left open would stall the page; dismiss it, and keep its message when the file checks for none.
    page.on('dialog', (d) => {
      if (options.recordDialogs) dialogs.push(d.message());
      void d.dismiss();
    });
    const simOffice = readFileSync(join(ROOT, 'dist', 'sim-office.js'));
    await page.route('**/*', async (route) => {
      const url = route.request().url();
      if (url.startsWith(server.url) || url.startsWith('blob:') || url.startsWith('data:')) return route.continue();
      // The office.js CDN is answered by the simulated Office; everything else off-machine is refused.
      if (url === OFFICE_JS) return route.fulfill({ body: simOffice, contentType: 'text/javascript' });
      offMachine.push(url);
      return route.abort();
    });
    await page.goto(`${server.url}/demo.html${options.query ?? ''}`);
    await pane().locator('[data-testid="table-card"]').waitFor({ timeout: 30_000 });
  });

  afterEach(async () => {
    await page?.close();
    expect(offMachine).toEqual([]);
    if (options.recordDialogs) expect(dialogs).toEqual([]);
  });

  const pane = () => page.frameLocator('[data-testid="pane"]');

  function paneFrame(): Frame {
    const frame = page.frames().find((f) => f.url().includes('/taskpane.html'));
    if (!frame) throw new Error('no task pane frame');
    return frame;
  }

  async function editCell(address: string, text: string): Promise<void> {
    await page.locator(`[data-testid="grid"] td[data-address="${address}"]`).click();
    await page.locator('[data-testid="formula-input"]').fill(text);
    await page.locator('[data-testid="formula-input"]').press('Enter');
    await page.locator(`[data-testid="grid"] td[data-address="${address}"]`, { hasText: text }).waitFor();
  }

  async function recalcInPane(): Promise<void> {
    await pane().getByRole('button', { name: '重新计算排名' }).click();
    const dialog = pane().locator('[data-testid="preview-dialog"]');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: '写入' }).click();
    await pane().locator('[data-testid="result"]').filter({ hasText: '已写入' }).waitFor();
  }

  return {
    page: () => page,
    server: () => server,
    browser: () => browser,
    pane,
    paneFrame,
    gridCells: () => gridCellsOf(page),
    editCell,
    recalcInPane,
    offMachine,
    dialogs,
  };
}
