/** Test helpers of the interactions module (customers come from customers/testing/factory.ts). */

/** A date n days from today in Asia/Shanghai, 'YYYY-MM-DD'. */
export function dayFromToday(n: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
