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

/**
 * Some elements of a walk, kept in document order with their offsets, so a later edit of the
 * same text can visit them again without tokenizing it a second time (a 20k-unit score sheet
 * is read for its cells, then edited in place). Kept as flat lists of numbers and strings, not
 * as the parser's tag objects: a quarter of a million of those kept alive made every later
 * parse of the run several times slower (the collector then moves each new tag to old space).
 */
export interface RecordedWalk {
  xml: string;
  /**
   * Per open: 0, start, openEnd, selfClosing (0/1), depth, attribute count;
   * per close: 1, closeStart, end.
   */
  nums: number[];
  /** Per open: the name, then each attribute's name and value. */
  strs: string[];
}

/** An empty record of a walk over `xml`. */
export function newRecordedWalk(xml: string): RecordedWalk {
  return { xml, nums: [], strs: [] };
}

/** A visitor that also records the elements `keep` accepts into `into`. */
export function recording(visitor: XmlVisitor, keep: (el: ElementEvent) => boolean, into: RecordedWalk): XmlVisitor {
  const { nums, strs } = into;
  // Whether each open element was kept, so its close is kept too.
  const kept: boolean[] = [];
  return {
    open(el) {
      const k = keep(el);
      kept.push(k);
      if (k) {
        const attrs = el.attributes;
        let count = 0;
        strs.push(el.name);
        for (const name in attrs) {
          strs.push(name, attrs[name]!);
          count++;
        }
        nums.push(0, el.start, el.openEnd, el.selfClosing ? 1 : 0, el.depth, count);
      }
      visitor.open?.(el);
    },
    close(el) {
      if (kept.pop()) nums.push(1, el.closeStart, el.end);
      visitor.close?.(el);
    },
    text: visitor.text,
  };
}

/** Visit the recorded elements again, as walkXml would have visited them. */
export function replayWalk(walk: RecordedWalk, visitor: XmlVisitor): void {
  const { nums, strs } = walk;
  const stack: CloseEvent[] = [];
  let s = 0;
  for (let i = 0; i < nums.length; ) {
    if (nums[i] === 0) {
      const name = strs[s++]!;
      const count = nums[i + 5]!;
      const attributes: Record<string, string> = {};
      for (let a = 0; a < count; a++, s += 2) attributes[strs[s]!] = strs[s + 1]!;
      const el: CloseEvent = { name, local: localName(name), attributes, start: nums[i + 1]!, openEnd: nums[i + 2]!, selfClosing: nums[i + 3] === 1, depth: nums[i + 4]!, closeStart: -1, end: -1 };
      i += 6;
      stack.push(el);
      visitor.open?.(el);
    } else {
      const el = stack.pop()!;
      el.closeStart = nums[i + 1]!;
      el.end = nums[i + 2]!;
      i += 3;
      visitor.close?.(el);
    }
  }
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
export function setAttribute(tagText: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*)("[^"]*"|'[^']*')`);
  if (re.test(tagText)) return tagText.replace(re, (_m, head: string) => `${head}"${escapeXml(value)}"`);
  return tagText.replace(/(\s*\/?>)$/, ` ${name}="${escapeXml(value)}"$1`);
}
