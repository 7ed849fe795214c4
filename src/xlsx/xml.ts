/**
 * Small XML helpers for editing package parts in place: saxes finds where each element starts
 * and ends in the original text, and edits splice new text between untouched slices, so
 * everything not edited comes out exactly as it went in.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';

/** Escape text for element content or a double-quoted attribute value. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (ch) => (ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : '&quot;'));
}

/**
 * Characters XML 1.0 cannot carry (most C0 controls) are written as SpreadsheetML's _xHHHH_
 * escape, and a literal "_x0041_" in the text is protected as "_x005F_x0041_", so a unit name
 * with a stray control byte reads back as the same text instead of breaking the part.
 */
export function encodeCellText(text: string): string {
  return escapeXml(
    text
      .replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1')
      // eslint-disable-next-line no-control-regex -- characters XML 1.0 cannot hold are written as _xHHHH_, as Excel does
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`),
  );
}

export interface SaxesHandlers {
  opentag?: ((tag: SaxesTagPlain) => void) | undefined;
  closetag?: ((tag: SaxesTagPlain) => void) | undefined;
  text?: ((text: string) => void) | undefined;
}

const ignore = (): void => undefined;

/**
 * A saxes parser with the same handlers set in the same order, whatever the caller listens to.
 * saxes adds a property per handler set: parsers set up differently had different shapes, and
 * after the few small parts of a workbook the big worksheet was parsed about twice as slowly.
 * A parse error throws.
 */
export function newSaxes(handlers: SaxesHandlers): SaxesParser {
  const parser = new SaxesParser({ xmlns: false, position: false });
  parser.on('error', (error) => {
    throw error;
  });
  parser.on('opentag', handlers.opentag ?? ignore);
  parser.on('closetag', handlers.closetag ?? ignore);
  parser.on('text', handlers.text ?? ignore);
  // Unset but still present (same shape): without a text handler saxes does not cut out the
  // text of every element (a sheet's <v> values when only the tags matter).
  if (!handlers.text) parser.off('text');
  return parser;
}

export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

export function prefixOf(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? '' : name.slice(0, colon + 1);
}

export interface ElementEvent {
  /** Qualified name as written (with its prefix). */
  name: string;
  local: string;
  attributes: Record<string, string>;
  /** Offset of the '<' of the start tag. */
  start: number;
  /** Offset just after the start tag's '>'. */
  openEnd: number;
  selfClosing: boolean;
  /** Element depth: the root is 0. */
  depth: number;
}

export interface CloseEvent extends ElementEvent {
  /** Offset of the '<' of the end tag (equal to openEnd's tag start for a self-closing one). */
  closeStart: number;
  /** Offset just after the element ends. */
  end: number;
}

export interface XmlVisitor {
  open?(el: ElementEvent): void;
  close?(el: CloseEvent): void;
  text?: ((text: string) => void) | undefined;
}

/**
 * Walk `xml` with saxes, reporting each element with its offsets in `xml` (UTF-16 code units,
 * as saxes counts them when the whole text is written in one chunk).
 */
/** Offset of the last '<' before `from` (a short step back over one tag). */
function tagStart(xml: string, from: number): number {
  let i = from;
  while (i >= 0 && xml.charCodeAt(i) !== 60) i--;
  return i;
}

export function walkXml(xml: string, visitor: XmlVisitor): void {
  // Offsets come from parser.position (chunk offset + index), which saxes keeps without line tracking.
  const stack: CloseEvent[] = [];
  const onText = visitor.text;
  // Declared before the parser exists: the handlers read its position when called.
  let parser: SaxesParser | null = null;
  parser = newSaxes({
    opentag(tag) {
      const openEnd = parser!.position;
      // '<' cannot occur unescaped inside attribute values, so the last one before '>' starts the tag.
      const start = tagStart(xml, openEnd - 1);
      // One object per element, completed at its end tag (a copy per end tag cost seconds on a 20k-row sheet).
      const el: CloseEvent = {
        name: tag.name,
        local: localName(tag.name),
        attributes: tag.attributes,
        start,
        openEnd,
        selfClosing: !!tag.isSelfClosing,
        depth: stack.length,
        closeStart: -1,
        end: -1,
      };
      stack.push(el);
      visitor.open?.(el);
    },
    closetag() {
      const el = stack.pop()!;
      const end = parser!.position;
      const closeStart = el.selfClosing ? el.start : tagStart(xml, end - 1);
      if (visitor.close) {
        el.closeStart = closeStart;
        el.end = end;
        visitor.close(el);
      }
    },
    text: onText,
  });
  parser.write(xml).close();
}

/** Splices replacements into a text in one pass, in increasing offset order. */
export class Splicer {
  private readonly pieces: string[] = [];
  private last = 0;
  constructor(private readonly source: string) {}

  /** Replace [from, to) of the source with `text`; calls must come in increasing order. */
  replace(from: number, to: number, text: string): void {
    if (from < this.last) throw new Error(`overlapping XML edit at ${from}`);
    this.pieces.push(this.source.slice(this.last, from), text);
    this.last = to;
  }

  insert(at: number, text: string): void {
    this.replace(at, at, text);
  }

  get changed(): boolean {
    return this.pieces.length > 0;
  }

  toString(): string {
    return this.pieces.length === 0 ? this.source : this.pieces.join('') + this.source.slice(this.last);
  }
}

/** Turn a self-closing start tag's text (`<x a="1"/>`) into an open tag (`<x a="1">`). */
export function openTagOf(selfClosingTag: string): string {
  return selfClosingTag.replace(/\s*\/>$/, '>');
}

/** Set (or add) one attribute in a start tag's text, leaving the rest of the tag as written. */
const attributePatterns = new Map<string, RegExp>();

export function setAttribute(tagText: string, name: string, value: string): string {
  // One pattern per attribute name (a 20k-row sheet sets spans on every row); no g flag, so reuse is safe.
  let re = attributePatterns.get(name);
  if (!re) attributePatterns.set(name, (re = new RegExp(`(\\s${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*)("[^"]*"|'[^']*')`)));
  if (re.test(tagText)) return tagText.replace(re, (_m, head: string) => `${head}"${escapeXml(value)}"`);
  return tagText.replace(/(\s*\/?>)$/, ` ${name}="${escapeXml(value)}"$1`);
}
