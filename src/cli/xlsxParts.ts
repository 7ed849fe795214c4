/**
 * What an .xlsx holds that exceljs cannot carry through a read and write (charts, pivot tables,
 * macros…), found from the zip's central directory without unpacking anything. No Node imports.
 */

/** Kinds of content exceljs drops when it rewrites a workbook. */
export type LossyPart = 'chart' | 'chartsheet' | 'pivot' | 'slicer' | 'externalLink' | 'macro' | 'control' | 'connection' | 'clippedMerge';

const LOSSY: ReadonlyArray<[LossyPart, RegExp]> = [
  ['chart', /^xl\/charts\//i],
  ['chartsheet', /^xl\/chartsheets\//i],
  ['pivot', /^xl\/pivot(Tables|Cache)\//i],
  ['slicer', /^xl\/(slicers|slicerCaches|timelines|timelineCaches)\//i],
  ['externalLink', /^xl\/externalLinks\//i],
  ['macro', /^xl\/vbaProject\.bin$/i],
  ['control', /^xl\/(ctrlProps|activeX)\//i],
  ['connection', /^xl\/(connections\.xml$|queryTables\/|model\/)/i],
];

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;

function u16(data: Uint8Array, at: number): number {
  return data[at]! | (data[at + 1]! << 8);
}

function u32(data: Uint8Array, at: number): number {
  return (data[at]! | (data[at + 1]! << 8) | (data[at + 2]! << 16) | (data[at + 3]! << 24)) >>> 0;
}

/** Names of the entries of a zip, or null when its central directory cannot be read. */
export function zipEntryNames(data: Uint8Array): string[] | null {
  // The end record sits in the last 22 bytes plus an optional comment of up to 65535 bytes.
  let eocd = -1;
  for (let at = data.length - 22; at >= Math.max(0, data.length - 22 - 65535); at--) {
    if (u32(data, at) === EOCD_SIGNATURE) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = u16(data, eocd + 10);
  let at = u32(data, eocd + 16);
  const names: string[] = [];
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (at + 46 > data.length || u32(data, at) !== CENTRAL_SIGNATURE) return null;
    const nameLength = u16(data, at + 28);
    const extraLength = u16(data, at + 30);
    const commentLength = u16(data, at + 32);
    names.push(decoder.decode(data.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/** The kinds of content in this .xlsx that a rewrite through exceljs would lose, in a fixed order. */
export function lossyParts(data: Uint8Array): LossyPart[] {
  const names = zipEntryNames(data) ?? [];
  return LOSSY.filter(([, pattern]) => names.some((name) => pattern.test(name))).map(([kind]) => kind);
}
