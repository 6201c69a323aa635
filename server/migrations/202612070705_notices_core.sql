-- Notices and receipts (告知函/回执, DOMAIN.md §6): templates with placeholders, notices sent to a
-- set of customers, one recipient row per customer with its receipt (待回执 → 已回执) and the
-- signed copy. Files are stored in the database (bytea) like the other uploads: they commit or
-- roll back with their record and are in every backup.
CREATE TABLE notice_templates (
  id bigserial PRIMARY KEY,
  code text NOT NULL UNIQUE,
  kind text NOT NULL CHECK (kind IN ('price_change', 'settlement', 'deviation', 'curtailment', 'emergency', 'trading', 'onboarding', 'manager_letter', 'payment_notice', 'general')),
  name text NOT NULL,
  name_en text NOT NULL,
  title text NOT NULL,
  title_en text NOT NULL,
  body text NOT NULL,
  body_en text NOT NULL,
  -- Custom fields: [{ "key": "effectiveDate", "label": "生效日期", "labelEn": "Effective date" }]
  fields jsonb NOT NULL DEFAULT '[]',
  require_receipt boolean NOT NULL DEFAULT true,
  receipt_days int NOT NULL DEFAULT 7 CHECK (receipt_days BETWEEN 1 AND 365),
  builtin boolean NOT NULL DEFAULT false,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by bigint REFERENCES users(id)
);

CREATE TABLE notices (
  id bigserial PRIMARY KEY,
  no text NOT NULL UNIQUE,
  kind text NOT NULL CHECK (kind IN ('price_change', 'settlement', 'deviation', 'curtailment', 'emergency', 'trading', 'onboarding', 'manager_letter', 'payment_notice', 'general')),
  template_id bigint REFERENCES notice_templates(id),
  -- As composed, with placeholders; filled per recipient when shown or printed.
  title text NOT NULL,
  title_en text NOT NULL,
  body text NOT NULL,
  body_en text NOT NULL,
  field_values jsonb NOT NULL DEFAULT '{}',
  channels text[] NOT NULL,
  require_receipt boolean NOT NULL,
  receipt_due_on date,
  recipient_filter jsonb,
  source_module text,
  source_entity text,
  source_id text,
  recipients int NOT NULL CHECK (recipients > 0),
  sent_by bigint REFERENCES users(id),
  sent_at timestamptz NOT NULL DEFAULT now(),
  -- Local (Asia/Shanghai) date printed as {date}.
  sent_on date NOT NULL,
  CHECK (NOT require_receipt OR receipt_due_on IS NOT NULL)
);
CREATE INDEX notices_sent_idx ON notices(sent_at DESC, id DESC);
CREATE INDEX notices_source_idx ON notices(source_module, source_entity, source_id);

-- One row per customer and notice; customer_id first (grows with customers × notices).
CREATE TABLE notice_recipients (
  customer_id bigint NOT NULL REFERENCES customers(id),
  notice_id bigint NOT NULL REFERENCES notices(id),
  -- What was addressed (snapshot at sending): filled into the placeholders.
  customer_code text NOT NULL,
  customer_name text NOT NULL,
  manager_name text,
  manager_phone text,
  -- All active managers at sending: [{ "kind": "full_time", "name": "…", "phone": "…" }] ({managers}).
  managers jsonb NOT NULL DEFAULT '[]',
  receipt_status text NOT NULL CHECK (receipt_status IN ('not_required', 'pending', 'returned')),
  returned_on date,
  signer text,
  receipt_note text,
  recorded_by bigint REFERENCES users(id),
  recorded_at timestamptz,
  file_name text,
  file_mime text,
  file_size int,
  file_sha256 text,
  last_reminded_on date,
  PRIMARY KEY (customer_id, notice_id),
  CHECK ((receipt_status = 'returned') = (returned_on IS NOT NULL))
);
CREATE INDEX notice_recipients_notice_idx ON notice_recipients(notice_id, receipt_status);
CREATE INDEX notice_recipients_pending_idx ON notice_recipients(notice_id) WHERE receipt_status = 'pending';

CREATE TABLE notice_receipt_files (
  customer_id bigint NOT NULL,
  notice_id bigint NOT NULL,
  content bytea NOT NULL,
  PRIMARY KEY (customer_id, notice_id),
  FOREIGN KEY (customer_id, notice_id) REFERENCES notice_recipients(customer_id, notice_id)
);

