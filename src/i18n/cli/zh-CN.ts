/** The command line's own messages, zh-CN (the task pane does not carry them). Keys define `CliMessageKey`. */
import type { Message, Params } from '../types';

const USAGE_ZH = `用法：
  scorecard check   <输入.xlsx> [--sheet 工作表名] [--rank competition|dense] [--json]
  scorecard recalc  <输入.xlsx> --out <输出.xlsx> [--sheet 工作表名] [--rank competition|dense] [--formulas] [--force] [--json]
  scorecard summary <输入.xlsx> --out <输出.xlsx> [--sheet 工作表名] [--rank competition|dense] [--formulas] [--force] [--json]
  scorecard notice  <输入.xlsx> [--sheet 工作表名] [--docx <输出.docx>] [--force] [--json]

命令：
  check    只校验，不写任何文件
  recalc   计算累计得分、排名和标记，写入输出文件（其他单元格、格式、合并单元格和工作表保持不变）
  summary  在 recalc 的基础上再添加“考评汇总”工作表（汇总表、标记名单、通报文字）
  notice   起草通报（标题及一至四部分，采用登记和单位名录在同一工作簿中时含二、三部分）；--docx 另存为公文格式 Word 文件

选项：
  --sheet 工作表名   指定得分表所在的工作表（默认：第一个含得分表的工作表）
  --rank 方式        competition＝并列占位 1,2,2,4（默认）；dense＝并列不占位 1,2,2,3
                     （不加时用加载项保存在工作簿中的设置）
  --out 文件         输出文件，不能与输入文件相同
  --formulas         累计得分和排名写入公式（ROUND(SUM(…))、按类别的 COUNTIF 或 SUMPRODUCT 排名），
                     之后改分数时 Excel、WPS 自动更新（不加时用加载项保存在工作簿中的设置，默认写入数值）
  --force            发现错误时仍然写入输出文件（退出码仍为 1）；
                     个别单元格无法原样写入时（如数组公式），也须加此项才改用整体重写
  --json             只在标准输出打印一个 JSON 文档
  --lang zh-CN|en-US 报告语言（默认 zh-CN）

退出码：0 无错误；1 发现错误（未加 --force 时不写文件）；2 文件无法读取、未找到得分表或用法错误。`;

