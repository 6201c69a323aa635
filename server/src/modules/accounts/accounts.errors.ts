/** Error codes of the accounts module (messages name the field or row, zh/en). */
import { defineErrors } from '../../platform/http/errors';

export const AE = defineErrors({
  PAYMENT_AMOUNT_NOT_POSITIVE: { status: 400, zh: '付款金额（amountFen）必须大于 0，当前为 {amount} 分', en: 'The payment amount (amountFen) must be greater than 0; got {amount} fen' },
  REFUND_AMOUNT_NOT_POSITIVE: { status: 400, zh: '退款金额（amountFen）必须大于 0，当前为 {amount} 分', en: 'The refund amount (amountFen) must be greater than 0; got {amount} fen' },
  REFUND_EXCEEDS_BALANCE: { status: 400, zh: '退款金额 {amount} 元超过客户当前余额 {balance} 元', en: 'The refund of {amount} yuan exceeds the customer balance of {balance} yuan' },
  ADJUSTMENT_AMOUNT_ZERO: { status: 400, zh: '调账金额（amountFen）不能为 0', en: 'The adjustment amount (amountFen) must not be 0' },
  BANK_REF_CONFLICT: {
    status: 409,
    zh: '银行流水号 {ref} 已登记为客户 {customer} 的 {amount} 元付款，与本次提交（客户 {newCustomer}，{newAmount} 元）不一致，未入账',
    en: 'Bank reference {ref} is already recorded as a payment of {amount} yuan for customer {customer}, which differs from this one (customer {newCustomer}, {newAmount} yuan); nothing was posted',
  },
  PERIOD_CLOSED: { status: 409, zh: '会计期间 {period} 已结账，不能记入业务日期为 {date} 的账务', en: 'Period {period} is closed; nothing can be posted dated {date}' },
  PERIOD_ALREADY_CLOSED: { status: 409, zh: '会计期间 {period} 已经结账', en: 'Period {period} is already closed' },
  PERIOD_NOT_ENDED: { status: 400, zh: '会计期间 {period} 尚未结束，不能结账', en: 'Period {period} has not ended yet and cannot be closed' },
  ADJUSTMENT_SELF_APPROVAL: {
    status: 403,
    zh: '不能审批自己录入的调账（#{id}）：须由另一位有审批权限的用户审批',
    en: 'You cannot approve an adjustment you entered yourself (#{id}); another user with approval rights must approve it',
  },
  ADJUSTMENT_NOT_PENDING: { status: 409, zh: '调账 #{id} 已{status}，不能再审批', en: 'Adjustment #{id} is already {status} and cannot be decided again' },
  ALREADY_REVERSED: { status: 409, zh: '账务 #{id} 已被冲正（冲正单 #{by}），不能重复冲正', en: 'Transaction #{id} was already reversed (by #{by}); it cannot be reversed twice' },
  CANNOT_REVERSE_REVERSAL: { status: 400, zh: '账务 #{id} 本身是冲正单，不能再冲正', en: 'Transaction #{id} is itself a reversal and cannot be reversed' },
  CANNOT_REVERSE_DAILY_CHARGE: {
    status: 400,
    zh: '账务 #{id} 是日气费，不能冲正：请更正该气日的计量数据后重新运行日结，系统会自动补记差额',
    en: 'Transaction #{id} is a daily charge and cannot be reversed: correct the gas day’s deliveries and re-run the daily run, which posts the difference',
  },
  CANNOT_REVERSE_TRADING: {
    status: 400,
    zh: '账务 #{id} 是线上交易的{kind}，不能在气款账户中冲正：保证金冻结、释放、转气款和手续费只由线上交易模块的场次流程（出清、取消）处理',
    en: 'Transaction #{id} is an online-trading posting ({kind}) and cannot be reversed from the accounts page: deposits frozen, released or applied and trading fees are handled only by the trading module’s session flows (clearing, cancellation)',
  },
  THRESHOLDS_INVALID: {
    status: 400,
    zh: '阈值无效：减气天数 {reduceDays} 须大于 0 且不大于预警天数 {warnDays}，平均天数 {avgDays} 须在 1–90 之间',
    en: 'Invalid thresholds: reduce days {reduceDays} must be > 0 and ≤ warn days {warnDays}; averaging days {avgDays} must be 1–90',
  },
  STATEMENT_RANGE: { status: 400, zh: '对账期间无效：开始日期 {from} 晚于结束日期 {to}', en: 'Invalid statement period: {from} is after {to}' },
  PDF_FONT_MISSING: {
    status: 503,
    zh: '服务器缺少中文字体（{path}），无法生成 PDF；请安装 fonts-noto-cjk，或改为导出 Excel',
    en: 'The server lacks a CJK font ({path}) to render the PDF; install fonts-noto-cjk or export Excel instead',
  },
  PRICE_INVALID: {
    status: 400,
    zh: '暂定价格 price 应为不超过 4 位小数的非负数（元/m³），当前为 {price}',
    en: 'The provisional price must be a non-negative number with at most 4 decimals (yuan/m³); got {price}',
  },
  BANK_IMPORT_EMPTY: {
    status: 400,
    zh: '银行流水文件中没有可识别的数据行（需要列：流水号、日期、金额、付款人）',
    en: 'No usable rows in the bank statement (columns needed: reference, date, amount, payer)',
  },
  BANK_IMPORT_ROW: {
    status: 400,
    zh: '银行流水有 {count} 行错误，未导入任何数据（可选择“仅导入有效行”）。{reason}',
    en: '{count} bank statement row(s) are invalid; nothing was imported (you may import only the valid rows). {reason}',
  },
  BANK_LINE_NOT_OPEN: { status: 409, zh: '流水 #{id} 已处理（{status}），不能再分配', en: 'Bank line #{id} is already {status} and cannot be assigned' },
  BANK_BULK_TOO_MANY: { status: 400, zh: '一次最多分配 {max} 行流水（本次 {count} 行），请分批操作', en: 'At most {max} bank lines per request ({count} given); split the selection' },
  BANK_BULK_LINE_TWICE: { status: 400, zh: '流水 #{id} 在请求中出现两次且客户不同', en: 'Bank line #{id} appears twice in the request with different customers' },
  BANK_BULK_LINE_NOT_FOUND: { status: 404, zh: '流水不存在（ID：{ids}），未做任何分配', en: 'No such bank lines (ids: {ids}); nothing was assigned' },
  BANK_BULK_OUT_OF_SCOPE: { status: 403, zh: '您不负责其中的客户（ID：{ids}），未做任何分配', en: 'Customers {ids} are outside your responsibility; nothing was assigned' },
  BANK_BULK_CUSTOMER_NOT_FOUND: { status: 404, zh: '客户不存在（ID：{ids}），未做任何分配', en: 'No such customers (ids: {ids}); nothing was assigned' },
  BANK_BULK_LINE_TAKEN: {
    status: 409,
    zh: '流水 #{id} 已处理（{status}{customer}），未做任何分配',
    en: 'Bank line #{id} is already {status}{customer}; nothing was assigned',
  },
});
