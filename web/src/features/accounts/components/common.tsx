/** Small shared pieces: level tag, yuan input rules, server field errors on forms. */
import type { FormInstance } from 'antd';
import { Tag, Tooltip } from 'antd';
import type { Rule } from 'antd/es/form';
import { useTranslation } from 'react-i18next';
import { parseYuan } from '@common/money';
import type { ApiError } from '../../../lib/api';
import { NS } from '../i18n';
import { LEVEL_COLORS, type Level } from '../api';

export function LevelTag({ level, since }: { level: Level | null; since?: string | null }) {
  const { t } = useTranslation(NS);
  if (!level) return <Tag>{t('level.none')}</Tag>;
  const tag = <Tag color={LEVEL_COLORS[level]}>{t(`level.${level}`)}</Tag>;
  return since ? <Tooltip title={t('msg.levelSince', { day: since })}>{tag}</Tooltip> : tag;
}

/** Days of gas left; missing data shown as missing, never as 0. */
export function Days({ v }: { v: string | number | null | undefined }) {
  const { t } = useTranslation();
  return <span>{v == null ? '—' : t('units.days', { count: Number(v) })}</span>;
}

/** Form rules for a yuan amount ("1,234.56"); `sign` says which amounts are allowed. */
export function yuanRules(t: (k: string) => string, sign: 'positive' | 'nonzero'): Rule[] {
  return [
    { required: true, message: t('msg.required') },
    {
      validator: async (_, v) => {
        if (v == null || v === '') return;
        let fen: number;
        try {
          fen = parseYuan(String(v));
        } catch {
          throw new Error(t('msg.amountInvalid'));
        }
        if (sign === 'positive' && fen <= 0) throw new Error(t('msg.amountPositive'));
        if (sign === 'nonzero' && fen === 0) throw new Error(t('msg.amountNonZero'));
      },
    },
  ];
}

export const toFen = (v: string) => parseYuan(String(v));

/** Put server validation issues on the form fields they name; true if any did. */
export function applyFieldErrors(form: FormInstance, e: ApiError, map: Record<string, string> = {}): boolean {
  const issues: { path: (string | number)[]; message: string }[] = e.details?.issues ?? [];
  const fields = issues.filter((i) => i.path.length >= 2 && i.path[0] === 'body').map((i) => ({ name: map[String(i.path[1])] ?? String(i.path[1]), errors: [i.message] }));
  if (!fields.length) return false;
  form.setFields(fields as any);
  return true;
}
