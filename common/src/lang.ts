export const LANGS = ['zh-CN', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'zh-CN';

/** Pick a language from a stored preference or an Accept-Language header; Chinese by default. */
export function pickLang(pref?: string | null, acceptLanguage?: string | null): Lang {
  if (pref === 'en' || pref === 'zh-CN') return pref;
  const al = (acceptLanguage ?? '').toLowerCase();
  if (al.startsWith('en')) return 'en';
  return DEFAULT_LANG;
}

export type Msg = { zh: string; en: string };
export function tr(m: Msg, lang: Lang, params: Record<string, unknown> = {}): string {
  const t = lang === 'en' ? m.en : m.zh;
  return t.replace(/\{(\w+)\}/g, (_, k) => {
    const v = params[k];
    if (v === undefined) return `{${k}}`;
    // A parameter may itself be bilingual ({zh, en}), e.g. the name of an entity.
    if (v && typeof v === 'object' && 'zh' in v && 'en' in v) return lang === 'en' ? String((v as Msg).en) : String((v as Msg).zh);
    return String(v);
  });
}
