import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The core is pure: nothing from Office, the DOM, React, Node or exceljs. */
const FORBIDDEN = [/from ['"]node:/, /from ['"](fs|path|os|child_process)['"]/, /from ['"]react/, /from ['"]@fluentui/, /from ['"]exceljs/, /\bOffice\./, /\bExcel\./, /\bdocument\./, /\bwindow\./, /\bprocess\./, /require\(/];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('layers', () => {
  const coreFiles = files(join(__dirname, '../../src/core'));
  it('finds the core files', () => {
    expect(coreFiles.length).toBeGreaterThan(8);
  });
  it.each(coreFiles.map((f) => [f.split('src/')[1]!, f]))('%s imports nothing from a host', (_name, path) => {
    const source = readFileSync(path, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    for (const pattern of FORBIDDEN) expect(source).not.toMatch(pattern);
  });
  it('only src/excel and src/commands/taskpane/sim touch Office.js globals', () => {
    const outside = files(join(__dirname, '../../src')).filter((f) => !/src\/(excel|sim|taskpane|commands|demo)\//.test(f));
    for (const path of outside) expect(readFileSync(path, 'utf8')).not.toMatch(/\bExcel\.run\b|\bOffice\.context\b/);
  });
});
