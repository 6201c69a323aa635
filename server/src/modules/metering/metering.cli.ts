/**
 * Command-line bulk import of daily deliveries:
 *   npm run cli -- metering:import <file.csv|file.xlsx> [--valid-only] [--dry-run] [--reason=…]
 * (or standalone: npx tsx server/src/modules/metering/metering.cli.ts metering:import <file> …).
 * Same validation and idempotent upsert as the upload (ingest.service.ts), channel 'cli'; it acts
 * with full customer scope as user "cli". Prints the report; exit code 1 when rows were rejected.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadConfig } from '../../platform/config';
import { AppError } from '../../platform/http/errors';
import { ingestDeliveries, type IngestReport } from './ingest.service';
import { fileRows } from './ingest.files';

export async function meteringImportCommand(args: string[]): Promise<void> {
  const file = args.find((a) => !a.startsWith('--'));
  if (!file) throw new Error('usage: metering:import <file.csv|file.xlsx> [--valid-only] [--dry-run] [--reason=…]');
  const validOnly = args.includes('--valid-only');
  const dryRun = args.includes('--dry-run');
  const reason = args.find((a) => a.startsWith('--reason='))?.slice('--reason='.length);
  const buf = fs.readFileSync(file);
  const isXlsx = buf[0] === 0x50 && buf[1] === 0x4b;
  const rows = await fileRows(buf, isXlsx ? 'xlsx' : 'csv', 'cli');
  const { buildApp } = await import('../../app');
  const config = loadConfig();
  const built = await buildApp({ ...config, scheduler: false }, { logger: false });
  const t = Date.now();
  let rejected = false;
  try {
    const report = await ingestDeliveries(
      built.ctx,
      { id: 0, roles: ['admin'] },
      rows,
      { channel: 'cli', lang: process.env.LANG?.startsWith('en') ? 'en' : 'zh-CN', validOnly, dryRun, reason, fileName: path.basename(file), defaultOrigin: 'manual' },
      { userId: null, username: 'cli' },
    );
    printReport(report, Date.now() - t);
  } catch (e) {
    if (e instanceof AppError && e.code === 'METERING_IMPORT_INVALID') {
      printReport(e.details as IngestReport, Date.now() - t);
      console.error(`rejected: ${(e.details as IngestReport).invalid} invalid row(s); nothing imported (use --valid-only to import the valid rows)`);
      rejected = true;
      return;
    }
    throw e;
  } finally {
    await built.close();
    // set after closing: the embedded database's runtime resets process.exitCode when it shuts down
    if (rejected) process.exitCode = 1;
  }
}

function printReport(r: IngestReport, ms: number) {
  console.log(`${r.status}: ${r.total} rows, ${r.valid} valid, ${r.invalid} invalid; inserted ${r.inserted}, updated ${r.updated}, unchanged ${r.unchanged} (${ms} ms)`);
  for (const e of r.errors) console.log(`  ${e.message}`);
  if (r.errorsTruncated) console.log(`  … ${r.errorCount - r.errors.length} more`);
}

export const meteringCliCommands: Record<string, (args: string[]) => Promise<void>> = { 'metering:import': meteringImportCommand };

// Standalone entry (until server/src/cli.ts merges module commands).
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const [cmd, ...rest] = process.argv.slice(2);
  const fn = meteringCliCommands[cmd ?? ''];
  if (!fn) {
    console.error('commands: metering:import <file> [--valid-only] [--dry-run] [--reason=…]');
    process.exitCode = 2;
  } else
    fn(rest).then(
      () => process.exit(process.exitCode ?? 0),
      (e) => {
        console.error(e instanceof AppError ? `${e.code} ${JSON.stringify(e.params)}` : e instanceof Error ? e.message : e);
        process.exit(1);
      },
    );
}
