/**
 * The notice as a Word file in 公文 layout (GB/T 9704-2012), written with the `docx` library:
 * A4, margins 37/35/28/26 mm, title 2号 方正小标宋简体 centred, body 3号 仿宋_GB2312, headings
 * 一、 in 黑体 and （一） in 楷体_GB2312, 22 lines of 28 characters, the score table as 附件 on
 * the pages after the notice. Pure: no Node or DOM, so the CLI and the browser share it.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  LineRuleType,
  Packer,
  PageBreak,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { Notice, ScoreAttachment } from '../core';

export const FONTS = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading: '黑体',
  subheading: '楷体_GB2312',
} as const;

/** Sizes in half-points: 2号 = 22pt, 3号 = 16pt, 4号 = 14pt. */
const TITLE_SIZE = 44;
const BODY_SIZE = 32;
const TABLE_SIZE = 28;

export const PAGE_MM = { width: 210, height: 297, top: 37, bottom: 35, left: 28, right: 26 } as const;
export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;

/** Millimetres to twips, rounded (A4 comes out 11906 × 16838, as Word writes it). */
const twip = (mm: number) => Math.round((mm * 1440) / 25.4);
/** 225 mm of text height over 22 lines: the grid's line pitch in twips. */
export const LINE_PITCH = Math.floor(twip(PAGE_MM.height - PAGE_MM.top - PAGE_MM.bottom) / LINES_PER_PAGE);
/**
 * 156 mm of text width over 28 characters. Word's charSpace is the pitch minus the Normal
 * font's size (16pt), in 1/4096 of a point.
 */
export const CHAR_SPACE = Math.floor(((twip(PAGE_MM.width - PAGE_MM.left - PAGE_MM.right) / CHARS_PER_LINE) / 20 - BODY_SIZE / 2) * 4096);

const font = (name: string) => ({ ascii: name === FONTS.body ? 'Times New Roman' : name, hAnsi: name === FONTS.body ? 'Times New Roman' : name, eastAsia: name, cs: name });
/** Two characters of first-line indent, as every 公文 paragraph has. */
const INDENT = { firstLine: BODY_SIZE * 20 };
const exact = { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

function run(text: string, face: string, size = BODY_SIZE, extra: { bold?: boolean; color?: string } = {}): TextRun {
  return new TextRun({ text, font: font(face), size, ...extra });
}

function bodyParagraph(line: string): Paragraph {
  // A （一） paragraph: its heading sentence in 楷体, the rest in 仿宋.
  const sub = /^（[一二三四五六七八九十]+）[^。]*。/.exec(line);
  const children = sub ? [run(sub[0], FONTS.subheading), run(line.slice(sub[0].length), FONTS.body)] : [run(line, FONTS.body)];
  return new Paragraph({ children, indent: INDENT, spacing: exact, alignment: AlignmentType.JUSTIFIED });
}

export interface NoticeDocxOptions {
  /** Printed above the title in red when the sheet had errors and the file was forced. */
  warning?: string | null;
  /** The 附件 label (default 附件). */
  attachmentLabel?: string;
}

function cell(text: string, opts: { bold?: boolean; span?: number; left?: boolean } = {}): TableCell {
  return new TableCell({
    ...(opts.span === undefined ? {} : { columnSpan: opts.span }),
    verticalAlign: VerticalAlign.CENTER,
    children: [
      new Paragraph({
        alignment: opts.left ? AlignmentType.LEFT : AlignmentType.CENTER,
        children: [run(text, opts.bold ? FONTS.heading : FONTS.body, TABLE_SIZE)],
      }),
    ],
  });
}

function attachmentTable(table: ScoreAttachment): Table {
  const width = table.header.length;
  const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
    rows: [
      new TableRow({ tableHeader: true, children: table.header.map((h) => cell(h, { bold: true })) }),
      ...table.rows.map((r) =>
        'category' in r ? new TableRow({ children: [cell(r.category, { bold: true, span: width, left: true })] }) : new TableRow({ children: r.cells.map((c) => cell(c)) }),
      ),
    ],
  });
}

/** The notice and its 附件 as a Document. */
export function noticeDocument(notice: Notice, table: ScoreAttachment | null, options: NoticeDocxOptions = {}): Document {
  const label = options.attachmentLabel ?? '附件';
  const children: Array<Paragraph | Table> = [];
  if (options.warning) children.push(new Paragraph({ children: [run(options.warning, FONTS.heading, BODY_SIZE, { bold: true, color: 'C00000' })], spacing: exact }));
  children.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [run(notice.title, FONTS.title, TITLE_SIZE)], spacing: { before: 0, after: LINE_PITCH } }));
  for (const section of notice.sections) {
    children.push(new Paragraph({ children: [run(section.heading, FONTS.heading)], indent: INDENT, spacing: exact }));
    for (const line of section.lines) children.push(bodyParagraph(line));
  }
  if (table) {
    children.push(new Paragraph({ spacing: exact, children: [] }));
    children.push(new Paragraph({ indent: INDENT, spacing: exact, children: [run(`${label}：${table.title}`, FONTS.body)] }));
    children.push(new Paragraph({ children: [new PageBreak()] }));
    children.push(new Paragraph({ spacing: exact, children: [run(label, FONTS.heading)] }));
    children.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 0, after: LINE_PITCH / 2 }, children: [run(table.title, FONTS.title, TITLE_SIZE)] }));
    children.push(attachmentTable(table));
  }
  return new Document({
    creator: 'gov-info-scorecard',
    title: notice.title,
    styles: { default: { document: { run: { font: font(FONTS.body), size: BODY_SIZE } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: twip(PAGE_MM.width), height: twip(PAGE_MM.height) },
            margin: { top: twip(PAGE_MM.top), bottom: twip(PAGE_MM.bottom), left: twip(PAGE_MM.left), right: twip(PAGE_MM.right), header: twip(15), footer: twip(28) },
          },
          grid: { type: DocumentGridType.LINES_AND_CHARS, linePitch: LINE_PITCH, charSpace: CHAR_SPACE },
        },
        children,
      },
    ],
  });
}

/** The .docx bytes, in Node and in the browser alike. */
export async function noticeDocx(notice: Notice, table: ScoreAttachment | null, options: NoticeDocxOptions = {}): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(noticeDocument(notice, table, options)));
}
