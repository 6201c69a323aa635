import type { FormInstance } from 'antd';
import type { ApiError } from '../../../lib/api';

/** Put server validation issues (details.issues[].path) on the form fields they name; true if any did. */
export function applyFieldErrors(form: FormInstance, e: ApiError): boolean {
  const issues: { path: (string | number)[]; message: string }[] = e.details?.issues ?? [];
  const fields = issues.filter((i) => i.path.length >= 2 && i.path[0] === 'body').map((i) => ({ name: String(i.path[1]), errors: [i.message] }));
  if (!fields.length) return false;
  form.setFields(fields as any);
  return true;
}
