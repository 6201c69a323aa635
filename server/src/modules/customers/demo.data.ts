/**
 * Demo vocabulary: the supply network of a gas mine in southern Sichuan / western Chongqing
 * and the territories of its ~220 direct customers (DOMAIN.md §1, §5 — e.g. the 2019 Changning
 * earthquake: gas to the epicentre came from well station 老14 of the 老翁场 gas field).
 */
import type { SupplySourceKind } from '@common/customers';

export interface NetNode {
  code: string;
  name: string;
  kind: SupplySourceKind;
  parent?: string;
  region: string;
}

const n = (code: string, name: string, kind: SupplySourceKind, parent: string | undefined, region: string): NetNode => ({ code, name, kind, parent, region });

export const NETWORK: NetNode[] = [
  // 老翁场气田 → 老14 → 老长输气管线 → Yibin south (长宁/珙县/兴文)
  n('GF-LWC', '老翁场气田', 'gas_field', undefined, '四川省泸州市'),
  n('WS-L14', '老14井站', 'well_station', 'GF-LWC', '四川省泸州市'),
  n('WS-L8', '老8井站', 'well_station', 'GF-LWC', '四川省泸州市'),
  n('PL-LC', '老长输气管线', 'pipeline', 'WS-L14', '四川省宜宾市'),
  n('VR-CN', '长宁阀室', 'valve_room', 'PL-LC', '四川省宜宾市长宁县'),
  n('VR-GX', '珙县阀室', 'valve_room', 'PL-LC', '四川省宜宾市珙县'),
  n('VR-XW', '兴文阀室', 'valve_room', 'PL-LC', '四川省宜宾市兴文县'),
  // 阳高寺气田 → 阳18 → 泸州天然气净化厂 → 泸合线 / 泸宜线
  n('GF-YGS', '阳高寺气田', 'gas_field', undefined, '四川省泸州市'),
  n('WS-Y18', '阳18井站', 'well_station', 'GF-YGS', '四川省泸州市'),
  n('PP-LZ', '泸州天然气净化厂', 'purification_plant', 'WS-Y18', '四川省泸州市纳溪区'),
  n('PL-LH', '泸合输气管线', 'pipeline', 'PP-LZ', '四川省泸州市'),
  n('PL-LY', '泸宜输气管线', 'pipeline', 'PP-LZ', '四川省泸州市'),
  n('VR-NX', '纳溪阀室', 'valve_room', 'PL-LH', '四川省泸州市纳溪区'),
  n('VR-LMT', '龙马潭阀室', 'valve_room', 'PL-LH', '四川省泸州市龙马潭区'),
  n('VR-HJ', '合江阀室', 'valve_room', 'PL-LH', '四川省泸州市合江县'),
  n('VR-LX', '泸县阀室', 'valve_room', 'PL-LH', '四川省泸州市泸县'),
  n('VR-GL', '古蔺阀室', 'valve_room', 'PL-LH', '四川省泸州市古蔺县'),
  n('VR-JA', '江安阀室', 'valve_room', 'PL-LY', '四川省宜宾市江安县'),
  n('VR-NANX', '南溪阀室', 'valve_room', 'PL-LY', '四川省宜宾市南溪区'),
  // 宜宾页岩气 → 宁201/宁209 → 集气脱水站 → 外输管线
  n('GF-YBSG', '宜宾页岩气田', 'gas_field', undefined, '四川省宜宾市'),
  n('WS-N201', '宁201井站', 'well_station', 'GF-YBSG', '四川省宜宾市'),
  n('WS-N209', '宁209井站', 'well_station', 'GF-YBSG', '四川省宜宾市'),
  n('PP-YB', '宜宾页岩气集气脱水站', 'purification_plant', 'WS-N201', '四川省宜宾市'),
  n('PL-YBW', '宜宾页岩气外输管线', 'pipeline', 'PP-YB', '四川省宜宾市'),
  n('VR-CP', '翠屏阀室', 'valve_room', 'PL-YBW', '四川省宜宾市翠屏区'),
  n('VR-XZ', '叙州阀室', 'valve_room', 'PL-YBW', '四川省宜宾市叙州区'),
  // 自贡气田
  n('GF-ZG', '自贡气田', 'gas_field', undefined, '四川省自贡市'),
  n('WS-Z2', '自2井站', 'well_station', 'GF-ZG', '四川省自贡市'),
  n('PP-ZG', '自贡天然气净化站', 'purification_plant', 'WS-Z2', '四川省自贡市'),
  n('PL-ZGH', '自贡环网输气管线', 'pipeline', 'PP-ZG', '四川省自贡市'),
  n('VR-FS', '富顺阀室', 'valve_room', 'PL-ZGH', '四川省自贡市富顺县'),
  n('VR-RX', '荣县阀室', 'valve_room', 'PL-ZGH', '四川省自贡市荣县'),
  n('VR-DA', '大安阀室', 'valve_room', 'PL-ZGH', '四川省自贡市大安区'),
  // 威远气田 (内江) → 威内线 / 威乐线 (乐山)
  n('GF-WY', '威远气田', 'gas_field', undefined, '四川省内江市威远县'),
  n('WS-W202', '威202井站', 'well_station', 'GF-WY', '四川省内江市威远县'),
  n('PP-WY', '威远脱水站', 'purification_plant', 'WS-W202', '四川省内江市威远县'),
  n('PL-WN', '威内输气管线', 'pipeline', 'PP-WY', '四川省内江市'),
  n('PL-WL', '威乐输气管线', 'pipeline', 'PP-WY', '四川省乐山市'),
  n('VR-LC', '隆昌阀室', 'valve_room', 'PL-WN', '四川省内江市隆昌市'),
  n('VR-ZZ', '资中阀室', 'valve_room', 'PL-WN', '四川省内江市资中县'),
  n('VR-NJ', '内江东阀室', 'valve_room', 'PL-WN', '四川省内江市东兴区'),
  n('VR-JW', '犍为阀室', 'valve_room', 'PL-WL', '四川省乐山市犍为县'),
  n('VR-WTQ', '五通桥阀室', 'valve_room', 'PL-WL', '四川省乐山市五通桥区'),
  n('VR-JJ', '夹江阀室', 'valve_room', 'PL-WL', '四川省乐山市夹江县'),
  n('VR-LS', '乐山阀室', 'valve_room', 'PL-WL', '四川省乐山市市中区'),
  // 永川页岩气 (重庆) → 渝西输气管线
  n('GF-YCSG', '永川页岩气田', 'gas_field', undefined, '重庆市永川区'),
  n('WS-YY1', '永页1井站', 'well_station', 'GF-YCSG', '重庆市永川区'),
  n('PP-YC', '永川集气脱水站', 'purification_plant', 'WS-YY1', '重庆市永川区'),
  n('PL-YX', '渝西输气管线', 'pipeline', 'PP-YC', '重庆市'),
  n('VR-YC', '永川阀室', 'valve_room', 'PL-YX', '重庆市永川区'),
  n('VR-RC', '荣昌阀室', 'valve_room', 'PL-YX', '重庆市荣昌区'),
  n('VR-JJQ', '江津阀室', 'valve_room', 'PL-YX', '重庆市江津区'),
  n('VR-SF', '双福阀室', 'valve_room', 'PL-YX', '重庆市江津区'),
];