-- The standard templates. The two letters that existed before this module (客户经理告知函 of the
-- interactions module and 催款函 of the reduce/stop procedure) are templates of it.
INSERT INTO notice_templates (code, kind, name, name_en, title, title_en, body, body_en, fields, require_receipt, receipt_days, builtin) VALUES
('manager_letter', 'manager_letter', '客户经理告知函', 'Account manager notice', '客户经理告知函', 'Notice of Your Account Managers',
 E'{customerName}：\n为进一步提升天然气销售服务水平，落实客户经理负责制，及时响应贵单位在用气计划、气款结算、质量计量、供气保障等方面的需求，现将负责贵单位的客户经理及联系方式告知如下：\n{managers}\n如客户经理发生变更，我们将另行书面告知。\n特此告知。',
 E'To: {customerName}\nTo serve you better under our account-manager responsibility system, we inform you of the account managers responsible for your company:\n{managers}\nWe will inform you in writing of any change.',
 '[]', false, 7, true),
('payment_notice', 'payment_notice', '催款函', 'Payment notice', '催款函', 'Payment Notice',
 E'{customerName}：\n根据双方签订的天然气购销合同“先款后气”的约定，截至{asOfDate}，贵单位预付气款余额为 {balance} 元。请贵单位收到本函后尽快足额缴纳气款。逾期未缴纳的，我方将按合同约定依次采取减气、停气措施，由此产生的后果由贵单位承担。\n联系人（客户经理）：{managerName} {managerPhone}',
 E'To: {customerName}\nUnder the pay-before-gas terms of our gas purchase and sale contract, as of {asOfDate} your prepaid gas balance is CNY {balance}. Please pay the gas charges in full promptly upon receipt of this notice. If payment is not received, we will reduce and then stop the gas supply as provided in the contract.\nContact (account manager): {managerName} {managerPhone}',
 '[{"key":"asOfDate","label":"截至日期","labelEn":"As of"},{"key":"balance","label":"预付气款余额（元）","labelEn":"Prepaid balance (CNY)"}]', true, 5, true),
('price_change', 'price_change', '价格调整告知函', 'Price change notice', '关于调整天然气销售价格的告知函', 'Notice of Natural Gas Price Adjustment',
 E'{customerName}：\n根据国家和省价格主管部门的有关规定，自{effectiveDate}起，贵单位适用的天然气销售价格调整为 {newPrice} 元/立方米。请贵单位做好相关安排，并在收到本函后签署回执寄回。\n联系人（客户经理）：{managerName} {managerPhone}',
 E'To: {customerName}\nIn accordance with the regulations of the pricing authorities, from {effectiveDate} the natural gas price applicable to your company is adjusted to CNY {newPrice} per m³. Please make the necessary arrangements and return the signed receipt.\nContact (account manager): {managerName} {managerPhone}',
 '[{"key":"effectiveDate","label":"生效日期","labelEn":"Effective date"},{"key":"newPrice","label":"调整后价格（元/立方米）","labelEn":"New price (CNY/m³)"}]', true, 10, true),
('settlement_terms', 'settlement', '结算条款告知函', 'Settlement terms notice', '关于月度结算有关事项的告知函', 'Notice on Monthly Settlement Terms',
 E'{customerName}：\n自{effectiveMonth}起，月度结算按合同约定执行：合同内气量按合同价格结算，超出部分优先匹配线上交易成交量，其余按额外气参考价格结算。结算单将于次月{statementDay}日前送达。\n联系人（客户经理）：{managerName} {managerPhone}',
 E'To: {customerName}\nFrom {effectiveMonth}, monthly settlement follows the contract: contracted volume at the contract price, volume above it matched first to your online-trade awards and the rest at the reference price for additional gas. Statements will reach you by day {statementDay} of the following month.\nContact (account manager): {managerName} {managerPhone}',
 '[{"key":"effectiveMonth","label":"执行月份","labelEn":"From month"},{"key":"statementDay","label":"结算单送达日","labelEn":"Statement day"}]', true, 10, true),
('curtailment', 'curtailment', '限气告知函', 'Curtailment notice', '关于{period}调减供气量的告知函', 'Notice of Supply Curtailment for {period}',
 E'{customerName}：\n受{reason}影响，{period}期间对贵单位的日供气量调减至 {dailyVolume} 立方米/日。请贵单位提前做好用气安排，保障民生用气。\n联系人（客户经理）：{managerName} {managerPhone}',
 E'To: {customerName}\nOwing to {reason}, the daily supply to your company during {period} is reduced to {dailyVolume} m³/day. Please plan your gas use accordingly and give priority to residential supply.\nContact (account manager): {managerName} {managerPhone}',
 '[{"key":"period","label":"限气期间","labelEn":"Period"},{"key":"reason","label":"原因","labelEn":"Reason"},{"key":"dailyVolume","label":"日供气量（立方米）","labelEn":"Daily volume (m³)"}]', true, 3, true),
('general', 'general', '通用告知函', 'General notice', '告知函', 'Notice',
 E'{customerName}：\n\n特此告知。', E'To: {customerName}\n\nYours faithfully.', '[]', true, 7, true);
