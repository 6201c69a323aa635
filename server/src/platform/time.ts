/** Calendar dates and times of day in the seller's time zone (DOMAIN.md §2). Pure: no I/O. */

/** Local date/time parts in a time zone, without binary date arithmetic surprises. */
// One formatter per zone, and the last answer per zone for its UTC minute (the result has minute
// precision; zone offsets are whole minutes): building an Intl.DateTimeFormat costs about a
// millisecond of CPU, and every request that needs "today" (the customer page, account summaries)
// called this.
const zones = new Map<string, { f: Intl.DateTimeFormat; minute: number; parts: { date: string; hhmm: string } | null }>();

export function localParts(d: Date, timeZone: string): { date: string; hhmm: string } {
  let z = zones.get(timeZone);
  if (!z) {
    const f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });
    z = { f, minute: NaN, parts: null };
    zones.set(timeZone, z);
  }
  const minute = Math.floor(d.getTime() / 60_000);
  if (z.parts && z.minute === minute) return { ...z.parts };
  const p = Object.fromEntries(z.f.formatToParts(d).map((x) => [x.type, x.value]));
  z.parts = { date: `${p.year}-${p.month}-${p.day}`, hhmm: `${p.hour === '24' ? '00' : p.hour}:${p.minute}` };
  z.minute = minute;
  return { ...z.parts };
}
