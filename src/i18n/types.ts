/** Shapes shared by the locale files; no runtime code, so the locale files and index.ts form no cycle. */
import type { Finding, FindingCode } from '../core';
import type { zhCN } from './zh-CN';

export type { Finding };
export type Locale = 'zh-CN' | 'en-US';
export type Params = Record<string, string | number>;
/** A message: fixed text with {name} placeholders, or a function of its parameters. */
export type Message = string | ((params: Params) => string);
/** Every message the core, the hosts and the pane can show: the keys of the zh-CN dictionary. */
export type MessageKey = keyof typeof zhCN;
export type FindingMessages = { [C in FindingCode]: (f: Extract<Finding, { code: C }>) => string };
