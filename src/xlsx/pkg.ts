/**
 * The Open Packaging bookkeeping of an .xlsx, edited in place: relationships, content types,
 * the workbook's sheet list. jszip opens and re-zips; entries nobody edits keep their
 * compressed bytes (jszip reuses them), so their content comes out exactly as it went in.
 */
import JSZip from 'jszip';
import { escapeXml, openTagOf, Splicer, walkXml } from './xml';

export const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const REL = {
  worksheet: `${NS_REL}/worksheet`,
  drawing: `${NS_REL}/drawing`,
  chart: `${NS_REL}/chart`,
  styles: `${NS_REL}/styles`,
  calcChain: `${NS_REL}/calcChain`,
  officeDocument: `${NS_REL}/officeDocument`,
};
/** Strict OOXML spells the relationship namespace differently. */
const NS_REL_STRICT = 'http://purl.oclc.org/ooxml/officeDocument/relationships';

export const CT = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
};

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

const ENCODER = new TextEncoder();
// A byte-order mark is kept as text, so a part that had one writes it back.
const DECODER = new TextDecoder('utf-8', { ignoreBOM: true });

export class Package {
  /** Parts already decoded: the score sheet is read, then edited, from one inflate. */
  private readonly texts = new Map<string, string>();
  private constructor(readonly zip: JSZip) {}

  static async open(bytes: Uint8Array | ArrayBuffer): Promise<Package> {
    return new Package(await JSZip.loadAsync(bytes));
  }

  has(path: string): boolean {
    return this.zip.file(path) !== null;
  }

  async text(path: string): Promise<string | null> {
    const known = this.texts.get(path);
    if (known !== undefined) return known;
    const file = this.zip.file(path);
    if (!file) return null;
    // The platform's UTF-8 codec: jszip's own, in JavaScript, took seconds on a 20k-unit sheet.
    const text = DECODER.decode(await file.async('uint8array'));
    this.texts.set(path, text);
    return text;
  }

  put(path: string, text: string): void {
    // Fast deflate for the parts we write (a 20k-unit sheet is megabytes of XML): the level
    // costs a few percent of size and saves most of the compression time.
    this.zip.file(path, ENCODER.encode(text), { compression: 'DEFLATE', compressionOptions: { level: 1 } });
    this.texts.set(path, text);
  }

  remove(path: string): void {
    this.zip.remove(path);
    this.texts.delete(path);
  }

  names(): string[] {
    return Object.keys(this.zip.files).filter((n) => !this.zip.files[n]!.dir);
  }

  /** A part name like xl/charts/chart3.xml whose number no part uses yet. */
  freeName(dir: string, stem: string, ext = 'xml'): string {
    const taken = new Set(this.names().map((n) => n.toLowerCase()));
    for (let n = 1; ; n++) {
      const name = `${dir}/${stem}${n}.${ext}`;
      if (!taken.has(name.toLowerCase())) return name;
    }
  }

  async generate(): Promise<Uint8Array> {
    return this.zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
  }
}

/** `xl/worksheets/sheet1.xml` -> `xl/worksheets/_rels/sheet1.xml.rels`. */
export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** Resolve a relationship target against the part that holds the relationship. */
export function resolveTarget(sourcePart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const base = sourcePart.slice(0, sourcePart.lastIndexOf('/') + 1).split('/').filter(Boolean);
  for (const seg of target.split('/')) {
    if (seg === '..') base.pop();
    else if (seg !== '.' && seg !== '') base.push(seg);
  }
  return base.join('/');
}

/** A target for `part` as written from `sourcePart` (relative, as Excel writes them). */
export function relativeTarget(sourcePart: string, part: string): string {
  const from = sourcePart.split('/').slice(0, -1);
  const to = part.split('/');
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => '..'), ...to.slice(i)].join('/');
}

export function parseRels(xml: string | null): Relationship[] {
  if (!xml) return [];
  const rels: Relationship[] = [];
  walkXml(xml, {
    open(el) {
      if (el.local !== 'Relationship') return;
      rels.push({ id: el.attributes.Id ?? '', type: el.attributes.Type ?? '', target: el.attributes.Target ?? '', external: el.attributes.TargetMode === 'External' });
    },
  });
  return rels;
}

const EMPTY_RELS = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';

