import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const manifest = readFileSync(join(root, 'manifest.xml'), 'utf8');
const schema = join(root, '..', 'shared', 'office-addin-schemas', 'OfficeAppManifestV1_1.xsd');

function attributeValues(name: string): string[] {
  return [...manifest.matchAll(new RegExp(`\\s${name}="([^"]*)"`, 'g'))].map((m) => m[1]!);
}

/** Resource ids declared in <Resources>, per kind. */
function resourceIds(section: string): string[] {
  const block = new RegExp(`<bt:${section}>([\\s\\S]*?)</bt:${section}>`).exec(manifest);
  if (!block) return [];
  return [...block[1]!.matchAll(/<bt:(?:Image|Url|String) id="([^"]+)"/g)].map((m) => m[1]!);
}

describe('manifest.xml', () => {
  it('validates against the offline Office add-in schemas with xmllint', () => {
    // Fails (does not skip) when xmllint or the schemas are missing: the check must run.
    expect(existsSync(schema)).toBe(true);
    const out = execFileSync('xmllint', ['--noout', '--schema', schema, join(root, 'manifest.xml')], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(out).toBe('');
  });

  it('resolves every resid to a declared resource of a fitting kind', () => {
    const declared = new Set([
      ...resourceIds('Images'),
      ...resourceIds('Urls'),
      ...resourceIds('ShortStrings'),
      ...resourceIds('LongStrings'),
    ]);
    const used = attributeValues('resid');
    expect(used.length).toBeGreaterThan(10);
    for (const id of used) expect(declared).toContain(id);
    // Labels and titles must be short strings; descriptions long strings; images images.
    const shortIds = new Set(resourceIds('ShortStrings'));
    for (const m of manifest.matchAll(/<(Label|Title) resid="([^"]+)"/g)) expect(shortIds).toContain(m[2]);
    const longIds = new Set(resourceIds('LongStrings'));
    for (const m of manifest.matchAll(/<Description resid="([^"]+)"/g)) expect(longIds).toContain(m[1]);
    const imageIds = new Set(resourceIds('Images'));
    for (const m of manifest.matchAll(/<bt:Image size="\d+" resid="([^"]+)"/g)) expect(imageIds).toContain(m[1]);
  });

  it('uses https for every URL', () => {
    const urls = [
      ...attributeValues('DefaultValue').filter((v) => /^[a-z]+:\/\//i.test(v)),
      ...[...manifest.matchAll(/<AppDomain>([^<]+)<\/AppDomain>/g)].map((m) => m[1]!),
    ];
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(url).toMatch(/^https:\/\//);
    expect(manifest).not.toMatch(/http:\/\/localhost/);
  });

  it('points every icon at a PNG that exists in assets/ with the size its name says', () => {
    const iconUrls = attributeValues('DefaultValue').filter((v) => v.endsWith('.png'));
    expect(iconUrls.length).toBeGreaterThanOrEqual(5);
    for (const url of iconUrls) {
      const file = join(root, new URL(url).pathname);
      expect(existsSync(file)).toBe(true);
      const png = readFileSync(file);
      expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
      const declared = /icon-(\d+)\.png$/.exec(url);
      expect(declared).not.toBeNull();
      expect(png.readUInt32BE(16)).toBe(Number(declared![1]));
    }
    for (const size of [16, 32, 80]) expect(manifest).toContain(`<bt:Image size="${size}" resid="Icon.${size}x${size}"/>`);
  });

  it('is a zh-CN Workbook task-pane add-in with en-US overrides for every string', () => {
    expect(manifest).toContain('<DefaultLocale>zh-CN</DefaultLocale>');
    expect(manifest).toContain('<DisplayName DefaultValue="政务信息考评助手">');
    expect(manifest).toContain('<Host Name="Workbook"/>');
    expect(manifest).toContain('<Permissions>ReadWriteDocument</Permissions>');
    const strings = [...manifest.matchAll(/<bt:String id="[^"]+" DefaultValue="[^"]*">([\s\S]*?)<\/bt:String>/g)];
    expect(strings.length).toBe(resourceIds('ShortStrings').length + resourceIds('LongStrings').length);
    for (const s of strings) expect(s[1]).toContain('Locale="en-US"');
    for (const label of ['政务信息考评', '重新计算排名', '生成汇总表', '考评面板']) expect(manifest).toContain(`DefaultValue="${label}"`);
  });

  it('names only ribbon functions that commands.ts associates', () => {
    const commands = readFileSync(join(root, 'src', 'commands', 'commands.ts'), 'utf8');
    const names = [...manifest.matchAll(/<FunctionName>([^<]+)<\/FunctionName>/g)].map((m) => m[1]!);
    expect(names.sort()).toEqual(['generateSummary', 'recalcRanking']);
    for (const name of names) expect(commands).toContain(`Office.actions.associate('${name}'`);
  });
});
