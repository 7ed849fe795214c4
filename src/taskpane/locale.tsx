import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { t as translate, type Locale, type MessageKey, type Params } from '../i18n';

const LocaleContext = createContext<Locale>('zh-CN');

export function LocaleProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  return <LocaleContext.Provider value={locale}>{children}</LocaleContext.Provider>;
}

export function useLocale(): Locale {
  return useContext(LocaleContext);
}

/** `t(key, params)` bound to the pane's locale. */
export function useT(): (key: MessageKey, params?: Params) => string {
  const locale = useLocale();
  return useMemo(() => (key: MessageKey, params?: Params) => translate(key, locale, params), [locale]);
}