export interface Territory {
  province: string;
  city: string;
  short: string; // 泸州, 永川…
  abbr: string; // meter number prefix
  area: string; // 6-digit administrative division code for USCCs
  count: number;
  /** county → valve room code; the first `feed` counties are preferred for the first customers. */
  counties: [string, string, string][]; // [county, valve room, manager]
}

export const TERRITORIES: Territory[] = [
  {
    province: '四川省',
    city: '泸州市',
    short: '泸州',
    abbr: 'LZ',
    area: '510500',
    count: 55,
    counties: [
      ['江阳区', 'VR-LMT', 'am01'],
      ['龙马潭区', 'VR-LMT', 'am01'],
      ['纳溪区', 'VR-NX', 'am01'],
      ['泸县', 'VR-LX', 'am02'],
      ['合江县', 'VR-HJ', 'am02'],
      ['叙永县', 'VR-GL', 'am02'],
      ['古蔺县', 'VR-GL', 'am02'],
    ],
  },
  {
    province: '四川省',
    city: '宜宾市',
    short: '宜宾',
    abbr: 'YB',
    area: '511500',
    count: 45,
    // The first 27 customers of Yibin sit in 长宁/珙县/兴文, fed from 老14 (the 2019 Changning earthquake scenario).
    counties: [
      ['长宁县', 'VR-CN', 'am04'],
      ['珙县', 'VR-GX', 'am04'],
      ['兴文县', 'VR-XW', 'am04'],
      ['翠屏区', 'VR-CP', 'am03'],
      ['叙州区', 'VR-XZ', 'am03'],
      ['南溪区', 'VR-NANX', 'am03'],
      ['江安县', 'VR-JA', 'am03'],
      ['高县', 'VR-XZ', 'am04'],
    ],
  },
  {
    province: '四川省',
    city: '自贡市',
    short: '自贡',
    abbr: 'ZG',
    area: '510300',
    count: 30,
    counties: [
      ['自流井区', 'VR-DA', 'am05'],
      ['贡井区', 'VR-DA', 'am05'],
      ['大安区', 'VR-DA', 'am05'],
      ['沿滩区', 'VR-FS', 'am05'],
      ['荣县', 'VR-RX', 'am05'],
      ['富顺县', 'VR-FS', 'am05'],
    ],
  },
  {
    province: '四川省',
    city: '内江市',
    short: '内江',
    abbr: 'NJ',
    area: '511000',
    count: 25,
    counties: [
      ['市中区', 'VR-NJ', 'am06'],
      ['东兴区', 'VR-NJ', 'am06'],
      ['威远县', 'VR-NJ', 'am06'],
      ['资中县', 'VR-ZZ', 'am06'],
      ['隆昌市', 'VR-LC', 'am06'],
    ],
  },
  {
    province: '四川省',
    city: '乐山市',
    short: '乐山',
    abbr: 'LS',
    area: '511100',
    count: 25,
    counties: [
      ['市中区', 'VR-LS', 'am07'],
      ['五通桥区', 'VR-WTQ', 'am07'],
      ['沙湾区', 'VR-LS', 'am07'],
      ['犍为县', 'VR-JW', 'am07'],
      ['夹江县', 'VR-JJ', 'am07'],
      ['峨眉山市', 'VR-LS', 'am07'],
      ['井研县', 'VR-JW', 'am07'],
    ],
  },
  {
    province: '重庆市',
    city: '永川区',
    short: '永川',
    abbr: 'YC',
    area: '500118',
    count: 15,
    counties: [
      ['中山路街道', 'VR-YC', 'am08'],
      ['南大街街道', 'VR-YC', 'am08'],
      ['卫星湖街道', 'VR-YC', 'am08'],
      ['朱沱镇', 'VR-YC', 'am08'],
      ['来苏镇', 'VR-YC', 'am08'],
      ['三教镇', 'VR-YC', 'am08'],
    ],
  },
  {
    province: '重庆市',
    city: '荣昌区',
    short: '荣昌',
    abbr: 'RC',
    area: '500153',
    count: 12,
    counties: [
      ['昌元街道', 'VR-RC', 'am08'],
      ['昌州街道', 'VR-RC', 'am08'],
      ['广顺街道', 'VR-RC', 'am08'],
      ['安富街道', 'VR-RC', 'am08'],
      ['峰高街道', 'VR-RC', 'am08'],
      ['双河街道', 'VR-RC', 'am08'],
    ],
  },
  {
    province: '重庆市',
    city: '江津区',
    short: '江津',
    abbr: 'JJ',
    area: '500116',
    count: 13,
    counties: [
      ['几江街道', 'VR-JJQ', 'am08'],
      ['德感街道', 'VR-JJQ', 'am08'],
      ['双福街道', 'VR-SF', 'am08'],
      ['珞璜镇', 'VR-JJQ', 'am08'],
      ['白沙镇', 'VR-JJQ', 'am08'],
      ['支坪镇', 'VR-SF', 'am08'],
    ],
  },
];

