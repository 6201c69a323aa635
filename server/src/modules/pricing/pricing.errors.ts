/** Error codes of the pricing module (zh/en, naming the field). */
import { defineErrors } from '../../platform/http/errors';

export const PE = defineErrors({
  PRICE_TAG_UNKNOWN: { status: 400, zh: '资源标签 tag「{tag}」不存在或已停用', en: 'Resource tag "{tag}" does not exist or is inactive' },
  PRICE_TAG_EXISTS: { status: 409, zh: '资源标签编码 code「{code}」已存在', en: 'Resource tag code "{code}" already exists' },
  PRICE_CATEGORY_UNKNOWN: { status: 400, zh: '价格类别 category「{category}」不存在', en: 'Price category "{category}" does not exist' },
  PRICE_DECIMALS: { status: 400, zh: '价格 {field} 应为大于 0、最多 4 位小数的数字，当前为 {value}', en: 'The price {field} must be greater than 0 with at most 4 decimals; got {value}' },
  PRICE_EXISTS: {
    status: 409,
    zh: '{tag}/{category}/{basis}/{season} 在 {effectiveFrom} 已有生效价格 {price}：价格历史不可改写，请以新的生效日期录入',
    en: '{tag}/{category}/{basis}/{season} already has a price of {price} effective {effectiveFrom}; price history is never rewritten: enter it with a new effective date',
  },
  PRICE_ABOVE_CAP: {
    status: 400,
    zh: '非居民价格 {price} 元/m³ 超过基准门站价 {benchmark} 元/m³ 上浮 {capPct}% 的上限 {cap} 元/m³（{effectiveFrom} 起）',
    en: 'The non-residential price of {price} yuan/m³ exceeds the cap of {cap} yuan/m³ (benchmark city-gate price {benchmark} + {capPct}%, from {effectiveFrom})',
  },
  BENCHMARK_EXISTS: { status: 409, zh: '{effectiveFrom} 起已有基准门站价，请以新的生效日期录入', en: 'A benchmark price effective {effectiveFrom} already exists; enter a new effective date' },
});
