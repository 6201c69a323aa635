import { describe, expect, it } from 'vitest';
import { pickLang, tr } from './lang';

describe('pickLang', () => {
  it('prefers the stored preference, then Accept-Language, else Chinese', () => {
    expect(pickLang('en', 'zh-CN')).toBe('en');
    expect(pickLang(null, 'en-US,en;q=0.9')).toBe('en');
    expect(pickLang(undefined, 'fr-FR')).toBe('zh-CN');
    expect(pickLang(undefined, undefined)).toBe('zh-CN');
  });
});

describe('tr', () => {
  it('fills parameters, including bilingual ones', () => {
    const m = { zh: '{entity}不存在（{id}）', en: '{entity} {id} not found' };
    expect(tr(m, 'zh-CN', { entity: { zh: '客户', en: 'Customer' }, id: 7 })).toBe('客户不存在（7）');
    expect(tr(m, 'en', { entity: { zh: '客户', en: 'Customer' }, id: 7 })).toBe('Customer 7 not found');
    expect(tr(m, 'en', {})).toBe('{entity} {id} not found');
  });
});