/** Part-time managers by territory (key customers). */
export const PART_TIME_BY_CITY: Record<string, string> = { 泸州市: 'pt01', 宜宾市: 'pt01', 自贡市: 'pt02', 内江市: 'pt02', 乐山市: 'pt02', 永川区: 'pt03', 荣昌区: 'pt03', 江津区: 'pt03' };

export const WORDS = [
  '金鑫',
  '宏达',
  '鑫源',
  '华盛',
  '恒达',
  '兴业',
  '天宇',
  '瑞丰',
  '永盛',
  '长江',
  '川南',
  '蜀南',
  '佳美',
  '东方',
  '新光',
  '利民',
  '泰和',
  '顺发',
  '万通',
  '国泰',
  '安泰',
  '宝丰',
  '德胜',
  '富源',
  '高峰',
  '红星',
  '嘉禾',
  '锦程',
  '凯达',
  '隆鑫',
  '明珠',
  '宁发',
  '奇峰',
  '荣达',
  '盛世',
  '腾飞',
  '旺达',
  '祥和',
  '阳光',
  '远大',
  '振兴',
  '中宇',
];
export const GAS_BRANDS = ['华润', '港华', '昆仑', '中燃', '新奥', '兴能'];
export const INDUSTRIAL = ['玻璃有限公司', '陶瓷有限公司', '建材有限公司', '纸业有限公司', '食品有限公司', '酒业有限公司', '钢铁有限公司', '耐火材料有限公司', '纺织有限公司', '铝业有限公司'];
export const CHEMICAL = ['化工有限公司', '盐化有限公司', '精细化工有限公司', '硅业有限公司', '化肥有限公司'];
export const COMMERCIAL = ['大酒店有限公司', '商业管理有限公司', '餐饮管理有限公司', '温泉度假酒店有限公司', '物业服务有限公司'];
export const OTHER = ['人民医院', '中医医院', '污水处理有限公司', '供排水有限公司', '职业技术学院'];
