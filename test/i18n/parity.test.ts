import { ALL_FINDING_CODES, FLAG_CODES, analyze, gridFromRows, type Finding } from '../../src/core';
import { FLAG_WORDS, SUMMARY_SHEET_NAME, YEAR_SHEET_NAME } from '../../src/core';
import { LOCALES, messagesOf, flagLabel, formatFinding, isMessageKey, pickLocale, summaryText, t } from '../../src/i18n';
import { CLI_MESSAGES, t as tCli } from '../../src/i18n/cli';

/** #14 year: sheet-level findings about the periods of a year. */
const YEAR_CODES: string[] = ['PERIOD_HAS_ERRORS', 'PERIOD_NOT_RECOGNISED', 'PERIOD_DUPLICATE', 'UNIT_MISSING_IN_PERIOD', 'UNIT_JOINED_IN_PERIOD', 'UNIT_CATEGORY_CHANGED', 'YEAR_TOO_FEW_PERIODS'];

describe('messages', () => {
  it('every key exists in every locale', () => {
    const zh = Object.keys(messagesOf('zh-CN')).sort();
    const en = Object.keys(messagesOf('en-US')).sort();
    expect(en).toEqual(zh);
    expect(Object.keys(CLI_MESSAGES['en-US']).sort()).toEqual(Object.keys(CLI_MESSAGES['zh-CN']).sort());
    // The command line's text stays out of the dictionaries the task pane carries.
    expect(zh.filter((k) => k.startsWith('cli.'))).toEqual([]);
  });

  it('has no dead keys and no empty message', () => {
    for (const dead of ['notice.top', 'category.uncategorised', 'category.all']) expect(isMessageKey(dead)).toBe(false);
    for (const locale of LOCALES) {
      for (const [key, message] of Object.entries(messagesOf(locale))) {
        if (typeof message === 'string') expect([key, message.trim()]).not.toEqual([key, '']);
      }
    }
  });

  it('renders a command-line key and a shared key through the CLI dictionary', () => {
    expect(tCli('cli.usage.missingInput', 'en-US')).toBe('Missing input file (.xlsx).');
    expect(tCli('sep.names', 'zh-CN')).toBe('、');
    expect(tCli('sep.names', 'en-US')).toBe(', ');
  });

  it('a summary label the core asks for that names no message fails loudly instead of printing the key', () => {
    const text = summaryText('en-US');
    expect(text.label('summary.col.total')).toBe('Total');
    expect(() => text.label('summary.no.such.label')).toThrow(/summary\.no\.such\.label/);
  });

  it('document words are the same whatever the UI language: flags in the sheet, sheet names', () => {
    expect(flagLabel('ZERO_SUBMISSION', 'zh-CN')).toBe(FLAG_WORDS.ZERO_SUBMISSION);
    expect(SUMMARY_SHEET_NAME).toBe('考评汇总');
    expect(YEAR_SHEET_NAME).toBe('年度汇总');
  });

  it('every finding code and flag renders in every locale, naming the cell', () => {
    for (const locale of LOCALES) {
      for (const code of ALL_FINDING_CODES) {
        const f = { sheet: '一季度', period: '2023年第一季度', firstSheet: '一季度', errors: 2, periods: 1, from: '一类', to: '二类', code, severity: 'error', cell: 'B17', row: 16, col: 1, unit: '水利局', column: '基础得分', text: 'x', value: 1, cap: 2, step: 5, category: '一类', firstCell: 'B3', firstCategory: '二类', found: '1', expected: 2, formula: '=1', headerCell: 'A9', rounded: 1, unitCell: 'A20', count: 3, length: 40000 } as unknown as Finding;
        const text = formatFinding(f, locale);
        expect(text.length).toBeGreaterThan(10);
        if (![...['HEADER_NOT_FOUND', 'SUMMARY_SHEET', 'NO_CATEGORY', 'MULTIPLE_TABLES', 'RULES_SHEET_INVALID', 'HIDDEN_SHEET'], ...LEDGER_SHEET_LEVEL, ...YEAR_CODES].includes(code)) expect(text).toContain('B17');
        // #14 year: findings about a period sheet name the sheet, not a cell.
        if (YEAR_CODES.includes(code) && code !== 'YEAR_TOO_FEW_PERIODS') expect(text).toContain('一季度');
      }
      for (const flag of FLAG_CODES) expect(flagLabel(flag, locale)).not.toBe('');
    }
  });

  it('a real finding reads as a Chinese sentence naming cell and unit', () => {
    const analysis = analyze(gridFromRows([['单位', '基础得分'], ['水利局', '未报送']]));
    const f = analysis.findings.find((x) => x.code === 'NOT_A_NUMBER')!;
    expect(formatFinding(f)).toBe('单元格 B2（水利局）的“基础得分”不是数字：“未报送”。请填写数字（未报送请填 0）。');
  });

  it('fills parameters and picks the locale from the Office display language', () => {
    expect(t('summary.section.top', 'zh-CN', { topN: 3 })).toBe('二、各类别前3名（含并列）');
    expect(pickLocale('en-US')).toBe('en-US');
    expect(pickLocale('en-GB')).toBe('en-US');
    expect(pickLocale('zh-CN')).toBe('zh-CN');
    expect(pickLocale(undefined)).toBe('zh-CN');
  });
});

// #13 ledger: findings about the ledger as a whole name its sheet, not a cell.
const LEDGER_SHEET_LEVEL = ['LEDGER_NO_DATES', 'LEDGER_NO_PERIOD', 'LEDGER_OUTSIDE_PERIOD'];
