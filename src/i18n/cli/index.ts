/** The command line's messages on top of the shared ones; `t` here accepts both kinds of key. */
import { messagesOf, render, type Locale, type MessageKey, type Params } from '../index';
import type { Message } from '../types';
import { cliEnUS } from './en-US';
import { cliZhCN } from './zh-CN';

export type CliMessageKey = keyof typeof cliZhCN;
export type AnyMessageKey = MessageKey | CliMessageKey;

export const CLI_MESSAGES: Readonly<Record<Locale, Readonly<Record<CliMessageKey, Message>>>> = { 'zh-CN': cliZhCN, 'en-US': cliEnUS };

/** A shared or command-line message in the given locale. */
export function t(key: AnyMessageKey, locale: Locale = 'zh-CN', params: Params = {}): string {
  const cli = CLI_MESSAGES[locale] as Readonly<Record<string, Message>>;
  const message = Object.prototype.hasOwnProperty.call(cli, key) ? cli[key]! : messagesOf(locale)[key as MessageKey];
  return render(message, params);
}

export { formatFinding, flagLabel, loadLocale, summaryText, type Locale, type Params } from '../index';
