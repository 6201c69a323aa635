/**
 * Bank statement import: match lines to customers, post matched ones as payments, queue the rest;
 * invalid rows reported per row (row, field, message in the user's language), as the deliveries import.
 */
import { sql } from 'kysely';
import type { AppContext } from '../../platform/module';
import { inTx, xactLock, type Tx } from '../../platform/db/database';
import { audit, type Actor } from '../../platform/audit/audit';
import { AppError } from '../../platform/http/errors';
import { AE } from './accounts.errors';
import { bankRowMessage, matchLine, parseBankRow, type BankLine, type BankRowError, type Mapping } from './bank-import.calc';
import type { Lang } from '@common/lang';
import type { RawBankRow } from './bank-import.files';
import type { BankLineStatus, MatchedBy } from './accounts.tables';
import { recordPayment } from './payments.service';
import { customerBasics } from '../customers';

async function mappings(db: Tx): Promise<Mapping[]> {
  const rows = await db.selectFrom('bank_payer_mappings').select(['payer_account', 'payer_name', 'customer_id']).execute();
  return rows.map((r) => ({ payerAccount: r.payer_account, payerName: r.payer_name, customerId: r.customer_id }));
}

async function customersByName(db: Tx, names: string[]): Promise<Map<string, number>> {
  if (!names.length) return new Map();
  const rows = await db
    .selectFrom(customerBasics().as('c'))
    .select(['id', 'name'])
    .where(sql<boolean>`name = ANY(${sql.val(names)}::text[])`)
    .where('status', '<>', 'closed')
    .execute();
  return new Map(rows.map((r) => [r.name, r.id]));
}

/** Bank references already imported as statement lines (whatever became of them). */
async function alreadyQueuedRefs(db: Tx, refs: string[]): Promise<Set<string>> {
  if (!refs.length) return new Set();
  const rows = await db
    .selectFrom('bank_statement_lines')
    .select('bank_ref')
    .where(sql<boolean>`bank_ref = ANY(${sql.val(refs)}::text[])`)
    .execute();
  return new Set(rows.map((r) => r.bank_ref));
}

/** Post one line as a payment of `customerId`; the outcome as a line status. */
async function post(ctx: AppContext, trx: Tx, l: BankLine, customerId: number, actor: Actor): Promise<{ status: BankLineStatus; transactionId: number | null; reason: string | null }> {
  try {
    const r = await recordPayment(
      ctx,
      { customerId, amountFen: l.amountFen, bankRef: l.bankRef, valueDate: l.valueDate, payerName: l.payerName, payerAccount: l.payerAccount, note: l.memo },
      actor,
      trx,
    );
    return { status: r.duplicate ? 'duplicate' : 'posted', transactionId: r.transaction.id, reason: null };
  } catch (e) {
    if (e instanceof AppError && (e.code === AE.BANK_REF_CONFLICT || e.code === AE.PERIOD_CLOSED)) return { status: 'rejected', transactionId: null, reason: e.code };
    throw e;
  }
}

export interface ImportResult {
  /** 'imported': every row valid; 'partial': the valid rows only (validOnly); 'dry_run': nothing written; 'rejected' only inside the error's details. */
  status: 'imported' | 'partial' | 'dry_run' | 'rejected';
  importId: number | null;
  /** Data rows read (credits, debits and invalid rows). */
  total: number;
  valid: number;
  invalid: number;
  lines: number;
  posted: number;
  duplicates: number;
  unmatched: number;
  rejected: number;
  skipped: number;
  errorCount: number;
  /** Per row: row, field, code and the message in the user's language (the first MAX_REPORTED_ERRORS). */
  errors: { row: number; field: string; code: string; message: string }[];
  errorsTruncated: boolean;
}

const MAX_REPORTED_ERRORS = 500;
class DryRun extends Error {}

export interface ImportOptions {
  lang: Lang;
  /** Import the valid rows and report the others (as the deliveries import does). */
  validOnly?: boolean;
  /** Validate and count what would happen, write nothing. */
  dryRun?: boolean;
}

/**
 * Import a statement in one transaction. Invalid rows refuse the whole file (nothing written, the
 * report in the error's details) unless `validOnly`; `dryRun` reports what an import would do.
 */
