/** Error codes of the trading module (messages name the field, zh/en). */
import { defineErrors } from '../../platform/http/errors';

export const TE = defineErrors({
  SESSION_TIMES: { status: 400, zh: '截止时间（closesAt）{closes} 必须晚于开始时间（opensAt）{opens}', en: 'The closing time (closesAt) {closes} must be after the opening time (opensAt) {opens}' },
  SESSION_LIMITS: {
    status: 400,
    zh: '每户最低量（minPerBuyer）{min} 不能大于每户最高量（maxPerBuyer）{max}，最高量不能大于场次总量（quantity）{quantity}',
    en: 'The per-buyer minimum (minPerBuyer) {min} must not exceed the maximum (maxPerBuyer) {max}, nor the maximum the session quantity (quantity) {quantity}',
  },
  SESSION_PRICE_MISSING: { status: 400, zh: '{mode}场次必须填写{field}', en: 'A {mode} session needs {field}' },
  SESSION_PRICE_EXTRA: { status: 400, zh: '{mode}场次不能填写{field}', en: 'A {mode} session must not have {field}' },
  DECIMAL_FIELD: { status: 400, zh: '{field} 应为大于 0、最多 {dp} 位小数的数字，当前为 {value}', en: '{field} must be a number above 0 with at most {dp} decimals; got {value}' },
  CUSTOMER_UNKNOWN: { status: 400, zh: '可参与客户（eligibleCustomerIds）中的客户 {id} 不存在', en: 'Eligible customer {id} (eligibleCustomerIds) does not exist' },
  SESSION_NOT_OPEN_YET: { status: 409, zh: '场次尚未开始：{opens} 开始接受报价', en: 'The session has not opened yet: bids are taken from {opens}' },
  SESSION_CLOSED: { status: 409, zh: '场次已于 {closes} 截止，不再接受报价', en: 'The session closed at {closes}; no more bids are taken' },
  SESSION_CLEARED: { status: 409, zh: '场次已出清（{at}），不能再修改', en: 'The session was cleared ({at}) and cannot be changed' },
  SESSION_CANCELLED: { status: 409, zh: '场次已取消', en: 'The session is cancelled' },
  SESSION_HAS_BIDS: { status: 409, zh: '场次已有 {count} 笔报价，不能再修改或取消', en: 'The session already has {count} bids and cannot be changed or cancelled' },
  ALREADY_CLEARED: { status: 409, zh: '场次已于 {at} 出清，不能重复出清', en: 'The session was already cleared at {at}; it cannot be cleared twice' },
  NOT_CLOSED_YET: { status: 409, zh: '场次 {closes} 才截止，截止后才能出清', en: 'The session closes at {closes}; it can be cleared only after closing' },
  BID_BELOW_FLOOR: { status: 400, zh: '报价（price）{price} 元低于底价 {floor} 元', en: 'The bid price (price) {price} yuan is below the floor price of {floor} yuan' },
  BID_OFF_STEP: {
    status: 400,
    zh: '报价（price）{price} 元不符合加价幅度：应为底价 {floor} 元加 {step} 元的整数倍',
    en: 'The bid price (price) {price} yuan is off the price grid: it must be the floor {floor} yuan plus a multiple of {step} yuan',
  },
  BID_BELOW_MIN: { status: 400, zh: '申报量（quantity）{quantity} 低于每户最低量 {min}', en: 'The quantity (quantity) {quantity} is below the per-buyer minimum of {min}' },
  BID_ABOVE_MAX: {
    status: 400,
    zh: '申报量（quantity）{quantity} 加上该买方已申报的 {already}，超过每户最高量 {max}',
    en: 'The quantity (quantity) {quantity} plus the {already} this buyer already bid exceeds the per-buyer maximum of {max}',
  },
  BID_PRICE_NOT_FIXED: {
    status: 400,
    zh: '挂牌场次按挂牌价 {fixed} 元成交，报价（price）应为 {fixed} 或不填，当前为 {price}',
    en: 'A listing trades at its fixed price of {fixed} yuan; the price (price) must be {fixed} or omitted; got {price}',
  },
  LISTING_SOLD_OUT: {
    status: 409,
    zh: '挂牌剩余量 {remaining} 低于每户最低量 {min}，申报 {quantity} 未成交',
    en: 'Only {remaining} remains of the listing, below the per-buyer minimum of {min}; the request for {quantity} was refused',
  },
  BID_PRICE_REQUIRED: { status: 400, zh: '竞价场次必须填写报价（price）', en: 'A bidding session needs a bid price (price)' },
  NOT_ELIGIBLE: { status: 403, zh: '客户“{name}”不在本场次的可参与客户名单中', en: 'Customer "{name}" is not eligible for this session' },
  NOT_MEMBER: {
    status: 403,
    zh: '客户“{name}”尚未完成交易中心会员注册和账户绑定（当前：{status}），不能报价',
    en: 'Customer "{name}" has not registered and bound an exchange account (now: {status}); it cannot bid',
  },
  DEPOSIT_INSUFFICIENT: {
    status: 409,
    zh: '可用余额 {available} 元不足以冻结保证金 {deposit} 元，报价未提交',
    en: 'The available balance of {available} yuan does not cover the deposit of {deposit} yuan; the bid was not placed',
  },
  IDEMPOTENCY_CONFLICT: {
    status: 409,
    zh: '幂等键（idempotencyKey）{key} 已用于另一笔不同的报价（#{bidId}：{price} 元 × {quantity}），本次未提交',
    en: 'The idempotency key (idempotencyKey) {key} was already used for a different bid (#{bidId}: {price} yuan × {quantity}); nothing was placed',
  },
  BUYER_REQUIRED: { status: 400, zh: '{kind}场次须指定{field}', en: 'A {kind} session needs {field}' },
  BUYER_WRONG_KIND: { status: 400, zh: '{kind}场次不能使用{field}', en: 'A {kind} session cannot use {field}' },
  VIRTUAL_ACCOUNT_UNKNOWN: { status: 400, zh: '虚拟账户 {id} 不属于本仿真场次', en: 'Virtual account {id} does not belong to this simulation session' },
  VIRTUAL_ACCOUNT_NOT_YOURS: { status: 403, zh: '虚拟账户“{name}”分配给了其他人，您不能用它报价', en: 'Virtual account "{name}" is assigned to someone else; you cannot bid with it' },
  SIMULATION_ONLY: { status: 400, zh: '只有仿真场次才有虚拟账户和培训反馈', en: 'Only simulation sessions have virtual accounts and training feedback' },
  MEMBERSHIP_ORDER: { status: 400, zh: '会员进度日期顺序有误：{field} {date} 早于 {prevField} {prev}', en: 'Membership dates out of order: {field} {date} is before {prevField} {prev}' },
  MEMBERSHIP_GAP: { status: 400, zh: '会员进度须依次完成：填写{field}前须先填写{prevField}', en: 'Membership steps go in order: {prevField} is needed before {field}' },
});
