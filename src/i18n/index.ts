/**
 * User-facing text in zh-CN (default) and en-US. Each area keeps its own dictionary file;
 * test/i18n/parity.test.ts checks every key exists in both locales. The command line's own
 * dictionary (./cli) is registered by the CLI, so the task pane does not carry its text.
 */
import type { Finding, SummaryText } from '../core';
import { coreMessages, formatFinding } from './core';
import { hostMessages } from './host';
import { uiMessages } from './ui';

export type Locale = 'zh-CN' | 'en-US';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en-US'];

export type Params = Record<string, string | number>;
/** A message: fixed text with {name} placeholders, or a function of its parameters. */
export type Message = string | ((params: Params) => string);
export type Dictionary = Record<string, Message>;
export type LocaleDictionaries = Record<Locale, Dictionary>;

const ALL: LocaleDictionaries[] = [coreMessages, hostMessages, uiMessages];

export const MESSAGES: LocaleDictionaries = {
  'zh-CN': Object.assign({}, ...ALL.map((d) => d['zh-CN'])) as Dictionary,
  'en-US': Object.assign({}, ...ALL.map((d) => d['en-US'])) as Dictionary,
};

/** Add an area's dictionary (the command line's) to the messages `t` renders. */
export function registerMessages(dictionaries: LocaleDictionaries): void {
  for (const locale of LOCALES) Object.assign(MESSAGES[locale], dictionaries[locale]);
}

/** Render a message; an unknown key renders as the key itself so a gap is visible, never a crash. */
export function t(key: string, locale: Locale = 'zh-CN', params: Params = {}): string {
  const message = MESSAGES[locale][key] ?? MESSAGES['zh-CN'][key];
  if (message === undefined) return key;
  if (typeof message === 'function') return message(params);
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Office display language (e.g. "en-US", "zh-CN", "zh-TW") to a supported locale: zh-CN unless English. */
export function pickLocale(displayLanguage: string | null | undefined): Locale {
  return displayLanguage && /^en\b/i.test(displayLanguage) ? 'en-US' : 'zh-CN';
}

export { formatFinding, flagLabel } from './core';

/** The text the 考评汇总 sheet needs, in one locale: pass to buildSummarySheet. */
export function summaryText(locale: Locale = 'zh-CN'): SummaryText {
  return { label: (key, params) => t(key, locale, params ?? {}), finding: (f: Finding) => formatFinding(f, locale) };
}
