/** Password hashing with argon2id (OWASP: m=19 MiB, t=2, p=1). */
import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../http/errors';

const OPTS = { algorithm: 2 /* Argon2id */, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(pw: string): Promise<string> {
  return hash(pw, OPTS as any);
}

export async function verifyPassword(stored: string, pw: string): Promise<boolean> {
  try {
    return await verify(stored, pw);
  } catch {
    return false;
  }
}

/** Passwords that meet the length rule but appear first in every guessing list. */
const COMMON = [
  'password123',
  'password1234',
  'qwerty123456',
  'abc1234567',
  'abcd123456',
  '1234567890a',
  'a1234567890',
  'admin123456',
  'admin12345',
  'qike123456',
  'p@ssw0rd123',
  'iloveyou123',
  '1qaz2wsx3edc',
  'qwertyuiop1',
  'changeme123',
  'welcome1234',
];

/**
 * Minimum password policy (at creation, reset and change): 10–200 characters with a letter and a
 * digit, not containing the username, not a well-known password.
 */
export function assertStrongPassword(pw: string, username?: string): void {
  if (pw.length < 10 || pw.length > 200 || !/[A-Za-z]/.test(pw) || !/\d/.test(pw)) throw new AppError('WEAK_PASSWORD');
  if (username && username.length >= 3 && pw.toLowerCase().includes(username.toLowerCase())) throw new AppError('PASSWORD_HAS_USERNAME');
  if (COMMON.includes(pw.toLowerCase())) throw new AppError('PASSWORD_TOO_COMMON');
}
