/**
 * Customer vocabularies shared by server and web (DOMAIN.md §3): types, price categories,
 * lifecycle statuses, exchange membership, delivery points, supply network, documents.
 * Each value has a zh/en label; Excel import accepts either label or the code.
 */
type Labels<K extends string> = Record<K, { zh: string; en: string }>;

export const CUSTOMER_TYPES = ['city_gas', 'industrial', 'cng', 'power', 'chemical', 'commercial', 'other'] as const;
export type CustomerType = (typeof CUSTOMER_TYPES)[number];
export const CUSTOMER_TYPE_LABELS: Labels<CustomerType> = {
  city_gas: { zh: '城市燃气', en: 'City gas' },
  industrial: { zh: '工业', en: 'Industrial' },
  cng: { zh: 'CNG', en: 'CNG' },
  power: { zh: '发电', en: 'Power' },
  chemical: { zh: '化工', en: 'Chemical' },
  commercial: { zh: '商业', en: 'Commercial' },
  other: { zh: '其他', en: 'Other' },
};

export const PRICE_CATEGORIES = ['residential', 'non_residential', 'industrial', 'cng', 'power', 'chemical_feedstock', 'commercial'] as const;
export type PriceCategory = (typeof PRICE_CATEGORIES)[number];
export const PRICE_CATEGORY_LABELS: Labels<PriceCategory> = {
  residential: { zh: '居民', en: 'Residential' },
  non_residential: { zh: '非居民', en: 'Non-residential' },
  industrial: { zh: '工业', en: 'Industrial' },
  cng: { zh: 'CNG', en: 'CNG' },
  power: { zh: '发电', en: 'Power generation' },
  chemical_feedstock: { zh: '化工原料', en: 'Chemical feedstock' },
  commercial: { zh: '商业', en: 'Commercial' },
};

export const CUSTOMER_STATUSES = ['prospect', 'survey', 'review', 'contracted', 'active', 'restricted', 'closed'] as const;
export type CustomerStatus = (typeof CUSTOMER_STATUSES)[number];
export const CUSTOMER_STATUS_LABELS: Labels<CustomerStatus> = {
  prospect: { zh: '潜在', en: 'Prospect' },
  survey: { zh: '调研', en: 'Survey' },
  review: { zh: '审查', en: 'Review' },
  contracted: { zh: '签约', en: 'Contracted' },
  active: { zh: '供气', en: 'Active' },
  restricted: { zh: '减停气', en: 'Restricted' },
  closed: { zh: '销户', en: 'Closed' },
};

export const EXCHANGE_STATUSES = ['none', 'registered', 'bound', 'trained'] as const;
export type ExchangeStatus = (typeof EXCHANGE_STATUSES)[number];
export const EXCHANGE_STATUS_LABELS: Labels<ExchangeStatus> = {
  none: { zh: '未注册', en: 'Not registered' },
  registered: { zh: '已注册会员', en: 'Registered' },
  bound: { zh: '已绑定账户', en: 'Account bound' },
  trained: { zh: '已培训', en: 'Trained' },
};

export const DELIVERY_POINT_KINDS = ['distribution_station', 'gate_station'] as const;
export type DeliveryPointKind = (typeof DELIVERY_POINT_KINDS)[number];
export const DELIVERY_POINT_KIND_LABELS: Labels<DeliveryPointKind> = {
  distribution_station: { zh: '分输站', en: 'Distribution station' },
  gate_station: { zh: '门站', en: 'Gate station' },
};

export const PRESSURE_LEVELS = ['high', 'sub_high', 'medium', 'low'] as const;
export type PressureLevel = (typeof PRESSURE_LEVELS)[number];
export const PRESSURE_LEVEL_LABELS: Labels<PressureLevel> = {
  high: { zh: '高压（>1.6 MPa）', en: 'High (>1.6 MPa)' },
  sub_high: { zh: '次高压（0.4–1.6 MPa）', en: 'Sub-high (0.4–1.6 MPa)' },
  medium: { zh: '中压（0.01–0.4 MPa）', en: 'Medium (0.01–0.4 MPa)' },
  low: { zh: '低压（<0.01 MPa）', en: 'Low (<0.01 MPa)' },
};

export const SUPPLY_SOURCE_KINDS = ['gas_field', 'well_station', 'purification_plant', 'pipeline', 'valve_room'] as const;
export type SupplySourceKind = (typeof SUPPLY_SOURCE_KINDS)[number];
export const SUPPLY_SOURCE_KIND_LABELS: Labels<SupplySourceKind> = {
  gas_field: { zh: '气田', en: 'Gas field' },
  well_station: { zh: '井站', en: 'Well station' },
  purification_plant: { zh: '净化厂', en: 'Purification plant' },
  pipeline: { zh: '管线', en: 'Pipeline' },
  valve_room: { zh: '阀室', en: 'Valve room' },
};

export const DOCUMENT_KINDS = [
  'business_licence',
  'gas_operation_licence',
  'hazardous_chemicals_licence',
  'safety_production_licence',
  'pressure_vessel_registration',
  'environmental_permit',
  'other',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export const DOCUMENT_KIND_LABELS: Labels<DocumentKind> = {
  business_licence: { zh: '营业执照', en: 'Business licence' },
  gas_operation_licence: { zh: '燃气经营许可证', en: 'Gas operation licence' },
  hazardous_chemicals_licence: { zh: '危险化学品经营许可证', en: 'Hazardous chemicals licence' },
  safety_production_licence: { zh: '安全生产许可证', en: 'Safety production licence' },
  pressure_vessel_registration: { zh: '压力容器使用登记证', en: 'Pressure vessel registration' },
  environmental_permit: { zh: '排污许可证', en: 'Discharge permit' },
  other: { zh: '其他资质文件', en: 'Other qualification' },
};

export const MANAGER_KINDS = ['full_time', 'part_time'] as const;
export type ManagerKind = (typeof MANAGER_KINDS)[number];
export const MANAGER_KIND_LABELS: Labels<ManagerKind> = {
  full_time: { zh: '专职客户经理', en: 'Full-time manager' },
  part_time: { zh: '兼职客户经理', en: 'Part-time manager' },
};
