/**
 * The business day in the browser. Dates in Qike are days in China (Asia/Shanghai, the server's
 * TZ_NAME): a browser set to another zone — or one in China just after midnight against a server
 * clock — must not offer yesterday as "today" and have the server refuse it (a receipt dated
 * before its notice, a payment in the future). Every date default and every "not after today"
 * limit in the UI uses `today()`; instants (times of day) keep `dayjs()`.
 */
import dayjs, { type Dayjs } from 'dayjs';

export const BUSINESS_TZ = 'Asia/Shanghai';

/** Today's date in China as a Dayjs at local midnight (so `.format('YYYY-MM-DD')` is that date). */
export function today(now: Date = new Date()): Dayjs {
  return dayjs(now.toLocaleDateString('sv-SE', { timeZone: BUSINESS_TZ }));
}
