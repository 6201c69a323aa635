/** Show a server error on a form: validation issues on their fields, anything else as a toast. */
import type { FormInstance } from 'antd';
import { ApiError } from '../../../lib/api';

export function showApiError(form: FormInstance | null, e: unknown, toast: (m: string) => void, fieldOf: Record<string, string> = {}) {
  if (form && e instanceof ApiError && e.code === 'VALIDATION' && Array.isArray(e.details?.issues)) {
    const fields = e.details.issues
      .map((i: { path: (string | number)[]; message: string }) => ({ name: i.path.filter((p) => p !== 'body' && p !== 'querystring' && p !== 'params'), errors: [i.message] }))
      .filter((f: { name: unknown[] }) => f.name.length > 0)
      .map((f: { name: (string | number)[]; errors: string[] }) => ({ name: fieldOf[String(f.name[0])] ?? f.name[0], errors: f.errors }));
    if (fields.length) {
      form.setFields(fields);
      return;
    }
  }
  // Domain errors that concern one field are shown on it.
  if (form && e instanceof ApiError) {
    const field = { CUSTOMER_USCC_DUPLICATE: 'uscc', CUSTOMER_REGION_INVALID: 'region', CUSTOMER_METER_NO_DUPLICATE: 'meterNo' }[e.code];
    if (field) {
      form.setFields([{ name: field, errors: [e.message] }]);
      return;
    }
  }
  toast(e instanceof Error ? e.message : String(e));
}
