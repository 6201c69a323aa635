/** Error codes of the settlement module (zh/en). */
import { defineErrors } from '../../platform/http/errors';

export const SE = defineErrors({
  SETTLEMENT_RUNNING: { status: 409, zh: '{month} 的结算正在另一个会话中运行，请稍后再试', en: 'Settlement of {month} is already running in another session; try again shortly' },
  SETTLEMENT_MONTH_LOCKED: { status: 409, zh: '{month} 结算状态为「{status}」，已锁定，不能{action}；更正将在下一个未关闭月份以调整行体现', en: 'Settlement month {month} is {status} and locked; cannot {action}. Corrections appear as adjustment lines in the next open month' },
  SETTLEMENT_MONTH_NOT_ENDED: { status: 400, zh: '{month} 尚未结束（最后一个气日 {last}），不能结算', en: 'Month {month} has not ended (last gas day {last}); it cannot be settled yet' },
  SETTLEMENT_MISSING_PRICES: {
    status: 409,
    zh: '{month} 有 {count} 项缺少价格或热值，结算已停止（不会按零价结算）：{list}',
    en: 'Settlement of {month} stopped: {count} missing prices or energy values (nothing is priced at zero): {list}',
  },
  SETTLEMENT_STATUS: { status: 409, zh: '{month} 结算状态为「{status}」，不能{action}', en: 'Settlement month {month} is {status}; cannot {action}' },
  SETTLEMENT_NOT_RUN: { status: 404, zh: '{month} 尚未结算', en: 'Month {month} has not been settled' },
  SETTLEMENT_LATER_LOCKED: { status: 409, zh: '其后的 {later} 已确认或关闭，不能重新打开 {month}', en: 'The later month {later} is confirmed or closed; {month} cannot be reopened' },
  SETTLEMENT_STATEMENT_NONE: { status: 404, zh: '客户在 {month} 没有结算单', en: 'The customer has no settlement statement for {month}' },
  SETTLEMENT_PDF_FONT_MISSING: { status: 503, zh: '服务器缺少中文字体（{path}），无法生成 PDF；请改为导出 Excel', en: 'The server lacks a CJK font ({path}) to render the PDF; export Excel instead' },
});
