import { describe, expect, it } from 'vitest';
import { customerClass, residentialShareOf } from './classes.calc';

describe('priority classes (DOMAIN.md §5)', () => {
  const c = (name: string, tags: string[] = [], type = 'other', override: any = null) => customerClass({ name, type, tags, override });
  it.each([
    ['宜宾市第一人民医院', [], 'public'],
    ['长宁县职业技术学院', [], 'public'],
    ['金鑫玻璃有限公司', ['可中断'], 'interruptible'],
    ['金鑫玻璃有限公司', ['重点客户'], 'key'],
    ['金鑫玻璃有限公司', ['重点客户', '可中断'], 'interruptible'],
    ['金鑫玻璃有限公司', [], 'other'],
  ] as const)('%s %j → %s', (name, tags, cls) => expect(c(name, [...tags])).toBe(cls));
  it('an override wins', () => expect(c('金鑫玻璃有限公司', ['可中断'], 'industrial', 'key')).toBe('key'));
  it('residential share only for city-gas distributors serving residents', () => {
    expect(residentialShareOf({ type: 'city_gas', servesResidents: true, residentialShare: '0.6500' })).toBe('0.6500');
    expect(residentialShareOf({ type: 'city_gas', servesResidents: false, residentialShare: '0.6500' })).toBeNull();
    expect(residentialShareOf({ type: 'industrial', servesResidents: true, residentialShare: '0.5' })).toBeNull();
  });
});
