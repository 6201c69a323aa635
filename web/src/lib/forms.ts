/**
 * antd's `form.validateFields()` rejects with `{ errorFields }` when a field is invalid. The form
 * already shows the messages beside the fields, so that is not an error — but an uncaught
 * rejection per invalid submit was logged in the console. Submit handlers validate through
 * `validFields` (null when invalid) or end a promise chain with `.catch(ignoreInvalid)`.
 */
export function isValidationError(e: unknown): boolean {
  return !!e && typeof e === 'object' && 'errorFields' in e;
}

/** The form's values, or null when a field is invalid (the form shows why). */
export async function validFields<T>(form: { validateFields: () => Promise<T> }): Promise<T | null> {
  try {
    return await form.validateFields();
  } catch (e) {
    if (isValidationError(e)) return null;
    throw e;
  }
}

/** For `.catch()` at the end of a validateFields chain: swallow validation failures, rethrow the rest. */
export function ignoreInvalid(e: unknown): void {
  if (!isValidationError(e)) throw e;
}
