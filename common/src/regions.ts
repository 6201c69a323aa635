/**
 * Built-in administrative regions (province → city → county) used to validate customer
 * addresses. Covers every prefecture-level city and county of Sichuan, and every district and
 * county of Chongqing.
 *
 * Chongqing is a municipality: its districts/counties (永川区, 荣昌区, 江津区 …) sit at the
 * "city" level here, and where we list a third level it is the 街道/镇 (sub-district / town) of
 * that district (永川, 荣昌, 江津, where the demo customers are). For Sichuan the third level is the
 * county-level division (区/县/县级市). A city with an empty list accepts any (or no) county.
 */
export interface RegionCity {
  name: string;
  counties: readonly string[];
}
export interface RegionProvince {
  name: string;
  cities: readonly RegionCity[];
}

import { REGION_EN } from './regions-en';

const c = (name: string, counties: string): RegionCity => ({ name, counties: counties ? counties.split(' ') : [] });

export const REGIONS: readonly RegionProvince[] = [
  {
    name: '四川省',
    cities: [
      c('成都市', '锦江区 青羊区 金牛区 武侯区 成华区 龙泉驿区 青白江区 新都区 温江区 双流区 郫都区 新津区 金堂县 大邑县 蒲江县 都江堰市 彭州市 邛崃市 崇州市 简阳市'),
      c('自贡市', '自流井区 贡井区 大安区 沿滩区 荣县 富顺县'),
      c('攀枝花市', '东区 西区 仁和区 米易县 盐边县'),
      c('泸州市', '江阳区 纳溪区 龙马潭区 泸县 合江县 叙永县 古蔺县'),
      c('德阳市', '旌阳区 罗江区 中江县 广汉市 什邡市 绵竹市'),
      c('绵阳市', '涪城区 游仙区 安州区 三台县 盐亭县 梓潼县 北川羌族自治县 平武县 江油市'),
      c('广元市', '利州区 昭化区 朝天区 旺苍县 青川县 剑阁县 苍溪县'),
      c('遂宁市', '船山区 安居区 蓬溪县 大英县 射洪市'),
      c('内江市', '市中区 东兴区 威远县 资中县 隆昌市'),
      c('乐山市', '市中区 沙湾区 五通桥区 金口河区 犍为县 井研县 夹江县 沐川县 峨边彝族自治县 马边彝族自治县 峨眉山市'),
      c('南充市', '顺庆区 高坪区 嘉陵区 南部县 营山县 蓬安县 仪陇县 西充县 阆中市'),
      c('眉山市', '东坡区 彭山区 仁寿县 洪雅县 丹棱县 青神县'),
      c('宜宾市', '翠屏区 南溪区 叙州区 江安县 长宁县 高县 珙县 筠连县 兴文县 屏山县'),
      c('广安市', '广安区 前锋区 岳池县 武胜县 邻水县 华蓥市'),
      c('达州市', '通川区 达川区 宣汉县 开江县 大竹县 渠县 万源市'),
      c('雅安市', '雨城区 名山区 荥经县 汉源县 石棉县 天全县 芦山县 宝兴县'),
      c('巴中市', '巴州区 恩阳区 通江县 南江县 平昌县'),
      c('资阳市', '雁江区 安岳县 乐至县'),
      c('阿坝藏族羌族自治州', '马尔康市 汶川县 理县 茂县 松潘县 九寨沟县 金川县 小金县 黑水县 壤塘县 阿坝县 若尔盖县 红原县'),
      c('甘孜藏族自治州', '康定市 泸定县 丹巴县 九龙县 雅江县 道孚县 炉霍县 甘孜县 新龙县 德格县 白玉县 石渠县 色达县 理塘县 巴塘县 乡城县 稻城县 得荣县'),
      c('凉山彝族自治州', '西昌市 会理市 木里藏族自治县 盐源县 德昌县 会东县 宁南县 普格县 布拖县 金阳县 昭觉县 喜德县 冕宁县 越西县 甘洛县 美姑县 雷波县'),
    ],
  },
  {
    name: '重庆市',
    cities: [
      c('渝中区', ''),
      c('江北区', ''),
      c('沙坪坝区', ''),
      c('九龙坡区', ''),
      c('南岸区', ''),
      c('大渡口区', ''),
      c('北碚区', ''),
      c('渝北区', ''),
      c('巴南区', ''),
      c('万州区', ''),
      c('涪陵区', ''),
      c('黔江区', ''),
      c('长寿区', ''),
      c(
        '江津区',
        '几江街道 德感街道 鼎山街道 双福街道 圣泉街道 油溪镇 吴滩镇 石门镇 朱杨镇 石蟆镇 永兴镇 塘河镇 白沙镇 龙华镇 李市镇 慈云镇 蔡家镇 中山镇 嘉平镇 柏林镇 先锋镇 珞璜镇 贾嗣镇 夏坝镇 西湖镇 杜市镇 广兴镇 四面山镇 支坪镇 四屏镇',
      ),
      c('合川区', ''),
      c(
        '永川区',
        '中山路街道 胜利路街道 南大街街道 茶山竹海街道 大安街道 陈食街道 卫星湖街道 青峰镇 金龙镇 临江镇 何埂镇 松溉镇 仙龙镇 吉安镇 五间镇 来苏镇 宝峰镇 双石镇 红炉镇 永荣镇 三教镇 板桥镇 朱沱镇',
      ),
      c('南川区', ''),
      c('綦江区', ''),
      c('大足区', ''),
      c('璧山区', ''),
      c('铜梁区', ''),
      c('潼南区', ''),
      c('荣昌区', '昌元街道 昌州街道 广顺街道 安富街道 峰高街道 双河街道 直升镇 路孔镇 清江镇 仁义镇 河包镇 古昌镇 吴家镇 观胜镇 铜鼓镇 清流镇 盘龙镇 远觉镇 清升镇 荣隆镇 龙集镇'),
      c('开州区', ''),
      c('梁平区', ''),
      c('武隆区', ''),
      c('城口县', ''),
      c('丰都县', ''),
      c('垫江县', ''),
      c('忠县', ''),
      c('云阳县', ''),
      c('奉节县', ''),
      c('巫山县', ''),
      c('巫溪县', ''),
      c('石柱土家族自治县', ''),
      c('秀山土家族苗族自治县', ''),
      c('酉阳土家族苗族自治县', ''),
      c('彭水苗族土家族自治县', ''),
    ],
  },
];

