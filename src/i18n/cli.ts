import type { LocaleDictionaries } from './index';

export const cliMessages: LocaleDictionaries = {
  'zh-CN': {},
  'en-US': {},
};
