import { createContext, useContext, useState, type ReactNode } from 'react';

/** Chinese first; English on request. The choice is remembered on this device. */
export type Lang = 'zh' | 'en';
export interface Bilingual {
  zh: string;
  en: string;
}

const LangContext = createContext<{ lang: Lang; setLang: (l: Lang) => void }>({
  lang: 'zh',
  setLang: () => {},
});

export function LangProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => (localStorage.getItem('lang') === 'en' ? 'en' : 'zh'));
  const setLang = (l: Lang) => {
    localStorage.setItem('lang', l);
    document.documentElement.lang = l === 'zh' ? 'zh-CN' : 'en';
    setLangState(l);
  };
  return <LangContext.Provider value={{ lang, setLang }}>{children}</LangContext.Provider>;
}

export function useLang() {
  return useContext(LangContext);
}

/** `t('办理须知', 'Notice')` for the app's own words; `t(bilingual)` for text from the policy or the API. */
export function useT() {
  const { lang } = useLang();
  return (zhOrText: string | Bilingual, en?: string) =>
    typeof zhOrText === 'string' ? (lang === 'zh' ? zhOrText : (en ?? zhOrText)) : zhOrText[lang];
}