export async function importBankStatement(ctx: AppContext, rows: RawBankRow[], filename: string, actor: Actor, opts: ImportOptions = { lang: 'zh-CN' }): Promise<ImportResult> {
  const lines: BankLine[] = [];
  let skipped = 0;
  const errors: BankRowError[] = [];
  for (const r of rows) {
    const p = parseBankRow(r.row, r.raw);
    if ('error' in p) errors.push(p.error);
    else if ('skip' in p) skipped++;
    else lines.push(p);
  }
  const report = (status: ImportResult['status'], counts: Partial<ImportResult> = {}): ImportResult => ({
    status,
    importId: null,
    total: rows.length,
    valid: rows.length - errors.length,
    invalid: errors.length,
    lines: lines.length,
    posted: 0,
    duplicates: 0,
    unmatched: 0,
    rejected: 0,
    skipped,
    ...counts,
    errorCount: errors.length,
    errors: errors.slice(0, MAX_REPORTED_ERRORS).map((e) => ({ row: e.row, field: e.field, code: e.code, message: bankRowMessage(e, opts.lang) })),
    errorsTruncated: errors.length > MAX_REPORTED_ERRORS,
  });
  if (errors.length && !opts.validOnly && !opts.dryRun) {
    const first = errors[0];
    throw new AppError(AE.BANK_IMPORT_ROW, { count: errors.length, row: first.row, reason: { zh: bankRowMessage(first, 'zh-CN'), en: bankRowMessage(first, 'en') } }, report('rejected'));
  }
  if (!lines.length && !errors.length) throw new AppError(AE.BANK_IMPORT_EMPTY);
  if (!lines.length) return report(opts.dryRun ? 'dry_run' : 'partial');
  let out: ImportResult | null = null;
  try {
    await inTx(ctx.db, async (trx) => {
      // imports run one at a time: the same file uploaded twice at once cannot queue a line twice
      await xactLock(trx, 'accounts.bank-import');
      const seenRefs = await alreadyQueuedRefs(trx, [...new Set(lines.map((l) => l.bankRef))]);
      const maps = await mappings(trx);
      const byName = await customersByName(trx, [...new Set(lines.map((l) => l.payerName).filter((x): x is string => !!x))]);
      const imp = await trx
        .insertInto('bank_statement_imports')
        .values({ filename, uploaded_by: actor.userId, lines: lines.length, posted: 0, unmatched: 0 })
        .returning('id')
        .executeTakeFirstOrThrow();
      const values: any[] = [];
      const count = { posted: 0, duplicate: 0, unmatched: 0, rejected: 0 } as Record<string, number>;
      for (const l of lines) {
        const m = matchLine(l, maps, byName);
        // a line already imported (queued, assigned, ignored) is never queued again
        const again = !m && seenRefs.has(l.bankRef);
        const r = m
          ? await post(ctx, trx, l, m.customerId, actor)
          : again
            ? { status: 'duplicate' as const, transactionId: null, reason: 'ALREADY_IMPORTED' }
            : { status: 'unmatched' as const, transactionId: null, reason: null };
        seenRefs.add(l.bankRef);
        count[r.status] = (count[r.status] ?? 0) + 1;
        values.push({
          import_id: imp.id,
          row_no: l.row,
          bank_ref: l.bankRef,
          value_date: l.valueDate,
          amount_fen: l.amountFen,
          payer_name: l.payerName,
          payer_account: l.payerAccount,
          memo: l.memo,
          status: r.status,
          reason: r.reason,
          customer_id: m?.customerId ?? null,
          matched_by: (m?.by ?? null) as MatchedBy | null,
          transaction_id: r.transactionId,
        });
      }
      for (let i = 0; i < values.length; i += 2000)
        await trx
          .insertInto('bank_statement_lines')
          .values(values.slice(i, i + 2000))
          .execute();
      await trx.updateTable('bank_statement_imports').set({ posted: count.posted, unmatched: count.unmatched }).where('id', '=', imp.id).execute();
      out = report(opts.dryRun ? 'dry_run' : errors.length ? 'partial' : 'imported', {
        importId: opts.dryRun ? null : imp.id,
        posted: count.posted,
        duplicates: count.duplicate,
        unmatched: count.unmatched,
        rejected: count.rejected,
      });
      if (opts.dryRun) throw new DryRun();
      const { errors: _e, ...summary } = out;
      void _e;
      await audit(trx, actor, { action: 'bank_statement.import', entity: 'bank_statement_import', entityId: imp.id, after: { filename, validOnly: !!opts.validOnly, ...summary } });
    });
  } catch (e) {
    if (!(e instanceof DryRun)) throw e;
  }
  return out!;
}

export interface BankLineView {
  id: number;
  importId: number;
  rowNo: number;
  bankRef: string;
  valueDate: string;
  amountFen: number;
  payerName: string | null;
  payerAccount: string | null;
  memo: string | null;
  status: BankLineStatus;
  reason: string | null;
  customerId: number | null;
  customerName: string | null;
  matchedBy: MatchedBy | null;
  transactionId: number | null;
}

