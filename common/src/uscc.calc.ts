/**
 * 统一社会信用代码 (Unified Social Credit Code, USCC) per GB 32100-2015 (DOMAIN.md §3 Archive).
 *
 * 18 characters from the 31-character set 0-9 A-H J-N P-R T-U W-Y (no I, O, Z, S, V).
 * The 18th is a check character: with Ci the value of the i-th character (its index in the set)
 * and Wi = 3^(i-1) mod 31 (1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28),
 *     C18 = 31 − (Σ_{i=1..17} Ci·Wi mod 31), where 31 becomes 0.
 * Only the character set, the length and this check digit are validated (positions 9–17 carry an
 * organisation code whose own GB 11714 check is not re-validated here).
 */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
export const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** Upper-cases and trims user input (codes are often typed in lower case or pasted with spaces). */
export function normalizeUscc(s: string): string {
  return s.replace(/\s+/g, '').toUpperCase();
}

/** The check character for a 17-character base, or null when the base is malformed. */
export function usccCheckChar(base17: string): string | null {
  if (base17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_CHARSET.indexOf(base17[i]);
    if (v < 0) return null;
    sum += v * USCC_WEIGHTS[i];
  }
  const c = 31 - (sum % 31);
  return USCC_CHARSET[c === 31 ? 0 : c];
}

export type UsccProblem = 'length' | 'charset' | 'check_digit';

/** null when `code` (already normalised) is a valid USCC, else what is wrong with it. */
export function usccProblem(code: string): UsccProblem | null {
  if (code.length !== 18) return 'length';
  for (const ch of code) if (!USCC_CHARSET.includes(ch)) return 'charset';
  return usccCheckChar(code.slice(0, 17)) === code[17] ? null : 'check_digit';
}

export function isValidUscc(code: string): boolean {
  return usccProblem(code) === null;
}

/** Human-readable reason for a USCC problem (zh/en), naming the field. */
export const USCC_PROBLEM_MSG: Record<UsccProblem, { zh: string; en: string }> = {
  length: { zh: '统一社会信用代码应为 18 位', en: 'A unified social credit code has 18 characters' },
  charset: { zh: '统一社会信用代码含有无效字符（不允许 I、O、Z、S、V）', en: 'The unified social credit code contains invalid characters (I, O, Z, S, V are not used)' },
  check_digit: { zh: '统一社会信用代码校验位不正确', en: 'The unified social credit code check digit is wrong' },
};
