/** The command line's own messages, en-US: exactly the keys of zh-CN (checked by the compiler). */
import type { Message, Params } from '../types';
import type { CliMessageKey } from './index';

const USAGE_EN = `Usage:
  scorecard check   <in.xlsx> [--sheet NAME] [--rank competition|dense] [--json]
  scorecard recalc  <in.xlsx> --out <out.xlsx> [--sheet NAME] [--rank competition|dense] [--formulas] [--force] [--json]
  scorecard summary <in.xlsx> --out <out.xlsx> [--sheet NAME] [--rank competition|dense] [--formulas] [--force] [--json]
  scorecard notice  <in.xlsx> [--sheet NAME] [--docx <out.docx>] [--force] [--json]

Commands:
  check    validate only; writes nothing
  recalc   compute totals, ranks and flags into the output file (every other cell, style, merge and sheet unchanged)
  summary  recalc, plus a 考评汇总 sheet (summary tables, flag lists, notice lines)
  notice   draft the notice (title and sections 一 to 四; 二 and 三 need a ledger in the workbook); --docx saves it as a Word file in 公文 layout

Options:
  --sheet NAME        the sheet holding the score table (default: the first sheet that has one)
  --rank MODE         competition = 1,2,2,4 (default); dense = 1,2,2,3
                      (without it: the setting the add-in saved in the workbook)
  --out FILE          output file; must differ from the input
  --formulas          write 累计得分 and 排名 as formulas (ROUND(SUM(...)), a COUNTIF or SUMPRODUCT rank per
                      category) that Excel and WPS keep up to date after later edits (without it: the
                      setting the add-in saved in the workbook; values by default)
  --force             write even when errors are found (the exit status stays 1), or when the
                      a cell cannot be written in place (an array formula) and the whole file must be rewritten
  --json              print exactly one JSON document on stdout
  --lang zh-CN|en-US  report language (default zh-CN)

Exit status: 0 no errors; 1 errors found (nothing written without --force); 2 unreadable file, no score table, or bad usage.`;

