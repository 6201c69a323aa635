/**
 * Import templates in the user's language (issue 9 item 3): one header row, in Chinese or in
 * English; each import reads either language's headers (its header aliases list both).
 * `attachment` is the Content-Disposition of a download with a UTF-8 file name (RFC 6266/5987).
 */
import ExcelJS from 'exceljs';
import type { Lang, Msg } from '@common/lang';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function attachment(fileName: string, inline = false): string {
  return `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export interface TemplateSpec {
  /** The file name without extension, and the sheet's name. */
  name: Msg;
  sheet: Msg;
  columns: readonly Msg[];
  /** An example row (values only, same order as the columns). */
  example?: readonly (string | number)[];
}

/** The template as a file: content type, Content-Disposition and body. */
export async function importTemplate(spec: TemplateSpec, lang: Lang, format: 'xlsx' | 'csv'): Promise<{ type: string; disposition: string; body: Buffer | string }> {
  const pick = (m: Msg) => (lang === 'en' ? m.en : m.zh);
  const headers = spec.columns.map(pick);
  const fileName = `${pick(spec.name)}.${format}`;
  if (format === 'csv') {
    const rows = [headers, ...(spec.example ? [spec.example.map(String)] : [])];
    return { type: 'text/csv; charset=utf-8', disposition: attachment(fileName), body: '\uFEFF' + rows.map((r) => r.join(',')).join('\r\n') + '\r\n' };
  }
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Qike';
  const ws = wb.addWorksheet(pick(spec.sheet));
  ws.addRow(headers).font = { bold: true };
  if (spec.example) ws.addRow([...spec.example]);
  ws.columns.forEach((c) => (c.width = 18));
  return { type: XLSX_MIME, disposition: attachment(fileName), body: Buffer.from(await wb.xlsx.writeBuffer()) };
}
