/** A1 references and the XML of one cell, as SpreadsheetML writes them. */
import type { CellContent } from '../core';
import { encodeCellText, escapeXml } from './xml';

/** A1 references come from the core (core/grid), shared with every host. */
export { columnLetter as colLetters, a1 as refOf, readA1 as parseRef, readRangeA1 as parseArea, rangeA1 as areaRef } from '../core';
export type { CellRange as Area } from '../core';

function textElement(prefix: string, text: string): string {
  const space = /^\s|\s$|\n/.test(text) ? ' xml:space="preserve"' : '';
  return `<${prefix}t${space}>${encodeCellText(text)}</${prefix}t>`;
}

function numberText(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`not a finite number: ${n}`);
  return String(n);
}

/**
 * One `<c>` element. Text is an inline string (t="inlineStr"): it is always text, never a
 * formula, whatever it starts with, and the shared-string table stays as it was. `extra` is
 * the cell's other attributes as written (already escaped).
 */
export function cellXml(prefix: string, ref: string, style: string | null, content: CellContent, extra = ''): string {
  const s = style !== null ? ` s="${escapeXml(style)}"` : '';
  const head = `<${prefix}c r="${ref}"${s}${extra}`;
  const { value, formula } = content;
  if (formula !== null && formula.startsWith('=')) {
    const f = `<${prefix}f>${escapeXml(formula.slice(1))}</${prefix}f>`;
    if (value === null) return `${head}>${f}</${prefix}c>`;
    if (typeof value === 'number') return `${head}>${f}<${prefix}v>${numberText(value)}</${prefix}v></${prefix}c>`;
    if (typeof value === 'boolean') return `${head} t="b">${f}<${prefix}v>${value ? 1 : 0}</${prefix}v></${prefix}c>`;
    return `${head} t="str">${f}<${prefix}v>${encodeCellText(value)}</${prefix}v></${prefix}c>`;
  }
  if (value === null || value === '') return `${head}/>`;
  if (typeof value === 'number') return `${head}><${prefix}v>${numberText(value)}</${prefix}v></${prefix}c>`;
  if (typeof value === 'boolean') return `${head} t="b"><${prefix}v>${value ? 1 : 0}</${prefix}v></${prefix}c>`;
  return `${head} t="inlineStr"><${prefix}is>${textElement(prefix, value)}</${prefix}is></${prefix}c>`;
}
