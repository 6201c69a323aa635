import { describe, expect, it } from 'vitest';
import { REGIONS, areaName, regionError, regionLabel, regionName, regionOptions } from './regions';
import { REGION_EN } from './regions-en';

describe('built-in regions', () => {
  it('lists all 21 prefecture-level divisions of Sichuan and the 38 districts/counties of Chongqing', () => {
    expect(REGIONS.find((p) => p.name === '四川省')!.cities).toHaveLength(21);
    expect(REGIONS.find((p) => p.name === '重庆市')!.cities).toHaveLength(38);
  });
  it('has the counties of the demo territories', () => {
    const sc = REGIONS.find((p) => p.name === '四川省')!;
    const counties = (city: string) => sc.cities.find((c) => c.name === city)!.counties;
    expect(counties('泸州市')).toEqual(['江阳区', '纳溪区', '龙马潭区', '泸县', '合江县', '叙永县', '古蔺县']);
    expect(counties('宜宾市')).toHaveLength(10);
    expect(counties('自贡市')).toHaveLength(6);
    expect(counties('内江市')).toHaveLength(5);
    expect(counties('乐山市')).toHaveLength(11);
    const cq = REGIONS.find((p) => p.name === '重庆市')!;
    expect(cq.cities.find((c) => c.name === '永川区')!.counties).toHaveLength(23);
    expect(cq.cities.find((c) => c.name === '荣昌区')!.counties).toHaveLength(21);
    expect(cq.cities.find((c) => c.name === '江津区')!.counties).toHaveLength(30);
  });
  it('validates a triple level by level', () => {
    expect(regionError({ province: '四川省', city: '泸州市', county: '江阳区' })).toBeNull();
    expect(regionError({ province: '四川省', city: '泸州市' })).toBeNull();
    expect(regionError({ province: '重庆市', city: '永川区', county: '朱沱镇' })).toBeNull();
    expect(regionError({ province: '重庆市', city: '渝北区', county: '任意街道' })).toBeNull();
    expect(regionError({ province: '四川', city: '泸州市' })).toBe('province');
    expect(regionError({ province: '四川省', city: '永川区' })).toBe('city');
    expect(regionError({ province: '四川省', city: '泸州市', county: '翠屏区' })).toBe('county');
    expect(regionError({ province: '四川省', county: '翠屏区' })).toBe('city');
  });
  it('gives cascader options with unique values per level', () => {
    const opts = regionOptions();
    expect(opts.map((o) => o.value)).toEqual(['四川省', '重庆市']);
    for (const p of opts) expect(new Set(p.children!.map((c) => c.value)).size).toBe(p.children!.length);
  });
});

describe('region names in English', () => {
  it('has a pinyin/English name for every province, city and county', () => {
    const missing: string[] = [];
    for (const p of REGIONS) for (const n of [p.name, ...p.cities.flatMap((c) => [c.name, ...c.counties])]) if (!/^[A-Za-z' ]+$/.test(REGION_EN[n] ?? '')) missing.push(n);
    expect(missing).toEqual([]);
  });
  it('names the level in English and keeps the Chinese in Chinese', () => {
    expect(regionName('四川省', 'en')).toBe('Sichuan');
    expect(regionName('泸州市', 'en')).toBe('Luzhou');
    expect(regionName('江阳区', 'en')).toBe('Jiangyang District');
    expect(regionName('泸县', 'en')).toBe('Lu County');
    expect(regionName('朱沱镇', 'en')).toBe('Zhutuo Town');
    expect(regionName('茶山竹海街道', 'en')).toBe('Chashanzhuhai Subdistrict');
    expect(regionName('雅安市', 'en')).toBe("Ya'an"); // syllable boundary before a vowel
    expect(regionName('什邡市', 'en')).toBe('Shifang'); // polyphone checked by hand
    expect(regionName('泸州市', 'zh-CN')).toBe('泸州市');
    expect(regionName('未知县', 'en')).toBe('未知县'); // not in the list: shown as stored
    expect(regionLabel({ province: '重庆市', city: '永川区', county: '朱沱镇' }, 'en')).toBe('Chongqing / Yongchuan District / Zhutuo Town');
    expect(regionLabel({}, 'en')).toBeNull();
    expect(areaName('宜宾作业区', 'en')).toBe('Yibin operating area');
    expect(areaName('重庆作业区', 'en')).toBe('Chongqing operating area');
    expect(areaName('宜宾作业区', 'zh-CN')).toBe('宜宾作业区');
    expect(areaName('其他片区', 'en')).toBe('其他片区'); // not named after a region: as stored
  });
  it('gives cascader options valued by the stored name and labelled in the language', () => {
    const sc = regionOptions('en').find((o) => o.value === '四川省')!;
    expect(sc.label).toBe('Sichuan');
    expect(sc.children!.find((c) => c.value === '泸州市')!.label).toBe('Luzhou');
  });
});