/** Add relationships to a .rels part (created when missing); returns the new ids in order. */
export function addRels(xml: string | null, add: ReadonlyArray<{ type: string; target: string }>): { xml: string; ids: string[] } {
  const source = xml ?? EMPTY_RELS;
  const taken = new Set(parseRels(source).map((r) => r.id));
  const ids: string[] = [];
  let n = 1;
  let insert = '';
  for (const r of add) {
    while (taken.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    taken.add(id);
    ids.push(id);
    insert += `<Relationship Id="${id}" Type="${escapeXml(r.type)}" Target="${escapeXml(r.target)}"/>`;
  }
  return { xml: insertBeforeRootEnd(source, insert), ids };
}

/** Drop relationships by id. */
export function removeRels(xml: string, ids: ReadonlySet<string>): string {
  const out = new Splicer(xml);
  walkXml(xml, {
    close(el) {
      if (el.local === 'Relationship' && ids.has(el.attributes.Id ?? '')) out.replace(el.start, el.end, '');
    },
  });
  return out.toString();
}

/** Insert text just before the root element's end tag (opening a self-closing root). */
export function insertBeforeRootEnd(xml: string, text: string): string {
  if (!text) return xml;
  const out = new Splicer(xml);
  walkXml(xml, {
    close(el) {
      if (el.depth !== 0) return;
      if (el.selfClosing) out.replace(el.start, el.end, `${openTagOf(xml.slice(el.start, el.end))}${text}</${el.name}>`);
      else out.insert(el.closeStart, text);
    },
  });
  return out.toString();
}

/** [Content_Types].xml: add Overrides, drop those of removed parts. */
export function editContentTypes(xml: string, add: ReadonlyArray<{ part: string; type: string }>, removeParts: ReadonlySet<string> = new Set()): string {
  const existing = new Set<string>();
  const out = new Splicer(xml);
  walkXml(xml, {
    close(el) {
      if (el.local !== 'Override') return;
      const part = (el.attributes.PartName ?? '').replace(/^\//, '');
      existing.add(part.toLowerCase());
      if (removeParts.has(part)) out.replace(el.start, el.end, '');
    },
  });
  const edited = out.toString();
  const insert = add
    .filter((a) => !existing.has(a.part.toLowerCase()) || removeParts.has(a.part))
    .map((a) => `<Override PartName="/${escapeXml(a.part)}" ContentType="${escapeXml(a.type)}"/>`)
    .join('');
  return insertBeforeRootEnd(edited, insert);
}

export interface SheetEntry {
  name: string;
  sheetId: number;
  relId: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  /** The worksheet part, resolved from the workbook's rels. */
  part: string;
}

export interface WorkbookInfo {
  part: string;
  sheets: SheetEntry[];
  /** The prefix (with colon) the workbook part uses for the relationships namespace, or null. */
  relPrefix: string | null;
}

/** The workbook part and its sheets, from _rels/.rels and the workbook's own rels. */
export async function readWorkbookInfo(pkg: Package): Promise<WorkbookInfo> {
  const root = parseRels(await pkg.text('_rels/.rels'));
  const officeDoc = root.find((r) => r.type.endsWith('/officeDocument'));
  const part = officeDoc ? resolveTarget('', officeDoc.target) : 'xl/workbook.xml';
  const xml = await pkg.text(part);
  if (xml === null) throw new Error(`no workbook part ${part}`);
  const rels = parseRels(await pkg.text(relsPathOf(part)));
  const sheets: SheetEntry[] = [];
  let relPrefix: string | null = null;
  walkXml(xml, {
    open(el) {
      if (el.depth === 0) {
        for (const [k, v] of Object.entries(el.attributes)) if (k.startsWith('xmlns:') && (v === NS_REL || v === NS_REL_STRICT)) relPrefix = `${k.slice(6)}:`;
        return;
      }
      if (el.local !== 'sheet') return;
      const relId = Object.entries(el.attributes).find(([k]) => k === 'r:id' || k.endsWith(':id'))?.[1] ?? '';
      const rel = rels.find((r) => r.id === relId);
      const state = el.attributes.state === 'hidden' || el.attributes.state === 'veryHidden' ? el.attributes.state : 'visible';
      sheets.push({ name: el.attributes.name ?? '', sheetId: Number(el.attributes.sheetId ?? 0), relId, state, part: rel ? resolveTarget(part, rel.target) : '' });
    },
  });
  return { part, sheets, relPrefix };
}
