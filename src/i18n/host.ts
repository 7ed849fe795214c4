import type { LocaleDictionaries } from './index';

/** Messages of the Office.js adapter (src/excel): failures name the sheet or cell and say what was (not) written. */
export const hostMessages: LocaleDictionaries = {
  'zh-CN': {
    'host.error.connection': '与 Excel 的连接中断，本次没有写入任何内容。请检查网络后重试。',
    'host.error.accessDenied': 'Excel 拒绝修改工作表“{sheet}”，它或工作簿可能受保护。本次没有写入任何内容。',
    'host.error.sheetProtected': '工作表“{sheet}”受保护，无法写入。请先在“审阅”选项卡中撤销工作表保护，再重试。本次没有写入任何内容。',
    'host.error.workbookProtected': '工作簿结构受保护，无法添加工作表“{sheet}”。请先在“审阅”选项卡中撤销工作簿保护，再重试。本次没有写入任何内容。',
    'host.error.cellEditMode': 'Excel 正在编辑单元格。请按 Enter 或 Esc 结束编辑后重试。本次没有写入任何内容。',
    'host.error.payloadTooLarge': '要写入工作表“{sheet}”的数据超过 Excel 单次请求的大小上限（网页版为 5 MB）。本次没有写入任何内容。',
    'host.error.sheetMissing': '找不到工作表“{sheet}”，它可能已被删除或改名。',
    'host.error.sheetChanged': '预览之后，工作表“{sheet}”的单元格 {cell} 已被修改。为免覆盖新内容，本次没有写入。请重新预览后再写入。',
    'host.error.busy': 'Excel 正忙，请稍候重试。本次没有写入任何内容。',
    'host.error.office': 'Excel 返回错误 {code}（{detail}）。工作表“{sheet}”没有被修改。',
    'host.error.unexpected': '发生意外错误（{detail}）。工作表“{sheet}”没有被修改。',
    'host.error.partial': '写入工作表“{sheet}”中途失败，且未能自动恢复（{code}：{detail}）。请用“撤销”(Ctrl+Z) 或关闭工作簿且不保存。',
    'host.error.noTable': '工作表“{sheet}”中没有找到得分表，请切换到得分表所在的工作表。',
    'host.error.hasErrors': '工作表“{sheet}”中有 {count} 处错误（第一处在单元格 {cell}），请先改正再计算。',
    'host.error.nothingToUndo': '没有可以撤销的计算。',
    'host.error.undoUnreadable': '撤销记录已损坏，无法撤销。',
    'host.error.settingsNotSaved': '设置没有保存成功（{detail}），请重试。',
    'host.undo.conflicts': '有 {count} 个单元格在计算后被人修改过（如 {cell}），已保留它们现在的内容。',
    // #11 pane
    'host.error.summaryHasErrors': '工作表“{sheet}”中有 {count} 处错误（第一处在单元格 {cell}），汇总表和通报文字会用到错误的数字。请先改正，或在“考评面板”中确认后仍然生成。没有生成汇总表。',
    // #14 year
    'host.error.yearTooFewPeriods': '只找到 {count} 期得分表。年度汇总需要至少两个写明期别的得分表（标题或表名如“2023年7—9月份”“二季度”“2023年5月”）。',
    'host.error.yearHasErrors': '工作表“{sheet}”等 {count} 期得分表有错误，年度汇总未写入。请先改正，或在预览中确认仍要写入。',
    'host.error.nothingToUndoYear': '没有可以撤销的年度汇总。',
    // #15 WPS
    'host.wps.error.failed': 'WPS 表格报告错误（{detail}）。工作表“{sheet}”没有被修改。',
    'host.wps.error.partial': '写入工作表“{sheet}”中途失败，且未能自动恢复（{detail}）。请关闭工作簿且不保存，再重新打开。',
    'host.wps.error.sheetProtected': '工作表“{sheet}”受保护，无法写入。请先在“审阅”选项卡中点“撤销工作表保护”，再重试。本次没有写入任何内容。',
    'host.wps.error.noWorkbook': 'WPS 表格中没有打开的工作簿，请先打开得分表。',
  },
  'en-US': {
    'host.error.connection': 'The connection to Excel was lost. Nothing was written. Check the network and try again.',
    'host.error.accessDenied': 'Excel refused to change sheet "{sheet}"; it or the workbook may be protected. Nothing was written.',
    'host.error.sheetProtected': 'Sheet "{sheet}" is protected. Unprotect it (Review > Unprotect Sheet) and try again. Nothing was written.',
    'host.error.workbookProtected': 'The workbook structure is protected, so sheet "{sheet}" cannot be added. Unprotect the workbook (Review) and try again. Nothing was written.',
    'host.error.cellEditMode': 'Excel is editing a cell. Press Enter or Esc to finish, then try again. Nothing was written.',
    'host.error.payloadTooLarge': 'The data for sheet "{sheet}" is larger than Excel accepts in one request (5 MB on the web). Nothing was written.',
    'host.error.sheetMissing': 'Sheet "{sheet}" was not found; it may have been deleted or renamed.',
    'host.error.sheetChanged': 'Cell {cell} of sheet "{sheet}" changed after the preview. Nothing was written, so the new content is kept. Preview again, then write.',
    'host.error.busy': 'Excel is busy. Wait a moment and try again. Nothing was written.',
    'host.error.office': 'Excel reported error {code} ({detail}). Sheet "{sheet}" was not changed.',
    'host.error.unexpected': 'Something unexpected went wrong ({detail}). Sheet "{sheet}" was not changed.',
    'host.error.partial': 'Writing to sheet "{sheet}" failed halfway and could not be undone automatically ({code}: {detail}). Use Undo (Ctrl+Z) or close the workbook without saving.',
    'host.error.noTable': 'No score table was found on sheet "{sheet}". Switch to the sheet that holds it.',
    'host.error.hasErrors': 'Sheet "{sheet}" has {count} errors (the first in cell {cell}). Fix them before recalculating.',
    'host.error.nothingToUndo': 'There is no calculation to undo.',
    'host.error.undoUnreadable': 'The undo record is damaged and cannot be used.',
    'host.error.settingsNotSaved': 'The settings were not saved ({detail}). Try again.',
    'host.undo.conflicts': '{count} cells were changed by someone after the calculation (e.g. {cell}); their current content was kept.',
    // #11 pane
    'host.error.summaryHasErrors': 'Sheet "{sheet}" has {count} errors (the first in cell {cell}), so the summary and notice would use wrong numbers. Fix them, or confirm in the Scorecard pane to build it anyway. No summary was built.',
    // #14 year
    'host.error.yearTooFewPeriods': 'Only {count} period sheet(s) found. The year needs at least two score sheets whose title or name gives the period (such as 2023年7—9月份, 二季度, 2023年5月).',
    'host.error.yearHasErrors': '{count} period sheet(s), such as "{sheet}", have errors; 年度汇总 was not written. Fix them, or confirm in the preview to write anyway.',
    'host.error.nothingToUndoYear': 'There is no 年度汇总 to undo.',
    // #15 WPS
    'host.wps.error.failed': 'WPS Spreadsheets reported an error ({detail}). Sheet "{sheet}" was not changed.',
    'host.wps.error.partial': 'Writing to sheet "{sheet}" failed halfway and could not be undone automatically ({detail}). Close the workbook without saving and open it again.',
    'host.wps.error.sheetProtected': 'Sheet "{sheet}" is protected. Unprotect it (Review > Unprotect Sheet) and try again. Nothing was written.',
    'host.wps.error.noWorkbook': 'No workbook is open in WPS Spreadsheets. Open the score sheet first.',
  },
};