export const cliEnUS: Record<CliMessageKey, Message> = {
    'cli.usage': USAGE_EN,
    'cli.usage.hint': 'Run scorecard --help for usage.',
    'cli.usage.noCommand': 'Missing command: use check, recalc or summary.',
    'cli.usage.unknownCommand': 'Unknown command "{command}": use check, recalc or summary.',
    'cli.usage.unknownOption': 'Unknown option "{option}".',
    'cli.usage.missingValue': 'Option {option} needs a value.',
    'cli.usage.missingInput': 'Missing input file (.xlsx).',
    'cli.usage.extraArgument': 'Unexpected argument "{arg}": one input file at a time.',
    'cli.usage.missingOut': 'The {command} command needs an output file: --out <out.xlsx>.',
    'cli.usage.outNotAllowed': 'check only validates and writes nothing; it takes no --out.',
    'cli.usage.forceNotAllowed': 'check writes nothing; it takes no --force.',
    'cli.usage.formulasNotAllowed': 'check writes nothing; it takes no --formulas.',
    'cli.usage.badRank': 'Rank mode "{value}" is not valid: use competition (1,2,2,4) or dense (1,2,2,3).',
    'cli.usage.badLang': 'Language "{value}" is not valid: use zh-CN or en-US.',
    'cli.error.sameFile': 'The output file is the input file ({path}); the input is never overwritten. Choose another name with --out.',
    'cli.error.notFound': 'File not found: {path}',
    'cli.error.isDirectory': '"{path}" is a folder, not an .xlsx file.',
    'cli.error.readFailed': 'Cannot read {path}: {reason}',
    'cli.error.encrypted': 'Cannot open {path}: it is password-protected (encrypted) or an old .xls file. Remove the password or save it as .xlsx in Excel, then retry.',
    'cli.error.notXlsx': 'Cannot open {path}: it is not an .xlsx workbook.',
    'cli.error.corrupt': 'Cannot open {path}: the file is damaged or not a valid .xlsx workbook ({reason}).',
    'cli.error.noSheets': '{path} has no worksheets.',
    'cli.error.sheetNotFound': 'No sheet named "{sheet}". Sheets in this workbook: {sheets}',
    'cli.error.noScoreTable': 'No score table found: no sheet has a header row with a unit column and score columns (such as 基础得分). Sheets checked: {sheets}',
    'cli.error.noScoreTableIn': 'No score table found on sheet "{sheet}".',
    'cli.error.writeFailed': 'Cannot write {path}: {reason}. No partial file was left.',
    'cli.error.unexpected': 'Failed: {reason}',
    'cli.lossy.chart': 'charts',
    'cli.lossy.chartsheet': 'chart sheets',
    'cli.lossy.pivot': 'pivot tables',
    'cli.lossy.slicer': 'slicers or timelines',
    'cli.lossy.externalLink': 'external links',
    'cli.lossy.macro': 'macros (VBA)',
    'cli.lossy.control': 'form controls',
    'cli.lossy.connection': 'data connections or queries',
    'cli.report.file': 'File: {path}',
    'cli.report.sheet': 'Sheet: {sheet} (header on row {headerRow}, {categories} categories, {units} units)',
    'cli.report.title': 'Title: {title}',
    'cli.report.rankMode.competition': 'Ranking: ties share a rank and skip the next (1,2,2,4)',
    'cli.report.rankMode.dense': 'Ranking: ties share a rank, no gaps (1,2,2,3)',
    'cli.report.categories': 'Categories:',
    'cli.report.category': '  {name}: {units} units, max {max}, min {min}, mean {mean}',
    'cli.report.top': 'Top {n} per category:',
    'cli.report.flags': 'Flags:',
    'cli.report.flag': '  {label} ({count}): {units}',
    'cli.report.none': 'none',
    'cli.report.findings': 'Findings: {errors} errors, {warnings} warnings, {infos} notes',
    'cli.report.severity': '[{severity}]',
    'cli.report.finding': '  {message}',
    'cli.report.noFindings': 'Findings: none.',
    'cli.report.checkOk': 'Result: no errors.',
    'cli.report.checkErrors': 'Result: {errors} errors found; fix them before recalculating.',
    'cli.report.notWritten': 'Result: {errors} errors found; nothing was written. Fix them, or use --force to write anyway.',
    'cli.report.forced': 'Warning: {errors} errors found; written anyway because of --force.',
    'cli.report.written': 'Wrote {path}: {totals} totals, {ranks} ranks, {flags} flag cells updated ({cells} cells in all).',
    'cli.report.nothingChanged': 'Wrote {path}: totals, ranks and flags were already right; no cell changed.',
    'cli.report.summaryAdded': 'Added the sheet "{sheet}" (summary tables, flag lists, notice lines).',
    'cli.report.summaryReplaced': 'Replaced the sheet "{sheet}" this tool generated before.',
    'cli.report.summaryRenamed': 'The workbook already has a sheet "{existing}" of its own; it was left alone and the summary is "{sheet}".',
    // #10 write in place, #9.14 settings from the workbook
    'cli.error.cannotWrite': '{path} cannot be written in place: {reason}. Nothing was written, so the workbook is not damaged. Use the Excel add-in, or --force to rewrite the whole workbook (charts, pivot tables, macros and the like may be lost).',
    'cli.inPlace.arrayFormula': 'the cell to write, {cell}, is part of an array formula',
    'cli.inPlace.mergedCell': 'the cell to write, {cell}, lies inside a merged area',
    'cli.inPlace.badPart': 'the worksheet part is not in a form this tool understands ({detail})',
    'cli.report.inPlaceForced': 'Warning: it could not be written in place ({reason}); because of --force the whole workbook was rewritten{parts}.',
    'cli.report.inPlaceForcedParts': ', and the output has none of the original {parts}',
    'cli.report.settings': 'Settings used: rank mode {rankMode} ({rankSource}); top {topN} in the notice ({topNSource}); flag column {flagColumn} ({flagSource}); totals and ranks written as {formulas} ({formulasSource})',
    'cli.settings.writeFormulas.on': 'formulas',
    'cli.settings.writeFormulas.off': 'values',
    'cli.settings.source.option': 'command-line option',
    'cli.settings.source.workbook': 'saved in the workbook by the add-in',
    'cli.settings.source.rulesSheet': 'rules sheet',
    'cli.settings.source.default': 'default',
    'cli.settings.rankMode.competition': 'competition',
    'cli.settings.rankMode.dense': 'dense',
    'cli.settings.flagColumn.on': 'written',
    'cli.settings.flagColumn.off': 'not written',
    'cli.report.chartAdded': 'The summary has a native Excel chart (a column chart of the units\' totals).',
    // #13 ledger
    'cli.report.adoptionWritten': 'Of these, {cells} 采用得分 cells were filled from the ledger and the points table.',
    'cli.notice.ledger': 'Ledger: sheet "{sheet}", {rows} rows.',
    'cli.notice.noLedger': 'No ledger found (a sheet such as 信息采用登记 whose header has 报送单位 and 采用情况); sections 二 and 三 are left out.',
    'cli.notice.docxWritten': 'Word file written: {path}',
    'cli.notice.docxForced': 'Word file written with --force: {path} (it opens with a warning that the sheet has errors)',
    'cli.notice.docxBlocked': 'The sheet has errors: {path} was not written. Fix them and retry, or add --force.',
    'cli.notice.docxWarning': (p: Params) => `[Note: the score sheet has ${p.errors} error(s); this draft is for checking only.]`,
    // #14 year
    'cli.year.usage': `The year:
  scorecard year <in.xlsx>... [--out <out.xlsx>] [--docx <annual.docx>] [--rank competition|dense] [--force] [--json]
  Reads every score sheet whose title or name gives its period (2023年7—9月份, 2023年第二季度, 二季度,
  10—12月份, 2023年5月) in the inputs, orders them by date, and gives each unit its total per period,
  year total, rank for the year, rank movement in the last period (↑ ↓ — 新) and flags (连续零报送 included).
  --out with one input writes a 年度汇总 sheet into a copy of it; with several inputs the output holds 年度汇总 alone.
  --docx saves the annual notice (the year's top N per category, and from the ledger the year's pieces adopted by the city and 约稿) as a Word file.
  Nothing is written while a period sheet or the ledger has errors, unless --force.`,
    'cli.year.docxBlocked': 'A period sheet or the ledger has errors: {path} was not written. Fix them and retry, or add --force.',
    'cli.year.docxWarning': (p: Params) => `[Note: the period sheets or the ledger have ${p.errors} error(s); this draft is for checking only.]`,
    'cli.year.periods': 'Periods ({count}, by date): {periods}',
    'cli.year.category': '{name} ({units} units): rank  unit  per period  year total  move',
    'cli.year.unit': '  {rank}  {name}  {periods}  {total}  {movement}',
    'cli.year.notice': 'Annual notice text:',
    'cli.year.notWritten': 'Result: {errors} errors found; nothing was written. Fix the period sheets with errors, or use --force to write anyway.',
    'cli.year.written': 'Wrote {path}: sheet "{sheet}".',
    'cli.year.replaced': 'Wrote {path}: replaced the sheet "{sheet}" this tool generated before.',
    'cli.year.noPeriods': 'No period to put into a year: no score sheet in {files} has a title or name giving its period (such as 2023年7—9月份, 二季度, 2023年5月).',
    // #9 adapters (items 9-13)
    'cli.lossy.clippedMerge': 'merged areas reaching far beyond the table (clipped to the table when read)',
    'cli.error.outNot.symlink': 'The output {path} is a symbolic link; it is not written, so neither the link nor what it points to is replaced. Give --out the path of a regular file (a new one is fine).',
    'cli.error.outNot.directory': 'The output {path} is a folder; give --out an .xlsx file name.',
    'cli.error.outNot.special': 'The output {path} is not a regular file (a device or a pipe); it is not written. Give --out the path of a regular file.',
};
