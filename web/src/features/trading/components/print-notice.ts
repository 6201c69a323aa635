/** The printable result notice (成交结果通知书) of one award, opened in a new window and printed. */
import { formatDateTime, formatFen, formatNumber } from '../../../lib/format';
import { basisUnit } from '../i18n';

const escapeHtml = (v: string) => v.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export interface NoticeAward {
  buyer: string;
  session: string;
  deliveryMonth?: string;
  quantity: string;
  /** The session's unit basis: quantities in m³ or GJ, prices per m³ or per GJ. */
  basis?: 'm3' | 'GJ' | null;
  price: string;
  amountFen: number;
  buyerFeeFen: number;
  awardedAt: string;
}

export function printNotice(t: (key: string, opts?: Record<string, unknown>) => string, a: NoticeAward): void {
  const w = window.open('', '_blank');
  if (!w) return;
  const body = t('notice.body', {
    buyer: a.buyer,
    session: a.session,
    qty: formatNumber(a.quantity),
    u: basisUnit(a.basis),
    price: a.price,
    amount: formatFen(a.amountFen),
    fee: formatFen(a.buyerFeeFen),
    interpolation: { escapeValue: false },
  });
  w.document.write(
    `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(t('notice.title'))}</title></head>` +
      `<body style="font-family:sans-serif;padding:40px;max-width:720px"><h2 style="text-align:center">${escapeHtml(t('notice.title'))}</h2>` +
      `<p style="line-height:1.8">${escapeHtml(body)}</p><p style="text-align:right">${escapeHtml(t('notice.at', { at: formatDateTime(a.awardedAt) }))}</p></body></html>`,
  );
  w.document.close();
  w.print();
}
