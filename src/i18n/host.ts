import type { LocaleDictionaries } from './index';

export const hostMessages: LocaleDictionaries = {
  'zh-CN': {},
  'en-US': {},
};