export interface RegionInput {
  province?: string | null;
  city?: string | null;
  county?: string | null;
}

/**
 * Checks a province/city/county triple against the built-in list. Returns null when valid, else
 * the first level that is wrong. A province is required; a city is required when a county is
 * given; a county must belong to its city when the city lists counties.
 */
export function regionError(r: RegionInput): null | 'province' | 'city' | 'county' {
  const p = REGIONS.find((x) => x.name === r.province);
  if (!p) return 'province';
  if (!r.city) return r.county ? 'city' : null;
  const city = p.cities.find((x) => x.name === r.city);
  if (!city) return 'city';
  if (!r.county) return null;
  if (city.counties.length && !city.counties.includes(r.county)) return 'county';
  return null;
}

/** A region's name in the language: its pinyin/English name in English (regions-en.ts), else as stored. */
export function regionName(name: string, lang: string = 'zh-CN'): string {
  return lang === 'en' ? (REGION_EN[name] ?? name) : name;
}

/** A province/city/county triple for display, in the language, joined by `sep`; null when empty. */
export function regionLabel(r: RegionInput, lang: string = 'zh-CN', sep = ' / '): string | null {
  const parts = [r.province, r.city, r.county].filter((x): x is string => !!x).map((x) => regionName(x, lang));
  return parts.length ? parts.join(sep) : null;
}

/** The short form shown in lists: city and county (else the province), in the language; '—' when empty. */
export function regionShort(r: RegionInput, lang: string = 'zh-CN'): string {
  const parts = [r.city, r.county].filter((x): x is string => !!x);
  if (!parts.length) return r.province ? regionName(r.province, lang) : '—';
  return parts.map((x) => regionName(x, lang)).join(lang === 'en' ? ', ' : ' ');
}

/**
 * A sales operating area (作业区, named after its city: 宜宾作业区) in the language: in English the
 * city's pinyin name and "operating area" (Yibin operating area); other names as stored.
 */
export function areaName(name: string, lang: string = 'zh-CN'): string {
  if (lang !== 'en' || !name.endsWith('作业区')) return name;
  const base = name.slice(0, -3);
  const city = [base, `${base}市`, `${base}区`, `${base}县`].map((n) => REGION_EN[n]).find(Boolean);
  return city ? `${city.replace(/ (District|County)$/, '')} operating area` : name;
}

type RegionOption = { value: string; label: string; children?: RegionOption[] };

/** The tree as cascader options: the value is the stored (Chinese) name, the label in the language. */
export function regionOptions(lang: string = 'zh-CN'): RegionOption[] {
  const opt = (name: string, children?: RegionOption[]): RegionOption => ({ value: name, label: regionName(name, lang), ...(children ? { children } : {}) });
  return REGIONS.map((p) =>
    opt(
      p.name,
      p.cities.map((ci) => opt(ci.name, ci.counties.length ? ci.counties.map((co) => opt(co)) : undefined)),
    ),
  );
}
