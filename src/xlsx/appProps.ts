/**
 * docProps/app.xml lists the workbook's parts by name: TitlesOfParts holds the titles, and
 * HeadingPairs says how many of them belong to each group, in order ("Worksheets" 3, "Named
 * Ranges" 2…). A sheet added or deleted changes both. The part is informative only (Excel
 * rewrites it on save), so one shaped otherwise is left as it was.
 */
import { escapeXml, Splicer, walkXml } from './xml';

interface Span {
  start: number;
  end: number;
}

interface Group {
  name: string;
  count: number;
  /** The text inside the group's <vt:i4>. */
  countAt: Span;
  /** Both <vt:variant> elements of the pair. */
  pair: Span;
}

interface AppModel {
  groups: Group[];
  /** The HeadingPairs vector's start tag, and its TitlesOfParts counterpart. */
  headingVector: Span & { size: number };
  titlesVector: Span & { size: number };
  titles: Array<Span & { text: string }>;
  prefix: string;
}

const WORKSHEETS = /^(Worksheets|工作表)$/;
const NAMED_RANGES = /^(Named Ranges|命名范围|已命名范围)$/;

function readApp(xml: string): AppModel | null {
  const path: string[] = [];
  const variants: Array<Span & { kind: string; text: string; inner: Span }> = [];
  const titles: AppModel['titles'] = [];
  let headingVector: AppModel['headingVector'] | null = null;
  let titlesVector: AppModel['titlesVector'] | null = null;
  let prefix = '';
  let text = '';
  // The value of the variant being read, attached to it when it closes.
  let pendingValue: { kind: string; text: string; inner: Span } | null = null;
  try {
    walkXml(xml, {
      open(el) {
        path.push(el.local);
        text = '';
        const parent = path[path.length - 2];
        if (el.local === 'vector' && parent === 'HeadingPairs') headingVector = { start: el.start, end: el.openEnd, size: Number(el.attributes.size ?? 0) };
        if (el.local === 'vector' && parent === 'TitlesOfParts') {
          titlesVector = { start: el.start, end: el.openEnd, size: Number(el.attributes.size ?? 0) };
          prefix = el.name.slice(0, el.name.length - el.local.length);
        }
      },
      text(t) {
        text += t;
      },
      close(el) {
        path.pop();
        const top = path[path.length - 2];
        if (el.local === 'variant' && top === 'HeadingPairs') variants.push({ start: el.start, end: el.end, kind: '', text: '', inner: { start: 0, end: 0 } });
        if ((el.local === 'lpstr' || el.local === 'i4') && path[path.length - 1] === 'variant' && path[path.length - 3] === 'HeadingPairs') {
          // The variant closes after its value: remember the value for it.
          pendingValue = { kind: el.local, text, inner: { start: el.openEnd, end: el.closeStart } };
        }
        if (el.local === 'variant' && top === 'HeadingPairs' && pendingValue) {
          Object.assign(variants[variants.length - 1]!, pendingValue);
          pendingValue = null;
        }
        if (el.local === 'lpstr' && path[path.length - 1] === 'vector' && top === 'TitlesOfParts') titles.push({ start: el.start, end: el.end, text });
      },
    });
  } catch {
    return null;
  }
  if (!headingVector || !titlesVector) return null;
  const groups: Group[] = [];
  for (let i = 0; i + 1 < variants.length; i += 2) {
    const [name, count] = [variants[i]!, variants[i + 1]!];
    if (name.kind !== 'lpstr' || count.kind !== 'i4' || !/^\d+$/.test(count.text.trim())) return null;
    groups.push({ name: name.text.trim(), count: Number(count.text), countAt: count.inner, pair: { start: name.start, end: count.end } });
  }
  if (groups.reduce((n, g) => n + g.count, 0) !== titles.length) return null;
  return { groups, headingVector, titlesVector, titles, prefix };
}

function sized(xml: string, span: Span & { size: number }, size: number): string {
  return xml.slice(span.start, span.end).replace(/(\ssize\s*=\s*")(\d+)(")/, (_m, a: string, _n: string, b: string) => `${a}${size}${b}`);
}

/** app.xml with a sheet title added at the end of the worksheets group; null when the part is shaped otherwise. */
export function addAppTitle(xml: string, name: string): string | null {
  const app = readApp(xml);
  const g = app?.groups.findIndex((x) => WORKSHEETS.test(x.name)) ?? -1;
  if (!app || g < 0) return null;
  const before = app.groups.slice(0, g + 1).reduce((n, x) => n + x.count, 0);
  const insertAt = before === 0 ? app.titlesVector.end : app.titles[before - 1]!.end;
  const edits: Array<[number, number, string]> = [
    [app.groups[g]!.countAt.start, app.groups[g]!.countAt.end, String(app.groups[g]!.count + 1)],
    [app.titlesVector.start, app.titlesVector.end, sized(xml, app.titlesVector, app.titlesVector.size + 1)],
    [insertAt, insertAt, `<${app.prefix}lpstr>${escapeXml(name)}</${app.prefix}lpstr>`],
  ];
  return splice(xml, edits);
}

/**
 * app.xml without the titles of deleted sheets: their worksheet titles and the named ranges on
 * them ("考评汇总!Print_Titles"); a group left empty goes with its pair. Null when shaped otherwise.
 */
export function removeAppTitles(xml: string, names: ReadonlySet<string>): string | null {
  const app = readApp(xml);
  if (!app) return null;
  const onSheet = (title: string) => [...names].some((n) => title.startsWith(`${n}!`) || title.startsWith(`'${n.replace(/'/g, "''")}'!`));
  const edits: Array<[number, number, string]> = [];
  let at = 0;
  let removedTitles = 0;
  let removedPairs = 0;
  for (const group of app.groups) {
    const mine = app.titles.slice(at, at + group.count);
    at += group.count;
    const gone = mine.filter((t) => (WORKSHEETS.test(group.name) && names.has(t.text)) || (NAMED_RANGES.test(group.name) && onSheet(t.text)));
    if (gone.length === 0) continue;
    removedTitles += gone.length;
    for (const t of gone) edits.push([t.start, t.end, '']);
    if (gone.length === group.count) {
      edits.push([group.pair.start, group.pair.end, '']);
      removedPairs++;
    } else edits.push([group.countAt.start, group.countAt.end, String(group.count - gone.length)]);
  }
  if (removedTitles === 0) return xml;
  edits.push([app.titlesVector.start, app.titlesVector.end, sized(xml, app.titlesVector, app.titlesVector.size - removedTitles)]);
  if (removedPairs > 0) edits.push([app.headingVector.start, app.headingVector.end, sized(xml, app.headingVector, app.headingVector.size - 2 * removedPairs)]);
  return splice(xml, edits);
}

function splice(xml: string, edits: Array<[number, number, string]>): string {
  const out = new Splicer(xml);
  // Offsets in increasing order: HeadingPairs comes before TitlesOfParts in app.xml.
  edits.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  for (const [from, to, text] of edits) out.replace(from, to, text);
  return out.toString();
}
