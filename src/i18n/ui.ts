import type { LocaleDictionaries } from './index';

export const uiMessages: LocaleDictionaries = {
  'zh-CN': {},
  'en-US': {},
};
