/** Shared helpers for the CLI tests: fixture paths, an in-process run, temp folders. */
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../src/cli/run';
import { type CliDeps } from '../../src/cli/main';

export const REPO_ROOT = path.resolve(__dirname, '../..');
/** CI clones the repo as a sibling of shared/. */
export const SHARED = path.resolve(REPO_ROOT, '..', 'shared');
export const fixture = (name: string): string => path.join(SHARED, 'fixtures', name);
export const INPUT_XLSX = fixture('wenxian-2023-q3-input.xlsx');
export const PUBLISHED_XLSX = fixture('wenxian-2023-q3.xlsx');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function run(argv: string[], deps: CliDeps = {}): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) }, deps);
  return { code, stdout, stderr };
}

/** A fresh temp folder per test file, removed afterwards. */
export function tempDir(): { dir: () => string; file: (name: string) => string } {
  let current = '';
  beforeAll(() => {
    current = mkdtempSync(path.join(os.tmpdir(), 'scorecard-cli-'));
  });
  afterAll(() => {
    rmSync(current, { recursive: true, force: true });
  });
  return { dir: () => current, file: (name) => path.join(current, name) };
}

/** Published table: unit -> { category, total, rank } from the .tsv. */
export function parsePublishedTsv(text: string): Map<string, { category: string; base: number; total: number; rank: number }> {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const out = new Map<string, { category: string; base: number; total: number; rank: number }>();
  let category = '';
  for (const line of lines.slice(1)) {
    const cols = line.split('\t');
    if (cols.length === 1) {
      category = cols[0]!.trim();
      continue;
    }
    out.set(cols[0]!.trim(), { category, base: Number(cols[1]), total: Number(cols[4]), rank: Number(cols[5]) });
  }
  return out;
}

/** The fixtures README's "Default flags" lists: label -> units, in the order written. */
export function parseReadmeFlags(readme: string): Map<string, string[]> {
  const section = readme.slice(readme.indexOf('Default flags'));
  const items = section.split(/\n- /).slice(1);
  const out = new Map<string, string[]>();
  for (const item of items) {
    const text = item.replace(/\s*\n\s*/g, ' ');
    const colon = text.indexOf('):');
    const label = text.slice(0, text.indexOf(' (')).trim();
    const units = text.slice(colon + 2).split(',').map((u) => u.trim()).filter(Boolean);
    out.set(label, units);
  }
  return out;
}
