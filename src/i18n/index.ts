/**
 * User-facing text in zh-CN (default) and en-US, one file per locale (./zh-CN.ts, ./en-US.ts).
 * Keys are typed: `t` accepts only a `MessageKey`, and en-US is checked by the compiler to have
 * every key of zh-CN and no other, so a message can never be missing at run time. The command
 * line's own dictionary is in ./cli, so the task pane does not carry its text.
 *
 * zh-CN is built in. en-US is fetched the first time it is needed (`loadLocale`), so the pane
 * of a Chinese office does not carry the English text: every entry point (pane, ribbon, demo,
 * offline page, WPS, CLI) awaits loadLocale for its locale before its first message.
 */
import type { Finding, FlagCode, SummaryText } from '../core';
import type { FindingMessages, Locale, Message, MessageKey, Params } from './types';
import { zhCN, zhFindings, zhFlags } from './zh-CN';

export type { Locale, Message, MessageKey, Params } from './types';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en-US'];

interface LocaleTexts {
  messages: Readonly<Record<MessageKey, Message>>;
  findings: FindingMessages;
  flags: Readonly<Record<FlagCode, string>>;
}

const TEXTS: Partial<Record<Locale, LocaleTexts>> = { 'zh-CN': { messages: zhCN, findings: zhFindings, flags: zhFlags } };

/**
 * Make a locale's texts available, fetching en-US the first time. Resolves to the locale to
 * speak: the one asked for, or zh-CN (always there) when its texts could not be fetched.
 */
export async function loadLocale(locale: Locale): Promise<Locale> {
  if (TEXTS[locale]) return locale;
  try {
    const en = await import(/* webpackChunkName: "en-US" */ './en-US');
    TEXTS['en-US'] = { messages: en.enUS, findings: en.enFindings, flags: en.enFlags };
    return locale;
  } catch {
    return 'zh-CN';
  }
}

function textsOf(locale: Locale): LocaleTexts {
  const texts = TEXTS[locale];
  // A bug, said loudly: an entry point spoke before awaiting loadLocale.
  if (!texts) throw new Error(`the ${locale} texts are not loaded: await loadLocale('${locale}') first`);
  return texts;
}

/** Every message of a loaded locale, by key. */
export function messagesOf(locale: Locale): Readonly<Record<MessageKey, Message>> {
  return textsOf(locale).messages;
}

/** Fill a message's {name} placeholders (or call it with its parameters). */
export function render(message: Message, params: Params): string {
  if (typeof message === 'function') return message(params);
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** A message in the given locale. */
export function t(key: MessageKey, locale: Locale = 'zh-CN', params: Params = {}): string {
  return render(textsOf(locale).messages[key], params);
}

/** Whether a key computed at run time (the core's summary labels) names a message. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(zhCN, key);
}

/** Office display language (e.g. "en-US", "zh-CN", "zh-TW") to a supported locale: zh-CN unless English. */
export function pickLocale(displayLanguage: string | null | undefined): Locale {
  return displayLanguage && /^en\b/i.test(displayLanguage) ? 'en-US' : 'zh-CN';
}

/** A finding as a sentence in the given locale. */
export function formatFinding(f: Finding, locale: Locale = 'zh-CN'): string {
  const message = textsOf(locale).findings[f.code] as (f: Finding) => string;
  return message(f);
}

/** A flag as the pane and the CLI report name it (zh-CN: the words of the 标记 column). */
export function flagLabel(code: FlagCode, locale: Locale = 'zh-CN'): string {
  return textsOf(locale).flags[code];
}

/**
 * The text the 考评汇总 sheet needs, in one locale: pass to buildSummarySheet. The core names
 * its labels by key; one that names no message is a bug in the core, said loudly rather than
 * printed into the sheet.
 */
export function summaryText(locale: Locale = 'zh-CN'): SummaryText {
  return {
    label: (key, params) => {
      if (!isMessageKey(key)) throw new Error(`summary label without a message: ${key}`);
      return t(key, locale, params ?? {});
    },
    finding: (f: Finding) => formatFinding(f, locale),
  };
}
