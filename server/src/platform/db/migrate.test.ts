/** Naming rules of the repository's migrations (one global order, issue 8). */
import { describe, expect, it } from 'vitest';
import { checkMigrations, listMigrations, migrationChecksum } from './migrate';

/** Applied in production under these names; every later migration uses a 12-digit UTC timestamp. Never add to this list. */
const LEGACY = [
  '0001_platform.sql',
  '0100_customers_core.sql',
  '0101_customers_archive.sql',
  '0102_customers_code_function.sql',
  '0150_interactions_core.sql',
  '0200_metering_core.sql',
  '0201_metering_history_quality_plans.sql',
  '0202_metering_bulk_integrity.sql',
  '0300_accounts_ledger.sql',
  '0301_accounts_monitoring.sql',
  '0302_accounts_day_charges.sql',
  '0303_accounts_bank_import.sql',
  '0350_procedures_core.sql',
];

describe('repository migrations', () => {
  const names = listMigrations().map((m) => m.name);
  it('four-digit names are only the frozen legacy files', () => {
    expect(names.filter((n) => /^\d{4}_/.test(n))).toEqual(LEGACY);
  });
  it('new files are YYYYMMDDHHMM_<module>_<what>.sql with a real UTC time', () => {
    for (const n of names.filter((x) => !LEGACY.includes(x))) {
      const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})_[a-z0-9]+_[\w-]+\.sql$/.exec(n);
      expect(m, `${n} should be named YYYYMMDDHHMM_<module>_<what>.sql`).not.toBeNull();
      const [y, mo, d, h, mi] = m!.slice(1).map(Number);
      const t = new Date(Date.UTC(y, mo - 1, d, h, mi));
      expect(t.getUTCMonth() === mo - 1 && t.getUTCDate() === d && t.getUTCHours() === h && t.getUTCMinutes() === mi && y >= 2026, `${n}: not a valid UTC time`).toBe(true);
    }
  });
});

describe('checkMigrations', () => {
  const f = (name: string, text = name) => ({ name, sql: text, checksum: migrationChecksum(text) });
  it('returns the pending files in order', () => {
    const files = [f('0001_a.sql'), f('202601010000_x_b.sql'), f('202601010001_x_c.sql')];
    expect(checkMigrations(files, [{ name: '0001_a.sql', checksum: files[0].checksum }]).map((m) => m.name)).toEqual(['202601010000_x_b.sql', '202601010001_x_c.sql']);
    expect(checkMigrations(files, []).length).toBe(3);
  });
  it('names the edited file', () => {
    expect(() => checkMigrations([f('0001_a.sql', 'new')], [{ name: '0001_a.sql', checksum: migrationChecksum('old') }])).toThrow(/0001_a\.sql was edited/);
  });
  it('names both files when a pending one sorts before the newest applied one', () => {
    const files = [f('0001_a.sql'), f('0002_late.sql'), f('202601010000_x_b.sql')];
    const applied = [files[0], files[2]].map((m) => ({ name: m.name, checksum: m.checksum }));
    expect(() => checkMigrations(files, applied)).toThrow(/0002_late\.sql .*Rename it to sort after 202601010000_x_b\.sql/);
  });
  it('an applied migration whose file is gone is not an error (another branch’s database)', () => {
    expect(
      checkMigrations(
        [f('0001_a.sql')],
        [
          { name: '0001_a.sql', checksum: null },
          { name: '0000_gone.sql', checksum: 'x' },
        ],
      ).length,
    ).toBe(0);
  });
});
