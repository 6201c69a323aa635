/** Show a server error on the form: validation issues on their fields, anything else as a message. */
import type { FormInstance } from 'antd';
import { ApiError } from '../../../lib/api';

export function showApiError(form: FormInstance | null, e: unknown, toast: (m: string) => void) {
  if (form && e instanceof ApiError && e.code === 'VALIDATION' && Array.isArray(e.details?.issues)) {
    const fields = e.details.issues
      .map((i: { path: (string | number)[]; message: string }) => ({ name: i.path.filter((p) => p !== 'body' && p !== 'querystring'), errors: [i.message] }))
      .filter((f: { name: unknown[] }) => f.name.length > 0);
    if (fields.length) {
      form.setFields(fields.map((f: { name: (string | number)[]; errors: string[] }) => ({ name: f.name.length === 1 ? f.name[0] : f.name, errors: f.errors })));
      return;
    }
  }
  toast(e instanceof Error ? e.message : String(e));
}

/** The form's values, or null when inline validation failed (antd shows the messages). */
export async function validated<T>(form: FormInstance<T>): Promise<T | null> {
  try {
    return await form.validateFields();
  } catch {
    return null;
  }
}
