import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { Bilingual } from '../../../src/contract/common.ts';

/** Chinese first; English on request. The choice is remembered on this device. */
export type Lang = 'zh' | 'en';
export type { Bilingual };

const LangContext = createContext<{ lang: Lang; setLang: (l: Lang) => void }>({
  lang: 'zh',
  setLang: () => {},
});

export function LangProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => (localStorage.getItem('lang') === 'en' ? 'en' : 'zh'));
  const setLang = (l: Lang) => {
    localStorage.setItem('lang', l);
    setLangState(l);
  };
  // The page's language follows the choice from the first render (a screen reader picks its voice by it).
  useEffect(() => {
    document.documentElement.lang = HTML_LANG[lang];
  }, [lang]);
  return <LangContext.Provider value={{ lang, setLang }}>{children}</LangContext.Provider>;
}

const HTML_LANG: Record<Lang, string> = { zh: 'zh-CN', en: 'en' };

export function useLang() {
  return useContext(LangContext);
}

/**
 * The language switch's words: the other language, named in itself ("English", "中文") and marked as
 * that language, so a screen reader says it right and the visible word is the switch's whole name.
 */
export function OtherLanguage() {
  const { lang } = useLang();
  const other: Lang = lang === 'zh' ? 'en' : 'zh';
  return <span lang={HTML_LANG[other]}>{other === 'en' ? 'English' : '中文'}</span>;
}

/** `t('办理须知', 'Notice')` for the app's own words; `t(bilingual)` for text from the policy or the API. */
export function useT() {
  const { lang } = useLang();
  return (zhOrText: string | Bilingual, en?: string) =>
    typeof zhOrText === 'string' ? (lang === 'zh' ? zhOrText : (en ?? zhOrText)) : zhOrText[lang];
}