export async function listLines(db: Tx, q: { status?: BankLineStatus; importId?: number; page: number; pageSize: number }) {
  let base = db.selectFrom('bank_statement_lines as l').leftJoin(customerBasics().as('c'), 'c.id', 'l.customer_id');
  if (q.status) base = base.where('l.status', '=', q.status);
  if (q.importId) base = base.where('l.import_id', '=', q.importId);
  const { n } = await base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .selectAll('l')
    .select('c.name as customer_name')
    .orderBy('l.id', 'desc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return { total: Number(n), items: rows.map(toView) };
}

function toView(r: any): BankLineView {
  return {
    id: r.id,
    importId: r.import_id,
    rowNo: r.row_no,
    bankRef: r.bank_ref,
    valueDate: r.value_date,
    amountFen: r.amount_fen,
    payerName: r.payer_name,
    payerAccount: r.payer_account,
    memo: r.memo,
    status: r.status,
    reason: r.reason,
    customerId: r.customer_id,
    customerName: r.customer_name ?? null,
    matchedBy: r.matched_by,
    transactionId: r.transaction_id,
  };
}

async function openLine(trx: Tx, id: number) {
  const l = await trx.selectFrom('bank_statement_lines').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!l) throw new AppError('NOT_FOUND', { entity: { zh: '银行流水', en: 'Bank line' } });
  if (l.status !== 'unmatched') throw new AppError(AE.BANK_LINE_NOT_OPEN, { id, status: l.status });
  return l;
}

const asLine = (l: any): BankLine => ({ row: l.row_no, bankRef: l.bank_ref, valueDate: l.value_date, amountFen: l.amount_fen, payerName: l.payer_name, payerAccount: l.payer_account, memo: l.memo });

/**
 * Assign a queued line to a customer and post it. With `remember`, the payer (account, else name)
 * is mapped to the customer, and other queued lines of the same payer are posted too.
 */
export async function assignLine(ctx: AppContext, id: number, customerId: number, remember: boolean, actor: Actor): Promise<{ line: BankLineView; alsoPosted: number }> {
  return inTx(ctx.db, async (trx) => {
    const l = await openLine(trx, id);
    // recordPayment refuses a conflicting bank reference or a closed period with its own clear error
    const p = await recordPayment(
      ctx,
      { customerId, amountFen: l.amount_fen, bankRef: l.bank_ref, valueDate: l.value_date, payerName: l.payer_name, payerAccount: l.payer_account, note: l.memo },
      actor,
      trx,
    );
    const r = { status: (p.duplicate ? 'duplicate' : 'posted') as BankLineStatus, transactionId: p.transaction.id };
    await trx
      .updateTable('bank_statement_lines')
      .set({ status: r.status, customer_id: customerId, matched_by: 'manual', transaction_id: r.transactionId, decided_by: actor.userId, decided_at: new Date() })
      .where('id', '=', id)
      .execute();
    let alsoPosted = 0;
    if (remember && (l.payer_account || l.payer_name)) {
      const mapping = l.payer_account ? { payer_account: l.payer_account, payer_name: l.payer_name } : { payer_account: null, payer_name: l.payer_name };
      await trx
        .insertInto('bank_payer_mappings')
        .values({ ...mapping, customer_id: customerId, created_by: actor.userId })
        .onConflict((oc) =>
          (l.payer_account ? oc.column('payer_account').where('payer_account', 'is not', null) : oc.column('payer_name').where('payer_account', 'is', null)).doUpdateSet({
            customer_id: customerId,
            created_by: actor.userId,
          }),
        )
        .execute();
      let others = trx.selectFrom('bank_statement_lines').selectAll().where('status', '=', 'unmatched').where('id', '<>', id);
      others = l.payer_account ? others.where('payer_account', '=', l.payer_account) : others.where('payer_name', '=', l.payer_name).where('payer_account', 'is', null);
      for (const o of await others.orderBy('id').forUpdate().execute()) {
        const p = await post(ctx, trx, asLine(o), customerId, actor);
        if (p.status === 'rejected') continue;
        await trx
          .updateTable('bank_statement_lines')
          .set({ status: p.status, customer_id: customerId, matched_by: l.payer_account ? 'account' : 'name', transaction_id: p.transactionId, decided_by: actor.userId, decided_at: new Date() })
          .where('id', '=', o.id)
          .execute();
        alsoPosted++;
      }
    }
    await audit(trx, actor, { action: 'bank_line.assign', entity: 'bank_statement_line', entityId: id, customerId, after: { customerId, remember, alsoPosted, status: r.status } });
    const v = await trx
      .selectFrom('bank_statement_lines as l')
      .leftJoin(customerBasics().as('c'), 'c.id', 'l.customer_id')
      .selectAll('l')
      .select('c.name as customer_name')
      .where('l.id', '=', id)
      .executeTakeFirstOrThrow();
    return { line: toView(v), alsoPosted };
  });
}

export async function ignoreLine(ctx: AppContext, id: number, note: string | null, actor: Actor): Promise<void> {
  await inTx(ctx.db, async (trx) => {
    await openLine(trx, id);
    await trx.updateTable('bank_statement_lines').set({ status: 'ignored', reason: note, decided_by: actor.userId, decided_at: new Date() }).where('id', '=', id).execute();
    await audit(trx, actor, { action: 'bank_line.ignore', entity: 'bank_statement_line', entityId: id, after: { note } });
  });
}
