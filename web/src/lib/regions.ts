/** Region names and cascader options in the current language (English: pinyin names, common/src/regions-en.ts). */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { regionLabel, regionOptions, regionShort, type RegionInput } from '@common/regions';

export function useRegions() {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  return useMemo(
    () => ({
      /** Cascader options: values are the stored (Chinese) names, labels in the language. */
      options: regionOptions(lang),
      /** City and county, else the province; '—' when none. */
      short: (r: RegionInput) => regionShort(r, lang),
      /** Province / city / county; '—' when none. */
      full: (r: RegionInput, sep?: string) => regionLabel(r, lang, sep) ?? '—',
    }),
    [lang],
  );
}