export const cliZhCN = {
    'cli.usage': USAGE_ZH,
    'cli.usage.hint': '运行 scorecard --help 查看用法。',
    'cli.usage.noCommand': '缺少命令：请使用 check、recalc 或 summary。',
    'cli.usage.unknownCommand': '未知命令“{command}”：请使用 check、recalc 或 summary。',
    'cli.usage.unknownOption': '未知选项“{option}”。',
    'cli.usage.missingValue': '选项 {option} 后缺少取值。',
    'cli.usage.missingInput': '缺少输入文件（.xlsx）。',
    'cli.usage.extraArgument': '多余的参数“{arg}”：一次只处理一个输入文件。',
    'cli.usage.missingOut': '{command} 命令需要用 --out 指定输出文件。',
    'cli.usage.outNotAllowed': 'check 命令只校验、不写文件，不接受 --out。',
    'cli.usage.forceNotAllowed': 'check 命令不写文件，不接受 --force。',
    'cli.usage.formulasNotAllowed': 'check 命令不写文件，不接受 --formulas。',
    'cli.usage.badRank': '排名方式“{value}”无效：请使用 competition（并列占位）或 dense（并列不占位）。',
    'cli.usage.badLang': '语言“{value}”无效：请使用 zh-CN 或 en-US。',
    'cli.error.sameFile': '输出文件不能与输入文件相同（{path}）：为保护原表，不会覆盖输入文件。请用 --out 指定另一个文件名。',
    'cli.error.notFound': '找不到文件：{path}',
    'cli.error.isDirectory': '“{path}”是文件夹，不是 .xlsx 文件。',
    'cli.error.readFailed': '无法读取文件 {path}：{reason}',
    'cli.error.encrypted': '无法打开 {path}：文件设有打开密码（已加密），或是旧版 .xls 格式。请在 Excel 中取消密码或另存为 .xlsx 后重试。',
    'cli.error.notXlsx': '无法打开 {path}：不是 .xlsx 文件（Excel 工作簿）。',
    'cli.error.corrupt': '无法打开 {path}：文件已损坏或不是有效的 .xlsx 工作簿（{reason}）。',
    'cli.error.noSheets': '{path} 中没有工作表。',
    'cli.error.sheetNotFound': '找不到工作表“{sheet}”。本工作簿中的工作表：{sheets}',
    'cli.error.noScoreTable': '未找到得分表：没有哪个工作表含有“单位”和得分列（如“基础得分”）的表头行。已检查的工作表：{sheets}',
    'cli.error.noScoreTableIn': '工作表“{sheet}”中未找到得分表。',
    'cli.error.writeFailed': '无法写入 {path}：{reason}。未留下任何不完整的文件。',
    'cli.error.unexpected': '处理失败：{reason}',
    'cli.lossy.chart': '图表',
    'cli.lossy.chartsheet': '图表工作表',
    'cli.lossy.pivot': '数据透视表',
    'cli.lossy.slicer': '切片器或日程表',
    'cli.lossy.externalLink': '外部链接',
    'cli.lossy.macro': '宏（VBA）',
    'cli.lossy.control': '表单控件',
    'cli.lossy.connection': '数据连接或查询',
    'cli.report.file': '文件：{path}',
    'cli.report.sheet': '工作表：{sheet}（表头在第 {headerRow} 行，{categories} 个类别，{units} 个单位）',
    'cli.report.title': '标题：{title}',
    'cli.report.rankMode.competition': '排名方式：并列占位（1,2,2,4）',
    'cli.report.rankMode.dense': '排名方式：并列不占位（1,2,2,3）',
    'cli.report.categories': '类别：',
    'cli.report.category': '  {name}：{units} 个单位，最高 {max} 分，最低 {min} 分，平均 {mean} 分',
    'cli.report.top': '各类别前 {n} 名：',
    'cli.report.flags': '标记：',
    'cli.report.flag': '  {label}（{count}）：{units}',
    'cli.report.none': '无',
    'cli.report.findings': '问题：错误 {errors} 条，警告 {warnings} 条，提示 {infos} 条',
    'cli.report.severity': '【{severity}】',
    'cli.report.finding': '  {message}',
    'cli.report.noFindings': '问题：未发现问题。',
    'cli.report.checkOk': '结论：未发现错误。',
    'cli.report.checkErrors': '结论：发现 {errors} 处错误，请修正后再计算。',
    'cli.report.notWritten': '结论：发现 {errors} 处错误，未写入任何文件。请修正后重试，或加 --force 强制写入。',
    'cli.report.forced': '注意：发现 {errors} 处错误，因使用了 --force 仍已写入。',
    'cli.report.written': '已写入 {path}：更新 {totals} 个累计得分、{ranks} 个排名、{flags} 个标记单元格（共 {cells} 个单元格）。',
    'cli.report.nothingChanged': '已写入 {path}：累计得分、排名和标记均已正确，无需修改单元格。',
    'cli.report.summaryAdded': '已新增工作表“{sheet}”（汇总表、标记名单、通报文字）。',
    'cli.report.summaryReplaced': '已更新本工具此前生成的工作表“{sheet}”。',
    'cli.report.summaryRenamed': '工作簿中已有用户自建的“{existing}”工作表，未改动它，汇总表另存为“{sheet}”。',
    // #10 write in place, #9.14 settings from the workbook
    'cli.error.cannotWrite': '{path} 无法原样写入：{reason}。为避免改坏工作簿，未写入任何文件。请在 Excel 中用加载项操作，或加 --force 改用整体重写（图表、数据透视表、宏等内容可能丢失）。',
    'cli.inPlace.arrayFormula': '要写入的单元格 {cell} 属于数组公式',
    'cli.inPlace.mergedCell': '要写入的单元格 {cell} 位于合并单元格内部',
    'cli.inPlace.badPart': '工作表的文件结构无法识别（{detail}）',
    'cli.report.inPlaceForced': '注意：无法原样写入（{reason}），因使用了 --force 已改用整体重写{parts}。',
    'cli.report.inPlaceForcedParts': '，输出文件中没有原工作簿的{parts}',
    'cli.report.settings': '使用的设置：排名方式 {rankMode}（{rankSource}）；通报前 {topN} 名（{topNSource}）；标记列 {flagColumn}（{flagSource}）；累计得分和排名写入{formulas}（{formulasSource}）',
    'cli.settings.writeFormulas.on': '公式',
    'cli.settings.writeFormulas.off': '数值',
    'cli.settings.source.option': '命令行参数',
    'cli.settings.source.workbook': '工作簿中加载项保存的设置',
    'cli.settings.source.rulesSheet': '考评规则表',
    'cli.settings.source.default': '默认',
    'cli.settings.rankMode.competition': '并列占位',
    'cli.settings.rankMode.dense': '并列不占位',
    'cli.settings.flagColumn.on': '写入',
    'cli.settings.flagColumn.off': '不写入',
    'cli.report.chartAdded': '汇总表含原生 Excel 图表（各单位累计得分柱形图）。',
    // #13 ledger
    'cli.report.adoptionWritten': '其中 {cells} 个采用得分单元格按采用登记和计分表填写。',
    'cli.notice.ledger': '采用登记：工作表“{sheet}”，{rows} 条。',
    'cli.notice.noLedger': '未找到采用登记（如“信息采用登记”工作表，表头含“报送单位”和“采用情况”），通报未含第二、三部分。',
    'cli.notice.docxWritten': '已写入 Word 文件：{path}',
    'cli.notice.docxForced': '已按 --force 写入 Word 文件：{path}（文件开头注明得分表存在错误）',
    'cli.notice.docxBlocked': '得分表存在错误，未写入 {path}；修正后重试，或加 --force 仍然写入。',
    'cli.notice.docxWarning': (p: Params) => `【注意：得分表存在${p.errors}处错误，本稿仅供核对，请修正后重新生成。】`,
    // #14 year
    'cli.year.usage': `年度汇总：
  scorecard year <输入.xlsx>... [--out <输出.xlsx>] [--docx <年度通报.docx>] [--rank competition|dense] [--force] [--json]
  读取各输入文件中标题或表名写明期别（如“2023年7—9月份”“2023年第二季度”“二季度”“10—12月份”“2023年5月”）的得分表，
  按日期排序，逐单位汇总各期得分、年度累计得分、年度排名、末期名次变化（↑↓—新）和标记（含“连续零报送”）。
  --out 只有一个输入文件时，在其副本中写入“年度汇总”工作表；多个输入文件时，输出文件只含“年度汇总”。
  --docx 把年度通报（各类前N名，以及采用登记中全年被市政府采用信息和约稿情况）写成 Word 文件。
  某期得分表或采用登记有错误时不写入，除非加 --force。`,
    'cli.year.docxBlocked': '各期得分表或采用登记存在错误，未写入 {path}；修正后重试，或加 --force 仍然写入。',
    'cli.year.docxWarning': (p: Params) => `【注意：各期得分表或采用登记存在${p.errors}处错误，本稿仅供核对，请修正后重新生成。】`,
    'cli.year.periods': '期别（{count} 期，按日期）：{periods}',
    'cli.year.category': '{name}（{units} 个单位）：名次  单位  各期得分  年度累计得分  名次变化',
    'cli.year.unit': '  {rank}  {name}  {periods}  {total}  {movement}',
    'cli.year.notice': '年度通报文字：',
    'cli.year.notWritten': '结论：有 {errors} 处错误，未写入任何文件。请先修正有错误的各期得分表，或加 --force 强制写入。',
    'cli.year.written': '已写入 {path}：工作表“{sheet}”。',
    'cli.year.replaced': '已写入 {path}：更新了本工具此前生成的工作表“{sheet}”。',
    'cli.year.noPeriods': '未找到可汇总的得分表：{files} 中没有标题或表名写明期别的得分表（如“2023年7—9月份”“二季度”“2023年5月”）。',
    // #9 adapters (items 9-13)
    'cli.lossy.clippedMerge': '远超出表格范围的合并单元格（读取时已截到表格范围内）',
    'cli.error.outNot.symlink': '输出文件 {path} 是符号链接：为免替换链接或其指向的文件，不会写入。请用 --out 指定一个普通文件的路径（可以是尚不存在的新文件）。',
    'cli.error.outNot.directory': '输出路径 {path} 是文件夹：请用 --out 指定一个 .xlsx 文件名。',
    'cli.error.outNot.special': '输出路径 {path} 不是普通文件（如设备、管道）：不会写入。请用 --out 指定一个普通文件的路径。',
} satisfies Record<string, Message>;
